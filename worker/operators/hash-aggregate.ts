/**
 * HashAggregateExec (mode single): GROUP BY, DISTINCT and plain aggregates.
 *
 * Per batch: evaluate the key expressions, hash them (kernels/hash.ts), map
 * each selected row to a dense group id through the GroupTable, then feed
 * every accumulator the parallel vectors (row, group). FILTER (WHERE …)
 * narrows the rows of its aggregate; DISTINCT aggregates first pass rows
 * through a second GroupTable keyed by (group id, argument) and keep only the
 * rows that created a new entry. Without GROUP BY there is exactly one group,
 * even over empty input (count → 0, sum → NULL).
 *
 * Two-phase execution (planner/physical/aggregate-states.ts): mode `partial`
 * outputs keys + each accumulator's state columns instead of final values;
 * mode `final` groups those rows by key again and merges the states.
 *
 * Spilling (spill/aggregate-spill.ts): with GROUP BY and only splittable
 * aggregates, a table the memory budget refuses is written out as partial
 * states in hash partitions and started afresh; the partitions are merged one
 * at a time at the end.
 */
import * as arrow from 'apache-arrow';
import { Batch, toArrowType } from '../../core/index.ts';
import {
  type AggregateCall, type HashAggregateExec, aggregateStateColumns, distinctArgument, isSplittable,
} from '../../planner/index.ts';
import { type CompiledExpr, type CompiledPredicate, compileExpr, compilePredicate } from '../expr/index.ts';
import { hashColumns } from '../kernels/hash.ts';
import { sharedIdentity } from '../kernels/take.ts';
import { type Accumulator, createAccumulator } from './aggregate-accumulator.ts';
import { StringAggAccumulator } from './aggregate-extra.ts';
import { GroupTable } from './group-table.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, metricsOf, stream } from './physical-operator.ts';
import { AggregateSpill, aggregateStateFields, mergeSpilledPartitions } from './spill/aggregate-spill.ts';
import { type SpillFile, deleteSpillFile } from './spill/spill-file.ts';
import { minSpillBytes } from './spill/spill-threshold.ts';

interface AggregateRuntime {
  readonly call: AggregateCall;
  /** Replaced by a fresh one when the table spills. */
  acc: Accumulator;
  readonly arg: CompiledExpr | null;
  /** string_agg's separator. */
  readonly arg2: CompiledExpr | null;
  /** Every argument, for accumulators taking several (`Accumulator.updateArgs`). */
  readonly args: CompiledExpr[] | null;
  /** Index of the argument `arg` evaluates (and DISTINCT applies to). */
  readonly valueArg: number;
  readonly filter: CompiledPredicate | null;
  /** (group id, argument) pairs seen, for DISTINCT. */
  readonly distinct: GroupTable | null;
  /** Final mode: position and number of this aggregate's state columns in the input. */
  readonly stateStart: number;
  readonly stateCount: number;
}

