/**
 * The probe side of a hash join: hash each probe batch and look its keys up in a
 * table built from the build side (GroupTable, as worker/operators/hash-join-build.ts
 * does); TPC-H-like shape: 150k build keys, 4M probe rows, most of them matching.
 */
import * as arrow from 'apache-arrow';
import { GroupTable, hashColumns } from '../../worker/index.ts';
import { chunks, intColumn, stringColumn } from './columns.ts';
import { type MicroBenchmark, measure } from './micro-runner.ts';

const BUILD = 150_000;
const PROBE = 4_000_000;
const BATCH = 4096;

function probe(log: (line: string) => void, label: string, type: arrow.DataType, build: arrow.Data, probeSide: arrow.Data[]): Promise<number> {
  const table = new GroupTable([type], BUILD);
  const hashes = new Uint32Array(BATCH);
  const ids = new Int32Array(BATCH);
  for (const b of chunks(build, BATCH)) {
    hashColumns([b], null, b.length, hashes);
    table.insert([b], null, b.length, hashes, ids);
  }
  return measure(log, label, PROBE, () => {
    let matched = 0;
    for (const b of probeSide) {
      hashColumns([b], null, b.length, hashes);
      table.lookup([b], null, b.length, hashes, ids);
      for (let i = 0; i < b.length; i++) if (ids[i]! >= 0) matched++;
    }
    return matched;
  });
}

export const hashJoinProbe: MicroBenchmark = {
  name: 'join-probe',
  description: 'hash join probe (int and string keys)',
  async run(log) {
    const keys = Int32Array.from({ length: BUILD }, (_, i) => i);
    await probe(log, 'join probe int32 (150k build, 4M probe)', new arrow.Int32(), arrow.makeData({ type: new arrow.Int32(), length: BUILD, data: keys }),
      chunks(intColumn(PROBE, BUILD * 1.2), BATCH));
    await probe(log, 'join probe utf8 (150k build, 4M probe)', new arrow.Utf8(), stringColumn(BUILD, BUILD, 7), chunks(stringColumn(PROBE, BUILD), BATCH));
  },
};
