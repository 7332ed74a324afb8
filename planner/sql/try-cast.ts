/**
 * `TRY_CAST(x AS type)` (Spark, Databricks, DuckDB, DataFusion): a cast that
 * yields NULL instead of failing on a value it cannot convert. PostgreSQL's
 * grammar lacks it, so `try_cast` becomes `    cast` before parsing (same
 * length: positions stay exact) and the offsets of those CAST keywords are
 * remembered; the adapter marks the TypeCast node starting there `try`.
 */

const PATTERN = /\btry_cast(?=\s*\()/gi;

/** The text with TRY_CAST spelled CAST, and the offsets of those CAST keywords. */
export function rewriteTryCast(sql: string): { text: string; tryCasts: number[] } {
  if (!/try_cast/i.test(sql)) return { text: sql, tryCasts: [] };
  const tryCasts: number[] = [];
  let out = '';
  let last = 0;
  const skipped = quotedRanges(sql);
  for (const m of sql.matchAll(PATTERN)) {
    if (skipped.some(([a, b]) => m.index >= a && m.index < b)) continue;
    out += `${sql.slice(last, m.index)}    cast`;
    tryCasts.push(m.index + 4);
    last = m.index + m[0].length;
  }
  return { text: out + sql.slice(last), tryCasts };
}

/** [start, end) of string literals, quoted identifiers and comments. */
export function quotedRanges(sql: string): [number, number][] {
  const ranges: [number, number][] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    let end = i;
    if (c === "'" || c === '"') {
      end = i + 1;
      while (end < sql.length && !(sql[end] === c && sql[end + 1] !== c)) end += sql[end] === c ? 2 : 1;
      end = Math.min(end + 1, sql.length);
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      end = nl < 0 ? sql.length : nl;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      end = close < 0 ? sql.length : close + 2;
    }
    if (end > i) { ranges.push([i, end]); i = end; } else i++;
  }
  return ranges;
}
