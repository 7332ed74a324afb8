/**
 * Renders result values as the expected output of each family of files writes
 * them (FORMAT.md §4): the classic SQLite rules for `I`/`R`/`T` columns, the
 * DataFusion and DuckDB "natural" renderings, and PostgreSQL text for Loch's
 * own files.
 */
import { type DataType, type Interval, type LiteralValue, formatBracketed, formatDate, formatScaled, formatTimestamp, formatValue } from '../../core/index.ts';

/** Which rendering and comparison rules a file follows. */
export type SltDialect = 'classic' | 'datafusion' | 'duckdb' | 'loch';

/** The dialect of a file from its path: the corpus origin folder, else Loch's own. */
export function dialectOf(file: string): SltDialect {
  const p = file.replaceAll('\\', '/');
  if (/\/sqlite\/test\//.test(p) || p.endsWith('.test') && !/\/duckdb\//.test(p)) return 'classic';
  if (/\/datafusion\//.test(p)) return 'datafusion';
  if (/\/duckdb\//.test(p)) return 'duckdb';
  return 'loch';
}

/** printf("%.3f", x): like toFixed(3) but ties (exactly representable x.xxx5) round half to even. */
export function formatFixed3(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sixteenths = x * 16;
  if (Number.isInteger(sixteenths) && Math.abs(sixteenths) < 2 ** 45) {
    // x = n/16 exactly, so x*1000 = n*125/2: a tie exactly when n*125 is odd
    const twice = sixteenths * 125;
    if (Math.abs(twice % 2) === 1) {
      const lower = (twice - 1) / 2, upper = (twice + 1) / 2;
      const even = Math.abs(lower % 2) === 0 ? lower : upper;
      const neg = x < 0;
      const digits = String(Math.abs(even)).padStart(4, '0');
      return `${neg ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
    }
  }
  return x.toFixed(3);
}

function decimalToNumber(value: number | bigint, scale: number): number {
  return Number(value) / 10 ** scale;
}

/** The value as a JS number (for `R` columns and numeric leniency), or undefined for non-numbers. */
function toNumber(value: LiteralValue, type: DataType): number | undefined {
  if (value === null) return undefined;
  switch (type.kind) {
    case 'int16': case 'int32': case 'int64': case 'float32': case 'float64': return Number(value);
    case 'decimal': return decimalToNumber(value as number | bigint, type.scale);
    case 'boolean': return value ? 1 : 0;
    case 'text': {
      const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(String(value));
      return m ? Number(m[0]) : 0;
    }
    default: return undefined;
  }
}

/** The classic `I` rendering: the value read as a C integer (REAL truncated, text's leading integer or 0). */
function classicInteger(value: LiteralValue, type: DataType): string {
  switch (type.kind) {
    case 'int16': case 'int32': case 'int64': return String(value);
    case 'boolean': return value ? '1' : '0';
    case 'decimal': {
      const scaled = typeof value === 'bigint' ? value : BigInt(Math.round(value as number));
      return String(scaled / 10n ** BigInt(type.scale));
    }
    case 'float32': case 'float64': {
      const x = value as number;
      if (!Number.isFinite(x)) return '0';
      const t = Math.trunc(x);
      return Object.is(t, -0) ? '0' : Math.abs(t) < 1e21 ? BigInt(t).toString() : String(t);
    }
    default: {
      const m = /^\s*([+-]?\d+)/.exec(type.kind === 'text' ? String(value) : formatValue(value, type));
      return m ? String(BigInt(m[1]!)) : '0';
    }
  }
}

function classicText(text: string): string {
  if (text === '') return '(empty)';
  // control and non-ASCII characters print as '@' (the reference harness works on bytes)
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c > 0x7e) out += '@'.repeat(Buffer.byteLength(ch, 'utf8'));
    else out += ch;
  }
  return out;
}

/** DataFusion's float rendering: rounded to 12 decimals, trailing zeros dropped. */
function roundedTo12(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Math.abs(x) >= 1e21) return String(x);
  const s = x.toFixed(12).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** The shortest decimal text that reads back as the same float32 (Rust's `f32` Display). */
export function shortestFloat32(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  for (let p = 1; p <= 9; p++) {
    const t = x.toPrecision(p);
    if (Math.fround(Number(t)) === x) return String(Number(t));
  }
  return String(x);
}

/** Arrow's (DataFusion's) float text inside lists and structs: shortest round trip, `1.0` for whole numbers, no rounding. */
function arrowNestedFloat(x: number, type: DataType): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const s = (type.kind === 'float32' ? shortestFloat32(x) : String(x)).replace('e+', 'e');
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** Arrow's binary text: lowercase hex without a prefix. */
function hexBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Arrow's (DataFusion's) interval text: `12 mons 1 days 1 hours 5 mins 0.500000000 secs`, zero parts omitted. */
export function dataFusionInterval(iv: Interval): string {
  const parts: string[] = [];
  if (iv.months !== 0) parts.push(`${iv.months} mons`);
  if (iv.days !== 0) parts.push(`${iv.days} days`);
  const hours = Math.trunc(iv.micros / 3_600_000_000);
  const mins = Math.trunc((iv.micros % 3_600_000_000) / 60_000_000);
  const micros = iv.micros % 60_000_000;
  if (hours !== 0) parts.push(`${hours} hours`);
  if (mins !== 0) parts.push(`${mins} mins`);
  if (micros !== 0) {
    const abs = Math.abs(micros);
    parts.push(`${micros < 0 ? '-' : ''}${Math.trunc(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, '0')}000 secs`);
  }
  return parts.length > 0 ? parts.join(' ') : '0 days';
}

/** DuckDB's interval text: `2 years 1 month 3 days 00:01:03.020016`. */
export function duckDbInterval(iv: Interval): string {
  const parts: string[] = [];
  const years = Math.trunc(iv.months / 12), months = iv.months % 12;
  const unit = (n: number, word: string): string => `${n} ${word}${Math.abs(n) === 1 ? '' : 's'}`;
  if (years !== 0) parts.push(unit(years, 'year'));
  if (months !== 0) parts.push(unit(months, 'month'));
  if (iv.days !== 0) parts.push(unit(iv.days, 'day'));
  if (iv.micros !== 0 || parts.length === 0) {
    const abs = Math.abs(iv.micros);
    const h = Math.trunc(abs / 3_600_000_000), m = Math.trunc((abs % 3_600_000_000) / 60_000_000), sec = Math.trunc((abs % 60_000_000) / 1_000_000), frac = abs % 1_000_000;
    const two = (n: number): string => String(n).padStart(2, '0');
    parts.push(`${iv.micros < 0 ? '-' : ''}${two(h)}:${two(m)}:${two(sec)}${frac ? `.${String(frac).padStart(6, '0').replace(/0+$/, '')}` : ''}`);
  }
  return parts.join(' ');
}

/** chrono prints years past 9999 with a sign (`+10001-01-27`). */
function chronoYear(text: string): string {
  return /^\d{5,}-/.test(text) ? `+${text}` : text;
}

/** Minutes east of UTC of `zone` at the instant `micros`: fixed offsets ('+08', '-05:30') or IANA names. */
function zoneOffsetMinutes(zone: string, micros: bigint): number {
  const fixed = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone.trim());
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  if (/^(utc|z|gmt|zulu|etc\/utc)$/i.test(zone.trim())) return 0;
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(Number(micros / 1000n))).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  return m && m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * A timestamptz as DataFusion prints a zoned timestamp: in the session's time zone with its
 * offset (`2000-01-01T09:01:01+08:00`), `Z` when the zone is UTC or a zero fixed offset.
 */
function dataFusionTimestamptz(micros: bigint, timeZone: string | undefined): string {
  const zone = timeZone?.trim() ?? '';
  const fixedZero = zone === '' || /^(utc|z|gmt|zulu|etc\/utc|[+-]0{1,2}(:?00)?)$/i.test(zone);
  if (fixedZero) return `${chronoYear(formatTimestamp(micros).replace(' ', 'T'))}Z`;
  const offset = zoneOffsetMinutes(zone, micros);
  const abs = Math.abs(offset);
  const suffix = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${chronoYear(formatTimestamp(micros + BigInt(offset) * 60_000_000n).replace(' ', 'T'))}${suffix}`;
}

function naturalText(value: LiteralValue, type: DataType, dialect: 'datafusion' | 'duckdb' | 'loch', timeZone?: string): string {
  switch (type.kind) {
    case 'text': return String(value) === '' ? '(empty)' : String(value);
    case 'boolean':
      if (dialect === 'loch') return value ? 't' : 'f';
      return value ? 'true' : 'false';
    case 'float32': case 'float64':
      // a REAL prints as its shortest float32 text (118.1, not 118.099998474121)
      if (dialect === 'datafusion') return roundedTo12(type.kind === 'float32' ? Number(shortestFloat32(value as number)) : value as number);
      return formatValue(value, type);
    case 'binary':
      if (dialect === 'datafusion') return hexBytes(value as Uint8Array);
      return formatValue(value, type);
    case 'decimal':
      if (dialect === 'datafusion') return trimDecimal(formatScaled(value as number | bigint, type.scale));
      return formatValue(value, type);
    case 'date': return dialect === 'datafusion' ? chronoYear(formatDate(value as number)) : formatDate(value as number);
    case 'interval':
      if (dialect === 'datafusion') return dataFusionInterval(value as Interval);
      if (dialect === 'duckdb') return duckDbInterval(value as Interval);
      return formatValue(value, type);
    case 'timestamp':
      if (dialect === 'datafusion') return chronoYear(formatTimestamp(BigInt(value as bigint | number)).replace(' ', 'T'));
      return formatValue(value, type);
    case 'timestamptz':
      if (dialect === 'datafusion') return dataFusionTimestamptz(BigInt(value as bigint | number), timeZone);
      return formatValue(value, type);
    case 'array': case 'struct': case 'map':
      if (dialect === 'loch') return formatValue(value, type);
      // inside lists an empty string prints as nothing, not "(empty)"
      return formatBracketed(value, type, (v, t) => (t.kind === 'text' ? String(v)
        : dialect === 'datafusion' && (t.kind === 'float32' || t.kind === 'float64') ? arrowNestedFloat(v as number, t)
          : naturalText(v, t, dialect)), dialect);
    default: return formatValue(value, type);
  }
}

/** Renders one result value for a column whose type character is `typeChar` (`timeZone`: the session's, for DataFusion's timestamptz). */
export function renderValue(value: LiteralValue, type: DataType, typeChar: string, dialect: SltDialect, timeZone?: string): string {
  if (value === null) return 'NULL';
  if (dialect === 'classic') {
    if (typeChar === 'I') return classicInteger(value, type);
    if (typeChar === 'R') return formatFixed3(toNumber(value, type) ?? Number(formatValue(value, type)));
    if (type.kind === 'text') return classicText(String(value));
    if (type.kind === 'boolean') return value ? '1' : '0';
    return classicText(formatValue(value, type));
  }
  return naturalText(value, type, dialect, timeZone);
}
