/**
 * Compiles a DataFrame plan (plan.ts) into one SQL SELECT statement.
 *
 * Each node either extends the SELECT being built or, when SQL's clause order
 * forbids it, wraps it as a subquery `(…) AS "qN"` (as SQLGlot/Ibis do):
 *
 *   FROM → WHERE → GROUP BY → SELECT → DISTINCT → ORDER BY → LIMIT
 *
 * A filter on a bare FROM becomes WHERE; a select after a filter becomes the
 * select list; a filter after a select wraps. Joins keep chaining in one FROM
 * clause so qualified names of aliased inputs (`col('o.o_orderkey')`) stay in
 * scope for the select/filter that follows the join.
 */
import type * as arrow from 'apache-arrow';
import type { ColumnExpr } from './column.ts';
import { quoteIdent, renderExpr, renderSelectItem, renderSortKey } from './expr-sql.ts';
import type { PlanNode } from './plan.ts';

/** A SELECT under construction. */
interface Select {
  readonly from: string;
  /** The FROM clause is a single relation (no join), referable by `qualifier`. */
  readonly single: boolean;
  /** The FROM relation is a plain table/function without alias (can take one). */
  readonly bare: string | null;
  readonly where: readonly string[];
  readonly select: readonly string[] | null;
  readonly groupBy: readonly string[] | null;
  readonly distinct: boolean;
  readonly orderBy: readonly string[];
  readonly limit: number | null;
  readonly offset: number;
  /** A complete statement (set operation, raw SQL) that can only be wrapped. */
  readonly statement: string | null;
}

const EMPTY: Omit<Select, 'from' | 'single' | 'bare'> = { where: [], select: null, groupBy: null, distinct: false, orderBy: [], limit: null, offset: 0, statement: null };

/** Looks up a plan's output schema (the session runs `… LIMIT 0`). */
export type SchemaLookup = (node: PlanNode) => Promise<arrow.Schema>;

function render(s: Select): string {
  if (s.statement !== null) return s.statement;
  let sql = `SELECT ${s.distinct ? 'DISTINCT ' : ''}${s.select ? s.select.join(', ') : '*'} FROM ${s.from}`;
  if (s.where.length > 0) sql += ` WHERE ${s.where.join(' AND ')}`;
  if (s.groupBy && s.groupBy.length > 0) sql += ` GROUP BY ${s.groupBy.join(', ')}`;
  if (s.orderBy.length > 0) sql += ` ORDER BY ${s.orderBy.join(', ')}`;
  if (s.limit !== null) sql += ` LIMIT ${s.limit}`;
  if (s.offset > 0) sql += ` OFFSET ${s.offset}`;
  return sql;
}

const isBareFrom = (s: Select): boolean =>
  s.statement === null && s.where.length === 0 && s.select === null && s.groupBy === null && !s.distinct && s.orderBy.length === 0 && s.limit === null && s.offset === 0;
/** WHERE / select list / GROUP BY may still be added. */
const beforeSelect = (s: Select): boolean =>
  s.statement === null && s.select === null && s.groupBy === null && !s.distinct && s.orderBy.length === 0 && s.limit === null && s.offset === 0;

/** Compiles plans; one instance per statement so subquery aliases are unique. */
export class SqlCompiler {
  private counter = 0;
  private readonly schemaOf: SchemaLookup;

  constructor(schemaOf: SchemaLookup) {
    this.schemaOf = schemaOf;
  }

  /** The SQL SELECT statement of `node`. */
  async compile(node: PlanNode): Promise<string> {
    return render(await this.build(node));
  }

  private nextAlias(): string {
    return `q${++this.counter}`;
  }

  private wrap(s: Select, alias = this.nextAlias()): Select {
    if (s.bare !== null && isBareFrom(s)) return { ...EMPTY, from: `${s.bare} AS ${quoteIdent(alias)}`, single: true, bare: null };
    return { ...EMPTY, from: `(${render(s)}) AS ${quoteIdent(alias)}`, single: true, bare: null };
  }

  private async exprs(list: readonly ColumnExpr[]): Promise<string[]> {
    return Promise.all(list.map(renderSelectItem));
  }

