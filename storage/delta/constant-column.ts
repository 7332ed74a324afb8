/**
 * Columns that repeat one value: partition columns (their value lives in the log,
 * not in the data file) and columns a data file lacks (schema evolution → NULL).
 * Built directly in Loch's layout (core/data-type.ts), no per-row encoding.
 */
import * as arrow from 'apache-arrow';
import { type DataType, type LiteralValue, columnFromValues, isNarrowDecimal, toArrowType, writeDecimal128 } from '../../core/index.ts';

const utf8 = new TextEncoder();

/** A column of `length` copies of `value` (null → all NULL). */
export function constantColumn(type: DataType, value: LiteralValue, length: number): arrow.Data {
  const arrowType = toArrowType(type);
  if (value === null) {
    if (type.kind === 'null') return arrow.makeData({ type: arrowType as arrow.Null, length });
    return make(arrowType, length, length, new Uint8Array((length + 7) >> 3), emptyValues(type, length));
  }
  switch (type.kind) {
    case 'boolean': return make(arrowType, length, 0, undefined, { data: new Uint8Array((length + 7) >> 3).fill(value ? 0xff : 0) });
    case 'int16': return make(arrowType, length, 0, undefined, { data: new Int16Array(length).fill(value as number) });
    case 'int32': case 'date': return make(arrowType, length, 0, undefined, { data: new Int32Array(length).fill(value as number) });
    case 'float32': return make(arrowType, length, 0, undefined, { data: new Float32Array(length).fill(value as number) });
    case 'float64': return make(arrowType, length, 0, undefined, { data: new Float64Array(length).fill(value as number) });
    case 'int64': case 'timestamp': case 'timestamptz': case 'time':
      return make(arrowType, length, 0, undefined, { data: new BigInt64Array(length).fill(BigInt(value as bigint | number)) });
    case 'decimal': {
      if (isNarrowDecimal(type)) return make(arrowType, length, 0, undefined, { data: new Float64Array(length).fill(Number(value)) });
      const one = new Uint32Array(4);
      writeDecimal128(one, 0, BigInt(value as bigint | number));
      const words = new Uint32Array(4 * length);
      for (let i = 0; i < length; i++) words.set(one, 4 * i);
      return make(arrowType, length, 0, undefined, { data: words });
    }
    case 'text': {
      const bytes = utf8.encode(String(value));
      const offsets = new Int32Array(length + 1);
      const data = new Uint8Array(bytes.length * length);
      for (let i = 0; i < length; i++) {
        data.set(bytes, i * bytes.length);
        offsets[i + 1] = (i + 1) * bytes.length;
      }
      return make(arrowType, length, 0, undefined, { data, valueOffsets: offsets });
    }
    default:
      return columnFromValues(type, new Array<LiteralValue>(length).fill(value));
  }
}

function emptyValues(type: DataType, length: number): Record<string, unknown> {
  switch (type.kind) {
    case 'boolean': return { data: new Uint8Array((length + 7) >> 3) };
    case 'int16': return { data: new Int16Array(length) };
    case 'int32': case 'date': return { data: new Int32Array(length) };
    case 'float32': return { data: new Float32Array(length) };
    case 'float64': return { data: new Float64Array(length) };
    case 'int64': case 'timestamp': case 'timestamptz': case 'time': return { data: new BigInt64Array(length) };
    case 'decimal': return { data: isNarrowDecimal(type) ? new Float64Array(length) : new Uint32Array(4 * length) };
    case 'text': return { data: new Uint8Array(0), valueOffsets: new Int32Array(length + 1) };
    case 'interval': return { data: new Int32Array(4 * length) };
    default: return {};
  }
}

function make(type: arrow.DataType, length: number, nullCount: number, nullBitmap: Uint8Array | undefined, rest: Record<string, unknown>): arrow.Data {
  return arrow.makeData({ type, length, nullCount, nullBitmap, ...rest } as unknown as { type: arrow.Int }) as arrow.Data;
}
