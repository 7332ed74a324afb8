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

/** ASCII codes the parsers test for. */
export const ZERO = 48;
export const NINE = 57;
export const MINUS = 45;
export const PLUS = 43;
export const DOT = 46;
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
