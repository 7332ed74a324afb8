/**
 * The one file that sees libpg-query's parse tree (PostgreSQL's own node JSON)
 * and turns it into Loch's AST (ast.ts). Anything PostgreSQL parses that Loch
 * does not support yet becomes a 0A000 error naming the construct.
 */
import { LochError, SqlState } from '../../core/index.ts';
import { QUALIFY_WINDOW } from './qualify.ts';
import { expandGroupingSets, needsGroupingRewrite, type GroupingSpec } from './grouping-sets.ts';
import { isDistinctOn, rewriteDistinctOn } from './distinct-on.ts';
import { arrowCast } from './arrow-cast.ts';
import type { SemiAntiJoin, SemiAntiKind } from './semi-anti-join.ts';
import type { StarExclude } from './star-exclude.ts';
import { groupByAllItems, isGroupByAllAt } from './group-by-all.ts';
import type { SelectQuery } from './ast.ts';
import type {
  Alias, AstExpr, ColumnDefinition, FrameBoundSpec, MergeClause, NamedWindow, WindowFrameSpec, WindowSpec, FromItem, OrderByItem, Query, QueryTail, SelectItem, Statement, TypeName, WithClause,
} from './ast.ts';

/** A node of libpg-query's JSON: `{ NodeName: { …fields } }`. */
type PgNode = Record<string, unknown>;
type PgFields = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- libpg-query's JSON is untyped

function unsupported(what: string, location?: number): LochError {
  return new LochError(SqlState.featureNotSupported, `${what} is not supported yet`,
    location !== undefined && location >= 0 ? { position: location + 1 } : {});
}

function nodeName(node: PgNode): string {
  const keys = Object.keys(node);
  if (keys.length !== 1) throw new LochError(SqlState.internalError, `unexpected parse node with keys ${keys.join(',')}`);
  return keys[0]!;
}

function unwrap(node: PgNode): [string, PgFields] {
  const name = nodeName(node);
  return [name, (node[name] ?? {}) as PgFields];
}

function list(value: unknown): PgNode[] {
  return Array.isArray(value) ? (value as PgNode[]) : [];
}

function stringOf(node: PgNode): string {
  const [name, f] = unwrap(node);
  if (name === 'String') return String(f.sval ?? '');
  throw new LochError(SqlState.internalError, `expected a String node, got ${name}`);
}

function names(value: unknown): string[] {
  return list(value).map(stringOf);
}

