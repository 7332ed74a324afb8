import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../core/index.ts';
import { compareResult, hashLine, hashValues, sortRows } from './slt-compare.ts';
import { dialectOf, formatFixed3, renderValue } from './slt-values.ts';

describe('hashing', () => {
  it('is MD5 over the values, each followed by a newline (known vectors, from md5sum)', () => {
    expect(hashValues([])).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hashValues(['a'])).toBe('60b725f10c9c85c70d97880dfe8191b3');
    expect(hashValues(['1', '2'])).toBe('6ddb4095eb719e2a9f0a3f95677d24e0');
    expect(hashLine(['1', '10', 'one', '2', '20', 'two', '3', 'NULL', '(empty)'])).toBe('9 values hashing to 4bef3d52e2823c1aa70582e5d9915d5d');
  });

  it('hashes after sorting: rowsort keeps rows together, valuesort sorts single values', () => {
    const rows = [['2', 'b'], ['10', 'a'], ['1', 'c']];
    expect(sortRows(rows, 'rowsort')).toEqual([['1', 'c'], ['10', 'a'], ['2', 'b']]); // strcmp: "10" < "2"
    expect(sortRows(rows, 'valuesort').flat()).toEqual(['1', '10', '2', 'a', 'b', 'c']);
    expect(compareResult(['6 values hashing to ' + hashValues(['1', 'c', '10', 'a', '2', 'b'])], rows, 'rowsort', false).ok).toBe(true);
    expect(compareResult(['6 values hashing to ' + hashValues(['2', 'b', '10', 'a', '1', 'c'])], rows, 'rowsort', false).ok).toBe(false);
  });
});

