/** Issue 6: nested type names and array literal spellings reach libpg-query as PostgreSQL syntax. */
import { describe, expect, it } from 'vitest';
import { T, arrayOf, decimal, mapOf, structOf } from '../../../core/index.ts';
import { parseTypeName } from '../../functions/index.ts';
import { bracketArraysToArray } from '../bracket-arrays.ts';
import { quoteSparkTypeNames } from '../spark-type-names.ts';

describe('Spark nested type names', () => {
  it('are quoted as one type name, strings and comparisons untouched', () => {
    expect(quoteSparkTypeNames('CREATE TABLE t (a ARRAY<INT>, s STRUCT<x: INT, y: MAP<STRING, ARRAY<BIGINT>>>)'))
      .toBe('CREATE TABLE t (a "ARRAY<INT>", s "STRUCT<x: INT, y: MAP<STRING, ARRAY<BIGINT>>>")');
    expect(quoteSparkTypeNames("SELECT 'ARRAY<INT>', map < 3, mymap<2 FROM t")).toBe("SELECT 'ARRAY<INT>', map < 3, mymap<2 FROM t");
    expect(quoteSparkTypeNames('SELECT CAST(x AS struct<"a b": int>)')).toBe('SELECT CAST(x AS "struct<""a b"": int>")');
  });

  it('parse into Loch types, with PostgreSQL array suffixes', () => {
    expect(parseTypeName(['ARRAY<INT>'], [])).toEqual(arrayOf(T.int32));
    expect(parseTypeName(['STRUCT<x: INT, y STRING, `z`: DECIMAL(10,2)>'.replace('`z`', '"z"')], [])).toEqual(structOf([
      { name: 'x', type: T.int32 }, { name: 'y', type: T.text }, { name: 'z', type: decimal(10, 2) },
    ]));
    expect(parseTypeName(['MAP<STRING, ARRAY<DOUBLE>>'], [])).toEqual(mapOf(T.text, arrayOf(T.float64)));
    expect(parseTypeName(['int4[][]'], [])).toEqual(arrayOf(arrayOf(T.int32)));
    expect(parseTypeName(['numeric[]'], [12, 2])).toEqual(arrayOf(decimal(12, 2)));
    expect(parseTypeName(['array<double precision>[]'], [])).toEqual(arrayOf(arrayOf(T.float64)));
    expect(() => parseTypeName(['ARRAY<INT'], [])).toThrow(/syntax error in type name/);
    expect(() => parseTypeName(['ARRAY<nope>'], [])).toThrow(/type "nope" does not exist/);
  });
});

describe('bracket array literals', () => {
  it('become ARRAY[…] where an expression starts, subscripts stay', () => {
    expect(bracketArraysToArray('SELECT [1, 2], a[1], (b)[2], f([3], x) FROM t')).toBe('SELECT ARRAY[1, 2], a[1], (b)[2], f(ARRAY[3], x) FROM t');
    expect(bracketArraysToArray('VALUES ([[1, 2], [3]])')).toBe('VALUES (ARRAY[[1, 2], [3]])');
    expect(bracketArraysToArray("SELECT '{1}'::int[], ARRAY[1], x = [2], '[no]' FROM t")).toBe("SELECT '{1}'::int[], ARRAY[1], x = ARRAY[2], '[no]' FROM t");
  });
});
