import { Batch, LochError, SqlState, T, columnFromValues } from '../../../core/index.ts';
import type { ExecuteOptions, QueryEngine, StatementResult } from '../../query-engine.ts';
import type { QuerySession } from '../index.ts';

/**
 * A tiny engine: statements separated by `;` — `numbers N` (rows n = 0..N-1 and a text column),
 * `create` (a status), `boom` (22012), `wait` (blocks until cancelled).
 */
export class TinyEngine implements QueryEngine {
  readonly sessions: QuerySession[];
  constructor(sessions: QuerySession[], session: QuerySession) { this.sessions = sessions; sessions.push(session); }

  async *execute(sql: string, options: ExecuteOptions = {}): AsyncIterable<StatementResult> {
    for (const stmt of sql.split(';').map((s) => s.trim()).filter((s) => s.length > 0)) {
      if (stmt.startsWith('numbers ')) {
        const n = Number(stmt.slice(8));
        yield {
          kind: 'rows',
          fields: [{ name: 'n', type: T.int32, nullable: false }, { name: 's', type: T.text, nullable: false }],
          batches: (async function* () {
            for (let start = 0; start < n; start += 50_000) {
              const values = Array.from({ length: Math.min(50_000, n - start) }, (_v, i) => start + i);
              yield new Batch([columnFromValues(T.int32, values), columnFromValues(T.text, values.map((v) => `row number ${v}`))], values.length);
            }
          })(),
        };
      } else if (stmt === 'create') {
        yield { kind: 'status', tag: 'CREATE TABLE' };
      } else if (stmt === 'boom') {
        throw new LochError(SqlState.divisionByZero, 'division by zero');
      } else if (stmt === 'wait') {
        await new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true }));
      }
    }
  }

  async close(): Promise<void> {}
}

