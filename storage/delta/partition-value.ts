/**
 * Partition values as the log stores them (PROTOCOL.md "Partition Value
 * Serialization") → Loch literals. Values come from `add.partitionValues`, never
 * from directory names, and are used as written (they are not URI-encoded; only
 * paths are). A missing key, JSON null or an empty string is NULL.
 */
import {
  type DataType, type LiteralValue, LochError, MICROS_PER_DAY, SqlState, daysFromCivil, isNarrowDecimal, parseDecimalText, parseValue,
} from '../../core/index.ts';

/** Decodes one serialized partition value of column `column` (of Loch type `type`). */
export function decodePartitionValue(raw: string | null | undefined, type: DataType, column: string): LiteralValue {
  if (raw === null || raw === undefined || raw === '') return null;
  try {
    switch (type.kind) {
      case 'timestamp': case 'timestamptz': return parseDeltaTimestamp(raw);
      case 'decimal': {
        const scaled = parseDecimalText(raw, type.precision, type.scale);
        return isNarrowDecimal(type) ? Number(scaled) : scaled;
      }
      case 'boolean': return raw.toLowerCase() === 'true' ? true : raw.toLowerCase() === 'false' ? false : parseValue(raw, type);
      default: return parseValue(raw, type);
    }
  } catch (e) {
    throw new LochError(SqlState.dataCorrupted, `partition value "${raw}" of column "${column}" is not a valid ${type.kind}`, { cause: e });
  }
}

/**
 * `yyyy-MM-dd HH:mm:ss[.ffffff]` (UTC) or ISO-8601 with a zone (`…T…Z`, `+01:00`) → µs since the epoch.
 */
export function parseDeltaTimestamp(raw: string): bigint {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i.exec(raw.trim());
  if (!m) throw new LochError(SqlState.invalidDatetimeFormat, `"${raw}" is not a Delta timestamp`);
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const secs = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  const frac = m[7] ? Number(m[7].padEnd(9, '0').slice(0, 6)) : 0;
  let micros = BigInt(days) * BigInt(MICROS_PER_DAY) + BigInt(secs) * 1_000_000n + BigInt(frac);
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d\d):?(\d\d)$/.exec(zone)!;
    const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000_000;
    micros -= BigInt(z[1] === '-' ? -offset : offset);
  }
  return micros;
}
