/**
 * Kernels of planner/functions/datetime-functions.ts and time-operators.ts: the
 * time type's arithmetic, make_time, date_bin, timezone, chrono-format parsing,
 * regexp_extract, encode/decode and digest. All run row by row (rare functions;
 * date_bin over a constant stride on timestamps has a number-lane loop).
 */
import { createHash } from 'node:crypto';
import type * as arrow from 'apache-arrow';
import { type Batch, type DataType, type Interval, LochError, SqlState, floorDivBigInt } from '../../core/index.ts';
import {
  dateAddTime, dateBin, dateBinTime, localToUtc, makeTime, timeAddInterval, timeSubtract, utcToLocal,
} from '../kernels/datetime-extra.ts';
import { chronoDate, chronoTime, chronoTimestamp } from '../kernels/chrono-format.ts';
import { parseWithFormat } from '../kernels/datetime-format.ts';
import { makeColumn, numbersToInt64, selectionOf, validityOf } from '../kernels/vector.ts';
import { type Node, numberLanes } from './node.ts';
import { rowwise } from './rowwise.ts';

type Evaluate = (batch: Batch) => arrow.Data;

const regexCache = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let r = regexCache.get(pattern);
  if (!r) {
    try { r = new RegExp(pattern, 'u'); } catch (e) {
      throw new LochError('2201B', `invalid regular expression: ${(e as Error).message}`);
    }
    regexCache.set(pattern, r);
  }
  return r;
}

/**
 * Spark's regexp_extract: group `idx` of the first match, '' when nothing matches.
 * `options` (DuckDB's fourth argument): i case-insensitive, c case-sensitive, s dot matches
 * newlines, k the input itself instead of '' when nothing matches.
 */
function regexpExtract(s: string, pattern: string, idx: number, options = ''): string {
  let r = regex(pattern);
  let keep = false;
  if (options !== '') {
    let insensitive = false, dotAll = false;
    for (const o of options) {
      if (o === 'i') insensitive = true;
      else if (o === 'c') insensitive = false;
      else if (o === 's') dotAll = true;
      else if (o === 'k') keep = true;
      else throw new LochError(SqlState.invalidParameterValue, `regexp_extract: unrecognized regex option "${o}"`);
    }
    if (insensitive || dotAll) r = new RegExp(r.source, `u${insensitive ? 'i' : ''}${dotAll ? 's' : ''}`);
  }
  const m = r.exec(s);
  if (idx < 0 || idx > (new RegExp(`${r.source}|`, 'u').exec('')!.length - 1)) {
    throw new LochError(SqlState.invalidParameterValue, `regexp_extract: the pattern has fewer groups than ${idx}`);
  }
  return m ? m[idx] ?? '' : keep ? s : '';
}

const HEX = '0123456789abcdef';

/** PostgreSQL encode(bytea, format). */
function encode(bytes: Uint8Array, format: string): string {
  switch (format.toLowerCase()) {
    case 'hex': {
      let out = '';
      for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
      return out;
    }
    case 'base64': return Buffer.from(bytes).toString('base64');
    case 'escape': {
      let out = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        out += b === 92 ? '\\\\' : b === 0 || b >= 128 ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b);
      }
      return out;
    }
    default: throw new LochError(SqlState.invalidParameterValue, `unrecognized encoding: "${format}"`);
  }
}

/** PostgreSQL decode(text, format). */
function decode(text: string, format: string): Uint8Array {
  switch (format.toLowerCase()) {
    case 'hex': {
      const s = text.replace(/\s+/g, '');
      if (s.length % 2 !== 0 || /[^0-9a-f]/i.test(s)) {
        throw new LochError(SqlState.invalidParameterValue, `invalid hexadecimal data: "${text}"`);
      }
      return new Uint8Array(Buffer.from(s, 'hex'));
    }
    case 'base64': {
      const s = text.replace(/\s+/g, '');
      if (/[^A-Za-z0-9+/=]/.test(s)) throw new LochError(SqlState.invalidParameterValue, 'invalid symbol found while decoding base64 sequence');
      return new Uint8Array(Buffer.from(s, 'base64'));
    }
    case 'escape': {
      const out: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') {
          if (text[i + 1] === '\\') { out.push(92); i++; continue; }
          const oct = /^[0-7]{3}/.exec(text.slice(i + 1));
          if (!oct) throw new LochError(SqlState.invalidParameterValue, 'invalid input syntax for type bytea');
          out.push(parseInt(oct[0], 8));
          i += 3;
        } else out.push(...Buffer.from(text[i]!, 'utf8'));
      }
      return new Uint8Array(out);
    }
    default: throw new LochError(SqlState.invalidParameterValue, `unrecognized encoding: "${format}"`);
  }
}

// pgcrypto's algorithms, plus DataFusion's blake2b/blake2s (node:crypto names)
const DIGESTS: Record<string, string> = {
  md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
  blake2b: 'blake2b512', blake2s: 'blake2s256',
};

