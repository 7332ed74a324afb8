import { readdir, rm, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Batch, LochError } from '../../../core/index.ts';
import { hashColumns } from '../../kernels/hash.ts';
import {
  type MapOutputLocation, type ShuffleMapTask, type ShuffleServer, ShuffleClientPool, ShuffleFetchError, ShuffleService, ShuffleWriter,
  hashPartition, mapAttemptDir, newShuffleReadMetrics, readShufflePartition, startShuffleServer, writeShuffle,
} from '../index.ts';
import {
  FIELDS, batchOf, collect, fromBatches, literalRowStrings, locationsOf, prng, randomRows, rowStrings, selectedBatchOf, sorted, tempRoot,
} from './support.ts';

const PARTITIONS = 4;
const WORKER = 'worker-a';

let root: string;
let service: ShuffleService;
let server: ShuffleServer;
let pool: ShuffleClientPool;

beforeAll(async () => {
  root = await tempRoot();
  service = new ShuffleService(root);
  server = await startShuffleServer(service);
  pool = new ShuffleClientPool();
});

afterAll(async () => {
  pool.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function mapTask(jobId: string, mapPartition: number, mapStageId = 1, mapTaskAttempt = 0): ShuffleMapTask {
  return { jobId, mapStageId, mapStageAttempt: 0, mapPartition, mapTaskAttempt };
}

/** Reads reduce partition `p` either from disk (this worker owns the files) or over gRPC. */
function read(locations: readonly MapOutputLocation[], mode: 'local' | 'remote', extra: { signal?: AbortSignal; maxBytesInFlight?: number; maxRequestsInFlight?: number } = {}): AsyncGenerator<Batch> {
  return readShufflePartition({
    locations, localWorkerId: mode === 'local' ? WORKER : 'worker-b', clients: pool, fields: FIELDS, ...extra,
  });
}

async function readRows(locations: readonly MapOutputLocation[], mode: 'local' | 'remote'): Promise<string[]> {
  return (await collect(read(locations, mode))).flatMap((b) => rowStrings(b));
}

async function expectFetchFailure(promise: Promise<unknown>, location: MapOutputLocation): Promise<ShuffleFetchError> {
  const e = await promise.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ShuffleFetchError);
  const f = e as ShuffleFetchError;
  expect(f.sqlState).toBe('58030');
  expect(f.fetchFailure.location).toEqual(location);
  expect(f.message).toContain(`map partition ${location.mapPartition}`);
  return f;
}

describe('hash shuffle of 3 map tasks × 4 partitions, every type', () => {
  const rand = prng(42);
  const mapRows = [0, 1, 2].map(() => randomRows(rand, 3000));
  // Per reduce partition: the map output locations, by key column.
  const byKey: Record<'k32' | 'k64', MapOutputLocation[][]> = { k32: [], k64: [] };

  beforeAll(async () => {
    for (const [keyName, keyColumn] of [['k32', 0], ['k64', 1]] as const) {
      const parts: MapOutputLocation[][] = Array.from({ length: PARTITIONS }, () => []);
      for (let m = 0; m < 3; m++) {
        const rows = mapRows[m]!;
        // Batches of 500 rows; odd ones carry a selection vector over junk rows.
        const batches: Batch[] = [];
        for (let s = 0; s < rows.length; s += 500) {
          const chunk = rows.slice(s, s + 500);
          batches.push((s / 500) % 2 === 1 ? selectedBatchOf(chunk, randomRows(rand, 200)) : batchOf(chunk));
        }
        const task = mapTask(`job-${keyName}`, m);
        const outputs = await writeShuffle(fromBatches(batches), {
          shuffleRoot: root, mapTask: task, fields: FIELDS,
          partitioning: { kind: 'hash', keyColumns: [keyColumn], partitions: PARTITIONS },
          flushBytes: 16 << 10, maxBufferedBytes: 48 << 10,
        });
        expect(outputs.map((o) => o.outputPartition)).toEqual([0, 1, 2, 3]);
        expect(outputs.reduce((n, o) => n + o.rows, 0)).toBe(rows.length);
        for (const o of outputs) expect((await stat(o.path)).size).toBe(o.bytes);
        expect(outputs.some((o) => o.batches > 1)).toBe(true); // small flushBytes forced several flushes
        locationsOf(task, outputs, WORKER, server.address).forEach((l) => parts[l.outputPartition]!.push(l));
      }
      byKey[keyName] = parts;
    }
  });

  for (const mode of ['local', 'remote'] as const) {
    it(`reads every partition back exactly (${mode}); each row in exactly one partition, equal keys together`, async () => {
      const all: string[] = [];
      const partitionOfKey = new Map<string, number>();
      for (let p = 0; p < PARTITIONS; p++) {
        const rows = await readRows(byKey.k32[p]!, mode);
        expect(rows.length).toBe(byKey.k32[p]!.reduce((n, l) => n + l.rows, 0));
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
          const key = r.split('|')[0]!;
          const seen = partitionOfKey.get(key);
          if (seen !== undefined) expect(seen).toBe(p);
          partitionOfKey.set(key, p);
        }
        all.push(...rows);
      }
      expect(sorted(all)).toEqual(sorted(mapRows.flatMap((r) => literalRowStrings(r))));
    });
  }

  it('int32 and int64 keys of equal value go to the same partition, the one hashColumns says', async () => {
    for (let p = 0; p < PARTITIONS; p++) {
      const a = sorted(await readRows(byKey.k32[p]!, 'local'));
      const b = sorted(await readRows(byKey.k64[p]!, 'local'));
      expect(b).toEqual(a);
      for (const batch of await collect(read(byKey.k32[p]!, 'local'))) {
        const h = hashColumns([batch.column(0)], null, batch.numRows);
        for (let i = 0; i < batch.numRows; i++) expect(hashPartition(h[i]!, PARTITIONS)).toBe(p);
      }
    }
  });

  it('limits requests in flight and still reads everything', async () => {
    const rows = await collect(read(byKey.k32[2]!, 'remote', { maxRequestsInFlight: 1, maxBytesInFlight: 1 }));
    expect(rows.reduce((n, b) => n + b.length, 0)).toBe(byKey.k32[2]!.reduce((n, l) => n + l.rows, 0));
  });
});

