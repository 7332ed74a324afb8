/**
 * The concurrency test of issue 3 against an S3-compatible server (s3rver on
 * loopback, started here): 4 processes commit appends and deletes to one table in
 * the bucket at once, through `If-None-Match: *` puts and through the etcd commit
 * lock; the log has no gaps and the rows match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { T } from '../../core/index.ts';
import { type S3StoreConfig, S3ObjectStore, createTable, describeHistory, openDeltaTable, validateDeltaLog } from '../../storage/index.ts';
import { type S3Service, startS3Server } from '../support/services/s3-server.ts';
import { type EtcdService, startEtcd } from '../support/services/etcd-server.ts';
import { readRows } from './helpers.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./concurrent-writer.ts', import.meta.url));
// Smaller than the local run: s3rver (a JS server writing to disk) and process start-up with the AWS SDK make each commit slow here.
const WRITERS = 4, APPENDS = 8, DELETES = 2;

let s3: S3Service;
let etcd: EtcdService;
const stores: S3ObjectStore[] = [];

beforeAll(async () => {
  [s3, etcd] = await Promise.all([startS3Server({ conditionalPuts: true }), startEtcd()]);
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all([s3?.stop(), etcd?.stop()]);
});

describe('concurrent writers on S3', () => {
  for (const mode of ['If-None-Match', 'etcd lock'] as const) {
    it(`4 processes × (${APPENDS} appends + ${DELETES} deletes) through ${mode}`, async () => {
      const table = `tables/concurrent-${mode === 'etcd lock' ? 'locked' : 'conditional'}`;
      const config: S3StoreConfig = mode === 'etcd lock'
        ? { ...s3.connection, bucket: 'loch-test', prefix: 'warehouse', conditionalPuts: false, commitLock: { etcd: { endpoints: etcd.endpoints, ttlSeconds: 5 } } }
        : { ...s3.connection, bucket: 'loch-test', prefix: 'warehouse', conditionalPuts: true };
      const store = new S3ObjectStore(config);
      stores.push(store);
      await createTable(table, {
        objectStore: store,
        schema: [{ name: 'id', type: T.int32, nullable: false }, { name: 'w', type: T.int32, nullable: false }],
        partitionColumns: ['w'], properties: { 'delta.enableDeletionVectors': 'true' },
      });
      const results = await Promise.all(Array.from({ length: WRITERS }, (_, w) =>
        run(process.execPath, ['--max-old-space-size=512', CHILD, table, String(w + 1), String(APPENDS), String(DELETES)],
          { maxBuffer: 1 << 24, env: { ...process.env, LOCH_TEST_S3_CONFIG: JSON.stringify(config) } })));
      const outcomes = results.map((r) => JSON.parse(r.stdout) as { appended: number[]; deleted: number[] });
      const expected = new Set(outcomes.flatMap((o) => o.appended));
      for (const o of outcomes) for (const d of o.deleted) expected.delete(d);
      const commits = (await store.list(`${table}/_delta_log/`)).map((m) => m.path.slice(m.path.lastIndexOf('/') + 1)).filter((n) => /^\d{20}\.json$/.test(n));
      expect(commits).toEqual(Array.from({ length: 1 + WRITERS * (APPENDS + DELETES) }, (_, v) => `${String(v).padStart(20, '0')}.json`));
      expect(await validateDeltaLog(table, { objectStore: store })).toEqual([]);
      const ids = (await readRows(await openDeltaTable(table, { objectStore: store }), [], [0])).map((r) => r[0] as number).sort((a, b) => a - b);
      expect(ids).toEqual([...expected].sort((a, b) => a - b));
      expect(ids).toHaveLength(WRITERS * (APPENDS * 2 - DELETES));
      expect((await describeHistory(table, { objectStore: store })).filter((h) => h.operation === 'DELETE')).toHaveLength(WRITERS * DELETES);
    });
  }
});
