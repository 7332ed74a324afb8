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
 * Hashes come from worker/kernels/hash.ts for a whole batch at a time.
 */
import * as arrow from 'apache-arrow';
import { validityOf } from '../kernels/take.ts';
import { IntStore, type KeyStore, createKeyStore } from './key-store.ts';

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
  size = 0;

  /** `keyTypes`: the Arrow types the keys are stored and output as. */
  constructor(keyTypes: readonly arrow.DataType[], initialCapacity = 1024) {
    this.stores = keyTypes.map(createKeyStore);
    this.intStore = this.stores.length === 1 && this.stores[0] instanceof IntStore ? this.stores[0] : null;
    this.stride = this.intStore !== null ? 4 : 2;
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slots = emptySlots(cap, this.stride);
    this.mask = cap - 1;
  }

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
   */
  insert(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null = null): void {
    if (this.intStore !== null) { this.findInt(keys[0]!, rows, count, hashes, out, skip, true); return; }
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
  lookup(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null = null): void {
    if (this.intStore !== null) { this.findInt(keys[0]!, rows, count, hashes, out, skip, false); return; }
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

  /** insert/lookup for one integer key column, comparing the (lo, hi) words held in the slot. */
  private findInt(data: arrow.Data, rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const store = this.intStore!;
    const t = data.type;
    const wide = t.typeId === arrow.Type.Timestamp || t.typeId === arrow.Type.Time || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
    const v = data.values as ArrayBufferView;
    const w = wide ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : null;
    const narrow = wide ? null : (v as Int32Array | Int16Array);
    const valid = validityOf(data);
    let slots = this.slots, mask = this.mask;
    // The previous row's key and group: equal consecutive keys skip the probe.
    let lastLo = 0, lastHi = 0, lastG = -2;
    for (let i = 0; i < count; i++) {
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
      const h = hashes[i]! | 0;
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
    return this.slots.byteLength + this.size * 16 * Math.max(1, this.stores.length);
  }
}

/** `cap` slots of `stride` words, every group id -1 (empty). */
function emptySlots(cap: number, stride: number): Int32Array {
  const slots = new Int32Array(stride * cap);
  if (stride === 2) slots.fill(-1);
  else for (let s = 0; s < slots.length; s += stride) slots[s] = -1;
  return slots;
}
