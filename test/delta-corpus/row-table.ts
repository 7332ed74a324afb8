/**
 * Rows in a comparable form for the Delta corpus runner: every value becomes a
 * canonical string that does not depend on how a writer laid it out (scale of a
 * decimal, timestamp with or without zone, float widened to double), so
 * "compare values, not layouts" is string equality.
 */
import type { Batch, DataType, LiteralValue, SourceColumn } from '../../core/index.ts';
import { formatScaled, parseDecimalText, readValue } from '../../core/index.ts';
import { parseDeltaTimestampText } from './text-values.ts';

/** A table of canonical cells: column names and rows. */
export interface RowTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Canonical text of one value of `type`. */
export function canonical(v: LiteralValue, type: DataType): string {
  if (v === null) return '∅';
  switch (type.kind) {
    case 'float32': return `f:${String(Math.fround(v as number))}`;
    case 'float64': return `f:${String(v as number)}`;
    case 'int16': case 'int32': case 'int64': return `n:${String(v)}`;
    case 'decimal': return `n:${trimDecimal(formatScaled(v as number | bigint, type.scale))}`;
    case 'date': return `d:${String(v)}`;
    case 'timestamp': case 'timestamptz': return `t:${String(v)}`;
    case 'text': return `s:${JSON.stringify(v)}`;
    case 'boolean': return `b:${String(v)}`;
    default: return `?:${JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x))}`;
  }
}

/** "12.50" → "12.5", "3.00" → "3" (integers and decimals compare as numbers). */
function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Collects batches (honouring selection vectors) into canonical rows. */
export async function collectRows(columns: readonly SourceColumn[], batches: AsyncIterable<Batch>): Promise<RowTable> {
  const rows: string[][] = [];
  for await (const b of batches) {
    const n = b.length;
    for (let r = 0; r < n; r++) {
      const i = b.selection ? b.selection[r]! : r;
      rows.push(columns.map((c, k) => canonical(readValue(b.columns[k]!, c.type, i), c.type)));
    }
  }
  return { columns: columns.map((c) => c.name), rows };
}

/** Parses a cell of an Arrow pretty-printed table as a value of `type` ('' = null). */
export function parseCell(text: string, type: DataType): LiteralValue {
  if (text === '') return null;
  switch (type.kind) {
    case 'int16': case 'int32': case 'float32': case 'float64': return Number(text);
    case 'int64': return BigInt(text);
    case 'decimal': return Number.isSafeInteger(Number(parseDecimalText(text, 38, type.scale))) && type.precision <= 18
      ? Number(parseDecimalText(text, 38, type.scale)) : parseDecimalText(text, 38, type.scale);
    case 'boolean': return text === 'true';
    case 'date': return Number(parseDeltaTimestampText(text) / 86_400_000_000n);
    case 'timestamp': case 'timestamptz': return parseDeltaTimestampText(text);
    default: return text;
  }
}

/**
 * Compares two row tables by the columns of `expected` (row order ignored).
 * Returns undefined when equal, else a short reason.
 */
export function compareTables(expected: RowTable, actual: RowTable, exactColumns: boolean): string | undefined {
  const index = expected.columns.map((name) => {
    const i = actual.columns.indexOf(name);
    return i >= 0 ? i : actual.columns.findIndex((a) => a.toLowerCase() === name.toLowerCase());
  });
  const missing = expected.columns.filter((_, k) => index[k]! < 0);
  if (missing.length > 0) return `columns missing from the scan: ${missing.join(', ')}`;
  if (exactColumns) {
    const extra = actual.columns.filter((_, i) => !index.includes(i));
    if (extra.length > 0) return `unexpected columns in the scan: ${extra.join(', ')}`;
  }
  if (expected.rows.length !== actual.rows.length) return `expected ${expected.rows.length} rows, got ${actual.rows.length}`;
  const key = (r: readonly string[]) => r.join('\u0001');
  const want = expected.rows.map(key).sort();
  const got = actual.rows.map((r) => key(index.map((i) => r[i]!))).sort();
  for (let i = 0; i < want.length; i++) {
    if (want[i] !== got[i]) {
      const wantSet = new Set(got);
      const firstMissing = want.find((w) => !wantSet.has(w)) ?? want[i]!;
      return `row mismatch: expected row (${firstMissing.split('\u0001').join(', ')}) not found in the scan`;
    }
  }
  return undefined;
}
