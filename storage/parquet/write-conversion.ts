/**
 * From Loch's in-memory layout (core/data-type.ts) to the Arrow types handed to
 * the Parquet encoder. Only narrow decimals differ: Loch keeps them as Float64
 * scaled integers, Parquet must see a real DECIMAL(p,s) so other engines read
 * the right values, so they become Decimal128 (arrow-rs then stores p ≤ 9 as
 * INT32 and p ≤ 18 as INT64). The field keeps its `loch.type` tag.
 */
import * as arrow from 'apache-arrow';
import { type BatchField, type DataType, LochError, SqlState, isNarrowDecimal, toArrowField } from '../../core/index.ts';

/** The Arrow field a Loch column is written as. */
export function parquetWriteField(field: BatchField): arrow.Field {
  const t = field.type;
  if (t.kind === 'interval') {
    throw new LochError(SqlState.featureNotSupported, `column "${field.name}": Parquet cannot store interval values`);
  }
  if (t.kind === 'null') {
    throw new LochError(SqlState.featureNotSupported, `column "${field.name}": cannot write a column of unknown type to Parquet (cast it)`);
  }
  const base = toArrowField(field.name, t, field.nullable);
  if (!isNarrowDecimal(t)) return base;
  return new arrow.Field(field.name, new arrow.Decimal(t.scale, t.precision, 64), field.nullable, base.metadata);
}

/** The Arrow schema a Loch batch stream is written as. */
export function parquetWriteSchema(fields: readonly BatchField[]): arrow.Schema {
  return new arrow.Schema(fields.map(parquetWriteField));
}

/** One column (offset 0) converted to the type `parquetWriteField` chose. */
export function toParquetWriteData(data: arrow.Data, type: DataType, target: arrow.DataType): arrow.Data {
  if (!isNarrowDecimal(type)) return data;
  return scaledFloat64ToDecimal64(data, target as arrow.Decimal);
}

const TWO_32 = 4294967296;

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
