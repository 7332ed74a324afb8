/** The byte-scan kernel of `->` / `->>` with a constant key (json-bytes.ts) against the string navigation it mirrors. */
import { describe, expect, it } from 'vitest';
import { T, columnFromValues, jsonElement, jsonField, jsonSpan, jsonSpanText, readValue } from '../../../core/index.ts';
import { jsonGetColumn } from '../json-bytes.ts';

const rows: (string | null)[] = [
  '{"a": 1, "b": "x\\"y", "é": [1, {"c": null}], "a": "last"}',
  null,
  '[10, "ü", {"a": 2}, null]',
  '{"b": {"a": 3}, "a": null}',
  '{}',
  '"scalar"',
  '{ "k\\u0061" : "escaped key" , "a" : [ 1 , 2 ] }',
];

function expected(key: string | number, asText: boolean): (string | null)[] {
  return rows.map((s) => {
    if (s === null) return null;
    const hit = typeof key === 'number' ? jsonElement(s, 0, key) : jsonField(s, 0, key);
    if (!hit) return null;
    return asText ? jsonSpanText(s, jsonSpan.start, jsonSpan.end) : s.slice(jsonSpan.start, jsonSpan.end);
  });
}

describe('jsonGetColumn', () => {
  const data = columnFromValues(T.text, rows);
  const all = Int32Array.from(rows.keys());
  for (const key of ['a', 'b', 'é', 'ka', 'zz', 0, 1, -1, -4, 9]) {
    for (const asText of [false, true]) {
      it(`${asText ? '->>' : '->'} ${JSON.stringify(key)}`, () => {
        const out = jsonGetColumn(data, all, rows.length, key, asText);
        expect(rows.map((_, i) => readValue(out, T.text, i))).toEqual(expected(key, asText));
      });
    }
  }
  it('leaves rows outside the selection NULL', () => {
    const out = jsonGetColumn(data, Int32Array.of(2, 6), rows.length, 0, true);
    expect(rows.map((_, i) => readValue(out, T.text, i))).toEqual([null, null, '10', null, null, null, null]);
    const byKey = jsonGetColumn(data, Int32Array.of(0, 6), rows.length, 'a', false);
    expect(rows.map((_, i) => readValue(byKey, T.text, i))).toEqual(['"last"', null, null, null, null, null, '[ 1 , 2 ]']);
  });
});
