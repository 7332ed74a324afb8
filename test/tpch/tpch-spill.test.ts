/**
 * TPC-H SF 0.01 with a per-query memory budget small enough that sorts,
 * aggregates and hash joins spill to disk (issue 7): answers still match
 * DuckDB's, EXPLAIN ANALYZE shows the spilled bytes, no spill file survives.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tblTablesDdl, tpchQuery } from '../support/tpch.ts';

const BUDGET = 256 * 1024;

describe('TPC-H SF 0.01 with a 256 KiB memory budget (spilling)', () => {
  let engine: QueryEngine;
  let reference: QueryEngine;
  const spillRoot = mkdtempSync(join(tmpdir(), 'loch-tpch-spill-'));
  beforeAll(async () => {
    engine = await createLocalEngine({ memoryLimitBytes: BUDGET, spillRoot });
    reference = await createLocalEngine();
    for (const e of [engine, reference]) await query(e, tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
  });
  afterAll(async () => {
    await engine?.close();
    await reference?.close();
    rmSync(spillRoot, { recursive: true, force: true });
  });

  for (const q of [1, 3, 9, 13, 18, 21]) {
    it(`Q${q} returns DuckDB's answer and leaves no spill file`, async () => {
      const rows = await query(engine, tpchQuery(q));
      expect(compareWithAnswer(rows, expectedAnswer(q))).toEqual([]);
      expect(readdirSync(spillRoot)).toEqual([]);
    });
  }

  it('EXPLAIN ANALYZE shows the bytes spilled by an aggregate (Q18), a join and a sort', async () => {
    const explain = async (sql: string): Promise<string> => (await queryText(engine, `explain analyze ${sql}`)).map((r) => r[0]).join('\n');
    expect(await explain(tpchQuery(18))).toMatch(/HashAggregateExec[^\n]*spilled=/);
    const joined = await explain('select count(*), max(o_comment), max(l_comment) from lineitem join orders on l_orderkey = o_orderkey');
    expect(joined).toMatch(/HashJoinExec[^\n]*spilled=/);
    const sort = await explain('select l_orderkey, l_linenumber from lineitem order by l_comment desc, l_orderkey, l_linenumber');
    expect(sort).toMatch(/Sort[^\n]*spilled=/);
    expect(readdirSync(spillRoot)).toEqual([]);
  });

  it('a large ORDER BY (external sort) returns the in-memory order', async () => {
    const sql = 'select l_orderkey, l_linenumber, l_shipdate, l_extendedprice from lineitem order by l_shipdate desc, l_extendedprice, l_orderkey, l_linenumber';
    const got = await queryText(engine, sql);
    const want = await queryText(reference, sql);
    expect(got.length).toBe(60175);
    expect(got).toEqual(want);
  });
});
