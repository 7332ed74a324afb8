/**
 * GroupTable's table for one integer key column (group-table.ts), and for two
 * narrow int keys packed into one 64-bit key. The key itself sits in the slot,
 * so a probe touches one cache line instead of three (slot, stored words, null flag):
 *
 *   slots (Int32Array, power-of-two slots, linear probing; a fresh, zeroed array is empty):
 *     [group id + 1, 0 = empty | key]                  while every key fits 32 bits (2 words)
 *     [group id + 1, 0 = empty | lo word | hi word | -] once one does not (4 words)
 *   nullGroup: the group of the NULL key (-1 until seen)
 *
 * Ordered homes: a key of 32 bits starts probing at slot (key - min) × scale
 * (mod the slot count), scale = slots / the stored keys' range when the slots
 * were last rebuilt, not at its hash. Hash-partitioned keys (a shuffle's
 * partition of o_orderkey: every 8th key at random over the whole range) are
 * too sparse to direct-address, but spread as evenly over the slots as hashes
 * do, and a build or probe side read in key order (sorted runs of orders and
 * lineitem) then walks the slots in order instead of one cache miss per row:
 * at SF 10 the slots of one partition of orders are 32 MB. Keys that crowd
 * some slots (probing more than PROBE_BUDGET slots a row) switch the table to
 * hashed homes for good.
 *
 * Dense keys are direct-addressed first (direct-index.ts); a key that does not
 * fit moves the groups into the hashed slots for good. A row whose key equals
 * the previous row's reuses its group without a probe (sorted or clustered
 * inputs, e.g. lineitem by l_orderkey). Hashed lookups first test a bitmap of
 * the keys (buildFilter). Hashes are computed inline (hashIntWords, the value
 * hashColumns gives one int key).
 */
import * as arrow from 'apache-arrow';
import { validityOf } from '../kernels/take.ts';
import { hashIntWords } from '../kernels/hash.ts';
import { IntStore } from './key-store.ts';
import { DirectIndex, directLimit, hashedCapacity } from './direct-index.ts';

/** Ordered homes: slots probed past the home per row (plus up to PROBE_SLACK left from earlier calls) before the table switches to hashed homes. */
const PROBE_BUDGET = 4;
const PROBE_SLACK = 1024;

/** True for int keys stored as 64 bits (int64, timestamps, 64-bit times). */
export function isWideInt(t: arrow.DataType): boolean {
  return t.typeId === arrow.Type.Timestamp || t.typeId === arrow.Type.Time || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
}

/** One int key column as the table reads it: (lo, hi) words, or narrow values; validity. */
export interface IntKeyInput {
  readonly wide: Int32Array | null;
  readonly narrow: Int32Array | Int16Array | null;
  readonly valid: Uint8Array | null;
}

/** The words of an int key column. */
export function intKeyInput(data: arrow.Data): IntKeyInput {
  const v = data.values as ArrayBufferView;
  const wide = isWideInt(data.type);
  return {
    wide: wide ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : null,
    narrow: wide ? null : (v as Int32Array | Int16Array),
    valid: validityOf(data),
  };
}

/** One int key (a 64-bit value as (lo, hi) words) → dense group ids; NULL is one group. */
export class IntKeyTable {
  readonly store: IntStore;
  size = 0;
  /** `stride` words per slot (see above); empty until the table leaves direct addressing. */
  private slots = new Int32Array(0);
  /** 2 while every stored key fits 32 bits, else 4. */
  private stride = 2;
  private mask = -1;
  private nullGroup = -1;
  /** Direct addressing until a key does not fit; null before the first insert or once hashed. */
  private direct: DirectIndex | null = null;
  private hashed = false;
  /** Ordered homes (see above) until keys crowd; the home of key k is ((k - homeMin) * homeScale | 0) & mask. */
  private ordered = true;
  private homeMin = 0;
  private homeScale = 1;
  /** Ordered homes: probe steps left over from earlier calls (at most PROBE_SLACK), so one-row calls cannot crowd unseen. */
  private probeCredit = PROBE_SLACK;
  private readonly initialCapacity: number;
  /** Hashed lookups: a bitmap of the stored keys from filterMin (see buildFilter), built at filterSize groups. */
  private filter: Int32Array | null = null;
  private filterMin = 0;
  private filterSize = -1;

  /** `wideKeys`: most keys will not fit 32 bits (packed key pairs): hashed 4-word slots from the start. */
  constructor(type: arrow.DataType, initialCapacity: number, wideKeys = false) {
    this.store = new IntStore(type);
    // fresh memory is only faulted in where written: a generous reservation costs no more than the groups stored
    if (initialCapacity > 1024) this.store.reserve(initialCapacity);
    this.initialCapacity = initialCapacity;
    if (wideKeys) {
      this.hashed = true;
      this.ordered = false;
      this.stride = 4;
      this.rebuild(hashedCapacity(0, initialCapacity));
    }
  }

