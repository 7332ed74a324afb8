/**
 * Every TPC-H staged plan survives the wire: each stage is encoded as a proto
 * StagePlan, decoded with scans reopened from their table source descriptors,
 * and explains exactly as before; the same for the logical plans (DataFrame
 * clients send those).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableScanner } from '../../core/index.ts';
import type { SqlEngine } from '../../coordinator/index.ts';
import {
  createPhysicalPlan, decodeStagePlan, encodeStagePlan, explainLogical, explainStages, logicalPlanFromProto, logicalPlanToProto, parseSql,
  resolveShuffleReads, type ShuffleLocation,
} from '../../planner/index.ts';
import { decodeMessage, encodeMessage } from '../../proto/index.ts';
import { openSchemaOnly, tpchPlanningEngine, tpchStages } from './tpch-plan-support.ts';
import { tpchQuery } from '../support/tpch.ts';

const openSource = openSchemaOnly;
/**
 * Plans compare structurally with each scanner replaced by its descriptor; physical columns drop
 * `sourceIndex` (a logical scan column's field that leaks into physical columns and means nothing there).
 */
const comparable = (p: unknown): unknown => JSON.parse(JSON.stringify(p, (k, v: unknown) => {
  if (k === 'source' && typeof v === 'object' && v !== null && 'scan' in v) return (v as TableScanner).descriptor;
  if (k === 'sourceIndex') return undefined;
  return typeof v === 'bigint' ? `${v}n` : v;
}));

describe('TPC-H plans round-trip through proto', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await tpchPlanningEngine(); });

  for (let q = 1; q <= 22; q++) {
    it(`q${String(q).padStart(2, '0')}`, async () => {
      const stages = await tpchStages(engine, q);
      const decoded = stages.map((s) => decodeStagePlan(encodeStagePlan('job-1', s, 2), { openSource }));
      expect(decoded.every((d) => d.jobId === 'job-1' && d.stageAttempt === 2)).toBe(true);
      expect(explainStages(decoded.map((d) => d.stage))).toBe(explainStages(stages));
      expect(comparable(decoded.map((d) => d.stage))).toStrictEqual(comparable(stages));

      // Resolved reads (what a worker receives) carry every map output location through the wire too.
      for (const s of stages.filter((x) => x.inputStageIds.length > 0)) {
        const locations = (stageId: number): ShuffleLocation[] => Array.from({ length: 3 }, (_v, m) => ({
          jobId: 'job-1', mapStageId: stageId, mapStageAttempt: 1, mapPartition: m, mapTaskAttempt: m % 2, outputPartition: m % s.partitions,
          workerId: `w${m}`, workerAddress: `10.0.0.${m}:7078`, path: `/shuffle/job-1/${stageId}/${m}`, rows: 10 * m, bytes: 2 ** 40 + m,
        }));
        const resolved = { ...s, plan: resolveShuffleReads(s.plan, s.partitions, locations) as typeof s.plan };
        const back = decodeStagePlan(encodeStagePlan('job-1', resolved, 0), { openSource }).stage;
        expect(explainStages([back])).toContain('ShuffleReadExec');
        expect(comparable(back)).toStrictEqual(comparable(resolved));
      }

      const [stmt] = parseSql(tpchQuery(q));
      if (stmt?.statement.kind !== 'query') throw new Error('not a query');
      const { logical } = await engine.planQuery(stmt.statement);
      const back = logicalPlanFromProto(decodeMessage('LogicalPlan', encodeMessage('LogicalPlan', logicalPlanToProto(logical))), { openSource });
      expect(explainLogical(back)).toBe(explainLogical(logical));
      expect(comparable(createPhysicalPlan(back))).toStrictEqual(comparable(createPhysicalPlan(logical)));
    });
  }
});
