/**
 * Values shared by every plan message ↔ proto (types.proto): data types,
 * literal values (exact: 64-bit integers, wide decimals and timestamps travel
 * as decimal strings; narrow decimals as their scaled integer in a double),
 * plan and source columns, scan predicates and table source descriptors.
 *
 * `…FromProto` functions accept decoded messages and plain objects alike
 * (an unset field reads null or undefined).
 */
import {
  LochError, MapValue, SqlState, StructValue, isInterval, type DataType, type LiteralValue, type ScanPredicate, type SourceColumn, type TableSourceDescriptor,
} from '../../core/index.ts';
import { pb, type loch } from '../../proto/index.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';

/** Plain-object shapes of the types.proto messages. */
export type WireDataType = loch.v1.DataType.$Properties;
export type WireLiteral = loch.v1.LiteralValue.$Properties;
export type WirePlanColumn = loch.v1.PlanColumn.$Properties;
export type WireScanPredicate = loch.v1.ScanPredicate.$Properties;
export type WireTableSource = loch.v1.TableSource.$Properties;

/** A malformed plan message: the field at fault is named. */
export function malformedPlan(what: string): LochError {
  return new LochError(SqlState.internalError, `malformed plan message: ${what}`);
}

/** Maps a lower-case kind to its upper-case enum value (`int32` → INT32), failing loudly on a kind the wire lacks. */
export function enumValue(values: object, name: string, what: string): number {
  const v = (values as Record<string, number | undefined>)[name.toUpperCase()];
  if (v === undefined) throw malformedPlan(`${what} ${name} has no proto value`);
  return v;
}

/** The lower-case name of an enum value (INT32 → `int32`). */
export function enumName(values: object, value: number | null | undefined, what: string): string {
  for (const [k, v] of Object.entries(values)) if (v === value && !k.endsWith('_UNSPECIFIED')) return k.toLowerCase();
  throw malformedPlan(`${what} ${value ?? 'unset'} is not a known value`);
}

/** A data type as proto DataType. */
export function dataTypeToProto(t: DataType): WireDataType {
  const kind = enumValue(pb.DataType.Kind, t.kind, 'data type');
  switch (t.kind) {
    case 'decimal': return { kind, precision: t.precision, scale: t.scale };
    case 'text': return t.json ? { kind, json: t.json } : { kind };
    case 'array': return { kind, element: dataTypeToProto(t.element) };
    case 'struct': return { kind, fields: t.fields.map((f) => ({ name: f.name, type: dataTypeToProto(f.type) })) };
    case 'map': return { kind, key: dataTypeToProto(t.key), value: dataTypeToProto(t.value) };
    default: return { kind };
  }
}

/** A proto DataType back to a data type. */
export function dataTypeFromProto(m: WireDataType | null | undefined): DataType {
  if (m == null) throw malformedPlan('a data type is missing');
  const kind = enumName(pb.DataType.Kind, m.kind, 'data type') as DataType['kind'];
  switch (kind) {
    case 'decimal': return { kind, precision: m.precision ?? 0, scale: m.scale ?? 0 };
    case 'text': return m.json === 'json' || m.json === 'jsonb' ? { kind, json: m.json } : { kind };
    case 'array': return { kind, element: dataTypeFromProto(m.element) };
    case 'struct': return { kind, fields: (m.fields ?? []).map((f) => ({ name: f.name ?? '', type: dataTypeFromProto(f.type) })) };
    case 'map': return { kind, key: dataTypeFromProto(m.key), value: dataTypeFromProto(m.value) };
    default: return { kind } as DataType;
  }
}

/** A JS value (core/literal.ts) as proto LiteralValue; bigints travel as decimal strings. */
export function literalToProto(v: LiteralValue): WireLiteral {
  if (v === null) return {};
  switch (typeof v) {
    case 'boolean': return { boolean: v };
    case 'number': return { number: v };
    case 'bigint': return { bigInteger: v.toString() };
    case 'string': return { text: v };
    default:
      if (v instanceof Uint8Array) return { binary: v };
      if (Array.isArray(v)) return { list: { values: (v as readonly LiteralValue[]).map(literalToProto) } };
      if (v instanceof StructValue) return { struct: { values: v.values.map(literalToProto) } };
      if (v instanceof MapValue) return { map: { keys: v.keys.map(literalToProto), values: v.values.map(literalToProto) } };
      if (!isInterval(v)) throw new LochError(SqlState.featureNotSupported, 'this literal cannot be sent to workers');
      return { interval: { months: v.months, days: v.days, micros: v.micros } };
  }
}

/** A proto LiteralValue back to the same JS value (no field set: NULL). */
export function literalFromProto(m: WireLiteral | null | undefined): LiteralValue {
  if (m == null) return null;
  if (m.boolean != null) return m.boolean;
  if (m.number != null) return m.number;
  if (m.bigInteger != null) return BigInt(m.bigInteger);
  if (m.text != null) return m.text;
  if (m.interval != null) return { months: m.interval.months ?? 0, days: m.interval.days ?? 0, micros: Number(m.interval.micros ?? 0) };
  if (m.binary != null) return new Uint8Array(m.binary);
  if (m.list != null) return (m.list.values ?? []).map(literalFromProto);
  if (m.struct != null) return new StructValue((m.struct.values ?? []).map(literalFromProto));
  if (m.map != null) return new MapValue((m.map.keys ?? []).map(literalFromProto), (m.map.values ?? []).map(literalFromProto));
  return null;
}

