/** TPC-H schema DDL and answer comparison shared by the TPC-H suites. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rows } from './results.ts';
import { asText } from './results.ts';
import { compareTextRows } from '../../bench/runner/index.ts';

export const SHARED_TPCH = fileURLToPath(new URL('../../../shared/tpch/', import.meta.url));

/** Column lists with the TPC-H types DuckDB's answers were computed with. */
export const TPCH_COLUMNS: Record<string, string> = {
  nation: 'n_nationkey int, n_name text, n_regionkey int, n_comment text',
  region: 'r_regionkey int, r_name text, r_comment text',
  part: 'p_partkey int, p_name text, p_mfgr text, p_brand text, p_type text, p_size int, p_container text, p_retailprice numeric(15,2), p_comment text',
  supplier: 's_suppkey int, s_name text, s_address text, s_nationkey int, s_phone text, s_acctbal numeric(15,2), s_comment text',
  partsupp: 'ps_partkey int, ps_suppkey int, ps_availqty int, ps_supplycost numeric(15,2), ps_comment text',
  customer: 'c_custkey int, c_name text, c_address text, c_nationkey int, c_phone text, c_acctbal numeric(15,2), c_mktsegment text, c_comment text',
  orders: 'o_orderkey int, o_custkey int, o_orderstatus text, o_totalprice numeric(15,2), o_orderdate date, o_orderpriority text, o_clerk text, o_shippriority int, o_comment text',
  lineitem: 'l_orderkey int, l_partkey int, l_suppkey int, l_linenumber int, l_quantity numeric(15,2), l_extendedprice numeric(15,2), l_discount numeric(15,2), l_tax numeric(15,2), l_returnflag text, l_linestatus text, l_shipdate date, l_commitdate date, l_receiptdate date, l_shipinstruct text, l_shipmode text, l_comment text',
};

export const TPCH_TABLES = Object.keys(TPCH_COLUMNS);

/** DDL registering dbgen's `.tbl` files (pipe-separated, no header) as tables. */
export function tblTablesDdl(dir: string): string {
  return TPCH_TABLES.map((t) => `CREATE TABLE ${t} (${TPCH_COLUMNS[t]}) USING csv OPTIONS (delimiter '|', header 'false') LOCATION '${dir}/${t}.tbl';`).join('\n');
}

export function tpchQuery(n: number): string {
  return readFileSync(`${SHARED_TPCH}/queries/q${String(n).padStart(2, '0')}.sql`, 'utf8');
}

/** Parses a small RFC 4180 CSV (DuckDB's answer files): header + rows, empty unquoted field = NULL. */
export function parseCsv(text: string): { header: string[]; rows: (string | null)[][] } {
  const records: (string | null)[][] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let record: (string | null)[] = [];
  const endField = () => { record.push(field === '' && !wasQuoted ? null : field); field = ''; wasQuoted = false; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') { quoted = true; wasQuoted = true; } else if (c === ',') endField();
    else if (c === '\n') { endField(); records.push(record); record = []; } else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) { endField(); records.push(record); }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h ?? ''), rows };
}

export function expectedAnswer(n: number): { header: string[]; rows: (string | null)[][] } {
  return parseCsv(readFileSync(`${SHARED_TPCH}/answers-sf0.01/q${String(n).padStart(2, '0')}.csv`, 'utf8'));
}

/** Compares a result with DuckDB's answer (rules in bench/runner/compare-results.ts). */
export function compareWithAnswer(actual: Rows, expected: { header: string[]; rows: (string | null)[][] }): string[] {
  const problems = actual.fields.length === expected.header.length ? [] : [`column count ${actual.fields.length} ≠ ${expected.header.length}`];
  return [...problems, ...compareTextRows(asText(actual), expected.rows, expected.header)];
}

/** DuckDB's column list (`{'name': 'TYPE', …}`) for a TPCH_COLUMNS spec. */
function duckColumns(spec: string): string {
  const cols = spec.split(', ').map((c) => {
    const [name, type] = c.split(' ') as [string, string];
    const t = type === 'int' ? 'INTEGER' : type === 'text' ? 'VARCHAR' : type === 'date' ? 'DATE' : type.replace('numeric', 'DECIMAL');
    return `'${name}': '${t}'`;
  });
  return `{${cols.join(', ')}}`;
}

/** Statements that load dbgen's SF 0.01 `tables` into DuckDB with the same column types as Loch's. */
export function duckDbTblTables(tables: readonly string[], dir = `${SHARED_TPCH}/dbgen-sf0.01`): string[] {
  return tables.map((t) => `CREATE TABLE ${t} AS SELECT * FROM read_csv('${dir}/${t}.tbl', delim='|', header=false, columns=${duckColumns(TPCH_COLUMNS[t]!)})`);
}

/** Loch's CREATE TABLE statements over dbgen's SF 0.01 `tables` (CSV). */
export function lochTblTables(tables: readonly string[], dir = `${SHARED_TPCH}/dbgen-sf0.01`): string {
  return tables.map((t) => `CREATE TABLE ${t} (${TPCH_COLUMNS[t]}) USING csv OPTIONS (delimiter '|', header 'false') LOCATION '${dir}/${t}.tbl';`).join('\n');
}
