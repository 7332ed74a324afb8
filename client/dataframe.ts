/**
 * `DataFrame`: a lazy, immutable plan (plan.ts) bound to a session. Every
 * transformation returns a new DataFrame; nothing runs until an action
 * (collect, toArrow, toArrowStream, count, first, show, explain, write).
 * Actions compile the plan to one SQL statement (sql-compiler.ts) and send it
 * through the session's transport, the same QueryService.ExecuteQuery path as
 * SQL text: same binder, optimizer and authorization check.
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState, typeName } from '../core/index.ts';
import { Column, col, expr, lit, toColumn, type ColumnExpr, type LiteralInput, type SqlSource } from './column.ts';
import { quoteIdent } from './expr-sql.ts';
import { GroupedData } from './grouped-data.ts';
import type { JoinType, PlanNode, SetOperation } from './plan.ts';
import { batchRows, batchTextRows, fieldTypes, type RowObject } from './row-values.ts';
import type { Loch } from './session.ts';
import { formatShowTable } from './show-format.ts';
import { DataStreamWriter } from './streaming.ts';
import { WindowSpec } from './window.ts';
import { DataFrameWriter } from './writer.ts';

/** `explain(mode)`: simple/extended/formatted show the plans, analyze runs the query and shows metrics. */
export type ExplainMode = 'simple' | 'extended' | 'formatted' | 'verbose' | 'analyze';

/** Options of actions that run the query. */
export interface ActionOptions {
  readonly signal?: AbortSignal;
}

const sel = (cols: readonly (Column | string)[]): ColumnExpr[] => cols.map((c) => toColumn(c).expr);

/** A lazy, immutable query over a Loch session. */
export class DataFrame implements SqlSource {
  readonly session: Loch;
  readonly plan: PlanNode;

  constructor(session: Loch, plan: PlanNode) {
    this.session = session;
    this.plan = plan;
  }

  private with(plan: PlanNode): DataFrame {
    return new DataFrame(this.session, plan);
  }

  /** The SQL statement this DataFrame runs as. */
  toSql(): Promise<string> {
    return this.session.compile(this.plan);
  }

  /**
   * The result's Arrow schema, without running the query: the server plans
   * `SELECT * FROM (<sql>) AS q LIMIT 0` and returns an empty result.
   */
  get schema(): Promise<arrow.Schema> {
    return this.session.schemaOf(this.plan);
  }

  /** Output column names. */
  async columns(): Promise<string[]> {
    return (await this.schema).fields.map((f) => f.name);
  }

  // ---- transformations -------------------------------------------------------------

  /** Projection: column names, Columns, `'*'`. */
  select(...columns: readonly (Column | string)[]): DataFrame {
    if (columns.length === 0) throw new LochError(SqlState.invalidParameterValue, 'select() needs at least one column');
    return this.with({ kind: 'project', input: this.plan, columns: sel(columns) });
  }

  /** Projection of SQL expressions given as text (`selectExpr('a + 1 AS b')`). */
  selectExpr(...expressions: readonly string[]): DataFrame {
    return this.select(...expressions.map((e) => expr(e)));
  }

  /** Keeps rows where `condition` is true; a string is a SQL predicate. */
  filter(condition: Column | string): DataFrame {
    return this.with({ kind: 'filter', input: this.plan, condition: typeof condition === 'string' ? expr(condition).expr : condition.expr });
  }

  /** Alias of filter. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds a column, or replaces the column of that name in place (as PySpark). */
  withColumn(name: string, value: Column): DataFrame {
    return this.withColumns({ [name]: value });
  }

  /** Adds or replaces several columns. */
  withColumns(columns: Readonly<Record<string, Column>>): DataFrame {
    const entries = Object.entries(columns);
    return this.with({
      kind: 'schemaDependent',
      input: this.plan,
      expand: (schema, input) => {
        const existing = schema.fields.map((f) => f.name);
        const replaced = existing.map((n) => {
          const found = entries.find(([k]) => k === n);
          return found ? found[1].alias(n).expr : col(n).expr;
        });
        const added = entries.filter(([k]) => !existing.includes(k)).map(([k, c]) => c.alias(k).expr);
        return { kind: 'project', input, columns: [...replaced, ...added] };
      },
    });
  }

  /** Renames a column (no-op if absent, as PySpark). */
  withColumnRenamed(existing: string, renamed: string): DataFrame {
    return this.with({
      kind: 'schemaDependent',
      input: this.plan,
      expand: (schema, input) => ({
        kind: 'project',
        input,
        columns: schema.fields.map((f) => (f.name === existing ? col(f.name).alias(renamed).expr : col(f.name).expr)),
      }),
    });
  }

