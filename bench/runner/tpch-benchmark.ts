/**
 * Runs TPC-H queries on Loch and on DuckDB over the same Parquet files, checks
 * every Loch result against DuckDB's, and reports per-query times.
 * (Issue 2 records the starting point; issue 7 grows this into the full harness.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { formatValue, readValue } from '../../core/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import { compareTextRows, type TextRows } from './compare-results.ts';

const QUERY_DIR = fileURLToPath(new URL('../queries/', import.meta.url));
export const TPCH_TABLES = ['nation', 'region', 'part', 'supplier', 'partsupp', 'customer', 'orders', 'lineitem'];

export interface QueryReport {
  readonly q: number;
  readonly lochMs: number[];
  readonly duckdbMs: number[];
  readonly rows: number;
  readonly correct: boolean;
  readonly problems: readonly string[];
  readonly error?: string;
}

export function tpchQueryText(q: number): string {
  return readFileSync(join(QUERY_DIR, `q${String(q).padStart(2, '0')}.sql`), 'utf8');
}

/** `lineitem` may be one file or a folder of part files. */
function tableLocation(dataDir: string, table: string): string {
  const dir = join(dataDir, table);
  if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'))) return `${dir}/*.parquet`;
  return join(dataDir, `${table}.parquet`);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)]!;
}

export async function runTpchComparison(options: { dataDir: string; queries: readonly number[]; runs: number; log: (line: string) => void }): Promise<QueryReport[]> {
  const { dataDir, queries, runs, log } = options;
  const loch = await createLocalEngine();
  const ddl = TPCH_TABLES.map((t) => `CREATE TABLE ${t} USING parquet LOCATION '${tableLocation(dataDir, t)}';`).join('\n');
  for await (const _ of loch.execute(ddl)) { /* register tables */ }
  const duck = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
  for (const t of TPCH_TABLES) await duck.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${tableLocation(dataDir, t)}')`);

  const reports: QueryReport[] = [];
  for (const q of queries) {
    const sql = tpchQueryText(q);
    const duckMs: number[] = [];
    let expected: TextRows = [];
    let names: string[] = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const reader = await duck.runAndReadAll(sql);
      if (i > 0) duckMs.push(performance.now() - t0); // run 0 is the warm-up
      expected = reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
      names = reader.columnNames();
    }
    const lochMs: number[] = [];
    let actual: (string | null)[][] = [];
    let error: string | undefined;
    try {
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        actual = [];
        for await (const result of loch.execute(sql)) {
          if (result.kind !== 'rows') continue;
          for await (const batch of result.batches) {
            for (let r = 0; r < batch.length; r++) {
              actual.push(result.fields.map((f, c) => { const v = readValue(batch.column(c), f.type, r); return v === null ? null : formatValue(v, f.type); }));
            }
          }
        }
        if (i > 0) lochMs.push(performance.now() - t0);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const problems = error ? [error] : compareTextRows(actual, expected, names);
    const report: QueryReport = { q, lochMs, duckdbMs: duckMs, rows: expected.length, correct: problems.length === 0, problems, ...(error ? { error } : {}) };
    reports.push(report);
    const lm = median(lochMs);
    const dm = median(duckMs);
    log(`Q${String(q).padStart(2, '0')}  loch ${error ? 'ERROR' : `${lm.toFixed(1)} ms`}  duckdb ${dm.toFixed(1)} ms  ratio ${error ? '-' : (lm / dm).toFixed(1)}  rows ${expected.length}  ${problems.length === 0 ? 'correct' : `WRONG: ${problems.slice(0, 3).join('; ')}`}`);
  }
  await loch.close();
  duck.closeSync();
  return reports;
}

export { median };
