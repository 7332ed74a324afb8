/**
 * Staged TPC-H plans without data: the eight tables registered in a real
 * SessionCatalog over schema-only scanners that report SF 1 row counts and
 * Parquet-like row groups (so scans get concrete, bin-packed splits), planned
 * through SqlEngine.planQuery → createPhysicalPlan → planStages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LochError, SqlState, T, decimal, type Batch, type DataType, type ScanSplit, type SourceColumn, type SourceStatistics,
  type TableScanner, type TableSourceDescriptor,
} from '../../core/index.ts';
import { SessionCatalog, SqlEngine, type PlanExecutor } from '../../coordinator/index.ts';
import { createPhysicalPlan, initParser, parseSql, planStages, type DistributionOptions, type QueryStage } from '../../planner/index.ts';
import { evaluateConstant } from '../../worker/index.ts';
import { tpchQuery } from '../support/tpch.ts';

const MiB = 1024 * 1024;
const money = decimal(15, 2);

/** Options the golden files were made with: small numbers keep the text readable. */
export const GOLDEN_OPTIONS: DistributionOptions = { shufflePartitions: 4, broadcastThresholdBytes: 10 * MiB, targetSplitBytes: 32 * MiB };

/** SF 1 rows and an approximate Parquet size per table. */
const SF1: Record<string, { rows: number; bytes: number; columns: [string, DataType][] }> = {
  nation: { rows: 25, bytes: 2_000, columns: [['n_nationkey', T.int32], ['n_name', T.text], ['n_regionkey', T.int32], ['n_comment', T.text]] },
  region: { rows: 5, bytes: 1_000, columns: [['r_regionkey', T.int32], ['r_name', T.text], ['r_comment', T.text]] },
  part: { rows: 200_000, bytes: 6 * MiB, columns: [['p_partkey', T.int32], ['p_name', T.text], ['p_mfgr', T.text], ['p_brand', T.text], ['p_type', T.text],
    ['p_size', T.int32], ['p_container', T.text], ['p_retailprice', money], ['p_comment', T.text]] },
  supplier: { rows: 10_000, bytes: 700_000, columns: [['s_suppkey', T.int32], ['s_name', T.text], ['s_address', T.text], ['s_nationkey', T.int32],
    ['s_phone', T.text], ['s_acctbal', money], ['s_comment', T.text]] },
  partsupp: { rows: 800_000, bytes: 40 * MiB, columns: [['ps_partkey', T.int32], ['ps_suppkey', T.int32], ['ps_availqty', T.int32],
    ['ps_supplycost', money], ['ps_comment', T.text]] },
  customer: { rows: 150_000, bytes: 11 * MiB, columns: [['c_custkey', T.int32], ['c_name', T.text], ['c_address', T.text], ['c_nationkey', T.int32],
    ['c_phone', T.text], ['c_acctbal', money], ['c_mktsegment', T.text], ['c_comment', T.text]] },
  orders: { rows: 1_500_000, bytes: 48 * MiB, columns: [['o_orderkey', T.int32], ['o_custkey', T.int32], ['o_orderstatus', T.text],
    ['o_totalprice', money], ['o_orderdate', T.date], ['o_orderpriority', T.text], ['o_clerk', T.text], ['o_shippriority', T.int32], ['o_comment', T.text]] },
  lineitem: { rows: 6_001_215, bytes: 192 * MiB, columns: [['l_orderkey', T.int32], ['l_partkey', T.int32], ['l_suppkey', T.int32],
    ['l_linenumber', T.int32], ['l_quantity', money], ['l_extendedprice', money], ['l_discount', money], ['l_tax', money], ['l_returnflag', T.text],
    ['l_linestatus', T.text], ['l_shipdate', T.date], ['l_commitdate', T.date], ['l_receiptdate', T.date], ['l_shipinstruct', T.text],
    ['l_shipmode', T.text], ['l_comment', T.text]] },
};

const ROWS_PER_GROUP = 1_048_576;

/** A table with a schema, statistics and row groups but no data: planning only. */
export class SchemaOnlyTable implements TableScanner {
  readonly columns: readonly SourceColumn[];
  readonly descriptor: TableSourceDescriptor;
  private readonly rows: number;
  private readonly bytes: number;

