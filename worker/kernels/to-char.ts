/**
 * to_char(): PostgreSQL template patterns for timestamps (YYYY, MM, DD, HH24, MI, SS,
 * Mon, Month, Day, AM/PM, "quoted text", …) and digit templates for numbers
 * (9, 0, '.', D, ',', G, FM).
 */
import { type DataType, type Interval, type LiteralValue, daysFromCivil, formatScaled, formatValue } from '../../core/index.ts';
import { POW10, rescale } from './bigint-arith.ts';
import { formatChrono } from './chrono-strftime.ts';

function toBig(v: LiteralValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** to_char(timestamp, format): PostgreSQL's template patterns, with the FM (fill mode) prefix and TH/th suffixes. */
export function toCharTimestamp(micros: bigint, format: string): string {
  if (format.includes('%')) return formatChrono(micros, format); // DataFusion's chrono formats (chrono-strftime.ts)
  const dayMicros = 86_400_000_000n;
  const day = Number(micros / dayMicros) - (micros % dayMicros < 0n ? 1 : 0);
  const tod = Number(micros - BigInt(day) * dayMicros);
  const ts = formatValue(micros, { kind: 'timestamp' }); // YYYY-MM-DD HH:MM:SS[.f][ BC]
  const bc = ts.endsWith(' BC');
  const y = Number(ts.slice(0, ts.indexOf('-', 1))), mo = Number(ts.slice(ts.indexOf('-', 1) + 1, ts.indexOf('-', 1) + 3));
  const d = Number(ts.slice(ts.indexOf('-', 1) + 4, ts.indexOf('-', 1) + 6));
  const h = Math.floor(tod / 3_600_000_000), mi = Math.floor(tod / 60_000_000) % 60, s = Math.floor(tod / 1_000_000) % 60;
  const dow = ((day + 4) % 7 + 7) % 7;
  const doy = day - daysFromCivil(bc ? 1 - y : y, 1, 1) + 1;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  // ISO 8601 week-numbering year and week
  const isoDow = dow === 0 ? 7 : dow;
  const thursday = day - isoDow + 4;
  const isoYear = civilYear(thursday);
  const isoWeek = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  const pad = (n: number, w: number): string => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));
  const frac = (digits: number): string => String(Math.floor((tod % 1_000_000) / 10 ** (6 - digits))).padStart(digits, '0');
  // [pattern, value, numeric] — longer patterns first
  const num = (v: string): [string, boolean] => [v, true];
  const txt = (v: string): [string, boolean] => [v, false];
  const tokens: [string, () => [string, boolean]][] = [
    ['Y,YYY', () => num(`${Math.floor(y / 1000)},${pad(y % 1000, 3)}`)], ['YYYY', () => num(pad(y, 4))], ['YYY', () => num(pad(y % 1000, 3))],
    ['YY', () => num(pad(y % 100, 2))], ['IYYY', () => num(pad(isoYear, 4))], ['IYY', () => num(pad(isoYear % 1000, 3))], ['IY', () => num(pad(isoYear % 100, 2))],
    ['Y', () => num(String(y % 10))], ['I', () => num(String(isoYear % 10))],
    ['MONTH', () => txt(MONTHS[mo - 1]!.toUpperCase().padEnd(9))], ['Month', () => txt(MONTHS[mo - 1]!.padEnd(9))], ['month', () => txt(MONTHS[mo - 1]!.toLowerCase().padEnd(9))],
    ['MON', () => txt(MONTHS[mo - 1]!.slice(0, 3).toUpperCase())], ['Mon', () => txt(MONTHS[mo - 1]!.slice(0, 3))], ['mon', () => txt(MONTHS[mo - 1]!.slice(0, 3).toLowerCase())],
    ['MM', () => num(pad(mo, 2))], ['DAY', () => txt(DAYS[dow]!.toUpperCase().padEnd(9))], ['Day', () => txt(DAYS[dow]!.padEnd(9))], ['day', () => txt(DAYS[dow]!.toLowerCase().padEnd(9))],
    ['DY', () => txt(DAYS[dow]!.slice(0, 3).toUpperCase())], ['Dy', () => txt(DAYS[dow]!.slice(0, 3))], ['dy', () => txt(DAYS[dow]!.slice(0, 3).toLowerCase())],
    ['DDD', () => num(pad(doy, 3))], ['IDDD', () => num(pad((isoWeek - 1) * 7 + isoDow, 3))], ['DD', () => num(pad(d, 2))], ['ID', () => num(String(isoDow))], ['D', () => num(String(dow + 1))],
    ['HH24', () => num(pad(h, 2))], ['HH12', () => num(pad(h12, 2))], ['HH', () => num(pad(h12, 2))],
    ['MI', () => num(pad(mi, 2))], ['SSSSS', () => num(String(Math.floor(tod / 1_000_000)))], ['SSSS', () => num(String(Math.floor(tod / 1_000_000)))], ['SS', () => num(pad(s, 2))],
    ['MS', () => num(frac(3))], ['US', () => num(frac(6))],
    ['FF1', () => num(frac(1))], ['FF2', () => num(frac(2))], ['FF3', () => num(frac(3))], ['FF4', () => num(frac(4))], ['FF5', () => num(frac(5))], ['FF6', () => num(frac(6))],
    ['A.M.', () => txt(h < 12 ? 'A.M.' : 'P.M.')], ['P.M.', () => txt(h < 12 ? 'A.M.' : 'P.M.')], ['a.m.', () => txt(h < 12 ? 'a.m.' : 'p.m.')], ['p.m.', () => txt(h < 12 ? 'a.m.' : 'p.m.')],
    ['AM', () => txt(h < 12 ? 'AM' : 'PM')], ['PM', () => txt(h < 12 ? 'AM' : 'PM')], ['am', () => txt(h < 12 ? 'am' : 'pm')], ['pm', () => txt(h < 12 ? 'am' : 'pm')],
    ['B.C.', () => txt(bc ? 'B.C.' : 'A.D.')], ['A.D.', () => txt(bc ? 'B.C.' : 'A.D.')], ['BC', () => txt(bc ? 'BC' : 'AD')], ['AD', () => txt(bc ? 'BC' : 'AD')],
    ['CC', () => num(pad(y > 0 ? Math.floor((y - 1) / 100) + 1 : -Math.floor((-y - 1) / 100) - 1, 2))],
    ['WW', () => num(pad(Math.floor((doy - 1) / 7) + 1, 2))], ['IW', () => num(pad(isoWeek, 2))], ['W', () => num(String(Math.floor((d - 1) / 7) + 1))],
    ['J', () => num(String(day + 2440588))], ['Q', () => num(String(Math.floor((mo - 1) / 3) + 1))],
    ['RM', () => txt(ROMAN[mo - 1]!.padEnd(4))], ['rm', () => txt(ROMAN[mo - 1]!.toLowerCase().padEnd(4))],
    ['TZH', () => num('+00')], ['TZM', () => num('00')], ['TZ', () => txt('UTC')], ['tz', () => txt('utc')], ['OF', () => txt('+00')],
  ];
  tokens.sort((a, b) => b[0].length - a[0].length); // longest pattern wins (IW before I, SSSS before SS)
  let out = '';
  let rest = format;
  outer: while (rest.length > 0) {
    if (rest.startsWith('"')) {
      let end = 1, lit = '';
      while (end < rest.length && rest[end] !== '"') { if (rest[end] === '\\' && end + 1 < rest.length) end++; lit += rest[end]; end++; }
      out += lit;
      rest = rest.slice(Math.min(end + 1, rest.length));
      continue;
    }
    if (rest.startsWith('\\') && rest.length > 1) { out += rest[1]; rest = rest.slice(2); continue; }
    let fill = false;
    if (rest.startsWith('FM') || rest.startsWith('fm')) { fill = true; rest = rest.slice(2); }
    for (const [pattern, f] of tokens) {
      if (!rest.startsWith(pattern)) continue;
      let [v, numeric] = f();
      rest = rest.slice(pattern.length);
      if (fill) v = numeric ? v.replace(/^(-?)0+(?=\d)/, '$1') : v.trimEnd();
      if (numeric && (rest.startsWith('TH') || rest.startsWith('th'))) {
        v += ordinal(Number(v.replace(/\D/g, '')), rest.startsWith('TH'));
        rest = rest.slice(2);
      }
      out += v;
      continue outer;
    }
    if (fill) continue;
    out += rest[0];
    rest = rest.slice(1);
  }
  return out;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function civilYear(day: number): number {
  const ts = formatValue(BigInt(day) * 86_400_000_000n, { kind: 'timestamp' });
  const y = Number(ts.slice(0, ts.indexOf('-', 1)));
  return ts.endsWith(' BC') ? 1 - y : y;
}

