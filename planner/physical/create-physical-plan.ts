/**
 * Logical → physical mapping, one logical node to one (or two) operators:
 *
 *   Scan → ScanExec          Filter → FilterExec        Project → ProjectExec
 *   Aggregate, Distinct → HashAggregateExec (mode single)
 *   Join with equi-conjuncts → HashJoinExec (build = right), else NestedLoopJoinExec
 *   Sort with fetch → TopKExec, Sort → SortExec, Limit → LimitExec
 *   UNION ALL → UnionExec, UNION → HashAggregateExec over UnionExec,
 *   INTERSECT/EXCEPT [ALL] → HashSetOpExec
 *   CteAnchor/CteRef → CteAnchorExec/CteScanExec (definition computed once, buffered)
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { AggregateCall, ColumnId, Expr } from '../expr.ts';
import { type LogicalPlan, type PlanColumn, outputColumns } from '../logical/logical-plan.ts';
import { estimateRows } from '../optimizer/estimate-rows.ts';
import { conjunction, extractEquiKeys, splitConjuncts } from './join-keys.ts';
import type { PhysicalPlan } from './physical-plan.ts';

/** Maps an optimized logical plan to a physical plan. Throws 0A000 on a leftover subquery expression. */
export function createPhysicalPlan(plan: LogicalPlan): PhysicalPlan {
  let nextId = 0;
  const newId = (): number => nextId++;
  const checked = (e: Expr): Expr => { assertNoSubquery(e); return e; };
  const colRef = (c: PlanColumn): Expr => ({ kind: 'column', id: c.id, name: c.name, type: c.type });

  // Each node carries the optimizer's row estimate (the distributed planner sizes broadcasts by it).
  const visit = (p: LogicalPlan): PhysicalPlan => ({ ...build(p), rowEstimate: Math.round(estimateRows(p)) });
  const build = (p: LogicalPlan): PhysicalPlan => {
    const nodeId = newId();
    switch (p.kind) {
      case 'scan':
        return {
          kind: 'scan', nodeId, columns: p.columns.map(stripSource), tableName: p.tableName, source: p.source,
          sourceColumns: p.columns.map((c) => c.sourceIndex), predicates: p.pushedPredicates,
        };
      case 'values':
        return { kind: 'values', nodeId, columns: p.columns, rows: p.rows.map((r) => r.map(checked)) };
      case 'filter':
        return { kind: 'filter', nodeId, columns: outputColumns(p), input: visit(p.input), predicate: checked(p.predicate) };
      case 'project':
        return { kind: 'project', nodeId, columns: p.columns, input: visit(p.input), exprs: p.exprs.map(checked) };
      case 'aggregate':
        return {
          kind: 'hash_aggregate', nodeId, columns: p.columns, mode: 'single', input: visit(p.input),
          groupBy: p.groupBy.map(checked), aggregates: p.aggregates.map(checkAggregate),
        };
      case 'distinct': {
        const cols = outputColumns(p.input);
        return { kind: 'hash_aggregate', nodeId, columns: cols, mode: 'single', input: visit(p.input), groupBy: cols.map(colRef), aggregates: [] };
      }
      case 'join': {
        const columns = outputColumns(p);
        const left = visit(p.left);
        const right = visit(p.right);
        const condition = p.condition === null ? null : checked(p.condition);
        const ids = (cs: readonly PlanColumn[]): Set<ColumnId> => new Set(cs.map((c) => c.id));
        const leftIds = ids(left.columns), rightIds = ids(right.columns);
        // IN / NOT IN: decorrelation puts the IN equality first; the rest are correlation conditions.
        const nullAware = condition !== null && (p.joinType === 'anti_null_aware' || (p.joinType === 'mark' && p.markColumn?.nullable === true));
        if (nullAware) {
          const [first, ...rest] = splitConjuncts(condition);
          const inKey = extractEquiKeys(first!, leftIds, rightIds);
          if (inKey.leftKeys.length === 1 && inKey.residual === null) {
            const others = extractEquiKeys(conjunction(rest), leftIds, rightIds);
            return {
              kind: 'hash_join', nodeId, columns, joinType: p.joinType, left, right, nullAware: true,
              leftKeys: [...inKey.leftKeys, ...others.leftKeys], rightKeys: [...inKey.rightKeys, ...others.rightKeys], residual: others.residual,
            };
          }
          return { kind: 'nested_loop_join', nodeId, columns, joinType: p.joinType, left, right, condition: conjunction(rest), nullAwareCondition: first! };
        }
        if (p.joinType !== 'cross' && condition !== null) {
          const keys = extractEquiKeys(condition, leftIds, rightIds);
          if (keys.leftKeys.length > 0) {
            return { kind: 'hash_join', nodeId, columns, joinType: p.joinType, left, right, ...keys, nullAware: false };
          }
        }
        return { kind: 'nested_loop_join', nodeId, columns, joinType: p.joinType, left, right, condition, nullAwareCondition: null };
      }
      case 'sort': {
        const input = visit(p.input);
        const keys = p.keys.map((k) => ({ ...k, expr: checked(k.expr) }));
        if (p.fetch !== undefined) return { kind: 'top_k', nodeId, columns: input.columns, input, keys, fetch: p.fetch };
        return { kind: 'sort', nodeId, columns: input.columns, input, keys };
      }
      case 'limit': {
        let input = visit(p.input);
        // LIMIT straight over a scan: the reader may stop after limit + offset rows.
        if (input.kind === 'scan' && p.limit !== null) input = { ...input, limit: p.limit + p.offset };
        return { kind: 'limit', nodeId, columns: input.columns, input, limit: p.limit, offset: p.offset };
      }
      case 'set_operation': {
        if (p.op === 'union') {
          if (p.all) return { kind: 'union', nodeId, columns: p.columns, inputs: [visit(p.left), visit(p.right)] };
          const union: PhysicalPlan = { kind: 'union', nodeId: newId(), columns: p.columns, inputs: [visit(p.left), visit(p.right)] };
          return { kind: 'hash_aggregate', nodeId, columns: p.columns, mode: 'single', input: union, groupBy: p.columns.map(colRef), aggregates: [] };
        }
        return { kind: 'hash_set_op', nodeId, columns: p.columns, op: p.op, all: p.all, left: visit(p.left), right: visit(p.right) };
      }
      case 'cte_anchor': {
        const definition = visit(p.definition);
        const input = visit(p.input);
        return { kind: 'cte_anchor', nodeId, columns: input.columns, cteId: p.cteId, name: p.name, definition, input };
      }
      case 'cte_ref':
        return { kind: 'cte_scan', nodeId, columns: p.columns, cteId: p.cteId, name: p.name };
      case 'single_row':
        return { kind: 'single_row', nodeId, columns: [] };
      case 'empty':
        return { kind: 'empty', nodeId, columns: p.columns };
      case 'window':
        return {
          kind: 'window', nodeId, columns: outputColumns(p), input: visit(p.input), partitionBy: p.partitionBy.map(checked),
          orderBy: p.orderBy.map((k) => ({ ...k, expr: checked(k.expr) })), functions: p.functions.map((f) => ({ ...f, args: f.args.map(checked) })),
        };
      case 'unnest':
        return { kind: 'unnest', nodeId, columns: outputColumns(p), input: visit(p.input), arrays: p.arrays.map(checked), ordinality: p.ordinality, ...(p.outer ? { outer: true } : {}) };
    }
  };
  return visit(plan);
}

function stripSource(c: PlanColumn & { readonly sourceIndex: number }): PlanColumn {
  const { sourceIndex: _ignored, ...rest } = c;
  return rest;
}

function checkAggregate(a: AggregateCall): AggregateCall {
  for (const e of a.args) assertNoSubquery(e);
  if (a.filter) assertNoSubquery(a.filter);
  return a;
}

/** Throws 0A000 when a subquery expression survived decorrelation. */
export function assertNoSubquery(e: Expr): void {
  switch (e.kind) {
    case 'subquery':
      throw new LochError(SqlState.featureNotSupported, `subquery of kind ${e.subqueryKind} could not be decorrelated into a join`);
    case 'call': for (const a of e.args) assertNoSubquery(a); return;
    case 'cast': assertNoSubquery(e.input); return;
    case 'case':
      for (const w of e.whens) { assertNoSubquery(w.when); assertNoSubquery(w.then); }
      if (e.otherwise) assertNoSubquery(e.otherwise);
      return;
    case 'in_list':
      assertNoSubquery(e.input);
      for (const x of e.list) assertNoSubquery(x);
      return;
    default:
      return;
  }
}
