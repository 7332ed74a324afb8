/**
 * Loch's logical data types and how each one is laid out in Arrow memory.
 *
 * The binder, the optimizer and the kernels all speak `DataType`; Arrow types
 * only appear where data is stored (see `toArrowType` / `fromArrowField`).
 *
 * Physical layout (decided in issue 2; kernels rely on it):
 *
 * | logical           | Arrow type                 | values buffer                                  |
 * |-------------------|----------------------------|------------------------------------------------|
 * | boolean           | Bool                       | bit-packed Uint8Array                          |
 * | int16 / int32     | Int16 / Int32              | Int16Array / Int32Array                        |
 * | int64             | Int64                      | BigInt64Array (hash/compare via Int32 pairs)   |
 * | float32 / float64 | Float32 / Float64          | Float32Array / Float64Array                    |
 * | decimal(p<=18,s)  | Float64 + field metadata   | Float64Array of *scaled integers* (v * 10^s),  |
 * |                   |   loch.type=decimal(p,s)   | exact while |v*10^s| < 2^53                    |
 * | decimal(p>18,s)   | Decimal128(p,s)            | Uint32Array, 4 little-endian words per value   |
 * | text              | Utf8                       | Int32 offsets + UTF-8 bytes                    |
 * | json / jsonb      | Utf8 + field metadata      | the JSON text (jsonb: canonical form); a text  |
 * |                   |   loch.type=json|jsonb     | type with `json` set, so text kernels apply    |
 * | date              | DateDay                    | Int32Array days since 1970-01-01               |
 * | timestamp(tz)     | Timestamp(µs[, UTC])       | BigInt64Array microseconds since epoch         |
 * | time              | Time64(µs)                 | BigInt64Array microseconds since midnight      |
 * |                   |                            | (0 ≤ v ≤ 86 400 000 000, 24:00:00 allowed)     |
 * | interval          | Interval(MONTH_DAY_NANO)   | Int32Array: months, days, nanos lo, nanos hi   |
 * | null              | Null                       | none                                           |
 * | binary            | Binary                     | Int32 offsets + bytes                          |
 * | array<e>          | List<item: e>              | Int32 offsets into one child (the elements)    |
 * | struct<a: t, …>   | Struct<a: t, …>            | no buffer; one child per field                 |
 * | map<k, v>         | Map<entries: Struct<key,   | Int32 offsets into one child: a struct of the  |
 * |                   |   value>>                  | keys and values (entries in insertion order)   |
 *
 * Nested types (issue 6) are plain Arrow nested layouts so Parquet, IPC and
 * Delta round trips need no conversion; a struct's fields are positional (the
 * names are only for binding and output).
 *
 * Why scaled integers in Float64 for narrow decimals: TPC-H money columns are
 * decimal(15,2); keeping them in a Float64Array gives monomorphic, BigInt-free
 * kernels that are still exact (every integer below 2^53 is representable).
 * Kernels that could leave that range (multiplication, sums) check and either
 * widen (sum → decimal(38,s), Decimal128) or raise 22003.
 */

export type DataType =
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'int16' }
  | { readonly kind: 'int32' }
  | { readonly kind: 'int64' }
  | { readonly kind: 'float32' }
  | { readonly kind: 'float64' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'text'; readonly json?: 'json' | 'jsonb' }
  | { readonly kind: 'date' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'timestamptz' }
  | { readonly kind: 'time' }
  | { readonly kind: 'interval' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'array'; readonly element: DataType }
  | { readonly kind: 'struct'; readonly fields: readonly StructField[] }
  | { readonly kind: 'map'; readonly key: DataType; readonly value: DataType };

/** One named field of a struct type. */
export interface StructField {
  readonly name: string;
  readonly type: DataType;
}

export type DataTypeKind = DataType['kind'];

