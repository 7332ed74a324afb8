/**
 * WindowExec against a brute-force reference: random partitions, ORDER BY
 * keys with ties and NULLs, every frame mode with offsets and every EXCLUDE
 * option; plus hand-checked edge cases (empty frames, RANGE over NULL keys,
 * lag/lead defaults, ntile, nth_value, FILTER).
 */
import { describe, expect, it } from 'vitest';
import { LochError, T, decimal, type DataType, type LiteralValue } from '../../../core/index.ts';
import type { Expr, FrameBound, LogicalPlan, PlanColumn, SortKey, WindowFrame, WindowFunctionCall } from '../../../planner/index.ts';
import { type Row, col, lit, newId, rng, run, table } from './support.ts';

type Bound = FrameBound['kind'];

function frame(mode: WindowFrame['mode'], start: Bound, startOff: number | null, end: Bound, endOff: number | null, exclude: WindowFrame['exclude'] = 'no_others'): WindowFrame {
  const off = (v: number | null): Expr | null => (v === null ? null : mode === 'range' ? lit(v, T.int32) : lit(BigInt(v), T.int64));
  return { mode, start: { kind: start, offset: off(startOff) }, end: { kind: end, offset: off(endOff) }, exclude };
}

function windowPlan(input: LogicalPlan, partitionBy: Expr[], orderBy: SortKey[], fns: { fn: string; args: Expr[]; type: DataType; frame: WindowFrame; filter?: Expr }[]): LogicalPlan {
  const functions: WindowFunctionCall[] = fns.map((f) => ({ fn: f.fn, args: f.args, filter: f.filter ?? null, frame: f.frame, type: f.type }));
  const columns: PlanColumn[] = fns.map((f, i) => ({ id: newId(), name: `w${i}`, type: f.type, nullable: true }));
  return { kind: 'window', input, partitionBy, orderBy, functions, columns };
}

/** Reference frame membership by definition, over rows (id, g, x) sorted within partitions by x (NULLs last), then id. */
function referenceFrames(rows: readonly { id: number; g: number; x: number | null }[], f: WindowFrame): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const parts = new Map<number, typeof rows[number][]>();
  for (const r of rows) { const p = parts.get(r.g) ?? []; p.push(r); parts.set(r.g, p); }
  const off = (b: FrameBound): number => (b.offset === null ? 0 : Number((b.offset as { value: LiteralValue }).value));
  for (const part of parts.values()) {
    part.sort((a, b) => (a.x === b.x ? a.id - b.id : a.x === null ? 1 : b.x === null ? -1 : a.x - b.x));
    const peerKey = (r: typeof part[number]): string => String(r.x);
    const groups: string[] = [];
    for (const r of part) if (groups[groups.length - 1] !== peerKey(r)) groups.push(peerKey(r));
    const groupOf = (r: typeof part[number]): number => groups.indexOf(peerKey(r));
    part.forEach((cur, i) => {
      const inStart = (j: number): boolean => {
        const o = part[j]!, b = f.start;
        switch (b.kind) {
          case 'unbounded_preceding': return true;
          case 'current_row': return f.mode === 'rows' ? j >= i : groupOf(o) >= groupOf(cur);
          case 'preceding': case 'following': {
            const d = b.kind === 'preceding' ? -off(b) : off(b);
            if (f.mode === 'rows') return j >= i + d;
            if (f.mode === 'groups') return groupOf(o) >= groupOf(cur) + d;
            if (cur.x === null) return o.x === null;
            return o.x !== null && o.x >= cur.x + d;
          }
          default: return false;
        }
      };
      const inEnd = (j: number): boolean => {
        const o = part[j]!, b = f.end;
        switch (b.kind) {
          case 'unbounded_following': return true;
          case 'current_row': return f.mode === 'rows' ? j <= i : groupOf(o) <= groupOf(cur);
          case 'preceding': case 'following': {
            const d = b.kind === 'preceding' ? -off(b) : off(b);
            if (f.mode === 'rows') return j <= i + d;
            if (f.mode === 'groups') return groupOf(o) <= groupOf(cur) + d;
            if (cur.x === null) return o.x === null;
            return o.x !== null && o.x <= cur.x + d;
          }
          default: return false;
        }
      };
      const excluded = (j: number): boolean => {
        switch (f.exclude) {
          case 'current_row': return j === i;
          case 'group': return groupOf(part[j]!) === groupOf(cur);
          case 'ties': return j !== i && groupOf(part[j]!) === groupOf(cur);
          default: return false;
        }
      };
      const members: number[] = [];
      for (let j = 0; j < part.length; j++) if (inStart(j) && inEnd(j) && !excluded(j)) members.push(j);
      out.set(cur.id, members.map((j) => part[j]!.id));
    });
  }
  return out;
}

