/**
 * Direct addressing of one int key (int-key-table.ts): while every key fits
 * 32 bits and the keys' range (4 bytes an entry) takes at most DIRECT_DENSITY
 * times the memory of the hashed slots for as many groups,
 *
 *   dir (Int32Array): dir[key - min] = group id + 1, or 0 (a fresh, zeroed array is empty)
 *
 * one 4-byte read per probe, in key order for sorted inputs, and no hash to
 * compute. TPC-H's order/part/supplier/customer keys are dense.
 */

/** dir may take at most this many times the memory of the hashed slots for as many groups. */
const DIRECT_DENSITY = 2;
/** Never more dir entries than this (1 GiB). */
const DIRECT_MAX = 1 << 28;

/** Words per hashed int slot (int-key-table.ts): the density limit compares with them. */
const INT_SLOT_WORDS = 4;

/** Hashed slots for `groups` groups (power of two, load <= 1/2), at least `initialCapacity` groups' worth. */
export function hashedCapacity(groups: number, initialCapacity: number): number {
  let cap = 16;
  while (cap < 2 * Math.max(groups, initialCapacity)) cap *= 2;
  return cap;
}

/** Most dir entries allowed for `groups` groups: DIRECT_DENSITY times the words of the hashed slots. */
export function directLimit(groups: number, initialCapacity: number): number {
  return Math.min(DIRECT_DENSITY * INT_SLOT_WORDS * hashedCapacity(groups, initialCapacity), DIRECT_MAX);
}

/** A direct-addressed key range: dir[key - min] = group + 1 (0: no group). */
export class DirectIndex {
  dir: Int32Array;
  min: number;

  private constructor(dir: Int32Array, min: number) {
    this.dir = dir;
    this.min = min;
  }

  /**
   * Sizes the index from the keys of a first batch (wide: (lo, hi) words;
   * narrow: int32/int16 values); null when a key is beyond 32 bits or the
   * range is over `limit` entries.
   */
  static fromKeys(
    w: Int32Array | null, narrow: Int32Array | Int16Array | null, valid: Uint8Array | null,
    rows: Int32Array | null, count: number, skip: Uint8Array | null, limit: number,
  ): DirectIndex | null {
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) continue;
      const row = rows ? rows[i]! : i;
      if (valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0) continue;
      let key: number;
      if (w !== null) { key = w[2 * row]!; if (w[2 * row + 1] !== key >> 31) return null; } else key = narrow![row]!;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min > max) { min = 0; max = 0; }
    const len = max - min + 1;
    if (len > limit) return null;
    return new DirectIndex(new Int32Array(len), min);
  }

  /** Widens dir to hold `key` (with room to grow on that side); false when it would pass `limit` entries. */
  grow(key: number, limit: number): boolean {
    const old = this.dir, oldMin = this.min, oldEnd = oldMin + old.length;
    const needMin = Math.min(key, oldMin), needEnd = Math.max(key + 1, oldEnd);
    if (needEnd - needMin > limit) return false;
    // doubling on the side that grew keeps a run of rising (or falling) keys to O(log n) copies
    const slack = Math.min(old.length, limit - (needEnd - needMin));
    const min = key < oldMin ? Math.max(needMin - slack, -2147483648) : oldMin;
    const end = key >= oldEnd ? Math.min(needEnd + slack, 2147483648) : oldEnd;
    const dir = new Int32Array(end - min);
    dir.set(old, oldMin - min);
    this.dir = dir;
    this.min = min;
    return true;
  }
}