  /** Removes columns by name (names not present are ignored, as PySpark). */
  drop(...names: readonly string[]): DataFrame {
    return this.with({
      kind: 'schemaDependent',
      input: this.plan,
      expand: (schema, input) => {
        const kept = schema.fields.filter((f) => !names.includes(f.name));
        if (kept.length === 0) throw new LochError(SqlState.invalidParameterValue, `drop(${names.join(', ')}) would remove every column`);
        return { kind: 'project', input, columns: kept.map((f) => col(f.name).expr) };
      },
    });
  }

  /** Groups rows for aggregation: `groupBy('k').agg(F.sum('v'))`. */
  groupBy(...columns: readonly (Column | string)[]): GroupedData {
    return new GroupedData(this, sel(columns));
  }

  /** Aggregates over all rows (`df.agg(F.max('x'))`). */
  agg(...aggregates: readonly Column[]): DataFrame {
    return this.groupBy().agg(...aggregates);
  }

  /**
   * Joins with another DataFrame: `on` is a column name or list of names
   * (USING: one output column per name), or a boolean Column; `how` one of
   * inner, left, right, full, semi, anti, cross (also left_outer, leftsemi …).
   */
  join(other: DataFrame, on?: string | readonly string[] | Column, how: JoinType | 'outer' | 'left_outer' | 'right_outer' | 'full_outer' | 'leftsemi' | 'left_semi' | 'leftanti' | 'left_anti' = 'inner'): DataFrame {
    const aliases: Record<string, JoinType> = { outer: 'full', left_outer: 'left', right_outer: 'right', full_outer: 'full', leftsemi: 'semi', left_semi: 'semi', leftanti: 'anti', left_anti: 'anti' };
    const joinType = aliases[how] ?? (how as JoinType);
    if (!['inner', 'left', 'right', 'full', 'semi', 'anti', 'cross'].includes(joinType)) throw new LochError(SqlState.invalidParameterValue, `join type "${how}" is not one of inner, left, right, full, semi, anti, cross`);
    const condition = on === undefined ? null : typeof on === 'string' ? [on] : on instanceof Column ? on.expr : [...on];
    if (condition === null && joinType !== 'cross' && joinType !== 'inner') throw new LochError(SqlState.invalidParameterValue, `a ${joinType} join needs an "on" condition`);
    return this.with({ kind: 'join', left: this.plan, right: other.plan, how: condition === null ? 'cross' : joinType, on: condition });
  }

  /** Cartesian product. */
  crossJoin(other: DataFrame): DataFrame {
    return this.with({ kind: 'join', left: this.plan, right: other.plan, how: 'cross', on: null });
  }

  /** Sorts by columns (names sort ascending; use `col(x).desc()`). */
  orderBy(...columns: readonly (Column | string)[]): DataFrame {
    return this.with({ kind: 'sort', input: this.plan, keys: sel(columns) });
  }

  /** Alias of orderBy. */
  sort(...columns: readonly (Column | string)[]): DataFrame {
    return this.orderBy(...columns);
  }

  /** The first `n` rows (after skipping `offset`). */
  limit(n: number, offset = 0): DataFrame {
    if (!Number.isInteger(n) || n < 0) throw new LochError(SqlState.invalidParameterValue, `limit(${n}): the row count must be a non-negative integer`);
    return this.with({ kind: 'limit', input: this.plan, count: n, offset });
  }

  /** Distinct rows. */
  distinct(): DataFrame {
    return this.with({ kind: 'distinct', input: this.plan });
  }

