/**
 * The series table functions: `generate_series(start, stop[, step])` (PostgreSQL;
 * both ends included) and `range(start, stop[, step])` (DataFusion/DuckDB; stop
 * excluded), over integers, and over timestamps or dates with an interval step.
 * With one argument the series starts at 0 (DataFusion's `generate_series(6)` is
 * 0..6, `range(6)` is 0..5). A NULL argument gives no rows, as in PostgreSQL.
 * The rows are produced batch by batch by a scanner, so long series stream.
 */
import {
  Batch, LochError, SqlState, T, columnFromValues, isInterval, type DataType, type Interval, type LiteralValue, type ScanRequest, type SourceStatistics, type TableScanner,
} from '../../core/index.ts';

/** A bound constant argument. */
export interface SeriesArgument {
  readonly value: LiteralValue;
  readonly type: DataType;
}

const BATCH = 8192;
const INTEGER_KINDS = new Set(['int16', 'int32', 'int64']);

/** A scanner for `name(args)` when `name` is a series function, else null. */
export function seriesTableFunction(name: string, args: readonly SeriesArgument[]): TableScanner | null {
  if (name !== 'generate_series' && name !== 'range') return null;
  const inclusive = name === 'generate_series';
  if (args.length < 1 || args.length > 3) {
    throw new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((a) => a.type.kind).join(', ')}) does not exist`, { hint: `${name} takes (stop), (start, stop) or (start, stop, step).` });
  }
  const full = args.length === 1 ? [{ value: 0, type: args[0]!.type }, args[0]!] : [...args];
  const kinds = full.slice(0, 2).map((a) => a.type.kind);
  if (kinds.some((k) => k !== 'null') && kinds.every((k) => k === 'timestamp' || k === 'timestamptz' || k === 'date' || k === 'null')) {
    return timestampSeries(name, full, inclusive);
  }
  if (!full.every((a) => INTEGER_KINDS.has(a.type.kind) || a.type.kind === 'null')) {
    throw new LochError(SqlState.undefinedFunction, `function ${name}(${full.map((a) => a.type.kind).join(', ')}) does not exist`, { hint: `${name} takes integers, or timestamps with an interval step.` });
  }
  const type = full.some((a) => a.type.kind === 'int64') ? T.int64 : T.int32;
  if (full.some((a) => a.value === null)) return seriesScanner(name, type, 0, () => []);
  const start = Number(full[0]!.value);
  const stop = Number(full[1]!.value);
  const step = full.length > 2 ? Number(full[2]!.value) : 1;
  if (step === 0) throw new LochError(SqlState.invalidParameterValue, 'step size cannot equal zero');
  const span = inclusive ? Math.floor((stop - start) / step) + 1 : Math.ceil((stop - start) / step);
  const count = Math.max(0, span);
  const wide = type.kind === 'int64';
  return seriesScanner(name, type, count, (from, to) => {
    const values: LiteralValue[] = new Array(to - from);
    for (let i = from; i < to; i++) values[i - from] = wide ? BigInt(start + i * step) : start + i * step;
    return values;
  });
}

function timestampSeries(name: string, args: readonly SeriesArgument[], inclusive: boolean): TableScanner {
  const type = args.some((a) => a.type.kind === 'timestamptz') ? T.timestamptz : T.timestamp;
  if (args.length !== 3 || (args[2]!.type.kind !== 'interval' && args[2]!.type.kind !== 'null')) {
    throw new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((a) => a.type.kind).join(', ')}) does not exist`, { hint: 'A timestamp series needs an interval step.' });
  }
  if (args.some((a) => a.value === null)) return seriesScanner(name, type, 0, () => []);
  const micros = (a: SeriesArgument): number => (a.type.kind === 'date' ? Number(a.value) * 86_400_000_000 : Number(a.value));
  const start = micros(args[0]!);
  const stop = micros(args[1]!);
  const step = args[2]!.value as LiteralValue;
  if (!isInterval(step)) throw new LochError(SqlState.invalidParameterValue, `${name} needs an interval step`);
  if (step.months === 0 && step.days === 0 && step.micros === 0) throw new LochError(SqlState.invalidParameterValue, 'step size cannot equal zero');
  const forward = step.months > 0 || (step.months === 0 && (step.days > 0 || (step.days === 0 && step.micros > 0)));
  const values: bigint[] = [];
  // Each value is the previous one plus the step, as in PostgreSQL (a month step from Jan 31 goes Feb 29, Mar 29, …).
  for (let t = start; ; t = addInterval(t, step)) {
    if (forward ? (inclusive ? t > stop : t >= stop) : (inclusive ? t < stop : t <= stop)) break;
    values.push(BigInt(t));
    if (values.length > 10_000_000) throw new LochError('54000', `${name} would produce more than 10 million rows`);
  }
  return seriesScanner(name, type, values.length, (from, to) => values.slice(from, to));
}

/** `t + step` in microseconds, adding months on the calendar (clamped to the month's last day, as PostgreSQL does). */
function addInterval(t: number, step: Interval): number {
  let out = t;
  if (step.months !== 0) {
    const ms = Math.floor(t / 1000);
    const rest = t - ms * 1000;
    const d = new Date(ms);
    const day = d.getUTCDate();
    const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step.months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(day, lastDay));
    out = target.getTime() * 1000 + rest;
  }
  return out + step.days * 86_400_000_000 + step.micros;
}

function seriesScanner(name: string, type: DataType, count: number, slice: (from: number, to: number) => LiteralValue[]): TableScanner {
  return {
    columns: [{ name, type, nullable: false }],
    statistics: async (): Promise<SourceStatistics> => ({ rowCount: count }),
    async *scan(request: ScanRequest): AsyncIterable<Batch> {
      const size = request.batchSize ?? BATCH;
      const end = request.limit !== undefined ? Math.min(count, request.limit) : count;
      for (let from = 0; from < end; from += size) {
        request.signal?.throwIfAborted();
        const to = Math.min(end, from + size);
        const column = columnFromValues(type, slice(from, to));
        yield new Batch(request.columns.map(() => column), to - from);
      }
    },
  };
}
