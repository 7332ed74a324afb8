import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LochError, T, decimal, type SourceColumn } from '../../core/index.ts';
import { openCsvTable } from '../index.ts';
import { cell, scanRows } from './read-columns.ts';

const NATION = '/work/shared/tpch/dbgen-sf0.01/nation.tbl';
const nationColumns: SourceColumn[] = [
  { name: 'n_nationkey', type: T.int32, nullable: false },
  { name: 'n_name', type: T.text, nullable: false },
  { name: 'n_regionkey', type: T.int32, nullable: false },
  { name: 'n_comment', type: T.text, nullable: false },
];

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'loch-csv-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, text: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

async function errorOf(p: Promise<unknown>): Promise<LochError> {
  try { await p; } catch (e) { if (e instanceof LochError) return e; throw e; }
  throw new Error('expected an error');
}

describe('openCsvTable on TPC-H .tbl files', () => {
  it('reads nation.tbl with declared columns, ignoring the trailing delimiter', async () => {
    const t = await openCsvTable([NATION], { delimiter: '|', header: false, columns: nationColumns });
    const { rows } = await scanRows(t, [0, 1, 2, 3]);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toEqual([0, 'ALGERIA', 0, ' haggle. carefully final deposits detect slyly agai']);
    expect(rows[24]!.slice(0, 3)).toEqual([24, 'UNITED STATES', 1]);
    expect(t.columns.map((c) => c.name)).toEqual(['n_nationkey', 'n_name', 'n_regionkey', 'n_comment']);
  });

  it('infers int and text columns and drops the always-empty trailing column', async () => {
    const t = await openCsvTable([NATION], { delimiter: '|', header: false });
    expect(t.columns.map((c) => c.type.kind)).toEqual(['int32', 'text', 'int32', 'text']);
  });

  it('projects, reorders and repeats columns, honours batch size and limit', async () => {
    const t = await openCsvTable([NATION], { delimiter: '|', header: false, columns: nationColumns });
    const { rows, batches } = await scanRows(t, [2, 1, 2], 10);
    expect(batches).toEqual([10, 10, 5]);
    expect(rows[1]).toEqual([1, 'ARGENTINA', 1]);
    const limited = await scanRows(t, [0], 10, 12);
    expect(limited.rows.length).toBeGreaterThanOrEqual(12);
    expect(limited.rows.length).toBeLessThan(25);
    const none = await scanRows(t, [], 7);
    expect(none.batches.reduce((a, b) => a + b, 0)).toBe(25);
  });

  it('parses decimals exactly and dates as days since the epoch', async () => {
    const p = await file('li.tbl', '1|24710.35|0.04|1996-03-13|\n2|5.5|-0.1|1970-01-02|\n');
    const t = await openCsvTable([p], { delimiter: '|', header: false, columns: [
      { name: 'k', type: T.int64, nullable: false }, { name: 'price', type: decimal(15, 2), nullable: false },
      { name: 'disc', type: decimal(15, 2), nullable: false }, { name: 'd', type: T.date, nullable: false }] });
    const { rows } = await scanRows(t, [0, 1, 2, 3]);
    expect(rows).toEqual([[1n, 2471035, 4, 9568], [2n, 550, -10, 1]]);
  });
});

