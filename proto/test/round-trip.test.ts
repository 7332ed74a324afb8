import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, grpcServiceDefinition, pb, protocolVersionMismatch, PROTOCOL_VERSION } from '../index.ts';
import type { loch } from '../index.ts';

const K = pb.DataType.Kind;
const int64: loch.v1.DataType.$Properties = { kind: K.INT64 };
const money: loch.v1.DataType.$Properties = { kind: K.DECIMAL, precision: 15, scale: 2 };
const date: loch.v1.DataType.$Properties = { kind: K.DATE };
const colRef = (id: number, name: string, type: loch.v1.DataType.$Properties): loch.v1.Expr.$Properties =>
  ({ column: { id, name, type } });
const planCol = (id: number, name: string, type: loch.v1.DataType.$Properties): loch.v1.PlanColumn.$Properties =>
  ({ id, name, type, nullable: true });

/** A map stage of TPC-H Q3: scan lineitem (two partitions of concrete splits), filter, shuffle by l_orderkey. */
const lineitemStage: loch.v1.StagePlan.$Properties = {
  jobId: 'job-7f3a', stageId: 1, stageAttempt: 2, partitionCount: 2,
  plan: {
    nodeId: 1, columns: [planCol(10, 'l_orderkey', int64), planCol(11, 'l_extendedprice', money)],
    shuffleWrite: {
      stageId: 1,
      outputPartitioning: { hash: { exprs: [colRef(10, 'l_orderkey', int64)], partitionCount: 8 } },
      input: {
        nodeId: 2, columns: [planCol(10, 'l_orderkey', int64), planCol(11, 'l_extendedprice', money)],
        filter: {
          predicate: { call: { fn: 'gt', type: { kind: K.BOOLEAN }, args: [
            colRef(12, 'l_shipdate', date),
            { literal: { value: { number: 9204 }, type: date } },
          ] } },
          input: {
            nodeId: 3, columns: [planCol(10, 'l_orderkey', int64), planCol(11, 'l_extendedprice', money), planCol(12, 'l_shipdate', date)],
            scan: {
              tableName: 'tpch.lineitem',
              source: { name: 'main.tpch.lineitem', format: pb.TableSource.Format.DELTA, location: 'file:///data/lineitem', version: 12 },
              sourceColumns: [0, 5, 10],
              predicates: [{ compare: { column: 10, op: pb.ScanPredicate.CompareOp.GT, value: { number: 9204 } } }],
              partitions: [
                { splits: [{ path: 'part-0000.parquet', fileSizeBytes: 7_340_032, rowGroups: [0, 1], rowCount: 120_000 }] },
                { splits: [
                  { path: 'part-0000.parquet', fileSizeBytes: 7_340_032, rowGroups: [2] },
                  { path: 'part-0001.parquet', fileSizeBytes: 2_000_000, partitionValues: { l_year: '1995' },
                    deletionVector: { storageType: 'u', pathOrInlineDv: 'ab^-aqEH.-t@S}K{vb[*k^', sizeInBytes: 34, cardinality: 3 } },
                ] },
              ],
            },
          },
        },
      },
    },
  },
};

