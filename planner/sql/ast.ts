/**
 * Loch's SQL syntax tree: what the binder consumes. Produced from
 * libpg-query's PostgreSQL parse tree by `pg-ast-adapter.ts` (the only file that
 * sees libpg-query's shapes) and by `lakehouse-parser.ts` for statements
 * PostgreSQL lacks. `location` is a 0-based character offset in the statement text.
 */

export type Statement =
  | { readonly kind: 'query'; readonly query: Query }
  | { readonly kind: 'explain'; readonly analyze: boolean; readonly verbose: boolean; readonly statement: Statement }
  | CreateTable
  | {
      readonly kind: 'delete'; readonly table: readonly string[]; readonly alias: string | null; readonly where: AstExpr | null; readonly location: number;
      /** DELETE … USING: more tables the WHERE may join with. */
      readonly using?: readonly FromItem[];
    }
  | {
      readonly kind: 'update';
      readonly table: readonly string[];
      readonly alias: string | null;
      readonly set: readonly { readonly column: string; readonly expr: AstExpr; readonly location: number }[];
      readonly where: AstExpr | null;
      readonly location: number;
      /** UPDATE … FROM: more tables the SET and WHERE may read. */
      readonly from?: readonly FromItem[];
    }
  | {
      readonly kind: 'merge';
      readonly target: readonly string[];
      readonly alias: string | null;
      readonly source: FromItem;
      readonly on: AstExpr;
      readonly clauses: readonly MergeClause[];
      readonly location: number;
    }
  | { readonly kind: 'truncate'; readonly tables: readonly (readonly string[])[] }
  | { readonly kind: 'alter_table'; readonly table: readonly string[]; readonly actions: readonly AlterTableAction[] }
  | { readonly kind: 'optimize'; readonly table: readonly string[]; readonly zOrderBy: readonly string[] }
  | { readonly kind: 'vacuum'; readonly table: readonly string[]; readonly retainHours: number | null; readonly dryRun: boolean }
  | { readonly kind: 'restore'; readonly table: readonly string[]; readonly version: number | null; readonly timestamp: string | null }
  | {
      readonly kind: 'insert';
      readonly table: readonly string[];
      /** Target columns named in the statement; empty means all, in table order. */
      readonly columns: readonly string[];
      readonly query: Query;
      /** INSERT OVERWRITE: replace the table's rows. */
      readonly overwrite: boolean;
      /** `INSERT INTO t REPLACE WHERE pred query`: replace only the rows (partitions) matching pred. */
      readonly replaceWhere?: AstExpr;
      readonly location: number;
    }
  | { readonly kind: 'create_view'; readonly name: readonly string[]; readonly query: Query; readonly orReplace: boolean; readonly sql: string }
  | { readonly kind: 'drop'; readonly objectType: 'table' | 'view'; readonly names: readonly (readonly string[])[]; readonly ifExists: boolean }
  | { readonly kind: 'set'; readonly name: string; readonly value: string | null }
  | { readonly kind: 'show'; readonly name: string }
  | { readonly kind: 'show_tables' }
  | { readonly kind: 'describe'; readonly name: readonly string[] }
  | { readonly kind: 'describe_history'; readonly name: readonly string[]; readonly limit: number | null }
  | { readonly kind: 'describe_detail'; readonly name: readonly string[] }
  | { readonly kind: 'transaction'; readonly tag: 'BEGIN' | 'COMMIT' | 'ROLLBACK' }
  | IndexStatement
  /** PREPARE name [(types)] AS statement / EXECUTE name [(args)] / DEALLOCATE [name | ALL]. */
  | { readonly kind: 'prepare'; readonly name: string; readonly types: readonly TypeName[]; readonly statement: Statement }
  | { readonly kind: 'execute'; readonly name: string; readonly params: readonly AstExpr[]; readonly location: number }
  | { readonly kind: 'deallocate'; readonly name: string | null }
  /** Spark's `CACHE [LAZY] TABLE t`, `UNCACHE TABLE [IF EXISTS] t`, `CLEAR CACHE` (the decoded-column cache). */
  | { readonly kind: 'cache_table'; readonly name: readonly string[]; readonly lazy: boolean }
  | { readonly kind: 'uncache_table'; readonly name: readonly string[]; readonly ifExists: boolean }
  | { readonly kind: 'clear_cache' }
  | CopyTo
  /** CREATE SCHEMA [IF NOT EXISTS] name / DROP SCHEMA [IF EXISTS] name [CASCADE|RESTRICT]. */
  | { readonly kind: 'create_schema'; readonly name: readonly string[]; readonly ifNotExists: boolean }
  | { readonly kind: 'drop_schema'; readonly names: readonly (readonly string[])[]; readonly ifExists: boolean; readonly cascade: boolean };