/** Runs HashAggregateExec in single, partial or final mode. */
export class HashAggregateOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: HashAggregateExec;
  private readonly input: PhysicalOperator;

  constructor(plan: HashAggregateExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const plan = this.plan;
    const metrics = metricsOf(ctx, this.nodeId);
    const layout = layoutOf(plan.input.columns);
    const keys = plan.groupBy.map((e) => compileExpr(e, layout));
    const keyTypes = plan.groupBy.map((e) => toArrowType(e.type));
    let table = new GroupTable(keyTypes);
    const final = plan.mode === 'final';
    // In final mode the input holds the keys then each aggregate's state columns, by position.
    let statePos = plan.groupBy.length;
    const aggs: AggregateRuntime[] = plan.aggregates.map((a) => {
      const states = final ? aggregateStateColumns(a).length : 0;
      const acc = createAccumulator(a);
      // the argument DISTINCT applies to (percentile_cont(f) WITHIN GROUP (ORDER BY x): x, the last)
      const valueArg = distinctArgument(a);
      const rt: AggregateRuntime = {
        call: a,
        acc,
        arg: !final && a.args.length > 0 ? compileExpr(a.args[valueArg]!, layout, acc.argTransient === true && !a.distinct) : null,
        arg2: !final && a.args.length > 1 && !acc.updateArgs ? compileExpr(a.args[1]!, layout) : null,
        args: !final && acc.updateArgs ? a.args.map((e) => compileExpr(e, layout)) : null,
        filter: !final && a.filter ? compilePredicate(a.filter, layout) : null,
        distinct: !final && a.distinct && a.args.length > 0 ? new GroupTable([new arrow.Int32(), toArrowType(a.args[valueArg]!.type)], 64) : null,
        valueArg,
        stateStart: statePos,
        stateCount: states,
      };
      statePos += states;
      return rt;
    });
    const scalar = keys.length === 0;
    let groupIds = new Int32Array(0);
    let byRow = new Int32Array(0);
    let hashes = new Uint32Array(0);
    let accounted = 0;
    const spillable = ctx.spill !== undefined && !scalar && plan.aggregates.every(isSplittable);
    let spill: AggregateSpill | null = null;
    const stateFields = spillable ? aggregateStateFields(plan.groupBy.map((e, i) => ({ name: `k${i}`, type: e.type, nullable: true })), plan.aggregates) : [];
    let files: SpillFile[] = [];
    /** The table's groups as partial states (keys, then each aggregate's state columns). */
    const states = (): Batch => {
      const n = table.size;
      const columns = table.keyColumns();
      for (const a of aggs) { a.acc.resize(n); columns.push(...a.acc.state(n)); }
      return new Batch(columns, n, null);
    };
    try {
      for await (const batch of stream(this.input, ctx)) {
        const count = batch.length;
        const rows = batch.selection ?? sharedIdentity(batch.numRows);
        if (groupIds.length < count) groupIds = new Int32Array(count * 2);
        if (table.needsHashes && hashes.length < count) hashes = new Uint32Array(count * 2);
        if (scalar) {
          groupIds.fill(0, 0, count);
          if (table.size === 0) table.size = 1;
        } else {
          const keyData = keys.map((k) => k.evaluate(batch));
          table.insert(keyData, rows, count, table.needsHashes ? hashColumns(keyData, rows, count, hashes) : null, groupIds);
        }
        const needByRow = aggs.some((a) => a.filter !== null || a.distinct !== null);
        if (needByRow) {
          if (byRow.length < batch.numRows) byRow = new Int32Array(batch.numRows * 2);
          for (let i = 0; i < count; i++) byRow[rows[i]!] = groupIds[i]!;
        }
        for (const a of aggs) {
          a.acc.resize(table.size);
          if (final) { a.acc.merge(batch.columns.slice(a.stateStart, a.stateStart + a.stateCount), rows, groupIds, count); continue; }
          const arg = a.arg ? a.arg.evaluate(batch) : null;
          let r: Int32Array = rows, g: Int32Array = groupIds, n = count;
          if (a.filter) {
            r = a.filter.select(batch);
            n = r.length;
            g = new Int32Array(n);
            for (let i = 0; i < n; i++) g[i] = byRow[r[i]!]!;
          }
          if (a.distinct && arg) ({ r, g, n } = firstOccurrences(a.distinct, arg, r, g, n, batch.numRows));
          if (a.args) { a.acc.updateArgs!(a.args.map((e, j) => (j === a.valueArg && arg ? arg : e.evaluate(batch))), r, g, n); continue; }
          if (a.acc instanceof StringAggAccumulator) a.acc.setSeparators(a.arg2 ? a.arg2.evaluate(batch) : null, r, n);
          a.acc.update(arg, r, g, n);
        }
        let bytes = table.byteSize();
        for (const a of aggs) bytes += a.acc.byteSize() + (a.distinct ? a.distinct.byteSize() : 0);
        const delta = bytes - accounted;
        if (delta > 0 && !ctx.memory.tryReserve(metrics, delta)) {
          if (spillable && bytes >= minSpillBytes(ctx.memory.limitBytes)) {
            spill ??= new AggregateSpill(ctx.spill!, stateFields, keys.length, `agg${this.nodeId}`);
            metrics.spilledBytes = (metrics.spilledBytes ?? 0) + spill.write(states());
            table = new GroupTable(keyTypes);
            for (const a of aggs) a.acc = createAccumulator(a.call);
            ctx.memory.release(metrics, accounted);
            accounted = 0;
            continue;
          }
          ctx.memory.account(metrics, delta);
        } else if (delta < 0) {
          ctx.memory.release(metrics, -delta);
        }
        accounted = bytes;
      }

      if (spill !== null) {
        if (table.size > 0) metrics.spilledBytes = (metrics.spilledBytes ?? 0) + spill.write(states());
        ctx.memory.release(metrics, accounted);
        accounted = 0;
        table = new GroupTable(keyTypes);
        const finished = spill.finish();
        files = finished.files;
        metrics.spilledBytes = (metrics.spilledBytes ?? 0) + finished.bytes;
        spill = null;
        const resplit = { fields: stateFields, label: `agg${this.nodeId}`, level: 1 };
        while (files.length > 0) {
          yield* mergeSpilledPartitions(files.shift()!, keyTypes, plan.aggregates, plan.mode === 'partial', ctx, metrics, resplit);
        }
        return;
      }

      if (scalar && table.size === 0) table.size = 1;
      const n = table.size;
      if (n === 0) return;
      const columns: arrow.Data[] = scalar ? [] : table.keyColumns();
      for (const a of aggs) {
        a.acc.resize(n);
        if (plan.mode === 'partial') columns.push(...a.acc.state(n));
        else columns.push(a.acc.finish(n));
      }
      ctx.memory.release(metrics, accounted);
      accounted = 0;
      yield new Batch(columns, n, null);
    } finally {
      ctx.memory.release(metrics, accounted);
      spill?.abandon();
      for (const f of files) deleteSpillFile(f);
    }
  }
}

/**
 * Keeps the rows whose (group, argument) pair was not seen before.
 */
function firstOccurrences(
  seen: GroupTable, arg: arrow.Data, rows: Int32Array, groups: Int32Array, count: number, numRows: number,
): { r: Int32Array; g: Int32Array; n: number } {
  // Group ids as a column aligned with the batch's physical rows.
  const groupCol = new Int32Array(numRows);
  for (let i = 0; i < count; i++) groupCol[rows[i]!] = groups[i]!;
  const groupData = arrow.makeData({ type: new arrow.Int32(), length: numRows, nullCount: 0, data: groupCol });
  const keys = [groupData, arg];
  const ids = new Int32Array(count);
  const before = seen.size;
  seen.insert(keys, rows, count, seen.needsHashes ? hashColumns(keys, rows, count) : null, ids);
  const r = new Int32Array(count);
  const g = new Int32Array(count);
  let n = 0;
  let next = before;
  for (let i = 0; i < count; i++) {
    if (ids[i] === next) { r[n] = rows[i]!; g[n] = groups[i]!; n++; next++; }
  }
  return { r, g, n };
}