/** The join stage: two shuffle reads, a hash join, a partial aggregate, a top-k. */
const joinStage: loch.v1.StagePlan.$Properties = {
  jobId: 'job-7f3a', stageId: 3, stageAttempt: 1, partitionCount: 8,
  plan: {
    nodeId: 1, columns: [planCol(10, 'l_orderkey', int64), planCol(30, 'revenue', { kind: K.DECIMAL, precision: 38, scale: 4 })],
    topK: {
      fetch: 10,
      // ascending: false is the proto3 default, so it is left out to keep toObject(decoded) equal to the input.
      keys: [{ expr: colRef(30, 'revenue', money), nullsFirst: true }],
      input: {
        nodeId: 2, columns: [planCol(10, 'l_orderkey', int64), planCol(30, 'revenue', money)],
        hashAggregate: {
          mode: pb.AggregateMode.PARTIAL,
          groupBy: [colRef(10, 'l_orderkey', int64)],
          aggregates: [{ fn: 'sum', args: [colRef(11, 'l_extendedprice', money)], type: { kind: K.DECIMAL, precision: 38, scale: 2 } }],
          input: {
            nodeId: 3, columns: [planCol(10, 'l_orderkey', int64), planCol(11, 'l_extendedprice', money), planCol(20, 'o_orderkey', int64)],
            hashJoin: {
              joinType: pb.JoinType.INNER,
              leftKeys: [colRef(10, 'l_orderkey', int64)],
              rightKeys: [colRef(20, 'o_orderkey', int64)],
              left: { nodeId: 4, columns: [planCol(10, 'l_orderkey', int64)], shuffleRead: { stageId: 1, partitions: [{ locations: [{
                mapTask: { jobId: 'job-7f3a', mapStageId: 1, mapStageAttempt: 2, mapPartition: 1, mapTaskAttempt: 3 },
                outputPartition: 5, workerId: 'worker-b', workerAddress: '10.0.0.2:40411',
                path: '/var/loch/shuffle/job-7f3a/1/5/1-3.arrow', stats: { rows: 1234, batches: 2, bytes: 98_765 },
              }] }] } },
              right: { nodeId: 5, columns: [planCol(20, 'o_orderkey', int64)], unresolvedShuffle: { stageId: 2, partitionCount: 8 } },
            },
          },
        },
      },
    },
  },
};

function roundTrip<T>(encode: (m: T) => Uint8Array, decode: (b: Uint8Array) => object, toObject: (m: never) => object, message: T) {
  const bytes = encode(message);
  const decoded = decode(bytes);
  // Re-encoding what was decoded gives the same bytes, and the decoded tree equals the input.
  expect(encode(decoded as T)).toEqual(bytes);
  expect(toObject(decoded as never)).toEqual(message);
  return decoded;
}

