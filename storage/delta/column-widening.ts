/**
 * Reading a data file column as the table's type (type widening, PROTOCOL.md
 * "Type Widening"; also INT96/UTC-flag differences between writers).
 *
 * Old files keep the narrow physical type after `ALTER … TYPE`: byte/short/int →
 * long/double/decimal, float → double, date → timestamp_ntz, decimal → wider
 * decimal. Layout-identical pairs (timestamp ↔ timestamptz) are relabelled; the
 * common numeric widenings run as typed-array loops; the rest goes value by value
 * through core's cast (rare: only files written before a type change).
 */
import * as arrow from 'apache-arrow';
import {
  type DataType, LochError, SqlState, castValue, columnFromValues, readValue, toArrowType, typeName, typesEqual,
} from '../../core/index.ts';

/** `data` (laid out as `from`) converted to the layout of `to`. */
export function widenColumn(data: arrow.Data, from: DataType, to: DataType, column: string): arrow.Data {
  if (typesEqual(from, to)) return data;
  const n = data.length;
  const relabel = (values: ArrayBufferView): arrow.Data => arrow.makeData({
    type: toArrowType(to), length: n, nullCount: data.nullCount, nullBitmap: data.nullBitmap, data: values,
  } as unknown as { type: arrow.Int }) as arrow.Data;
  const src = data.values as ArrayLike<number> & ArrayBufferView;
  const isTs = (t: DataType) => t.kind === 'timestamp' || t.kind === 'timestamptz';
  if (isTs(from) && isTs(to)) return relabel(data.values as BigInt64Array);
  if ((from.kind === 'int16' || from.kind === 'int32') && to.kind === 'int64') {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(src[i]!);
    return relabel(out);
  }
  if ((from.kind === 'int16' || from.kind === 'int32') && (to.kind === 'int32' || to.kind === 'int16')) {
    return relabel(to.kind === 'int32' ? Int32Array.from(src) : Int16Array.from(src));
  }
  if ((from.kind === 'int16' || from.kind === 'int32' || from.kind === 'float32') && to.kind === 'float64') {
    return relabel(Float64Array.from(src));
  }
  if (from.kind === 'date' && isTs(to)) {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(src[i]!) * 86_400_000_000n;
    return relabel(out);
  }
  // Slow path: value by value (decimal rescaling, integer → decimal, …).
  const values = new Array(n);
  try {
    for (let i = 0; i < n; i++) values[i] = castValue(readValue(data, from, i), from, to);
  } catch (e) {
    throw new LochError(SqlState.datatypeMismatch, `column "${column}": a data file stores ${typeName(from)}, which cannot be read as the table's ${typeName(to)}`, { cause: e });
  }
  return columnFromValues(to, values);
}
