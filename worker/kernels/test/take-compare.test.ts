import { describe, expect, it } from 'vitest';
import { Batch, T, columnFromValues, decimal, readValue } from '../../../core/index.ts';
import { selectCompareNumberScalar, selectCompareNumberScalarAll, selectTextInList } from '../compare.ts';
import { makeCrossComparator, makeSortComparator } from '../sort-compare.ts';
import { materialize, take } from '../take.ts';

const enc = new TextEncoder();

function textColumn(values: readonly string[]): { offsets: Int32Array; bytes: Uint8Array } {
  const d = columnFromValues(T.text, values);
  return { offsets: d.valueOffsets as Int32Array, bytes: d.values as Uint8Array };
}

describe('selectTextInList', () => {
  const { offsets, bytes } = textColumn(['MAIL', 'SHIP', 'AIR', '', 'MAILS', 'RAIL', 'SHIP', 'TRUCK']);
  const all = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);

  it('matches whole values of any listed length only', () => {
    const consts = ['MAIL', 'SHIP', 'TRUCK'].map((s) => enc.encode(s));
    expect(Array.from(selectTextInList(offsets, bytes, consts, all))).toEqual([0, 1, 6, 7]);
    expect(Array.from(selectTextInList(offsets, bytes, consts, Int32Array.from([1, 4, 5, 7])))).toEqual([1, 7]);
  });

  it('handles the empty string and a list with no hits', () => {
    expect(Array.from(selectTextInList(offsets, bytes, [enc.encode('')], all))).toEqual([3]);
    expect(Array.from(selectTextInList(offsets, bytes, [enc.encode('FOB'), enc.encode('REG AIR')], all))).toEqual([]);
  });

  it('returns the input selection itself when every row matches', () => {
    const sel = Int32Array.from([0, 1, 6]);
    expect(selectTextInList(offsets, bytes, [enc.encode('SHIP'), enc.encode('MAIL')], sel)).toBe(sel);
  });
});

describe('number compare selections', () => {
  const lanes = Float64Array.from([1, 5, 3, 9]);
  it('all-pass results are the input selection (or the identity) without a copy', () => {
    const sel = Int32Array.from([1, 3]);
    expect(selectCompareNumberScalar('gt', lanes, 2, sel)).toBe(sel);
    expect(Array.from(selectCompareNumberScalar('gt', lanes, 6, sel))).toEqual([3]);
    expect(Array.from(selectCompareNumberScalarAll('ge', lanes, 1, 4))).toEqual([0, 1, 2, 3]);
    expect(Array.from(selectCompareNumberScalarAll('lt', lanes, 4, 4))).toEqual([0, 2]);
  });
});

describe('take', () => {
  it('gathers without NULLs and produces no validity bitmap', () => {
    const d = columnFromValues(T.int64, [10n, 20n, 30n]);
    const out = take(d, Int32Array.from([2, 0, 2]));
    expect(out.nullCount).toBe(0);
    expect([0, 1, 2].map((i) => readValue(out, T.int64, i))).toEqual([30n, 10n, 30n]);
  });

  it('-1 indexes and NULL inputs become NULL', () => {
    const d = columnFromValues(T.float64, [1.5, null, 3.5]);
    const out = take(d, Int32Array.from([2, -1, 1, 0]));
    expect(out.nullCount).toBe(2);
    expect([0, 1, 2, 3].map((i) => readValue(out, T.float64, i))).toEqual([3.5, null, null, 1.5]);
    const t = take(columnFromValues(T.text, ['a', 'bc', 'd']), Int32Array.from([-1, 1]));
    expect([0, 1].map((i) => readValue(t, T.text, i))).toEqual([null, 'bc']);
  });

  it('materialize gathers the selected rows of every column', () => {
    const b = new Batch([columnFromValues(T.int32, [1, 2, 3, 4]), columnFromValues(T.text, ['w', 'x', null, 'z'])], 4, Int32Array.from([1, 2]));
    const m = materialize(b);
    expect(m.selection).toBeNull();
    expect([0, 1].map((i) => readValue(m.column(0), T.int32, i))).toEqual([2, 3]);
    expect([0, 1].map((i) => readValue(m.column(1), T.text, i))).toEqual(['x', null]);
  });
});

describe('Decimal128 and int64 sort comparators (word views made once)', () => {
  const wide = decimal(38, 2);
  const a = columnFromValues(wide, [5n, -3n, 2n ** 70n, null, -(2n ** 70n), 5n]);
  const order = (cmp: (x: number, y: number) => number): number[] => [0, 1, 2, 3, 4, 5].sort((x, y) => cmp(x, y) || x - y);

  it('orders one column with direction and NULL placement', () => {
    expect(order(makeSortComparator(a, true, false))).toEqual([4, 1, 0, 5, 2, 3]);
    expect(order(makeSortComparator(a, false, true))).toEqual([3, 2, 0, 5, 1, 4]);
    const i64 = columnFromValues(T.int64, [2n ** 40n, -1n, 0n, -(2n ** 40n), 7n, 1n]);
    expect(order(makeSortComparator(i64, true, false))).toEqual([3, 1, 2, 5, 4, 0]);
  });

  it('compares rows of two columns', () => {
    const b = columnFromValues(wide, [4n, 2n ** 70n]);
    const cmp = makeCrossComparator(a, b, true, false);
    expect(Math.sign(cmp(0, 0))).toBe(1);
    expect(Math.sign(cmp(1, 0))).toBe(-1);
    expect(cmp(2, 1)).toBe(0);
    expect(Math.sign(cmp(3, 0))).toBe(1);
  });
});