/** Converts one parsed statement (`stmts[i].stmt`). `sql` is the statement's own text. */
export function adaptStatement(stmt: PgNode, sql: string): Statement {
  const [name, f] = unwrap(stmt);
  switch (name) {
    case 'SelectStmt':
      if (f.intoClause) {
        // `SELECT … INTO t FROM …` is CREATE TABLE t AS SELECT … (PostgreSQL, DataFusion).
        const into = f.intoClause as PgFields;
        const rel = fieldsOf(into.rel, 'RangeVar');
        const { intoClause: _into, ...query } = f;
        return {
          kind: 'create_table', name: rangeVarName(rel), format: null, location: null, options: {}, properties: {}, partitionedBy: [],
          columns: [], checks: [], asQuery: adaptQuery(query), ifNotExists: false, orReplace: false,
        };
      }
      return { kind: 'query', query: adaptQuery(f) };
    case 'ExplainStmt': {
      const options = list(f.options).map((o) => unwrap(o)[1]);
      const flag = (n: string) => options.some((o) => o.defname === n && (o.arg === undefined || defTruthy(o.arg)));
      return { kind: 'explain', analyze: flag('analyze'), verbose: flag('verbose'), statement: adaptStatement(f.query, sql) };
    }
    case 'CreateStmt':
      return adaptCreateTable(f, sql);
    case 'CreateTableAsStmt': {
      if (f.objtype !== 'OBJECT_TABLE') throw unsupported('CREATE MATERIALIZED VIEW');
      const into = f.into as PgFields;
      const rel = fieldsOf(into.rel, 'RangeVar');
      return {
        kind: 'create_table', name: rangeVarName(rel), format: into.accessMethod ? String(into.accessMethod) : null, location: null,
        options: {}, properties: reloptions(into.options), partitionedBy: [], columns: [], checks: [],
        asQuery: adaptQuery(unwrap(f.query)[1]), ifNotExists: !!f.if_not_exists, orReplace: false, ...(rel.relpersistence === 't' ? { temporary: true } : {}),
      };
    }
    case 'InsertStmt': {
      if (f.onConflictClause) throw unsupported('INSERT … ON CONFLICT');
      if (f.returningList) throw unsupported('INSERT … RETURNING');
      const rel = fieldsOf(f.relation, 'RangeVar');
      if (!f.selectStmt) throw unsupported('INSERT … DEFAULT VALUES');
      return {
        kind: 'insert', table: rangeVarName(rel), columns: list(f.cols).map((c) => String(unwrap(c)[1].name)),
        query: adaptQuery(unwrap(f.selectStmt)[1]), overwrite: false, location: rel.location ?? -1,
      };
    }
    case 'DeleteStmt': {
      if (f.returningList) throw unsupported('DELETE … RETURNING');
      const rel = fieldsOf(f.relation, 'RangeVar');
      const using = list(f.usingClause).map(adaptFrom);
      return {
        kind: 'delete', table: rangeVarName(rel), alias: rel.alias ? String(rel.alias.aliasname) : null, where: f.whereClause ? adaptExpr(f.whereClause) : null,
        location: rel.location ?? -1, ...(using.length > 0 ? { using } : {}),
      };
    }
    case 'UpdateStmt': {
      if (f.returningList) throw unsupported('UPDATE … RETURNING');
      const rel = fieldsOf(f.relation, 'RangeVar');
      const set = list(f.targetList).map((t) => {
        const tf = unwrap(t)[1];
        if (tf.indirection) throw unsupported('UPDATE of a column part', tf.location);
        const [vn, vf] = unwrap(tf.val);
        // Loch columns have no DEFAULT clause: their default is NULL
        const expr: AstExpr = vn === 'MultiAssignRef' ? adaptMultiAssign(vf, tf.location ?? -1)
          : vn === 'SetToDefault' ? { kind: 'null', location: tf.location ?? -1 } : adaptExpr(tf.val);
        return { column: String(tf.name), expr, location: tf.location ?? -1 };
      });
      const from = list(f.fromClause).map(adaptFrom);
      return {
        kind: 'update', table: rangeVarName(rel), alias: rel.alias ? String(rel.alias.aliasname) : null, set, where: f.whereClause ? adaptExpr(f.whereClause) : null,
        location: rel.location ?? -1, ...(from.length > 0 ? { from } : {}),
      };
    }
    case 'AlterTableStmt': {
      if (f.objtype !== 'OBJECT_TABLE') throw unsupported(`ALTER ${String(f.objtype).replace('OBJECT_', '')}`);
      const rel = fieldsOf(f.relation, 'RangeVar');
      const actions = list(f.cmds).map((c) => {
        const cf = unwrap(c)[1];
        if (cf.subtype === 'AT_AddColumn') {
          const def = unwrap(cf.def)[1];
          return { kind: 'add_column' as const, column: columnDefinition(def), ifNotExists: !!cf.missing_ok };
        }
        if (cf.subtype === 'AT_DropColumn') return { kind: 'drop_column' as const, name: String(cf.name), ifExists: !!cf.missing_ok };
        throw unsupported(`ALTER TABLE ${String(cf.subtype).replace('AT_', '')}`);
      });
      return { kind: 'alter_table', table: rangeVarName(rel), actions };
    }
    case 'RenameStmt': {
      if (f.renameType !== 'OBJECT_COLUMN' || f.relationType !== 'OBJECT_TABLE') throw unsupported(`ALTER … RENAME of ${String(f.renameType).replace('OBJECT_', '').toLowerCase()}`);
      return { kind: 'alter_table', table: rangeVarName(fieldsOf(f.relation, 'RangeVar')), actions: [{ kind: 'rename_column', from: String(f.subname), to: String(f.newname) }] };
    }
    case 'MergeStmt':
      return adaptMerge(f);
    case 'TruncateStmt':
      return { kind: 'truncate', tables: list(f.relations).map((r) => rangeVarName(unwrap(r)[1])) };
    case 'ViewStmt':
      return { kind: 'create_view', name: rangeVarName(f.view), query: adaptQuery(unwrap(f.query)[1]), orReplace: !!f.replace, sql };
    case 'PrepareStmt':
      return { kind: 'prepare', name: String(f.name), types: list(f.argtypes).map((t) => adaptTypeName(fieldsOf(t, 'TypeName'))), statement: adaptStatement(f.query, sql) };
    case 'ExecuteStmt':
      return { kind: 'execute', name: String(f.name), params: list(f.params).map(adaptExpr), location: 0 };
    case 'DeallocateStmt':
      return { kind: 'deallocate', name: f.isall || f.name === undefined ? null : String(f.name) };
    case 'IndexStmt': {
      const rel = fieldsOf(f.relation, 'RangeVar');
      return { kind: 'create_index', name: f.idxname ? String(f.idxname) : null, table: rangeVarName(rel), unique: !!f.unique, ifNotExists: !!f.if_not_exists, location: rel.location ?? -1 };
    }
    case 'CreateSchemaStmt':
      return { kind: 'create_schema', name: [String(f.schemaname)], ifNotExists: !!f.if_not_exists };
    case 'DropStmt': {
      if (f.removeType === 'OBJECT_SCHEMA') {
        return { kind: 'drop_schema', names: list(f.objects).map((o) => [String(unwrap(o)[1].sval)]), ifExists: !!f.missing_ok, cascade: f.behavior === 'DROP_CASCADE' };
      }
      if (f.removeType === 'OBJECT_INDEX') return { kind: 'drop_index', names: list(f.objects).map((o) => names(unwrap(o)[1].items)), ifExists: !!f.missing_ok };
      const type = f.removeType === 'OBJECT_VIEW' ? 'view' : f.removeType === 'OBJECT_TABLE' ? 'table' : null;
      if (!type) throw unsupported(`DROP ${String(f.removeType).replace('OBJECT_', '')}`);
      return { kind: 'drop', objectType: type, names: list(f.objects).map((o) => names(unwrap(o)[1].items)), ifExists: !!f.missing_ok };
    }
    case 'VariableSetStmt':
      return { kind: 'set', name: String(f.name ?? ''), value: f.args ? list(f.args).map(constText).join(', ') : null };
    case 'VariableShowStmt':
      return { kind: 'show', name: String(f.name) };
    case 'TransactionStmt': {
      const tag = f.kind === 'TRANS_STMT_BEGIN' || f.kind === 'TRANS_STMT_START' ? 'BEGIN' : f.kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : f.kind === 'TRANS_STMT_ROLLBACK' ? 'ROLLBACK' : null;
      if (!tag) throw unsupported(`transaction statement ${String(f.kind)}`);
      return { kind: 'transaction', tag };
    }
    default:
      throw unsupported(`statement ${name.replace(/Stmt$/, '')}`);
  }
}

