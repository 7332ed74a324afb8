/**
 * Hash aggregate update: find or insert each row's group (GroupTable) and add
 * its value to the group's sum, as worker/operators/hash-aggregate.ts does;
 * 4M rows into 10k and into 1M groups.
 */
import * as arrow from 'apache-arrow';
import { GroupTable, hashColumns } from '../../worker/index.ts';
import { chunks, intColumn } from './columns.ts';
import { type MicroBenchmark, measure } from './micro-runner.ts';

const ROWS = 4_000_000;
const BATCH = 4096;

async function aggregate(log: (line: string) => void, groups: number): Promise<void> {
  const keys = chunks(intColumn(ROWS, groups), BATCH);
  const values = chunks(intColumn(ROWS, 1000, 9), BATCH);
  const hashes = new Uint32Array(BATCH);
  const ids = new Int32Array(BATCH);
  await measure(log, `hash aggregate sum, ${groups} groups`, ROWS, () => {
    const table = new GroupTable([new arrow.Int32()]);
    let sums = new Float64Array(1024);
    for (let b = 0; b < keys.length; b++) {
      const k = keys[b]!, v = values[b]!.values as Int32Array;
      hashColumns([k], null, k.length, hashes);
      table.insert([k], null, k.length, hashes, ids);
      if (table.size > sums.length) { const grown = new Float64Array(Math.max(table.size, sums.length * 2)); grown.set(sums); sums = grown; }
      for (let i = 0; i < k.length; i++) sums[ids[i]!]! += v[i]!;
    }
    return table.size;
  }, 3);
}

export const hashAggregate: MicroBenchmark = {
  name: 'aggregate',
  description: 'hash aggregate update (int32 key, sum)',
  async run(log) {
    await aggregate(log, 10_000);
    await aggregate(log, 1_000_000);
  },
};
