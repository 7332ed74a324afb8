/**
 * `unnest(array[, array …])` in FROM (issue 6): one row per element, one column
 * per argument (shorter arrays padded with NULL, as in PostgreSQL's multi-argument
 * form). Arguments are constants (ARRAY[…], '{…}'::int[]) like the other table
 * functions; the column is named `unnest` (PostgreSQL, DuckDB).
 */
import {
  Batch, LochError, SqlState, columnFromValues, typeName, type DataType, type LiteralValue, type ScanRequest, type SourceStatistics, type TableScanner,
} from '../../core/index.ts';

/** A bound constant argument. */
export interface UnnestArgument {
  readonly value: LiteralValue;
  readonly type: DataType;
}

/** A scanner for `unnest(args)`, or null when `name` is not unnest. */
export function unnestTableFunction(name: string, args: readonly UnnestArgument[]): TableScanner | null {
  if (name !== 'unnest') return null;
  if (args.length === 0 || args.some((a) => a.type.kind !== 'array' && a.type.kind !== 'null')) {
    throw new LochError(SqlState.undefinedFunction, `function unnest(${args.map((a) => typeName(a.type)).join(', ')}) does not exist`, {
      hint: 'unnest takes arrays.',
    });
  }
  const types = args.map((a) => (a.type.kind === 'array' ? a.type.element : a.type));
  const arrays = args.map((a) => (a.value === null ? [] : (a.value as readonly LiteralValue[])));
  const count = Math.max(0, ...arrays.map((a) => a.length));
  return {
    columns: types.map((type) => ({ name: 'unnest', type, nullable: true })),
    statistics: async (): Promise<SourceStatistics> => ({ rowCount: count }),
    async *scan(request: ScanRequest): AsyncIterable<Batch> {
      const end = request.limit !== undefined ? Math.min(count, request.limit) : count;
      if (end === 0) return;
      const columns = request.columns.map((c) => columnFromValues(types[c]!, Array.from({ length: end }, (_, i) => arrays[c]![i] ?? null)));
      yield new Batch(columns, end);
    },
  };
}
