/**
 * WITH RECURSIVE, evaluated by iteration to a fixed point before the query is
 * planned (PostgreSQL's semantics):
 *
 *   r = anchor UNION [ALL] step(r)
 *
 * The anchor runs once; each iteration runs the recursive term with `r` bound to
 * the rows the previous iteration added (the working table) until it adds none.
 * With UNION (not ALL) an iteration keeps only rows not seen before (the term runs
 * as `step EXCEPT all-rows-so-far`, which also removes its own duplicates). The
 * result becomes an in-memory table that the rest of the query reads in place of
 * the CTE, through a catalog overlay. Recursive-term values are cast to the anchor's
 * column types, as PostgreSQL types the CTE by its non-recursive term.
 *
 * The recursive term may not reference outer query columns (an uncorrelated CTE);
 * a CTE that never stops fails after MAX_ITERATIONS iterations or MAX_ROWS rows (54001).
 */
import { LochError, SqlState, typeName, type Batch, type BatchField, type DataType, type LiteralValue, type SourceColumn, type TableScanner } from '../core/index.ts';
import type { AstExpr, BinderCatalog, CatalogRelation, Query, SelectItem, TypeName, WithClause } from '../planner/index.ts';
import { memoryTable } from './memory-table.ts';

/** Runs a query against a catalog and collects its output. */
export type QueryRunner = (query: Query, catalog: BinderCatalog) => Promise<{ fields: readonly BatchField[]; batches: Batch[] }>;

const MAX_ITERATIONS = 10_000;
const MAX_ROWS = 1_000_000;

type Cte = WithClause['ctes'][number];

/** A catalog that sees some extra in-memory tables first, then the session's. */
class OverlayCatalog implements BinderCatalog {
  readonly tables = new Map<string, TableScanner>();
  private readonly base: BinderCatalog;
  constructor(base: BinderCatalog) { this.base = base; }
  async lookupRelation(name: readonly string[]): Promise<CatalogRelation | null> {
    const t = name.length === 1 ? this.tables.get(name[0]!) : undefined;
    return t ? { kind: 'table', name: name[0]!, scanner: t } : this.base.lookupRelation(name);
  }
  tableFunction(name: string, args: readonly LiteralValue[]): Promise<TableScanner | null> { return this.base.tableFunction(name, args); }
  relationNames(): readonly string[] { return [...this.tables.keys(), ...this.base.relationNames()]; }
}

/** True when `node` (any AST value) contains a FROM reference to the one-part table name `name`. */
function references(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => references(n, name));
  if (node === null || typeof node !== 'object') return false;
  const o = node as { kind?: unknown; name?: unknown };
  if (o.kind === 'table' && Array.isArray(o.name) && o.name.length === 1 && o.name[0] === name) return true;
  return Object.values(node).some((v) => references(v, name));
}

/**
 * Materializes the recursive CTEs of every WITH RECURSIVE in `query` (nested ones
 * first); returns the query without them and a catalog in which their results are
 * tables. Queries without WITH RECURSIVE come back unchanged.
 */
export async function materializeRecursiveCtes(query: Query, base: BinderCatalog, run: QueryRunner): Promise<{ query: Query; catalog: BinderCatalog }> {
  if (!JSON.stringify(query).includes('"recursive":true')) return { query, catalog: base };
  const overlay = new OverlayCatalog(base);
  return { query: await hoist(query, overlay, run) as Query, catalog: overlay };
}

/** Copies an AST value, replacing each query that has WITH RECURSIVE by its materialized form. */
async function hoist(node: unknown, overlay: OverlayCatalog, run: QueryRunner): Promise<unknown> {
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const n of node) out.push(await hoist(n, overlay, run));
    return out;
  }
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) copy[k] = await hoist(v, overlay, run);
  const q = copy as { kind?: unknown; with?: WithClause | null };
  if ((q.kind === 'select' || q.kind === 'set_operation' || q.kind === 'values') && q.with?.recursive) return stripRecursive(copy as unknown as Query, overlay, run);
  return copy;
}