/** A plan column as proto PlanColumn. */
export function planColumnToProto(c: PlanColumn): WirePlanColumn {
  return { id: c.id, name: c.name, type: dataTypeToProto(c.type), nullable: c.nullable, ...(c.qualifier !== undefined ? { qualifier: c.qualifier } : {}) };
}

/** A proto PlanColumn back to a plan column. */
export function planColumnFromProto(m: WirePlanColumn): PlanColumn {
  const c: PlanColumn = { id: m.id ?? 0, name: m.name ?? '', type: dataTypeFromProto(m.type), nullable: m.nullable ?? false };
  return m.qualifier != null ? { ...c, qualifier: m.qualifier } : c;
}

/** A source column as proto SourceColumn. */
export function sourceColumnToProto(c: SourceColumn): loch.v1.SourceColumn.$Properties {
  return { name: c.name, type: dataTypeToProto(c.type), nullable: c.nullable };
}

/** A proto SourceColumn back to a source column. */
export function sourceColumnFromProto(m: loch.v1.SourceColumn.$Properties): SourceColumn {
  return { name: m.name ?? '', type: dataTypeFromProto(m.type), nullable: m.nullable ?? false };
}

type CompareOp = Extract<ScanPredicate, { kind: 'compare' }>['op'];
const COMPARE_OPS: readonly [CompareOp, string][] = [
  ['=', 'EQ'], ['<>', 'NE'], ['<', 'LT'], ['<=', 'LE'], ['>', 'GT'], ['>=', 'GE'],
];

/** A scan predicate as proto ScanPredicate. */
export function scanPredicateToProto(q: ScanPredicate): WireScanPredicate {
  switch (q.kind) {
    case 'compare': {
      const op = pb.ScanPredicate.CompareOp[COMPARE_OPS.find(([o]) => o === q.op)![1] as keyof typeof pb.ScanPredicate.CompareOp];
      return { compare: { column: q.column, op, value: literalToProto(q.value) } };
    }
    case 'in': return { in: { column: q.column, values: q.values.map(literalToProto) } };
    case 'is_null': return { isNull: { column: q.column, negated: q.negated } };
  }
}

/** A proto ScanPredicate back to a scan predicate. */
export function scanPredicateFromProto(m: WireScanPredicate): ScanPredicate {
  if (m.compare != null) {
    const name = enumName(pb.ScanPredicate.CompareOp, m.compare.op, 'compare op').toUpperCase();
    const op = COMPARE_OPS.find(([, n]) => n === name)![0];
    return { kind: 'compare', column: m.compare.column ?? 0, op, value: literalFromProto(m.compare.value) };
  }
  if (m.in != null) return { kind: 'in', column: m.in.column ?? 0, values: (m.in.values ?? []).map(literalFromProto) };
  if (m.isNull != null) return { kind: 'is_null', column: m.isNull.column ?? 0, negated: m.isNull.negated ?? false };
  throw malformedPlan('a scan predicate without a predicate');
}

/** Formats outside proto TableSource.Format keep their name in this option. */
const FORMAT_OPTION = 'loch.format';

/** A table source descriptor as proto TableSource (formats outside the enum kept in an option). */
export function tableSourceToProto(d: TableSourceDescriptor): WireTableSource {
  const known = (pb.TableSource.Format as unknown as Record<string, number | undefined>)[d.format.toUpperCase()];
  const options: Record<string, string> = { ...d.options };
  if (known === undefined) options[FORMAT_OPTION] = d.format;
  return {
    name: d.name, format: known ?? pb.TableSource.Format.FORMAT_UNSPECIFIED, location: d.location,
    ...(d.version !== undefined ? { version: d.version } : {}), columns: d.columns.map(sourceColumnToProto), options,
  };
}

/** A proto TableSource back to a table source descriptor. */
export function tableSourceFromProto(m: WireTableSource | null | undefined): TableSourceDescriptor {
  if (m == null) throw malformedPlan('a scan without its table source');
  const options: Record<string, string> = { ...(m.options ?? {}) };
  let format = options[FORMAT_OPTION];
  if (format !== undefined) delete options[FORMAT_OPTION];
  else format = enumName(pb.TableSource.Format, m.format, 'table format');
  return {
    name: m.name ?? '', format, location: m.location ?? '', ...(m.version != null ? { version: Number(m.version) } : {}),
    options, columns: (m.columns ?? []).map(sourceColumnFromProto),
  };
}

/** Reads an optional proto3 number (null/undefined when unset). */
export function optionalNumber(v: number | null | undefined): number | undefined {
  return v == null ? undefined : Number(v);
}
