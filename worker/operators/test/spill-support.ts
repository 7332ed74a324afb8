/**
 * Test support for spilling: runs a logical plan with a memory limit and a
 * private spill root, and reports what was spilled and what is left on disk.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Batch, readValue, toArrowType } from '../../../core/index.ts';
import { type LogicalPlan, type PhysicalPlan, createPhysicalPlan } from '../../../planner/index.ts';
import { executePhysicalPlan } from '../../execute/index.ts';
import { concatBatches } from '../../kernels/take.ts';
import type { Row } from './support.ts';

/** What a limited run produced. */
export interface SpillRun {
  readonly rows: Row[];
  readonly filesCreated: number;
  readonly bytesSpilled: number;
  /** Sum of the operators' `spilledBytes` metrics. */
  readonly operatorSpilledBytes: number;
  /** Entries left in the spill root after the run (must be none). */
  readonly leftovers: string[];
}

/** Runs `plan` with `memoryLimitBytes` (undefined: unlimited) in a fresh spill root. */
export async function runLimited(plan: LogicalPlan, memoryLimitBytes: number | undefined, batchSize = 512): Promise<SpillRun> {
  return runPhysicalLimited(createPhysicalPlan(plan), memoryLimitBytes, batchSize);
}

/** Runs physical `plan` with `memoryLimitBytes` (undefined: unlimited) in a fresh spill root. */
export async function runPhysicalLimited(physical: PhysicalPlan, memoryLimitBytes: number | undefined, batchSize = 512): Promise<SpillRun> {
  const root = mkdtempSync(join(tmpdir(), 'loch-spill-test-'));
  try {
    const exec = executePhysicalPlan(physical, { batchSize, spillRoot: root, ...(memoryLimitBytes !== undefined ? { memoryLimitBytes } : {}) });
    const parts: Batch[] = [];
    for await (const b of exec.batches) parts.push(b);
    const types = physical.columns.map((c) => c.type);
    const all = concatBatches(parts, types.map(toArrowType));
    const rows: Row[] = [];
    for (let r = 0; r < all.numRows; r++) rows.push(types.map((t, c) => readValue(all.column(c), t, r)));
    let operatorSpilledBytes = 0;
    for (const m of exec.metrics.values()) operatorSpilledBytes += m.spilledBytes ?? 0;
    return { rows, filesCreated: exec.spill.filesCreated, bytesSpilled: exec.spill.bytesSpilled, operatorSpilledBytes, leftovers: readdirSync(root) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
