import { describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { T, arrayOf, mapOf, structOf, typeName, typesEqual } from '../data-type.ts';
import { fromArrowField, toArrowField } from '../arrow-type.ts';
import { formatValue, parseValue } from '../value-text.ts';
import { columnFromValues, readValue } from '../value-read.ts';
import { type LiteralValue, MapValue, StructValue, isInterval } from '../literal.ts';

const point = structOf([{ name: 'x', type: T.int32 }, { name: 'label', type: T.text }]);

describe('nested types', () => {
  it('map to Arrow List / Struct / Map and back', () => {
    for (const t of [arrayOf(T.int32), arrayOf(arrayOf(T.text)), point, mapOf(T.text, arrayOf(T.int64)), T.binary]) {
      const f = toArrowField('c', t);
      expect(typesEqual(fromArrowField(f), t)).toBe(true);
    }
    expect(toArrowField('c', arrayOf(T.int32)).type.typeId).toBe(arrow.Type.List);
    expect(toArrowField('c', point).type.typeId).toBe(arrow.Type.Struct);
    expect(toArrowField('c', mapOf(T.text, T.int32)).type.typeId).toBe(arrow.Type.Map);
    expect(typeName(arrayOf(T.int32))).toBe('integer[]');
    expect(typeName(point)).toBe('struct<x: integer, label: text>');
    expect(typesEqual(arrayOf(T.int32), arrayOf(T.int64))).toBe(false);
  });

  it('columnFromValues and readValue round trip, also on slices', () => {
    const cases: [Parameters<typeof columnFromValues>[0], LiteralValue[]][] = [
      [arrayOf(T.int32), [[1, 2, null], null, [], [7]]],
      [arrayOf(arrayOf(T.text)), [[['a'], ['b', null]], null, [[]]]],
      [point, [new StructValue([1, 'a']), null, new StructValue([null, 'c'])]],
      [mapOf(T.text, T.int64), [new MapValue(['a', 'b'], [1n, null]), null, new MapValue([], [])]],
      [arrayOf(point), [[new StructValue([1, 'x']), null], null]],
      [T.binary, [Uint8Array.of(1, 2), null, Uint8Array.of()]],
    ];
    for (const [type, values] of cases) {
      const data = columnFromValues(type, values);
      expect(values.map((_, i) => readValue(data, type, i))).toEqual(values);
      const sliced = data.slice(1, values.length - 1);
      expect(values.slice(1).map((_, i) => readValue(sliced, type, i))).toEqual(values.slice(1));
    }
  });

  it('PostgreSQL text output', () => {
    expect(formatValue([1, 2, null], arrayOf(T.int32))).toBe('{1,2,NULL}');
    expect(formatValue(['a b', '', 'x"y', 'null'], arrayOf(T.text))).toBe('{"a b","","x\\"y","null"}');
    expect(formatValue([[1, 2], [3]], arrayOf(arrayOf(T.int32)))).toBe('{{1,2},{3}}');
    expect(formatValue(new StructValue([1, 'a b']), point)).toBe('(1,"a b")');
    expect(formatValue(new StructValue([null, 'x']), point)).toBe('(,x)');
    expect(formatValue(new MapValue(['k'], [1]), mapOf(T.text, T.int32))).toBe('{k=>1}');
    expect(formatValue(Uint8Array.of(0xde, 0xad), T.binary)).toBe('\\xdead');
  });

  it('PostgreSQL text input', () => {
    expect(parseValue('{1, 2 ,NULL}', arrayOf(T.int32))).toEqual([1, 2, null]);
    expect(parseValue('{"a b","NULL",c}', arrayOf(T.text))).toEqual(['a b', 'NULL', 'c']);
    expect(parseValue('{{1,2},{3}}', arrayOf(arrayOf(T.int32)))).toEqual([[1, 2], [3]]);
    expect(parseValue('{}', arrayOf(T.int32))).toEqual([]);
    expect(parseValue('(1,"a ""b")', point)).toEqual(new StructValue([1, 'a "b']));
    expect(parseValue('(,x)', point)).toEqual(new StructValue([null, 'x']));
    expect(parseValue('\\x0aff', T.binary)).toEqual(Uint8Array.of(10, 255));
    expect(() => parseValue('{1,2', arrayOf(T.int32))).toThrow(/malformed array literal/);
    expect(() => parseValue('{a}', arrayOf(T.int32))).toThrow();
  });

  it('isInterval tells intervals from nested values', () => {
    expect(isInterval({ months: 1, days: 0, micros: 0 })).toBe(true);
    expect(isInterval([1])).toBe(false);
    expect(isInterval(new StructValue([]))).toBe(false);
    expect(isInterval(Uint8Array.of())).toBe(false);
  });
});
