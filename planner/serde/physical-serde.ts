/**
 * Physical plans and stage plans ↔ proto (physical.proto), node by node,
 * including the distribution nodes (exchange, shuffle write/read, unresolved
 * shuffle) and scans' concrete splits. A scan's TableScanner travels as its
 * TableSource descriptor and is reopened on the receiving side.
 *
 *   encodeStagePlan(jobId, stage, attempt) ──bytes──► decodeStagePlan(bytes, { openSource })
 */
import { windowCallFromProto, windowCallToProto } from './window-serde.ts';
import type { ScanSplit } from '../../core/index.ts';
import { decodeMessage, encodeMessage, pb, type loch } from '../../proto/index.ts';
import type { ExchangePartitioning, ShuffleLocation, ShuffleWriteExec } from '../distributed/exchange-exec.ts';
import type { QueryStage } from '../distributed/stage-cutter.ts';
import type { Expr } from '../expr.ts';
import { type PhysicalPlan, physicalChildren } from '../physical/physical-plan.ts';
import {
  aggregateFromProto, aggregateToProto, exprFromProto, exprToProto, joinTypeFromProto, joinTypeToProto, optionalExprFromProto,
  sortKeyFromProto, sortKeyToProto,
} from './expr-serde.ts';
import { describeScanner, type PlanDecodeOptions, type PlanEncodeOptions } from './serde-options.ts';
import {
  enumName, enumValue, malformedPlan, optionalNumber, planColumnFromProto, planColumnToProto, scanPredicateFromProto,
  scanPredicateToProto, tableSourceFromProto, tableSourceToProto,
} from './value-serde.ts';

/** The plain-object shape of proto PhysicalPlan. */
export type WirePhysicalPlan = loch.v1.PhysicalPlan.$Properties;
type WirePartitioning = loch.v1.Partitioning.$Properties;
type WireSplit = loch.v1.ScanSplit.$Properties;
type WireLocation = loch.v1.PartitionLocation.$Properties;

function partitioningToProto(p: ExchangePartitioning, options: PlanEncodeOptions): WirePartitioning {
  switch (p.kind) {
    case 'hash': return { hash: { exprs: p.keys.map((k) => exprToProto(k, options)), partitionCount: p.partitions } };
    case 'round_robin': return { roundRobin: { partitionCount: p.partitions } };
    case 'single': return { single: {} };
    case 'broadcast': return { broadcast: {} };
  }
}

function partitioningFromProto(m: WirePartitioning | null | undefined, options: PlanDecodeOptions): ExchangePartitioning {
  if (m?.hash != null) return { kind: 'hash', keys: (m.hash.exprs ?? []).map((e) => exprFromProto(e, options)), partitions: m.hash.partitionCount ?? 0 };
  if (m?.roundRobin != null) return { kind: 'round_robin', partitions: m.roundRobin.partitionCount ?? 0 };
  if (m?.single != null) return { kind: 'single' };
  if (m?.broadcast != null) return { kind: 'broadcast' };
  throw malformedPlan('a shuffle without its partitioning');
}

function splitToProto(s: ScanSplit): WireSplit {
  return {
    path: s.path, fileSizeBytes: s.fileSizeBytes, sizeBytes: s.sizeBytes, rowGroups: s.rowGroups ? [...s.rowGroups] : [],
    offset: s.offset ?? 0, length: s.length ?? 0, ...(s.rowCount !== undefined ? { rowCount: s.rowCount } : {}),
    partitionValues: { ...(s.partitionValues ?? {}) },
  };
}

