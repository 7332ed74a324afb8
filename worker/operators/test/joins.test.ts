import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import { type Expr, type JoinType, createPhysicalPlan } from '../../../planner/index.ts';
import { and, col, eq, fn, ge, join, le, lit, lt, rng, run, sortedKeys, table, type Row } from './support.ts';

type Tri = boolean | null;
const triAnd = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === null || b === null ? null : true);

/**
 * The reference, pair by pair. `inEq` (for IN / NOT IN joins) is the IN equality:
 * among the pairs where `cond` is TRUE, TRUE matches and NULL is unknown.
 * Without `inEq`, a pair matches when `cond` is TRUE.
 */
function referenceJoin(type: JoinType, left: Row[], right: Row[], cond: (l: Row, r: Row) => Tri, inEq?: (l: Row, r: Row) => Tri): Row[] {
  const out: Row[] = [];
  const rightMatched = new Array<boolean>(right.length).fill(false);
  const nullsR = right[0] ? right[0].map(() => null) : [null, null];
  const nullsL = left[0] ? left[0].map(() => null) : [null, null];
  for (const l of left) {
    let matched = false, unknown = false;
    for (let j = 0; j < right.length; j++) {
      const c = cond(l, right[j]!);
      if (inEq) {
        if (c !== true) continue;
        const e = inEq(l, right[j]!);
        if (e === true) matched = true; else if (e === null) unknown = true;
        continue;
      }
      if (c === true) {
        matched = true;
        rightMatched[j] = true;
        if (type === 'inner' || type === 'left' || type === 'right' || type === 'full' || type === 'cross') out.push([...l, ...right[j]!]);
      }
    }
    if (!matched && (type === 'left' || type === 'full')) out.push([...l, ...nullsR]);
    if (type === 'semi' && matched) out.push(l);
    if (type === 'anti' && !matched) out.push(l);
    if (type === 'anti_null_aware' && !matched && !unknown) out.push(l);
    if (type === 'mark') out.push([...l, matched ? true : unknown ? null : false]);
  }
  if (type === 'right' || type === 'full') right.forEach((r, j) => { if (!rightMatched[j]) out.push([...nullsL, ...r]); });
  return out;
}

function randomRows(seed: number, n: number, keyRange: number, wide: boolean): Row[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const k = r() < 0.15 ? null : Math.floor(r() * keyRange);
    const v = r() < 0.1 ? null : Math.floor(r() * 10);
    return [wide && k !== null ? BigInt(k) : k, v];
  });
}

const keyEq = (l: Row, r: Row): Tri => (l[0] === null || r[0] === null ? null : BigInt(l[0] as number) === r[0]);
const valLt = (l: Row, r: Row): Tri => (l[1] === null || r[1] === null ? null : (l[1] as number) < (r[1] as number));
const valEq = (l: Row, r: Row): Tri => (l[1] === null || r[1] === null ? null : l[1] === r[1]);
const TRUE = (): Tri => true;

const cases: [string, Row[], Row[]][] = [
  ['random', randomRows(1, 40, 6, false), randomRows(2, 30, 6, true)],
  ['many duplicates', randomRows(3, 25, 2, false), randomRows(4, 25, 2, true)],
  ['empty build', randomRows(5, 10, 3, false), []],
  ['empty probe', [], randomRows(6, 10, 3, true)],
  ['no nulls on build', randomRows(7, 20, 4, false), randomRows(8, 20, 4, true).filter((r) => r[0] !== null)],
  // one build row per key: group g is build row g (no chains), and with a NULL key row it is not
  ['unique build keys', randomRows(9, 30, 12, false), [5, 2, 9, 0, 7, 11].map((k, i) => [BigInt(k), i])],
  ['unique build keys and a NULL', randomRows(10, 30, 12, false), [5, null, 9, 0, 7, 11].map((k, i) => [k === null ? null : BigInt(k), i])],
];

function sides(leftRows: Row[], rightRows: Row[], batchSize: number) {
  const L = table('l', [['a', T.int32], ['b', T.int32]], leftRows, batchSize);
  const R = table('r', [['x', T.int64], ['y', T.int32]], rightRows, batchSize);
  const a = col(L, 'a'), b = col(L, 'b'), x = col(R, 'x'), y = col(R, 'y');
  const x32: Expr = { kind: 'cast', input: x, type: T.int32 };
  return { L, R, a, b, x, y, x32 };
}

