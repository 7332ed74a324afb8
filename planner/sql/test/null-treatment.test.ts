import { describe, expect, it } from 'vitest';
import { rewriteNullTreatment } from '../null-treatment.ts';

describe('IGNORE NULLS / RESPECT NULLS rewrite (null-treatment.ts)', () => {
  it('before OVER: the IGNORE NULLS offset is recorded, the words blanked', () => {
    const r = rewriteNullTreatment('SELECT lag(x) IGNORE NULLS OVER (ORDER BY y) FROM t');
    expect(r.text).toBe('SELECT lag(x)              OVER (ORDER BY y) FROM t');
    expect(r.ignoreNulls).toEqual([14]);
    expect(r.ignoreNullsCalls).toEqual([]);
  });

  it('after an aggregate call and inside its parentheses: the call start is recorded', () => {
    const after = rewriteNullTreatment('SELECT array_agg(x ORDER BY y) IGNORE NULLS AS a, first_value(x) RESPECT NULLS FROM t');
    expect(after.text).toBe('SELECT array_agg(x ORDER BY y)              AS a, first_value(x)               FROM t');
    expect(after.ignoreNullsCalls).toEqual([7]);
    expect(after.respectNullsCalls).toEqual([50]);
    const inside = rewriteNullTreatment('SELECT ARRAY_AGG(DISTINCT x IGNORE NULLS), lag(x ignore nulls) OVER () FROM t');
    expect(inside.ignoreNullsCalls).toEqual([7, 43]);
  });

  it('WITHIN GROUP (…) and FILTER (…) lead back to their call', () => {
    const r = rewriteNullTreatment('SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c) RESPECT NULLS, count(x) FILTER (WHERE x > 0) IGNORE NULLS FROM t');
    expect(r.respectNullsCalls).toEqual([7]);
    expect(r.ignoreNullsCalls).toEqual([69]);
  });

  it('quoted text and words that are not a null treatment stay', () => {
    const sql = `SELECT 'x) ignore nulls', "ignore nulls" FROM t WHERE ignore nulls`;
    expect(rewriteNullTreatment(sql)).toEqual({ text: sql, ignoreNulls: [], ignoreNullsCalls: [], respectNullsCalls: [] });
  });
});