function splitFromProto(m: WireSplit): ScanSplit {
  const rowGroups = m.rowGroups ?? [];
  const values = m.partitionValues ?? {};
  const rowCount = optionalNumber(m.rowCount);
  // Unset 64-bit fields may read as the generated code's Long default: compare numbers, never truthiness.
  const offset = Number(m.offset ?? 0);
  const length = Number(m.length ?? 0);
  return {
    path: m.path ?? '', fileSizeBytes: Number(m.fileSizeBytes ?? 0), sizeBytes: Number(m.sizeBytes ?? 0),
    ...(rowGroups.length > 0 ? { rowGroups: [...rowGroups] } : {}), ...(offset > 0 ? { offset } : {}),
    ...(length > 0 ? { length } : {}), ...(rowCount !== undefined ? { rowCount } : {}),
    ...(Object.keys(values).length > 0 ? { partitionValues: { ...values } } : {}),
  };
}

function locationToProto(l: ShuffleLocation): WireLocation {
  return {
    mapTask: { jobId: l.jobId, mapStageId: l.mapStageId, mapStageAttempt: l.mapStageAttempt, mapPartition: l.mapPartition, mapTaskAttempt: l.mapTaskAttempt },
    outputPartition: l.outputPartition, workerId: l.workerId, workerAddress: l.workerAddress, path: l.path, stats: { rows: l.rows, bytes: l.bytes },
  };
}

function locationFromProto(m: WireLocation): ShuffleLocation {
  const t = m.mapTask;
  return {
    jobId: t?.jobId ?? '', mapStageId: t?.mapStageId ?? 0, mapStageAttempt: t?.mapStageAttempt ?? 0, mapPartition: t?.mapPartition ?? 0,
    mapTaskAttempt: t?.mapTaskAttempt ?? 0, outputPartition: m.outputPartition ?? 0, workerId: m.workerId ?? '',
    workerAddress: m.workerAddress ?? '', path: m.path ?? '', rows: Number(m.stats?.rows ?? 0), bytes: Number(m.stats?.bytes ?? 0),
  };
}

/** A physical plan as a proto message (plain object). */
export function physicalPlanToProto(p: PhysicalPlan, options: PlanEncodeOptions = {}): WirePhysicalPlan {
  const base: WirePhysicalPlan = {
    nodeId: p.nodeId, columns: p.columns.map(planColumnToProto), ...(p.rowEstimate !== undefined ? { rowEstimate: p.rowEstimate } : {}),
  };
  return { ...base, ...nodeToProto(p, options) };
}

