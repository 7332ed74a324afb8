/**
 * Parsing SQL values straight out of UTF-8 bytes, without allocating a string
 * per field. Every parser takes `(buf, start, end)` and returns `NaN` when the
 * bytes are not a valid value of the type; callers turn that into 22P02 with
 * the file, line and column (they know them, the parser does not).
 *
 * Fast paths cover what data files are made of (plain integers, decimals with
 * at most 15 significant digits, ISO dates); anything else falls back to a
 * string-based slow path that is exact but allocates.
 */

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const SPACE = 32;
const TAB = 9;

/** Powers of ten exactly representable as doubles (10^0 .. 10^22). */
const POW10: Float64Array = (() => {
  const p = new Float64Array(23);
  p[0] = 1;
  for (let i = 1; i < 23; i++) p[i] = p[i - 1]! * 10;
  return p;
})();

/** Index of the first non-blank byte at or after `start`. */
export function skipBlanksForward(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === SPACE || buf[start] === TAB)) start++;
  return start;
}

/** One past the last non-blank byte before `end`. */
export function skipBlanksBackward(buf: Uint8Array, start: number, end: number): number {
  while (end > start && (buf[end - 1] === SPACE || buf[end - 1] === TAB)) end--;
  return end;
}

const decoder = new TextDecoder('utf-8');

/** The bytes as a JS string (slow paths and error messages only). */
export function bytesToString(buf: Uint8Array, start: number, end: number): string {
  return decoder.decode(buf.subarray(start, end));
}

/**
 * A base-10 integer with optional sign and surrounding blanks. Returns the value
 * as a double: exact when |v| < 2^53; callers needing int64 beyond that use
 * `parseBigIntBytes`.
 */
export function parseIntegerBytes(buf: Uint8Array, start: number, end: number): number {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  let negative = false;
  if (start < end && (buf[start] === MINUS || buf[start] === PLUS)) {
    negative = buf[start] === MINUS;
    start++;
  }
  if (start >= end) return NaN;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c < ZERO || c > NINE) return NaN;
    v = v * 10 + (c - ZERO);
  }
  return negative ? -v : v;
}

/** An integer of any size as a bigint, or null when the bytes are not an integer. */
export function parseBigIntBytes(buf: Uint8Array, start: number, end: number): bigint | null {
  const s = bytesToString(buf, start, end).trim();
  if (!/^[+-]?\d+$/.test(s)) return null;
  return BigInt(s);
}

/**
 * A double. Fast path (Clinger): at most 15 significant digits and a decimal
 * exponent within ±22 give a correctly rounded result from one multiplication
 * or division of exact doubles. Everything else goes through `Number()`.
 */
export function parseFloatBytes(buf: Uint8Array, start: number, end: number): number {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === MINUS || buf[i] === PLUS)) {
    negative = buf[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let sawDot = false;
  let sawDigit = false;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= ZERO && c <= NINE) {
      sawDigit = true;
      if (mantissa === 0 && c === ZERO) {
        if (sawDot) fractionDigits++;
        continue;
      }
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (sawDot) fractionDigits++;
    } else if (c === DOT && !sawDot) {
      sawDot = true;
    } else {
      break;
    }
  }
  if (i === end && sawDigit && digits <= 15 && fractionDigits <= 22) {
    const v = fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits]!;
    return negative ? -v : v;
  }
  return parseFloatSlow(bytesToString(buf, start, end));
}

const FLOAT_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseFloatSlow(s: string): number {
  if (FLOAT_SYNTAX.test(s)) return Number(s);
  switch (s.toLowerCase()) {
    case 'nan': return Number.NaN; // indistinguishable from failure: see parseFloatOrNaNLiteral
    case 'infinity': case '+infinity': case 'inf': case '+inf': return Infinity;
    case '-infinity': case '-inf': return -Infinity;
    default: return NaN;
  }
}

/** True when the bytes spell PostgreSQL's NaN literal (so a NaN result is not a parse failure). */
export function isNaNLiteral(buf: Uint8Array, start: number, end: number): boolean {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  return end - start === 3 && (buf[start]! | 32) === 110 && (buf[start + 1]! | 32) === 97 && (buf[start + 2]! | 32) === 110;
}

/**
 * A decimal as a scaled integer (value * 10^scale), rounded half away from
 * zero like PostgreSQL's numeric input. Fast path: plain digits with at most
 * 15 significant digits; otherwise exact BigInt arithmetic (then converted:
 * narrow decimals stay below 2^53 by precision).
 */
export function parseScaledDecimalBytes(buf: Uint8Array, start: number, end: number, scale: number): number {
  start = skipBlanksForward(buf, start, end);
  end = skipBlanksBackward(buf, start, end);
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === MINUS || buf[i] === PLUS)) {
    negative = buf[i] === MINUS;
    i++;
  }
  let v = 0;
  let digits = 0;
  let fraction = -1; // digits seen after the dot, -1 before the dot
  let sawDigit = false;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= ZERO && c <= NINE) {
      sawDigit = true;
      if (fraction >= scale) break; // more fraction digits than the scale: slow path rounds
      v = v * 10 + (c - ZERO);
      if (v !== 0) digits++;
      if (fraction >= 0) fraction++;
    } else if (c === DOT && fraction < 0) {
      fraction = 0;
    } else {
      break;
    }
  }
  if (i === end && sawDigit && digits <= 15) {
    const have = fraction < 0 ? 0 : fraction;
    if (have < scale) v *= POW10[scale - have]!;
    if (Number.isSafeInteger(v)) return negative ? -v : v;
  }
  const big = scaledDecimalFromString(bytesToString(buf, start, end), scale);
  return big === null ? NaN : Number(big);
}

const DECIMAL_SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal string as a scaled bigint (half away from zero), or null if it is not a number. */
export function scaledDecimalFromString(text: string, scale: number): bigint | null {
  const m = DECIMAL_SYNTAX.exec(text.trim());
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart.length === 0 && fracPart.length === 0) return null;
  const exponent = m[4] ? Number(m[4]) : 0;
  // value = digits * 10^(exponent - fracPart.length); we want value * 10^scale
  const digits = BigInt(intPart + fracPart || '0');
  const shift = exponent - fracPart.length + scale;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) scaled += 1n;
  }
  return m[1] === '-' ? -scaled : scaled;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

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
