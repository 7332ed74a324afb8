/**
 * An open-addressing hash table from multi-column keys to dense group ids
 * (0, 1, 2, … in order of first appearance). Shared by hash aggregation,
 * DISTINCT, set operations and the hash join build.
 *
 *   slots (Int32Array, 2 words per slot, power-of-two slots, linear probing):
 *     [group id or -1 | hash] [group id | hash] …   — one cache line gives the id
 *     and the hash checked before comparing keys
 *   stores[k] (key-store.ts) hold the key values of each group
 *
 * One integer key column (the common join/GROUP BY key) uses a wider slot that
 * holds the key itself, so a probe touches one cache line instead of three
 * (slot, stored words, null flag):
 *
 *   intSlots (4 words per slot): [group id or -1 | hash | lo word | hi word]
 *   nullGroup: the group of the NULL key (-1 until seen)
 *
 * and a row whose key equals the previous row's reuses its group without a
 * probe (sorted or clustered inputs, e.g. lineitem by l_orderkey).
 *
 * Dense int keys (TPC-H's order/part/supplier/customer keys) skip hashing
 * altogether: while every key fits 32 bits and the keys' range (4 bytes an
 * entry) takes at most DIRECT_DENSITY times the memory of the hashed slots for
 * as many groups, the table is direct-addressed,
 *
 *   dir (Int32Array): dir[key - dirMin] = group id + 1, or 0 (a fresh, zeroed array is empty)
 *
 * one 4-byte read per probe, in key order for sorted inputs, and no hash to
 * compute. A key
 * outside those limits moves the groups into the hashed slots for good.
 *
 * Hashed lookups of one int key first test a bitmap of the keys (buildFilter).
 * Hashes come from worker/kernels/hash.ts, for a whole batch at a time, or
 * inline for one int key (the same values).
 */
import * as arrow from 'apache-arrow';
import { validityOf } from '../kernels/take.ts';
import { hashColumns, hashIntWords } from '../kernels/hash.ts';
import { IntStore, type KeyStore, createKeyStore } from './key-store.ts';

/** Direct addressing: dir may take at most this many times the memory of the hashed slots for as many groups. */
const DIRECT_DENSITY = 2;
/** Direct addressing: never more dir entries than this (1 GiB). */
const DIRECT_MAX = 1 << 28;

function isWideInt(t: arrow.DataType): boolean {
  return t.typeId === arrow.Type.Timestamp || t.typeId === arrow.Type.Time || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
}

/** Multi-column keys → dense group ids (NULL keys equal each other). */
export class GroupTable {
  private readonly stores: KeyStore[];
  /** Set when the only key is an integer column: `findInt` compares words inline. */
  private readonly intStore: IntStore | null;
  /** 2 words per slot: group id (-1 = empty), hash (as int32); 4 words for one int key (see above). */
  private slots: Int32Array;
  /** Words per slot: 2, or 4 with an inline int key. */
  private readonly stride: number;
  /** One int key: the group of the NULL key, -1 until seen. */
  private nullGroup = -1;
  /** Number of slots - 1. */
  private mask: number;
  /** One int key: direct addressing (see above) until a key does not fit. */
  private direct: boolean;
  /** Direct addressing: 1 + the group id of key dirMin + i (0: none); null until the first insert. */
  private dir: Int32Array | null = null;
  private dirMin = 0;
  private readonly initialCapacity: number;
  /** Hashed lookups of one int key: a bitmap of the stored keys from filterMin (see buildFilter), built at filterSize groups. */
  private filter: Int32Array | null = null;
  private filterMin = 0;
  private filterSize = -1;
  size = 0;

  /** `keyTypes`: the Arrow types the keys are stored and output as. */
  constructor(keyTypes: readonly arrow.DataType[], initialCapacity = 1024) {
    this.stores = keyTypes.map(createKeyStore);
    this.intStore = this.stores.length === 1 && this.stores[0] instanceof IntStore ? this.stores[0] : null;
    this.stride = this.intStore !== null ? 4 : 2;
    this.initialCapacity = initialCapacity;
    this.direct = this.intStore !== null;
    let cap = 16;
    while (!this.direct && cap < initialCapacity * 2) cap *= 2;
    this.slots = emptySlots(cap, this.stride);
    this.mask = cap - 1;
  }