/** `CREATE TABLE t (a int NOT NULL CHECK (a > 0), …, CHECK (…)) [USING fmt] [WITH (k = v)]` (PostgreSQL's form; Delta by default). */
function adaptCreateTable(f: PgFields, sql: string): Statement {
  if (f.partspec) throw unsupported('PARTITION BY (use PARTITIONED BY (col, …) with USING delta)');
  if (f.inhRelations) throw unsupported('INHERITS');
  const rel = fieldsOf(f.relation, 'RangeVar');
  const table = String(rel.relname);
  const uniqueKeys: string[][] = [];
  const checks: { name: string; expression: string }[] = [];
  const columns: ColumnDefinition[] = [];
  const primaryKey: string[] = [];
  const columnDefaults: Record<string, string> = {};
  for (const e of list(f.tableElts)) {
    const [n, c] = unwrap(e);
    if (n === 'Constraint') {
      if (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') {
        // Informational, as in Databricks: accepted, not enforced; a primary key's columns are NOT NULL.
        if (c.contype === 'CONSTR_PRIMARY') primaryKey.push(...names(c.keys));
        uniqueKeys.push(names(c.keys));
        continue;
      }
      if (c.contype !== 'CONSTR_CHECK') throw unsupported(`table constraint ${String(c.contype).replace('CONSTR_', '')}`, c.location);
      checks.push({ name: c.conname ? String(c.conname) : `${table}_check${checks.length > 0 ? checks.length : ''}`, expression: checkText(sql, c) });
      continue;
    }
    if (n !== 'ColumnDef') throw unsupported(`table element ${n}`);
    columns.push(columnDefinition(c, sql));
    const defaultAt = list(c.constraints).findIndex((x) => unwrap(x)[1].contype === 'CONSTR_DEFAULT');
    if (defaultAt >= 0) columnDefaults[String(c.colname)] = defaultText(sql, list(c.constraints).map((x) => unwrap(x)[1]), defaultAt);
    if (list(c.constraints).some((x) => ['CONSTR_PRIMARY', 'CONSTR_UNIQUE'].includes(String(unwrap(x)[1].contype)))) uniqueKeys.push([String(c.colname)]);
    for (const k of list(c.constraints).map((x) => unwrap(x)[1]).filter((k) => k.contype === 'CONSTR_CHECK')) {
      checks.push({ name: k.conname ? String(k.conname) : `${table}_${String(c.colname)}_check`, expression: checkText(sql, k) });
    }
  }
  for (const k of primaryKey) {
    const i = columns.findIndex((c) => c.name === k);
    if (i < 0) throw new LochError(SqlState.undefinedColumn, `column "${k}" named in key does not exist`);
    columns[i] = { ...columns[i]!, notNull: true };
  }
  return {
    kind: 'create_table', name: rangeVarName(rel), format: f.accessMethod ? String(f.accessMethod) : null, location: null,
    options: {}, properties: reloptions(f.options), partitionedBy: [], columns, checks, asQuery: null, ifNotExists: !!f.if_not_exists, orReplace: false,
    ...(rel.relpersistence === 't' ? { temporary: true } : {}), ...(uniqueKeys.length > 0 ? { uniqueKeys } : {}),
    ...(Object.keys(columnDefaults).length > 0 ? { columnDefaults } : {}),
  };
}

/**
 * The SQL text of a column's DEFAULT expression: from after DEFAULT to the column's next
 * constraint, or to the `,` / `)` that ends the column definition.
 */
function defaultText(sql: string, constraints: readonly PgFields[], at: number): string {
  const from = typeof constraints[at]!.location === 'number' ? constraints[at]!.location as number : 0;
  const m = /^\s*default\b/i.exec(sql.slice(from));
  const start = from + (m ? m[0].length : 0);
  const next = constraints.slice(at + 1).map((k) => k.location).find((l): l is number => typeof l === 'number' && l > start);
  let depth = 0;
  let end = next ?? sql.length;
  for (let i = start; i < end; i++) {
    const ch = sql[i]!;
    if (ch === "'") { i = sql.indexOf("'", i + 1); if (i < 0) break; continue; }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) { end = i; break; }
    else if (ch === ',' && depth === 0) { end = i; break; }
  }
  const text = sql.slice(start, end).trim();
  if (text === '') throw new LochError(SqlState.syntaxError, 'DEFAULT needs an expression', { position: from + 1 });
  return text;
}

/** The SQL text of a CHECK constraint's expression: the parenthesized text after CHECK (kept as written, as Delta stores it). */
function checkText(sql: string, constraint: PgFields): string {
  return parenthesizedAfter(sql, constraint, /\bcheck\s*\(/i, 'CHECK');
}

/** The text inside the parentheses that `opener` (ending in `(`) starts, searching from the constraint's location. */
function parenthesizedAfter(sql: string, constraint: PgFields, opener: RegExp, what: string): string {
  const from = typeof constraint.location === 'number' ? constraint.location : 0;
  const m = opener.exec(sql.slice(from));
  if (!m) throw unsupported(`this ${what} form`, from);
  const open = from + m.index + m[0].length - 1;
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'") { i = sql.indexOf("'", i + 1); if (i < 0) break; continue; }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return sql.slice(open + 1, i).trim();
  }
  throw new LochError(SqlState.syntaxError, `unterminated ${what} expression`, { position: open + 1 });
}

function adaptMerge(f: PgFields): Statement {
  if (f.withClause) throw unsupported('WITH … MERGE');
  if (f.returningList) throw unsupported('MERGE … RETURNING');
  const rel = fieldsOf(f.relation, 'RangeVar');
  const matchKinds: Record<string, MergeClause['match']> = {
    MERGE_WHEN_MATCHED: 'matched', MERGE_WHEN_NOT_MATCHED_BY_TARGET: 'not_matched', MERGE_WHEN_NOT_MATCHED_BY_SOURCE: 'not_matched_by_source',
  };
  const clauses = list(f.mergeWhenClauses).map((w): MergeClause => {
    const c = unwrap(w)[1];
    const match = matchKinds[String(c.matchKind)];
    if (!match) throw unsupported(`MERGE clause ${String(c.matchKind)}`);
    const condition = c.condition ? adaptExpr(c.condition) : null;
    const targets = list(c.targetList).map((t) => unwrap(t)[1]);
    switch (c.commandType) {
      case 'CMD_UPDATE':
        return { match, condition, action: { kind: 'update', set: targets.map((t) => ({ column: String(t.name), expr: adaptExpr(t.val), location: t.location ?? -1 })) } };
      case 'CMD_DELETE':
        return { match, condition, action: { kind: 'delete' } };
      case 'CMD_INSERT':
        if (!c.values) throw unsupported('INSERT DEFAULT VALUES in MERGE');
        return { match, condition, action: { kind: 'insert', columns: targets.map((t) => String(t.name)), values: list(c.values).map(adaptExpr) } };
      case 'CMD_NOTHING':
        return { match, condition, action: { kind: 'nothing' } };
      default:
        throw unsupported(`MERGE action ${String(c.commandType)}`);
    }
  });
  return {
    kind: 'merge', target: rangeVarName(rel), alias: rel.alias ? String(rel.alias.aliasname) : null,
    source: adaptFrom(f.sourceRelation), on: adaptExpr(f.joinCondition), clauses, location: rel.location ?? -1,
  };
}

