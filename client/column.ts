/**
 * Column expressions of the DataFrame client (issue 5).
 *
 * A `Column` is an immutable expression tree (`ColumnExpr`) that the SQL
 * compiler (sql-compiler.ts) renders as PostgreSQL-dialect SQL text. Nothing is
 * resolved on the client: names, types and functions are bound by the server's
 * binder, exactly as for SQL text, so errors (42703, 42883, 42804 …) come back
 * with the server's SQLSTATE and message.
 *
 *   col('a').plus(1).gt(col('b'))   ─►  (("a" + 1) > "b")
 */
import type { WindowSpec } from './window.ts';

/** A JS value usable as a literal: numbers, strings, booleans, bigint, Date, null. */
export type LiteralInput = number | string | boolean | bigint | Date | null;

/** Anything a column-taking method accepts: a Column, or a literal (never a column name). */
export type ColumnOrLiteral = Column | LiteralInput;

/** Where a subquery's compiled SQL comes from (a DataFrame; kept abstract to avoid an import cycle). */
export interface SqlSource {
  /** The SELECT statement of this plan. */
  toSql(): Promise<string>;
}

/** The expression tree; sql-compiler.ts renders it. */
export type ColumnExpr =
  | { readonly kind: 'column'; readonly name: readonly string[] }
  | { readonly kind: 'star'; readonly qualifier: string | null }
  | { readonly kind: 'literal'; readonly value: LiteralInput }
  | { readonly kind: 'binary'; readonly op: string; readonly left: ColumnExpr; readonly right: ColumnExpr }
  | { readonly kind: 'unary'; readonly op: 'NOT' | '-'; readonly arg: ColumnExpr }
  | { readonly kind: 'postfix'; readonly op: 'IS NULL' | 'IS NOT NULL'; readonly arg: ColumnExpr }
  | { readonly kind: 'in'; readonly arg: ColumnExpr; readonly list: readonly ColumnExpr[]; readonly negated: boolean }
  | { readonly kind: 'inSubquery'; readonly arg: ColumnExpr; readonly query: SqlSource; readonly negated: boolean }
  | { readonly kind: 'between'; readonly arg: ColumnExpr; readonly low: ColumnExpr; readonly high: ColumnExpr }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly ColumnExpr[]; readonly distinct: boolean }
  | { readonly kind: 'case'; readonly branches: readonly { readonly when: ColumnExpr; readonly then: ColumnExpr }[]; readonly otherwise: ColumnExpr | null }
  | { readonly kind: 'cast'; readonly arg: ColumnExpr; readonly type: string }
  | { readonly kind: 'alias'; readonly arg: ColumnExpr; readonly name: string }
  | { readonly kind: 'sort'; readonly arg: ColumnExpr; readonly descending: boolean; readonly nulls: 'first' | 'last' | null }
  | { readonly kind: 'window'; readonly fn: ColumnExpr; readonly spec: WindowSpec }
  | { readonly kind: 'scalarSubquery'; readonly query: SqlSource }
  | { readonly kind: 'exists'; readonly query: SqlSource; readonly negated: boolean }
  | { readonly kind: 'sql'; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly ColumnExpr[] }
  | { readonly kind: 'interval'; readonly text: string };

/** Turns a method argument into an expression: Columns stay, anything else is a literal. */
export function toExpr(v: ColumnOrLiteral): ColumnExpr {
  return v instanceof Column ? v.expr : { kind: 'literal', value: v };
}

/** Turns a "column or column name" argument into a Column (strings name columns, as in PySpark). */
export function toColumn(v: Column | string): Column {
  return typeof v === 'string' ? col(v) : v;
}

/** An immutable column expression. Every method returns a new Column. */
export class Column {
  readonly expr: ColumnExpr;

  constructor(expr: ColumnExpr) {
    this.expr = expr;
  }

  private bin(op: string, other: ColumnOrLiteral): Column {
    return new Column({ kind: 'binary', op, left: this.expr, right: toExpr(other) });
  }

  eq(other: ColumnOrLiteral): Column { return this.bin('=', other); }
  neq(other: ColumnOrLiteral): Column { return this.bin('<>', other); }
  lt(other: ColumnOrLiteral): Column { return this.bin('<', other); }
  leq(other: ColumnOrLiteral): Column { return this.bin('<=', other); }
  gt(other: ColumnOrLiteral): Column { return this.bin('>', other); }
  geq(other: ColumnOrLiteral): Column { return this.bin('>=', other); }
  plus(other: ColumnOrLiteral): Column { return this.bin('+', other); }
  minus(other: ColumnOrLiteral): Column { return this.bin('-', other); }
  multiply(other: ColumnOrLiteral): Column { return this.bin('*', other); }
  divide(other: ColumnOrLiteral): Column { return this.bin('/', other); }
  mod(other: ColumnOrLiteral): Column { return this.bin('%', other); }
  and(other: ColumnOrLiteral): Column { return this.bin('AND', other); }
  or(other: ColumnOrLiteral): Column { return this.bin('OR', other); }
  /** String concatenation (`||`). */
  concat(other: ColumnOrLiteral): Column { return this.bin('||', other); }
  not(): Column { return new Column({ kind: 'unary', op: 'NOT', arg: this.expr }); }
  negate(): Column { return new Column({ kind: 'unary', op: '-', arg: this.expr }); }
  isNull(): Column { return new Column({ kind: 'postfix', op: 'IS NULL', arg: this.expr }); }
  isNotNull(): Column { return new Column({ kind: 'postfix', op: 'IS NOT NULL', arg: this.expr }); }
  like(pattern: string | Column): Column { return this.bin('LIKE', pattern); }
  notLike(pattern: string | Column): Column { return this.bin('NOT LIKE', pattern); }
  between(low: ColumnOrLiteral, high: ColumnOrLiteral): Column {
    return new Column({ kind: 'between', arg: this.expr, low: toExpr(low), high: toExpr(high) });
  }