/** pgcrypto's digest(data, type). */
function digest(bytes: Uint8Array, algorithm: string): Uint8Array {
  const a = DIGESTS[algorithm.toLowerCase().replace('-', '')];
  if (a === undefined) throw new LochError(SqlState.invalidParameterValue, `Cannot use "${algorithm}": No such hash algorithm`);
  return new Uint8Array(createHash(a).update(bytes).digest());
}

const DAY = 86_400_000_000;

/** µs rounded to `digits` fractional-second digits, half away from zero (a time wraps at 24:00 only when it reaches it). */
function roundMicros(us: bigint, digits: number, time: boolean): bigint {
  const scale = 10n ** BigInt(6 - digits);
  const half = scale / 2n;
  const r = us >= 0n ? ((us + half) / scale) * scale : -(((-us + half) / scale) * scale);
  return time && r > 86_400_000_000n ? 86_400_000_000n : r;
}

/** date_bin(constant stride, timestamp, constant origin) on number lanes; anything else row by row. */
function compileDateBin(args: readonly Node[], type: DataType): Evaluate {
  const slow = rowwise(args, type, (v) => (type.kind === 'time'
    ? dateBinTime(v[0] as Interval, v[1] as bigint, v[2] as bigint)
    : dateBin(v[0] as Interval, v[1] as bigint, v[2] as bigint)), true);
  const stride = args[0]!.constant?.value as Interval | null | undefined;
  const origin = args[2]!.constant?.value;
  if (type.kind === 'time' || !stride || typeof origin !== 'bigint' || stride.months !== 0) return slow;
  const us = stride.days * DAY + stride.micros;
  const o = Number(origin);
  if (us <= 0 || !Number.isSafeInteger(o)) return slow;
  const src = args[1]!;
  return (batch) => {
    const n = batch.numRows;
    const sel = selectionOf(batch.selection, n);
    const data = src.evaluate(batch);
    const lanes = numberLanes(data, src.type, sel);
    if (lanes === null) return slow(batch);
    const out = new Float64Array(n);
    for (let k = 0; k < sel.length; k++) {
      const i = sel[k]!;
      out[i] = o + Math.floor((lanes[i]! - o) / us) * us;
    }
    return makeColumn(type, n, numbersToInt64(out, sel, n), validityOf(data));
  };
}

/** Compiles one of the functions above, or returns null for any other name. */
export function compileDateTimeExtra(fn: string, args: readonly Node[], type: DataType): Evaluate | null {
  switch (fn) {
    case 'time_add_interval': return rowwise(args, type, (v) => timeAddInterval(v[0] as bigint, v[1] as Interval, v[2] as number), true);
    case 'time_subtract': return rowwise(args, type, (v) => timeSubtract(v[0] as bigint, v[1] as bigint), true);
    case 'date_add_time': return rowwise(args, type, (v) => dateAddTime(v[0] as number, v[1] as bigint, v[2] as number), true);
    case 'epoch_to_timestamp': return rowwise(args, type, (v) => (v[0] as bigint) * BigInt(v[1] as number), true);
    case 'epoch_micros': return rowwise(args, type, (v) => v[0] as bigint, true);
    case 'floor_div_int64': return rowwise(args, type, (v) => floorDivBigInt(v[0] as bigint, v[1] as bigint), true);
    case 'round_temporal': return rowwise(args, type, (v) => roundMicros(v[0] as bigint, v[1] as number, type.kind === 'time'), true);
    case 'make_time': return rowwise(args, type, (v) => makeTime(v[0] as number, v[1] as number, v[2] as number), true);
    case 'date_bin': return compileDateBin(args, type);
    case 'timezone': {
      const toUtc = args[1]!.type.kind === 'timestamp';
      return rowwise(args, type, (v) => (toUtc ? localToUtc(v[0] as string, v[1] as bigint) : utcToLocal(v[0] as string, v[1] as bigint)), true);
    }
    case 'to_time_format': return rowwise(args, type, (v) => chronoTime(v[0] as string, v.slice(1) as string[]), true);
    case 'to_date_format': return rowwise(args, type, (v) => chronoDate(v[0] as string, v.slice(1) as string[], parseWithFormat), true);
    case 'to_timestamp_format': return rowwise(args, type, (v) => chronoTimestamp(v[0] as string, v.slice(1) as string[], parseWithFormat), true);
    case 'regexp_extract': return rowwise(args, type, (v) => regexpExtract(v[0] as string, v[1] as string, v.length > 2 ? v[2] as number : 1, v.length > 3 ? v[3] as string : ''), true);
    case 'encode': return rowwise(args, type, (v) => encode(v[0] as Uint8Array, v[1] as string), true);
    case 'decode': return rowwise(args, type, (v) => decode(v[0] as string, v[1] as string), true);
    case 'digest': return rowwise(args, type, (v) => digest(v[0] as Uint8Array, v[1] as string), true);
    default: return null;
  }
}