function columnDefinition(c: PgFields, sql = ''): ColumnDefinition {
  const constraints = list(c.constraints).map((x) => unwrap(x)[1]);
  for (const k of constraints) {
    if (!['CONSTR_NOTNULL', 'CONSTR_NULL', 'CONSTR_CHECK', 'CONSTR_GENERATED', 'CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_DEFAULT'].includes(String(k.contype))) {
      throw unsupported(`column constraint ${String(k.contype).replace('CONSTR_', '')}`, k.location);
    }
  }
  const generated = constraints.find((k) => k.contype === 'CONSTR_GENERATED');
  return {
    // PRIMARY KEY / UNIQUE are informational (Databricks); a primary key implies NOT NULL.
    name: String(c.colname), type: adaptTypeName(fieldsOf(c.typeName, 'TypeName')), notNull: constraints.some((k) => k.contype === 'CONSTR_NOTNULL' || k.contype === 'CONSTR_PRIMARY'),
    ...(generated ? { generatedAs: parenthesizedAfter(sql, generated, /\bas\s*\(/i, 'GENERATED … AS') } : {}),
  };
}

/** `WITH (k = v, …)` storage parameters, taken as table properties. */
function reloptions(options: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of list(options)) {
    const d = unwrap(o)[1];
    const key = [d.defnamespace, d.defname].filter(Boolean).join('.');
    out[key] = d.arg ? constText(d.arg) || stringOfArg(d.arg) : 'true';
  }
  return out;
}

function stringOfArg(arg: PgNode): string {
  const [n, f] = unwrap(arg);
  if (n === 'String') return String(f.sval);
  if (n === 'Integer') return String(f.ival ?? 0);
  if (n === 'Boolean') return String(!!f.boolval);
  return '';
}

function defTruthy(arg: PgNode): boolean {
  const [n, f] = unwrap(arg);
  if (n === 'String') return !['false', 'off', '0'].includes(String(f.sval).toLowerCase());
  if (n === 'Boolean') return !!f.boolval;
  if (n === 'Integer') return f.ival !== 0;
  return true;
}

function constText(node: PgNode): string {
  const [n, f] = unwrap(node);
  if (n === 'A_Const') {
    if (f.sval) return String(f.sval.sval);
    if (f.ival) return String(f.ival.ival ?? 0);
    if (f.fval) return String(f.fval.fval);
    if (f.boolval) return String(!!f.boolval.boolval);
    return '0';
  }
  return '';
}

function rangeVarName(f: PgFields): string[] {
  return [f.catalogname, f.schemaname, f.relname].filter((x): x is string => typeof x === 'string' && x.length > 0);
}

function adaptAlias(a: PgFields | undefined): Alias | null {
  if (!a) return null;
  return { name: String(a.aliasname), columns: names(a.colnames) };
}

export function adaptQuery(f: PgFields): Query {
  const tail: QueryTail = {
    with: f.withClause ? adaptWith(f.withClause) : null,
    orderBy: list(f.sortClause).map(adaptSortBy),
    limit: f.limitCount ? adaptExpr(f.limitCount) : null,
    offset: f.limitOffset ? adaptExpr(f.limitOffset) : null,
  };
  if (f.limitOption === 'LIMIT_OPTION_WITH_TIES') throw unsupported('FETCH … WITH TIES');
  if (f.op && f.op !== 'SETOP_NONE') {
    const op = f.op === 'SETOP_UNION' ? 'union' : f.op === 'SETOP_INTERSECT' ? 'intersect' : 'except';
    return { kind: 'set_operation', op, all: !!f.all, left: adaptQuery(f.larg), right: adaptQuery(f.rarg), ...tail };
  }
  if (f.valuesLists) {
    return { kind: 'values', rows: list(f.valuesLists).map((l) => list(unwrap(l)[1].items).map(adaptExpr)), ...tail };
  }
  if (f.intoClause) throw unsupported('SELECT INTO');
  if (f.lockingClause) throw unsupported('FOR UPDATE/SHARE');
  let distinct: boolean | AstExpr[] = false;
  if (Array.isArray(f.distinctClause)) {
    const exprs = (f.distinctClause as unknown[]).filter((x) => x && Object.keys(x as object).length > 0) as PgNode[];
    distinct = exprs.length === 0 ? true : exprs.map(adaptExpr);
  }
  // GROUP BY ALL arrives as the empty grouping set `()` at a remembered offset (group-by-all.ts).
  const groupClause = list(f.groupClause);
  const groupByAll = groupClause.length === 1 && nodeName(groupClause[0]!) === 'GroupingSet' && isGroupByAllAt(unwrap(groupClause[0]!)[1].location);
  const groupSpecs = groupByAll ? [] : groupClause.map(adaptGroupingSpec);
  const select: SelectQuery = {
    kind: 'select',
    distinct,
    targets: list(f.targetList).map(adaptTarget),
    from: list(f.fromClause).map(adaptFrom),
    where: f.whereClause ? adaptExpr(f.whereClause) : null,
    groupBy: groupByAll ? [] : list(f.groupClause).map(adaptGroupItem),
    having: f.havingClause ? adaptExpr(f.havingClause) : null,
    ...windowsAndQualify(f.windowClause),
    ...tail,
  };
  if (groupByAll) return { ...select, groupBy: groupByAllItems(select.targets) };
  // GROUPING SETS / ROLLUP / CUBE and grouping(): a UNION ALL of plain GROUP BYs (grouping-sets.ts).
  if (needsGroupingRewrite(groupSpecs, select)) return expandGroupingSets({ ...select, groupBy: [] }, groupSpecs);
  // DISTINCT ON: the first row per key in ORDER BY order, through row_number() (distinct-on.ts).
  return isDistinctOn(select) ? rewriteDistinctOn(select) : select;
}

/** A GROUP BY item in the adapter-neutral form grouping-sets.ts expands. */
function adaptGroupingSpec(node: PgNode): GroupingSpec {
  const [n, f] = unwrap(node);
  // `(a, b)` in GROUP BY is one grouping set of two expressions, not a row value.
  if (n === 'RowExpr') return { kind: 'simple', items: list(f.args).map(adaptGroupingSpec) };
  if (n !== 'GroupingSet') return { kind: 'expr', expr: adaptExpr(node) };
  const items = list(f.content).map(adaptGroupingSpec);
  switch (f.kind) {
    case 'GROUPING_SET_EMPTY': return { kind: 'empty' };
    case 'GROUPING_SET_SIMPLE': return { kind: 'simple', items };
    case 'GROUPING_SET_ROLLUP': return { kind: 'rollup', items };
    case 'GROUPING_SET_CUBE': return { kind: 'cube', items };
    case 'GROUPING_SET_SETS': return { kind: 'sets', items };
    default: throw unsupported(`grouping set ${String(f.kind)}`, f.location);
  }
}

