import { describe, expect, it } from 'vitest';
import { Batch, T, columnFromValues, decimal, readValue } from '../../../core/index.ts';
import { type Expr, col, lit } from '../../../planner/index.ts';
import { resolveOperator as op } from '../../../planner/functions/index.ts';
import { compileExpr } from '../index.ts';

const money = decimal(15, 2);
const price = col(1, 'price', money);
const disc = col(2, 'disc', money);
const tax = col(3, 'tax', money);
const one = lit(1, T.int32);

function batchOf(p: number[], d: number[], t: number[], selection: number[] | null = null): Batch {
  return new Batch([columnFromValues(money, p), columnFromValues(money, d), columnFromValues(money, t)], p.length, selection ? Int32Array.from(selection) : null);
}

/** Values at the selected rows (decimals as scaled integers). */
function read(e: { type: Parameters<typeof readValue>[1]; evaluate(b: Batch): Parameters<typeof readValue>[0] }, b: Batch): unknown[] {
  const out = e.evaluate(b);
  const rows = b.selection ? Array.from(b.selection) : Array.from({ length: b.numRows }, (_, i) => i);
  return rows.map((i) => readValue(out, e.type, i));
}

describe('shared arithmetic subexpressions and scratch results', () => {
  // TPC-H Q1's sum_disc_price and sum_charge: the discounted price appears in both
  const discPrice = (): Expr => op('*', [price, op('-', [one, disc])]);
  const charge = (): Expr => op('*', [discPrice(), op('+', [one, tax])]);

  it('equal results across batches, with the discounted price computed once per batch', () => {
    const layout = new Map([[1, 0], [2, 1], [3, 2]]);
    const a = compileExpr(discPrice(), layout, true);
    const b = compileExpr(charge(), layout, true);
    const b1 = batchOf([10000, 2000, 350], [10, 0, 50], [5, 10, 0]);
    const b2 = batchOf([700, 800], [25, 50], [0, 100]);
    expect(read(a, b1).map(String)).toEqual(['900000', '200000', '17500']);
    expect(read(b, b1).map(String)).toEqual(['94500000', '22000000', '1750000']);
    // the second batch is shorter and reuses the same buffers
    expect(read(a, b2).map(String)).toEqual(['52500', '40000']);
    expect(read(b, b2).map(String)).toEqual(['5250000', '8000000']);
    // one node: the second root evaluates the shared subtree from its cache for the same batch
    const first = a.evaluate(b1);
    expect(a.evaluate(b1)).toBe(first);
  });

  it('a root result (not transient) survives the next batch', () => {
    const layout = new Map([[1, 0], [2, 1], [3, 2]]);
    const a = compileExpr(discPrice(), layout);
    const b = compileExpr(charge(), layout);
    const b1 = batchOf([10000, 2000], [10, 0], [5, 10]);
    const kept = a.evaluate(b1);
    const keptCharge = b.evaluate(b1);
    b.evaluate(batchOf([100, 200], [50, 50], [50, 50]));
    a.evaluate(batchOf([300, 400], [50, 50], [50, 50]));
    expect([0, 1].map((i) => String(readValue(kept, a.type, i)))).toEqual(['900000', '200000']);
    expect([0, 1].map((i) => String(readValue(keptCharge, b.type, i)))).toEqual(['94500000', '22000000']);
  });

  it('a narrowed selection recomputes (a new Batch) and only selected rows are read', () => {
    const layout = new Map([[1, 0], [2, 1], [3, 2]]);
    const b = compileExpr(charge(), layout, true);
    const full = batchOf([1000, 2000, 3000, 4000], [10, 20, 30, 40], [0, 0, 0, 100]);
    expect(read(b, full).map(String)).toEqual(['9000000', '16000000', '21000000', '48000000']);
    expect(read(b, full.withSelection(Int32Array.from([1, 3]))).map(String)).toEqual(['16000000', '48000000']);
  });

  it('NULL operands stay NULL through scratch intermediates', () => {
    const layout = new Map([[1, 0], [2, 1], [3, 2]]);
    const b = compileExpr(charge(), layout, true);
    const batch = new Batch([
      columnFromValues(money, [1000, null, 3000]),
      columnFromValues(money, [10, 20, null]),
      columnFromValues(money, [0, 0, 0]),
    ], 3, null);
    expect(read(b, batch).map((v) => (v === null ? null : String(v)))).toEqual(['9000000', null, null]);
  });
});
