import * as arrow from 'apache-arrow';
import { Batch, T, decimal } from '../../core/index.ts';
import { writeShuffle } from './index.ts';
const fields = [{ name: 'k', type: T.int64, nullable: false }, { name: 'v', type: decimal(15, 2), nullable: false }, { name: 'd', type: T.date, nullable: false }, { name: 'x', type: T.int32, nullable: false }];
const n = 8192;
const batches: Batch[] = [];
for (let b = 0; b < 250; b++) {
  const k = new BigInt64Array(n), v = new Float64Array(n), d = new Int32Array(n), x = new Int32Array(n);
  const kw = new Int32Array(k.buffer);
  for (let i = 0; i < n; i++) { kw[2 * i] = b * n + i; v[i] = i * 3; d[i] = i; x[i] = i; }
  batches.push(new Batch([
    arrow.makeData({ type: new arrow.Int64(), length: n, nullCount: 0, data: k }),
    arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: v }),
    arrow.makeData({ type: new arrow.DateDay(), length: n, nullCount: 0, data: d }),
    arrow.makeData({ type: new arrow.Int32(), length: n, nullCount: 0, data: x }),
  ], n));
}
async function* input() { for (const b of batches) yield b; }
for (const parts of [Number(process.argv[2])]) {
  const t0 = performance.now();
  const task = { jobId: 'b', mapStageId: 1, mapStageAttempt: 0, mapPartition: parts, mapTaskAttempt: 0 };
  const out = await writeShuffle(input(), { shuffleRoot: '/tmp/shbench', mapTask: task, fields, partitioning: parts === 1 ? { kind: 'single' } : { kind: 'hash', keyColumns: [0], partitions: parts } });
  console.log(parts, 'partitions: write 2M rows', (performance.now() - t0).toFixed(0), 'ms', (out.reduce((a, o) => a + o.bytes, 0) / 1e6).toFixed(1), 'MB');
}