function adaptGroupItem(node: PgNode): AstExpr {
  const [n, f] = unwrap(node);
  if (n === 'GroupingSet') {
    // Only reached for GROUP BY () alone; real grouping sets are rewritten by adaptQuery.
    return { kind: 'boolean', value: true, location: -1 };
  }
  return adaptExpr(node);
}

/** Some fields hold a struct directly (`withClause`, `typeName`) rather than a tagged node. */
function fieldsOf(value: PgFields, tag: string): PgFields {
  return (value[tag] as PgFields | undefined) ?? value;
}

function adaptWith(node: PgNode): WithClause {
  const f = fieldsOf(node, 'WithClause');
  return {
    recursive: !!f.recursive,
    ctes: list(f.ctes).map((c) => {
      const cf = unwrap(c)[1];
      return { name: String(cf.ctename), columnNames: names(cf.aliascolnames), query: adaptQuery(unwrap(cf.ctequery)[1]), location: cf.location ?? -1 };
    }),
  };
}

function adaptSortBy(node: PgNode): OrderByItem {
  const f = unwrap(node)[1];
  if (f.useOp) throw unsupported('ORDER BY … USING');
  return {
    expr: adaptExpr(f.node),
    direction: f.sortby_dir === 'SORTBY_ASC' ? 'asc' : f.sortby_dir === 'SORTBY_DESC' ? 'desc' : 'default',
    nulls: f.sortby_nulls === 'SORTBY_NULLS_FIRST' ? 'first' : f.sortby_nulls === 'SORTBY_NULLS_LAST' ? 'last' : 'default',
  };
}

function adaptTarget(node: PgNode): SelectItem {
  const f = unwrap(node)[1];
  const [vn, vf] = unwrap(f.val);
  if (vn === 'ColumnRef') {
    const fields = list(vf.fields);
    const last = fields[fields.length - 1];
    if (last && nodeName(last) === 'A_Star') {
      if (fields.length > 2) throw unsupported('qualified star with schema', vf.location);
      const exclude = starExcludes.find((x) => x.at === vf.location)?.names;
      return { kind: 'star', qualifier: fields.length === 2 ? stringOf(fields[0]!) : null, location: vf.location ?? -1, ...(exclude ? { exclude } : {}) };
    }
  }
  return { kind: 'expr', expr: adaptExpr(f.val), alias: f.name ? String(f.name) : null };
}

function adaptFrom(node: PgNode): FromItem {
  const [n, f] = unwrap(node);
  switch (n) {
    case 'RangeVar':
      return { kind: 'table', name: rangeVarName(f), alias: adaptAlias(f.alias), location: f.location ?? -1 };
    case 'RangeSubselect':
      return { kind: 'subquery', query: adaptQuery(unwrap(f.subquery)[1]), alias: adaptAlias(f.alias), lateral: !!f.lateral, location: -1 };
    case 'RangeFunction': {
      const fns = list(f.functions);
      const first = fns[0] ? list(unwrap(fns[0])[1].items)[0] : undefined;
      if (fns.length !== 1 || !first || nodeName(first) !== 'FuncCall') throw unsupported('this FROM function form');
      const call = adaptExpr(first);
      if (call.kind !== 'func') throw unsupported('this FROM function form');
      return { kind: 'function', name: call.name, args: call.args, alias: adaptAlias(f.alias), location: call.location, ...(f.ordinality ? { ordinality: true } : {}) };
    }
    case 'JoinExpr': {
      const kinds: Record<string, 'inner' | 'left' | 'right' | 'full'> = { JOIN_INNER: 'inner', JOIN_LEFT: 'left', JOIN_RIGHT: 'right', JOIN_FULL: 'full' };
      const k = kinds[String(f.jointype)];
      if (!k) throw unsupported(`join type ${String(f.jointype)}`);
      const cross = k === 'inner' && !f.quals && !f.usingClause && !f.isNatural;
      const semiAnti = k === 'inner' && f.quals ? semiAntiJoinAt(f.quals) : null;
      return {
        kind: 'join', joinKind: semiAnti ?? (cross ? 'cross' : k), left: adaptFrom(f.larg), right: adaptFrom(f.rarg),
        on: f.quals ? adaptExpr(f.quals) : null, using: names(f.usingClause), natural: !!f.isNatural, alias: adaptAlias(f.alias),
      };
    }
    default:
      throw unsupported(`FROM item ${n}`, f.location);
  }
}

export function adaptTypeName(f: PgFields): TypeName {
  const arrayBounds = list(f.arrayBounds).length;
  const n = names(f.names).filter((x, i, all) => !(x === 'pg_catalog' && all.length > 1));
  const typmods = list(f.typmods).map((m) => {
    const [mn, mf] = unwrap(m);
    if (mn === 'A_Const' && mf.ival) return Number(mf.ival.ival ?? 0);
    if (mn === 'A_Const' && mf.ival === undefined && !mf.sval && !mf.fval) return 0;
    throw unsupported('non-integer type modifier', mf.location);
  });
  // `int[]`: the bounds travel in the name, so every parseTypeName caller sees them
  return arrayBounds > 0 ? { names: [...n.slice(0, -1), `${n[n.length - 1]}${'[]'.repeat(arrayBounds)}`], typmods } : { names: n, typmods };
}

function adaptConst(f: PgFields): AstExpr {
  const location = f.location ?? -1;
  if (f.isnull) return { kind: 'null', location };
  if (f.ival) return { kind: 'integer', value: Number(f.ival.ival ?? 0), location };
  if (f.ival !== undefined) return { kind: 'integer', value: 0, location };
  if (f.fval) return { kind: 'numeric', text: String(f.fval.fval), location };
  if (f.sval) return { kind: 'string', value: String(f.sval.sval ?? ''), location };
  if (f.boolval) return { kind: 'boolean', value: !!f.boolval.boolval, location };
  if (f.bsval) {
    // X'0a1b' is a binary constant in Spark, DataFusion, DuckDB and SQLite (PostgreSQL's bit
    // strings have no Loch type): read it as bytea; B'101' stays unsupported
    const bits = String(f.bsval.bsval ?? '');
    if (/^x[0-9a-f]*$/i.test(bits)) return { kind: 'typecast', expr: { kind: 'string', value: `\\x${bits.slice(1)}`, location }, type: { names: ['bytea'], typmods: [] }, location };
    throw unsupported('bit string constants', location);
  }
  // PostgreSQL omits default-valued fields: an A_Const with no value field is 0, '' or false.
  return { kind: 'integer', value: 0, location };
}

