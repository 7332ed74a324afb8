/** A compiled filter (worker/expr compilePredicate) `x < c` over int32 batches, 50% selectivity. */
import { Batch, T } from '../../core/index.ts';
import { compilePredicate } from '../../worker/index.ts';
import { chunks, intColumn } from './columns.ts';
import { type MicroBenchmark, measure } from './micro-runner.ts';

const ROWS = 8_000_000;
const BATCH = 4096;

type Predicate = Parameters<typeof compilePredicate>[0];

export const filter: MicroBenchmark = {
  name: 'filter',
  description: 'filter x < c on int32',
  async run(log) {
    // The bound expression planner/expr.ts describes: call lt(column 0, literal 500).
    const predicate = { kind: 'call', fn: 'lt', type: T.boolean, args: [
      { kind: 'column', id: 0, name: 'x', type: T.int32 }, { kind: 'literal', value: 500, type: T.int32 },
    ] } as unknown as Predicate;
    const compiled = compilePredicate(predicate, new Map([[0, 0]]));
    const batches = chunks(intColumn(ROWS, 1000), BATCH).map((d) => new Batch([d], d.length));
    await measure(log, 'filter int32 < const (50% kept)', ROWS, () => {
      let kept = 0;
      for (const b of batches) kept += compiled.select(b).length;
      return kept;
    });
  },
};
