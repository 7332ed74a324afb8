/**
 * EXPLAIN ANALYZE text: the physical plan with, per operator, the rows and
 * batches it produced, its own time (inclusive time minus its inputs') and the
 * peak bytes it held, and the bytes it spilled to disk when it did.
 */
import { type PhysicalPlan, explainPhysical, physicalChildren } from '../../planner/index.ts';
import type { OperatorMetrics } from '../operators/physical-operator.ts';

function formatBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}KiB`;
  return `${(n / 1024 / 1024).toFixed(1)}MiB`;
}

/** The plan annotated with metrics gathered by `executePhysicalPlan`. */
export function explainAnalyze(plan: PhysicalPlan, metrics: ReadonlyMap<number, OperatorMetrics>): string {
  return explainPhysical(plan, (node) => {
    const m = metrics.get(node.nodeId);
    if (!m) return '[not executed]';
    let childTime = 0;
    for (const c of physicalChildren(node)) childTime += metrics.get(c.nodeId)?.elapsedMs ?? 0;
    const self = Math.max(0, m.elapsedMs - childTime);
    const mem = m.peakMemoryBytes > 0 ? `, peak_mem=${formatBytes(m.peakMemoryBytes)}` : '';
    const spilled = m.spilledBytes !== undefined && m.spilledBytes > 0 ? `, spilled=${formatBytes(m.spilledBytes)}` : '';
    return `[rows=${m.rowsOut}, batches=${m.batchesOut}, time=${self.toFixed(2)}ms${mem}${spilled}]`;
  });
}
