/**
 * Logical plans ↔ proto (logical.proto LogicalPlan), for DataFrame clients
 * that build plans instead of SQL. A scan travels as its table source
 * descriptor and is reopened through `PlanDecodeOptions.openSource`.
 */
import { pb, type loch } from '../../proto/index.ts';
import type { LogicalPlan, PlanColumn } from '../logical/logical-plan.ts';
import {
  aggregateFromProto, aggregateToProto, exprFromProto, exprToProto, joinTypeFromProto, joinTypeToProto, optionalExprFromProto,
  sortKeyFromProto, sortKeyToProto,
} from './expr-serde.ts';
import { windowCallFromProto, windowCallToProto } from './window-serde.ts';
import { describeScanner, type PlanDecodeOptions, type PlanEncodeOptions } from './serde-options.ts';
import {
  enumName, enumValue, malformedPlan, optionalNumber, planColumnFromProto, planColumnToProto, scanPredicateFromProto,
  scanPredicateToProto, tableSourceFromProto, tableSourceToProto,
} from './value-serde.ts';

/** The plain-object shape of proto LogicalPlan. */
export type WireLogicalPlan = loch.v1.LogicalPlan.$Properties;

const cols = (cs: readonly PlanColumn[]): loch.v1.PlanColumn.$Properties[] => cs.map(planColumnToProto);
const colsFrom = (cs: readonly loch.v1.PlanColumn.$Properties[] | null | undefined): PlanColumn[] => (cs ?? []).map(planColumnFromProto);

/** A logical plan as a proto message (plain object). */
export function logicalPlanToProto(p: LogicalPlan, options: PlanEncodeOptions = {}): WireLogicalPlan {
  const plan = (x: LogicalPlan): WireLogicalPlan => logicalPlanToProto(x, options);
  const expr = (x: Parameters<typeof exprToProto>[0]) => exprToProto(x, options);
  switch (p.kind) {
    case 'scan': return { scan: {
      tableName: p.tableName, source: tableSourceToProto(describeScanner(p.source, p.tableName, options)),
      columns: p.columns.map((c) => {
        const { sourceIndex, ...column } = c;
        return { column: planColumnToProto(column), sourceIndex };
      }),
      pushedPredicates: p.pushedPredicates.map(scanPredicateToProto), ...(p.rowEstimate !== undefined ? { rowEstimate: p.rowEstimate } : {}),
    } };
    case 'values': return { values: { columns: cols(p.columns), rows: p.rows.map((r) => ({ values: r.map(expr) })) } };
    case 'filter': return { filter: { input: plan(p.input), predicate: expr(p.predicate) } };
    case 'project': return { project: { input: plan(p.input), exprs: p.exprs.map(expr), columns: cols(p.columns) } };
    case 'aggregate': return { aggregate: {
      input: plan(p.input), groupBy: p.groupBy.map(expr), aggregates: p.aggregates.map((a) => aggregateToProto(a, options)), columns: cols(p.columns),
    } };
    case 'join': return { join: {
      joinType: joinTypeToProto(p.joinType), left: plan(p.left), right: plan(p.right),
      ...(p.condition ? { condition: expr(p.condition) } : {}), ...(p.markColumn ? { markColumn: planColumnToProto(p.markColumn) } : {}),
    } };
    case 'sort': return { sort: { input: plan(p.input), keys: p.keys.map((k) => sortKeyToProto(k, options)), ...(p.fetch !== undefined ? { fetch: p.fetch } : {}) } };
    case 'limit': return { limit: { input: plan(p.input), ...(p.limit !== null ? { limit: p.limit } : {}), offset: p.offset } };
    case 'set_operation': return { setOperation: {
      op: enumValue(pb.SetOperator, p.op, 'set operator'), all: p.all, left: plan(p.left), right: plan(p.right), columns: cols(p.columns),
    } };
    case 'distinct': return { distinct: { input: plan(p.input) } };
    case 'cte_ref': return { cteRef: { cteId: p.cteId, name: p.name, columns: cols(p.columns) } };
    case 'cte_anchor': return { cteAnchor: { cteId: p.cteId, name: p.name, definition: plan(p.definition), input: plan(p.input) } };
    case 'single_row': return { singleRow: {} };
    case 'empty': return { empty: { columns: cols(p.columns) } };
    case 'window': return { window: {
      input: plan(p.input), partitionBy: p.partitionBy.map(expr), orderBy: p.orderBy.map((k) => sortKeyToProto(k, options)),
      functions: p.functions.map((f) => windowCallToProto(f, options)), columns: cols(p.columns),
    } };
    case 'unnest': return { unnest: {
      input: plan(p.input), arrays: p.arrays.map(expr), ordinality: p.ordinality, columns: cols(p.columns),
      ...(p.passThrough ? { hasPassThrough: true, passThrough: [...p.passThrough] } : {}), ...(p.outer ? { outer: true } : {}),
    } };
  }
}

