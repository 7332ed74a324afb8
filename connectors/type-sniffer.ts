/**
 * Schema inference for text sources: one `TypeSniffer` per column watches the
 * sampled values and keeps the set of types every value so far parses as.
 * The result is the most specific survivor, in this order of preference:
 * boolean, integer (int32, then int64), double, date (ISO), timestamp, text.
 * Decimals are never inferred (a sample cannot prove a fixed scale); declare
 * the columns explicitly to get them.
 */
import { type DataType, T } from '../core/index.ts';
import {
  parseFloatBytes, parseIntegerBytes, skipBlanksBackward, skipBlanksForward,
} from './parse-bytes.ts';
import { parseDateBytes, parseTimestampBytes } from './parse-datetime-bytes.ts';

const BOOL = 1;
const INT32 = 2;
const INT64 = 4;
const FLOAT = 8;
const DATE = 16;
const TIMESTAMP = 32;
const ALL = BOOL | INT32 | INT64 | FLOAT | DATE | TIMESTAMP;

export class TypeSniffer {
  private possible = ALL;
  private seen = 0;

  /** Observes one non-NULL value given as bytes (CSV fields, JSON strings when `numbers` is true). */
  observeBytes(buf: Uint8Array, start: number, end: number, numbers = true): void {
    this.seen++;
    let mask = 0;
    const p = this.possible;
    if (p & BOOL && isBooleanWord(buf, start, end)) mask |= BOOL;
    if (numbers && p & (INT32 | INT64)) {
      const v = parseIntegerBytes(buf, start, end);
      if (Number.isSafeInteger(v)) mask |= v >= -2147483648 && v <= 2147483647 ? INT32 | INT64 : INT64;
      else if (!Number.isNaN(v) && end - start <= 20) mask |= INT64; // big but maybe still int64; refined below
    }
    if (mask & INT64 && !(mask & INT32) && !fitsInt64(buf, start, end)) mask &= ~INT64;
    if (numbers && p & FLOAT && !Number.isNaN(parseFloatBytes(buf, start, end))) mask |= FLOAT;
    if (p & DATE && !Number.isNaN(parseDateBytes(buf, start, end))) mask |= DATE | TIMESTAMP;
    else if (p & TIMESTAMP && !Number.isNaN(parseTimestampBytes(buf, start, end, false))) mask |= TIMESTAMP;
    this.possible &= mask;
  }

  /** Observes a JSON value that is not a string. */
  observeJson(value: unknown): void {
    this.seen++;
    if (typeof value === 'boolean') {
      this.possible &= BOOL;
    } else if (typeof value === 'number') {
      if (Number.isInteger(value)) {
        this.possible &= value >= -2147483648 && value <= 2147483647 ? INT32 | INT64 | FLOAT : Number.isSafeInteger(value) ? INT64 | FLOAT : FLOAT;
      } else {
        this.possible &= FLOAT;
      }
    } else {
      this.possible = 0; // objects and arrays are kept as JSON text
    }
  }

  /** The inferred type (text when nothing narrower fits every value, or no value was seen). */
  result(): DataType {
    const p = this.possible;
    if (this.seen === 0 || p === 0) return T.text;
    if (p & BOOL) return T.boolean;
    if (p & INT32) return T.int32;
    if (p & INT64) return T.int64;
    if (p & FLOAT) return T.float64;
    if (p & DATE) return T.date;
    if (p & TIMESTAMP) return T.timestamp;
    return T.text;
  }
}

/** Only the words true/false infer boolean (t/f, 1/0, yes/no would swallow other columns). */
function isBooleanWord(buf: Uint8Array, start: number, end: number): boolean {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  return equalsIgnoreCase(buf, start, end, 'true') || equalsIgnoreCase(buf, start, end, 'false');
}

function equalsIgnoreCase(buf: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((buf[start + i]! | 32) !== word.charCodeAt(i)) return false;
  return true;
}

function fitsInt64(buf: Uint8Array, start: number, end: number): boolean {
  const s = new TextDecoder().decode(buf.subarray(start, end)).trim();
  if (!/^[+-]?\d+$/.test(s)) return false;
  const v = BigInt(s);
  return v === BigInt.asIntN(64, v);
}
