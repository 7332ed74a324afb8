/**
 * Issue 4, end to end with real processes: etcd, a coordinator with etcd membership and
 * leader election, and 3 worker processes joined through their etcd leases. All 22 TPC-H
 * queries at SF 0.01 (dbgen's own files) return DuckDB's answers, as in one process, and
 * the shuffle files of every query are gone once it ends.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query } from '../support/results.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tblTablesDdl, tpchQuery } from '../support/tpch.ts';
import { startTestCluster, type TestCluster } from '../support/cluster.ts';

/** Files left under the workers' shuffle directories. */
function shuffleFiles(cluster: TestCluster): string[] {
  const root = path.join(cluster.dataDir, 'shuffle');
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('TPC-H SF 0.01 on a coordinator + 3 worker processes + etcd', () => {
  let cluster: TestCluster;
  let engine: QueryEngine;
  beforeAll(async () => {
    cluster = await startTestCluster({ workers: 3 });
    engine = cluster.engine();
    await query(engine, tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
  }, 120_000);
  afterAll(async () => { await engine?.close(); await cluster?.stop(); }, 60_000);

  it('the three workers joined through etcd', () => {
    expect(cluster.coordinator.membership.workers().map((w) => w.workerId).sort()).toEqual(cluster.workers.map((w) => w.workerId).sort());
  });

  for (let q = 1; q <= 22; q++) {
    it(`Q${q} returns DuckDB's answer`, async () => {
      const rows = await query(engine, tpchQuery(q));
      expect(compareWithAnswer(rows, expectedAnswer(q))).toEqual([]);
    }, 60_000);
  }

  it('ran tasks on every worker and removed every shuffle file', async () => {
    const launched = new Set(cluster.events.filter((e) => e.event === 'task_launch').map((e) => e.workerId));
    expect([...launched].sort()).toEqual(cluster.workers.map((w) => w.workerId).sort());
    // RemoveJobData is sent when a job ends; give the workers a moment to delete.
    const deadline = Date.now() + 5_000;
    while (shuffleFiles(cluster).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(shuffleFiles(cluster)).toEqual([]);
  });
});
