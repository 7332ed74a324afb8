/**
 * Date/time kernels of the function library: extract() (date and timestamp fields on
 * number lanes, everything else row-wise), timestamp ± constant interval on number
 * lanes, and the remaining interval arithmetic row by row.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, type Interval, LochError, SqlState, daysFromCivil, isNarrowDecimal } from '../../core/index.ts';
import {
  addInterval, dayOfDays, extractFromDays, extractFromInterval, extractFromMicros, monthOfDays, multiplyInterval, negateInterval,
  subtractTimestamps, yearOfDays,
} from '../kernels/datetime.ts';
import { filterValid, makeColumn, numbersToInt64, selectionOf, validityOf } from '../kernels/vector.ts';
import { type Node, numberLanes } from './node.ts';
import { rowwise } from './rowwise.ts';

type Evaluate = (batch: Batch) => arrow.Data;

/** Converts an extracted field (value / 10^scale) to the result type (numeric or float8). */
function fieldToResult(v: { value: number; scale: number }, type: DataType): number {
  if (type.kind === 'decimal') {
    const diff = type.scale - v.scale;
    return diff === 0 ? v.value : Math.round(v.value * 10 ** diff);
  }
  return v.value / 10 ** v.scale;
}

/** extract(field from date | timestamp | interval); date_part resolves to it with a float8 result. */
export function compileExtract(args: readonly Node[], type: DataType): Evaluate {
  const field = args[0]!.constant?.value;
  if (typeof field !== 'string') throw new LochError(SqlState.featureNotSupported, 'extract() needs a constant field');
  const src = args[1]!;
  if (src.type.kind === 'date' && (type.kind === 'float64' || (type.kind === 'decimal' && isNarrowDecimal(type)))) {
    const fast = field === 'year' ? yearOfDays : field === 'month' ? monthOfDays : field === 'day' ? dayOfDays : null;
    const scaleFactor = type.kind === 'decimal' ? 10 ** type.scale : 1;
    return (batch) => {
      const n = batch.numRows;
      const sel = selectionOf(batch.selection, n);
      const data = src.evaluate(batch);
      const days = data.values as Int32Array;
      const validity = validityOf(data);
      const out = new Float64Array(n);
      if (fast && field !== 'year') {
        for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = fast(days[i]!) * scaleFactor; }
      } else if (fast) {
        for (let k = 0; k < sel.length; k++) { const i = sel[k]!; const y = fast(days[i]!); out[i] = (y > 0 ? y : y - 1) * scaleFactor; }
      } else {
        const rows = filterValid(sel, validity);
        for (let k = 0; k < rows.length; k++) { const i = rows[k]!; out[i] = fieldToResult(extractFromDays(field, days[i]!), type); }
      }
      return makeColumn(type, n, out, validity);
    };
  }
  const tsField = field === 'year' || field === 'month' || field === 'day' || field === 'hour' || field === 'minute';
  if ((src.type.kind === 'timestamp' || src.type.kind === 'timestamptz') && tsField && (type.kind === 'float64' || isNarrowDecimal(type))) {
    const scaleFactor = type.kind === 'decimal' ? 10 ** type.scale : 1;
    const slow = extractRowwise(field, src, type);
    return (batch) => {
      const n = batch.numRows;
      const sel = selectionOf(batch.selection, n);
      const data = src.evaluate(batch);
      const lanes = numberLanes(data, src.type, sel);
      if (lanes === null) return slow(batch);
      const out = new Float64Array(n);
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        const t = lanes[i]!;
        const day = Math.floor(t / DAY);
        let v: number;
        switch (field) {
          case 'year': { const y = yearOfDays(day); v = y > 0 ? y : y - 1; break; }
          case 'month': v = monthOfDays(day); break;
          case 'day': v = dayOfDays(day); break;
          case 'hour': v = Math.floor((t - day * DAY) / 3_600_000_000); break;
          default: v = Math.floor((t - day * DAY) / 60_000_000) % 60; break;
        }
        out[i] = v * scaleFactor;
      }
      return makeColumn(type, n, out, validityOf(data));
    };
  }
  return extractRowwise(field, src, type);
}

function extractRowwise(field: string, src: Node, type: DataType): Evaluate {
  return rowwise([src], type, (v) => {
    const x = v[0]!;
    const f = src.type.kind === 'date' ? extractFromDays(field, x as number)
      : src.type.kind === 'interval' ? extractFromInterval(field, x as Interval) : extractFromMicros(field, x as bigint);
    const r = fieldToResult(f, type);
    return type.kind === 'decimal' && !isNarrowDecimal(type) ? BigInt(r) : r;
  }, true);
}

