/**
 * Issue 5: the DataFrame client over gRPC (here rather than client/test because it
 * needs the coordinator's QueryService, which client/ may not import), against the coordinator's real
 * QueryService (coordinator/cluster) serving an in-process engine: results
 * decode incrementally from Arrow IPC chunks, errors carry the server's
 * SQLSTATE, and a connection dropped mid-stream raises 08006 instead of hanging.
 */
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_FAILURE, F, Loch, col } from 'loch/client';
import { createLocalEngine } from '../../cli/index.ts';
import { EmbeddedLeadership, QueryService, type QueryEngine } from '../../coordinator/index.ts';
import { grpcServiceDefinition } from '../../proto/index.ts';

interface Served {
  readonly server: grpc.Server;
  readonly address: string;
}

/** A gRPC server with the real QueryService over one shared local engine (requests do not close it). */
async function serve(engine: QueryEngine): Promise<Served> {
  const shared: QueryEngine = { execute: (sql, options) => engine.execute(sql, options), close: async () => {} };
  const queries = new QueryService({
    coordinatorId: 'test-coordinator',
    engineFactory: () => shared,
    leadership: new EmbeddedLeadership(),
    cluster: () => ({ workers: [], jobs: [] }),
    progressIntervalMs: 0,
  });
  const server = new grpc.Server();
  server.addService(grpcServiceDefinition('QueryService'), queries.handlers() as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p)));
  });
  return { server, address: `127.0.0.1:${port}` };
}

describe('DataFrame client over gRPC (QueryService.ExecuteQuery)', () => {
  let engine: QueryEngine;
  let served: Served;
  let loch: Loch;

  beforeAll(async () => {
    engine = await createLocalEngine();
    served = await serve(engine);
    loch = await Loch.connect(served.address, { token: 'test-token' });
  });
  afterAll(async () => {
    await loch?.close();
    served?.server.forceShutdown();
    await engine?.close();
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

  it('errors carry the server SQLSTATE and message', async () => {
    await expect(loch.table('kv').select('nope').collect()).rejects.toMatchObject({ sqlState: '42703', message: 'column "nope" does not exist' });
    await expect(loch.table('missing').collect()).rejects.toMatchObject({ sqlState: '42P01' });
  });

  it('a connection dropped mid-stream raises 08006, not a hang', async () => {
    const other = await serve(engine);
    const client = await Loch.connect(other.address, { keepaliveMs: 1000 });
    try {
      const stream = client.range(10_000_000).toArrowStream();
      const first = await stream.next();
      expect(first.done).toBe(false);
      other.server.forceShutdown();
      const started = Date.now();
      const error = await (async () => { for await (const _ of stream) { /* keep reading */ } })().then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ sqlState: CONNECTION_FAILURE, message: expect.stringContaining(`connection to the Loch coordinator at ${other.address} was lost`) });
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await client.close();
    }
  });

  it('connect to a port nobody listens on fails with 08001', async () => {
    await expect(Loch.connect('127.0.0.1:1', { connectTimeoutMs: 500 })).rejects.toMatchObject({ sqlState: '08001' });
  });
});
