/**
 * Issue 6, functions and forms the DuckDB corpus files use that Spark or PostgreSQL users
 * also expect: regexp_extract's options argument, ucase/lcase, GROUPING SETS with SELECT *.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('DuckDB-file functions and forms', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); }, 60_000);
  afterAll(async () => { await engine?.close(); });

  it("regexp_extract(s, pattern, group, options): i, c, s and k (the input when nothing matches)", async () => {
    expect(await queryText(engine, "SELECT regexp_extract('foobarbaz', 'B..', 0, 'i'), regexp_extract('foobarbaz', 'B..', 0, 'ic'), regexp_extract('FOOBARBAZ', '(zzz)', 1, 'ik'), regexp_extract('FOOBARBAZ', '(b..)', 1, 'ik'), regexp_extract('a\nb', 'a.b', 0, 's')"))
      .toEqual([['bar', '', 'FOOBARBAZ', 'BAR', 'a\nb']]);
    expect((await queryError(engine, "SELECT regexp_extract('a', 'a', 0, 'q')")).sqlState).toBe('22023');
  });

  it('ucase / lcase (Spark)', async () => {
    expect(await queryText(engine, "SELECT ucase('MotörHead'), lcase('MotörHead')")).toEqual([['MOTÖRHEAD', 'motörhead']]);
  });
});
