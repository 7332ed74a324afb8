/** Issue 3 (read side) through SQL: Delta tables, time travel, history, detail and the change data feed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { LochError } from '../../core/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryText } from '../support/results.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/delta/', import.meta.url));

describe('Delta tables through SQL', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = await createLocalEngine();
    await query(engine, `
      CREATE TABLE appends USING delta LOCATION '${CORPUS}golden-time-travel-appends/table';
      CREATE TABLE cdf USING delta LOCATION '${CORPUS}kernel-cdf-partitioned/table';
      CREATE TABLE parted USING delta LOCATION '${CORPUS}dat-basic-partitioned/table';`);
  });
  afterAll(() => engine?.close());

  it('reads the newest version by default and older ones with VERSION AS OF', async () => {
    expect(await queryText(engine, 'select count(*), min(id), max(id) from appends')).toEqual([['30', '0', '29']]);
    expect(await queryText(engine, 'select count(*), max(id) from appends version as of 0')).toEqual([['10', '9']]);
    expect(await queryText(engine, 'select count(*) from appends VERSION AS OF 1 AS a where a.id >= 10')).toEqual([['10']]);
  });

  it('joins two versions of the same table', async () => {
    const rows = await queryText(engine, 'select count(*) from appends a join appends version as of 0 b on a.id = b.id');
    expect(rows).toEqual([['10']]);
  });

  it('refuses a version the table does not have (22023)', async () => {
    await expect(query(engine, 'select * from appends version as of 99')).rejects.toMatchObject({ sqlState: '22023' });
  });

  it('refuses time travel on an unknown relation (42P01)', async () => {
    const e = await query(engine, 'select * from nosuch version as of 1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LochError);
    expect((e as LochError).sqlState).toBe('42P01');
  });

  it('reads partition columns (including a null partition) from the log', async () => {
    expect(await queryText(engine, "select letter, count(*) from parted group by letter order by letter nulls last")).toEqual([
      ['a', '2'], ['b', '1'], ['c', '1'], ['e', '1'], [null, '1'],
    ]);
  });

  it('DESCRIBE HISTORY lists commits newest first; LIMIT keeps the newest', async () => {
    const history = await queryText(engine, 'describe history appends');
    expect(history.map((r) => r[0])).toEqual(['2', '1', '0']);
    expect(history[0]![2]).toBe('WRITE');
    expect((await queryText(engine, 'describe history appends limit 1')).map((r) => r[0])).toEqual(['2']);
  });

  it('DESCRIBE DETAIL reports version, files and protocol', async () => {
    const [detail] = await queryText(engine, 'describe detail appends');
    expect(detail![0]).toBe('delta');
    expect(detail![4]).toBe('2');
    expect(detail![6]).toBe('6');
  });

  it('table_changes() returns the change data feed with _change_type and _commit_version', async () => {
    const rows = await queryText(engine, "select _change_type, _commit_version, count(*) from table_changes('cdf', 0) group by 1, 2 order by 2, 1");
    expect(rows).toEqual([
      ['insert', '0', '10'], ['update_postimage', '1', '3'], ['update_preimage', '1', '3'],
      ['update_postimage', '2', '3'], ['update_preimage', '2', '3'], ['delete', '3', '1'],
    ]);
  });
});