  /**
   * `x IN (…)`: a list of values/columns, or a single-column DataFrame (an IN subquery).
   * An empty list is always false (rendered as `FALSE`, since SQL has no empty IN list).
   */
  isin(...values: readonly (ColumnOrLiteral | SqlSource)[]): Column {
    const [first] = values;
    if (values.length === 1 && first !== null && typeof first === 'object' && !(first instanceof Column) && !(first instanceof Date)) {
      return new Column({ kind: 'inSubquery', arg: this.expr, query: first, negated: false });
    }
    return new Column({ kind: 'in', arg: this.expr, list: (values as readonly ColumnOrLiteral[]).map(toExpr), negated: false });
  }

  /** `NOT IN (…)`, the negation of `isin`. */
  notIn(...values: readonly (ColumnOrLiteral | SqlSource)[]): Column {
    const e = this.isin(...values).expr;
    return new Column(e.kind === 'in' || e.kind === 'inSubquery' ? { ...e, negated: true } : e);
  }

  /** `CAST(x AS type)`; `type` is a SQL type name (`'bigint'`, `'decimal(15,2)'`, `'date'`, …). */
  cast(type: string): Column {
    if (!/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?$/.test(type.trim())) {
      throw new TypeError(`cast: "${type}" is not a SQL type name`);
    }
    return new Column({ kind: 'cast', arg: this.expr, type: type.trim() });
  }

  /** Names the column in a select list. */
  alias(name: string): Column { return new Column({ kind: 'alias', arg: this.expr, name }); }
  /** Same as alias (PySpark's other spelling). */
  as(name: string): Column { return this.alias(name); }
  asc(): Column { return new Column({ kind: 'sort', arg: this.expr, descending: false, nulls: null }); }
  desc(): Column { return new Column({ kind: 'sort', arg: this.expr, descending: true, nulls: null }); }
  ascNullsFirst(): Column { return new Column({ kind: 'sort', arg: this.expr, descending: false, nulls: 'first' }); }
  descNullsLast(): Column { return new Column({ kind: 'sort', arg: this.expr, descending: true, nulls: 'last' }); }

  /** A window function call over a window (`F.rowNumber().over(Window.partitionBy('k').orderBy('t'))`). */
  over(spec: WindowSpec): Column { return new Column({ kind: 'window', fn: this.expr, spec }); }

  /** Chained `CASE WHEN` (continues a `when(…)` started with `F.when`). */
  when(condition: Column, value: ColumnOrLiteral): Column {
    if (this.expr.kind !== 'case' || this.expr.otherwise !== null) throw new TypeError('when() can only follow F.when(…) or another when(…)');
    return new Column({ ...this.expr, branches: [...this.expr.branches, { when: condition.expr, then: toExpr(value) }] });
  }

  /** The ELSE of a `F.when(…)` chain. */
  otherwise(value: ColumnOrLiteral): Column {
    if (this.expr.kind !== 'case' || this.expr.otherwise !== null) throw new TypeError('otherwise() can only follow F.when(…)');
    return new Column({ ...this.expr, otherwise: toExpr(value) });
  }

  /** Field of a struct column (`col('s').getField('x')` → `("s")."x"`). */
  getField(name: string): Column { return new Column({ kind: 'binary', op: '.', left: this.expr, right: { kind: 'column', name: [name] } }); }
  /** Element of an array column, 1-based as in SQL. */
  getItem(index: number): Column { return new Column({ kind: 'binary', op: '[]', left: this.expr, right: { kind: 'literal', value: index } }); }
}

/**
 * A column by name: `col('x')`, a qualified `col('o.x')` (after `alias('o')`),
 * or `col('*')` / `col('o.*')`. Names are quoted, so case and spaces are kept.
 */
export function col(name: string): Column {
  const parts = name.split('.');
  if (parts[parts.length - 1] === '*') return new Column({ kind: 'star', qualifier: parts.length > 1 ? parts.slice(0, -1).join('.') : null });
  return new Column({ kind: 'column', name: parts });
}

/** A column whose name contains dots (no qualifier splitting). */
export function column(...nameParts: readonly string[]): Column {
  return new Column({ kind: 'column', name: nameParts });
}

/** A literal value: numbers (integers stay integers), strings, booleans, bigint, Date (timestamp), null. */
export function lit(value: LiteralInput): Column {
  return new Column({ kind: 'literal', value });
}

/** A SQL expression given as text (`expr('a + 1')`), parsed by the server. */
export function expr(sql: string): Column {
  return new Column({ kind: 'sql', text: sql });
}
