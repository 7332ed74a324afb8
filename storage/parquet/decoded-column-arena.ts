/**
 * Decoding a column chunk straight into the shared memory the worker's column cache keeps.
 *
 *   before: wasm memory ─copy/convert─► fresh JS arrays (batches) ─copy─► fresh SharedArrayBuffer (cache)
 *   now:    wasm memory ─copy/convert─► SharedArrayBuffer (batches view it; the cache keeps it)
 *
 * Fresh memory costs a page fault per 4 KiB page on first touch (6-12 ms per MB on the benchmark
 * machine), so the old path paid it twice per cached column and copied once more. The scan asks
 * the cache for room before decoding (with the misses of a file: column-cache-port.ts), using a
 * size bound from the footer (`decodedSizeBound`); the cache answers with a released buffer of
 * that size class or lets the thread allocate one. A column whose buffers do not all fit (a bound
 * that was wrong) is finished in fresh memory and goes the old way.
 */
import { type DataType, isNarrowDecimal } from '../../core/index.ts';
import type { ColumnAlloc } from './column-conversion.ts';
import { sizeClass } from './shared-memory-pool.ts';

const align8 = (n: number): number => (n + 7) & ~7;

/** Bytes per value of `type` in Loch's layout; 0 when not fixed (text, nested), -1 for bit-packed booleans. */
function fixedWidth(type: DataType): number {
  switch (type.kind) {
    case 'boolean': return -1;
    case 'int16': return 2;
    case 'int32': case 'date': case 'float32': return 4;
    case 'int64': case 'float64': case 'timestamp': case 'timestamptz': case 'time': return 8;
    case 'decimal': return isNarrowDecimal(type) ? 8 : 16;
    case 'interval': return 16;
    default: return 0;
  }
}

/** Headroom over the most text bytes per value seen so far in a column's earlier chunks. */
const TEXT_HEADROOM = 1.25;

/**
 * An upper bound (as a shared-memory size class) of the bytes `rows` values of `type` take when
 * decoded in at most `batches` batches, with a validity bitmap per batch when `nullable`;
 * 0 when it cannot be known before decoding. Text: its bytes depend on the values, so the bound
 * needs `textBytesPerValue` (the most seen in the column's earlier chunks: a guess, checked when
 * decoding; 0 = unknown).
 */
export function decodedSizeBound(type: DataType, rows: number, batches: number, nullable: boolean, textBytesPerValue = 0): number {
  if (rows <= 0) return 0;
  const width = type.kind === 'text' ? 0 : fixedWidth(type);
  if (width === 0 && !(type.kind === 'text' && textBytesPerValue > 0)) return 0;
  const values = type.kind === 'text'
    ? 4 * (rows + batches) + 8 * batches + Math.ceil(rows * textBytesPerValue * TEXT_HEADROOM) + 8 * batches
    : width < 0 ? (rows >> 3) + 16 * batches : rows * width + 8 * batches;
  const bitmaps = nullable ? (rows >> 3) + 16 * batches : 0;
  return sizeClass(8 + values + bitmaps);
}

/** Bump allocation of a column's buffers in one SharedArrayBuffer, 8-byte aligned (shared-column.ts's layout). */
export class SharedColumnArena {
  readonly buffer: SharedArrayBuffer;
  /** Some buffer did not fit and was allocated in fresh memory instead. */
  overflowed = false;
  private at = 0;

  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
  }

  /** The allocator to hand to toLochData. */
  readonly alloc: ColumnAlloc = (Ctor, length) => {
    const bytes = length * Ctor.BYTES_PER_ELEMENT;
    const start = this.at;
    if (start + bytes > this.buffer.byteLength) {
      this.overflowed = true;
      return new Ctor(length);
    }
    this.at = start + align8(bytes);
    return new Ctor(this.buffer, start, length);
  };
}