function nodeToProto(p: PhysicalPlan, options: PlanEncodeOptions): WirePhysicalPlan {
  const plan = (x: PhysicalPlan): WirePhysicalPlan => physicalPlanToProto(x, options);
  const expr = (x: Expr) => exprToProto(x, options);
  switch (p.kind) {
    case 'scan': return { scan: {
      tableName: p.tableName, source: tableSourceToProto(describeScanner(p.source, p.tableName, options)), sourceColumns: [...p.sourceColumns],
      predicates: p.predicates.map(scanPredicateToProto), partitions: (p.splits ?? []).map((part) => ({ splits: part.map(splitToProto) })),
      ...(p.limit !== undefined ? { limit: p.limit } : {}),
    } };
    case 'values': return { values: { rows: p.rows.map((r) => ({ values: r.map(expr) })) } };
    case 'filter': return { filter: { input: plan(p.input), predicate: expr(p.predicate) } };
    case 'project': return { project: { input: plan(p.input), exprs: p.exprs.map(expr) } };
    case 'hash_aggregate': return { hashAggregate: {
      mode: enumValue(pb.AggregateMode, p.mode, 'aggregate mode'), input: plan(p.input), groupBy: p.groupBy.map(expr),
      aggregates: p.aggregates.map((a) => aggregateToProto(a, options)),
    } };
    case 'hash_join': return { hashJoin: {
      joinType: joinTypeToProto(p.joinType), left: plan(p.left), right: plan(p.right), leftKeys: p.leftKeys.map(expr), rightKeys: p.rightKeys.map(expr),
      ...(p.residual ? { residual: expr(p.residual) } : {}), nullAware: p.nullAware,
    } };
    case 'nested_loop_join': return { nestedLoopJoin: {
      joinType: joinTypeToProto(p.joinType), left: plan(p.left), right: plan(p.right), ...(p.condition ? { condition: expr(p.condition) } : {}),
      ...(p.nullAwareCondition ? { nullAwareCondition: expr(p.nullAwareCondition) } : {}),
    } };
    case 'sort': return { sort: { input: plan(p.input), keys: p.keys.map((k) => sortKeyToProto(k, options)) } };
    case 'top_k': return { topK: { input: plan(p.input), keys: p.keys.map((k) => sortKeyToProto(k, options)), fetch: p.fetch } };
    case 'limit': return { limit: { input: plan(p.input), ...(p.limit !== null ? { limit: p.limit } : {}), offset: p.offset } };
    case 'union': return { union: { inputs: p.inputs.map(plan) } };
    case 'hash_set_op': return { hashSetOp: { op: enumValue(pb.SetOperator, p.op, 'set operator'), all: p.all, left: plan(p.left), right: plan(p.right) } };
    case 'cte_anchor': return { cteAnchor: { cteId: p.cteId, name: p.name, definition: plan(p.definition), input: plan(p.input) } };
    case 'cte_scan': return { cteScan: { cteId: p.cteId, name: p.name } };
    case 'single_row': return { singleRow: {} };
    case 'empty': return { empty: {} };
    case 'window': return { window: {
      input: plan(p.input), partitionBy: p.partitionBy.map(expr), orderBy: p.orderBy.map((k) => sortKeyToProto(k, options)),
      functions: p.functions.map((f) => windowCallToProto(f, options)),
    } };
    case 'unnest': return { unnest: { input: plan(p.input), arrays: p.arrays.map(expr), ordinality: p.ordinality, ...(p.outer ? { outer: true } : {}) } };
    case 'exchange': return { exchange: { input: plan(p.input), partitioning: partitioningToProto(p.partitioning, options) } };
    case 'shuffle_write': return { shuffleWrite: { stageId: p.stageId, input: plan(p.input), outputPartitioning: partitioningToProto(p.partitioning, options) } };
    case 'unresolved_shuffle': return { unresolvedShuffle: {
      stageId: p.stageId, partitionCount: p.partitionCount, partitioning: partitioningToProto(p.partitioning, options),
    } };
    case 'shuffle_read': return { shuffleRead: {
      stageId: p.stageId, partitioning: partitioningToProto(p.partitioning, options),
      partitions: p.partitions.map((files) => ({ locations: files.map(locationToProto) })),
    } };
  }
}