describe('joins against a nested-loop reference on random data', () => {
  const TYPES: JoinType[] = ['inner', 'left', 'right', 'full', 'semi', 'anti'];
  for (const [name, leftRows, rightRows] of cases) {
    for (const type of [...TYPES, 'mark' as const]) {
      for (const residual of [false, true]) {
        const label = type === 'mark' ? 'mark (EXISTS)' : type;
        it(`${label} join, ${name}, ${residual ? 'with' : 'without'} residual: hash and nested-loop agree with the reference`, async () => {
          for (const batchSize of [1, 3]) {
            const { L, R, a, b, x, y, x32 } = sides(leftRows, rightRows, batchSize);
            const ref = (l: Row, r: Row): Tri => (residual ? triAnd(keyEq(l, r), valLt(l, r)) : keyEq(l, r));
            const expected = sortedKeys(referenceJoin(type, leftRows, rightRows, ref));
            // a = x has different int widths (int32 vs int64): the hash join must still match them.
            const hashPlan = join(type, L, R, residual ? and(eq(a, x), lt(b, y)) : eq(a, x), true);
            expect(createPhysicalPlan(hashPlan).kind).toBe('hash_join');
            expect(sortedKeys(await run(hashPlan, { batchSize }))).toEqual(expected);
            // a <= x AND a >= x has no equi-conjunct: nested-loop join.
            const nlPlan = join(type, L, R, residual ? and(le(a, x32), ge(a, x32), lt(b, y)) : and(le(a, x32), ge(a, x32)), true);
            expect(createPhysicalPlan(nlPlan).kind).toBe('nested_loop_join');
            expect(sortedKeys(await run(nlPlan, { batchSize }))).toEqual(expected);
            // two int32 keys (a = x, b = y) share one packed 64-bit key in the hash table
            const ref2 = (l: Row, r: Row): Tri => triAnd(keyEq(l, r), valEq(l, r));
            const pairPlan = join(type, L, R, and(eq(a, x32), eq(b, y)), true);
            expect(sortedKeys(await run(pairPlan, { batchSize }))).toEqual(sortedKeys(referenceJoin(type, leftRows, rightRows, ref2)));
          }
        });
      }
    }
  }
});

describe('IN / NOT IN joins (null-aware) against the reference', () => {
  const corrs: [string, (l: Row, r: Row) => Tri, (e: ReturnType<typeof sides>) => Expr | null][] = [
    ['uncorrelated', TRUE, () => null],
    ['correlated by b < y', valLt, (e) => lt(e.b, e.y)],
    ['correlated by b = y (a second hash key)', valEq, (e) => eq(e.b, e.y)],
  ];
  for (const [name, leftRows, rightRows] of cases) {
    for (const type of ['anti_null_aware', 'mark'] as const) {
      for (const [corrName, corrRef, corrExpr] of corrs) {
        it(`${type === 'mark' ? 'mark (IN)' : 'NOT IN'}, ${name}, ${corrName}`, async () => {
          for (const batchSize of [1, 3]) {
            const e = sides(leftRows, rightRows, batchSize);
            const expected = sortedKeys(referenceJoin(type, leftRows, rightRows, corrRef, keyEq));
            const corr = corrExpr(e);
            const hashPlan = join(type, e.L, e.R, corr ? and(eq(e.a, e.x), corr) : eq(e.a, e.x));
            const hp = createPhysicalPlan(hashPlan);
            expect(hp.kind === 'hash_join' && hp.nullAware).toBe(true);
            expect(sortedKeys(await run(hashPlan, { batchSize }))).toEqual(expected);
            // An IN equality the planner cannot hash (a = x OR false) runs as a null-aware nested loop.
            const inEq = fn('or', [eq(e.a, e.x32), lit(false, T.boolean)]);
            const nlPlan = join(type, e.L, e.R, corr ? and(inEq, corr) : inEq);
            const np = createPhysicalPlan(nlPlan);
            expect(np.kind === 'nested_loop_join' && np.nullAwareCondition !== null).toBe(true);
            expect(sortedKeys(await run(nlPlan, { batchSize }))).toEqual(expected);
          }
        });
      }
    }
  }
});

describe('other joins', () => {
  it('cross join produces every pair', async () => {
    const L = table('l', [['a', T.int32]], [[1], [2], [null]], 2);
    const R = table('r', [['s', T.text]], [['p'], ['q']], 1);
    const got = await run(join('cross', L, R, null));
    expect(sortedKeys(got)).toEqual(sortedKeys([[1, 'p'], [1, 'q'], [2, 'p'], [2, 'q'], [null, 'p'], [null, 'q']]));
  });

  it('joins on multi-column text and date keys with heavy duplication', async () => {
    const leftRows: Row[] = [], rightRows: Row[] = [];
    for (let i = 0; i < 60; i++) leftRows.push([`k${i % 3}`, 19000 + (i % 2), i]);
    for (let i = 0; i < 40; i++) rightRows.push([`k${i % 4}`, 19000 + (i % 3), i]);
    const L = table('l', [['s', T.text], ['d', T.date], ['i', T.int32]], leftRows, 3);
    const R = table('r', [['s2', T.text], ['d2', T.date], ['j', T.int32]], rightRows, 2);
    const got = await run(join('inner', L, R, and(eq(col(L, 's'), col(R, 's2')), eq(col(L, 'd'), col(R, 'd2')))));
    const expected = referenceJoin('inner', leftRows, rightRows, (l, r) => l[0] === r[0] && l[1] === r[1]);
    expect(got.length).toBe(expected.length);
    expect(sortedKeys(got)).toEqual(sortedKeys(expected));
  });
});
