/**
 * The eight TPC-H tables and their columns, with the column types DuckDB's
 * TPC-H schema uses: keys and integers int32, money and quantities
 * decimal(15,2), dates date, everything else text. All columns are NOT NULL.
 */
import { type BatchField, type DataType, T, decimal, LochError } from '../../../core/index.ts';

/** Names of the TPC-H tables. */
export const TPCH_TABLES = ['nation', 'region', 'part', 'supplier', 'partsupp', 'customer', 'orders', 'lineitem'] as const;

/** One TPC-H table name. */
export type TpchTable = (typeof TPCH_TABLES)[number];

const money = decimal(15, 2);

const columns: Record<TpchTable, readonly [string, DataType][]> = {
  nation: [
    ['n_nationkey', T.int32],
    ['n_name', T.text],
    ['n_regionkey', T.int32],
    ['n_comment', T.text],
  ],
  region: [
    ['r_regionkey', T.int32],
    ['r_name', T.text],
    ['r_comment', T.text],
  ],
  part: [
    ['p_partkey', T.int32],
    ['p_name', T.text],
    ['p_mfgr', T.text],
    ['p_brand', T.text],
    ['p_type', T.text],
    ['p_size', T.int32],
    ['p_container', T.text],
    ['p_retailprice', money],
    ['p_comment', T.text],
  ],
  supplier: [
    ['s_suppkey', T.int32],
    ['s_name', T.text],
    ['s_address', T.text],
    ['s_nationkey', T.int32],
    ['s_phone', T.text],
    ['s_acctbal', money],
    ['s_comment', T.text],
  ],
  partsupp: [
    ['ps_partkey', T.int32],
    ['ps_suppkey', T.int32],
    ['ps_availqty', T.int32],
    ['ps_supplycost', money],
    ['ps_comment', T.text],
  ],
  customer: [
    ['c_custkey', T.int32],
    ['c_name', T.text],
    ['c_address', T.text],
    ['c_nationkey', T.int32],
    ['c_phone', T.text],
    ['c_acctbal', money],
    ['c_mktsegment', T.text],
    ['c_comment', T.text],
  ],
  orders: [
    ['o_orderkey', T.int32],
    ['o_custkey', T.int32],
    ['o_orderstatus', T.text],
    ['o_totalprice', money],
    ['o_orderdate', T.date],
    ['o_orderpriority', T.text],
    ['o_clerk', T.text],
    ['o_shippriority', T.int32],
    ['o_comment', T.text],
  ],
  lineitem: [
    ['l_orderkey', T.int32],
    ['l_partkey', T.int32],
    ['l_suppkey', T.int32],
    ['l_linenumber', T.int32],
    ['l_quantity', money],
    ['l_extendedprice', money],
    ['l_discount', money],
    ['l_tax', money],
    ['l_returnflag', T.text],
    ['l_linestatus', T.text],
    ['l_shipdate', T.date],
    ['l_commitdate', T.date],
    ['l_receiptdate', T.date],
    ['l_shipinstruct', T.text],
    ['l_shipmode', T.text],
    ['l_comment', T.text],
  ],
};

/** True when `name` is a TPC-H table name. */
export function isTpchTable(name: string): name is TpchTable {
  return (TPCH_TABLES as readonly string[]).includes(name);
}

/** The columns of a TPC-H table, in the specification's order. */
export function tpchTableFields(table: TpchTable): BatchField[] {
  const cols = columns[table];
  if (!cols) throw new LochError('42P01', `"${String(table)}" is not a TPC-H table (expected one of ${TPCH_TABLES.join(', ')})`);
  return cols.map(([name, type]) => ({ name, type, nullable: false }));
}