function ordinal(n: number, upper: boolean): string {
  const t = n % 100, u = n % 10;
  const s = t >= 11 && t <= 13 ? 'th' : u === 1 ? 'st' : u === 2 ? 'nd' : u === 3 ? 'rd' : 'th';
  return upper ? s.toUpperCase() : s;
}

/** to_char(number, format) for digit templates like '999,999.99', 'FM0000', '9D99'. */
export function toCharNumber(value: LiteralValue, type: DataType, format: string): string {
  const fm = format.includes('FM');
  const f = format.replace(/FM/g, '').replace(/D/g, '.').replace(/G/g, ',');
  const dot = f.indexOf('.');
  const decimals = dot < 0 ? 0 : f.slice(dot + 1).replace(/[^09]/g, '').length;
  const scaled = type.kind === 'decimal' ? rescale(toBig(value), type.scale, decimals)
    : typeof value === 'bigint' ? value * POW10[decimals]! : BigInt(Math.round((value as number) * 10 ** decimals));
  const text = formatScaled(scaled < 0n ? -scaled : scaled, decimals);
  const [intText, fracText = ''] = text.split('.');
  const intPattern = dot < 0 ? f : f.slice(0, dot);
  const digitSlots = intPattern.replace(/[^09]/g, '').length;
  if (intText!.length > digitSlots) return (scaled < 0n ? '-' : ' ') + '#'.repeat(digitSlots) + (decimals ? `.${'#'.repeat(decimals)}` : '');
  let digits = intText === '0' && !intPattern.includes('0') && decimals > 0 ? '' : intText!;
  const zeroPad = intPattern.indexOf('0');
  const minDigits = zeroPad < 0 ? 0 : intPattern.slice(zeroPad).replace(/[^09]/g, '').length;
  digits = digits.padStart(minDigits, '0');
  // re-insert group separators from the pattern's right end
  let out = '';
  let di = digits.length - 1;
  for (let pi = intPattern.length - 1; pi >= 0 && di >= 0; pi--) {
    const c = intPattern[pi]!;
    if (c === '9' || c === '0') out = digits[di--] + out;
    else if (c === ',') out = ',' + out;
  }
  if (di >= 0) out = digits.slice(0, di + 1) + out;
  out = out.replace(/^,+/, '');
  let frac = fracText;
  if (fm) {
    // FM drops trailing zeros that come from '9' positions (a '0' position keeps its digit)
    const fracPattern = dot < 0 ? '' : f.slice(dot + 1).replace(/[^09]/g, '');
    let keep = frac.length;
    while (keep > 0 && frac[keep - 1] === '0' && fracPattern[keep - 1] === '9') keep--;
    frac = frac.slice(0, keep);
  }
  let result = (scaled < 0n ? '-' : fm ? '' : ' ') + out + (frac.length > 0 ? `.${frac}` : dot >= 0 ? '.' : '');
  if (!fm) result = result.padStart(intPattern.length + (dot >= 0 ? decimals + 1 : 0) + 1);
  return result;
}

/** to_char(interval, format): only the default text form plus HH24:MI:SS-style fields via a timestamp. */
export function toCharInterval(iv: Interval, format: string): string {
  return toCharTimestamp(BigInt(iv.days) * 86_400_000_000n + BigInt(iv.micros), format);
}
