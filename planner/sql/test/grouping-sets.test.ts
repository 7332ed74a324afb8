import { beforeAll, describe, expect, it } from 'vitest';
import { LochError } from '../../../core/index.ts';
import type { AstExpr } from '../ast.ts';
import { groupingSetsOf, type GroupingSpec } from '../grouping-sets.ts';
import { initParser, parseSql } from '../index.ts';

const col = (name: string): GroupingSpec => ({ kind: 'expr', expr: { kind: 'column', parts: [name], location: 0 } });
const names = (sets: readonly (readonly AstExpr[])[]) => sets.map((s) => s.map((e) => (e.kind === 'column' ? e.parts[0] : '?')).join(''));

describe('grouping sets', () => {
  beforeAll(() => initParser());

  it('expands ROLLUP, CUBE, nested sets and the cross product of items', () => {
    expect(names(groupingSetsOf([{ kind: 'rollup', items: [col('a'), col('b'), col('c')] }]))).toEqual(['abc', 'ab', 'a', '']);
    expect(names(groupingSetsOf([{ kind: 'cube', items: [col('a'), col('b')] }]))).toEqual(['ab', 'a', 'b', '']);
    expect(names(groupingSetsOf([col('x'), { kind: 'sets', items: [{ kind: 'simple', items: [col('a'), col('b')] }, { kind: 'empty' }] }]))).toEqual(['xab', 'x']);
    expect(names(groupingSetsOf([{ kind: 'rollup', items: [col('a')] }, { kind: 'rollup', items: [col('b')] }]))).toEqual(['ab', 'a', 'b', '']);
  });

  it('rewrites a ROLLUP query into a union of GROUP BY branches under an ordered wrapper', () => {
    const q = parseSql('SELECT a, sum(x), grouping(a) FROM t GROUP BY ROLLUP (a) ORDER BY 1')[0]!.statement;
    if (q.kind !== 'query' || q.query.kind !== 'select') throw new Error('expected a select');
    const inner = q.query.from[0]!;
    expect(inner.kind).toBe('subquery');
    if (inner.kind !== 'subquery') return;
    expect(inner.query).toMatchObject({ kind: 'set_operation', op: 'union', all: true });
    expect(q.query.orderBy).toHaveLength(1);
  });

  it('refuses grouping() of a non-grouping expression (42803)', () => {
    let error: unknown;
    try { parseSql('SELECT a, grouping(b) FROM t GROUP BY a'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(LochError);
    expect((error as LochError).sqlState).toBe('42803');
  });
});
