/**
 * Runs SQL text against a QueryEngine and prints each statement's result.
 * Rows go to stdout; in csv and json formats status lines (`CREATE TABLE`) and
 * timings go to stderr, so stdout holds exactly the query results.
 */
import type { QueryEngine } from '../coordinator/index.ts';
import { formatError } from './error-report.ts';
import { type OutputFormat, type Write, printRows } from './result-format.ts';

/** Where and how results are printed. */
export interface SqlOutput {
  readonly format: OutputFormat;
  readonly stdout: Write;
  readonly stderr: Write;
  /** Print `Time: … ms` after each statement (the shell's `\timing`). */
  readonly timing?: boolean;
}

/** Runs every statement of `sql`; stops at the first failure, prints it and returns false. */
export async function runSql(engine: QueryEngine, sql: string, out: SqlOutput, signal?: AbortSignal): Promise<boolean> {
  const info = out.format === 'table' ? out.stdout : out.stderr;
  let started = performance.now();
  try {
    for await (const result of engine.execute(sql, signal ? { signal } : {})) {
      if (result.kind === 'rows') await printRows(result.fields, result.batches, out.format, out.stdout);
      else info(`${result.tag}\n`);
      if (out.timing) info(`Time: ${(performance.now() - started).toFixed(3)} ms\n`);
      started = performance.now();
    }
    return true;
  } catch (e) {
    out.stderr(formatError(e));
    return false;
  }
}