  private async build(node: PlanNode): Promise<Select> {
    switch (node.kind) {
      case 'from': {
        const item = await node.item();
        if (!item.needsAlias) return { ...EMPTY, from: item.text, single: true, bare: item.text };
        const names = item.columnNames ? `(${item.columnNames.map(quoteIdent).join(', ')})` : '';
        return { ...EMPTY, from: `${item.text} AS ${quoteIdent(this.nextAlias())}${names}`, single: true, bare: null };
      }
      case 'sql':
        return { ...EMPTY, from: '', single: true, bare: null, statement: node.text.trim().replace(/;\s*$/, '') };
      case 'alias':
        return this.wrap(await this.build(node.input), node.name);
      case 'project': {
        let s = await this.build(node.input);
        if (!beforeSelect(s)) s = this.wrap(s);
        return { ...s, select: await this.exprs(node.columns) };
      }
      case 'filter': {
        let s = await this.build(node.input);
        if (!beforeSelect(s)) s = this.wrap(s);
        return { ...s, where: [...s.where, await renderExpr(node.condition)] };
      }
      case 'aggregate': {
        let s = await this.build(node.input);
        if (!beforeSelect(s)) s = this.wrap(s);
        const keys = await this.exprs(node.groupBy.map((e) => (e.kind === 'alias' ? e.arg : e)));
        return { ...s, groupBy: keys, select: [...(await this.exprs(node.groupBy)), ...(await this.exprs(node.aggregates))] };
      }
      case 'sort': {
        let s = await this.build(node.input);
        // ORDER BY may name input columns only while there is no select list (else it would see output aliases).
        if (!beforeSelect(s)) s = this.wrap(s);
        return { ...s, orderBy: await Promise.all(node.keys.map(renderSortKey)) };
      }
      case 'limit': {
        let s = await this.build(node.input);
        if (s.statement !== null || s.limit !== null || s.offset > 0) s = this.wrap(s);
        return { ...s, limit: node.count, offset: node.offset };
      }
      case 'distinct': {
        let s = await this.build(node.input);
        if (s.statement !== null || s.orderBy.length > 0 || s.limit !== null || s.offset > 0) s = this.wrap(s);
        return { ...s, distinct: true };
      }
      case 'setOp': {
        const left = this.wrap(await this.build(node.left));
        const right = this.wrap(await this.build(node.right));
        return { ...EMPTY, from: '', single: true, bare: null, statement: `${render(left)} ${node.op} ${render(right)}` };
      }
      case 'join':
        return this.join(node);
      case 'schemaDependent':
        return this.build(node.expand(await this.schemaOf(node.input), node.input));
      case 'deferred':
        return this.build(await node.make(this.schemaOf));
    }
  }

  private async join(node: Extract<PlanNode, { kind: 'join' }>): Promise<Select> {
    let left = await this.build(node.left);
    let right = await this.build(node.right);
    if (node.how === 'semi' || node.how === 'anti') {
      // A semi/anti join is a filter: the left keeps its FROM and WHERE (and so its qualified
      // names), and a filtered single right input moves its WHERE into the EXISTS subquery.
      if (!beforeSelect(left)) left = this.wrap(left);
      if (!beforeSelect(right) || !right.single || right.bare !== null) right = this.wrap(right);
      return this.semiJoin(node, left, right);
    }
    if (!isBareFrom(left)) left = this.wrap(left);
    if (!isBareFrom(right) || !right.single || right.bare !== null) right = this.wrap(right);
    const keyword = { inner: 'JOIN', left: 'LEFT JOIN', right: 'RIGHT JOIN', full: 'FULL JOIN', cross: 'CROSS JOIN' }[node.how];
    let condition = '';
    if (node.how !== 'cross') {
      if (node.on === null) condition = ' ON TRUE';
      else if (Array.isArray(node.on)) condition = ` USING (${(node.on as readonly string[]).map(quoteIdent).join(', ')})`;
      else condition = ` ON ${await renderExpr(node.on as ColumnExpr)}`;
    }
    return { ...EMPTY, from: `${left.from} ${keyword} ${right.from}${condition}`, single: false, bare: null };
  }

  /** Semi/anti joins are filters: `WHERE [NOT] EXISTS (SELECT 1 FROM right WHERE on)`. */
  private async semiJoin(node: Extract<PlanNode, { kind: 'join' }>, left: Select, right: Select): Promise<Select> {
    let condition: string;
    if (Array.isArray(node.on)) {
      // Column names: both sides need a name to qualify them with.
      if (!left.single) left = this.wrap(left);
      const l = aliasOf(left.from);
      const r = aliasOf(right.from);
      condition = (node.on as readonly string[]).map((c) => `${l}.${quoteIdent(c)} = ${r}.${quoteIdent(c)}`).join(' AND ');
    } else {
      condition = node.on === null ? 'TRUE' : await renderExpr(node.on as ColumnExpr);
    }
    const exists = `${node.how === 'anti' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${right.from} WHERE ${[...right.where, condition].join(' AND ')})`;
    return { ...left, where: [...left.where, exists] };
  }
}

/** The name a single FROM relation is referred to by: its alias, or the table name. */
function aliasOf(from: string): string {
  const m = /\sAS\s("(?:[^"]|"")*")(\(.*\))?$/.exec(from);
  if (m) return m[1]!;
  return from;
}
