/**
 * Issue 5: the DataFrame client over gRPC (here rather than client/test because it
 * needs the coordinator's QueryService, which client/ may not import), against the coordinator's real
 * QueryService (coordinator/cluster) serving an in-process engine: results
 * decode incrementally from Arrow IPC chunks, errors carry the server's
 * SQLSTATE, and a connection dropped mid-stream raises 08006 instead of hanging.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_FAILURE, F, Loch, col } from 'loch/client';
import { fromArrowField, readValue, type BatchField, type LiteralValue } from '../../core/index.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tblTablesDdl } from '../support/tpch.ts';
import { tpchDataFrame } from './tpch-dataframes.ts';

interface Served {
  readonly process: ChildProcess;
  readonly address: string;
}

/** Starts query-server.ts (the real QueryService over a local engine) in its own process. */
async function serve(): Promise<Served> {
  const child = spawn(NODE, [fileURLToPath(new URL('./query-server.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`query server exited with ${code}`)));
  });
  return { process: child, address: `127.0.0.1:${port}` };
}

async function stop(served: Served | undefined): Promise<void> {
  if (!served || served.process.exitCode !== null || served.process.signalCode !== null) return;
  const exited = new Promise((resolve) => served.process.once('exit', resolve));
  served.process.stdin!.end();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (served.process.exitCode === null) served.process.kill('SIGKILL');
}

const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

describe('DataFrame client over gRPC (QueryService.ExecuteQuery)', () => {
  let served: Served;
  let loch: Loch;

  beforeAll(async () => {
    served = await serve();
    loch = await Loch.connect(served.address, { token: 'test-token' });
  });
  afterAll(async () => {
    await loch?.close();
    await stop(served);
  });

  it('runs transformations and actions, decoding Arrow IPC chunks', async () => {
    await loch.runStatement('CREATE TABLE kv (k int, v text) USING delta');
    await loch.runStatement("INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    const df = loch.table('kv').filter(col('k').geq(2)).groupBy().agg(F.count().alias('n'), F.max('v').alias('top'));
    expect(await df.collect()).toEqual([{ n: 2n, top: 'c' }]);
    expect((await loch.table('kv').schema).fields.map((f) => f.name)).toEqual(['k', 'v']);
    expect(await loch.table('kv').count()).toBe(3);
    expect(await loch.table('kv').orderBy(col('k').desc()).first()).toEqual({ k: 3, v: 'c' });
  });

  it('streams a multi-chunk result batch by batch', async () => {
    let rows = 0;
    let sum = 0n;
    let batches = 0;
    for await (const batch of loch.range(1_000_000).toArrowStream()) {
      rows += batch.numRows;
      batches++;
      const ids = batch.getChild('id')!.data[0]!.values as BigInt64Array;
      for (let i = 0; i < ids.length; i++) sum += ids[i]!;
    }
    expect(rows).toBe(1_000_000);
    expect(sum).toBe(499_999_500_000n);
    expect(batches).toBeGreaterThan(10);
  });

  it('streams 3 million rows with bounded client memory (gRPC flow control; the server runs in its own process)', async () => {
    // Live memory only: collect garbage before each sample, so the figure does not depend on when GC happens to run.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = (): number => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    let rows = 0;
    let batches = 0;
    let baseline = 0;
    let peak = 0;
    const df = loch.range(3_000_000).select(col('id'), col('id').multiply(3).alias('a'), col('id').mod(10).alias('b'));
    for await (const batch of df.toArrowStream()) {
      rows += batch.numRows;
      if (++batches === 20) baseline = used();
      if (batches > 20 && batches % 10 === 0) peak = Math.max(peak, used());
    }
    expect(rows).toBe(3_000_000);
    // 72 MB of bigint columns crossed the connection; the client held a few chunks at a time.
    expect((peak - baseline) / 2 ** 20).toBeLessThan(32);
  }, 300_000);

  it('aborting an action cancels the server job (57014)', async () => {
    const controller = new AbortController();
    const stream = loch.range(10_000_000).toArrowStream({ signal: controller.signal });
    expect((await stream.next()).done).toBe(false);
    controller.abort();
    const error = await (async () => { for await (const _ of stream) { /* keep reading */ } })().then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ sqlState: '57014' });
  });

  it('TPC-H DataFrames over gRPC return DuckDB\'s answers', async () => {
    await loch.runStatement(tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
    for (const q of [1, 13, 21]) {
      const table = await tpchDataFrame(loch, q).toArrow();
      const fields: BatchField[] = table.schema.fields.map((f) => ({ name: f.name, type: fromArrowField(f), nullable: f.nullable }));
      const rows: LiteralValue[][] = [];
      for (const batch of table.batches) for (let r = 0; r < batch.numRows; r++) rows.push(fields.map((f, c) => readValue(batch.data.children[c]!, f.type, r)));
      expect(compareWithAnswer({ fields, rows }, expectedAnswer(q))).toEqual([]);
    }
  });

  it('errors carry the server SQLSTATE and message', async () => {
    await expect(loch.table('kv').select('nope').collect()).rejects.toMatchObject({ sqlState: '42703', message: 'column "nope" does not exist' });
    await expect(loch.table('missing').collect()).rejects.toMatchObject({ sqlState: '42P01' });
  });

  it('a connection dropped mid-stream raises 08006, not a hang', async () => {
    const other = await serve();
    const client = await Loch.connect(other.address);
    try {
      const stream = client.range(10_000_000).toArrowStream();
      const first = await stream.next();
      expect(first.done).toBe(false);
      other.process.kill('SIGKILL'); // the coordinator dies mid-stream
      const started = Date.now();
      const error = await (async () => { for await (const _ of stream) { /* keep reading */ } })().then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ sqlState: CONNECTION_FAILURE, message: expect.stringContaining(`connection to the Loch coordinator at ${other.address} was lost`) });
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await client.close();
      await stop(other);
    }
  });

  it('connect to a port nobody listens on fails with 08001', async () => {
    await expect(Loch.connect('127.0.0.1:1', { connectTimeoutMs: 500 })).rejects.toMatchObject({ sqlState: '08001' });
  });
});
