/** The IPC schema fields of spilled plan columns (positional names: plan names may repeat). */
import type { BatchField } from '../../../core/index.ts';
import type { PlanColumn } from '../../../planner/index.ts';

const cache = new WeakMap<readonly PlanColumn[], readonly BatchField[]>();

/** Fields for `columns` (the same array for the same columns, so the IPC framing is computed once). */
export function spillFieldsOf(columns: readonly PlanColumn[]): readonly BatchField[] {
  let f = cache.get(columns);
  if (f === undefined) {
    f = columns.map((c, i) => ({ name: `c${i}`, type: c.type, nullable: true }));
    cache.set(columns, f);
  }
  return f;
}
