/**
 * Bound expressions ↔ proto (logical.proto Expr, AggregateCall, SortKey).
 * Exact: literals keep their JS representation (see value-serde.ts) and every
 * node its result type, so a decoded expression formats and evaluates alike.
 */
import { pb, type loch } from '../../proto/index.ts';
import type { AggregateCall, Expr } from '../expr.ts';
import type { JoinType, SortKey } from '../logical/logical-plan.ts';
import { logicalPlanFromProto, logicalPlanToProto } from './logical-serde.ts';
import type { PlanDecodeOptions, PlanEncodeOptions } from './serde-options.ts';
import { dataTypeFromProto, dataTypeToProto, enumName, enumValue, literalFromProto, literalToProto, malformedPlan } from './value-serde.ts';

/** The plain-object shape of proto Expr. */
export type WireExpr = loch.v1.Expr.$Properties;

/** A bound expression as proto Expr (a subquery carries its logical plan). */
export function exprToProto(e: Expr, options: PlanEncodeOptions = {}): WireExpr {
  const sub = (x: Expr): WireExpr => exprToProto(x, options);
  switch (e.kind) {
    case 'column': return { column: { id: e.id, name: e.name, type: dataTypeToProto(e.type) } };
    case 'literal': return { literal: { value: literalToProto(e.value), type: dataTypeToProto(e.type) } };
    case 'call': return { call: { fn: e.fn, args: e.args.map(sub), type: dataTypeToProto(e.type) } };
    case 'cast': return { cast: { input: sub(e.input), type: dataTypeToProto(e.type) } };
    case 'case': return { caseWhen: {
      whens: e.whens.map((w) => ({ condition: sub(w.when), result: sub(w.then) })),
      ...(e.otherwise ? { otherwise: sub(e.otherwise) } : {}), type: dataTypeToProto(e.type),
    } };
    case 'in_list': return { inList: { input: sub(e.input), list: e.list.map(sub), negated: e.negated, type: dataTypeToProto(e.type) } };
    case 'subquery': return { subquery: {
      subqueryKind: enumValue(pb.SubqueryExpr.Kind, e.subqueryKind, 'subquery kind'), plan: logicalPlanToProto(e.plan, options),
      ...(e.input ? { input: sub(e.input) } : {}), negated: e.negated, outerRefs: [...e.outerRefs], type: dataTypeToProto(e.type),
    } };
  }
}

/** A decoded (or plain-object) Expr back to a bound expression. */
export function exprFromProto(m: WireExpr | null | undefined, options: PlanDecodeOptions): Expr {
  if (m == null) throw malformedPlan('an expression is missing');
  const sub = (x: WireExpr | null | undefined): Expr => exprFromProto(x, options);
  if (m.column != null) return { kind: 'column', id: m.column.id ?? 0, name: m.column.name ?? '', type: dataTypeFromProto(m.column.type) };
  if (m.literal != null) return { kind: 'literal', value: literalFromProto(m.literal.value), type: dataTypeFromProto(m.literal.type) };
  if (m.call != null) return { kind: 'call', fn: m.call.fn ?? '', args: (m.call.args ?? []).map(sub), type: dataTypeFromProto(m.call.type) };
  if (m.cast != null) return { kind: 'cast', input: sub(m.cast.input), type: dataTypeFromProto(m.cast.type) };
  if (m.caseWhen != null) {
    const c = m.caseWhen;
    return {
      kind: 'case', whens: (c.whens ?? []).map((w) => ({ when: sub(w.condition), then: sub(w.result) })),
      otherwise: c.otherwise != null ? sub(c.otherwise) : null, type: dataTypeFromProto(c.type),
    };
  }
  if (m.inList != null) {
    return { kind: 'in_list', input: sub(m.inList.input), list: (m.inList.list ?? []).map(sub), negated: m.inList.negated ?? false, type: dataTypeFromProto(m.inList.type) };
  }
  if (m.subquery != null) {
    const s = m.subquery;
    return {
      kind: 'subquery', subqueryKind: enumName(pb.SubqueryExpr.Kind, s.subqueryKind, 'subquery kind') as 'scalar' | 'exists' | 'in',
      plan: logicalPlanFromProto(s.plan, options), input: s.input != null ? sub(s.input) : null, negated: s.negated ?? false,
      outerRefs: [...(s.outerRefs ?? [])], type: dataTypeFromProto(s.type),
    };
  }
  throw malformedPlan('an expression without a variant');
}

/** Optional expression: absent on the wire when null. */
export function optionalExprFromProto(m: WireExpr | null | undefined, options: PlanDecodeOptions): Expr | null {
  return m == null ? null : exprFromProto(m, options);
}

/** An aggregate call as proto AggregateCall. */
export function aggregateToProto(a: AggregateCall, options: PlanEncodeOptions = {}): loch.v1.AggregateCall.$Properties {
  return {
    fn: a.fn, args: a.args.map((x) => exprToProto(x, options)), distinct: a.distinct,
    ...(a.filter ? { filter: exprToProto(a.filter, options) } : {}), type: dataTypeToProto(a.type),
  };
}

/** A proto AggregateCall back to an aggregate call. */
export function aggregateFromProto(m: loch.v1.AggregateCall.$Properties, options: PlanDecodeOptions): AggregateCall {
  return {
    fn: m.fn ?? '', args: (m.args ?? []).map((x) => exprFromProto(x, options)), distinct: m.distinct ?? false,
    filter: optionalExprFromProto(m.filter, options), type: dataTypeFromProto(m.type),
  };
}

/** A sort key as proto SortKey. */
export function sortKeyToProto(k: SortKey, options: PlanEncodeOptions = {}): loch.v1.SortKey.$Properties {
  return { expr: exprToProto(k.expr, options), ascending: k.ascending, nullsFirst: k.nullsFirst };
}

/** A proto SortKey back to a sort key. */
export function sortKeyFromProto(m: loch.v1.SortKey.$Properties, options: PlanDecodeOptions): SortKey {
  return { expr: exprFromProto(m.expr, options), ascending: m.ascending ?? false, nullsFirst: m.nullsFirst ?? false };
}

/** A join type as its proto enum value. */
export function joinTypeToProto(t: JoinType): loch.v1.JoinType {
  return enumValue(pb.JoinType, t, 'join type');
}

/** A proto JoinType back to a join type (unset is malformed). */
export function joinTypeFromProto(v: loch.v1.JoinType | null | undefined): JoinType {
  return enumName(pb.JoinType, v, 'join type') as JoinType;
}
