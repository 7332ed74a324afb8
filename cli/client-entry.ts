/**
 * `loch/client`: the DataFrame client plus the embedded engine (issue 5).
 *
 * client/ may import only core and proto, so it cannot start an engine itself;
 * this composition-root file registers the factory behind `Loch.embedded()`:
 * an in-process engine (cli/local-engine.ts) whose results are turned into
 * Arrow record batches, as the gRPC transport would deliver them.
 * With `workers: N` it starts the embedded cluster (coordinator here, N worker processes).
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState, toArrowSchema, toLochError, toRecordBatch } from '../core/index.ts';
import { registerEmbeddedTransport, type EmbeddedOptions, type LochTransport, type TransportResult } from '../client/index.ts';
import type { QueryEngine } from '../coordinator/index.ts';
import { materialize } from '../worker/index.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalEngine } from './local-engine.ts';
import { startEmbeddedCluster } from './embedded-cluster.ts';

export * from '../client/index.ts';

/** A LochTransport over an in-process QueryEngine (one statement per call). */
export function queryEngineTransport(engine: QueryEngine): LochTransport {
  return {
    sharesFilesystem: true,
    async execute(sql, options): Promise<TransportResult> {
      const statements = engine.execute(sql, options.signal ? { signal: options.signal } : {})[Symbol.asyncIterator]();
      const first = await statements.next().catch((e: unknown) => {
        if (options.signal?.aborted && !(e instanceof LochError)) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request', { cause: e });
        throw toLochError(e);
      });
      const finish = async (): Promise<void> => {
        // Run any further statements of the text, then end the iterator.
        for (let r = await statements.next(); !r.done; r = await statements.next()) {
          if (r.value.kind === 'rows') for await (const _ of r.value.batches) { /* drain */ }
        }
      };
      if (first.done || first.value.kind !== 'rows') {
        await finish();
        return { schema: new arrow.Schema([]), batches: (async function* () {})() };
      }
      const result = first.value;
      const schema = toArrowSchema(result.fields);
      return {
        schema,
        batches: (async function* () {
          let complete = false;
          try {
            for await (const batch of result.batches) yield toRecordBatch(batch.selection ? materialize(batch) : batch, schema);
            complete = true;
          } catch (e) {
            // An operator may stop with the signal's AbortError: report it as PostgreSQL does.
            if (options.signal?.aborted && !(e instanceof LochError)) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request', { cause: e });
            throw toLochError(e);
          } finally {
            if (complete) await finish();
            else await statements.return?.(undefined);
          }
        })(),
      };
    },
    close: () => engine.close(),
  };
}

registerEmbeddedTransport(async (options: EmbeddedOptions) => {
  if ((options.workers ?? 0) === 0) return queryEngineTransport(await createLocalEngine(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}));
  // The embedded cluster: a coordinator here and worker processes, data in dataDir or a temporary folder.
  const dataDir = options.dataDir ?? await mkdtemp(path.join(tmpdir(), 'loch-embedded-'));
  const cluster = await startEmbeddedCluster({ dataDir, workers: options.workers!, grpcPort: 0 });
  const transport = queryEngineTransport(cluster.engine());
  return {
    execute: (sql, o) => transport.execute(sql, o),
    close: async () => {
      await transport.close();
      await cluster.stop();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
});
