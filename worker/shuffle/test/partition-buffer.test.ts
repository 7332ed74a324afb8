import { describe, expect, it } from 'vitest';
import { type LiteralValue, T, decimal, readValue, toArrowType } from '../../../core/index.ts';
import { PartitionBuffer } from '../partition-buffer.ts';
import { FIELDS, batchOf, literalRowStrings, prng, randomRows, rowStrings } from './support.ts';

describe('PartitionBuffer', () => {
  for (const keep of [false, true]) it(`gathers rows of every type from several batches, exactly (buffers ${keep ? 'kept' : 'released'} between fills)`, () => {
    const rand = prng(21);
    const buffer = new PartitionBuffer(FIELDS.map((f) => toArrowType(f.type)));
    const expected: LiteralValue[][] = [];
    // Later rounds are shorter than earlier ones: kept buffers hold stale values and bits past the new rows.
    for (let round = 0; round < 3; round++) {
      for (let b = 0; b < 5 - 2 * round; b++) {
        const rows = randomRows(rand, 100);
        const batch = batchOf(rows);
        // Rows 90, 3, 50..59 (any order, any subset).
        const idx = Int32Array.from([90, 3, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
        buffer.append(batch, idx, 1, idx.length);
        buffer.append(batch, idx, 0, 1);
        for (const r of [3, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 90]) expected.push(rows[r]!);
      }
      expect(buffer.rows).toBe(expected.length);
      expect(buffer.byteLength()).toBeGreaterThan(0);
      expect(rowStrings(buffer.toBatch())).toEqual(literalRowStrings(expected));
      buffer.clear(keep);
      expect(buffer.rows).toBe(0);
      expect(buffer.byteLength()).toBe(0);
      expected.length = 0;
    }
  });

  it('keeps float bits (NaN, -0), NULLs and long and empty strings', () => {
    const fields = [
      { name: 'f', type: T.float64, nullable: true }, { name: 's', type: T.text, nullable: true },
      { name: 'b', type: T.boolean, nullable: true }, { name: 'w', type: decimal(38, 0), nullable: true },
    ];
    const long = 'ü'.repeat(100);
    const rows: LiteralValue[][] = [[NaN, long, true, -(10n ** 37n)], [-0, '', false, 1n], [null, null, null, null], [1.5, 'abc', true, -1n]];
    const buffer = new PartitionBuffer(fields.map((f) => toArrowType(f.type)));
    buffer.append(batchOf(rows, fields), Int32Array.from([3, 2, 1, 0]), 0, 4);
    const out = buffer.toBatch();
    const read = (c: number, r: number): LiteralValue => readValue(out.column(c), fields[c]!.type, r);
    expect(Number.isNaN(read(0, 3))).toBe(true);
    expect(Object.is(read(0, 2), -0)).toBe(true);
    expect([read(1, 3), read(1, 2), read(1, 1), read(1, 0)]).toEqual([long, '', null, 'abc']);
    expect([read(2, 0), read(2, 1), read(2, 2), read(2, 3)]).toEqual([true, null, false, true]);
    expect([read(3, 0), read(3, 1), read(3, 2), read(3, 3)]).toEqual([-1n, null, 1n, -(10n ** 37n)]);
    expect(out.column(0).nullCount).toBe(1);
  });
});