describe('compareResult', () => {
  const rows = [['1', 'one'], ['2', 'two']];
  it('accepts value-per-line and row-per-line layouts', () => {
    expect(compareResult(['1', 'one', '2', 'two'], rows, 'nosort', false).ok).toBe(true);
    expect(compareResult(['1 one', '2\ttwo'], rows, 'nosort', false).ok).toBe(true);
    expect(compareResult(['2 two', '1 one'], rows, 'nosort', false).ok).toBe(false);
    expect(compareResult(['2 two', '1 one'], rows, 'rowsort', false).ok).toBe(true);
    expect(compareResult(['1', 'one', '2', 'three'], rows, 'nosort', false).detail).toContain('expected "three", got "two"');
    expect(compareResult([' tom'], [[' tom ']], 'nosort', true).ok).toBe(true); // surrounding whitespace is not compared
  });

  it('requires an empty result when there is no ---- block', () => {
    expect(compareResult([], [], 'nosort', false).ok).toBe(true);
    expect(compareResult([], [['1']], 'nosort', false).ok).toBe(false);
  });

  it('treats <slt:ignore> as a wildcard', () => {
    expect(compareResult(['1 <slt:ignore>'], [['1', 'anything at all']], 'nosort', false).ok).toBe(true);
    expect(compareResult(['2 <slt:ignore>'], [['1', 'x']], 'nosort', false).ok).toBe(false);
  });

  it('is lenient with numbers and booleans only for DataFusion/DuckDB files', () => {
    expect(compareResult(['1 0.3'], [['1', '0.30000000000000004']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['1 0.3'], [['1', '0.30000000000000004']], 'nosort', false).ok).toBe(false);
    expect(compareResult(['1'], [['true']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['0'], [['true']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['1.5'], [['1.6']], 'nosort', true).ok).toBe(false);
    // the same float32 (DataFusion's REAL arithmetic) matches, a nearby different float32 does not
    expect(compareResult(['0.3887028'], [['0.38870280984']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['21.99999'], [['22']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['0.3887028'], [['0.38870280984']], 'nosort', false).ok).toBe(false);
  });

  it('reads an expected timestamp as the result type: UTC zone, trailing fraction zeros, date vs midnight', () => {
    expect(compareResult(['1970-01-01T00:00:01'], [['1970-01-01T00:00:01Z']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['1970-01-01T00:00:01.500'], [['1970-01-01T00:00:01.5Z']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['1994-02-28 x'], [['1994-02-28T00:00:00', 'x']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['2018-11-13T00:00:00'], [['2018-11-13']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['1970-01-01T00:00:01'], [['1970-01-01T00:00:02Z']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['1970-01-01T00:00:01.123456789'], [['1970-01-01T00:00:01.123456Z']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['2000-01-01T01:01:01+08:00'], [['2000-01-01T01:01:01Z']], 'nosort', true).ok).toBe(false);
    // zoned timestamps compare as instants (DataFusion prints the column's zone, Loch the session's)
    expect(compareResult(['2024-03-30T00:00:20+01:00'], [['2024-03-29T23:00:20Z']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['2020-09-08T19:12:29.190+05:30'], [['2020-09-08T13:42:29.19Z']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['2024-03-30T00:00:20+01:00'], [['2024-03-30T00:00:20Z']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['1994-02-28'], [['1994-02-28T00:00:00Z']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['1970-01-01T00:00:01'], [['1970-01-01T00:00:01Z']], 'nosort', false).ok).toBe(false);
  });

  it('reads DataFusion interval texts as values: a Duration prints its zero parts', () => {
    expect(compareResult(['8499 days 0 hours 0 mins 0.000000000 secs'], [['8499 days']], 'nosort', true).ok).toBe(true);
    // beside other columns: the interval's words are one value
    expect(compareResult(['1 0 days 0 hours 0 mins 6 secs x'], [['1', '6.000000000 secs', 'x']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['1 0 days 0 hours 0 mins 6 secs x'], [['1', '7.000000000 secs', 'x']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['0 days 1 hours 0 mins 0.500000000 secs'], [['1 hours 0.500000000 secs']], 'nosort', true).ok).toBe(true);
    expect(compareResult(['8499 days 0 hours 0 mins 0.000000000 secs'], [['8498 days']], 'nosort', true).ok).toBe(false);
    expect(compareResult(['1 mons'], [['30 days']], 'nosort', true).ok).toBe(false);
  });

  it('takes an empty block for one row of empty values (an empty bytea prints as an empty line)', () => {
    expect(compareResult([], [['']], 'nosort', true).ok).toBe(true);
    expect(compareResult([], [[''], ['']], 'nosort', true).ok).toBe(false);
  });
});

describe('renderValue', () => {
  it('classic I truncates reals and decimals, reads text as its leading integer', () => {
    expect(renderValue(-2.7, T.float64, 'I', 'classic')).toBe('-2');
    expect(renderValue(1999, decimal(10, 2), 'I', 'classic')).toBe('19'); // 19.99
    expect(renderValue(-1999, decimal(10, 2), 'I', 'classic')).toBe('-19');
    expect(renderValue(12n, T.int64, 'I', 'classic')).toBe('12');
    expect(renderValue('42abc', T.text, 'I', 'classic')).toBe('42');
    expect(renderValue('abc', T.text, 'I', 'classic')).toBe('0');
    expect(renderValue(true, T.boolean, 'I', 'classic')).toBe('1');
    expect(renderValue(null, T.int32, 'I', 'classic')).toBe('NULL');
  });

  it('classic R prints %.3f (ties to even like printf), T prints (empty) and @ for non-ASCII', () => {
    expect(renderValue(3, T.int32, 'R', 'classic')).toBe('3.000');
    expect(renderValue(-0.5, T.float64, 'R', 'classic')).toBe('-0.500');
    expect(renderValue(150, decimal(5, 2), 'R', 'classic')).toBe('1.500');
    expect(formatFixed3(0.0625)).toBe('0.062');
    expect(formatFixed3(0.1875)).toBe('0.188');
    expect(formatFixed3(-0.0625)).toBe('-0.062');
    expect(formatFixed3(2 / 3)).toBe('0.667');
    expect(renderValue('', T.text, 'T', 'classic')).toBe('(empty)');
    expect(renderValue('a\tb', T.text, 'T', 'classic')).toBe('a@b');
    expect(renderValue('é', T.text, 'T', 'classic')).toBe('@@');
  });

  it('DataFusion rounds floats to 12 decimals, drops decimal zeros, prints timestamps with T', () => {
    expect(renderValue(1 / 3, T.float64, 'R', 'datafusion')).toBe('0.333333333333');
    expect(renderValue(3, T.float64, 'R', 'datafusion')).toBe('3');
    expect(renderValue(120, decimal(5, 2), 'R', 'datafusion')).toBe('1.2');
    expect(renderValue(true, T.boolean, 'B', 'datafusion')).toBe('true');
    expect(renderValue(1577934245000000n, T.timestamp, 'P', 'datafusion')).toBe('2020-01-02T03:04:05');
    expect(renderValue('', T.text, 'T', 'datafusion')).toBe('(empty)');
    expect(renderValue(Math.fround(118.1), T.float32, 'R', 'datafusion')).toBe('118.1'); // a REAL's shortest text
    expect(renderValue(Math.fround(-128.2), T.float32, 'R', 'datafusion')).toBe('-128.2');
    expect(renderValue(new Uint8Array([0x62, 0x0f]), T.binary, '?', 'datafusion')).toBe('620f');
    expect(renderValue(new Uint8Array([]), T.binary, '?', 'datafusion')).toBe('');
    // inside lists Arrow prints floats unrounded, whole ones with .0
    expect(renderValue([1, 0.047343434291126085, null], { kind: 'array', element: T.float64 }, '?', 'datafusion')).toBe('[1.0, 0.047343434291126085, NULL]');
    expect(renderValue([Math.fround(0.1)], { kind: 'array', element: T.float32 }, '?', 'datafusion')).toBe('[0.1]');
    expect(renderValue(120, decimal(5, 2), 'R', 'duckdb')).toBe('1.20');
    expect(renderValue(1577934245000000n, T.timestamp, 'T', 'duckdb')).toBe('2020-01-02 03:04:05');
  });

  it('picks the dialect from the corpus folder', () => {
    expect(dialectOf('/c/slt/sqlite/test/select1.test')).toBe('classic');
    expect(dialectOf('/c/slt/datafusion/datafusion/sqllogictest/test_files/case.slt')).toBe('datafusion');
    expect(dialectOf('/c/slt/duckdb/test/sql/x.test')).toBe('duckdb');
    expect(dialectOf('/repo/test/slt/files/basic.slt')).toBe('loch');
  });
});

describe('interval rendering', () => {
  it('follows DataFusion (Arrow) and DuckDB text', async () => {
    const { dataFusionInterval, duckDbInterval } = await import('./slt-values.ts');
    expect(dataFusionInterval({ months: 12, days: 1, micros: 3_600_000_000 })).toBe('12 mons 1 days 1 hours');
    expect(dataFusionInterval({ months: 0, days: 1, micros: -3_600_000_000 })).toBe('1 days -1 hours');
    expect(dataFusionInterval({ months: 0, days: 0, micros: 500_000 })).toBe('0.500000000 secs');
    expect(dataFusionInterval({ months: 0, days: 0, micros: 300_000_000 })).toBe('5 mins');
    expect(duckDbInterval({ months: 25, days: 0, micros: 63_020_016 })).toBe('2 years 1 month 00:01:03.020016');
    expect(duckDbInterval({ months: -24, days: 4, micros: 18_063_020_016 })).toBe('-2 years 4 days 05:01:03.020016');
    expect(duckDbInterval({ months: 3, days: 3, micros: 0 })).toBe('3 months 3 days');
  });
});