const SQL_VALUE_FUNCTIONS: Record<string, 'current_date' | 'current_timestamp' | 'localtimestamp' | 'current_time' | 'current_user'> = {
  SVFOP_CURRENT_DATE: 'current_date', SVFOP_CURRENT_TIMESTAMP: 'current_timestamp', SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp', SVFOP_LOCALTIMESTAMP_N: 'localtimestamp', SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_USER: 'current_user', SVFOP_USER: 'current_user', SVFOP_SESSION_USER: 'current_user',
};

export function adaptExpr(node: PgNode): AstExpr {
  const [n, f] = unwrap(node);
  const location: number = f.location ?? -1;
  switch (n) {
    case 'ColumnRef': {
      const fields = list(f.fields);
      if (fields.some((x) => nodeName(x) === 'A_Star')) throw unsupported('* in this position', location);
      return { kind: 'column', parts: fields.map(stringOf), location };
    }
    case 'A_Const':
      return adaptConst(f);
    case 'ParamRef':
      return { kind: 'param', index: Number(f.number ?? 0), location };
    case 'TypeCast': {
      const cast = { kind: 'typecast', expr: adaptExpr(f.arg), type: adaptTypeName(fieldsOf(f.typeName, 'TypeName')), location: location >= 0 ? location : (f.typeName?.location ?? -1) } as const;
      return location >= 0 && tryCastOffsets.includes(location) ? { ...cast, try: true } : cast;
    }
    case 'BoolExpr': {
      const args = list(f.args).map(adaptExpr);
      if (f.boolop === 'NOT_EXPR') return { kind: 'not', arg: args[0]!, location };
      return { kind: f.boolop === 'AND_EXPR' ? 'and' : 'or', args, location };
    }
    case 'A_Expr':
      return adaptAExpr(f, location);
    case 'FuncCall':
      return adaptFuncCall(f, location);
    case 'CaseExpr':
      return {
        kind: 'case', operand: f.arg ? adaptExpr(f.arg) : null,
        whens: list(f.args).map((w) => { const wf = unwrap(w)[1]; return { when: adaptExpr(wf.expr), then: adaptExpr(wf.result) }; }),
        otherwise: f.defresult ? adaptExpr(f.defresult) : null, location,
      };
    case 'NullTest':
      return { kind: 'is_null', expr: adaptExpr(f.arg), negated: f.nulltesttype === 'IS_NOT_NULL', location };
    case 'BooleanTest': {
      const t = String(f.booltesttype);
      const test = t.includes('TRUE') ? true : t.includes('FALSE') ? false : null;
      return { kind: 'is_bool', expr: adaptExpr(f.arg), test, negated: t.includes('_NOT_'), location };
    }
    case 'CoalesceExpr':
      return { kind: 'coalesce', args: list(f.args).map(adaptExpr), location };
    case 'MinMaxExpr':
      return { kind: f.op === 'IS_GREATEST' ? 'greatest' : 'least', args: list(f.args).map(adaptExpr), location };
    case 'SubLink':
      return adaptSubLink(f, location);
    case 'SQLValueFunction': {
      const what = SQL_VALUE_FUNCTIONS[String(f.op)];
      if (!what) throw unsupported(String(f.op), location);
      return { kind: 'current', what, location };
    }
    case 'CollateClause':
      return adaptExpr(f.arg);
    case 'GroupingFunc':
      // grouping(a, …): replaced by its bit mask per grouping set (grouping-sets.ts).
      return { kind: 'func', name: 'grouping', args: list(f.args).map(adaptExpr), star: false, distinct: false, filter: null, orderBy: [], over: null, location };
    case 'A_ArrayExpr':
      return { kind: 'array', elements: list(f.elements).map(adaptExpr), location };
    case 'RowExpr':
      return { kind: 'row', args: list(f.args).map(adaptExpr), location };
    case 'A_Indirection':
      return adaptIndirection(f, location);
    default:
      throw unsupported(`expression ${n}`, location);
  }
}

function adaptAExpr(f: PgFields, location: number): AstExpr {
  const op = f.name ? names(f.name).join('.') : '';
  const left = f.lexpr ? adaptExpr(f.lexpr) : null;
  switch (f.kind) {
    case 'AEXPR_OP':
      return { kind: 'op', op, left, right: adaptExpr(f.rexpr), location };
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE':
      return { kind: 'like', expr: left!, pattern: adaptExpr(f.rexpr), negated: op.startsWith('!'), caseInsensitive: f.kind === 'AEXPR_ILIKE', location };
    case 'AEXPR_IN':
      return { kind: 'in_list', expr: left!, list: list(unwrap(f.rexpr)[1].items).map(adaptExpr), negated: op === '<>', location };
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN':
    case 'AEXPR_BETWEEN_SYM':
    case 'AEXPR_NOT_BETWEEN_SYM': {
      const [low, high] = list(unwrap(f.rexpr)[1].items).map(adaptExpr);
      return { kind: 'between', expr: left!, low: low!, high: high!, negated: String(f.kind).includes('NOT'), symmetric: String(f.kind).endsWith('SYM'), location };
    }
    case 'AEXPR_NULLIF':
      return { kind: 'nullif', left: left!, right: adaptExpr(f.rexpr), location };
    case 'AEXPR_DISTINCT':
    case 'AEXPR_NOT_DISTINCT':
      return { kind: 'distinct_from', left: left!, right: adaptExpr(f.rexpr), negated: f.kind === 'AEXPR_NOT_DISTINCT', location };
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL':
      return { kind: 'array_op', op, left: left!, right: adaptExpr(f.rexpr), all: f.kind === 'AEXPR_OP_ALL', location };
    case 'AEXPR_SIMILAR': // x [NOT] SIMILAR TO p: x ~ similar_to_escape(p) (or !~), as PostgreSQL rewrites it
      return { kind: 'op', op, left, right: adaptExpr(f.rexpr), location };
    default:
      throw unsupported(`operator form ${String(f.kind)}`, location);
  }
}