/** A decoded (or plain-object) LogicalPlan message as a logical plan. */
export function logicalPlanFromProto(m: WireLogicalPlan | null | undefined, options: PlanDecodeOptions): LogicalPlan {
  if (m == null) throw malformedPlan('a logical plan input is missing');
  const plan = (x: WireLogicalPlan | null | undefined): LogicalPlan => logicalPlanFromProto(x, options);
  const expr = (x: loch.v1.Expr.$Properties | null | undefined) => exprFromProto(x, options);
  if (m.scan != null) {
    const s = m.scan;
    const source = options.openSource(tableSourceFromProto(s.source));
    const rowEstimate = optionalNumber(s.rowEstimate);
    return {
      kind: 'scan', tableName: s.tableName ?? '', source,
      columns: (s.columns ?? []).map((c) => {
        if (c.column == null) throw malformedPlan(`a column of scan ${s.tableName ?? ''} is missing`);
        return { ...planColumnFromProto(c.column), sourceIndex: c.sourceIndex ?? 0 };
      }),
      pushedPredicates: (s.pushedPredicates ?? []).map(scanPredicateFromProto), ...(rowEstimate !== undefined ? { rowEstimate } : {}),
    };
  }
  if (m.values != null) return { kind: 'values', columns: colsFrom(m.values.columns), rows: (m.values.rows ?? []).map((r) => (r.values ?? []).map(expr)) };
  if (m.filter != null) return { kind: 'filter', input: plan(m.filter.input), predicate: expr(m.filter.predicate) };
  if (m.project != null) return { kind: 'project', input: plan(m.project.input), exprs: (m.project.exprs ?? []).map(expr), columns: colsFrom(m.project.columns) };
  if (m.aggregate != null) {
    const a = m.aggregate;
    return {
      kind: 'aggregate', input: plan(a.input), groupBy: (a.groupBy ?? []).map(expr),
      aggregates: (a.aggregates ?? []).map((x) => aggregateFromProto(x, options)), columns: colsFrom(a.columns),
    };
  }
  if (m.join != null) {
    const j = m.join;
    return {
      kind: 'join', joinType: joinTypeFromProto(j.joinType), left: plan(j.left), right: plan(j.right),
      condition: optionalExprFromProto(j.condition, options), ...(j.markColumn != null ? { markColumn: planColumnFromProto(j.markColumn) } : {}),
    };
  }
  if (m.sort != null) {
    const fetch = optionalNumber(m.sort.fetch);
    return { kind: 'sort', input: plan(m.sort.input), keys: (m.sort.keys ?? []).map((k) => sortKeyFromProto(k, options)), ...(fetch !== undefined ? { fetch } : {}) };
  }
  if (m.limit != null) return { kind: 'limit', input: plan(m.limit.input), limit: optionalNumber(m.limit.limit) ?? null, offset: Number(m.limit.offset ?? 0) };
  if (m.setOperation != null) {
    const s = m.setOperation;
    return {
      kind: 'set_operation', op: enumName(pb.SetOperator, s.op, 'set operator') as 'union' | 'intersect' | 'except', all: s.all ?? false,
      left: plan(s.left), right: plan(s.right), columns: colsFrom(s.columns),
    };
  }
  if (m.distinct != null) return { kind: 'distinct', input: plan(m.distinct.input) };
  if (m.cteRef != null) return { kind: 'cte_ref', cteId: m.cteRef.cteId ?? 0, name: m.cteRef.name ?? '', columns: colsFrom(m.cteRef.columns) };
  if (m.cteAnchor != null) {
    const a = m.cteAnchor;
    return { kind: 'cte_anchor', cteId: a.cteId ?? 0, name: a.name ?? '', definition: plan(a.definition), input: plan(a.input) };
  }
  if (m.singleRow != null) return { kind: 'single_row' };
  if (m.empty != null) return { kind: 'empty', columns: colsFrom(m.empty.columns) };
  if (m.window != null) {
    const w = m.window;
    return {
      kind: 'window', input: plan(w.input), partitionBy: (w.partitionBy ?? []).map(expr), orderBy: (w.orderBy ?? []).map((k) => sortKeyFromProto(k, options)),
      functions: (w.functions ?? []).map((f) => windowCallFromProto(f, options)), columns: colsFrom(w.columns),
    };
  }
  if (m.unnest != null) {
    const u = m.unnest;
    return {
      kind: 'unnest', input: plan(u.input), arrays: (u.arrays ?? []).map(expr), ordinality: u.ordinality ?? false, columns: colsFrom(u.columns),
      ...(u.hasPassThrough ? { passThrough: u.passThrough ?? [] } : {}), ...(u.outer ? { outer: true } : {}),
    };
  }
  throw malformedPlan('a logical plan node without a variant');
}
