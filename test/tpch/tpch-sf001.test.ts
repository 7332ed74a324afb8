/**
 * All 22 TPC-H queries at SF 0.01 over dbgen's own output, checked against
 * DuckDB's answers in ../shared/tpch/answers-sf0.01 (issue 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query } from '../support/results.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tblTablesDdl, tpchQuery } from '../support/tpch.ts';

describe('TPC-H SF 0.01 over dbgen .tbl files', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
  });
  afterAll(() => engine?.close());

  for (let q = 1; q <= 22; q++) {
    it(`Q${q} returns DuckDB's answer`, async () => {
      const rows = await query(engine, tpchQuery(q));
      expect(compareWithAnswer(rows, expectedAnswer(q))).toEqual([]);
    });
  }
});
