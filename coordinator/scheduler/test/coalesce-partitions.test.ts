import { describe, expect, it } from 'vitest';
import { ExecutionGraph, coalescePartitions, type StageDefinition } from '../index.ts';
import { names, popAll, shuffleFiles } from './fake-workers.ts';

/** Stage 1 (2 maps) hash-partitions into 4; stage 2 reads it partition-wise (coalescible); stage 3 gathers. */
function stages(coalescible = true): StageDefinition<string>[] {
  return [
    { stageId: 1, partitions: 2, inputStageIds: [], plan: 'ShuffleWrite(hash(k), 4) <- Scan(t)' },
    { stageId: 2, partitions: 4, inputStageIds: [1], plan: 'ShuffleWrite(single) <- FinalAgg <- ShuffleRead(1)', ...(coalescible ? { coalesceInputs: [1] } : {}) },
    { stageId: 3, partitions: 1, inputStageIds: [2], plan: 'ShuffleRead(2)' },
  ];
}

/** Runs stage 1 with 4 output files of 4096 bytes per map task (8192 bytes per reduce partition). */
function runMaps(g: ExecutionGraph<string>): void {
  for (const m of popAll(g, ['w1', 'w2'])) g.taskFinished({ task: m.task, workerId: m.workerId, partitions: shuffleFiles(m.task, 4) });
}

describe('coalescePartitions', () => {
  it('packs adjacent partitions up to the target; a large one stays alone', () => {
    expect(coalescePartitions([1, 1, 1, 10, 1, 1], 3)).toEqual([[0, 1, 2], [3], [4, 5]]);
    expect(coalescePartitions([5, 5, 5], 4)).toEqual([[0], [1], [2]]);
    expect(coalescePartitions([0, 0, 0, 0], 1)).toEqual([[0, 1, 2, 3]]);
    expect(coalescePartitions([], 1)).toEqual([]);
  });
});

describe('ExecutionGraph with coalesced reduce partitions', () => {
  it('runs one task per group of small partitions; the absorbed partitions are done with it', () => {
    const g = new ExecutionGraph('job-1', stages(), { coalesceTargetBytes: 16384 });
    runMaps(g);
    const reduces = popAll(g, ['w1', 'w2']);
    expect(names(reduces)).toEqual(['2.0@0', '2.2@0']);
    expect(reduces.map((r) => r.partitions)).toEqual([[0, 1], [2, 3]]);
    for (const r of reduces) g.taskFinished({ task: r.task, workerId: r.workerId, partitions: shuffleFiles(r.task, 1) });
    expect(g.stageState(2)).toBe('successful');
    const [final] = popAll(g, ['w1']);
    const outputs = final!.inputs[0]!.outputs;
    expect(outputs.map((o) => [o.mapPartition, o.workerId, o.partitions.length])).toEqual([[0, 'w1', 1], [1, 'w1', 0], [2, 'w2', 1], [3, 'w2', 0]]);
    expect(g.summary().find((s) => s.stageId === 2)).toMatchObject({ partitions: 4, partitionsDone: 4, tasksLaunched: 2 });
  });

  it('keeps its groups when a lost worker takes a coalesced task\'s outputs', () => {
    const g = new ExecutionGraph('job-1', stages(), { coalesceTargetBytes: 16384 });
    runMaps(g);
    const reduces = popAll(g, ['w1', 'w2']);
    for (const r of reduces) g.taskFinished({ task: r.task, workerId: r.workerId, partitions: shuffleFiles(r.task, 1) });
    g.executorLost('w2');
    // Stage 1's map output on w2 is gone too: it runs again, then only the lost group of stage 2.
    const again = popAll(g, ['w1']);
    expect(names(again)).toEqual(['1.1@1']);
    g.taskFinished({ task: again[0]!.task, workerId: 'w1', partitions: shuffleFiles(again[0]!.task, 4) });
    const rerun = popAll(g, ['w1']);
    expect(names(rerun)).toEqual(['2.2@1']);
    expect(rerun[0]!.partitions).toEqual([2, 3]);
  });

  it('runs one task per partition when the stage does not allow it, the target is 0 or the outputs are large', () => {
    for (const [coalescible, target] of [[false, 1 << 30], [true, 0], [true, 8192]] as const) {
      const g = new ExecutionGraph('job-1', stages(coalescible), { coalesceTargetBytes: target });
      runMaps(g);
      const reduces = popAll(g, ['w1']);
      expect(names(reduces)).toEqual(['2.0@0', '2.1@0', '2.2@0', '2.3@0']);
      expect(reduces.every((r) => r.partitions === undefined)).toBe(true);
    }
  });
});
