/** Hashing one utf8 key column (18-byte keys like c_name), batch by batch. */
import { hashColumns } from '../../worker/index.ts';
import { chunks, stringColumn } from './columns.ts';
import { type MicroBenchmark, measure } from './micro-runner.ts';

const ROWS = 2_000_000;
const BATCH = 4096;

export const hashStringKeys: MicroBenchmark = {
  name: 'hash-string',
  description: 'hash of string keys',
  async run(log) {
    const batches = chunks(stringColumn(ROWS, 150_000), BATCH);
    const out = new Uint32Array(BATCH);
    await measure(log, 'hash utf8 keys (18 bytes)', ROWS, () => { for (const b of batches) hashColumns([b], null, b.length, out); });
  },
};
