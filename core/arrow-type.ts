/**
 * The mapping between Loch's `DataType` and Arrow fields (layout table in data-type.ts).
 * Narrow decimals are Arrow Float64 fields tagged with `loch.type` metadata so the
 * logical type survives IPC and Parquet round trips inside Loch.
 */
import * as arrow from 'apache-arrow';
import { type DataType, type StructField, T, arrayOf, decimal, isNarrowDecimal, mapOf, structOf } from './data-type.ts';
import { LochError } from './errors.ts';

export const LOCH_TYPE_METADATA_KEY = 'loch.type';

export function toArrowType(t: DataType): arrow.DataType {
  switch (t.kind) {
    case 'null': return new arrow.Null();
    case 'boolean': return new arrow.Bool();
    case 'int16': return new arrow.Int16();
    case 'int32': return new arrow.Int32();
    case 'int64': return new arrow.Int64();
    case 'float32': return new arrow.Float32();
    case 'float64': return new arrow.Float64();
    case 'decimal': return isNarrowDecimal(t) ? new arrow.Float64() : new arrow.Decimal(t.scale, t.precision, 128);
    case 'text': return new arrow.Utf8();
    case 'date': return new arrow.DateDay();
    case 'timestamp': return new arrow.TimestampMicrosecond();
    case 'timestamptz': return new arrow.TimestampMicrosecond('UTC');
    case 'time': return new arrow.TimeMicrosecond();
    case 'interval': return new arrow.IntervalMonthDayNano();
    case 'binary': return new arrow.Binary();
    case 'array': return new arrow.List(toArrowField('item', t.element));
    case 'struct': return new arrow.Struct(t.fields.map((f) => toArrowField(f.name, f.type)));
    case 'map': {
      const entries = new arrow.Struct([toArrowField('key', t.key, false), toArrowField('value', t.value)]);
      return new arrow.Map_(new arrow.Field('entries', entries, false) as arrow.Field<never>, false);
    }
  }
}

/** An Arrow field for a Loch column, with the metadata that keeps narrow decimals recognisable. */
export function toArrowField(name: string, t: DataType, nullable = true): arrow.Field {
  const metadata = new Map<string, string>();
  if (isNarrowDecimal(t)) metadata.set(LOCH_TYPE_METADATA_KEY, `decimal(${t.precision},${t.scale})`);
  if (t.kind === 'text' && t.json) metadata.set(LOCH_TYPE_METADATA_KEY, t.json);
  return new arrow.Field(name, toArrowType(t), nullable, metadata);
}

/** The Loch type of an Arrow field written by Loch or by another engine. */
export function fromArrowField(field: arrow.Field): DataType {
  const tag = field.metadata.get(LOCH_TYPE_METADATA_KEY);
  if (tag) {
    const m = /^decimal\((\d+),(\d+)\)$/.exec(tag);
    if (m) return decimal(Number(m[1]), Number(m[2]));
    if (tag === 'json') return T.json;
    if (tag === 'jsonb') return T.jsonb;
  }
  return fromArrowType(field.type, field.name);
}

export function fromArrowType(type: arrow.DataType, columnName = '?'): DataType {
  switch (type.typeId) {
    case arrow.Type.Null: return T.null;
    case arrow.Type.Bool: return T.boolean;
    case arrow.Type.Int: {
      const it = type as arrow.Int;
      if (it.bitWidth <= 16) return T.int16;
      if (it.bitWidth === 32) return it.isSigned ? T.int32 : T.int64;
      return T.int64;
    }
    case arrow.Type.Float: {
      const ft = type as arrow.Float;
      return ft.precision === arrow.Precision.SINGLE ? T.float32 : T.float64;
    }
    case arrow.Type.Decimal: {
      const dt = type as arrow.Decimal;
      return decimal(dt.precision, dt.scale);
    }
    case arrow.Type.Utf8:
    case arrow.Type.LargeUtf8: return T.text;
    case arrow.Type.Date: return T.date;
    case arrow.Type.Timestamp: return (type as arrow.Timestamp).timezone ? T.timestamptz : T.timestamp;
    case arrow.Type.Interval: return T.interval;
    case arrow.Type.Time: {
      // only Loch's own layout (Time64 µs, BigInt64Array); other units would need a conversion
      const tt = type as arrow.Time;
      if (tt.unit === arrow.TimeUnit.MICROSECOND && tt.bitWidth === 64) return T.time;
      throw new LochError('0A000', `column "${columnName}" has unsupported Arrow type ${String(type)}`);
    }
    case arrow.Type.Binary: return T.binary;
    case arrow.Type.List: return arrayOf(fromArrowField((type as arrow.List).children[0]!));
    case arrow.Type.Struct: {
      const fields: StructField[] = (type as arrow.Struct).children.map((f) => ({ name: f.name, type: fromArrowField(f) }));
      return structOf(fields);
    }
    case arrow.Type.Map: {
      const entries = (type as arrow.Map_).children[0]!.type as arrow.Struct;
      return mapOf(fromArrowField(entries.children[0]!), fromArrowField(entries.children[1]!));
    }
    default:
      throw new LochError('0A000', `column "${columnName}" has unsupported Arrow type ${String(type)}`);
  }
}
