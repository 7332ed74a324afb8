/**
 * to_char(): PostgreSQL template patterns for timestamps (YYYY, MM, DD, HH24, MI, SS,
 * Mon, Month, Day, AM/PM, "quoted text", …) and digit templates for numbers
 * (9, 0, '.', D, ',', G, FM).
 */
import { type DataType, type Interval, type LiteralValue, daysFromCivil, formatScaled, formatValue } from '../../core/index.ts';
import { POW10, rescale } from './bigint-arith.ts';

function toBig(v: LiteralValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** to_char(timestamp, format): the common template patterns. */
export function toCharTimestamp(micros: bigint, format: string): string {
  const dayMicros = 86_400_000_000n;
  const day = Number(micros / dayMicros) - (micros % dayMicros < 0n ? 1 : 0);
  const tod = Number(micros - BigInt(day) * dayMicros);
  const ts = formatValue(micros, { kind: 'timestamp' }); // YYYY-MM-DD HH:MM:SS[.f]
  const y = Number(ts.slice(0, 4)), mo = Number(ts.slice(5, 7)), d = Number(ts.slice(8, 10));
  const h = Math.floor(tod / 3_600_000_000), mi = Math.floor(tod / 60_000_000) % 60, s = Math.floor(tod / 1_000_000) % 60;
  const dow = ((day + 4) % 7 + 7) % 7;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const tokens: [RegExp, () => string][] = [
    [/^YYYY/, () => String(y).padStart(4, '0')], [/^YY/, () => p2(y % 100)], [/^MONTH/, () => MONTHS[mo - 1]!.toUpperCase().padEnd(9)],
    [/^Month/, () => MONTHS[mo - 1]!.padEnd(9)], [/^month/, () => MONTHS[mo - 1]!.toLowerCase().padEnd(9)],
    [/^MON/, () => MONTHS[mo - 1]!.slice(0, 3).toUpperCase()], [/^Mon/, () => MONTHS[mo - 1]!.slice(0, 3)],
    [/^MM/, () => p2(mo)], [/^DAY/, () => DAYS[dow]!.toUpperCase().padEnd(9)], [/^Day/, () => DAYS[dow]!.padEnd(9)],
    [/^DY/, () => DAYS[dow]!.slice(0, 3).toUpperCase()], [/^Dy/, () => DAYS[dow]!.slice(0, 3)],
    [/^DDD/, () => String(day - daysFromCivil(y, 1, 1) + 1).padStart(3, '0')], [/^DD/, () => p2(d)], [/^D/, () => String(dow + 1)],
    [/^HH24/, () => p2(h)], [/^HH12/, () => p2(h % 12 === 0 ? 12 : h % 12)], [/^HH/, () => p2(h % 12 === 0 ? 12 : h % 12)],
    [/^MI/, () => p2(mi)], [/^SS/, () => p2(s)], [/^MS/, () => String(Math.floor(tod / 1000) % 1000).padStart(3, '0')],
    [/^US/, () => String(tod % 1_000_000).padStart(6, '0')], [/^(AM|PM)/, () => (h < 12 ? 'AM' : 'PM')], [/^Q/, () => String(Math.floor((mo - 1) / 3) + 1)],
  ];
  let out = '';
  let rest = format;
  outer: while (rest.length > 0) {
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      out += rest.slice(1, end < 0 ? undefined : end);
      rest = end < 0 ? '' : rest.slice(end + 1);
      continue;
    }
    for (const [re, f] of tokens) {
      const m = re.exec(rest);
      if (m) { out += f(); rest = rest.slice(m[0].length); continue outer; }
    }
    out += rest[0];
    rest = rest.slice(1);
  }
  return out;
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
