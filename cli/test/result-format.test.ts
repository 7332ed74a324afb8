import { describe, expect, it } from 'vitest';
import { Batch, type BatchField, T, columnFromValues, decimal } from '../../core/index.ts';
import { csvField, formatTable, printRows } from '../result-format.ts';
import { isBlank, takeCompleteStatements } from '../statement-buffer.ts';

const fields: BatchField[] = [
  { name: 'id', type: T.int32, nullable: false },
  { name: 'name', type: T.text, nullable: true },
  { name: 'price', type: decimal(15, 2), nullable: true },
  { name: 'ok', type: T.boolean, nullable: true },
  { name: 'day', type: T.date, nullable: true },
];

async function* batches(): AsyncGenerator<Batch> {
  const columns = [
    columnFromValues(T.int32, [1, 22, 3]),
    columnFromValues(T.text, ['ALGERIA', 'say "hi", then\nbye', '']),
    columnFromValues(decimal(15, 2), [2471035, -4, null]),
    columnFromValues(T.boolean, [true, false, null]),
    columnFromValues(T.date, [9568, null, 0]),
  ];
  // a selection skips physical row 1 in the first batch; the second batch holds it alone
  yield new Batch(columns, 3, Int32Array.from([0, 2]));
  yield new Batch(columns, 3, Int32Array.from([1]));
}

async function print(format: 'table' | 'csv' | 'json'): Promise<string> {
  let out = '';
  await printRows(fields, batches(), format, (t) => { out += t; });
  return out;
}

describe('result formats', () => {
  it('prints csv with a header, RFC 4180 quoting, NULL as empty and "" for the empty string', async () => {
    expect(await print('csv')).toBe([
      'id,name,price,ok,day',
      '1,ALGERIA,24710.35,t,1996-03-13',
      '3,"",,,1970-01-01',
      '22,"say ""hi"", then\nbye",-0.04,f,',
      '',
    ].join('\n'));
    expect([csvField(null), csvField('a,b'), csvField('plain')]).toEqual(['', '"a,b"', 'plain']);
  });

  it('prints json lines with native booleans and exact numbers', async () => {
    const lines = (await print('json')).trimEnd().split('\n');
    expect(lines[0]).toBe('{"id":1,"name":"ALGERIA","price":24710.35,"ok":true,"day":"1996-03-13"}');
    expect(JSON.parse(lines[1]!)).toEqual({ id: 3, name: '', price: null, ok: null, day: '1970-01-01' });
    expect(JSON.parse(lines[2]!)).toEqual({ id: 22, name: 'say "hi", then\nbye', price: -0.04, ok: false, day: null });
  });

  it('prints a psql-style aligned table', () => {
    expect(formatTable(['n', 'name'], [true, false], [['1', 'ALGERIA'], ['10', null]])).toBe([
      ' n  |  name   ',
      '----+---------',
      '  1 | ALGERIA',
      ' 10 | ',
      '(2 rows)',
      '',
      '',
    ].join('\n'));
    expect(formatTable(['?column?'], [true], [['2']])).toBe(' ?column? \n----------\n        2\n(1 row)\n\n');
    // multi-line values continue below, marked with + as psql does
    expect(formatTable(['x', 'y'], [false, true], [['a\nbc', '1']])).toBe(' x  | y \n----+---\n a +| 1\n bc |  \n(1 row)\n\n');
  });
});

describe('shell statement buffer', () => {
  it('splits at top-level semicolons only', () => {
    const { statements, rest } = takeCompleteStatements("SELECT ';' AS a; -- x;\nSELECT \"b;\" /* ; */ FROM t;\nSELECT $$;$$, E'\\';'; SELECT 1");
    expect(statements).toEqual(["SELECT ';' AS a;", '-- x;\nSELECT "b;" /* ; */ FROM t;', "SELECT $$;$$, E'\\';';"]);
    expect(rest).toBe(' SELECT 1');
  });

  it('keeps waiting inside an open quote, comment or dollar body', () => {
    for (const open of ["SELECT 'a;", 'SELECT /* ;', 'SELECT $f$ ;', 'SELECT "x;']) {
      expect(takeCompleteStatements(open)).toEqual({ statements: [], rest: open });
    }
    expect(isBlank('  -- only a comment\n /* and this */ ')).toBe(true);
    expect(isBlank('SELECT')).toBe(false);
  });
});