/** Singleton instances of the parameterless types. */
export const T = {
  null: { kind: 'null' },
  boolean: { kind: 'boolean' },
  int16: { kind: 'int16' },
  int32: { kind: 'int32' },
  int64: { kind: 'int64' },
  float32: { kind: 'float32' },
  float64: { kind: 'float64' },
  text: { kind: 'text' },
  date: { kind: 'date' },
  timestamp: { kind: 'timestamp' },
  timestamptz: { kind: 'timestamptz' },
  time: { kind: 'time' },
  interval: { kind: 'interval' },
  binary: { kind: 'binary' },
  json: { kind: 'text', json: 'json' },
  jsonb: { kind: 'text', json: 'jsonb' },
} as const satisfies Record<string, DataType>;

/** Largest precision stored as scaled integers in a Float64Array. */
export const NARROW_DECIMAL_MAX_PRECISION = 18;
/** Largest precision Loch supports at all (Decimal128). */
export const DECIMAL_MAX_PRECISION = 38;

export function decimal(precision: number, scale: number): DataType {
  return { kind: 'decimal', precision, scale };
}

/** `array<element>` (PostgreSQL `element[]`). */
export function arrayOf(element: DataType): DataType {
  return { kind: 'array', element };
}

/** `struct<name: type, …>` (a PostgreSQL row type). */
export function structOf(fields: readonly StructField[]): DataType {
  return { kind: 'struct', fields };
}

/** `map<key, value>`. */
export function mapOf(key: DataType, value: DataType): DataType {
  return { kind: 'map', key, value };
}

/** True for array, struct and map types (their Arrow data has children). */
export function isNested(t: DataType): boolean {
  return t.kind === 'array' || t.kind === 'struct' || t.kind === 'map';
}

/** True for decimals laid out as scaled integers in a Float64Array. */
export function isNarrowDecimal(t: DataType): t is { kind: 'decimal'; precision: number; scale: number } {
  return t.kind === 'decimal' && t.precision <= NARROW_DECIMAL_MAX_PRECISION;
}

export function isInteger(t: DataType): boolean {
  return t.kind === 'int16' || t.kind === 'int32' || t.kind === 'int64';
}

export function isNumeric(t: DataType): boolean {
  return isInteger(t) || t.kind === 'float32' || t.kind === 'float64' || t.kind === 'decimal';
}

export function isTemporal(t: DataType): boolean {
  return t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamptz' || t.kind === 'interval' || t.kind === 'time';
}

export function typesEqual(a: DataType, b: DataType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'text' && b.kind === 'text') return a.json === b.json;
  if (a.kind === 'decimal' && b.kind === 'decimal') return a.precision === b.precision && a.scale === b.scale;
  if (a.kind === 'array' && b.kind === 'array') return typesEqual(a.element, b.element);
  if (a.kind === 'map' && b.kind === 'map') return typesEqual(a.key, b.key) && typesEqual(a.value, b.value);
  if (a.kind === 'struct' && b.kind === 'struct') {
    return a.fields.length === b.fields.length &&
      a.fields.every((f, i) => f.name === b.fields[i]!.name && typesEqual(f.type, b.fields[i]!.type));
  }
  return true;
}

/** PostgreSQL's name for a type, as shown in errors, EXPLAIN and pg wire. */
export function typeName(t: DataType): string {
  switch (t.kind) {
    case 'null': return 'unknown';
    case 'boolean': return 'boolean';
    case 'int16': return 'smallint';
    case 'int32': return 'integer';
    case 'int64': return 'bigint';
    case 'float32': return 'real';
    case 'float64': return 'double precision';
    case 'decimal': return `numeric(${t.precision},${t.scale})`;
    case 'text': return t.json ?? 'text';
    case 'date': return 'date';
    case 'timestamp': return 'timestamp without time zone';
    case 'timestamptz': return 'timestamp with time zone';
    case 'time': return 'time without time zone';
    case 'interval': return 'interval';
    case 'binary': return 'bytea';
    case 'array': return `${typeName(t.element)}[]`;
    case 'struct': return `struct<${t.fields.map((f) => `${f.name}: ${typeName(f.type)}`).join(', ')}>`;
    case 'map': return `map<${typeName(t.key)}, ${typeName(t.value)}>`;
  }
}
