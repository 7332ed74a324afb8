/**
 * chrono-style (strftime) formatting of a timestamp, as DataFusion's to_char /
 * date_format take it (`%Y-%m-%d %H:%M:%S%.3f`); to_char uses it when the format
 * has a `%` (PostgreSQL templates have none). Zone specifiers print UTC.
 * An unknown specifier fails with 22007, as chrono reports a format error.
 */
import { LochError, SqlState, civilFromDays, daysFromCivil } from '../../core/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MICROS = 86_400_000_000n;

function pad(n: number, width: number, fill = '0'): string {
  return n < 0 ? `-${String(-n).padStart(width, fill)}` : String(n).padStart(width, fill);
}

/** The day of the year's week number, weeks starting on `firstDow` (0 Sunday, 1 Monday); days before the first are week 0. */
function weekOfYear(doy0: number, dow: number, firstDow: number): number {
  return Math.floor((doy0 + 7 - ((dow - firstDow + 7) % 7)) / 7);
}

/** Formats `micros` (since 1970-01-01 UTC) with a chrono format string. */
export function formatChrono(micros: bigint, format: string): string {
  const dayBig = micros / DAY_MICROS - (micros % DAY_MICROS < 0n ? 1n : 0n);
  const day = Number(dayBig);
  const tod = Number(micros - dayBig * DAY_MICROS);
  const { year, month, day: dom } = civilFromDays(day);
  const h = Math.floor(tod / 3_600_000_000), mi = Math.floor(tod / 60_000_000) % 60, s = Math.floor(tod / 1_000_000) % 60;
  const nanos = (tod % 1_000_000) * 1000;
  const dow = ((day + 4) % 7 + 7) % 7;
  const doy0 = day - daysFromCivil(year, 1, 1);
  const isoDow = dow === 0 ? 7 : dow;
  const thursday = day - isoDow + 4;
  const isoYear = civilFromDays(thursday).year;
  const isoWeek = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const yearText = year > 9999 ? `+${year}` : pad(year, 4);
  const frac = (digits: number): string => String(Math.floor(nanos / 10 ** (9 - digits))).padStart(digits, '0');
  const bad = (): LochError => new LochError(SqlState.invalidDatetimeFormat, `invalid chrono format "${format}"`);
  let out = '';
  for (let k = 0; k < format.length; k++) {
    const c = format[k]!;
    if (c !== '%') { out += c; continue; }
    let spec = format[++k];
    if (spec === undefined) throw bad();
    // padding modifiers: %-d (none), %_d (spaces), %0e (zeros)
    let fill: string | null = null;
    if (spec === '-' || spec === '_' || spec === '0') { fill = spec === '-' ? '' : spec === '_' ? ' ' : '0'; spec = format[++k]; }
    const p = (n: number, w: number, dflt = '0'): string => (fill === '' ? String(n) : pad(n, w, fill ?? dflt));
    if (spec === undefined) throw bad();
    // two- and three-character specifiers: %.f %:z %#z, %.3f %.6f %.9f, %3f %6f %9f
    if (spec === '.' || spec === ':' || spec === '#') spec += format[++k] ?? '';
    if (/^\.?[369]$/.test(spec)) spec += format[++k] ?? '';
    switch (spec) {
      case 'Y': out += yearText; break;
      case 'C': out += p(Math.floor(year / 100), 2); break;
      case 'y': out += p(((year % 100) + 100) % 100, 2); break;
      case 'm': out += p(month, 2); break;
      case 'b': case 'h': out += MONTHS[month - 1]!.slice(0, 3); break;
      case 'B': out += MONTHS[month - 1]!; break;
      case 'd': out += p(dom, 2); break;
      case 'e': out += p(dom, 2, ' '); break;
      case 'a': out += DAYS[dow]!.slice(0, 3); break;
      case 'A': out += DAYS[dow]!; break;
      case 'w': out += String(dow); break;
      case 'u': out += String(isoDow); break;
      case 'U': out += p(weekOfYear(doy0, dow, 0), 2); break;
      case 'W': out += p(weekOfYear(doy0, dow, 1), 2); break;
      case 'G': out += pad(isoYear, 4); break;
      case 'g': out += p(((isoYear % 100) + 100) % 100, 2); break;
      case 'V': out += p(isoWeek, 2); break;
      case 'j': out += p(doy0 + 1, 3); break;
      case 'D': case 'x': out += `${pad(month, 2)}/${pad(dom, 2)}/${pad(((year % 100) + 100) % 100, 2)}`; break;
      case 'F': out += `${yearText}-${pad(month, 2)}-${pad(dom, 2)}`; break;
      case 'v': out += `${pad(dom, 2, ' ')}-${MONTHS[month - 1]!.slice(0, 3)}-${yearText}`; break;
      case 'H': out += p(h, 2); break;
      case 'k': out += p(h, 2, ' '); break;
      case 'I': out += p(h12, 2); break;
      case 'l': out += p(h12, 2, ' '); break;
      case 'P': out += h < 12 ? 'am' : 'pm'; break;
      case 'p': out += h < 12 ? 'AM' : 'PM'; break;
      case 'M': out += p(mi, 2); break;
      case 'S': out += p(s, 2); break;
      case 'f': out += frac(9); break;
      case '.f': out += nanos === 0 ? '' : nanos % 1_000_000 === 0 ? `.${frac(3)}` : nanos % 1000 === 0 ? `.${frac(6)}` : `.${frac(9)}`; break;
      case '.3f': out += `.${frac(3)}`; break;
      case '.6f': out += `.${frac(6)}`; break;
      case '.9f': out += `.${frac(9)}`; break;
      case '3f': out += frac(3); break;
      case '6f': out += frac(6); break;
      case '9f': out += frac(9); break;
      case 'R': out += `${pad(h, 2)}:${pad(mi, 2)}`; break;
      case 'T': case 'X': out += `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`; break;
      case 'r': out += `${pad(h12, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${h < 12 ? 'AM' : 'PM'}`; break;
      case 'Z': out += 'UTC'; break;
      case 'z': out += '+0000'; break;
      case ':z': out += '+00:00'; break;
      case '#z': out += '+00'; break;
      case 'c': out += `${DAYS[dow]!.slice(0, 3)} ${MONTHS[month - 1]!.slice(0, 3)} ${pad(dom, 2, ' ')} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${yearText}`; break;
      case '+': out += `${yearText}-${pad(month, 2)}-${pad(dom, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${nanos === 0 ? '' : `.${frac(nanos % 1_000_000 === 0 ? 3 : nanos % 1000 === 0 ? 6 : 9)}`}+00:00`; break;
      case 's': out += String(Number(micros / 1_000_000n) - (micros % 1_000_000n < 0n ? 1 : 0)); break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case '%': out += '%'; break;
      default: throw bad();
    }
  }
  return out;
}
