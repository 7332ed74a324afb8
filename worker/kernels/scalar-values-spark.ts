/**
 * Value-at-a-time kernels of planner/functions/spark-scalar-functions.ts (the row-wise
 * path; all strict: a NULL argument gives NULL before these run). Decimals arrive as
 * scaled integers (number for narrow decimals, bigint for wide ones).
 */
import { type DataType, type LiteralValue, LochError, SqlState } from '../../core/index.ts';

type Fn = (v: LiteralValue[], argTypes: readonly DataType[], type: DataType) => LiteralValue;

function big(v: LiteralValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

/** A scaled decimal result in the layout of `type` (bigint above 18 digits), checked against its precision. */
function decimalValue(v: bigint, type: DataType): LiteralValue {
  const precision = type.kind === 'decimal' ? type.precision : 38;
  if ((v < 0n ? -v : v) >= 10n ** BigInt(precision)) throw new LochError(SqlState.numericValueOutOfRange, 'numeric field overflow');
  return precision > 18 ? v : Number(v);
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a, y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Edit distance in Unicode code points (two-row dynamic programme). */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a), t = Array.from(b);
  let prev = new Int32Array(t.length + 1), cur = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[t.length]!;
}

/** Spark's substring_index: the text before the n-th delimiter (n > 0) or after the n-th from the end (n < 0). */
export function substringIndex(s: string, delim: string, n: number): string {
  if (n === 0 || delim.length === 0) return '';
  if (n > 0) {
    let at = -delim.length;
    for (let k = 0; k < n; k++) {
      at = s.indexOf(delim, at + delim.length);
      if (at < 0) return s;
    }
    return s.slice(0, at);
  }
  let at = s.length;
  for (let k = 0; k < -n; k++) {
    if (at === 0) return s;
    at = s.lastIndexOf(delim, at - 1);
    if (at < 0) return s;
  }
  return s.slice(at + delim.length);
}

/** Spark/MySQL find_in_set: 1-based index of s among the comma-separated items, 0 if absent or if s holds a comma. */
export function findInSet(s: string, list: string): number {
  if (s.includes(',')) return 0;
  const items = list.split(',');
  const i = items.indexOf(s);
  return i < 0 ? 0 : i + 1;
}

/**
 * PostgreSQL's similar_to_escape: a SIMILAR TO pattern as an anchored regular expression.
 * `%` and `_` are SQL wildcards; `|`, `*`, `+`, `?`, `{…}`, `(…)` and `[…]` keep their regex
 * meaning (groups become non-capturing); `.`, `^`, `$` and `\` are literals; the escape
 * character (default `\`, '' for none) makes the next character literal.
 */
export function similarToRegex(pattern: string, escape = '\\'): string {
  if (escape.length > 1) throw new LochError('22025', 'invalid escape string', { hint: 'Escape string must be empty or one character.' });
  let out = '';
  let inBracket = false;
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (escape !== '' && c === escape) {
      const next = chars[++i];
      if (next === undefined) throw new LochError('22025', 'invalid escape string');
      out += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
      continue;
    }
    if (inBracket) {
      if (c === ']') inBracket = false;
      out += c === '\\' ? '\\\\' : c;
      continue;
    }
    switch (c) {
      case '[': inBracket = true; out += c; break;
      case '%': out += '.*'; break;
      case '_': out += '.'; break;
      case '(': out += '(?:'; break;
      case '.': case '^': case '$': case '\\': out += `\\${c}`; break;
      default: out += c;
    }
  }
  return `^(?:${out})$`;
}

/** Strict kernels by registry name. */
export const SPARK_SCALAR_FUNCTIONS: Record<string, Fn> = {
  log2: (v) => {
    const x = v[0] as number;
    if (x === 0) throw new LochError('2201E', 'cannot take logarithm of zero');
    if (x < 0) throw new LochError('2201E', 'cannot take logarithm of a negative number');
    return Math.log2(x);
  },
  gcd_numeric: (v, _at, t) => decimalValue(gcdBig(big(v[0]!), big(v[1]!)), t),
  lcm_numeric: (v, _at, t) => {
    const a = big(v[0]!), b = big(v[1]!);
    if (a === 0n || b === 0n) return decimalValue(0n, t);
    // both are scaled by the same 10^s, and so is their lcm: lcm(x·10^s, y·10^s) = lcm(x, y)·10^s
    return decimalValue(((a < 0n ? -a : a) / gcdBig(a, b)) * (b < 0n ? -b : b), t);
  },
  substring_index: (v) => substringIndex(v[0] as string, v[1] as string, v[2] as number),
  find_in_set: (v) => findInSet(v[0] as string, v[1] as string),
  ends_with: (v) => (v[0] as string).endsWith(v[1] as string),
  levenshtein: (v) => levenshtein(v[0] as string, v[1] as string),
  similar_to_escape: (v) => similarToRegex(v[0] as string, v.length > 1 ? v[1] as string : undefined),
};