async function stripRecursive(query: Query, overlay: OverlayCatalog, run: QueryRunner): Promise<Query> {
  let kept: Cte[] = [];
  let ctes = [...query.with!.ctes];
  let body: Query = { ...query, with: null };
  for (let i = 0; i < ctes.length; i++) {
    const cte = ctes[i]!;
    if (!references(cte.query, cte.name)) { kept.push(cte); continue; }
    // Earlier plain CTEs stay visible to this one as a WITH prefix; earlier recursive ones are overlay tables.
    const prefix = [...kept];
    const withPrefix = (q: Query): Query => (prefix.length === 0 ? q : { ...q, with: { recursive: false, ctes: [...prefix, ...(q.with?.ctes ?? [])] } });
    const result = await evaluate(cte, withPrefix, overlay, run, rowsNeeded(body, cte.name));
    overlay.tables.delete(cte.name);
    // the result gets a name of its own: two recursive CTEs of one name in different
    // subqueries (both hoisted into this overlay) must not replace each other
    const unique = `__loch_recursive_${overlay.tables.size}_${cte.name}`;
    overlay.tables.set(unique, result);
    kept = kept.map((c) => ({ ...c, query: renameTable(c.query, cte.name, unique) as Query }));
    ctes = ctes.map((c, k) => (k > i ? { ...c, query: renameTable(c.query, cte.name, unique) as Query } : c));
    body = renameTable(body, cte.name, unique) as Query;
  }
  return { ...body, with: kept.length > 0 ? { recursive: false, ctes: kept } : null };
}

/** Copies an AST value with FROM references to the one-part name `from` reading table `to` (still called `from`), except under a WITH that redefines `from`. */
function renameTable(node: unknown, from: string, to: string): unknown {
  if (Array.isArray(node)) return node.map((n) => renameTable(n, from, to));
  if (node === null || typeof node !== 'object') return node;
  const o = node as { kind?: unknown; name?: unknown; alias?: unknown; with?: WithClause | null };
  if (o.with && o.with.ctes.some((c) => c.name === from)) return node;
  if (o.kind === 'table' && Array.isArray(o.name) && o.name.length === 1 && o.name[0] === from) {
    return { ...o, name: [to], alias: o.alias ?? { name: from, columns: [] } };
  }
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) copy[k] = renameTable(v, from, to);
  return copy;
}

/**
 * How many rows of CTE `name` the query can read at most: `SELECT <no functions> FROM name
 * [LIMIT n [OFFSET m]]` reads n + m, so a UNION ALL recursion may stop there (the usual way
 * tests bound an infinite recursion). Infinity otherwise.
 */
function rowsNeeded(query: Query, name: string): number {
  if (query.kind !== 'select' || query.limit?.kind !== 'integer' || (query.offset !== null && query.offset.kind !== 'integer')) return Infinity;
  const single = query.from.length === 1 && query.from[0]!.kind === 'table' && query.from[0]!.name.length === 1 && query.from[0]!.name[0] === name;
  if (!single || query.where || query.groupBy.length > 0 || query.having || query.distinct !== false || query.orderBy.length > 0) return Infinity;
  if (JSON.stringify(query.targets).includes('"kind":"func"') || JSON.stringify(query.targets).includes('"kind":"subquery"')) return Infinity;
  return query.limit.value + (query.offset?.kind === 'integer' ? query.offset.value : 0);
}

async function evaluate(cte: Cte, withPrefix: (q: Query) => Query, overlay: OverlayCatalog, run: QueryRunner, needed: number): Promise<TableScanner> {
  const body = cte.query;
  if (body.kind !== 'set_operation' || body.op !== 'union' || references(body.left, cte.name)
      || body.orderBy.length > 0 || body.limit !== null || body.offset !== null) {
    throw new LochError('42P19', `recursive query "${cte.name}" does not have the form non-recursive-term UNION [ALL] recursive-term`, { position: cte.location + 1 });
  }
  if (referenceCount(body.right, cte.name) > 1) {
    throw new LochError('42P19', `recursive reference to query "${cte.name}" must not appear more than once`, { position: cte.location + 1 });
  }
  const distinct = !body.all;
  const anchorQuery = distinct ? selectAll(body.left, true) : body.left;
  const anchor = await run(withPrefix(anchorQuery), overlay);
  if (cte.columnNames.length > anchor.fields.length) {
    throw new LochError(SqlState.syntaxError, `WITH query "${cte.name}" has ${anchor.fields.length} columns available but ${cte.columnNames.length} columns specified`, { position: cte.location + 1 });
  }
  const columns: SourceColumn[] = anchor.fields.map((f, i) => ({ name: cte.columnNames[i] ?? f.name, type: f.type, nullable: true }));
  // The recursive term must have the anchor's width (castTo's column alias would silently drop extra columns).
  overlay.tables.set(cte.name, memoryTable(columns, []));
  const stepWidth = (await run(withPrefix(firstRows(body.right, 0)), overlay)).fields.length;
  if (stepWidth !== anchor.fields.length) {
    throw new LochError(SqlState.syntaxError, `each UNION query must have the same number of columns (recursive query "${cte.name}": ${anchor.fields.length} and ${stepWidth})`, { position: cte.location + 1 });
  }
  const all: Batch[] = [...anchor.batches];
  let working: Batch[] = anchor.batches;
  const allName = `__loch_recursive_all_${cte.name}`;
  overlay.tables.set(allName, memoryTable(columns, all));
  let step = castTo(body.right, columns);
  if (distinct) step = { kind: 'set_operation', op: 'except', all: false, left: step, right: selectAllFrom(allName), with: null, orderBy: [], limit: null, offset: null };
  let rows = count(all);
  for (let iteration = 0; count(working) > 0 && (distinct || rows < needed); iteration++) {
    if (iteration >= MAX_ITERATIONS || rows > MAX_ROWS) {
      throw new LochError('54001', `recursive query "${cte.name}" did not reach a fixed point within ${MAX_ITERATIONS} iterations or ${MAX_ROWS} rows`, { hint: 'Check that the recursive term eventually adds no rows (a WHERE that stops it).' });
    }
    overlay.tables.set(cte.name, memoryTable(columns, working));
    working = (await run(withPrefix(step), overlay)).batches;
    all.push(...working);
    rows += count(working);
  }
  overlay.tables.delete(allName);
  return memoryTable(columns, all);
}