  constructor(descriptor: TableSourceDescriptor, rows: number, bytes: number) {
    this.descriptor = descriptor;
    this.columns = descriptor.columns;
    this.rows = rows;
    this.bytes = bytes;
  }

  async statistics(): Promise<SourceStatistics> {
    return { rowCount: this.rows, sizeBytes: this.bytes };
  }

  async splits(): Promise<readonly ScanSplit[]> {
    const groups = Math.max(1, Math.ceil(this.rows / ROWS_PER_GROUP));
    const out: ScanSplit[] = [];
    for (let g = 0; g < groups; g++) {
      const rowCount = Math.min(ROWS_PER_GROUP, this.rows - g * ROWS_PER_GROUP);
      out.push({ path: 'part-0.parquet', fileSizeBytes: this.bytes, sizeBytes: Math.round(this.bytes * rowCount / this.rows), rowGroups: [g], rowCount });
    }
    return out;
  }

  // eslint-disable-next-line require-yield
  async *scan(): AsyncIterable<Batch> {
    throw new LochError(SqlState.featureNotSupported, `table ${this.descriptor.name} has a schema but no data (planning tests only)`);
  }
}

/** Opens a TPC-H table descriptor as a schema-only table (the TableOpener of the plan tests and of serde decoding). */
export function openSchemaOnly(d: TableSourceDescriptor): SchemaOnlyTable {
  const t = SF1[d.name];
  if (t === undefined) throw new LochError(SqlState.undefinedTable, `relation "${d.name}" is not a TPC-H table`);
  return new SchemaOnlyTable(d, t.rows, t.bytes);
}

function descriptorOf(name: string): TableSourceDescriptor {
  const t = SF1[name]!;
  return {
    name, format: 'parquet', location: `tpch-sf1/${name}`, options: {},
    columns: t.columns.map(([n, type]) => ({ name: n, type, nullable: false })),
  };
}

/** The TPC-H table names. */
export const TPCH_TABLE_NAMES = Object.keys(SF1);

/** A TPC-H table's columns. */
export function tpchColumns(name: string): SourceColumn[] {
  return descriptorOf(name).columns.map((c) => ({ ...c }));
}

/**
 * A SqlEngine whose catalog holds the eight TPC-H tables, opened by `open`
 * (default: schema-only at SF 1); `execute` runs plans when given.
 */
export async function tpchPlanningEngine(
  open: (name: string) => Promise<TableScanner> = async (name) => openSchemaOnly(descriptorOf(name)),
  execute?: PlanExecutor['execute'],
): Promise<SqlEngine> {
  await initParser();
  const dir = mkdtempSync(join(tmpdir(), 'loch-tpch-plans-'));
  const metastorePath = join(dir, 'catalog.json');
  const entries = Object.keys(SF1).map((name) => {
    const d = descriptorOf(name);
    return { kind: 'table', name, format: d.format, location: d.location, options: {}, columns: d.columns, managed: false };
  });
  writeFileSync(metastorePath, JSON.stringify({ version: 1, entries }));
  const opener = async (_format: string, location: string): Promise<TableScanner> => open(location.split('/').pop()!);
  const catalog = new SessionCatalog(opener, { metastorePath, warehouseDir: dir });
  const refuse = (what: string) => (): never => { throw new LochError(SqlState.featureNotSupported, `the planning engine does not ${what}`); };
  const executor = { execute: execute ?? refuse('execute'), evaluateConstant, rowFunctions: refuse('write rows') };
  return new SqlEngine(catalog, executor);
}

/** TPC-H query `n` planned into stages. */
export async function tpchStages(engine: SqlEngine, n: number, options: DistributionOptions = GOLDEN_OPTIONS): Promise<QueryStage[]> {
  const [stmt] = parseSql(tpchQuery(n));
  if (stmt?.statement.kind !== 'query') throw new Error(`TPC-H query ${n} is not a single query`);
  const { logical } = await engine.planQuery(stmt.statement);
  return planStages(createPhysicalPlan(logical), options);
}
