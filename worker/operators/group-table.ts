/**
 * Multi-column keys → dense group ids (0, 1, 2, … in order of first
 * appearance; NULL keys equal each other). Shared by hash aggregation,
 * DISTINCT, set operations and the hash join build. Three layouts:
 *
 *   one int key          IntKeyTable (int-key-table.ts): direct-addressed while
 *                        dense, else hashed slots holding the key inline
 *   two narrow int keys  packed into one 64-bit key (first key the high word)
 *                        in an IntKeyTable, while no key is NULL or wider than
 *                        32 bits (TPC-H's (ps_partkey, ps_suppkey));
 *                        otherwise the groups move to the generic table
 *   anything else        generic: open addressing, linear probing, 2 words per slot
 *                          [group id + 1, 0 = empty | hash] — the hash is checked
 *                          before comparing the keys held in stores[k] (key-store.ts)
 *
 * Hashes come from worker/kernels/hash.ts, for a whole batch at a time
 * (generic layout only: see `needsHashes`).
 */
import * as arrow from 'apache-arrow';
import { hashColumns } from '../kernels/hash.ts';
import { IntStore, type KeyStore, createKeyStore } from './key-store.ts';
import { type IntKeyInput, IntKeyTable, intKeyInput, isWideInt } from './int-key-table.ts';

/** True for int keys of at most 32 bits (stored as IntStore words). */
function isNarrowInt(t: arrow.DataType): boolean {
  return (t.typeId === arrow.Type.Int || t.typeId === arrow.Type.Date || t.typeId === arrow.Type.Time) && !isWideInt(t)
    && !(t.typeId === arrow.Type.Date && (t as arrow.Date_).unit !== arrow.DateUnit.DAY);
}

/** Multi-column keys → dense group ids (NULL keys equal each other). */
export class GroupTable {
  private readonly keyTypes: readonly arrow.DataType[];
  private readonly initialCapacity: number;
  /** One int key, or two packed narrow int keys; null in the generic layout. */
  private ints: IntKeyTable | null;
  /** True while two narrow int keys are packed into `ints`. */
  private packed: boolean;
  /** Packed layout: the (lo, hi) words of the current batch, by physical row. */
  private packWords = new Int32Array(0);
  private stores: KeyStore[] = [];
  /** Generic layout: 2 words per slot (see above). */
  private slots = new Int32Array(0);
  private mask = -1;
  private genericSize = 0;

  /** `keyTypes`: the Arrow types the keys are stored and output as. */
  constructor(keyTypes: readonly arrow.DataType[], initialCapacity = 1024) {
    this.keyTypes = keyTypes;
    this.initialCapacity = initialCapacity;
    this.packed = keyTypes.length === 2 && isNarrowInt(keyTypes[0]!) && isNarrowInt(keyTypes[1]!);
    const single = keyTypes.length === 1 && createKeyStore(keyTypes[0]!) instanceof IntStore;
    this.ints = single || this.packed ? new IntKeyTable(this.packed ? new arrow.Int64() : keyTypes[0]!, initialCapacity, this.packed) : null;
    if (this.ints === null) this.startGeneric();
  }

  /** Number of groups (set by callers that count groups themselves: no keys means one group). */
  get size(): number { return this.ints !== null ? this.ints.size : this.genericSize; }
  set size(n: number) { if (this.ints !== null) this.ints.size = n; else this.genericSize = n; }

  /** False for the int layouts: `insert`/`lookup` then ignore hashes and accept null. */
  get needsHashes(): boolean { return this.ints === null; }

  /** True while one int key is direct-addressed (tests, diagnostics). */
  get directAddressed(): boolean { return this.ints !== null && !this.packed && this.ints.directAddressed; }

  /**
   * Finds or inserts the group of each row `rows[i]` (i < count) with hash
   * `hashes[i]`; writes group ids to `out[i]`. `skip[i] === 1` leaves out[i] = -1.
   * Hashes may be null (computed when needed).
   */
  insert(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array | null, out: Int32Array, skip: Uint8Array | null = null): void {
    this.find(keys, rows, count, hashes, out, skip, true);
  }

  /** Like `insert` but never adds: unknown keys get -1. */
  lookup(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array | null, out: Int32Array, skip: Uint8Array | null = null): void {
    this.find(keys, rows, count, hashes, out, skip, false);
  }

  private find(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array | null, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    if (this.packed) {
      const input = this.pack(keys, rows, count, skip);
      if (input !== null) { this.ints!.find(input, rows, count, out, skip, add); return; }
      this.toGeneric();
    }
    if (this.ints !== null) { this.ints.find(intKeyInput(keys[0]!), rows, count, out, skip, add); return; }
    this.findGeneric(keys, rows, count, hashes ?? hashColumns(keys, rows, count), out, skip, add);
  }

