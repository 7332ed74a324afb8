/**
 * Dates, timestamps and booleans parsed straight from UTF-8 bytes (see
 * parse-bytes.ts for the conventions: NaN or -1 means "not a value").
 */
import { daysFromCivil, daysInMonth } from '../core/index.ts';
import { DOT, MINUS, NINE, PLUS, ZERO, skipBlanksBackward, skipBlanksForward } from './parse-bytes.ts';

const SPACE = 32;

/** Reads `count` digits at `at`, or -1. */
function digitsAt(buf: Uint8Array, at: number, count: number, end: number): number {
  if (at + count > end) return -1;
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = buf[i]!;
    if (c < ZERO || c > NINE) return -1;
    v = v * 10 + (c - ZERO);
  }
  return v;
}

/** Parses `YYYY-MM-DD` at `at`; returns days since epoch or NaN. */
function dateAt(buf: Uint8Array, at: number, end: number): number {
  const year = digitsAt(buf, at, 4, end);
  const month = digitsAt(buf, at + 5, 2, end);
  const day = digitsAt(buf, at + 8, 2, end);
  if (year < 0 || month < 1 || month > 12 || day < 1 || buf[at + 4] !== MINUS || buf[at + 7] !== MINUS) return NaN;
  if (day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** An ISO date `YYYY-MM-DD` as days since 1970-01-01, or NaN. */
export function parseDateBytes(buf: Uint8Array, start: number, end: number): number {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  if (end - start !== 10) return NaN;
  return dateAt(buf, start, end);
}

const MICROS_PER_DAY = 86_400_000_000;

/**
 * An ISO timestamp `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][Z|±HH[:MM]]` as
 * microseconds since the epoch (a double: exact within ±285 years of 1970,
 * which callers check). A zone offset is applied when `applyOffset` (timestamptz);
 * timestamp without time zone ignores it, as PostgreSQL does.
 */
export function parseTimestampBytes(buf: Uint8Array, start: number, end: number, applyOffset: boolean): number {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  if (end - start < 10) return NaN;
  const days = dateAt(buf, start, end);
  if (Number.isNaN(days)) return NaN;
  let i = start + 10;
  let micros = 0;
  if (i < end && (buf[i] === SPACE || buf[i] === 84 /* T */)) {
    i++;
    const hour = digitsAt(buf, i, 2, end);
    const minute = digitsAt(buf, i + 3, 2, end);
    if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || buf[i + 2] !== 58 /* : */) return NaN;
    i += 5;
    let second = 0;
    if (i < end && buf[i] === 58) {
      second = digitsAt(buf, i + 1, 2, end);
      if (second < 0 || second > 60) return NaN;
      i += 3;
    }
    let fraction = 0;
    if (i < end && buf[i] === DOT) {
      i++;
      let scale = 100_000;
      const from = i;
      while (i < end && buf[i]! >= ZERO && buf[i]! <= NINE) {
        if (scale >= 1) fraction += (buf[i]! - ZERO) * scale;
        else if (scale === 0.1 && buf[i]! >= ZERO + 5) fraction += 1; // round at microseconds
        scale /= 10;
        i++;
      }
      if (i === from) return NaN;
    }
    micros = ((hour * 60 + minute) * 60 + second) * 1_000_000 + fraction;
  }
  if (i < end) {
    const c = buf[i]!;
    let offsetMinutes = 0;
    if (c === 90 /* Z */ || c === 122 /* z */) {
      i++;
    } else if (c === PLUS || c === MINUS) {
      const oh = digitsAt(buf, i + 1, 2, end);
      if (oh < 0) return NaN;
      let om = 0;
      let next = i + 3;
      if (next < end && buf[next] === 58) {
        om = digitsAt(buf, next + 1, 2, end);
        next += 3;
      } else if (next < end) {
        om = digitsAt(buf, next, 2, end);
        next += 2;
      }
      if (om < 0) return NaN;
      offsetMinutes = (oh * 60 + om) * (c === MINUS ? -1 : 1);
      i = next;
    } else {
      return NaN;
    }
    if (i !== end) return NaN;
    if (applyOffset) micros -= offsetMinutes * 60_000_000;
  }
  return days * MICROS_PER_DAY + micros;
}

/** PostgreSQL's boolean spellings: 1 = true, 0 = false, -1 = not a boolean. */
export function parseBooleanBytes(buf: Uint8Array, start: number, end: number): number {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  const n = end - start;
  if (n === 0) return -1;
  const c = buf[start]! | 32; // ASCII lower case
  switch (c) {
    case 116: return matchWord(buf, start, end, 'true') ? 1 : -1; // t, tr, tru, true
    case 121: return matchWord(buf, start, end, 'yes') ? 1 : -1;
    case 102: return matchWord(buf, start, end, 'false') ? 0 : -1;
    case 110: return matchWord(buf, start, end, 'no') ? 0 : -1;
    case 49: return n === 1 ? 1 : -1;
    case 48: return n === 1 ? 0 : -1;
    case 111: // on / off (at least two letters)
      if (n >= 2 && matchWord(buf, start, end, 'on')) return 1;
      if (n >= 2 && matchWord(buf, start, end, 'off')) return 0;
      return -1;
    default: return -1;
  }
}

/** True when the bytes are a case-insensitive prefix of `word` (PostgreSQL accepts unique prefixes). */
function matchWord(buf: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start > word.length) return false;
  for (let i = start; i < end; i++) if ((buf[i]! | 32) !== word.charCodeAt(i - start)) return false;
  return true;
}