/** `x[i]`, `x[lo:hi]`, `(x).field`, applied left to right (issue 6). */
function adaptIndirection(f: PgFields, location: number): AstExpr {
  let expr = adaptExpr(f.arg);
  for (const step of list(f.indirection)) {
    const [sn, sf] = unwrap(step);
    if (sn === 'A_Indices') {
      const index = sf.is_slice ? (sf.lidx ? adaptExpr(sf.lidx) : null) : adaptExpr(sf.uidx);
      expr = { kind: 'subscript', expr, index, slice: !!sf.is_slice, upper: sf.is_slice && sf.uidx ? adaptExpr(sf.uidx) : null, location };
    } else if (sn === 'String') {
      expr = { kind: 'field', expr, name: stringOf(step), location };
    } else {
      throw unsupported(`indirection ${sn}`, location);
    }
  }
  return expr;
}

function adaptFuncCall(f: PgFields, location: number): AstExpr {
  const nameParts = names(f.funcname);
  const name = (nameParts[0] === 'pg_catalog' ? nameParts.slice(1) : nameParts).join('.').toLowerCase();
  let args = list(f.args).map(adaptExpr);
  // PostgreSQL spells SQL-syntax functions with pg_catalog names; map them back to the everyday ones.
  if (f.funcformat === 'COERCE_SQL_SYNTAX' && name === 'extract') args = [args[0]!, ...args.slice(1)];
  if (f.func_variadic) throw unsupported('VARIADIC', location);
  if (name === 'arrow_cast') {
    // DataFusion's cast spelling, used by its test setup statements (arrow-cast.ts).
    const cast = arrowCast(args, location);
    if (cast) return cast;
  }
  let over: WindowSpec | null = null;
  if (f.over) {
    const w = f.over as PgFields;
    // `OVER w` carries the referenced name in `name`; `OVER (w …)` in `refname`.
    over = w.name ? { ...adaptWindowDef(w), refName: String(w.name), reference: true } : adaptWindowDef(w);
    const end = typeof w.location === 'number' ? w.location : Infinity;
    if (ignoreNullsOffsets.some((at) => at > location && at < end) || ignoreNullsCalls.includes(location)) {
      return {
        kind: 'func', name, args, star: !!f.agg_star, distinct: !!f.agg_distinct, ignoreNulls: true,
        filter: f.agg_filter ? adaptExpr(f.agg_filter) : null, orderBy: list(f.agg_order).map(adaptSortBy), over, location,
      };
    }
  }
  return {
    kind: 'func', name, args, star: !!f.agg_star, distinct: !!f.agg_distinct,
    filter: f.agg_filter ? adaptExpr(f.agg_filter) : null, orderBy: list(f.agg_order).map(adaptSortBy), ...(f.agg_within_group ? { withinGroup: true } : {}), over, location,
    ...(ignoreNullsCalls.includes(location) ? { ignoreNulls: true } : {}), ...(respectNullsCalls.includes(location) ? { respectNulls: true } : {}),
  };
}

/**
 * One column of `SET (a, b) = (x, y)` or `SET (a, b) = (SELECT x, y …)`: PostgreSQL
 * gives every target the whole source and its position; the row's element, or
 * a scalar subquery of the sub-SELECT keeping only that column.
 */
function adaptMultiAssign(f: PgFields, location: number): AstExpr {
  const [sn, sf] = unwrap(f.source);
  const colno = Number(f.colno), ncolumns = Number(f.ncolumns);
  if (sn === 'RowExpr') {
    const args = list(sf.args);
    if (args.length !== ncolumns) throw new LochError(SqlState.syntaxError, 'number of columns does not match number of values', location >= 0 ? { position: location + 1 } : {});
    return adaptExpr(args[colno - 1]!);
  }
  if (sn === 'SubLink' && sf.subLinkType === 'EXPR_SUBLINK') {
    const select = unwrap(sf.subselect)[1];
    const targets = list(select.targetList);
    const star = targets.some((t) => { const v = unwrap(t)[1].val; return nodeName(v) === 'ColumnRef' && list(unwrap(v)[1].fields).some((x) => nodeName(x) === 'A_Star'); });
    if (star || select.op !== 'SETOP_NONE') throw unsupported('SET (…) = (SELECT * / set operation)', location);
    if (targets.length !== ncolumns) throw new LochError(SqlState.syntaxError, 'number of columns does not match number of values', location >= 0 ? { position: location + 1 } : {});
    const query = adaptQuery({ ...select, targetList: [targets[colno - 1]!] });
    return { kind: 'subquery', subqueryKind: 'scalar', query, expr: null, op: null, location: typeof sf.location === 'number' ? sf.location : -1 };
  }
  throw new LochError(SqlState.syntaxError, 'source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression', location >= 0 ? { position: location + 1 } : {});
}

function adaptSubLink(f: PgFields, location: number): AstExpr {
  const query = adaptQuery(unwrap(f.subselect)[1]);
  switch (f.subLinkType) {
    case 'EXISTS_SUBLINK':
      return { kind: 'subquery', subqueryKind: 'exists', query, expr: null, op: null, location };
    case 'EXPR_SUBLINK':
      return { kind: 'subquery', subqueryKind: 'scalar', query, expr: null, op: null, location };
    case 'ANY_SUBLINK': {
      const op = f.operName ? names(f.operName).join('.') : '=';
      return { kind: 'subquery', subqueryKind: op === '=' ? 'in' : 'any', query, expr: adaptExpr(f.testexpr), op, location };
    }
    case 'ALL_SUBLINK':
      return { kind: 'subquery', subqueryKind: 'all', query, expr: adaptExpr(f.testexpr), op: f.operName ? names(f.operName).join('.') : '=', location };
    default:
      throw unsupported(`subquery form ${String(f.subLinkType)}`, location);
  }
}

function adaptNamedWindow(node: PgNode): NamedWindow {
  const f = fieldsOf(node as PgFields, 'WindowDef');
  return { name: String(f.name), spec: adaptWindowDef(f) };
}

// PostgreSQL's FRAMEOPTION_* bits (nodes/parsenodes.h).
const FRAME = {
  NONDEFAULT: 0x1, RANGE: 0x2, ROWS: 0x4, GROUPS: 0x8,
  START_UNBOUNDED_PRECEDING: 0x20, END_UNBOUNDED_PRECEDING: 0x40, START_UNBOUNDED_FOLLOWING: 0x80, END_UNBOUNDED_FOLLOWING: 0x100,
  START_CURRENT_ROW: 0x200, END_CURRENT_ROW: 0x400, START_OFFSET_PRECEDING: 0x800, END_OFFSET_PRECEDING: 0x1000,
  START_OFFSET_FOLLOWING: 0x2000, END_OFFSET_FOLLOWING: 0x4000, EXCLUDE_CURRENT_ROW: 0x8000, EXCLUDE_GROUP: 0x10000, EXCLUDE_TIES: 0x20000,
} as const;