const FRAMES: WindowFrame[] = [
  frame('rows', 'unbounded_preceding', null, 'current_row', null),
  frame('rows', 'preceding', 2, 'following', 1),
  frame('rows', 'following', 1, 'following', 3),
  frame('rows', 'preceding', 3, 'preceding', 1),
  frame('rows', 'current_row', null, 'unbounded_following', null, 'current_row'),
  frame('range', 'unbounded_preceding', null, 'current_row', null),
  frame('range', 'current_row', null, 'unbounded_following', null, 'ties'),
  frame('range', 'preceding', 2, 'following', 1),
  frame('range', 'preceding', 3, 'preceding', 1, 'group'),
  frame('range', 'unbounded_preceding', null, 'unbounded_following', null),
  frame('groups', 'preceding', 1, 'following', 1, 'group'),
  frame('groups', 'current_row', null, 'following', 2, 'ties'),
  frame('groups', 'preceding', 2, 'current_row', null, 'current_row'),
];

describe('WindowExec', () => {
  const random = rng(7);
  const data: Row[] = [];
  for (let id = 0; id < 120; id++) {
    const x = random() < 0.15 ? null : Math.floor(random() * 12);
    data.push([id, Math.floor(random() * 4), x, random() < 0.1 ? null : Math.floor(random() * 100) - 30]);
  }
  const byId = new Map(data.map((r) => [r[0] as number, r]));
  const input = () => table('t', [['id', T.int32], ['g', T.int32], ['x', T.int32], ['v', T.int32]], data, 7);

  for (const f of FRAMES) {
    const name = `${f.mode} ${f.start.kind}${f.start.offset ? ' ' + String((f.start.offset as { value: unknown }).value) : ''} .. ${f.end.kind}${f.end.offset ? ' ' + String((f.end.offset as { value: unknown }).value) : ''} exclude ${f.exclude}`;
    it(`aggregates and value functions over ${name}`, async () => {
      const t = input();
      const v = col(t, 'v');
      const orderBy: SortKey[] = [{ expr: col(t, 'x'), ascending: true, nullsFirst: false }];
      // ROWS frames and value functions need a total order: id breaks ties.
      if (f.mode === 'rows') orderBy.push({ expr: col(t, 'id'), ascending: true, nullsFirst: false });
      const fns = [
        { fn: 'sum', args: [v], type: T.int64, frame: f },
        { fn: 'count', args: [v], type: T.int64, frame: f },
        { fn: 'count_star', args: [], type: T.int64, frame: f },
        { fn: 'min', args: [v], type: T.int32, frame: f },
        { fn: 'max', args: [v], type: T.int32, frame: f },
        { fn: 'avg', args: [v], type: decimal(38, 16), frame: f },
        { fn: 'sum', args: [{ kind: 'cast', input: v, type: T.float64 } as Expr], type: T.float64, frame: f },
        ...(f.mode === 'rows' ? [
          { fn: 'first_value', args: [v], type: T.int32, frame: f },
          { fn: 'last_value', args: [v], type: T.int32, frame: f },
          { fn: 'nth_value', args: [v, lit(2, T.int32)], type: T.int32, frame: f },
        ] : []),
      ];
      const rows = await run(windowPlan(t, [col(t, 'g')], orderBy, fns));
      expect(rows).toHaveLength(data.length);
      const frames = referenceFrames(data.map((r) => ({ id: r[0] as number, g: r[1] as number, x: r[2] as number | null })), f);
      for (const r of rows) {
        const members = frames.get(r[0] as number)!.map((id) => byId.get(id)![3] as number | null);
        const vals = members.filter((m): m is number => m !== null);
        const sum = vals.reduce((a, b) => a + b, 0);
        const w = r.slice(4);
        expect(w[0], `sum for row ${r[0]}`).toBe(vals.length ? BigInt(sum) : null);
        expect(w[1]).toBe(BigInt(vals.length));
        expect(w[2]).toBe(BigInt(members.length));
        expect(w[3]).toBe(vals.length ? Math.min(...vals) : null);
        expect(w[4]).toBe(vals.length ? Math.max(...vals) : null);
        // avg is numeric(38,16): read as the scaled integer.
        if (vals.length) expect(Number(w[5]) / 1e16).toBeCloseTo(sum / vals.length, 10); else expect(w[5]).toBe(null);
        expect(w[6]).toBe(vals.length ? sum : null);
        if (f.mode === 'rows') {
          expect(w[7]).toBe(members.length ? members[0] : null);
          expect(w[8]).toBe(members.length ? members[members.length - 1] : null);
          expect(w[9]).toBe(members.length > 1 ? members[1] : null);
        }
      }
    });
  }

  it('ranks peers, NULLs last ascending, per partition', async () => {
    const t = table('t', [['g', T.text], ['x', T.int32]], [['a', 1], ['a', 1], ['a', 2], ['a', null], ['b', 5], ['b', null], ['b', null]], 2);
    const whole = frame('range', 'unbounded_preceding', null, 'current_row', null);
    const fns = ['row_number', 'rank', 'dense_rank'].map((fn) => ({ fn, args: [], type: T.int64, frame: whole }));
    const rows = await run(windowPlan(t, [col(t, 'g')], [{ expr: col(t, 'x'), ascending: true, nullsFirst: false }], [
      ...fns, { fn: 'percent_rank', args: [], type: T.float64, frame: whole }, { fn: 'cume_dist', args: [], type: T.float64, frame: whole },
      { fn: 'ntile', args: [lit(3, T.int32)], type: T.int32, frame: whole },
    ]));
    expect(rows).toEqual([
      ['a', 1, 1n, 1n, 1n, 0, 0.5, 1], ['a', 1, 2n, 1n, 1n, 0, 0.5, 1], ['a', 2, 3n, 3n, 2n, 2 / 3, 0.75, 2], ['a', null, 4n, 4n, 3n, 1, 1, 3],
      ['b', 5, 1n, 1n, 1n, 0, 1 / 3, 1], ['b', null, 2n, 2n, 2n, 0.5, 1, 2], ['b', null, 3n, 2n, 2n, 0.5, 1, 3],
    ]);
  });

  it('lag and lead with offsets, defaults and NULL offsets; descending NULLS FIRST', async () => {
    const t = table('t', [['x', T.int32], ['o', T.int32]], [[1, 1], [2, null], [3, 2], [null, 1]]);
    const f = frame('range', 'unbounded_preceding', null, 'current_row', null);
    const rows = await run(windowPlan(t, [], [{ expr: col(t, 'x'), ascending: false, nullsFirst: true }], [
      { fn: 'lag', args: [col(t, 'x'), lit(1, T.int32)], type: T.int32, frame: f },
      { fn: 'lead', args: [col(t, 'x'), col(t, 'o'), lit(-1, T.int32)], type: T.int32, frame: f },
      { fn: 'lag', args: [col(t, 'x'), lit(-1, T.int32), lit(0, T.int32)], type: T.int32, frame: f },
    ]));
    expect(rows).toEqual([[null, 1, null, 3, 3], [3, 2, null, 1, 2], [2, null, 3, null, 1], [1, 1, 2, -1, 0]]);
  });

  it('RANGE offsets: a NULL key frames its NULL peers; FILTER narrows aggregates; empty frames give NULL and 0', async () => {
    const t = table('t', [['x', T.int32], ['v', T.int32]], [[1, 10], [2, 20], [4, 40], [null, 5], [null, 6]]);
    const f = frame('range', 'preceding', 1, 'following', 0);
    const empty = frame('rows', 'following', 5, 'following', 9);
    const rows = await run(windowPlan(t, [], [{ expr: col(t, 'x'), ascending: true, nullsFirst: false }], [
      { fn: 'sum', args: [col(t, 'v')], type: T.int64, frame: f },
      { fn: 'sum', args: [col(t, 'v')], type: T.int64, frame: f, filter: { kind: 'call', fn: 'gt', args: [col(t, 'v'), lit(10, T.int32)], type: T.boolean } },
      { fn: 'count_star', args: [], type: T.int64, frame: empty },
      { fn: 'max', args: [col(t, 'v')], type: T.int32, frame: empty },
    ]));
    expect(rows).toEqual([
      [1, 10, 10n, null, 0n, null], [2, 20, 30n, 20n, 0n, null], [4, 40, 40n, 40n, 0n, null], [null, 5, 11n, null, 0n, null], [null, 6, 11n, null, 0n, null],
    ]);
  });

  it('IGNORE NULLS skips NULL arguments in lag/lead and frame value functions', async () => {
    const t = table('t', [['id', T.int32], ['x', T.int32]], [[1, 10], [2, null], [3, 30], [4, null], [5, 50], [6, null]]);
    const all = frame('rows', 'unbounded_preceding', null, 'unbounded_following', null);
    const before = frame('rows', 'unbounded_preceding', null, 'preceding', 1);
    const fns: { fn: string; args: Expr[]; type: DataType; frame: WindowFrame }[] = [
      { fn: 'lag', args: [col(t, 'x'), lit(1, T.int32)], type: T.int32, frame: all },
      { fn: 'lead', args: [col(t, 'x'), lit(2, T.int32), lit(-1, T.int32)], type: T.int32, frame: all },
      { fn: 'last_value', args: [col(t, 'x')], type: T.int32, frame: before },
      { fn: 'nth_value', args: [col(t, 'x'), lit(3, T.int32)], type: T.int32, frame: all },
    ];
    const plan = windowPlan(t, [], [{ expr: col(t, 'id'), ascending: true, nullsFirst: false }], fns);
    if (plan.kind !== 'window') throw new Error('expected a window plan');
    const ignoring: LogicalPlan = { ...plan, functions: plan.functions.map((f) => ({ ...f, ignoreNulls: true })) };
    expect(await run(ignoring)).toEqual([
      [1, 10, null, 50, null, 50], [2, null, 10, 50, 10, 50], [3, 30, 10, -1, 10, 50],
      [4, null, 30, -1, 30, 50], [5, 50, 30, -1, 30, 50], [6, null, 50, -1, 50, 50],
    ]);
  });

  it('DISTINCT aggregates count each value once per frame', async () => {
    const t = table('t', [['x', T.int32], ['y', T.int32]], [[1, 5], [2, 5], [3, 6], [4, null], [5, 6]]);
    const running = frame('range', 'unbounded_preceding', null, 'current_row', null);
    const sliding = frame('rows', 'preceding', 1, 'following', 1);
    const plan = windowPlan(t, [], [{ expr: col(t, 'x'), ascending: true, nullsFirst: false }], [
      { fn: 'count', args: [col(t, 'y')], type: T.int64, frame: running },
      { fn: 'sum', args: [col(t, 'y')], type: T.int64, frame: sliding },
    ]);
    if (plan.kind !== 'window') throw new Error('expected a window plan');
    const distinct: LogicalPlan = { ...plan, functions: plan.functions.map((f) => ({ ...f, distinct: true })) };
    expect(await run(distinct)).toEqual([[1, 5, 1n, 5n], [2, 5, 1n, 11n], [3, 6, 2n, 11n], [4, null, 2n, 6n], [5, 6, 2n, 6n]]);
  });

  it('fails like PostgreSQL on a non-positive ntile or nth_value argument', async () => {
    const t = table('t', [['x', T.int32]], [[1], [2]]);
    const f = frame('range', 'unbounded_preceding', null, 'current_row', null);
    const err = async (fn: string, args: Expr[]): Promise<LochError> => {
      try { await run(windowPlan(t, [], [], [{ fn, args, type: T.int32, frame: f }])); } catch (e) { if (e instanceof LochError) return e; throw e; }
      throw new Error('expected an error');
    };
    expect((await err('ntile', [lit(0, T.int32)])).sqlState).toBe('22014');
    expect((await err('nth_value', [col(t, 'x'), lit(0, T.int32)])).sqlState).toBe('22016');
  });
});