  /** False while the table is direct-addressed: `insert`/`lookup` then ignore hashes and accept null. */
  get needsHashes(): boolean { return this.intStore === null; }

  /** True while one int key is direct-addressed (tests, diagnostics). */
  get directAddressed(): boolean { return this.direct; }

  private bind(keys: readonly arrow.Data[]): void {
    for (let k = 0; k < this.stores.length; k++) this.stores[k]!.bind(keys[k]!);
  }

  private keysEqual(g: number, row: number): boolean {
    const stores = this.stores;
    for (let k = 0; k < stores.length; k++) if (!stores[k]!.equals(g, row)) return false;
    return true;
  }

  /**
   * Finds or inserts the group of each row `rows[i]` (i < count) with hash
   * `hashes[i]`; writes group ids to `out[i]`. `skip[i] === 1` leaves out[i] = -1.
   * Hashes may be null (computed when needed; never for one int key, see `needsHashes`).
   */
  insert(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array | null, out: Int32Array, skip: Uint8Array | null = null): void {
    if (this.intStore !== null) { this.findIntKey(keys, rows, count, out, skip, true); return; }
    hashes ??= hashColumns(keys, rows, count);
    this.bind(keys);
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      const h = hashes[i]! | 0;
      const slots = this.slots, mask = this.mask;
      let slot = h & mask;
      let g: number;
      while ((g = slots[2 * slot]!) !== -1) {
        if (slots[2 * slot + 1] === h && this.keysEqual(g, row)) break;
        slot = (slot + 1) & mask;
      }
      if (g === -1) {
        g = this.size++;
        for (let k = 0; k < this.stores.length; k++) this.stores[k]!.append(row);
        slots[2 * slot] = g;
        slots[2 * slot + 1] = h;
        if (this.size * 2 > mask + 1) this.rehash();
      }
      out[i] = g;
    }
  }

  /** Like `insert` but never adds: unknown keys get -1. */
  lookup(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array | null, out: Int32Array, skip: Uint8Array | null = null): void {
    if (this.intStore !== null) { this.findIntKey(keys, rows, count, out, skip, false); return; }
    hashes ??= hashColumns(keys, rows, count);
    this.bind(keys);
    const slots = this.slots, mask = this.mask;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      const h = hashes[i]! | 0;
      let slot = h & mask;
      let g: number;
      while ((g = slots[2 * slot]!) !== -1) {
        if (slots[2 * slot + 1] === h && this.keysEqual(g, row)) break;
        slot = (slot + 1) & mask;
      }
      out[i] = g;
    }
  }

  /**
   * insert/lookup for one integer key column: direct-addressed, then hashed
   * from the row a key does not fit. The hash of an int key is computed
   * inline (hashIntWords, the value hashColumns gives): callers' hashes are
   * not needed.
   */
  private findIntKey(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const start = this.direct ? this.findDirect(keys[0]!, rows, count, out, skip, add) : 0;
    if (start === count) return;
    if (add) this.filter = null;
    else if (this.filterSize !== this.size) this.buildFilter();
    this.findInt(keys[0]!, rows, start, count, out, skip, add);
  }

  /**
   * Hashed lookups of one int key test a bitmap of the keys' range first (when
   * no bigger than the slots): probes that miss, most of them when a join's
   * build side was filtered (TPC-H Q10's orders of one quarter against all of
   * lineitem), never hash or touch the slots.
   */
  private buildFilter(): void {
    this.filterSize = this.size;
    this.filter = null;
    const words = this.intStore!.wordArray;
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

  /**
   * Direct-addressed insert/lookup of rows from 0; returns the row at which a
   * key did not fit (the table is hashed from then on), or `count`.
   */
  private findDirect(data: arrow.Data, rows: Int32Array | null, count: number, out: Int32Array, skip: Uint8Array | null, add: boolean): number {
    const store = this.intStore!;
    const wide = isWideInt(data.type);
    const v = data.values as ArrayBufferView;
    const w = wide ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : null;
    const narrow = wide ? null : (v as Int32Array | Int16Array);
    const valid = validityOf(data);
    if (this.dir === null && add && !this.startDirect(w, narrow, valid, rows, count, skip)) { this.toHashed(); return 0; }
    let dir = this.dir ?? new Int32Array(0), min = this.dirMin, len = dir.length;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      if (valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0) {
        if (this.nullGroup === -1 && add) { this.nullGroup = this.size++; store.appendWords(0, 0, true); }
        out[i] = this.nullGroup;
        continue;
      }
      let key: number;
      if (w !== null) {
        key = w[2 * row]!;
        // a key beyond 32 bits: not in the table, or the end of direct addressing
        if (w[2 * row + 1] !== key >> 31) { if (!add) { out[i] = -1; continue; } this.toHashed(); return i; }
      } else key = narrow![row]!;
      let at = key - min;
      if (at < 0 || at >= len) {
        if (!add) { out[i] = -1; continue; }
        if (!this.growDirect(key)) { this.toHashed(); return i; }
        dir = this.dir!; min = this.dirMin; len = dir.length; at = key - min;
      }
      let g = dir[at]! - 1;
      if (g === -1 && add) { g = this.size++; store.appendWords(key, key >> 31, false); dir[at] = g + 1; }
      out[i] = g;
    }
    // fewer groups than the first batch's rows promised: hashed slots take less memory
    if (add && dir.length > this.directLimit(this.size)) this.toHashed();
    return count;
  }

  /** Most dir entries allowed for `groups` groups: DIRECT_DENSITY times the words of the hashed slots. */
  private directLimit(groups: number): number {
    let cap = 16;
    while (cap < 2 * Math.max(groups, this.initialCapacity)) cap *= 2;
    return Math.min(DIRECT_DENSITY * 4 * cap, DIRECT_MAX);
  }

  /** Sizes dir from the keys of the first batch inserted; false when they do not suit direct addressing. */
  private startDirect(w: Int32Array | null, narrow: Int32Array | Int16Array | null, valid: Uint8Array | null, rows: Int32Array | null, count: number, skip: Uint8Array | null): boolean {
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) continue;
      const row = rows ? rows[i]! : i;
      if (valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0) continue;
      let key: number;
      if (w !== null) { key = w[2 * row]!; if (w[2 * row + 1] !== key >> 31) return false; } else key = narrow![row]!;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min > max) { min = 0; max = 0; }
    const len = max - min + 1;
    // the first batch's distinct keys are not known yet: each row may be a group (checked again once inserted)
    if (len > this.directLimit(count)) return false;
    this.dir = new Int32Array(len);
    this.dirMin = min;
    return true;
  }

  /** Widens dir to hold `key` (with room to grow on that side); false past the density limit. */
  private growDirect(key: number): boolean {
    const old = this.dir!, oldMin = this.dirMin, oldEnd = oldMin + old.length;
    const needMin = Math.min(key, oldMin), needEnd = Math.max(key + 1, oldEnd);
    const limit = this.directLimit(this.size);
    if (needEnd - needMin > limit) return false;
    // doubling on the side that grew keeps a run of rising (or falling) keys to O(log n) copies
    const slack = Math.min(old.length, limit - (needEnd - needMin));
    const min = key < oldMin ? Math.max(needMin - slack, -2147483648) : oldMin;
    const end = key >= oldEnd ? Math.min(needEnd + slack, 2147483648) : oldEnd;
    const dir = new Int32Array(end - min);
    dir.set(old, oldMin - min);
    this.dir = dir;
    this.dirMin = min;
    return true;
  }

  /** Ends direct addressing: every group goes into hashed slots. */
  private toHashed(): void {
    this.direct = false;
    this.dir = null;
    let cap = 16;
    while (cap < Math.max(this.initialCapacity, this.size) * 2) cap *= 2;
    const slots = emptySlots(cap, 4);
    const mask = cap - 1;
    const words = this.intStore!.wordArray;
    for (let g = 0; g < this.size; g++) {
      if (g === this.nullGroup) continue;
      const lo = words[2 * g]!, hi = words[2 * g + 1]!;
      const h = hashIntWords(lo, hi) | 0;
      let slot = h & mask;
      while (slots[4 * slot] !== -1) slot = (slot + 1) & mask;
      const b = 4 * slot;
      slots[b] = g; slots[b + 1] = h; slots[b + 2] = lo; slots[b + 3] = hi;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Hashed insert/lookup for one integer key column from row `start`, comparing the (lo, hi) words held in the slot. */
  private findInt(data: arrow.Data, rows: Int32Array | null, start: number, count: number, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const store = this.intStore!;
    const wide = isWideInt(data.type);
    const v = data.values as ArrayBufferView;
    const w = wide ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : null;
    const narrow = wide ? null : (v as Int32Array | Int16Array);
    const valid = validityOf(data);
    let slots = this.slots, mask = this.mask;
    const filter = add ? null : this.filter, filterMin = this.filterMin, filterBits = filter === null ? 0 : filter.length * 32;
    // The previous row's key and group: equal consecutive keys skip the probe.
    let lastLo = 0, lastHi = 0, lastG = -2;
    for (let i = start; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      if (valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0) {
        if (this.nullGroup === -1 && add) { this.nullGroup = this.size++; store.appendWords(0, 0, true); }
        out[i] = this.nullGroup;
        continue;
      }
      let lo: number, hi: number;
      if (w !== null) { lo = w[2 * row]!; hi = w[2 * row + 1]!; } else { lo = narrow![row]!; hi = lo >> 31; }
      if (lo === lastLo && hi === lastHi && lastG !== -2) { out[i] = lastG; continue; }
      if (filter !== null) {
        const at = lo - filterMin;
        if (hi !== lo >> 31 || at < 0 || at >= filterBits || ((filter[at >>> 5]! >>> (at & 31)) & 1) === 0) { out[i] = -1; continue; }
      }
      const h = hashIntWords(lo, hi) | 0;
      let slot = h & mask;
      let g: number;
      while ((g = slots[4 * slot]!) !== -1) {
        if (slots[4 * slot + 2] === lo && slots[4 * slot + 3] === hi) break;
        slot = (slot + 1) & mask;
      }
      if (g === -1 && add) {
        g = this.size++;
        store.appendWords(lo, hi, false);
        const b = 4 * slot;
        slots[b] = g; slots[b + 1] = h; slots[b + 2] = lo; slots[b + 3] = hi;
        if (this.size * 2 > mask + 1) { this.rehash(); slots = this.slots; mask = this.mask; }
      }
      out[i] = g;
      lastLo = lo; lastHi = hi; lastG = g;
    }
  }

  private rehash(): void {
    const old = this.slots;
    const stride = this.stride;
    const cap = (this.mask + 1) * 2;
    const slots = emptySlots(cap, stride);
    const mask = cap - 1;
    for (let s = 0; s < old.length; s += stride) {
      if (old[s] === -1) continue;
      const h = old[s + 1]!;
      let slot = h & mask;
      while (slots[stride * slot] !== -1) slot = (slot + 1) & mask;
      const b = stride * slot;
      for (let k = 0; k < stride; k++) slots[b + k] = old[s + k]!;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The key columns of all groups, in group id order. */
  keyColumns(): arrow.Data[] {
    return this.stores.map((s) => s.build());
  }

  /** Approximate bytes held (memory accounting). */
  byteSize(): number {
    return this.slots.byteLength + (this.dir?.byteLength ?? 0) + (this.filter?.byteLength ?? 0) + this.size * 16 * Math.max(1, this.stores.length);
  }
}

/** `cap` slots of `stride` words, every group id -1 (empty). */
function emptySlots(cap: number, stride: number): Int32Array {
  const slots = new Int32Array(stride * cap);
  if (stride === 2) slots.fill(-1);
  else for (let s = 0; s < slots.length; s += stride) slots[s] = -1;
  return slots;
}
