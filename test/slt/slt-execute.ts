/**
 * Runs one SQL text on a QueryEngine with a time bound, draining every result,
 * so a slow or hung statement fails its record instead of stalling the file.
 */
import { type BatchField, type LiteralValue, readValue } from '../../core/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';

/** What the last statement of the SQL produced. */
export type ExecOutcome =
  | { readonly ok: true; readonly kind: 'rows'; readonly fields: readonly BatchField[]; readonly rows: LiteralValue[][] }
  | { readonly ok: true; readonly kind: 'status'; readonly tag: string }
  | { readonly ok: false; readonly timedOut: boolean; readonly message: string; readonly sqlState?: string };

class Timeout extends Error {}

/** Executes `sql`, collecting the last statement's rows; never throws. */
export async function executeBounded(engine: QueryEngine, sql: string, timeoutMs: number): Promise<ExecOutcome> {
  const abort = new AbortController();
  const work = (async (): Promise<ExecOutcome> => {
    let last: ExecOutcome = { ok: true, kind: 'status', tag: '' };
    for await (const result of engine.execute(sql, { signal: abort.signal })) {
      if (result.kind === 'status') { last = { ok: true, kind: 'status', tag: result.tag }; continue; }
      const rows: LiteralValue[][] = [];
      for await (const batch of result.batches) {
        for (let i = 0; i < batch.length; i++) {
          const row = batch.selection ? batch.selection[i]! : i;
          rows.push(result.fields.map((f, c) => readValue(batch.column(c), f.type, row)));
        }
      }
      last = { ok: true, kind: 'rows', fields: result.fields, rows };
    }
    return last;
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { abort.abort(); reject(new Timeout()); }, timeoutMs);
  });
  const started = performance.now();
  try {
    const outcome = await Promise.race([work, timeout]);
    // a statement that blocks the event loop cannot be interrupted here (the process watchdog of
    // slt-child-pool.ts ends hangs); one that finished late still fails its record
    const elapsed = performance.now() - started;
    if (elapsed > timeoutMs) return { ok: false, timedOut: true, message: `took ${(elapsed / 1000).toFixed(1)} s (limit ${timeoutMs / 1000} s)` };
    return outcome;
  } catch (e) {
    if (e instanceof Timeout) {
      work.catch(() => {}); // the abandoned run may still reject later
      return { ok: false, timedOut: true, message: `timed out after ${timeoutMs / 1000} s` };
    }
    const err = e as { message?: unknown; sqlState?: unknown };
    const message = typeof err?.message === 'string' ? err.message : String(e);
    return { ok: false, timedOut: false, message, ...(typeof err?.sqlState === 'string' ? { sqlState: err.sqlState } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

/** The affected-row count of a result: the tag's last number (`INSERT 0 3`), a one-value count row, or 0 for DDL. */
export function affectedRows(outcome: ExecOutcome): number | undefined {
  if (!outcome.ok) return undefined;
  if (outcome.kind === 'status') {
    const m = /(\d+)$/.exec(outcome.tag);
    return m ? Number(m[1]) : 0;
  }
  if (outcome.rows.length === 1 && outcome.rows[0]!.length === 1) {
    const v = outcome.rows[0]![0];
    if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  }
  return undefined;
}
