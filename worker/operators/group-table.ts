/**
 * An open-addressing hash table from multi-column keys to dense group ids
 * (0, 1, 2, … in order of first appearance). Shared by hash aggregation,
 * DISTINCT, set operations and the hash join build.
 *
 *   slots  (Int32Array, power of two, linear probing)  ─► group id or -1
 *   groupHash[g] (Uint32)   checked before comparing keys
 *   stores[k]   (key-store.ts) hold the key values of each group
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
  private slots: Int32Array;
  private mask: number;
  private groupHash: Uint32Array;
  size = 0;

  /** `keyTypes`: the Arrow types the keys are stored and output as. */
  constructor(keyTypes: readonly arrow.DataType[], initialCapacity = 1024) {
    this.stores = keyTypes.map(createKeyStore);
    this.intStore = this.stores.length === 1 && this.stores[0] instanceof IntStore ? this.stores[0] : null;
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.groupHash = new Uint32Array(Math.max(16, initialCapacity));
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
      const h = hashes[i]!;
      let slot = h & this.mask;
      let g: number;
      while ((g = this.slots[slot]!) !== -1) {
        if (this.groupHash[g] === h && this.keysEqual(g, row)) break;
        slot = (slot + 1) & this.mask;
      }
      if (g === -1) {
        g = this.size++;
        if (g >= this.groupHash.length) { const b = new Uint32Array(this.groupHash.length * 2); b.set(this.groupHash); this.groupHash = b; }
        this.groupHash[g] = h;
        for (let k = 0; k < this.stores.length; k++) this.stores[k]!.append(row);
        this.slots[slot] = g;
        if (this.size * 2 > this.slots.length) this.rehash();
      }
      out[i] = g;
    }
  }

  /** Like `insert` but never adds: unknown keys get -1. */
  lookup(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null = null): void {
    if (this.intStore !== null) { this.findInt(keys[0]!, rows, count, hashes, out, skip, false); return; }
    this.bind(keys);
    const slots = this.slots, mask = this.mask, groupHash = this.groupHash;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      const h = hashes[i]!;
      let slot = h & mask;
      let g: number;
      while ((g = slots[slot]!) !== -1) {
        if (groupHash[g] === h && this.keysEqual(g, row)) break;
        slot = (slot + 1) & mask;
      }
      out[i] = g;
    }
  }

  /** insert/lookup for one integer key column, comparing (lo, hi) words inline. */
  private findInt(data: arrow.Data, rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const store = this.intStore!;
    const t = data.type;
    const wide = t.typeId === arrow.Type.Timestamp || (t.typeId === arrow.Type.Int && (t as arrow.Int).bitWidth === 64);
    const v = data.values as ArrayBufferView;
    const w = wide ? new Int32Array(v.buffer, v.byteOffset, data.length * 2) : null;
    const narrow = wide ? null : (v as Int32Array | Int16Array);
    const valid = validityOf(data);
    let words = store.wordArray, nulls = store.nullFlags;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      const isNull = valid !== null && ((valid[row >> 3]! >> (row & 7)) & 1) === 0;
      let lo: number, hi: number;
      if (w !== null) { lo = w[2 * row]!; hi = w[2 * row + 1]!; } else { lo = narrow![row]!; hi = lo >> 31; }
      const h = hashes[i]!;
      let slot = h & this.mask;
      let g: number;
      while ((g = this.slots[slot]!) !== -1) {
        if (this.groupHash[g] === h && (nulls[g] === 1 ? isNull : !isNull && words[2 * g] === lo && words[2 * g + 1] === hi)) break;
        slot = (slot + 1) & this.mask;
      }
      if (g === -1 && add) {
        g = this.size++;
        if (g >= this.groupHash.length) { const b = new Uint32Array(this.groupHash.length * 2); b.set(this.groupHash); this.groupHash = b; }
        this.groupHash[g] = h;
        store.appendWords(lo, hi, isNull);
        words = store.wordArray;
        nulls = store.nullFlags;
        this.slots[slot] = g;
        if (this.size * 2 > this.slots.length) this.rehash();
      }
      out[i] = g;
    }
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let g = 0; g < this.size; g++) {
      let slot = this.groupHash[g]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = g;
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
    return this.slots.byteLength + this.groupHash.byteLength + this.size * 16 * Math.max(1, this.stores.length);
  }
}
