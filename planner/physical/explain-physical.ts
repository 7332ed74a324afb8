/**
 * `explainPhysical`: the physical plan as indented text, one operator per line
 * with its key details (DataFusion's format), e.g.
 *
 *   SortExec: [revenue DESC NULLS FIRST]
 *     HashAggregateExec: mode=single, gby=[l_orderkey], aggr=[sum(l_extendedprice)]
 *       HashJoinExec: type=inner, on=[(l_orderkey, o_orderkey)]
 */
import { type DataType, type LiteralValue, type ScanPredicate, type SourceColumn, formatValue } from '../../core/index.ts';
import type { PlanColumn, SortKey } from '../logical/logical-plan.ts';
import { formatAggregate, formatExpr } from './format-expr.ts';
import { formatFrame } from '../logical/window-function.ts';
import { type PhysicalPlan, physicalChildren } from './physical-plan.ts';
import type { ExchangePartitioning } from '../distributed/exchange-exec.ts';

function formatKeys(keys: readonly SortKey[]): string {
  return keys.map((k) => `${formatExpr(k.expr)} ${k.ascending ? 'ASC' : 'DESC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ');
}

function names(cols: readonly PlanColumn[]): string {
  return cols.map((c) => c.name).join(', ');
}

function formatScanValue(v: LiteralValue, type: DataType): string {
  if (v === null) return 'NULL';
  const text = formatValue(v, type);
  return type.kind === 'text' || type.kind === 'date' || type.kind === 'timestamp' || type.kind === 'timestamptz' || type.kind === 'interval' || type.kind === 'time'
    ? `'${text.replace(/'/g, "''")}'` : text;
}

function formatScanPredicate(q: ScanPredicate, columns: readonly SourceColumn[]): string {
  const c = columns[q.column];
  const name = c?.name ?? `#${q.column}`;
  const type: DataType = c?.type ?? { kind: 'null' };
  switch (q.kind) {
    case 'compare': return `${name} ${q.op} ${formatScanValue(q.value, type)}`;
    case 'in': return `${name} IN (${q.values.map((v) => formatScanValue(v, type)).join(', ')})`;
    case 'is_null': return `${name} IS ${q.negated ? 'NOT ' : ''}NULL`;
  }
}

/** `hash([l_orderkey], 8)`, `single`, `broadcast`, `round_robin(8)`. */
export function formatPartitioning(p: ExchangePartitioning): string {
  switch (p.kind) {
    case 'hash': return `hash([${p.keys.map(formatExpr).join(', ')}], ${p.partitions})`;
    case 'round_robin': return `round_robin(${p.partitions})`;
    case 'single': return 'single';
    case 'broadcast': return 'broadcast';
  }
}

/** One line describing a node (without its inputs). */
export function describeNode(p: PhysicalPlan): string {
  switch (p.kind) {
    case 'scan': {
      const preds = p.predicates.length > 0 ? `, predicates=[${p.predicates.map((q) => formatScanPredicate(q, p.source.columns)).join(', ')}]` : '';
      const parts = p.splits !== undefined ? `, partitions=${p.splits.length}` : '';
      return `ScanExec: table=${p.tableName}, columns=[${names(p.columns)}]${preds}${p.limit !== undefined ? `, limit=${p.limit}` : ''}${parts}`;
    }
    case 'values': return `ValuesExec: rows=${p.rows.length}, columns=[${names(p.columns)}]`;
    case 'filter': return `FilterExec: ${formatExpr(p.predicate)}`;
    case 'project':
      return `ProjectExec: [${p.exprs.map((e, i) => {
        const s = formatExpr(e);
        const n = p.columns[i]?.name;
        return n === undefined || n === s ? s : `${s} AS ${n}`;
      }).join(', ')}]`;
    case 'hash_aggregate':
      return `HashAggregateExec: mode=${p.mode}, gby=[${p.groupBy.map(formatExpr).join(', ')}], aggr=[${p.aggregates.map(formatAggregate).join(', ')}]`;
    case 'hash_join': {
      const on = p.leftKeys.map((k, i) => `(${formatExpr(k)}, ${formatExpr(p.rightKeys[i]!)})`).join(', ');
      return `HashJoinExec: type=${p.joinType}${p.nullAware ? ' (null-aware)' : ''}, on=[${on}]${p.residual ? `, filter=${formatExpr(p.residual)}` : ''}`;
    }
    case 'nested_loop_join':
      return `NestedLoopJoinExec: type=${p.joinType}${p.nullAwareCondition ? `, null-aware=${formatExpr(p.nullAwareCondition)}` : ''}${p.condition ? `, filter=${formatExpr(p.condition)}` : ''}`;
    case 'sort': return `SortExec: [${formatKeys(p.keys)}]`;
    case 'top_k': return `TopKExec: fetch=${p.fetch}, [${formatKeys(p.keys)}]`;
    case 'limit': return `LimitExec: limit=${p.limit ?? 'ALL'}, offset=${p.offset}`;
    case 'union': return `UnionExec`;
    case 'hash_set_op': return `HashSetOpExec: ${p.op}${p.all ? ' all' : ''}`;
    case 'cte_anchor': return `CteAnchorExec: ${p.name} (cte ${p.cteId})`;
    case 'cte_scan': return `CteScanExec: ${p.name} (cte ${p.cteId}), columns=[${names(p.columns)}]`;
    case 'single_row': return `SingleRowExec`;
    case 'empty': return `EmptyExec: columns=[${names(p.columns)}]`;
    case 'window': {
      const fns = p.functions.map((f, i) => `${f.fn}(${f.args.map(formatExpr).join(', ')})${f.filter ? ` FILTER (WHERE ${formatExpr(f.filter)})` : ''} ${formatFrame(f.frame, formatExpr)} AS ${p.columns[p.input.columns.length + i]?.name ?? f.fn}`);
      return `WindowExec: partition=[${p.partitionBy.map(formatExpr).join(', ')}], order=[${formatKeys(p.orderBy)}], fns=[${fns.join(', ')}]`;
    }
    case 'unnest': return `UnnestExec: arrays=[${p.arrays.map(formatExpr).join(', ')}]${p.outer ? ' outer' : ''}${p.ordinality ? ' with ordinality' : ''}, columns=[${names(p.columns.slice(p.columns.length - p.arrays.length - (p.ordinality ? 1 : 0)))}]`;
    case 'exchange': return `ExchangeExec: ${formatPartitioning(p.partitioning)}`;
    case 'shuffle_write': return `ShuffleWriteExec: stage=${p.stageId}, ${formatPartitioning(p.partitioning)}`;
    case 'unresolved_shuffle': return `UnresolvedShuffleExec: stage=${p.stageId}, ${formatPartitioning(p.partitioning)}, partitions=${p.partitionCount}`;
    case 'shuffle_read': return `ShuffleReadExec: stage=${p.stageId}, ${formatPartitioning(p.partitioning)}, partitions=${p.partitions.length}`;
  }
}

/**
 * Indented tree text; `annotate` may append per-node details (EXPLAIN ANALYZE
 * uses it for metrics).
 */
export function explainPhysical(plan: PhysicalPlan, annotate?: (node: PhysicalPlan) => string): string {
  const lines: string[] = [];
  const walk = (p: PhysicalPlan, depth: number): void => {
    const extra = annotate ? annotate(p) : '';
    lines.push(`${'  '.repeat(depth)}${describeNode(p)}${extra ? ` ${extra}` : ''}`);
    for (const c of physicalChildren(p)) walk(c, depth + 1);
  };
  walk(plan, 0);
  return lines.join('\n');
}
