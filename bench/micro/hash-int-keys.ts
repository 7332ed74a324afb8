/** Hashing one int32 key column (worker/kernels/hash.ts), batch by batch as the hash operators do. */
import { hashColumns } from '../../worker/index.ts';
import { chunks, intColumn } from './columns.ts';
import { type MicroBenchmark, measure } from './micro-runner.ts';

const ROWS = 4_000_000;
const BATCH = 4096;

export const hashIntKeys: MicroBenchmark = {
  name: 'hash-int',
  description: 'hash of int32 keys',
  async run(log) {
    const batches = chunks(intColumn(ROWS, 1 << 30), BATCH);
    const out = new Uint32Array(BATCH);
    await measure(log, 'hash int32 keys', ROWS, () => { for (const b of batches) hashColumns([b], null, b.length, out); });
  },
};
