/**
 * Large client data for `createDataFrame`: binding a VALUES list costs the
 * engine about a millisecond per row, so past LARGE_DATA_ROWS rows the data is
 * written to a temporary Parquet file (hyparquet-writer) and read with
 * `read_parquet(...)`. Only for transports whose engine shares this machine's
 * file system (the embedded engine); over gRPC the VALUES path is used.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { LiteralInput } from './column.ts';
import { quoteString } from './expr-sql.ts';
import type { FromItem } from './plan.ts';

/** Row count from which createDataFrame writes a temporary Parquet file (when it can). */
export const LARGE_DATA_ROWS = 2000;

type ParquetType = 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'FLOAT' | 'STRING' | 'TIMESTAMP';

interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
  readonly data: unknown[];
}

/** Temporary Parquet files of one session, removed by `close()`. */
export class LocalParquetFiles {
  private dir: string | null = null;
  private count = 0;

  /** Writes columns to a new file and returns the FROM item reading it. */
  write(columns: readonly ParquetColumn[]): FromItem {
    this.dir ??= mkdtempSync(path.join(tmpdir(), 'loch-client-data-'));
    const file = path.join(this.dir, `data-${this.count++}.parquet`);
    const buffer = parquetWriteBuffer({ columnData: columns.map((c) => ({ name: c.name, type: c.type, data: c.data, nullable: true })) } as Parameters<typeof parquetWriteBuffer>[0]);
    writeFileSync(file, new Uint8Array(buffer));
    return { text: `read_parquet(${quoteString(file)})`, needsAlias: false };
  }

  close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

const SQL_TO_PARQUET: Readonly<Record<string, ParquetType>> = {
  bigint: 'INT64', 'double precision': 'DOUBLE', text: 'STRING', boolean: 'BOOLEAN', timestamptz: 'TIMESTAMP',
};

/** Row matrix with inferred SQL types (local-data.ts) as Parquet columns, or null if a type has no mapping. */
export function rowColumns(names: readonly string[], types: readonly string[], matrix: readonly (readonly LiteralInput[])[]): ParquetColumn[] | null {
  const out: ParquetColumn[] = [];
  for (let c = 0; c < names.length; c++) {
    const type = SQL_TO_PARQUET[types[c]!];
    if (!type) return null;
    const data = matrix.map((r) => {
      const v = r[c] ?? null;
      if (v === null) return null;
      if (type === 'INT64') return BigInt(v as number | bigint);
      return v;
    });
    out.push({ name: names[c]!, type, data });
  }
  return out;
}

/** An Arrow table's columns as Parquet columns, or null if a type has no mapping. */
export function arrowColumns(table: arrow.Table): ParquetColumn[] | null {
  const out: ParquetColumn[] = [];
  for (let c = 0; c < table.schema.fields.length; c++) {
    const field = table.schema.fields[c]!;
    let t = field.type as arrow.DataType;
    if (arrow.DataType.isDictionary(t)) t = t.dictionary;
    let type: ParquetType;
    if (arrow.DataType.isBool(t)) type = 'BOOLEAN';
    else if (arrow.DataType.isInt(t)) type = t.bitWidth === 64 ? 'INT64' : 'INT32';
    else if (arrow.DataType.isFloat(t)) type = t.precision === arrow.Precision.SINGLE ? 'FLOAT' : 'DOUBLE';
    else if (arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t)) type = 'STRING';
    else return null;
    const vector = table.getChildAt(c)!;
    const data: unknown[] = new Array(table.numRows);
    for (let r = 0; r < table.numRows; r++) {
      const v = vector.get(r) as unknown;
      data[r] = v === undefined ? null : type === 'INT64' && v !== null ? BigInt(v as number | bigint) : v;
    }
    out.push({ name: field.name, type, data });
  }
  return out;
}
