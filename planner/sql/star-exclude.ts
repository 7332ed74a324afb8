/**
 * `SELECT * EXCLUDE (a, b)` / `* EXCLUDE a` (DuckDB, DataFusion, Snowflake) and
 * `SELECT * EXCEPT (a, b)` / `t.* EXCEPT (a)` (Databricks/Spark, BigQuery): every column
 * of the star but the named ones. PostgreSQL's grammar has neither, so the clause is
 * blanked before parsing (same length: positions stay exact) and remembered by the
 * offset of its star's column reference (`*`, or the start of `t.*`); the adapter gives
 * that star item its `exclude` list.
 */

/** A star's EXCLUDE/EXCEPT list, by the offset of the star's column reference. */
export interface StarExclude {
  readonly at: number;
  readonly names: readonly string[];
}

const PATTERN = /\*(\s*)(exclude|except)\b(\s*)(\(([^()]*)\)|[A-Za-z_][\w$]*|"(?:[^"]|"")*")/gi;

/** The text with each star's EXCLUDE/EXCEPT clause blanked, and the clauses. */
export function rewriteStarExclude(sql: string): { text: string; excludes: StarExclude[] } {
  if (!/\b(exclude|except)\b/i.test(sql)) return { text: sql, excludes: [] };
  const masked = sql.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
  const excludes: StarExclude[] = [];
  let text = sql;
  for (const m of masked.matchAll(PATTERN)) {
    const at = starStart(masked, m.index);
    if (at < 0) continue; // a multiplication, or EXCEPT as a set operation after a star
    const list = m[5] !== undefined ? sql.slice(m.index + m[0].length - 1 - m[5].length, m.index + m[0].length - 1) : sql.slice(m.index + m[0].length - m[4]!.length, m.index + m[0].length);
    const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '').map((n) => (n.startsWith('"') ? n.slice(1, -1).replace(/""/g, '"') : n.toLowerCase()));
    if (names.length === 0) continue;
    excludes.push({ at, names });
    const from = m.index + 1;
    text = text.slice(0, from) + ' '.repeat(m[0].length - 1) + text.slice(from + m[0].length - 1);
  }
  return { text, excludes };
}

/** Where the select-list star at `star` starts (`*`, or its qualifier of `t.*`); -1 when the `*` is not a select-list star. */
function starStart(masked: string, star: number): number {
  let i = star - 1;
  while (i >= 0 && /\s/.test(masked[i]!)) i--;
  if (i < 0) return -1;
  if (masked[i] === '.') {
    let j = i - 1;
    while (j >= 0 && /\s/.test(masked[j]!)) j--;
    if (masked[j] === '"') {
      j = masked.lastIndexOf('"', j - 1);
      return j;
    }
    while (j > 0 && /[\w$]/.test(masked[j - 1]!)) j--;
    return /[\w$]/.test(masked[j] ?? '') ? j : -1;
  }
  if (masked[i] === ',') return star;
  const word = /([A-Za-z_]+)$/.exec(masked.slice(0, i + 1));
  return word && /^(select|distinct|all)$/i.test(word[1]!) ? star : -1;
}
