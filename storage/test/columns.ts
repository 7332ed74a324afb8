/**
 * Test helpers: build Loch-layout columns from JS values and read them back
 * (core/literal.ts representation). Slow on purpose: clarity over speed.
 */
import * as arrow from 'apache-arrow';
import { type DataType, type LiteralValue, isNarrowDecimal, toArrowType } from '../../core/index.ts';

/** A column of `type` holding `values` (null → SQL NULL). */
export function column(type: DataType, values: readonly LiteralValue[]): arrow.Data {
  const n = values.length;
  const validity = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  values.forEach((v, i) => { if (v === null) nullCount++; else validity[i >> 3]! |= 1 << (i & 7); });
  const nullBitmap = nullCount > 0 ? validity : undefined;
  const at = toArrowType(type);
  const base = { type: at, length: n, nullCount, nullBitmap };
  switch (type.kind) {
    case 'boolean': {
      const bits = new Uint8Array((n + 7) >> 3);
      values.forEach((v, i) => { if (v === true) bits[i >> 3]! |= 1 << (i & 7); });
      return arrow.makeData({ ...base, data: bits } as never);
    }
    case 'int16': return arrow.makeData({ ...base, data: Int16Array.from(values, (v) => Number(v ?? 0)) } as never);
    case 'int32':
    case 'date': return arrow.makeData({ ...base, data: Int32Array.from(values, (v) => Number(v ?? 0)) } as never);
    case 'float32': return arrow.makeData({ ...base, data: Float32Array.from(values, (v) => Number(v ?? 0)) } as never);
    case 'float64': return arrow.makeData({ ...base, data: Float64Array.from(values, (v) => Number(v ?? 0)) } as never);
    case 'int64':
    case 'timestamp':
    case 'timestamptz': return arrow.makeData({ ...base, data: BigInt64Array.from(values, (v) => BigInt((v ?? 0) as bigint)) } as never);
    case 'decimal': {
      if (isNarrowDecimal(type)) return arrow.makeData({ ...base, data: Float64Array.from(values, (v) => Number(v ?? 0)) } as never);
      const words = new Uint32Array(n * 4);
      values.forEach((v, i) => {
        let x = BigInt.asUintN(128, BigInt((v ?? 0n) as bigint));
        for (let k = 0; k < 4; k++) { words[4 * i + k] = Number(x & 0xffffffffn); x >>= 32n; }
      });
      return arrow.makeData({ ...base, data: words } as never);
    }
    case 'text': {
      const enc = new TextEncoder();
      const parts = values.map((v) => enc.encode(v === null ? '' : String(v)));
      const offsets = new Int32Array(n + 1);
      parts.forEach((p, i) => { offsets[i + 1] = offsets[i]! + p.length; });
      const bytes = new Uint8Array(offsets[n]!);
      parts.forEach((p, i) => bytes.set(p, offsets[i]!));
      return arrow.makeData({ ...base, valueOffsets: offsets, data: bytes } as never);
    }
    default: throw new Error(`test helper cannot build ${type.kind}`);
  }
}

/** The values of a Loch-layout column as JS values. */
export function values(type: DataType, data: arrow.Data): LiteralValue[] {
  expectOffsetZero(data);
  const out: LiteralValue[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < data.length; i++) {
    if (data.nullCount > 0 && data.nullBitmap && !((data.nullBitmap[i >> 3]! >> (i & 7)) & 1)) { out.push(null); continue; }
    switch (type.kind) {
      case 'boolean': out.push(Boolean(((data.values as Uint8Array)[i >> 3]! >> (i & 7)) & 1)); break;
      case 'text': {
        const o = data.valueOffsets as Int32Array;
        out.push(dec.decode((data.values as Uint8Array).subarray(o[i]!, o[i + 1]!)));
        break;
      }
      case 'decimal':
        if (isNarrowDecimal(type)) { out.push((data.values as Float64Array)[i]!); break; }
        {
          const w = data.values as Uint32Array;
          let x = 0n;
          for (let k = 3; k >= 0; k--) x = (x << 32n) | BigInt(w[4 * i + k]!);
          out.push(BigInt.asIntN(128, x));
        }
        break;
      default: out.push((data.values as unknown as ArrayLike<number | bigint>)[i]!);
    }
  }
  return out;
}

function expectOffsetZero(data: arrow.Data): void {
  if (data.offset !== 0) throw new Error(`column has offset ${data.offset}; batches must have offset-0 columns`);
}