function adaptWindowDef(w: PgFields): WindowSpec {
  const opts = Number(w.frameOptions ?? 0);
  let frame: WindowFrameSpec | null = null;
  if (opts & FRAME.NONDEFAULT) {
    const bound = (start: boolean): FrameBoundSpec => {
      const b = start
        ? { up: FRAME.START_UNBOUNDED_PRECEDING, uf: FRAME.START_UNBOUNDED_FOLLOWING, cr: FRAME.START_CURRENT_ROW, op: FRAME.START_OFFSET_PRECEDING, of: FRAME.START_OFFSET_FOLLOWING }
        : { up: FRAME.END_UNBOUNDED_PRECEDING, uf: FRAME.END_UNBOUNDED_FOLLOWING, cr: FRAME.END_CURRENT_ROW, op: FRAME.END_OFFSET_PRECEDING, of: FRAME.END_OFFSET_FOLLOWING };
      const offset = start ? w.startOffset : w.endOffset;
      if (opts & b.up) return { kind: 'unbounded_preceding', offset: null };
      if (opts & b.uf) return { kind: 'unbounded_following', offset: null };
      if (opts & b.op) return { kind: 'preceding', offset: adaptExpr(offset) };
      if (opts & b.of) return { kind: 'following', offset: adaptExpr(offset) };
      return { kind: 'current_row', offset: null };
    };
    frame = {
      mode: opts & FRAME.ROWS ? 'rows' : opts & FRAME.GROUPS ? 'groups' : 'range',
      start: bound(true),
      end: bound(false),
      exclude: opts & FRAME.EXCLUDE_CURRENT_ROW ? 'current_row' : opts & FRAME.EXCLUDE_GROUP ? 'group' : opts & FRAME.EXCLUDE_TIES ? 'ties' : 'no_others',
    };
  }
  return {
    refName: w.refname ? String(w.refname) : null,
    partitionBy: list(w.partitionClause).map(adaptExpr),
    orderBy: list(w.orderClause).map(adaptSortBy),
    frame,
    location: typeof w.location === 'number' ? w.location : -1,
  };
}

/** The `* EXCLUDE/EXCEPT (…)` lists of the statement being adapted (star-exclude.ts). */
let starExcludes: readonly StarExclude[] = [];

/** Set by parse.ts before adapting a statement. */
export function setStarExcludes(excludes: readonly StarExclude[]): void {
  starExcludes = excludes;
}

/** The semi/anti joins of the statement being adapted (semi-anti-join.ts), by the offset of their ON. */
let semiAntiJoins: readonly SemiAntiJoin[] = [];
let sqlText = '';

/** Set by parse.ts before adapting a statement: its text and its semi/anti joins. */
export function setSemiAntiJoins(joins: readonly SemiAntiJoin[], sql: string): void {
  semiAntiJoins = joins;
  sqlText = sql;
  matchedSemiAntiJoins.clear();
}

/** The kind of the semi/anti join whose ON condition `quals` is: the condition starts right after that ON. */
function semiAntiJoinAt(quals: PgNode): SemiAntiKind | null {
  if (semiAntiJoins.length === 0) return null;
  const start = minLocation(quals);
  if (start < 0) return null;
  const join = semiAntiJoins.find((j) => j.on < start && /^on[\s(]*$/i.test(sqlText.slice(j.on, start)));
  if (!join) return null;
  matchedSemiAntiJoins.add(join.on);
  return join.kind;
}

const matchedSemiAntiJoins = new Set<number>();

/** After adapting a statement: a semi/anti join the adapter did not find would have run as an inner join, so it is an error. */
export function checkSemiAntiJoinsMatched(): void {
  const missed = semiAntiJoins.find((j) => !matchedSemiAntiJoins.has(j.on));
  semiAntiJoins = [];
  matchedSemiAntiJoins.clear();
  if (missed) throw new LochError(SqlState.featureNotSupported, 'this SEMI/ANTI JOIN form is not supported yet (write its ON condition right after ON)', { position: missed.on + 1 });
}

/** The smallest `location` in a libpg-query subtree (-1 when none). */
function minLocation(node: unknown): number {
  let min = -1;
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) { for (const x of n) visit(x); return; }
    if (n === null || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'location' && typeof v === 'number' && v >= 0) { if (min < 0 || v < min) min = v; }
      else visit(v);
    }
  };
  visit(node);
  return min;
}

/** Offsets of `IGNORE NULLS` in the statement being adapted (null-treatment.ts blanks them before parsing). */
let ignoreNullsOffsets: readonly number[] = [];

/** Start offsets of the calls with IGNORE NULLS / RESPECT NULLS after or inside their parentheses (null-treatment.ts). */
let ignoreNullsCalls: readonly number[] = [];
let respectNullsCalls: readonly number[] = [];

/** Set by parse.ts before adapting a statement. */
export function setIgnoreNullsOffsets(offsets: readonly number[], calls: readonly number[] = [], respectCalls: readonly number[] = []): void {
  ignoreNullsOffsets = offsets;
  ignoreNullsCalls = calls;
  respectNullsCalls = respectCalls;
}

/** Offsets of the CAST keywords that were TRY_CAST (try-cast.ts). */
let tryCastOffsets: readonly number[] = [];

/** Set by parse.ts before adapting a statement. */
export function setTryCastOffsets(offsets: readonly number[]): void {
  tryCastOffsets = offsets;
}

/** The WINDOW clause's definitions, and QUALIFY's condition carried in it by qualify.ts. */
function windowsAndQualify(clause: unknown): { windows?: NamedWindow[]; qualify?: AstExpr } {
  if (!clause) return {};
  const all = list(clause).map(adaptNamedWindow);
  const q = all.find((w) => w.name === QUALIFY_WINDOW);
  const windows = all.filter((w) => w.name !== QUALIFY_WINDOW);
  return { ...(windows.length > 0 ? { windows } : {}), ...(q ? { qualify: q.spec.partitionBy[0]! } : {}) };
}