/** A decoded (or plain-object) PhysicalPlan message as a physical plan; scans reopen their tables through `openSource`. */
export function physicalPlanFromProto(m: WirePhysicalPlan | null | undefined, options: PlanDecodeOptions): PhysicalPlan {
  if (m == null) throw malformedPlan('a physical plan input is missing');
  const rowEstimate = optionalNumber(m.rowEstimate);
  const base = { nodeId: m.nodeId ?? 0, columns: (m.columns ?? []).map(planColumnFromProto), ...(rowEstimate !== undefined ? { rowEstimate } : {}) };
  const plan = (x: WirePhysicalPlan | null | undefined): PhysicalPlan => physicalPlanFromProto(x, options);
  const expr = (x: loch.v1.Expr.$Properties | null | undefined): Expr => exprFromProto(x, options);
  const keys = (ks: readonly loch.v1.SortKey.$Properties[] | null | undefined) => (ks ?? []).map((k) => sortKeyFromProto(k, options));
  if (m.scan != null) {
    const s = m.scan;
    const limit = optionalNumber(s.limit);
    const parts = s.partitions ?? [];
    return {
      ...base, kind: 'scan', tableName: s.tableName ?? '', source: options.openSource(tableSourceFromProto(s.source)),
      sourceColumns: [...(s.sourceColumns ?? [])], predicates: (s.predicates ?? []).map(scanPredicateFromProto),
      ...(limit !== undefined ? { limit } : {}), ...(parts.length > 0 ? { splits: parts.map((part) => (part.splits ?? []).map(splitFromProto)) } : {}),
    };
  }
  if (m.values != null) return { ...base, kind: 'values', rows: (m.values.rows ?? []).map((r) => (r.values ?? []).map(expr)) };
  if (m.filter != null) return { ...base, kind: 'filter', input: plan(m.filter.input), predicate: expr(m.filter.predicate) };
  if (m.project != null) return { ...base, kind: 'project', input: plan(m.project.input), exprs: (m.project.exprs ?? []).map(expr) };
  if (m.hashAggregate != null) {
    const a = m.hashAggregate;
    return {
      ...base, kind: 'hash_aggregate', mode: enumName(pb.AggregateMode, a.mode, 'aggregate mode') as 'single' | 'partial' | 'final',
      input: plan(a.input), groupBy: (a.groupBy ?? []).map(expr), aggregates: (a.aggregates ?? []).map((x) => aggregateFromProto(x, options)),
    };
  }
  if (m.hashJoin != null) {
    const j = m.hashJoin;
    return {
      ...base, kind: 'hash_join', joinType: joinTypeFromProto(j.joinType), left: plan(j.left), right: plan(j.right),
      leftKeys: (j.leftKeys ?? []).map(expr), rightKeys: (j.rightKeys ?? []).map(expr), residual: optionalExprFromProto(j.residual, options),
      nullAware: j.nullAware ?? false,
    };
  }
  if (m.nestedLoopJoin != null) {
    const j = m.nestedLoopJoin;
    return {
      ...base, kind: 'nested_loop_join', joinType: joinTypeFromProto(j.joinType), left: plan(j.left), right: plan(j.right),
      condition: optionalExprFromProto(j.condition, options), nullAwareCondition: optionalExprFromProto(j.nullAwareCondition, options),
    };
  }
  if (m.sort != null) return { ...base, kind: 'sort', input: plan(m.sort.input), keys: keys(m.sort.keys) };
  if (m.topK != null) return { ...base, kind: 'top_k', input: plan(m.topK.input), keys: keys(m.topK.keys), fetch: Number(m.topK.fetch ?? 0) };
  if (m.limit != null) return { ...base, kind: 'limit', input: plan(m.limit.input), limit: optionalNumber(m.limit.limit) ?? null, offset: Number(m.limit.offset ?? 0) };
  if (m.union != null) return { ...base, kind: 'union', inputs: (m.union.inputs ?? []).map(plan) };
  if (m.hashSetOp != null) {
    const s = m.hashSetOp;
    const op = enumName(pb.SetOperator, s.op, 'set operator');
    if (op !== 'intersect' && op !== 'except') throw malformedPlan(`HashSetOpExec with operator ${op}`);
    return { ...base, kind: 'hash_set_op', op, all: s.all ?? false, left: plan(s.left), right: plan(s.right) };
  }
  if (m.cteAnchor != null) {
    const a = m.cteAnchor;
    return { ...base, kind: 'cte_anchor', cteId: a.cteId ?? 0, name: a.name ?? '', definition: plan(a.definition), input: plan(a.input) };
  }
  if (m.cteScan != null) return { ...base, kind: 'cte_scan', cteId: m.cteScan.cteId ?? 0, name: m.cteScan.name ?? '' };
  if (m.singleRow != null) return { ...base, kind: 'single_row' };
  if (m.empty != null) return { ...base, kind: 'empty' };
  if (m.window != null) {
    const w = m.window;
    return {
      ...base, kind: 'window', input: plan(w.input), partitionBy: (w.partitionBy ?? []).map(expr), orderBy: keys(w.orderBy),
      functions: (w.functions ?? []).map((f) => windowCallFromProto(f, options)),
    };
  }
  if (m.unnest != null) {
    const u = m.unnest;
    return { ...base, kind: 'unnest', input: plan(u.input), arrays: (u.arrays ?? []).map(expr), ordinality: u.ordinality ?? false, ...(u.outer ? { outer: true } : {}) };
  }
  if (m.exchange != null) return { ...base, kind: 'exchange', input: plan(m.exchange.input), partitioning: partitioningFromProto(m.exchange.partitioning, options) };
  if (m.shuffleWrite != null) {
    const w = m.shuffleWrite;
    return { ...base, kind: 'shuffle_write', stageId: w.stageId ?? 0, input: plan(w.input), partitioning: partitioningFromProto(w.outputPartitioning, options) };
  }
  if (m.unresolvedShuffle != null) {
    const u = m.unresolvedShuffle;
    return {
      ...base, kind: 'unresolved_shuffle', stageId: u.stageId ?? 0, partitionCount: u.partitionCount ?? 0,
      partitioning: partitioningFromProto(u.partitioning, options),
    };
  }
  if (m.shuffleRead != null) {
    const r = m.shuffleRead;
    return {
      ...base, kind: 'shuffle_read', stageId: r.stageId ?? 0, partitioning: partitioningFromProto(r.partitioning, options),
      partitions: (r.partitions ?? []).map((part) => (part.locations ?? []).map(locationFromProto)),
    };
  }
  throw malformedPlan(`physical plan node ${m.nodeId ?? 0} without a variant`);
}

