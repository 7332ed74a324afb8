/**
 * Parquet files with nested columns (struct, list, map; issue 6): their top-level
 * columns with Loch types, and a reader that decodes whole files with hyparquet
 * (plain JS values) and builds Loch's Arrow layouts from them.
 *
 * The columnar fast path (parquet-scanner.ts: one leaf column chunk at a time
 * through parquet-wasm) assumes one leaf per column; files with nested columns
 * go through here instead — slower, but every column type comes through.
 *
 *   group (LIST)  → repeated group → element        array<element>
 *   group (MAP)   → repeated group → key, value     map<key, value>
 *   group         → fields                         struct<fields>
 *   repeated leaf (legacy list)                    array<leaf>
 *   BYTE_ARRAY without a string annotation         binary
 */
import type * as arrow from 'apache-arrow';
import { parquetReadObjects, parquetSchema } from 'hyparquet';
import type { FileMetaData, SchemaElement, SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
  type DataType, type LiteralValue, type SourceColumn, LochError, MapValue, SqlState, StructValue, T,
  arrayOf, columnFromValues, isNarrowDecimal, mapOf, structOf,
} from '../../core/index.ts';
import { parquetType } from './parquet-schema.ts';

/** A top-level column of a file read by this module. */
export interface NestedFileColumn extends SourceColumn {
  readonly element: SchemaElement;
  readonly fieldId: number | undefined;
}

/** True when the file has a top-level column that is not a plain leaf. */
export function hasNestedColumns(metadata: FileMetaData): boolean {
  return parquetSchema(metadata).children.some((c) => c.children.length > 0 || c.element.repetition_type === 'REPEATED');
}

/**
 * Every top-level column of the file with its Loch type; a column whose type
 * Loch cannot represent fails (`skipUnsupported`: it is left out instead).
 */
export function nestedFileColumns(path: string, metadata: FileMetaData, skipUnsupported = false): NestedFileColumn[] {
  const out: NestedFileColumn[] = [];
  for (const node of parquetSchema(metadata).children) {
    try {
      out.push({
        name: node.element.name, type: treeType(path, node), nullable: node.element.repetition_type !== 'REQUIRED',
        element: node.element, fieldId: node.element.field_id,
      });
    } catch (e) {
      if (!skipUnsupported || !(e instanceof LochError)) throw e;
    }
  }
  return out;
}

function annotation(e: SchemaElement): string | undefined {
  return e.logical_type?.type ?? e.converted_type;
}

/** The Loch type of a schema subtree. */
function treeType(path: string, node: SchemaTree): DataType {
  const e = node.element;
  if (e.repetition_type === 'REPEATED' && node.path.length > 1) {
    // a repeated field outside a LIST/MAP group: a legacy list of required elements
    return arrayOf(unrepeatedType(path, node));
  }
  return unrepeatedType(path, node);
}

function unrepeatedType(path: string, node: SchemaTree): DataType {
  const e = node.element;
  const kind = annotation(e);
  if (node.children.length === 0) {
    if (e.type === 'BYTE_ARRAY' && kind !== 'STRING' && kind !== 'UTF8' && kind !== 'ENUM' && kind !== 'JSON' && kind !== 'DECIMAL') return T.binary;
    return parquetType(path, e);
  }
  if (kind === 'LIST' && node.children.length === 1) {
    const repeated = node.children[0]!;
    if (repeated.children.length === 1 && repeated.element.name !== 'array' && !repeated.element.name.endsWith('_tuple')) {
      return arrayOf(treeType(path, repeated.children[0]!));
    }
    return arrayOf(unrepeatedType(path, repeated));
  }
  if ((kind === 'MAP' || kind === 'MAP_KEY_VALUE') && node.children.length === 1 && node.children[0]!.children.length === 2) {
    const kv = node.children[0]!;
    return mapOf(treeType(path, kv.children[0]!), treeType(path, kv.children[1]!));
  }
  return structOf(node.children.map((c) => ({ name: c.element.name, type: treeType(path, c) })));
}