describe('openCsvTable RFC 4180', () => {
  it('handles quotes, embedded delimiters, newlines, doubled quotes and CRLF', async () => {
    const p = await file('q.csv', 'id,name,note\r\n1,"Smith, J","said ""hi""\r\nthen left"\r\n2,plain,\r\n3,"",x\r\n');
    const t = await openCsvTable([p]);
    expect(t.columns.map((c) => [c.name, c.type.kind])).toEqual([['id', 'int32'], ['name', 'text'], ['note', 'text']]);
    const { rows } = await scanRows(t, [0, 1, 2]);
    expect(rows).toEqual([
      [1, 'Smith, J', 'said "hi"\r\nthen left'],
      [2, 'plain', null],
      [3, '', 'x'],
    ]);
  });

  it('infers boolean, int64, double, date, timestamp and text', async () => {
    const p = await file('types.csv', [
      'b,i,big,f,d,ts,s',
      'true,1,9007199254740993,1.5,2024-02-29,2024-01-01 10:00:00,a',
      'FALSE,-7,1,2e3,1900-01-01,2024-01-01T10:00:00.5,007',
      ',,,,,,',
    ].join('\n'));
    const t = await openCsvTable([p]);
    expect(t.columns.map((c) => c.type.kind)).toEqual(['boolean', 'int32', 'int64', 'float64', 'date', 'timestamp', 'text']);
    const { rows } = await scanRows(t, [0, 1, 2, 3, 4, 5, 6]);
    expect(rows[0]).toEqual([true, 1, 9007199254740993n, 1.5, 19782, 1704103200000000n, 'a']);
    expect(rows[1]).toEqual([false, -7, 1n, 2000, -25567, 1704103200500000n, '007']);
    expect(rows[2]).toEqual([null, null, null, null, null, null, null]);
  });

  it('honours nullString, a custom quote and disabled quoting', async () => {
    const p = await file('n.csv', "a;b\n'x;y';NA\nNA;'q'\n");
    const t = await openCsvTable([p], { delimiter: ';', quote: "'", nullString: 'NA' });
    expect((await scanRows(t, [0, 1])).rows).toEqual([['x;y', null], [null, 'q']]);
    const q = await file('noquote.tbl', 'a|b\n"x"|y "z"\n');
    const raw = await openCsvTable([q], { delimiter: '|', quote: '' });
    expect((await scanRows(raw, [0, 1])).rows).toEqual([['"x"', 'y "z"']]);
    const e = await errorOf(scanRows(await openCsvTable([p], { delimiter: ';', quote: '', nullString: 'NA' }), [0, 1]));
    expect(e.message).toContain('extra data after last expected column');
  });

  it('streams a file much larger than its byte window with records across chunk edges', async () => {
    const lines = ['id,text,amount'];
    let expectedSum = 0;
    for (let i = 0; i < 60_000; i++) {
      const text = i % 7 === 0 ? `"multi\nline ""${i}"", with comma"` : `row${i}`;
      lines.push(`${i},${text},${i % 1000}.25`);
      expectedSum += (i % 1000) * 100 + 25;
    }
    const p = await file('big.csv', lines.join('\n') + '\n');
    const t = await openCsvTable([p], { columns: [
      { name: 'id', type: T.int32, nullable: false }, { name: 'text', type: T.text, nullable: false },
      { name: 'amount', type: decimal(12, 2), nullable: false }] });
    let n = 0;
    let sum = 0;
    let idSum = 0;
    for await (const b of t.scan({ columns: [0, 1, 2], predicates: [], batchSize: 4096 })) {
      const ids = b.columns[0]!.values as Int32Array;
      const amounts = b.columns[2]!.values as Float64Array;
      for (let i = 0; i < b.numRows; i++) {
        idSum += ids[i]!;
        sum += amounts[i]!;
        if (ids[i] === 700) expect(cell(b.columns[1]!, i)).toBe('multi\nline "700", with comma');
      }
      n += b.numRows;
    }
    expect(n).toBe(60_000);
    expect(idSum).toBe((60_000 * 59_999) / 2);
    expect(sum).toBe(expectedSum);
  });

  it('grows its window for a record larger than the window', async () => {
    const huge = 'x'.repeat(3 << 20);
    const p = await file('huge.csv', `a,b\n1,"${huge}"\n2,short\n`);
    const { rows } = await scanRows(await openCsvTable([p]), [0, 1]);
    expect(rows.map((r) => [r[0], (r[1] as string).length])).toEqual([[1, huge.length], [2, 5]]);
  });

  it('reads every file of a directory or glob with the same schema', async () => {
    await mkdir(path.join(dir, 'parts'));
    await file('parts/a.csv', 'x\n1\n2\n');
    await file('parts/b.csv', 'x\n3\n');
    const t = await openCsvTable([path.join(dir, 'parts')]);
    expect((await scanRows(t, [0])).rows).toEqual([[1], [2], [3]]);
    const g = await openCsvTable([path.join(dir, 'parts', '*.csv')]);
    expect((await scanRows(g, [0])).rows.length).toBe(3);
  });
});

describe('openCsvTable errors', () => {
  it('names file, line and column for a value that does not parse (22P02)', async () => {
    const p = await file('bad.csv', 'a,b\n1,"two\nlines"\nthree,x\n');
    const t = await openCsvTable([p], { columns: [{ name: 'a', type: T.int32, nullable: true }, { name: 'b', type: T.text, nullable: true }] });
    const e = await errorOf(scanRows(t, [0, 1]));
    expect(e.sqlState).toBe('22P02');
    expect(e.message).toContain('invalid input syntax for type integer: "three"');
    expect(e.message).toContain(`file "${p}"`);
    expect(e.message).toContain('line 4');
    expect(e.message).toContain('column "a"');
  });

  it('reports bad dates, out-of-range integers, missing and extra fields', async () => {
    const d = await file('d.csv', 'd\n2024-02-30\n');
    const de = await errorOf(scanRows(await openCsvTable([d], { columns: [{ name: 'd', type: T.date, nullable: true }] }), [0]));
    expect([de.sqlState, de.message.includes('line 2')]).toEqual(['22P02', true]);
    const big = await file('o.csv', 'i\n3000000000\n');
    const oe = await errorOf(scanRows(await openCsvTable([big], { columns: [{ name: 'i', type: T.int32, nullable: true }] }), [0]));
    expect(oe.sqlState).toBe('22003');
    const short = await file('s.csv', 'a,b\n1\n');
    const se = await errorOf(scanRows(await openCsvTable([short]), [0]));
    expect(se.message).toContain('missing data for column "b"');
    const long = await file('l.csv', 'a,b\n1,2,3\n');
    expect((await errorOf(scanRows(await openCsvTable([long]), [0]))).message).toContain('extra data');
    const unterminated = await file('u.csv', 'a\n"abc\n');
    expect((await errorOf(scanRows(await openCsvTable([unterminated], { columns: [{ name: 'a', type: T.text, nullable: true }] }), [0]))).message)
      .toContain('unterminated quoted field');
  });

  it('fails with 58P01 for a missing file and 22023 for bad options', async () => {
    expect((await errorOf(openCsvTable([path.join(dir, 'nope.csv')]))).sqlState).toBe('58P01');
    expect((await errorOf(openCsvTable([NATION], { delimiter: '||' }))).sqlState).toBe('22023');
  });
});