describe('host-local reads', () => {
  it('reads another worker\'s file on the same host from disk, without gRPC; off, it needs a channel', async () => {
    const rows = randomRows(prng(7), 500);
    const task = mapTask('job-host-local', 0);
    const outputs = await writeShuffle(fromBatches([batchOf(rows)]), { shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'single' } });
    // Written by "worker-a" at the server's address; read by "worker-b" on the same host with no client pool.
    const locations = locationsOf(task, outputs, WORKER, server.address);
    const host = server.address.slice(0, server.address.lastIndexOf(':'));
    const metrics = newShuffleReadMetrics();
    const got = await collect(readShufflePartition({ locations, localWorkerId: 'worker-b', localWorkerAddress: `${host}:1`, fields: FIELDS, metrics }));
    expect(sorted(got.flatMap((b) => rowStrings(b)))).toEqual(sorted(literalRowStrings(rows)));
    expect(metrics).toMatchObject({ localBytes: 0, remoteBytes: outputs[0]!.bytes, rows: 500, locationsRead: 1 });
    const off = readShufflePartition({ locations, localWorkerId: 'worker-b', localWorkerAddress: `${host}:1`, hostLocalReads: false, fields: FIELDS });
    await expectFetchFailure(collect(off), locations[0]!);
    // Another host: fetched over gRPC.
    const remote = await collect(readShufflePartition({ locations, localWorkerId: 'worker-b', localWorkerAddress: '10.255.255.1:1', clients: pool, fields: FIELDS }));
    expect(remote.reduce((n, b) => n + b.length, 0)).toBe(500);
  });

  it('falls back to gRPC when a same-host path cannot be read', async () => {
    const rows = randomRows(prng(8), 300);
    const task = mapTask('job-host-fallback', 0);
    const outputs = await writeShuffle(fromBatches([batchOf(rows)]), { shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'single' } });
    const locations = locationsOf(task, outputs, WORKER, server.address).map((l) => ({ ...l, path: `${root}/no-such-dir/part-0.arrow` }));
    const host = server.address.slice(0, server.address.lastIndexOf(':'));
    const got = await collect(readShufflePartition({ locations, localWorkerId: 'worker-b', localWorkerAddress: `${host}:1`, clients: pool, fields: FIELDS }));
    expect(sorted(got.flatMap((b) => rowStrings(b)))).toEqual(sorted(literalRowStrings(rows)));
  });
});

