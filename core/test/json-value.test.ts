/** JSON parsing, jsonb normalization and text navigation (core/json-value.ts, core/json-scan.ts). */
import { describe, expect, it } from 'vitest';
import {
  LochError, jsonArrayLength, jsonElement, jsonField, jsonPath, jsonSpan, jsonSpanText, jsonTypeofText, normalizeJsonNumber,
  normalizeJsonb, validateJson,
} from '../index.ts';

describe('jsonb normalization', () => {
  it('sorts keys by length then bytes, keeps the last duplicate, prints with PostgreSQL spacing', () => {
    expect(normalizeJsonb(' {"bb": [1,2 ,{}], "a" :true, "c":null, "a": "x"} ')).toBe('{"a": "x", "c": null, "bb": [1, 2, {}]}');
    expect(normalizeJsonb('"\\u00e9\\n\\"\\t"')).toBe('"é\\n\\"\\t"');
  });
  it('prints numbers as numeric does', () => {
    expect(normalizeJsonNumber('1e2')).toBe('100');
    expect(normalizeJsonNumber('1.5e-3')).toBe('0.0015');
    expect(normalizeJsonNumber('-0')).toBe('0');
    expect(normalizeJsonNumber('12.340')).toBe('12.340');
    expect(normalizeJsonNumber('1.23E+1')).toBe('12.3');
  });
  it('rejects invalid input with 22P02', () => {
    for (const bad of ['', '{', '[1,]', '{"a" 1}', "{'a':1}", '01', '1.', 'tru', '"a', '[1] x', 'NaN']) {
      let err: unknown;
      try { validateJson(bad); } catch (e) { err = e; }
      expect(err, bad).toBeInstanceOf(LochError);
      expect((err as LochError).sqlState).toBe('22P02');
    }
  });
});

describe('text navigation', () => {
  const s = '{ "a" : [10, {"k\\"q": "v"}, "x,]"], "b": {"c": null}, "a2": -1.5 }';
  it('finds fields, elements and paths without a tree', () => {
    expect(jsonField(s, 0, 'a2') && s.slice(jsonSpan.start, jsonSpan.end)).toBe('-1.5');
    expect(jsonField(s, 0, 'a') && jsonElement(s, jsonSpan.start, -1) && jsonSpanText(s, jsonSpan.start, jsonSpan.end)).toBe('x,]');
    expect(jsonPath(s, ['a', '1', 'k"q']) && jsonSpanText(s, jsonSpan.start, jsonSpan.end)).toBe('v');
    expect(jsonPath(s, ['b', 'c']) && jsonSpanText(s, jsonSpan.start, jsonSpan.end)).toBeNull();
    expect(jsonPath(s, ['a', 'x'])).toBe(false);
    expect(jsonField(s, 0, 'zz')).toBe(false);
    expect(jsonElement('[]', 0, 0)).toBe(false);
  });
  it('counts array elements and classifies values', () => {
    expect(jsonArrayLength(' [1, [2, 3], "]", {}] ', 0)).toBe(4);
    expect(jsonArrayLength('{}', 0)).toBe(-1);
    expect(['{}', '[]', '"s"', 'true', 'null', '-1'].map(jsonTypeofText)).toEqual(['object', 'array', 'string', 'boolean', 'null', 'number']);
  });
});