const PARSERS = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (v: bigint) => v * 1000n,
  timestampFromMicroseconds: (v: bigint) => v,
  timestampFromNanoseconds: (v: bigint) => (v >= 0n ? v / 1000n : -((-v + 999n) / 1000n)),
};

/**
 * Reads `columns` (top-level, by name) of a whole file in batches of `batchSize` rows; each column is built in
 * `targets[i]` (the same shape as its file type, struct fields matched by position,
 * so column-mapped physical field names need no renaming).
 */
export async function readNestedFileColumns(
  bytes: Uint8Array, columns: readonly { readonly name: string; readonly type: DataType }[], targets: readonly DataType[] = columns.map((c) => c.type),
  rows?: { readonly start: number; readonly end: number }, batchSize = Number.POSITIVE_INFINITY,
): Promise<{ numRows: number; batches: arrow.Data[][] }> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const names = columns.map((c) => c.name);
  const objects = await parquetReadObjects({
    file: buffer, compressors, columns: names.length > 0 ? names : undefined, parsers: PARSERS, utf8: false,
    ...(rows ? { rowStart: rows.start, rowEnd: rows.end } : {}),
  });
  const values = columns.map((c) => objects.map((o) => toLochValue((o as Record<string, unknown>)[c.name], c.type)));
  // one offset-0 column set per batch (operators expect batches that start at offset 0)
  const batches: arrow.Data[][] = [];
  for (let start = 0; start < objects.length; start += batchSize) {
    const end = Math.min(objects.length, start + batchSize);
    batches.push(columns.map((_, k) => columnFromValues(targets[k]!, values[k]!.slice(start, end))));
  }
  return { numRows: objects.length, batches };
}

const utf8 = new TextDecoder();

/** A hyparquet JS value of file type `type` → Loch's literal representation. */
export function toLochValue(v: unknown, type: DataType): LiteralValue {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'array': return (v as unknown[]).map((x) => toLochValue(x, type.element));
    case 'struct': {
      const o = v as Record<string, unknown>;
      return new StructValue(type.fields.map((f) => toLochValue(o[f.name], f.type)));
    }
    case 'map': {
      const entries = v instanceof Map ? [...(v as Map<unknown, unknown>).entries()] : Object.entries(v as Record<string, unknown>);
      return new MapValue(entries.map(([k]) => mapKey(k, type.key)), entries.map(([, x]) => toLochValue(x, type.value)));
    }
    case 'int64': case 'timestamp': case 'timestamptz':
      return typeof v === 'bigint' ? v : BigInt(v instanceof Date ? v.getTime() * 1000 : Number(v));
    case 'decimal': {
      if (typeof v === 'bigint') return isNarrowDecimal(type) ? Number(v) : v;
      const scaled = Math.round(Number(v) * 10 ** type.scale);
      return isNarrowDecimal(type) ? scaled : BigInt(scaled);
    }
    case 'text': return v instanceof Uint8Array ? utf8.decode(v) : String(v);
    case 'binary': return v instanceof Uint8Array ? v : new TextEncoder().encode(String(v));
    case 'boolean': return Boolean(v);
    case 'int16': case 'int32': case 'float32': case 'float64': case 'date': return typeof v === 'bigint' ? Number(v) : Number(v);
    default: throw new LochError(SqlState.featureNotSupported, `cannot read Parquet values as ${type.kind}`);
  }
}

/** hyparquet turns map keys into object property names: give them back their type. */
function mapKey(k: unknown, type: DataType): LiteralValue {
  if (typeof k !== 'string') return toLochValue(k, type);
  switch (type.kind) {
    case 'int16': case 'int32': case 'float32': case 'float64': case 'date': return Number(k);
    case 'int64': case 'timestamp': case 'timestamptz': return BigInt(k);
    case 'boolean': return k === 'true';
    case 'decimal': return toLochValue(Number(k), type);
    default: return toLochValue(k, type);
  }
}