/** One stage as proto StagePlan, as the coordinator ships it to a worker. */
export function stagePlanToProto(jobId: string, stage: QueryStage, stageAttempt: number, options: PlanEncodeOptions = {}): loch.v1.StagePlan.$Properties {
  return { jobId, stageId: stage.stageId, stageAttempt, partitionCount: stage.partitions, plan: physicalPlanToProto(stage.plan, options) };
}

/** A stage decoded from proto StagePlan. */
export interface DecodedStagePlan {
  readonly jobId: string;
  readonly stageAttempt: number;
  readonly stage: QueryStage;
}

/** Proto StagePlan back to a stage; input stage ids are recovered from the plan's shuffle leaves. */
export function stagePlanFromProto(m: loch.v1.StagePlan.$Properties, options: PlanDecodeOptions): DecodedStagePlan {
  const plan = physicalPlanFromProto(m.plan, options);
  if (plan.kind !== 'shuffle_write') throw malformedPlan(`stage ${m.stageId ?? 0} is not rooted in a ShuffleWriteExec`);
  const inputs = new Set<number>();
  const visit = (p: PhysicalPlan): void => {
    if (p.kind === 'unresolved_shuffle' || p.kind === 'shuffle_read') inputs.add(p.stageId);
    for (const c of physicalChildren(p)) visit(c);
  };
  visit(plan.input);
  const stage: QueryStage = {
    stageId: m.stageId ?? 0, partitions: m.partitionCount ?? 0, inputStageIds: [...inputs].sort((a, b) => a - b), plan: plan as ShuffleWriteExec,
  };
  return { jobId: m.jobId ?? '', stageAttempt: m.stageAttempt ?? 0, stage };
}

/** A physical plan as protobuf bytes. */
export function encodePhysicalPlan(plan: PhysicalPlan, options: PlanEncodeOptions = {}): Uint8Array {
  return encodeMessage('PhysicalPlan', physicalPlanToProto(plan, options));
}

/** Protobuf bytes back to a physical plan. */
export function decodePhysicalPlan(bytes: Uint8Array, options: PlanDecodeOptions): PhysicalPlan {
  return physicalPlanFromProto(decodeMessage('PhysicalPlan', bytes), options);
}

/** One stage as protobuf StagePlan bytes. */
export function encodeStagePlan(jobId: string, stage: QueryStage, stageAttempt: number, options: PlanEncodeOptions = {}): Uint8Array {
  return encodeMessage('StagePlan', stagePlanToProto(jobId, stage, stageAttempt, options));
}

/** Protobuf StagePlan bytes back to a stage. */
export function decodeStagePlan(bytes: Uint8Array, options: PlanDecodeOptions): DecodedStagePlan {
  return stagePlanFromProto(decodeMessage('StagePlan', bytes), options);
}
