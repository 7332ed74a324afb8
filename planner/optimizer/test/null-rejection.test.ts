import { describe, expect, it } from 'vitest';
import { T } from '../../../core/index.ts';
import { rejectsNulls } from '../null-rejection.ts';
import { add, and, c, eq, gt, isNull, lit, not, or, PlanBuilder } from './plan-builder.ts';

describe('rejectsNulls', () => {
  const b = new PlanBuilder();
  const r = b.scan('r', ['a', 'b']);
  const l = b.scan('l', ['x']);
  const right = new Set([c(r, 'a').id, c(r, 'b').id]);

  it('is true for strict predicates over the side', () => {
    expect(rejectsNulls(gt(c(r, 'a'), lit(1)), right)).toBe(true);
    expect(rejectsNulls(eq(add(c(r, 'a'), lit(1)), c(l, 'x')), right)).toBe(true);
    expect(rejectsNulls(not(eq(c(r, 'b'), lit(2))), right)).toBe(true);
    expect(rejectsNulls({ kind: 'call', fn: 'is_not_null', args: [c(r, 'a')], type: T.boolean }, right)).toBe(true);
    expect(rejectsNulls(and(isNull(c(l, 'x')), gt(c(r, 'a'), lit(1))), right)).toBe(true);
    expect(rejectsNulls(or(gt(c(r, 'a'), lit(1)), gt(c(r, 'b'), lit(1))), right)).toBe(true);
  });

  it('is false when NULL can still pass', () => {
    expect(rejectsNulls(isNull(c(r, 'a')), right)).toBe(false);
    expect(rejectsNulls(or(gt(c(r, 'a'), lit(1)), gt(c(l, 'x'), lit(1))), right)).toBe(false);
    expect(rejectsNulls(gt(c(l, 'x'), lit(1)), right)).toBe(false);
    const coalesce = { kind: 'call' as const, fn: 'coalesce', args: [c(r, 'a'), lit(0)], type: T.int32 };
    expect(rejectsNulls(gt(coalesce, lit(1)), right)).toBe(false);
  });
});
