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
  /** 2 words per slot: group id (-1 = empty), hash (as int32). */
  private slots: Int32Array;
  /** Number of slots - 1. */
  private mask: number;
  size = 0;

  /** `keyTypes`: the Arrow types the keys are stored and output as. */
  constructor(keyTypes: readonly arrow.DataType[], initialCapacity = 1024) {
    this.stores = keyTypes.map(createKeyStore);
    this.intStore = this.stores.length === 1 && this.stores[0] instanceof IntStore ? this.stores[0] : null;
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slots = new Int32Array(2 * cap).fill(-1);
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

  /** insert/lookup for one integer key column, comparing (lo, hi) words inline. */
  private findInt(data: arrow.Data, rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const store = this.intStore!;
    const t = data.type;
    const wide = t.typeId === arrow.Type.Timestamp || t.typeId === arrow.Type.Time || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
    const v = data.values as ArrayBufferView;
    const w = wide ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : null;
    const narrow = wide ? null : (v as Int32Array | Int16Array);
    const valid = validityOf(data);
    let words = store.wordArray, nulls = store.nullFlags;
    let slots = this.slots, mask = this.mask;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      const isNull = valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0;
      let lo: number, hi: number;
      if (w !== null) { lo = w[2 * row]!; hi = w[2 * row + 1]!; } else { lo = narrow![row]!; hi = lo >> 31; }
      const h = hashes[i]! | 0;
      let slot = h & mask;
      let g: number;
      while ((g = slots[2 * slot]!) !== -1) {
        if (slots[2 * slot + 1] === h && (nulls[g] === 1 ? isNull : !isNull && words[2 * g] === lo && words[2 * g + 1] === hi)) break;
        slot = (slot + 1) & mask;
      }
      if (g === -1 && add) {
        g = this.size++;
        store.appendWords(lo, hi, isNull);
        words = store.wordArray;
        nulls = store.nullFlags;
        slots[2 * slot] = g;
        slots[2 * slot + 1] = h;
        if (this.size * 2 > mask + 1) { this.rehash(); slots = this.slots; mask = this.mask; }
      }
      out[i] = g;
    }
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * cap).fill(-1);
    const mask = cap - 1;
    for (let s = 0; s < old.length; s += 2) {
      const g = old[s]!;
      if (g === -1) continue;
      const h = old[s + 1]!;
      let slot = h & mask;
      while (slots[2 * slot] !== -1) slot = (slot + 1) & mask;
      slots[2 * slot] = g;
      slots[2 * slot + 1] = h;
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
