/** Unnest nodes (logical and physical) survive the proto round trip, pruned pass-through columns included. */
import { describe, expect, it } from 'vitest';
import { T, type DataType } from '../../../core/index.ts';
import { decodeMessage, encodeMessage } from '../../../proto/index.ts';
import type { LogicalPlan, PlanColumn } from '../../logical/logical-plan.ts';
import { explainLogical } from '../../optimizer/explain-logical.ts';
import { createPhysicalPlan } from '../../physical/create-physical-plan.ts';
import { explainPhysical } from '../../physical/explain-physical.ts';
import { logicalPlanFromProto, logicalPlanToProto } from '../logical-serde.ts';
import { decodePhysicalPlan, encodePhysicalPlan } from '../physical-serde.ts';

const ints: DataType = { kind: 'array', element: T.int32 };
const id: PlanColumn = { id: 1, name: 'id', type: T.int32, nullable: false };
const arr: PlanColumn = { id: 2, name: 'arr', type: ints, nullable: true };
const values: LogicalPlan = { kind: 'values', columns: [id, arr], rows: [[{ kind: 'literal', value: 1, type: T.int32 }, { kind: 'literal', value: [1, 2], type: ints }]] };

function unnest(passThrough?: number[]): LogicalPlan {
  return {
    kind: 'unnest', input: values, arrays: [{ kind: 'column', id: 2, name: 'arr', type: ints }], ordinality: true,
    columns: [{ id: 3, name: 'x', type: T.int32, nullable: true }, { id: 4, name: 'n', type: T.int64, nullable: false }],
    ...(passThrough ? { passThrough } : {}), ...(passThrough?.length === 1 ? { outer: true } : {}),
  };
}

describe('unnest serde', () => {
  for (const passThrough of [undefined, [1], []]) {
    it(`logical and physical round trip (passThrough ${JSON.stringify(passThrough)})`, () => {
      const plan = unnest(passThrough);
      const back = logicalPlanFromProto(decodeMessage('LogicalPlan', encodeMessage('LogicalPlan', logicalPlanToProto(plan))), { openSource: () => { throw new Error('no scans'); } });
      expect(back).toStrictEqual(plan);
      const physical = createPhysicalPlan(plan);
      const decoded = decodePhysicalPlan(encodePhysicalPlan(physical), { openSource: () => { throw new Error('no scans'); } });
      expect(explainPhysical(decoded)).toBe(explainPhysical(physical));
      expect(decoded.columns.map((c) => c.name)).toEqual([...(passThrough === undefined ? ['id', 'arr'] : passThrough.length ? ['id'] : []), 'x', 'n']);
      expect(explainLogical(back)).toContain(`Unnest [arr#2]${passThrough?.length === 1 ? ' outer' : ''} with ordinality AS [x#3, n#4]`);
    });
  }
});
