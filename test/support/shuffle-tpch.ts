/**
 * A small TPC-H dataset that a 2-worker cluster runs entirely through shuffle files: SF 0.01 written
 * with `rowGroupSize`-row row groups, scans split one task per row group, nothing broadcast; beside
 * it a one-process engine over the same files, whose answers the cluster's must equal.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TpchTable, writeTpchDataset } from '../../bench/tpch/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { writeParquetFile } from '../../storage/index.ts';
import { startTestCluster } from './cluster.ts';
import { queryText } from './results.ts';

export interface ShuffleTpch {
  /** The cluster's engine. */
  readonly engine: QueryEngine;
  /** One process over the same tables. */
  readonly local: QueryEngine;
  close(): Promise<void>;
}

/** Writes `tables` and registers them on a new 2-worker cluster and a one-process engine. */
export async function startShuffleTpch(tables: readonly TpchTable[], rowGroupSize: number): Promise<ShuffleTpch> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loch-shuffle-tpch-'));
  await writeTpchDataset({
    sf: 0.01, outDir: dataDir, tables,
    writeParquetFile: (file, fields, batches, options) => writeParquetFile(file, fields, batches, { ...options, rowGroupSize }),
  });
  const cluster = await startTestCluster({ workers: 2, etcd: false, distribution: { broadcastThresholdBytes: 0, targetSplitBytes: 1 } });
  const engine = cluster.engine();
  const local = await createLocalEngine();
  // big tables are written as directories of part files
  const location = (t: string): string => (existsSync(`${dataDir}/${t}.parquet`) ? `${dataDir}/${t}.parquet` : `${dataDir}/${t}`);
  const ddl = tables.map((t) => `CREATE TABLE ${t} USING parquet LOCATION '${location(t)}';`).join('\n');
  await queryText(engine, ddl);
  await queryText(local, ddl);
  return {
    engine, local,
    close: async () => {
      await engine.close();
      await local.close();
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
