/** CASE and COALESCE over struct, array and binary values (the merge of branch results), and X'…' binary constants, end to end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

describe('CASE / COALESCE with nested and binary results', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, "create table nested_case as values (1, {'foo': 'a'}, {'foo': 'b'}, [1, 2], '\\x0102'::bytea), (-1, {'foo': 'c'}, {'foo': 'd'}, null, null), (null, null, {'foo': 'e'}, [3], '\\x03'::bytea)");
  });
  afterAll(() => engine?.close());

  it('CASE picks struct values row by row', async () => {
    expect(await queryText(engine, 'select case when column1 > 0 then column2 else column3 end from nested_case order by column1 nulls last'))
      .toEqual([['(d)'], ['(a)'], ['(e)']]);
  });

  it("X'…' is a binary constant (Spark, DataFusion, DuckDB); B'…' bit strings stay unsupported", async () => {
    expect(await queryText(engine, "select x'0A1b', x'', case when column1 = 1 then x'62' else x'61' end from nested_case order by column1 nulls last"))
      .toEqual([['\\x0a1b', '\\x', '\\x61'], ['\\x0a1b', '\\x', '\\x62'], ['\\x0a1b', '\\x', '\\x61']]);
    await expect(query(engine, "select b'101'")).rejects.toMatchObject({ sqlState: '0A000' });
  });

  it('COALESCE over arrays and CASE over bytea keep each row\'s value', async () => {
    expect(await queryText(engine, "select coalesce(column4, array[9]), case when column1 = 1 then column5 else '\\xff'::bytea end from nested_case order by column1 nulls last"))
      .toEqual([['{9}', '\\xff'], ['{1,2}', '\\x0102'], ['{3}', '\\xff']]);
  });
});
