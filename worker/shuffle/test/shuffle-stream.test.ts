import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import { ARROW_CHUNK_BYTES, decodeMessage, encodeMessage } from '../../../proto/index.ts';
import {
  type MapOutputLocation, type ShuffleServer, ShuffleClientPool, ShuffleFetchError, ShuffleService, fetchFailureReport, fetchRemotePartition,
  readShufflePartition,
  startShuffleServer, writeShuffle,
} from '../index.ts';
import { FIELDS, batchOf, collect, fromBatches, literalRowStrings, locationsOf, prng, randomRows, rowStrings, tempRoot } from './support.ts';

let root: string;
let service: ShuffleService;
let server: ShuffleServer;
let pool: ShuffleClientPool;
let big: MapOutputLocation;
let bigRows: string[];

beforeAll(async () => {
  root = await tempRoot();
  service = new ShuffleService(root);
  server = await startShuffleServer(service);
  pool = new ShuffleClientPool();
  const rand = prng(99);
  const batches = [];
  bigRows = [];
  for (let i = 0; i < 8; i++) {
    const rows = randomRows(rand, 5000);
    bigRows.push(...literalRowStrings(rows));
    batches.push(batchOf(rows));
  }
  const task = { jobId: 'job-big', mapStageId: 4, mapStageAttempt: 0, mapPartition: 0, mapTaskAttempt: 0 };
  const outputs = await writeShuffle(fromBatches(batches), { shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'single' } });
  big = locationsOf(task, outputs, 'worker-a', server.address)[0]!;
});

afterAll(async () => {
  pool.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => null, (e: unknown) => e);
}

describe('streaming a large partition', () => {
  it('sends a > 3 MB file as 1 MiB chunks in sequence and decodes it exactly', async () => {
    expect(big.bytes).toBeGreaterThan(3 << 20);
    const chunks = await collect(fetchRemotePartition(pool, big, new AbortController().signal));
    expect(chunks.length).toBe(Math.ceil(big.bytes / ARROW_CHUNK_BYTES));
    chunks.slice(0, -1).forEach((c) => expect(c.length).toBe(ARROW_CHUNK_BYTES));
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(big.bytes);
    const batches = await collect(readShufflePartition({ locations: [big], localWorkerId: 'worker-b', clients: pool, fields: FIELDS }));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flatMap((b) => rowStrings(b))).toEqual(bigRows);
  });

  it('honours a smaller chunk size asked by the reader', async () => {
    const chunks = await collect(fetchRemotePartition(pool, big, new AbortController().signal, 256 << 10));
    expect(chunks.length).toBe(Math.ceil(big.bytes / (256 << 10)));
  });
});

describe('cancellation', () => {
  it('an abort stops a remote read promptly and ends the server stream', async () => {
    const controller = new AbortController();
    const it = readShufflePartition({
      locations: [big], localWorkerId: 'worker-b', clients: pool, signal: controller.signal, maxBytesInFlight: 1, chunkBytes: 64 << 10,
    });
    const first = await it.next();
    expect(first.done).toBe(false);
    // The reader holds back: the server is blocked on flow control, mid-file.
    expect(await until(() => service.activeStreams === 1, 2000)).toBe(true);
    const t0 = performance.now();
    controller.abort();
    const e = await rejection(it.next());
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e).toBeInstanceOf(LochError);
    expect((e as LochError).sqlState).toBe('57014');
    expect(await until(() => service.activeStreams === 0, 2000)).toBe(true);
  });

  it('an abort stops a local read promptly', async () => {
    const controller = new AbortController();
    const it = readShufflePartition({ locations: [big], localWorkerId: 'worker-a', shuffleRoot: root, signal: controller.signal, maxBytesInFlight: 1 });
    expect((await it.next()).done).toBe(false);
    controller.abort();
    const t0 = performance.now();
    const e = await rejection(it.next());
    expect(performance.now() - t0).toBeLessThan(1000);
    expect((e as LochError).sqlState).toBe('57014');
  });

  it('a consumer that stops early cancels the remote stream', async () => {
    const it = readShufflePartition({ locations: [big], localWorkerId: 'worker-b', clients: pool, maxBytesInFlight: 1, chunkBytes: 64 << 10 });
    expect((await it.next()).done).toBe(false);
    expect(await until(() => service.activeStreams === 1, 2000)).toBe(true);
    await it.return(undefined);
    expect(await until(() => service.activeStreams === 0, 2000)).toBe(true);
  });

  it('an already aborted signal stops a map task before it commits anything', async () => {
    const controller = new AbortController();
    controller.abort();
    const task = { jobId: 'job-cancel', mapStageId: 1, mapStageAttempt: 0, mapPartition: 0, mapTaskAttempt: 0 };
    const e = await rejection(writeShuffle(fromBatches([batchOf(randomRows(prng(1), 10))]), {
      shuffleRoot: root, mapTask: task, fields: FIELDS, partitioning: { kind: 'single' },
    }, controller.signal));
    expect((e as LochError).sqlState).toBe('57014');
    expect(await service.removeJob('job-cancel')).toEqual({ filesRemoved: 0, bytesRemoved: 0 });
  });
});

describe('a failure among several locations', () => {
  it('raises the fetch failure, cancels the other fetches, and reports it as a proto TaskFailure', async () => {
    const missing: MapOutputLocation = { ...big, mapPartition: 7, path: '' };
    const it = readShufflePartition({
      locations: [big, big, missing], localWorkerId: 'worker-b', clients: pool, maxRequestsInFlight: 3, maxBytesInFlight: 1 << 20, chunkBytes: 64 << 10,
    });
    const e = await rejection(collect(it));
    expect(e).toBeInstanceOf(ShuffleFetchError);
    const failure = e as ShuffleFetchError;
    expect(failure.fetchFailure.location).toEqual(missing);
    expect(await until(() => service.activeStreams === 0, 2000)).toBe(true);
    const report = decodeMessage('TaskFailure', encodeMessage('TaskFailure', fetchFailureReport(failure)));
    expect(report.retryable).toBe(true);
    expect(report.countToFailures).toBe(false);
    expect(report.fetchFailure?.location?.mapTask?.mapPartition).toBe(7);
    expect(report.fetchFailure?.location?.mapTask?.jobId).toBe('job-big');
    expect(report.fetchFailure?.location?.workerAddress).toBe(server.address);
  });
});

describe('limits in flight', () => {
  async function peakStreams(maxRequestsInFlight: number, maxBytesInFlight: number): Promise<{ peak: number; rows: number }> {
    let peak = 0, rows = 0;
    const it = readShufflePartition({
      locations: [big, big, big, big], localWorkerId: 'worker-b', clients: pool, maxRequestsInFlight, maxBytesInFlight, chunkBytes: 64 << 10,
    });
    for await (const b of it) {
      rows += b.length;
      peak = Math.max(peak, service.activeStreams);
      await new Promise((r) => setTimeout(r, 2));
    }
    return { peak, rows };
  }

  it('never runs more fetches than maxRequestsInFlight', async () => {
    const r = await peakStreams(2, 1 << 30);
    expect(r.rows).toBe(4 * bigRows.length);
    expect(r.peak).toBeLessThanOrEqual(2);
    expect(r.peak).toBeGreaterThanOrEqual(1);
  });

  it('admits a location only when its bytes fit in maxBytesInFlight', async () => {
    const r = await peakStreams(4, big.bytes + 1);
    expect(r.rows).toBe(4 * bigRows.length);
    expect(r.peak).toBe(1);
  });
});