  /**
   * Two narrow int keys as one 64-bit key per row (first key the high word);
   * null when a key column is not a narrow int column or a row not skipped
   * has a NULL (the generic layout then takes over).
   */
  private pack(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, skip: Uint8Array | null): IntKeyInput | null {
    const k0 = keys[0]!, k1 = keys[1]!;
    if (!isNarrowInt(k0.type) || !isNarrowInt(k1.type)) return null;
    const a = intKeyInput(k0), b = intKeyInput(k1);
    if ((a.valid !== null || b.valid !== null) && !noNulls(a.valid, b.valid, rows, count, skip)) return null;
    const hi = a.narrow!, lo = b.narrow!;
    if (this.packWords.length < 2 * k0.length) this.packWords = new Int32Array(2 * Math.max(k0.length, 1024));
    const w = this.packWords;
    if (rows === null) for (let r = 0; r < count; r++) { w[2 * r] = lo[r]!; w[2 * r + 1] = hi[r]!; }
    else for (let i = 0; i < count; i++) { const r = rows[i]!; w[2 * r] = lo[r]!; w[2 * r + 1] = hi[r]!; }
    return { wide: w, narrow: null, valid: null };
  }

  /** Packed → generic: the groups are inserted in id order, so every id stays. */
  private toGeneric(): void {
    const keys = this.keyColumns();
    const n = this.ints!.size;
    this.ints = null;
    this.packed = false;
    this.startGeneric();
    if (n > 0) this.findGeneric(keys, null, n, hashColumns(keys, null, n), new Int32Array(n), null, true);
  }

  private startGeneric(): void {
    this.stores = this.keyTypes.map(createKeyStore);
    let cap = 16;
    while (cap < this.initialCapacity * 2) cap *= 2;
    this.slots = new Int32Array(2 * cap);
    this.mask = cap - 1;
  }

  private keysEqual(g: number, row: number): boolean {
    const stores = this.stores;
    for (let k = 0; k < stores.length; k++) if (!stores[k]!.equals(g, row)) return false;
    return true;
  }

  /** The generic layout's insert/lookup. */
  private findGeneric(keys: readonly arrow.Data[], rows: Int32Array | null, count: number, hashes: Uint32Array, out: Int32Array, skip: Uint8Array | null, add: boolean): void {
    const stores = this.stores;
    for (let k = 0; k < stores.length; k++) stores[k]!.bind(keys[k]!);
    let slots = this.slots, mask = this.mask;
    for (let i = 0; i < count; i++) {
      if (skip !== null && skip[i] === 1) { out[i] = -1; continue; }
      const row = rows ? rows[i]! : i;
      const h = hashes[i]! | 0;
      let slot = h & mask;
      let g: number;
      while ((g = slots[2 * slot]! - 1) !== -1) {
        if (slots[2 * slot + 1] === h && this.keysEqual(g, row)) break;
        slot = (slot + 1) & mask;
      }
      if (g === -1 && add) {
        g = this.genericSize++;
        for (let k = 0; k < stores.length; k++) stores[k]!.append(row);
        slots[2 * slot] = g + 1;
        slots[2 * slot + 1] = h;
        if (this.genericSize * 2 > mask + 1) { this.rehash(); slots = this.slots; mask = this.mask; }
      }
      out[i] = g;
    }
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * cap);
    const mask = cap - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue;
      const h = old[s + 1]!;
      let slot = h & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[s]!;
      slots[2 * slot + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The key columns of all groups, in group id order. */
  keyColumns(): arrow.Data[] {
    if (this.ints === null) return this.stores.map((s) => s.build());
    if (!this.packed) return [this.ints.store.build()];
    // unpack: the high words are the first key, the low words the second
    const n = this.ints.size, words = this.ints.store.wordArray;
    return [0, 1].map((k) => {
      const type = this.keyTypes[k]!;
      const out = type.typeId === arrow.Type.Int && (type as arrow.Int).bitWidth === 16 ? new Int16Array(n) : new Int32Array(n);
      for (let g = 0; g < n; g++) out[g] = words[2 * g + 1 - k]!;
      return arrow.makeData({ type, length: n, data: out, nullCount: 0 } as never);
    });
  }

  /** Approximate bytes held (memory accounting). */
  byteSize(): number {
    if (this.ints !== null) return this.ints.byteSize() + this.packWords.byteLength;
    return this.slots.byteLength + this.genericSize * 16 * Math.max(1, this.stores.length);
  }
}

/** True when no row `rows[i]` (i < count, not skipped) is NULL in either validity bitmap. */
function noNulls(a: Uint8Array | null, b: Uint8Array | null, rows: Int32Array | null, count: number, skip: Uint8Array | null): boolean {
  for (let i = 0; i < count; i++) {
    if (skip !== null && skip[i] === 1) continue;
    const r = rows ? rows[i]! : i;
    if (a !== null && ((a[r >> 3]! >> (r & 7)) & 1) === 0) return false;
    if (b !== null && ((b[r >> 3]! >> (r & 7)) & 1) === 0) return false;
  }
  return true;
}