describe('round-robin and single partitioning', () => {
  it('round robin deals rows out evenly; single writes one file with every row', async () => {
    const rows = randomRows(prng(7), 1001);
    const task = mapTask('job-rr', 0);
    const outputs = await writeShuffle(fromBatches([batchOf(rows.slice(0, 300)), batchOf(rows.slice(300))]), {
      shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'round_robin', partitions: 4 },
    });
    const counts = outputs.map((o) => o.rows);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const locations = locationsOf(task, outputs, WORKER, server.address);
    const back = (await Promise.all(locations.map((l) => readRows([l], 'remote')))).flat();
    expect(sorted(back)).toEqual(sorted(literalRowStrings(rows)));

    const single = mapTask('job-single', 0);
    const one = await writeShuffle(fromBatches([batchOf(rows)]), {
      shuffleRoot: root, mapTask: single, fields: FIELDS, partitioning: { kind: 'single' },
    });
    expect(one.map((o) => o.rows)).toEqual([1001]);
    expect(await readRows(locationsOf(single, one, WORKER, server.address), 'local')).toEqual(literalRowStrings(rows));
  });

  it('writes a schema-only file for an empty partition, read back as no rows', async () => {
    const task = mapTask('job-empty', 0);
    const outputs = await writeShuffle(fromBatches([]), {
      shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'hash', keyColumns: [0], partitions: 2 },
    });
    expect(outputs.map((o) => o.rows)).toEqual([0, 0]);
    for (const mode of ['local', 'remote'] as const) {
      expect(await readRows(locationsOf(task, outputs, WORKER, server.address), mode)).toEqual([]);
    }
  });
});