  /**
   * Distinct rows, or with `subset` one row per distinct subset (the first by an
   * arbitrary order, as PySpark; computed with row_number()).
   */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    if (subset === undefined || subset.length === 0) return this.distinct();
    const rn = '__loch_row_number';
    return this.with({
      kind: 'schemaDependent',
      input: this.plan,
      expand: (schema, input) => {
        const numbered: PlanNode = { kind: 'project', input, columns: [col('*').expr, new Column({ kind: 'window', fn: { kind: 'function', name: 'row_number', args: [], distinct: false }, spec: windowOver(subset) }).alias(rn).expr] };
        const first: PlanNode = { kind: 'filter', input: numbered, condition: col(rn).eq(1).expr };
        return { kind: 'project', input: first, columns: schema.fields.map((f) => col(f.name).expr) };
      },
    });
  }

  private setOp(op: SetOperation, other: DataFrame): DataFrame {
    return this.with({ kind: 'setOp', op, left: this.plan, right: other.plan });
  }

  /** All rows of both (UNION ALL, by position, as PySpark's union). */
  union(other: DataFrame): DataFrame { return this.setOp('UNION ALL', other); }
  /** Alias of union. */
  unionAll(other: DataFrame): DataFrame { return this.setOp('UNION ALL', other); }

  /** UNION ALL matching columns by name; missing columns become NULL with `allowMissingColumns`. */
  unionByName(other: DataFrame, options: { allowMissingColumns?: boolean } = {}): DataFrame {
    return this.with({
      kind: 'deferred',
      make: async (schemaOf) => {
        const [a, b] = (await Promise.all([schemaOf(this.plan), schemaOf(other.plan)])).map((s) => s.fields.map((f) => f.name)) as [string[], string[]];
        const missingInA = b.filter((n) => !a.includes(n));
        const missingInB = a.filter((n) => !b.includes(n));
        if (!options.allowMissingColumns && (missingInA.length > 0 || missingInB.length > 0)) {
          throw new LochError(SqlState.undefinedColumn, `unionByName: column "${[...missingInB, ...missingInA][0]}" is not in both DataFrames (pass allowMissingColumns)`);
        }
        const names = [...a, ...missingInA];
        const pick = (have: readonly string[]) => names.map((n) => (have.includes(n) ? col(n) : lit(null).alias(n)));
        return this.select(...pick(a)).union(other.select(...pick(b))).plan;
      },
    });
  }

  /** Rows in both (INTERSECT, distinct). */
  intersect(other: DataFrame): DataFrame { return this.setOp('INTERSECT', other); }
  intersectAll(other: DataFrame): DataFrame { return this.setOp('INTERSECT ALL', other); }
  /** Rows of this not in other (EXCEPT, distinct). */
  except(other: DataFrame): DataFrame { return this.setOp('EXCEPT', other); }
  subtract(other: DataFrame): DataFrame { return this.setOp('EXCEPT', other); }
  exceptAll(other: DataFrame): DataFrame { return this.setOp('EXCEPT ALL', other); }

  /** One row per element of array column `column`, the element replacing it (or added as `as`); uses `unnest`. */
  explode(column: string, as: string = column): DataFrame {
    return this.withColumn(as, new Column({ kind: 'function', name: 'unnest', args: [col(column).expr], distinct: false }));
  }

  /**
   * Replaces NULLs with `value` in the columns of a matching type (numbers fill
   * numeric columns, strings text columns, booleans boolean columns), or in `subset`.
   */
  fillna(value: number | string | boolean, subset?: readonly string[]): DataFrame {
    return this.with({
      kind: 'schemaDependent',
      input: this.plan,
      expand: (schema, input) => ({
        kind: 'project',
        input,
        columns: schema.fields.map((f) => {
          const fits = subset ? subset.includes(f.name) : typeMatches(f.type, value);
          return fits ? new Column({ kind: 'function', name: 'coalesce', args: [col(f.name).expr, lit(value).expr], distinct: false }).alias(f.name).expr : col(f.name).expr;
        }),
      }),
    });
  }

  /** Drops rows with NULLs: `how: 'any'` (default) or `'all'` of `subset` (default every column). */
  dropna(options: { how?: 'any' | 'all'; subset?: readonly string[] } = {}): DataFrame {
    const how = options.how ?? 'any';
    return this.with({
      kind: 'schemaDependent',
      input: this.plan,
      expand: (schema, input) => {
        const names = options.subset ?? schema.fields.map((f) => f.name);
        const tests = names.map((n) => col(n).isNotNull());
        const condition = tests.reduce((a, b) => (how === 'any' ? a.and(b) : a.or(b)));
        return { kind: 'filter', input, condition: condition.expr };
      },
    });
  }

  /**
   * A random sample of about `fraction` of the rows (Bernoulli, `random() < fraction`):
   * the engine has no TABLESAMPLE yet, and no seeded random(), so `seed` is not supported.
   */
  sample(fraction: number, seed?: number): DataFrame {
    if (!(fraction >= 0 && fraction <= 1)) throw new LochError(SqlState.invalidParameterValue, `sample(${fraction}): the fraction must be between 0 and 1`);
    if (seed !== undefined) throw new LochError(SqlState.featureNotSupported, 'sample(): a seed is not supported (the engine has no seeded random())');
    return this.filter(new Column({ kind: 'function', name: 'random', args: [], distinct: false }).lt(fraction));
  }

  /** Names this DataFrame so qualified columns (`col('o.x')`) can refer to it in joins. */
  alias(name: string): DataFrame {
    return this.with({ kind: 'alias', input: this.plan, name });
  }

  // ---- actions -------------------------------------------------------------------------

  /** Streams the result as Arrow record batches; memory stays bounded by the batch size. */
  async *toArrowStream(options: ActionOptions = {}): AsyncGenerator<arrow.RecordBatch> {
    const result = await this.session.run(await this.toSql(), options);
    yield* result.batches;
  }

  /** The whole result as an Arrow Table. */
  async toArrow(options: ActionOptions = {}): Promise<arrow.Table> {
    const result = await this.session.run(await this.toSql(), options);
    const batches: arrow.RecordBatch[] = [];
    for await (const b of result.batches) batches.push(b);
    return batches.length > 0 ? new arrow.Table(batches) : new arrow.Table(result.schema);
  }

  /**
   * Every row as a plain object (see row-values.ts for the value types). The row type
   * parameter is the caller's promise about the shape (`collect<{ k: bigint; v: string }>()`);
   * it is not checked.
   */
  async collect<Row extends RowObject = RowObject>(options: ActionOptions = {}): Promise<Row[]> {
    const result = await this.session.run(await this.toSql(), options);
    const types = fieldTypes(result.schema);
    const rows: Row[] = [];
    for await (const b of result.batches) for (const r of batchRows(b, types)) rows.push(r as Row);
    return rows;
  }

  /** The first `n` rows. */
  take<Row extends RowObject = RowObject>(n: number, options: ActionOptions = {}): Promise<Row[]> {
    return this.limit(n).collect<Row>(options);
  }

  /** The first row, or null when there is none. */
  async first<Row extends RowObject = RowObject>(options: ActionOptions = {}): Promise<Row | null> {
    return (await this.take<Row>(1, options))[0] ?? null;
  }

  /** Column names and Loch types as text (`[['k', 'bigint'], …]`), from the schema. */
  async dtypes(): Promise<[string, string][]> {
    const schema = await this.schema;
    return schema.fields.map((f, i) => [f.name, typeName(fieldTypes(schema)[i]!)]);
  }

  /** The schema as an indented tree (PySpark's printSchema), printed unless `print: false`. */
  async printSchema(options: { print?: boolean } = {}): Promise<string> {
    const schema = await this.schema;
    const types = fieldTypes(schema);
    const text = `root\n${schema.fields.map((f, i) => ` |-- ${f.name}: ${typeName(types[i]!)} (nullable = ${f.nullable})`).join('\n')}\n`;
    if (options.print !== false) process.stdout.write(text);
    return text;
  }

  /** Number of rows. */
  async count(options: ActionOptions = {}): Promise<number> {
    const sql = `SELECT count(*) AS ${quoteIdent('count')} FROM (${await this.toSql()}) AS ${quoteIdent('q')}`;
    const result = await this.session.run(sql, options);
    let n = 0;
    for await (const b of result.batches) if (b.numRows > 0) n = Number(b.getChildAt(0)!.get(0) as bigint);
    return n;
  }

  /** The first `n` rows as an aligned text table (printed unless `print: false`); returns the text. */
  async show(n = 20, options: { truncate?: number; print?: boolean } = {}): Promise<string> {
    const result = await this.session.run(await this.limit(n + 1).toSql(), {});
    const types = fieldTypes(result.schema);
    const rows: (string | null)[][] = [];
    for await (const b of result.batches) rows.push(...batchTextRows(b, types));
    const text = formatShowTable(result.schema.fields.map((f) => f.name), rows.slice(0, n), { truncate: options.truncate ?? 20, more: rows.length > n, limit: n });
    if (options.print !== false) process.stdout.write(text);
    return text;
  }

  /** The query plan as text (`'analyze'` runs the query). */
  async explain(mode: ExplainMode = 'simple'): Promise<string> {
    const prefix = mode === 'analyze' ? 'EXPLAIN ANALYZE' : mode === 'simple' ? 'EXPLAIN' : 'EXPLAIN VERBOSE';
    const result = await this.session.run(`${prefix} ${await this.toSql()}`, {});
    const lines: string[] = [];
    for await (const b of result.batches) for (const r of batchTextRows(b, fieldTypes(result.schema))) lines.push(r.join(' '));
    return lines.join('\n');
  }

  /** Writes the result to a table or path: `df.write.format('delta').mode('overwrite').saveAsTable('t')`. */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this);
  }

  /** Streaming writes (API shape only until the ingestion issue). */
  get writeStream(): DataStreamWriter {
    return new DataStreamWriter();
  }
}

function windowOver(partition: readonly string[]): WindowSpec {
  return new WindowSpec(partition.map((n) => col(n).expr), [], null);
}

function typeMatches(type: arrow.DataType, value: LiteralInput): boolean {
  if (typeof value === 'number') return arrow.DataType.isInt(type) || arrow.DataType.isFloat(type) || arrow.DataType.isDecimal(type);
  if (typeof value === 'string') return arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type);
  if (typeof value === 'boolean') return arrow.DataType.isBool(type);
  return false;
}