/** How many FROM references to the one-part table name `name` `node` holds. */
function referenceCount(node: unknown, name: string): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + referenceCount(x, name), 0);
  if (node === null || typeof node !== 'object') return 0;
  const o = node as { kind?: unknown; name?: unknown };
  if (o.kind === 'table' && Array.isArray(o.name) && o.name.length === 1 && o.name[0] === name) return 1;
  return Object.values(node).reduce((n: number, v) => n + referenceCount(v, name), 0);
}

/** `SELECT * FROM (q) AS __q LIMIT n`. */
function firstRows(q: Query, n: number): Query {
  return { ...selectAll(q, false), limit: { kind: 'integer', value: n, location: -1 } };
}

function count(batches: readonly Batch[]): number {
  let n = 0;
  for (const b of batches) n += b.length;
  return n;
}

/** `SELECT [DISTINCT] * FROM (q) AS __q`. */
function selectAll(q: Query, distinct: boolean): Query {
  return {
    kind: 'select', distinct, targets: [{ kind: 'star', qualifier: null, location: -1 }],
    from: [{ kind: 'subquery', query: q, alias: { name: '__q', columns: [] }, lateral: false, location: -1 }],
    where: null, groupBy: [], having: null, with: null, orderBy: [], limit: null, offset: null,
  };
}

function selectAllFrom(table: string): Query {
  return {
    kind: 'select', distinct: false, targets: [{ kind: 'star', qualifier: null, location: -1 }],
    from: [{ kind: 'table', name: [table], alias: null, location: -1 }],
    where: null, groupBy: [], having: null, with: null, orderBy: [], limit: null, offset: null,
  };
}

/** `SELECT CAST(c1 AS t1), … FROM (q) AS __step(c1, …)`: the recursive term typed as the anchor. */
function castTo(q: Query, columns: readonly SourceColumn[]): Query {
  const inner = columns.map((_c, i) => `__c${i + 1}`);
  const targets: SelectItem[] = columns.map((c, i) => {
    const ref: AstExpr = { kind: 'column', parts: ['__step', inner[i]!], location: -1 };
    const type = astType(c.type);
    return { kind: 'expr', expr: type ? { kind: 'typecast', expr: ref, type, location: -1 } : ref, alias: c.name };
  });
  return {
    kind: 'select', distinct: false, targets,
    from: [{ kind: 'subquery', query: q, alias: { name: '__step', columns: inner }, lateral: false, location: -1 }],
    where: null, groupBy: [], having: null, with: null, orderBy: [], limit: null, offset: null,
  };
}

/** The SQL type name of a scalar type (null for NULL and nested types: those are left uncast). */
function astType(t: DataType): TypeName | null {
  if (t.kind === 'decimal') return { names: ['numeric'], typmods: [t.precision, t.scale] };
  if (t.kind === 'null' || t.kind === 'binary' || t.kind === 'array' || t.kind === 'struct' || t.kind === 'map') return null;
  return { names: [typeName(t)], typmods: [] };
}
