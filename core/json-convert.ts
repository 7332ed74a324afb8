/**
 * Conversions between SQL values and JSON (issue 6): jsonb → scalar casts with
 * PostgreSQL's errors, and to_json's mapping of SQL values to JSON values.
 */
import { type DataType, T } from './data-type.ts';
import { LochError, SqlState } from './errors.ts';
import { JsonNumber, type JsonValue, canonicalJson, jsonText, jsonTypeName, parseJson } from './json-value.ts';
import { type LiteralValue, MapValue, StructValue } from './literal.ts';
import { castValue } from './value-cast.ts';
import { formatValue } from './value-text.ts';

/** `jsonb::integer` / numeric / float / boolean: the value must be a JSON number (boolean); 22023 otherwise. */
export function jsonbToScalar(text: string, to: DataType): LiteralValue {
  const v = parseJson(text);
  const want = to.kind === 'boolean' ? 'boolean' : 'number';
  const got = jsonTypeName(v);
  if (got !== want) {
    throw new LochError(SqlState.invalidParameterValue, `cannot cast jsonb ${got} to type ${typeLabel(to)}`);
  }
  if (typeof v === 'boolean') return v;
  return castValue((v as JsonNumber).text, T.text, to);
}

function typeLabel(t: DataType): string {
  switch (t.kind) {
    case 'int16': return 'smallint';
    case 'int32': return 'integer';
    case 'int64': return 'bigint';
    case 'float32': return 'real';
    case 'float64': return 'double precision';
    case 'decimal': return 'numeric';
    default: return t.kind;
  }
}

/** The JSON value to_json gives a SQL value of type `t` (json-typed text is embedded as JSON). */
export function sqlToJson(v: LiteralValue, t: DataType): JsonValue {
  if (v === null) return null;
  switch (t.kind) {
    case 'boolean': return v as boolean;
    case 'int16': case 'int32': case 'int64':
      return new JsonNumber(String(v));
    case 'float32': case 'float64': {
      const n = v as number;
      return Number.isFinite(n) ? new JsonNumber(formatValue(n, t)) : formatValue(n, t);
    }
    case 'decimal': return new JsonNumber(formatValue(v, t));
    case 'text': return t.json ? parseJson(v as string) : v as string;
    case 'timestamp': case 'timestamptz': case 'date':
      return formatValue(v, t).replace(' ', 'T').replace(/\+00$/, '+00:00');
    case 'array': return (v as readonly LiteralValue[]).map((x) => sqlToJson(x, t.element));
    case 'struct': {
      const out = new Map<string, JsonValue>();
      const sv = (v as StructValue).values;
      t.fields.forEach((f, i) => out.set(f.name, sqlToJson(sv[i] ?? null, f.type)));
      return out;
    }
    case 'map': {
      const mv = v as MapValue;
      const out = new Map<string, JsonValue>();
      mv.keys.forEach((k, i) => out.set(formatValue(k, t.key), sqlToJson(mv.values[i] ?? null, t.value)));
      return out;
    }
    default: return formatValue(v, t);
  }
}

/** The text of a json value: compact (`[1,2]`, `{"a":1}`), as to_json and row_to_json print. */
export function jsonCompactText(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(jsonCompactText).join(',')}]`;
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const [k, x] of v) parts.push(`${jsonText(k)}:${jsonCompactText(x)}`);
    return `{${parts.join(',')}}`;
  }
  return jsonText(v);
}

/** to_json / to_jsonb of one SQL value, as stored text of the result type. */
export function toJsonText(v: LiteralValue, t: DataType, jsonb: boolean): string | null {
  if (v === null) return null;
  if (t.kind === 'text' && t.json) return jsonb ? jsonText(canonicalJson(parseJson(v as string))) : v as string;
  const j = sqlToJson(v, t);
  return jsonb ? jsonText(canonicalJson(j)) : jsonCompactText(j);
}

/** A SQL value embedded in a json (not jsonb) result: json values verbatim, others as to_json prints them. */
export function embedJson(v: LiteralValue, t: DataType): string {
  if (v === null) return 'null';
  if (t.kind === 'text' && t.json) return v as string;
  return jsonCompactText(sqlToJson(v, t));
}