/**
 * DataFusion's `COPY (query) TO 'path' [STORED AS fmt] [PARTITIONED BY (c, …)] [OPTIONS (k 'v', …)]`
 * and `COPY table TO …`: writes the query's rows to a file (or into a folder when the path
 * ends in `/` or has no extension). `format` null: from the path's extension, else Parquet.
 */
export interface CopyTo {
  readonly kind: 'copy_to';
  readonly query: Query;
  readonly path: string;
  readonly format: string | null;
  readonly options: Readonly<Record<string, string>>;
  readonly partitionedBy: readonly string[];
}

/**
 * CREATE [UNIQUE] INDEX / DROP INDEX. Databricks has no indexes: Loch accepts them as
 * no-ops (the engine tracks names only, so duplicates and missing indexes fail as in PostgreSQL).
 */
export type IndexStatement =
  | { readonly kind: 'create_index'; readonly name: string | null; readonly table: readonly string[]; readonly unique: boolean; readonly ifNotExists: boolean; readonly location: number }
  | { readonly kind: 'drop_index'; readonly names: readonly (readonly string[])[]; readonly ifExists: boolean };

/**
 * CREATE TABLE in every form Loch accepts: PostgreSQL's (`CREATE TABLE t (a int)`,
 * `CREATE TABLE t AS SELECT …`) and Spark/Databricks' (`USING delta|parquet|csv|json`,
 * `PARTITIONED BY`, `OPTIONS`, `TBLPROPERTIES`, `LOCATION`). `format` null means the
 * default, a managed Delta table.
 */
export interface CreateTable {
  readonly kind: 'create_table';
  readonly name: readonly string[];
  readonly format: string | null;
  readonly location: string | null;
  readonly options: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, string>>;
  readonly partitionedBy: readonly string[];
  readonly columns: readonly ColumnDefinition[];
  /** CHECK constraints: name (null: PostgreSQL's default `<table>_<column>_check`) and SQL text. */
  readonly checks: readonly { readonly name: string; readonly expression: string }[];
  readonly asQuery: Query | null;
  readonly ifNotExists: boolean;
  readonly orReplace: boolean;
  /** CREATE TEMP[ORARY] TABLE: visible to this session only, dropped when it ends. */
  readonly temporary?: boolean;
  /** PRIMARY KEY and UNIQUE column sets (informational on Delta tables; enforced on temporary tables). */
  readonly uniqueKeys?: readonly (readonly string[])[];
  /** Column DEFAULTs: column name → the expression's SQL text (Delta's `CURRENT_DEFAULT`). */
  readonly columnDefaults?: Readonly<Record<string, string>>;
}

/** One WHEN clause of MERGE, in statement order (the first whose condition holds acts on a row). */
export interface MergeClause {
  readonly match: 'matched' | 'not_matched' | 'not_matched_by_source';
  readonly condition: AstExpr | null;
  readonly action:
    | { readonly kind: 'update'; readonly set: readonly { readonly column: string; readonly expr: AstExpr; readonly location: number }[] }
    | { readonly kind: 'delete' }
    | { readonly kind: 'insert'; readonly columns: readonly string[]; readonly values: readonly AstExpr[] }
    | { readonly kind: 'nothing' };
}

export type AlterTableAction =
  | { readonly kind: 'add_column'; readonly column: ColumnDefinition; readonly ifNotExists: boolean }
  | { readonly kind: 'drop_column'; readonly name: string; readonly ifExists: boolean }
  | { readonly kind: 'rename_column'; readonly from: string; readonly to: string };

export interface ColumnDefinition {
  readonly name: string;
  readonly type: TypeName;
  readonly notNull: boolean;
  /** `GENERATED ALWAYS AS (expr) STORED`: the expression's SQL text. */
  readonly generatedAs?: string;
}

export interface TypeName {
  readonly names: readonly string[];
  readonly typmods: readonly number[];
}

/** Array, row and map expressions (issue 6). */
export type NestedAstExpr =
  /** `ARRAY[a, b, …]` (nested `ARRAY[[1,2],[3]]` has array elements). */
  | { readonly kind: 'array'; readonly elements: readonly AstExpr[]; readonly location: number }
  /** `ROW(a, b)` or `(a, b)`: a struct with fields f1, f2, … */
  | { readonly kind: 'row'; readonly args: readonly AstExpr[]; readonly location: number }
  /** `x[i]` (array element, 1-based; or map lookup), `x[lo:hi]` (slice: `upper` set, either bound may be null). */
  | { readonly kind: 'subscript'; readonly expr: AstExpr; readonly index: AstExpr | null; readonly slice: boolean; readonly upper: AstExpr | null; readonly location: number }
  /** `(x).name`: a struct field. */
  | { readonly kind: 'field'; readonly expr: AstExpr; readonly name: string; readonly location: number }
  /** `x op ANY (array)` / `x op ALL (array)`. */
  | { readonly kind: 'array_op'; readonly op: string; readonly left: AstExpr; readonly right: AstExpr; readonly all: boolean; readonly location: number };

