/**
 * The composition root of the embedded default: one process runs the
 * coordinator's SQL engine with an in-process executor built from worker
 * operators, reading files through storage/ and connectors/.
 * (The distributed issue swaps the executor for gRPC workers.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Batch } from '../core/index.ts';
import { SessionCatalog, SqlEngine, type PlanExecutor, type QueryEngine, type RowFunctions } from '../coordinator/index.ts';
import { openTable } from '../connectors/index.ts';
import { compileExpr, compilePredicate, evaluateConstant, executePhysicalPlan, explainAnalyze, materialize } from '../worker/index.ts';
import type { Expr, PlanColumn } from '../planner/index.ts';

export interface LocalEngineOptions {
  /**
   * Where the catalog and managed tables live (`<dataDir>/catalog.json`,
   * `<dataDir>/warehouse/`). Without one the engine is ephemeral: an in-memory
   * catalog and a temporary warehouse removed on close.
   */
  readonly dataDir?: string;
  /**
   * Memory budget of each query in bytes (default: half the heap limit). Sorts, aggregates and
   * hash joins beyond it spill to temporary files (worker/operators/spill).
   */
  readonly memoryLimitBytes?: number;
  /** Folder for the queries' spill directories (default: the system temp folder). */
  readonly spillRoot?: string;
}

/** DELETE/UPDATE row evaluation with worker kernels: column i of the batch is `columns[i]`. */
export function rowFunctions(columns: readonly PlanColumn[], predicate: Expr | null, outputs: readonly Expr[]): RowFunctions {
  const layout = new Map(columns.map((c, i) => [c.id, i]));
  const filter = predicate ? compilePredicate(predicate, layout) : null;
  const projections = outputs.map((e) => compileExpr(e, layout));
  return {
    select: (batch) => (filter ? filter.select(batch) : batch.selection ?? Int32Array.from({ length: batch.numRows }, (_, i) => i)),
    project: (batch, selection) => materialize(new Batch(projections.map((p) => p.evaluate(batch.withSelection(selection))), batch.numRows, selection)),
  };
}

/** The in-process executor; `limits` apply to every query it runs. */
function inProcessExecutor(limits: Pick<LocalEngineOptions, 'memoryLimitBytes' | 'spillRoot'> = {}): PlanExecutor {
  return {
    evaluateConstant,
    rowFunctions,
    execute(plan, options) {
      const run = executePhysicalPlan(plan, { ...limits, ...options });
      return {
        batches: (async function* () {
          for await (const batch of run.batches) yield batch.selection ? materialize(batch) : batch;
        })(),
        explainAnalyze: () => explainAnalyze(plan, run.metrics),
      };
    },
  };
}

function limitsOf(o: LocalEngineOptions): Pick<LocalEngineOptions, 'memoryLimitBytes' | 'spillRoot'> {
  return {
    ...(o.memoryLimitBytes !== undefined ? { memoryLimitBytes: o.memoryLimitBytes } : {}),
    ...(o.spillRoot !== undefined ? { spillRoot: o.spillRoot } : {}),
  };
}

/** Starts an in-process engine (no network, no extra processes). */
export async function createLocalEngine(options: LocalEngineOptions = {}): Promise<QueryEngine> {
  if (options.dataDir) {
    const dataDir = path.resolve(options.dataDir);
    const catalog = new SessionCatalog(openTable, { metastorePath: path.join(dataDir, 'catalog.json'), warehouseDir: path.join(dataDir, 'warehouse') });
    return new SqlEngine(catalog, inProcessExecutor(limitsOf(options)));
  }
  const warehouseDir = await mkdtemp(path.join(tmpdir(), 'loch-warehouse-'));
  const engine = new SqlEngine(new SessionCatalog(openTable, { warehouseDir }), inProcessExecutor(limitsOf(options)));
  const close = engine.close.bind(engine);
  engine.close = async () => { await close(); await rm(warehouseDir, { recursive: true, force: true }); };
  return engine;
}
