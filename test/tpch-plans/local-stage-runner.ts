/**
 * Runs a staged plan in one process, stage by stage and task by task, with
 * shuffles held in memory: a test oracle for the distributed planner (the
 * answer must equal the single-process one), not the real worker.
 *
 *   for each stage (inputs first), for each partition p:
 *     scans with splits      → the table reading splits[p] only (ScanRequest.splits;
 *                              a SplitMemoryTable cuts its rows itself)
 *     UnresolvedShuffleExec  → a memory table of what the input stage wrote for p
 *                              (partition p of a hash/round-robin exchange, 0 otherwise)
 *     run ShuffleWriteExec.input with the in-process executor, then deal its rows
 *     out by the write's partitioning (worker's hashColumns for hash)
 */
import type * as arrow from 'apache-arrow';
import {
  Batch, LochError, SqlState, toArrowType, type ScanRequest, type ScanSplit, type SourceColumn, type SourceStatistics, type TableScanner,
} from '../../core/index.ts';
import { physicalChildren, withPhysicalChildren, type PhysicalPlan, type QueryStage } from '../../planner/index.ts';
import {
  MemoryTableScanner, compileExpr, concatBatches, emptyData, executePhysicalPlan, hashColumns, materialize, take,
} from '../../worker/index.ts';

/** A table held in memory whose rows are cut into `pieces` equal splits (path = table name, rowGroups = [piece]). */
export class SplitMemoryTable implements TableScanner {
  readonly columns: readonly SourceColumn[];
  private readonly data: readonly arrow.Data[];
  private readonly rows: number;
  private readonly pieces: number;
  private readonly name: string;

  constructor(name: string, columns: readonly SourceColumn[], data: readonly arrow.Data[], pieces: number) {
    this.name = name;
    this.columns = columns;
    this.data = data;
    this.rows = data[0]?.length ?? 0;
    this.pieces = pieces;
  }

  async statistics(): Promise<SourceStatistics> {
    return { rowCount: this.rows };
  }

  async splits(): Promise<readonly ScanSplit[]> {
    return Array.from({ length: this.pieces }, (_v, g) => ({ path: this.name, fileSizeBytes: this.pieces, sizeBytes: 1, rowGroups: [g] }));
  }

  /** A memory table of the rows of `splits` only. */
  part(splits: readonly ScanSplit[]): MemoryTableScanner {
    const rows: number[] = [];
    for (const s of splits) {
      for (const g of s.rowGroups ?? []) {
        const start = Math.floor((g * this.rows) / this.pieces);
        const end = Math.floor(((g + 1) * this.rows) / this.pieces);
        for (let r = start; r < end; r++) rows.push(r);
      }
    }
    const indexes = Int32Array.from(rows);
    return new MemoryTableScanner(this.columns, this.data.map((d) => take(d, indexes)));
  }

  scan(request: ScanRequest): AsyncIterable<Batch> {
    return new MemoryTableScanner(this.columns, this.data).scan(request);
  }
}

/** The same table, reading only `splits` (the scanner's own split support, e.g. Parquet row groups). */
function restrictTo(source: TableScanner, splits: readonly ScanSplit[]): TableScanner {
  return {
    columns: source.columns,
    statistics: () => source.statistics(),
    scan: (request) => source.scan({ ...request, splits }),
  };
}

async function run(plan: PhysicalPlan): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of executePhysicalPlan(plan).batches) out.push(b.selection ? materialize(b) : b);
  return out;
}

function memoryTable(columns: PhysicalPlan['columns'], batches: readonly Batch[]): MemoryTableScanner {
  const types = columns.map((c) => toArrowType(c.type));
  const sources = columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
  if (batches.length === 0) return new MemoryTableScanner(sources, types.map(emptyData));
  const all = concatBatches(batches, types);
  return new MemoryTableScanner(sources, all.columns);
}

/** Deals a task's output rows out over the output partitions of its stage. */
function partitionRows(stage: QueryStage, batches: readonly Batch[], into: Batch[][]): void {
  const w = stage.plan;
  const part = w.partitioning;
  if (part.kind === 'single' || part.kind === 'broadcast') { into[0]!.push(...batches); return; }
  const layout = new Map(w.input.columns.map((c, i) => [c.id, i]));
  const keys = part.kind === 'hash' ? part.keys.map((k) => compileExpr(k, layout)) : [];
  let dealt = 0;
  for (const b of batches) {
    const n = b.numRows;
    const bucketOf = new Uint32Array(n);
    if (part.kind === 'hash') {
      const h = hashColumns(keys.map((k) => k.evaluate(b)), null, n);
      for (let i = 0; i < n; i++) bucketOf[i] = h[i]! % part.partitions;
    } else {
      for (let i = 0; i < n; i++) bucketOf[i] = dealt++ % part.partitions;
    }
    for (let p = 0; p < part.partitions; p++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (bucketOf[i] === p) rows.push(i);
      if (rows.length === 0) continue;
      const idx = Int32Array.from(rows);
      into[p]!.push(new Batch(b.columns.map((d) => take(d, idx)), rows.length));
    }
  }
}

/** Runs every stage; returns the final stage's rows (partition 0 of every task). */
export async function runStagesLocally(stages: readonly QueryStage[]): Promise<Batch[]> {
  const outputs = new Map<number, Batch[][]>();
  for (const stage of stages) {
    const width = stage.plan.partitioning.kind === 'hash' || stage.plan.partitioning.kind === 'round_robin' ? stage.plan.partitioning.partitions : 1;
    const written: Batch[][] = Array.from({ length: width }, () => []);
    for (let p = 0; p < stage.partitions; p++) {
      const bind = (n: PhysicalPlan): PhysicalPlan => {
        if (n.kind === 'scan' && n.splits !== undefined) {
          const { splits, ...rest } = n;
          const mine = splits[p] ?? [];
          return { ...rest, source: n.source instanceof SplitMemoryTable ? n.source.part(mine) : restrictTo(n.source, mine) };
        }
        if (n.kind === 'unresolved_shuffle') {
          const input = outputs.get(n.stageId);
          if (input === undefined) throw new LochError(SqlState.internalError, `stage ${stage.stageId} reads stage ${n.stageId} before it ran`);
          const keyed = n.partitioning.kind === 'hash' || n.partitioning.kind === 'round_robin';
          return {
            kind: 'scan', nodeId: n.nodeId, columns: n.columns, tableName: `stage ${n.stageId}`, predicates: [],
            source: memoryTable(n.columns, input[keyed ? p : 0]!), sourceColumns: n.columns.map((_c, i) => i),
          };
        }
        return withPhysicalChildren(n, physicalChildren(n).map(bind));
      };
      partitionRows(stage, await run(bind(stage.plan.input)), written);
    }
    outputs.set(stage.stageId, written);
  }
  return outputs.get(stages[stages.length - 1]!.stageId)![0]!;
}