export interface WithClause {
  readonly recursive: boolean;
  readonly ctes: readonly { readonly name: string; readonly columnNames: readonly string[]; readonly query: Query; readonly location: number }[];
}

export interface OrderByItem {
  readonly expr: AstExpr;
  readonly direction: 'asc' | 'desc' | 'default';
  readonly nulls: 'first' | 'last' | 'default';
}

/** Clauses any query form can carry after its body. */
export interface QueryTail {
  readonly with: WithClause | null;
  readonly orderBy: readonly OrderByItem[];
  readonly limit: AstExpr | null;
  readonly offset: AstExpr | null;
}

export interface SelectQuery extends QueryTail {
  readonly kind: 'select';
  /** `true` for DISTINCT, a list for DISTINCT ON (…), false otherwise. */
  readonly distinct: boolean | readonly AstExpr[];
  readonly targets: readonly SelectItem[];
  readonly from: readonly FromItem[];
  readonly where: AstExpr | null;
  readonly groupBy: readonly AstExpr[];
  readonly having: AstExpr | null;
  /** `WINDOW w AS (…)` definitions. */
  readonly windows?: readonly NamedWindow[];
  /** Databricks' `QUALIFY cond`: filters rows on window function results (may name select-list aliases). */
  readonly qualify?: AstExpr;
}

export interface SetOperationQuery extends QueryTail {
  readonly kind: 'set_operation';
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly left: Query;
  readonly right: Query;
}

export interface ValuesQuery extends QueryTail {
  readonly kind: 'values';
  readonly rows: readonly (readonly AstExpr[])[];
}

export type Query = SelectQuery | SetOperationQuery | ValuesQuery;

export type SelectItem =
  | { readonly kind: 'expr'; readonly expr: AstExpr; readonly alias: string | null }
  | {
    readonly kind: 'star'; readonly qualifier: string | null; readonly location: number;
    /** Columns of the expansion given by another expression, kept under their names (a grouping-sets branch's NULLs). */
    readonly replace?: readonly { readonly name: string; readonly expr: AstExpr }[];
    /** `* EXCLUDE (a, b)` / `* EXCEPT (a, b)`: columns left out of the expansion. */
    readonly exclude?: readonly string[];
  };

export interface Alias {
  readonly name: string;
  readonly columns: readonly string[];
}

/** `semi`/`anti` keep the left side's rows (Spark's LEFT SEMI/ANTI JOIN), `right_semi`/`right_anti` the right side's. */
export type JoinKind = 'inner' | 'left' | 'right' | 'full' | 'cross' | 'semi' | 'anti' | 'right_semi' | 'right_anti';

export type FromItem =
  | { readonly kind: 'table'; readonly name: readonly string[]; readonly alias: Alias | null; readonly location: number }
  | { readonly kind: 'subquery'; readonly query: Query; readonly alias: Alias | null; readonly lateral: boolean; readonly location: number }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly AstExpr[]; readonly alias: Alias | null; readonly location: number; readonly ordinality?: boolean }
  | {
      readonly kind: 'join';
      readonly joinKind: JoinKind;
      readonly left: FromItem;
      readonly right: FromItem;
      readonly on: AstExpr | null;
      readonly using: readonly string[];
      readonly natural: boolean;
      readonly alias: Alias | null;
    };

