/**
 * Expected rows from Parquet files that Loch's columnar reader refuses because
 * they hold nested columns (issue 6): the flat columns are read with hyparquet
 * and converted to the scanned columns' types, so the runner can still check
 * everything except the nested columns.
 */
import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { DataType, LiteralValue, SourceColumn } from '../../core/index.ts';
import { type RowTable, canonical } from './row-table.ts';

const PARSERS = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (v: bigint) => v * 1000n,
  timestampFromMicroseconds: (v: bigint) => v,
  timestampFromNanoseconds: (v: bigint) => v / 1000n,
};

/** The rows of `files` restricted to the flat columns among `columns` (by name). */
export async function readExpectedFlat(files: readonly string[], columns: readonly SourceColumn[]): Promise<RowTable> {
  let names: string[] | undefined;
  const rows: string[][] = [];
  for (const f of files) {
    const b = readFileSync(f);
    const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const objects = await parquetReadObjects({ file: buffer, compressors, parsers: PARSERS });
    if (!names) {
      const present = new Set(objects.length > 0 ? Object.keys(objects[0]!) : []);
      names = columns.map((c) => c.name).filter((n) => present.has(n));
    }
    const types = names.map((n) => columns.find((c) => c.name === n)!.type);
    for (const o of objects) rows.push(names.map((n, k) => canonical(toLiteral(o[n], types[k]!), types[k]!)));
  }
  return { columns: names ?? [], rows };
}

function toLiteral(v: unknown, type: DataType): LiteralValue {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'int64': case 'timestamp': case 'timestamptz': return typeof v === 'bigint' ? v : BigInt(v as number);
    case 'decimal': return Math.round(Number(v) * 10 ** type.scale);
    case 'text': return v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v);
    case 'boolean': return Boolean(v);
    default: return typeof v === 'bigint' ? Number(v) : (v as number);
  }
}