describe('proto round trips', () => {
  it('a scan stage with concrete splits and a deletion vector', () => {
    const decoded = roundTrip((m) => encodeMessage('StagePlan', m), (b) => decodeMessage('StagePlan', b),
      (m) => pb.StagePlan.toObject(m), lineitemStage) as loch.v1.StagePlan;
    const scan = decoded.plan!.shuffleWrite!.input!.filter!.input!.scan!;
    expect(scan.partitions![1]!.splits![1]!.deletionVector!.cardinality).toBe(3);
    expect(scan.partitions![1]!.splits![1]!.partitionValues).toEqual({ l_year: '1995' });
    expect(decoded.plan!.node).toBe('shuffleWrite');
    expect(decoded.plan!.shuffleWrite!.input!.node).toBe('filter');
  });

  it('a join stage with a hash join, a partial aggregate and shuffle reads', () => {
    const decoded = roundTrip((m) => encodeMessage('StagePlan', m), (b) => decodeMessage('StagePlan', b),
      (m) => pb.StagePlan.toObject(m), joinStage) as loch.v1.StagePlan;
    const join = decoded.plan!.topK!.input!.hashAggregate!.input!.hashJoin!;
    expect(join.left!.shuffleRead!.partitions![0]!.locations![0]!.mapTask!.mapTaskAttempt).toBe(3);
    expect(join.right!.node).toBe('unresolvedShuffle');
    expect(decoded.plan!.topK!.keys![0]!.ascending).toBe(false);
    expect(decoded.plan!.topK!.input!.hashAggregate!.mode).toBe(pb.AggregateMode.PARTIAL);
  });

  it('int64 literals travel exactly as strings; NULL is an empty value', () => {
    const big = (2n ** 62n + 1n).toString();
    const expr: loch.v1.Expr.$Properties = { inList: { input: colRef(1, 'x', int64), negated: true, type: { kind: K.BOOLEAN }, list: [
      { literal: { value: { bigInteger: big }, type: int64 } },
      { literal: { value: {}, type: int64 } },
    ] } };
    const decoded = decodeMessage('Expr', encodeMessage('Expr', expr));
    expect(BigInt(decoded.inList!.list![0]!.literal!.value!.bigInteger!)).toBe(2n ** 62n + 1n);
    expect(decoded.inList!.list![1]!.literal!.value!.value).toBeUndefined();
  });

  it('a logical plan from a DataFrame client inside ExecuteQuery', () => {
    const request: loch.v1.ExecuteQueryRequest.$Properties = {
      credentials: { principal: 'alice@example.com', token: 'dapi-123' },
      clientRequestId: 'c-1',
      plan: { limit: { limit: 5, input: { filter: {
        predicate: { call: { fn: 'eq', type: { kind: K.BOOLEAN }, args: [colRef(1, 'n_name', { kind: K.TEXT }), { literal: { value: { text: 'FRANCE' }, type: { kind: K.TEXT } } }] } },
        input: { scan: { tableName: 'nation', source: { name: 'main.tpch.nation' }, columns: [{ column: planCol(1, 'n_name', { kind: K.TEXT }), sourceIndex: 1 }] } },
      } } } },
    };
    const decoded = roundTrip((m) => encodeMessage('ExecuteQueryRequest', m), (b) => decodeMessage('ExecuteQueryRequest', b),
      (m) => pb.ExecuteQueryRequest.toObject(m), request) as loch.v1.ExecuteQueryRequest;
    expect(decoded.query).toBe('plan');
    // An absent optional `limit` is distinguishable from LIMIT 0.
    const noLimit = decodeMessage('LogicalLimit', encodeMessage('LogicalLimit', { offset: 3 }));
    expect(noLimit.limit).toBeNull();
    expect(decodeMessage('LogicalLimit', encodeMessage('LogicalLimit', { limit: 0 })).limit).toBe(0);
  });

  it('typed task failures', () => {
    const status: loch.v1.TaskStatus.$Properties = {
      task: { jobId: 'job-7f3a', stageId: 3, stageAttempt: 1, partition: 5, taskId: 41, taskAttempt: 2 },
      workerId: 'worker-a',
      failed: { retryable: true, fetchFailure: { message: 'connection reset', location: joinStage.plan!.topK!.input!.hashAggregate!.input!.hashJoin!.left!.shuffleRead!.partitions![0]!.locations![0]! } },
    };
    const decoded = roundTrip((m) => encodeMessage('TaskStatus', m), (b) => decodeMessage('TaskStatus', b),
      (m) => pb.TaskStatus.toObject(m), status) as loch.v1.TaskStatus;
    expect(decoded.status).toBe('failed');
    expect(decoded.failed!.reason).toBe('fetchFailure');
    expect(decoded.failed!.countToFailures).toBe(false);
    const deterministic = decodeMessage('TaskFailure', encodeMessage('TaskFailure',
      { countToFailures: true, executionError: { sqlstate: '22012', message: 'division by zero' } }));
    expect(deterministic.retryable).toBe(false);
    expect(deterministic.executionError!.sqlstate).toBe('22012');
  });

  it('gRPC service definitions carry paths, streaming flags and codecs', () => {
    const worker = grpcServiceDefinition('WorkerService');
    expect(Object.keys(worker).sort()).toEqual(['cancelTasks', 'fetchShufflePartition', 'launchTasks', 'removeJobData']);
    const fetch = worker['fetchShufflePartition']!;
    expect(fetch.path).toBe('/loch.v1.WorkerService/FetchShufflePartition');
    expect([fetch.requestStream, fetch.responseStream]).toEqual([false, true]);
    const chunk = fetch.responseDeserialize(fetch.responseSerialize({ data: new Uint8Array([1, 2, 3]), sequence: 4 })) as loch.v1.ArrowIpcChunk;
    expect([...chunk.data]).toEqual([1, 2, 3]);
    expect(chunk.sequence).toBe(4);
    expect(grpcServiceDefinition('QueryService')['executeQuery']!.responseStream).toBe(true);
    expect(grpcServiceDefinition('ClusterService')['registerWorker']!.responseStream).toBe(false);
  });

  it('protocol version check', () => {
    expect(protocolVersionMismatch(PROTOCOL_VERSION)).toBeNull();
    expect(protocolVersionMismatch(PROTOCOL_VERSION + 1)).toMatch(/protocol version 2 is not supported/);
    const reg = decodeMessage('RegisterWorkerRequest', encodeMessage('RegisterWorkerRequest',
      { protocolVersion: PROTOCOL_VERSION, worker: { workerId: 'w-1', host: '127.0.0.1', port: 40411, taskSlots: 2 } }));
    expect(reg.protocolVersion).toBe(1);
    expect(reg.worker!.taskSlots).toBe(2);
  });
});