export type AstExpr =
  | NestedAstExpr
  | { readonly kind: 'column'; readonly parts: readonly string[]; readonly location: number }
  | { readonly kind: 'integer'; readonly value: number; readonly location: number }
  /** Numeric constant kept as text so decimals stay exact (`0.06`, `1e10`, large integers). */
  | { readonly kind: 'numeric'; readonly text: string; readonly location: number }
  | { readonly kind: 'string'; readonly value: string; readonly location: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly location: number }
  | { readonly kind: 'null'; readonly location: number }
  | { readonly kind: 'param'; readonly index: number; readonly location: number }
  | { readonly kind: 'typecast'; readonly expr: AstExpr; readonly type: TypeName; readonly location: number; /** TRY_CAST: NULL on a value it cannot convert. */ readonly try?: boolean }
  /** Binary or unary (left null) operator by its PostgreSQL name: + - * / % = <> < <= > >= || ~~ … */
  | { readonly kind: 'op'; readonly op: string; readonly left: AstExpr | null; readonly right: AstExpr; readonly location: number }
  | { readonly kind: 'and' | 'or'; readonly args: readonly AstExpr[]; readonly location: number }
  | { readonly kind: 'not'; readonly arg: AstExpr; readonly location: number }
  | {
      readonly kind: 'func';
      readonly name: string;
      readonly args: readonly AstExpr[];
      readonly star: boolean;
      readonly distinct: boolean;
      readonly filter: AstExpr | null;
      readonly orderBy: readonly OrderByItem[];
      /** `fn(…) WITHIN GROUP (ORDER BY …)`: the ORDER BY is in `orderBy`. */
      readonly withinGroup?: boolean;
      readonly over: WindowSpec | null;
      /** `IGNORE NULLS` before OVER (lag, lead, first_value, last_value, nth_value). */
      readonly ignoreNulls?: boolean;
      /** `RESPECT NULLS` after or inside an aggregate call's parentheses (the default; only null-treating functions accept it). */
      readonly respectNulls?: boolean;
      readonly location: number;
    }
  | { readonly kind: 'case'; readonly operand: AstExpr | null; readonly whens: readonly { readonly when: AstExpr; readonly then: AstExpr }[]; readonly otherwise: AstExpr | null; readonly location: number }
  | { readonly kind: 'between'; readonly expr: AstExpr; readonly low: AstExpr; readonly high: AstExpr; readonly negated: boolean; readonly symmetric: boolean; readonly location: number }
  | { readonly kind: 'in_list'; readonly expr: AstExpr; readonly list: readonly AstExpr[]; readonly negated: boolean; readonly location: number }
  | { readonly kind: 'like'; readonly expr: AstExpr; readonly pattern: AstExpr; readonly negated: boolean; readonly caseInsensitive: boolean; readonly location: number }
  | { readonly kind: 'is_null'; readonly expr: AstExpr; readonly negated: boolean; readonly location: number }
  | { readonly kind: 'is_bool'; readonly expr: AstExpr; readonly test: boolean | null; readonly negated: boolean; readonly location: number }
  | { readonly kind: 'distinct_from'; readonly left: AstExpr; readonly right: AstExpr; readonly negated: boolean; readonly location: number }
  | { readonly kind: 'coalesce' | 'greatest' | 'least'; readonly args: readonly AstExpr[]; readonly location: number }
  | { readonly kind: 'nullif'; readonly left: AstExpr; readonly right: AstExpr; readonly location: number }
  | {
      readonly kind: 'subquery';
      readonly subqueryKind: 'scalar' | 'exists' | 'in' | 'any' | 'all';
      readonly query: Query;
      /** Left operand of IN / ANY / ALL. */
      readonly expr: AstExpr | null;
      readonly op: string | null;
      readonly location: number;
    }
  | { readonly kind: 'current'; readonly what: 'current_date' | 'current_timestamp' | 'localtimestamp' | 'current_time' | 'current_user'; readonly location: number };

/**
 * A window: `OVER (…)`, `OVER name`, or a `WINDOW name AS (…)` definition.
 * `refName` names the window it builds on (`OVER (w ORDER BY x)`, `OVER w`).
 * `frame` null means the default frame.
 */
export interface WindowSpec {
  readonly refName?: string | null;
  /** `OVER name` without parentheses: the named window as it is, frame included. */
  readonly reference?: boolean;
  readonly partitionBy: readonly AstExpr[];
  readonly orderBy: readonly OrderByItem[];
  readonly frame?: WindowFrameSpec | null;
  readonly location?: number;
}

/** One end of a window frame; `offset` is set for `n PRECEDING` / `n FOLLOWING`. */
export interface FrameBoundSpec {
  readonly kind: 'unbounded_preceding' | 'preceding' | 'current_row' | 'following' | 'unbounded_following';
  readonly offset: AstExpr | null;
}

/** `ROWS|RANGE|GROUPS BETWEEN start AND end [EXCLUDE …]`. */
export interface WindowFrameSpec {
  readonly mode: 'rows' | 'range' | 'groups';
  readonly start: FrameBoundSpec;
  readonly end: FrameBoundSpec;
  readonly exclude: 'no_others' | 'current_row' | 'group' | 'ties';
}

/** `WINDOW name AS (…)` of one SELECT. */
export interface NamedWindow {
  readonly name: string;
  readonly spec: WindowSpec;
}
