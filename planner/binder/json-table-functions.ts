/**
 * JSON set-returning functions in FROM (issue 6): json_each / jsonb_each
 * (key, value), json_each_text / jsonb_each_text, json_array_elements[_text] /
 * jsonb_array_elements[_text] (value) and json_object_keys / jsonb_object_keys.
 * Like the other table functions their argument is a constant; the rows come
 * from navigating its text (core/json-scan.ts), so json keeps each value's text.
 */
import {
  Batch, LochError, SqlState, T, columnFromValues, jsonElements, jsonMembers, jsonSpanText, jsonTypeofText, normalizeJsonb,
  typeName, validateJson, type DataType, type LiteralValue, type ScanRequest, type SourceStatistics, type TableScanner,
} from '../../core/index.ts';

/** A bound constant argument. */
export interface JsonTableArgument {
  readonly value: LiteralValue;
  readonly type: DataType;
}

const NAMES = new Set([
  'json_each', 'jsonb_each', 'json_each_text', 'jsonb_each_text', 'json_array_elements', 'jsonb_array_elements',
  'json_array_elements_text', 'jsonb_array_elements_text', 'json_object_keys', 'jsonb_object_keys',
]);

function scanner(columns: { name: string; type: DataType }[], rows: LiteralValue[][]): TableScanner {
  const count = rows.length;
  return {
    columns: columns.map((c) => ({ ...c, nullable: true })),
    statistics: async (): Promise<SourceStatistics> => ({ rowCount: count }),
    async *scan(request: ScanRequest): AsyncIterable<Batch> {
      const end = request.limit !== undefined ? Math.min(count, request.limit) : count;
      if (end === 0) return;
      const data = request.columns.map((c) => columnFromValues(columns[c]!.type, rows.slice(0, end).map((r) => r[c]!)));
      yield new Batch(data, end);
    },
  };
}

/** A scanner for a JSON set-returning function, or null when `name` is not one. */
export function jsonTableFunction(name: string, args: readonly JsonTableArgument[]): TableScanner | null {
  if (!NAMES.has(name)) return null;
  const jsonb = name.startsWith('jsonb');
  const a = args[0];
  const ok = args.length === 1 && a !== undefined && (a.type.kind === 'null' ||
    (a.type.kind === 'text' && (a.type.json === undefined || a.type.json === (jsonb ? 'jsonb' : 'json'))));
  if (!ok) {
    throw new LochError(SqlState.undefinedFunction, `function ${name}(${args.map((x) => typeName(x.type)).join(', ')}) does not exist`);
  }
  const type = jsonb ? T.jsonb : T.json;
  const asText = name.endsWith('_text');
  const valueType = asText ? T.text : type;
  let s: string | null = null;
  if (a.value !== null) {
    const raw = a.value as string;
    s = a.type.kind === 'text' && a.type.json !== undefined ? raw : jsonb ? normalizeJsonb(raw) : validateJson(raw);
  }
  const value = (src: string, start: number, end: number): LiteralValue => (asText ? jsonSpanText(src, start, end) : src.slice(start, end));
  if (name.endsWith('object_keys')) {
    const members = s === null ? [] : jsonMembers(s, 0);
    if (members === null) throw new LochError(SqlState.invalidParameterValue, `cannot call ${name} on ${jsonTypeofText(s!) === 'array' ? 'an array' : 'a scalar'}`);
    return scanner([{ name, type: T.text }], members.map((m) => [m.key]));
  }
  if (name.includes('_each')) {
    const members = s === null ? [] : jsonMembers(s, 0);
    if (members === null) throw new LochError(SqlState.invalidParameterValue, `cannot call ${name.replace('_text', '')} on a non-object`);
    return scanner([{ name: 'key', type: T.text }, { name: 'value', type: valueType }], members.map((m) => [m.key, value(s!, m.start, m.end)]));
  }
  const elements = s === null ? [] : jsonElements(s, 0);
  if (elements === null) {
    throw new LochError(SqlState.invalidParameterValue, `cannot extract elements from ${jsonTypeofText(s!) === 'object' ? 'an object' : 'a scalar'}`);
  }
  return scanner([{ name: 'value', type: valueType }], elements.map((e) => [value(s!, e.start, e.end)]));
}
