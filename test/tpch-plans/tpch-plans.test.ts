/**
 * Golden staged plans of the 22 TPC-H queries (Ballista's tpch_plan_stability):
 * each query is planned into stages and compared with approved/qNN.txt.
 * `LOCH_APPROVE=1 npx vitest run test/tpch-plans` rewrites the approved files
 * after a deliberate planner change (review the diff before committing).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../coordinator/index.ts';
import { explainStages } from '../../planner/index.ts';
import { tpchPlanningEngine, tpchStages } from './tpch-plan-support.ts';

const approve = process.env.LOCH_APPROVE === '1';

describe('TPC-H staged plans match the approved ones', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await tpchPlanningEngine(); });

  for (let q = 1; q <= 22; q++) {
    const name = `q${String(q).padStart(2, '0')}`;
    it(name, async () => {
      const text = `${explainStages(await tpchStages(engine, q))}\n`;
      const file = new URL(`approved/${name}.txt`, import.meta.url);
      if (approve) writeFileSync(file, text);
      expect(existsSync(file), `${name}.txt is not approved yet: run with LOCH_APPROVE=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
