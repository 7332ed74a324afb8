/** JOIN … USING (k): PostgreSQL's merged key column — the right side's for RIGHT, COALESCE(left, right) for FULL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('JOIN … USING', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, "create temp table a (k int, x text); create temp table b (k int, y text); insert into a values (1, 'a1'), (2, 'a2'); insert into b values (2, 'b2'), (3, 'b3')");
  });
  afterAll(() => engine?.close());

  it('RIGHT JOIN keeps the right side key for right-only rows', async () => {
    expect(await queryText(engine, 'select k, x, y from a right join b using (k) order by k')).toEqual([['2', 'a2', 'b2'], ['3', null, 'b3']]);
  });

  it("FULL JOIN merges the keys; qualified keys stay each side's", async () => {
    expect(await queryText(engine, 'select k, a.k, b.k from a full join b using (k) order by k')).toEqual([
      ['1', '1', null], ['2', '2', '2'], ['3', null, '3'],
    ]);
    expect(await queryText(engine, 'select * from a full join b using (k) order by k')).toEqual([['1', 'a1', null], ['2', 'a2', 'b2'], ['3', null, 'b3']]);
  });

  it('INNER and LEFT JOIN are unchanged', async () => {
    expect(await queryText(engine, 'select * from a join b using (k)')).toEqual([['2', 'a2', 'b2']]);
    expect(await queryText(engine, 'select k, y from a left join b using (k) order by k')).toEqual([['1', null], ['2', 'b2']]);
  });
});
