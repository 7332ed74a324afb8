/**
 * json_agg / jsonb_agg / json_object_agg / jsonb_object_agg (issue 6): the final
 * step of OrderedAccumulator (aggregate-ordered.ts) for the JSON aggregates, which
 * are single-phase and honour ORDER BY inside the call like array_agg.
 * Output spacing is PostgreSQL's: json_agg `[1, 2]`, json_object_agg
 * `{ "a" : 1, "b" : 2 }`, the jsonb variants in jsonb's canonical form.
 */
import type * as arrow from 'apache-arrow';
import {
  type DataType, type JsonValue, type LiteralValue, LochError, canonicalJson, columnFromValues, embedJson, formatValue,
  jsonText, quoteJsonString, readValue, sqlToJson,
} from '../../core/index.ts';

/** Names of the JSON aggregates. */
export const JSON_AGGREGATES: ReadonlySet<string> = new Set(['json_agg', 'jsonb_agg', 'json_object_agg', 'jsonb_object_agg']);

function keyText(v: LiteralValue, t: DataType): string {
  if (v === null) throw new LochError('22004', 'null value not allowed for object key');
  return typeof v === 'string' ? v : formatValue(v, t);
}

/** Each group's JSON result from its rows `perm[start[g]..start[g + 1])`; NULL for a group without rows. */
export function jsonAggregate(
  fn: string, columns: readonly arrow.Data[], types: readonly DataType[], resultType: DataType,
  perm: Int32Array, start: Int32Array, n: number,
): arrow.Data {
  const out = new Array<LiteralValue>(n).fill(null);
  const object = fn.endsWith('object_agg');
  const jsonb = fn.startsWith('jsonb');
  const vc = columns[object ? 1 : 0]!, vt = types[object ? 1 : 0]!;
  for (let g = 0; g < n; g++) {
    const s = start[g]!, e = start[g + 1]!;
    if (s === e) continue;
    if (jsonb) {
      let tree: JsonValue;
      if (object) {
        const m = new Map<string, JsonValue>();
        for (let k = s; k < e; k++) {
          const r = perm[k]!;
          const key = keyText(readValue(columns[0]!, types[0]!, r), types[0]!);
          m.delete(key);
          m.set(key, sqlToJson(readValue(vc, vt, r), vt));
        }
        tree = m;
      } else {
        const items = new Array<JsonValue>(e - s);
        for (let k = s; k < e; k++) items[k - s] = sqlToJson(readValue(vc, vt, perm[k]!), vt);
        tree = items;
      }
      out[g] = jsonText(canonicalJson(tree));
      continue;
    }
    const parts = new Array<string>(e - s);
    for (let k = s; k < e; k++) {
      const r = perm[k]!;
      const v = embedJson(readValue(vc, vt, r), vt);
      parts[k - s] = object ? `${quoteJsonString(keyText(readValue(columns[0]!, types[0]!, r), types[0]!))} : ${v}` : v;
    }
    out[g] = object ? `{ ${parts.join(', ')} }` : `[${parts.join(', ')}]`;
  }
  return columnFromValues(resultType, out);
}