describe('failures', () => {
  it('a missing file is a fetch failure naming the map output, locally and remotely', async () => {
    const task = mapTask('job-missing', 5, 3, 2);
    const location: MapOutputLocation = {
      ...task, outputPartition: 1, workerId: WORKER, workerAddress: server.address, path: `${root}/nowhere/part-1.arrow`, rows: 10, bytes: 100,
    };
    await expectFetchFailure(collect(read([location], 'local')), location);
    const remote = await expectFetchFailure(collect(read([location], 'remote')), location);
    expect(remote.message).toContain('NOT_FOUND');
  });

  it('an unreachable worker is a fetch failure', async () => {
    const location: MapOutputLocation = {
      ...mapTask('job-gone', 0), outputPartition: 0, workerId: 'worker-c', workerAddress: '127.0.0.1:1', path: '', rows: 1, bytes: 1,
    };
    await expectFetchFailure(collect(read([location], 'remote')), location);
  });

  it('a failed attempt leaves nothing readable; a later attempt commits', async () => {
    const rows = randomRows(prng(3), 400);
    const failed = mapTask('job-fail', 0, 1, 0);
    async function* failing(): AsyncGenerator<Batch> {
      yield batchOf(rows.slice(0, 200));
      yield batchOf(rows.slice(200));
      throw new LochError('22012', 'division by zero');
    }
    await expect(writeShuffle(failing(), {
      shuffleRoot: root, mapTask: failed, fields: FIELDS, partitioning: { kind: 'hash', keyColumns: [0], partitions: 2 }, flushBytes: 1024,
    })).rejects.toThrow('division by zero');
    const mapDir = mapAttemptDir(root, failed).replace(/\/0-0$/, '');
    expect(await readdir(mapDir)).toEqual([]); // neither the attempt nor its temporary directory
    const lost: MapOutputLocation = { ...failed, outputPartition: 0, workerId: WORKER, workerAddress: server.address, path: '', rows: 0, bytes: 0 };
    await expectFetchFailure(collect(read([lost], 'local')), lost);
    await expectFetchFailure(collect(read([lost], 'remote')), lost);

    const retry = mapTask('job-fail', 0, 1, 1);
    const outputs = await writeShuffle(fromBatches([batchOf(rows)]), {
      shuffleRoot: root, mapTask: retry, fields: FIELDS, partitioning: { kind: 'hash', keyColumns: [0], partitions: 2 },
    });
    expect(await readdir(mapDir)).toEqual(['0-1']);
    const back = [...await readRows([locationsOf(retry, outputs, WORKER, server.address)[0]!], 'remote'),
      ...await readRows([locationsOf(retry, outputs, WORKER, server.address)[1]!], 'local')];
    expect(sorted(back)).toEqual(sorted(literalRowStrings(rows)));
  });

  it('a truncated file is a fetch failure', async () => {
    const task = mapTask('job-trunc', 0);
    const outputs = await writeShuffle(fromBatches([batchOf(randomRows(prng(9), 100))]), {
      shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'single' },
    });
    const [location] = locationsOf(task, outputs, WORKER, server.address);
    const { truncate } = await import('node:fs/promises');
    await truncate(outputs[0]!.path, outputs[0]!.bytes - 8);
    await expectFetchFailure(collect(read([location!], 'local')), location!);
    await expectFetchFailure(collect(read([location!], 'remote')), location!);
  });

  it('the writer keeps its buffers under maxBufferedBytes', async () => {
    const writer = new ShuffleWriter({
      shuffleRoot: root, mapTask: mapTask('job-mem', 0), fields: FIELDS,
      partitioning: { kind: 'hash', keyColumns: [0], partitions: 8 }, flushBytes: 1 << 30, maxBufferedBytes: 64 << 10,
    });
    const rand = prng(11);
    let peak = 0;
    for (let i = 0; i < 10; i++) {
      await writer.write(batchOf(randomRows(rand, 300)));
      peak = Math.max(peak, writer.bufferedByteCount);
    }
    expect(peak).toBeLessThanOrEqual(64 << 10);
    const outputs = await writer.commit();
    expect(outputs.reduce((n, o) => n + o.rows, 0)).toBe(3000);
  });
});

describe('removeJob', () => {
  it('deletes a job\'s files, directly and through RemoveJobData', async () => {
    const rows = randomRows(prng(5), 100);
    for (const jobId of ['job-rm-a', 'job-rm-b']) {
      await writeShuffle(fromBatches([batchOf(rows)]), {
        shuffleRoot: root, mapTask: mapTask(jobId, 0), fields: FIELDS, partitioning: { kind: 'hash', keyColumns: [0], partitions: 3 },
      });
    }
    const a = await service.removeJob('job-rm-a');
    expect(a.filesRemoved).toBe(3);
    expect(a.bytesRemoved).toBeGreaterThan(0);
    expect((await readdir(root)).includes('job-rm-a')).toBe(false);
    const b = await pool.removeJobData(server.address, 'job-rm-b');
    expect(b.filesRemoved).toBe(3);
    expect((await readdir(root)).includes('job-rm-b')).toBe(false);
    expect(await service.removeJob('job-rm-b')).toEqual({ filesRemoved: 0, bytesRemoved: 0 });
    await expect(service.removeJob('../etc')).rejects.toThrow('not a valid directory name');
  });
});
