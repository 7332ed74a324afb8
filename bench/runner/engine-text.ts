/** Loch's QueryEngine as the harness drives it: SQL in, the last query's rows out as text; the tables registered. */
import { formatValue, readValue } from '../../core/index.ts';
import type { QueryEngine } from '../../cli/index.ts';
import type { BenchTables, TextResult } from './bench-engines.ts';

/** Runs SQL on a QueryEngine and returns the last query's rows as text (NULL as null). */
export function textRunner(engine: QueryEngine): (sql: string) => Promise<TextResult> {
  return async (sql) => {
    let last: TextResult = { names: [], rows: [] };
    for await (const result of engine.execute(sql)) {
      if (result.kind !== 'rows') continue;
      const rows: (string | null)[][] = [];
      const types = result.fields.map((f) => f.type);
      for await (const batch of result.batches) {
        const columns = types.map((_, c) => batch.column(c));
        for (let r = 0; r < batch.length; r++) {
          rows.push(types.map((t, c) => { const v = readValue(columns[c]!, t, r); return v === null ? null : formatValue(v, t); }));
        }
      }
      last = { names: result.fields.map((f) => f.name), rows };
    }
    return last;
  };
}

/** Registers the benchmark's tables (Parquet or Delta) with CREATE TABLE statements. */
export async function registerTables(run: (sql: string) => Promise<TextResult>, tables: BenchTables): Promise<void> {
  const ddl = [...tables.parquet.keys()].map((t) => tables.format === 'delta'
    ? `CREATE TABLE ${t} USING delta LOCATION '${tables.delta.get(t)}';`
    : `CREATE TABLE ${t} USING parquet LOCATION '${tables.parquet.get(t)}';`);
  await run(ddl.join('\n'));
}