  /** True while direct-addressed (tests, diagnostics). */
  get directAddressed(): boolean { return !this.hashed; }

  /**
   * Finds (or with `add`, inserts) the group of each row `rows[i]` (i < count);
   * writes ids to `out[i]`, -1 for unknown keys and rows with `skip[i] === 1`.
   */
  find(input: IntKeyInput, rows: Int32Array | null, count: number, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const start = this.hashed ? 0 : this.findDirect(input, rows, count, out, skip, add);
    if (start === count) return;
    if (add) this.filter = null;
    else if (this.filterSize !== this.size) this.buildFilter();
    this.findHashed(input, rows, start, count, out, skip, add);
  }

  /** The NULL group, created on first sight when adding (-1 otherwise). */
  private nullGroupOf(add: boolean): number {
    if (this.nullGroup === -1 && add) { this.nullGroup = this.size++; this.store.appendWords(0, 0, true); }
    return this.nullGroup;
  }

  /**
   * Direct-addressed insert/lookup of rows from 0; returns the row at which a
   * key did not fit (the table is hashed from then on), or `count`.
   */
  private findDirect(input: IntKeyInput, rows: Int32Array | null, count: number, out: Int32Array, skip: Uint8Array | null, add: boolean): number {
    const { wide: w, narrow, valid } = input;
    const store = this.store;
    if (this.direct === null) {
      if (!add) { for (let i = 0; i < count; i++) out[i] = -1; return count; }
      // the first batch's distinct keys are not known yet: each row may be a group (checked again once inserted)
      this.direct = DirectIndex.fromKeys(w, narrow, valid, rows, count, skip, directLimit(count, this.initialCapacity));
      if (this.direct === null) { this.toHashed(); return 0; }
    }
    const index = this.direct;
    let dir = index.dir, min = index.min, len = dir.length;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      if (valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0) { out[i] = this.nullGroupOf(add); continue; }
      let key: number;
      if (w !== null) {
        key = w[2 * row]!;
        // a key beyond 32 bits: not in the table, or the end of direct addressing
        if (w[2 * row + 1] !== key >> 31) { if (!add) { out[i] = -1; continue; } this.toHashed(); return i; }
      } else key = narrow![row]!;
      let at = key - min;
      if (at < 0 || at >= len) {
        if (!add) { out[i] = -1; continue; }
        if (!index.grow(key, directLimit(this.size, this.initialCapacity))) { this.toHashed(); return i; }
        dir = index.dir; min = index.min; len = dir.length; at = key - min;
      }
      let g = dir[at]! - 1;
      if (g === -1 && add) { g = this.size++; store.appendWords(key, key >> 31, false); dir[at] = g + 1; }
      out[i] = g;
    }
    // fewer groups than the first batch's rows promised: hashed slots take less memory
    if (add && len > directLimit(this.size, this.initialCapacity)) this.toHashed();
    return count;
  }

  /** Ends direct addressing: every group goes into hashed slots. */
  private toHashed(): void {
    this.hashed = true;
    this.direct = null;
    const words = this.store.wordArray;
    for (let g = 0; g < this.size && this.stride === 2; g++) if (g !== this.nullGroup && words[2 * g + 1] !== words[2 * g]! >> 31) this.stride = 4;
    this.rebuild(hashedCapacity(this.size, this.initialCapacity));
  }

  /** Ordered homes crowd: every key moves to its hashed home. */
  private toHashHomes(): void {
    this.ordered = false;
    this.rebuild(this.mask + 1);
  }

  /** Places every group into `cap` fresh slots, in group order; ordered homes are rescaled to the stored keys' range. */
  private rebuild(cap: number): void {
    const stride = this.stride;
    const slots = new Int32Array(stride * cap);
    const mask = cap - 1;
    const words = this.store.wordArray;
    const n = this.size, nullGroup = this.nullGroup;
    if (this.ordered) {
      let min = Infinity, max = -Infinity;
      for (let g = 0; g < n; g++) {
        const lo = words[2 * g]!;
        if (g === nullGroup || words[2 * g + 1] !== lo >> 31) continue;
        if (lo < min) min = lo;
        if (lo > max) max = lo;
      }
      this.homeMin = min > max ? 0 : min;
      this.homeScale = min > max ? 1 : cap / (max - min + 1);
    }
    const ordered = this.ordered, homeMin = this.homeMin, homeScale = this.homeScale;
    for (let g = 0; g < n; g++) {
      if (g === nullGroup) continue;
      const lo = words[2 * g]!, hi = words[2 * g + 1]!;
      let slot = (ordered && hi === lo >> 31 ? ((lo - homeMin) * homeScale) | 0 : hashIntWords(lo, hi)) & mask;
      while (slots[stride * slot] !== 0) slot = (slot + 1) & mask;
      const b = stride * slot;
      slots[b] = g + 1; slots[b + 1] = lo;
      if (stride === 4) slots[b + 2] = hi;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /**
   * Hashed lookups test a bitmap of the keys' range first (when no bigger than
   * the slots): probes that miss, most of them when a join's build side was
   * filtered (TPC-H Q10's orders of one quarter against all of lineitem),
   * never hash or touch the slots.
   */
  private buildFilter(): void {
    this.filterSize = this.size;
    this.filter = null;
    const words = this.store.wordArray;
    let min = Infinity, max = -Infinity;
    for (let g = 0; g < this.size; g++) {
      if (g === this.nullGroup) continue;
      const lo = words[2 * g]!;
      if (words[2 * g + 1] !== lo >> 31) return;
      if (lo < min) min = lo;
      if (lo > max) max = lo;
    }
    if (min > max || (max - min + 1) / 8 > this.slots.byteLength) return;
    const bits = new Int32Array(((max - min) >>> 5) + 1);
    for (let g = 0; g < this.size; g++) {
      if (g === this.nullGroup) continue;
      const at = words[2 * g]! - min;
      bits[at >>> 5] |= 1 << (at & 31);
    }
    this.filter = bits;
    this.filterMin = min;
  }

  /** Hashed insert/lookup from row `start`, comparing the (lo, hi) words held in the slot. */
  private findHashed(input: IntKeyInput, rows: Int32Array | null, start: number, count: number, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const { wide: w, narrow, valid } = input;
    const store = this.store;
    let slots = this.slots, mask = this.mask, stride = this.stride;
    const filter = add ? null : this.filter, filterMin = this.filterMin, filterBits = filter === null ? 0 : filter.length * 32;
    let ordered = this.ordered, homeMin = this.homeMin, homeScale = this.homeScale;
    let budget = ordered ? PROBE_BUDGET * (count - start) + Math.min(this.probeCredit, PROBE_SLACK) : Infinity;
    // The previous row's key and group: equal consecutive keys skip the probe.
    let lastLo = 0, lastHi = 0, lastG = -2;
    for (let i = start; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      if (valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0) { out[i] = this.nullGroupOf(add); continue; }
      let lo: number, hi: number;
      if (w !== null) { lo = w[2 * row]!; hi = w[2 * row + 1]!; } else { lo = narrow![row]!; hi = lo >> 31; }
      if (lo === lastLo && hi === lastHi && lastG !== -2) { out[i] = lastG; continue; }
      if (filter !== null) {
        const at = lo - filterMin;
        if (hi !== lo >> 31 || at < 0 || at >= filterBits || ((filter[at >>> 5]! >>> (at & 31)) & 1) === 0) { out[i] = -1; continue; }
      }
      if (stride === 2 && hi !== lo >> 31) {
        // a key beyond 32 bits: not in 2-word slots; inserted, it needs 4-word ones
        if (!add) { out[i] = -1; continue; }
        this.stride = stride = 4;
        this.rebuild(mask + 1);
        slots = this.slots; homeMin = this.homeMin; homeScale = this.homeScale;
      }
      let slot = (ordered && hi === lo >> 31 ? ((lo - homeMin) * homeScale) | 0 : hashIntWords(lo, hi)) & mask;
      let g: number;
      while ((g = slots[stride * slot]! - 1) !== -1) {
        if (slots[stride * slot + 1] === lo && (stride === 2 || slots[stride * slot + 2] === hi)) break;
        slot = (slot + 1) & mask;
        if (--budget < 0) {
          // ordered homes crowd: hashed homes from here on (the row probes again from its hashed home)
          this.toHashHomes();
          slots = this.slots; mask = this.mask; ordered = false; budget = Infinity;
          slot = hashIntWords(lo, hi) & mask;
        }
      }
      if (g === -1 && add) {
        g = this.size++;
        store.appendWords(lo, hi, false);
        const b = stride * slot;
        slots[b] = g + 1; slots[b + 1] = lo;
        if (stride === 4) slots[b + 2] = hi;
        if (this.size * 2 > mask + 1) {
          this.rebuild(2 * (mask + 1));
          slots = this.slots; mask = this.mask; homeMin = this.homeMin; homeScale = this.homeScale;
        }
      }
      out[i] = g;
      lastLo = lo; lastHi = hi; lastG = g;
    }
    if (ordered) this.probeCredit = budget;
  }

  /** Approximate bytes held (memory accounting). */
  byteSize(): number {
    return this.slots.byteLength + (this.direct?.dir.byteLength ?? 0) + (this.filter?.byteLength ?? 0) + this.size * 16;
  }
}
