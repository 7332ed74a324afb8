/**
 * Test harness: a coordinator (startCoordinator on a free loopback port, heartbeat
 * membership) whose engine is a real SqlEngine over a schema-only table `t(k int, v int)` of
 * two splits, and fake workers registered over gRPC.
 */
import * as arrow from 'apache-arrow';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Batch, LochError, SqlState, T, columnFromValues, type ScanSplit, type SourceStatistics, type TableScanner, type TableSourceDescriptor,
} from '../../../core/index.ts';
import { initParser } from '../../../planner/index.ts';
import type { loch } from '../../../proto/index.ts';
import { SessionCatalog, SqlEngine, startCoordinator, HeartbeatMembership, type CoordinatorNode, type CoordinatorNodeOptions } from '../../index.ts';
import { FakeWorker } from './fake-worker.ts';

const descriptor: TableSourceDescriptor = {
  name: 't', format: 'parquet', location: '/data/t', options: {},
  columns: [{ name: 'k', type: T.int32, nullable: false }, { name: 'v', type: T.int32, nullable: false }],
};

/** A table with two row-group splits and no data (workers are fakes). */
class TwoSplitTable implements TableScanner {
  readonly columns = descriptor.columns;
  readonly descriptor = descriptor;
  async statistics(): Promise<SourceStatistics> { return { rowCount: 1000, sizeBytes: 10_000 }; }
  async splits(): Promise<readonly ScanSplit[]> {
    return [0, 1].map((g) => ({ path: 'part-0.parquet', fileSizeBytes: 10_000, sizeBytes: 5_000, rowGroups: [g], rowCount: 500 }));
  }
  // eslint-disable-next-line require-yield
  async *scan(): AsyncIterable<Batch> { throw new LochError(SqlState.featureNotSupported, 'schema only'); }
}

/** The query the tests run: two stages (scan + partial aggregate, hash shuffle, final aggregate). */
export const GROUP_QUERY = 'SELECT k, count(*) AS n FROM t GROUP BY k';

/** Final-stage rows of task partition p: (k = p, n = 10 + p). */
export function groupRows(task: loch.v1.TaskIdentity.$Properties) {
  const p = task.partition ?? 0;
  return {
    fields: [{ name: 'k', type: T.int32, nullable: false }, { name: 'n', type: T.int64, nullable: false }],
    columns: [columnFromValues(T.int32, [p]), columnFromValues(T.int64, [BigInt(10 + p)])],
    rows: 1,
  };
}

/** A running test cluster. */
export interface Harness {
  readonly node: CoordinatorNode;
  readonly membership: HeartbeatMembership;
  readonly workers: FakeWorker[];
  readonly engine: SqlEngine;
  close(): Promise<void>;
}

/** Starts a coordinator and `workerCount` registered fake workers with `slots` slots each. */
export async function startHarness(options: { workerCount?: number; slots?: number; leaseTtlMs?: number; extra?: Partial<CoordinatorNodeOptions> } = {}): Promise<Harness> {
  await initParser();
  const dir = mkdtempSync(join(tmpdir(), 'loch-cluster-test-'));
  const metastorePath = join(dir, 'catalog.json');
  writeFileSync(metastorePath, JSON.stringify({ version: 1, entries: [
    { kind: 'table', name: 't', format: 'parquet', location: '/data/t', options: {}, columns: descriptor.columns, managed: false },
    { kind: 'table', name: 'nodesc', format: 'parquet', location: '/data/nodesc', options: {}, columns: descriptor.columns, managed: false },
  ] }));
  // `nodesc`: a scanner without a descriptor (like generate_series), which cannot be sent to workers.
  const catalog = new SessionCatalog(async (_format, location) => {
    if (location !== '/data/nodesc') return new TwoSplitTable();
    const t = new TwoSplitTable();
    return { columns: t.columns, statistics: () => t.statistics(), splits: () => t.splits(), scan: () => t.scan() } as TableScanner;
  }, { metastorePath, warehouseDir: dir });
  const membership = new HeartbeatMembership({ leaseTtlMs: options.leaseTtlMs ?? 10_000 });
  const refuse = (): never => { throw new LochError(SqlState.featureNotSupported, 'not in this test'); };
  const node = await startCoordinator({
    grpcPort: 0, membership, evaluateConstant: refuse, rowFunctions: refuse, distribution: { shufflePartitions: 2, targetSplitBytes: 4000 },
    engineFactory: (_session, executor) => new SqlEngine(catalog, executor), progressIntervalMs: 100, noWorkersTimeoutMs: 10_000,
    // One task per partition: these tests follow individual tasks on fake workers.
    graph: { coalesceTargetBytes: 0 },
    ...options.extra,
  });
  const workers: FakeWorker[] = [];
  for (let i = 0; i < (options.workerCount ?? 2); i++) {
    const w = new FakeWorker(`w${i}`, options.slots ?? 2, groupRows);
    await w.start();
    const r = await w.register(node.address);
    if (!r.accepted) throw new Error(`fake worker refused: ${r.reason}`);
    workers.push(w);
  }
  const engine = new SqlEngine(catalog, node.executor);
  return {
    node, membership, workers, engine,
    close: async () => {
      for (const w of workers) await w.stop();
      await node.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows of a statement's result as arrays of JS values (bigints as numbers). */
export async function collectRows(engine: SqlEngine, sql: string, signal?: AbortSignal): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const r of engine.execute(sql, signal ? { signal } : {})) {
    if (r.kind !== 'rows') continue;
    for await (const b of r.batches) {
      const vectors = b.columns.map((c) => arrow.makeVector(c));
      for (let i = 0; i < b.numRows; i++) out.push(vectors.map((v) => { const x: unknown = v.get(i); return typeof x === 'bigint' ? Number(x) : x; }));
    }
  }
  return out;
}

/** Waits until `cond` holds (polling), or fails after `ms`. */
export async function waitFor(cond: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