/** Arithmetic involving timestamps or intervals, or null when the operands are not temporal. */
export function temporalArith(fn: string, args: readonly Node[], type: DataType): Evaluate | null {
  const [a, b] = args;
  const ka = a?.type.kind, kb = b?.type.kind;
  if (fn === 'negate' && ka === 'interval') return rowwise(args, type, (v) => negateInterval(v[0] as Interval), true);
  if ((ka === 'timestamp' || ka === 'timestamptz') && kb === 'interval' && (fn === 'add' || fn === 'subtract') && b!.constant?.value) {
    const iv = b!.constant.value as Interval;
    return timestampPlusConstantInterval(a!, fn === 'add' ? iv : negateInterval(iv), type,
      rowwise(args, type, (v) => addInterval(v[0] as bigint, v[1] as Interval, fn === 'add' ? 1 : -1), true));
  }
  if ((ka === 'timestamp' || ka === 'timestamptz') && kb === 'interval' && (fn === 'add' || fn === 'subtract')) {
    return rowwise(args, type, (v) => addInterval(v[0] as bigint, v[1] as Interval, fn === 'add' ? 1 : -1), true);
  }
  if ((ka === 'timestamp' || ka === 'timestamptz') && (kb === 'timestamp' || kb === 'timestamptz') && fn === 'subtract') {
    return rowwise(args, type, (v) => subtractTimestamps(v[0] as bigint, v[1] as bigint), true);
  }
  if (ka === 'interval' && kb === 'interval' && (fn === 'add' || fn === 'subtract')) {
    const s = fn === 'add' ? 1 : -1;
    return rowwise(args, type, (v) => {
      const x = v[0] as Interval, y = v[1] as Interval;
      return { months: x.months + s * y.months, days: x.days + s * y.days, micros: x.micros + s * y.micros };
    }, true);
  }
  if (ka === 'interval' && (fn === 'multiply' || fn === 'divide')) {
    return rowwise(args, type, (v) => {
      const f = Number(v[1]);
      if (fn === 'divide' && f === 0) throw new LochError(SqlState.divisionByZero, 'division by zero');
      return multiplyInterval(v[0] as Interval, fn === 'divide' ? 1 / f : f);
    }, true);
  }
  return null;
}

const DAY = 86_400_000_000;

/**
 * timestamp + constant interval on number lanes (µs fit doubles exactly for years
 * 1685..2255): months move the calendar date with month-end clamping, then days and time add.
 */
function timestampPlusConstantInterval(a: Node, iv: Interval, type: DataType, slow: Evaluate): Evaluate {
  const shift = iv.days * DAY + iv.micros;
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = a.evaluate(batch);
    const validity = validityOf(data);
    const lanes = numberLanes(data, a.type, sel);
    if (lanes === null) return slow(batch);
    const out = new Float64Array(n);
    if (iv.months === 0) {
      for (let k = 0; k < sel.length; k++) { const i = sel[k]!; out[i] = lanes[i]! + shift; }
    } else {
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k]!;
        const t = lanes[i]!;
        const day = Math.floor(t / DAY);
        out[i] = addMonthsToDayNumber(day, iv.months) * DAY + (t - day * DAY) + shift;
      }
    }
    for (let k = 0; k < sel.length; k++) {
      const v = out[sel[k]!]!;
      if (v > Number.MAX_SAFE_INTEGER || v < -Number.MAX_SAFE_INTEGER) return slow(batch);
    }
    return makeColumn(type, n, numbersToInt64(out, sel, n), validity);
  };
}

/** Adds months to a day number with month-end clamping, allocation-free. */
function addMonthsToDayNumber(day: number, months: number): number {
  const y = yearOfDays(day), m = monthOfDays(day), d = dayOfDays(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const dim = month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28)
    : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return daysFromCivil(year, month, d < dim ? d : dim);
}


const TRUNC_UNITS: Record<string, number> = { microseconds: 1, milliseconds: 1000, second: 1_000_000, minute: 60_000_000, hour: 3_600_000_000 };

/**
 * date_trunc(field, timestamp) on number lanes for the common fields (time units, day,
 * week, month, quarter, year); other fields and out-of-range values go row by row.
 */
export function compileDateTrunc(field: string, src: Node, type: DataType, slow: Evaluate): Evaluate {
  const unit = TRUNC_UNITS[field];
  const calendar = field === 'day' || field === 'week' || field === 'month' || field === 'quarter' || field === 'year';
  if (type.kind === 'interval' || (unit === undefined && !calendar)) return slow;
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = src.evaluate(batch);
    const lanes = numberLanes(data, src.type, sel);
    if (lanes === null) return slow(batch);
    const out = new Float64Array(n);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      const t = lanes[i]!;
      if (unit !== undefined) { out[i] = Math.floor(t / unit) * unit; continue; }
      const day = Math.floor(t / DAY);
      let d: number;
      switch (field) {
        case 'day': d = day; break;
        case 'week': d = day - (((day + 3) % 7) + 7) % 7; break;
        case 'month': d = daysFromCivil(yearOfDays(day), monthOfDays(day), 1); break;
        case 'quarter': d = daysFromCivil(yearOfDays(day), Math.floor((monthOfDays(day) - 1) / 3) * 3 + 1, 1); break;
        default: d = daysFromCivil(yearOfDays(day), 1, 1); break;
      }
      out[i] = d * DAY;
    }
    return makeColumn(type, n, numbersToInt64(out, sel, n), validityOf(data));
  };
}
