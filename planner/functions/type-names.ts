/**
 * SQL type names → Loch types (PostgreSQL spellings, as libpg-query reports them:
 * `pg_catalog.int4`, `varchar`, `numeric` with typmods, …).
 */
import { type DataType, LochError, T, decimal, DECIMAL_MAX_PRECISION } from '../../core/index.ts';
import { isNestedTypeName, parseNestedTypeName } from './nested-type-names.ts';

/**
 * The type `numeric` without precision. PostgreSQL's unconstrained numeric keeps
 * each value's own scale; Loch needs one static type, so castExpr recognises this
 * exact object and keeps the input's scale where it can (see casts.ts).
 */
export const UNCONSTRAINED_NUMERIC: DataType = decimal(DECIMAL_MAX_PRECISION, 16);

const SIMPLE: Record<string, DataType> = {
  int2: T.int16, smallint: T.int16, tinyint: T.int16,
  int4: T.int32, int: T.int32, integer: T.int32,
  int8: T.int64, bigint: T.int64,
  float4: T.float32, real: T.float32,
  float8: T.float64, 'double precision': T.float64, double: T.float64,
  text: T.text, varchar: T.text, 'character varying': T.text, bpchar: T.text, char: T.text, character: T.text,
  string: T.text, name: T.text,
  date: T.date,
  timestamp: T.timestamp, 'timestamp without time zone': T.timestamp,
  timestamptz: T.timestamptz, 'timestamp with time zone': T.timestamptz,
  interval: T.interval,
  time: T.time, 'time without time zone': T.time,
  bool: T.boolean, boolean: T.boolean,
  json: T.json, jsonb: T.jsonb,
  bytea: T.binary, binary: T.binary, blob: T.binary, varbinary: T.binary,
};

/** Largest NUMERIC precision (and |scale|) accepted, as PostgreSQL's NUMERIC_MAX_PRECISION. */
const NUMERIC_MAX_PRECISION = 1000;

/** Resolves a type name with its modifiers (numeric(p,s), varchar(n), float(p)); unknown names raise 42704. */
export function parseTypeName(names: readonly string[], typmods: readonly number[]): DataType {
  const last = names[names.length - 1] ?? '';
  if (isNestedTypeName(last)) return parseNestedTypeName(last, typmods, parseTypeName);
  const parts = names.map((n) => n.toLowerCase());
  const name = (parts.length > 1 && parts[0] === 'pg_catalog' ? parts.slice(1) : parts).join('.');
  if (name === 'numeric' || name === 'decimal') {
    if (typmods.length === 0) return UNCONSTRAINED_NUMERIC;
    const precision = typmods[0]!;
    const scale = typmods[1] ?? 0;
    if (precision < 1 || precision > NUMERIC_MAX_PRECISION) {
      throw new LochError('22023', `NUMERIC precision ${precision} must be between 1 and ${NUMERIC_MAX_PRECISION}`);
    }
    if (scale < -NUMERIC_MAX_PRECISION || scale > precision) {
      throw new LochError('22023', `NUMERIC scale ${scale} must be between ${-NUMERIC_MAX_PRECISION} and precision ${precision}`);
    }
    // PostgreSQL 15's negative scale rounds to tens, hundreds, …: the stored values are
    // integers of up to precision - scale digits (casts round first: numeric-typmod.ts)
    if (scale < 0) return decimal(Math.min(precision - scale, DECIMAL_MAX_PRECISION), 0);
    // beyond 38 digits (PostgreSQL's numeric, DataFusion's Decimal256) the type is stored as
    // a 38-digit decimal of the same scale: values that need more digits raise 22003
    return decimal(Math.min(precision, DECIMAL_MAX_PRECISION), Math.min(scale, DECIMAL_MAX_PRECISION));
  }
  if (name === 'float') return typmods.length > 0 && typmods[0]! <= 24 ? T.float32 : T.float64;
  const t = SIMPLE[name];
  if (t) return t;
  throw new LochError('42704', `type "${names.filter((n) => n !== 'pg_catalog').join('.')}" does not exist`);
}
