/**
 * From Loch's in-memory layout (core/data-type.ts) to the Arrow types handed to
 * the Parquet encoder. Only narrow decimals differ: Loch keeps them as Float64
 * scaled integers, Parquet must see a real DECIMAL(p,s) so other engines read
 * the right values, so they become Decimal128 (arrow-rs then stores p ≤ 9 as
 * INT32 and p ≤ 18 as INT64). The field keeps its `loch.type` tag.
 */
import * as arrow from 'apache-arrow';
import { type BatchField, type DataType, LochError, SqlState, isNarrowDecimal, isNested, toArrowField } from '../../core/index.ts';

/** The Arrow field a Loch column is written as. */
export function parquetWriteField(field: BatchField): arrow.Field {
  const t = field.type;
  // Parquet's INTERVAL (months, days, milliseconds) would lose microseconds: an interval is stored as
  // its 16 bytes (months, days, nanoseconds, little-endian), read back through loch.schema (column-conversion.ts)
  if (t.kind === 'interval') return new arrow.Field(field.name, new arrow.Binary(), field.nullable, toArrowField(field.name, t, field.nullable).metadata);
  if (t.kind === 'null') {
    throw new LochError(SqlState.featureNotSupported, `column "${field.name}": cannot write a column of unknown type to Parquet (cast it)`);
  }
  const base = toArrowField(field.name, t, field.nullable);
  if (isNested(t)) return new arrow.Field(field.name, writeType(t), field.nullable, base.metadata);
  if (!isNarrowDecimal(t)) return base;
  return new arrow.Field(field.name, new arrow.Decimal(t.scale, t.precision, 64), field.nullable, base.metadata);
}

/** The Arrow type written for `t`: narrow decimals anywhere inside nested types become real decimals. */
function writeType(t: DataType): arrow.DataType {
  if (isNarrowDecimal(t)) return new arrow.Decimal(t.scale, t.precision, 64);
  const child = (name: string, ct: DataType, nullable = true): arrow.Field => new arrow.Field(name, writeType(ct), nullable);
  switch (t.kind) {
    case 'array': return new arrow.List(child('item', t.element));
    case 'struct': return new arrow.Struct(t.fields.map((f) => child(f.name, f.type)));
    case 'map': {
      const entries = new arrow.Struct([child('key', t.key, false), child('value', t.value)]);
      return new arrow.Map_(new arrow.Field('entries', entries, false) as arrow.Field<never>, false);
    }
    default: return toArrowField('x', t).type;
  }
}

/** True when a narrow decimal sits somewhere inside `t`. */
function hasNarrowDecimal(t: DataType): boolean {
  switch (t.kind) {
    case 'array': return hasNarrowDecimal(t.element);
    case 'struct': return t.fields.some((f) => hasNarrowDecimal(f.type));
    case 'map': return hasNarrowDecimal(t.key) || hasNarrowDecimal(t.value);
    default: return isNarrowDecimal(t);
  }
}

/** The Arrow schema a Loch batch stream is written as. */
export function parquetWriteSchema(fields: readonly BatchField[]): arrow.Schema {
  return new arrow.Schema(fields.map(parquetWriteField));
}

/** One column (offset 0) converted to the type `parquetWriteField` chose. */
export function toParquetWriteData(data: arrow.Data, type: DataType, target: arrow.DataType): arrow.Data {
  if (isNested(type)) {
    // the map key field must be non-nullable in the written type (the Arrow Map contract)
    if (!hasNarrowDecimal(type) && type.kind !== 'map') return data;
    return nestedWriteData(data, type, target);
  }
  if (type.kind === 'interval') return intervalBytes(data);
  if (!isNarrowDecimal(type)) return data;
  return scaledFloat64ToDecimal64(data, target as arrow.Decimal);
}

function nestedWriteData(data: arrow.Data, type: DataType, target: arrow.DataType): arrow.Data {
  const common = { type: target, length: data.length, nullCount: data.nullCount, nullBitmap: data.nullBitmap, offset: data.offset };
  switch (type.kind) {
    case 'array':
      return arrow.makeData({ ...common, valueOffsets: data.valueOffsets, child: toParquetWriteData(data.children[0]!, type.element, target.children[0]!.type) } as never);
    case 'struct':
      return arrow.makeData({ ...common, children: type.fields.map((f, k) => toParquetWriteData(data.children[k]!, f.type, target.children[k]!.type)) } as never);
    case 'map': {
      const entries = data.children[0]!;
      const et = target.children[0]!.type as arrow.Struct;
      const child = arrow.makeData({
        type: et, length: entries.length, nullCount: 0, offset: entries.offset,
        children: [toParquetWriteData(entries.children[0]!, type.key, et.children[0]!.type), toParquetWriteData(entries.children[1]!, type.value, et.children[1]!.type)],
      });
      return arrow.makeData({ ...common, valueOffsets: data.valueOffsets, child } as never);
    }
    default: return toParquetWriteData(data, type, target);
  }
}

const TWO_32 = 4294967296;

/** Interval (months, days, nanoseconds: four Int32 words a value) → Binary of 16 bytes a value. */
function intervalBytes(data: arrow.Data): arrow.Data {
  const n = data.length;
  const words = data.values as Int32Array;
  const bytes = new Uint8Array(words.buffer, words.byteOffset + 16 * data.offset, 16 * n);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = 16 * i;
  return arrow.makeData({ type: new arrow.Binary(), length: n, nullCount: data.nullCount, nullBitmap: data.nullBitmap, valueOffsets: offsets, data: bytes });
}

/** Float64 scaled integers → Decimal64 words (two's complement, little-endian 32-bit word pairs). */
function scaledFloat64ToDecimal64(data: arrow.Data, type: arrow.Decimal): arrow.Data {
  const src = data.values as Float64Array;
  const n = data.length;
  const words = new Uint32Array(n * 2);
  for (let i = 0, j = 0; i < n; i++, j += 2) {
    const v = src[i]!;
    const hi = Math.floor(v / TWO_32);
    words[j] = v - hi * TWO_32;
    words[j + 1] = hi; // negative hi wraps to its two's complement word
  }
  return arrow.makeData({ type, length: n, nullCount: data.nullCount, nullBitmap: data.nullBitmap, data: words });
}
