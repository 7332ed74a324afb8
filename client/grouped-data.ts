/**
 * `df.groupBy(...)`: the grouping keys waiting for their aggregates
 * (`.agg(F.sum('x').alias('total'))`), compiled to one GROUP BY.
 */
import { LochError, SqlState } from '../core/index.ts';
import { Column, toColumn, type ColumnExpr } from './column.ts';
import { DataFrame } from './dataframe.ts';

function agg(name: string, column: string): Column {
  return new Column({ kind: 'function', name, args: [toColumn(column).expr], distinct: false }).alias(`${name}(${column})`);
}

/** Grouping keys of a DataFrame; `agg` makes the aggregated DataFrame. */
export class GroupedData {
  readonly input: DataFrame;
  readonly keys: readonly ColumnExpr[];

  constructor(input: DataFrame, keys: readonly ColumnExpr[]) {
    this.input = input;
    this.keys = keys;
  }

  /** One row per group: the keys, then each aggregate. */
  agg(...aggregates: readonly Column[]): DataFrame {
    if (aggregates.length === 0 && this.keys.length === 0) throw new LochError(SqlState.invalidParameterValue, 'agg() needs at least one aggregate');
    return new DataFrame(this.input.session, {
      kind: 'aggregate',
      input: this.input.plan,
      groupBy: this.keys,
      aggregates: aggregates.map((a) => a.expr),
    });
  }

  /** Rows per group, as a column named `count`. */
  count(): DataFrame {
    return this.agg(new Column({ kind: 'function', name: 'count', args: [{ kind: 'star', qualifier: null }], distinct: false }).alias('count'));
  }

  sum(...columns: readonly string[]): DataFrame { return this.agg(...columns.map((c) => agg('sum', c))); }
  avg(...columns: readonly string[]): DataFrame { return this.agg(...columns.map((c) => agg('avg', c))); }
  min(...columns: readonly string[]): DataFrame { return this.agg(...columns.map((c) => agg('min', c))); }
  max(...columns: readonly string[]): DataFrame { return this.agg(...columns.map((c) => agg('max', c))); }
}
