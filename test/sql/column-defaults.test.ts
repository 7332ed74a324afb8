/** Issue 6: column DEFAULTs (PostgreSQL, Databricks; stored as Delta's CURRENT_DEFAULT with the allowColumnDefaults feature). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

describe('column DEFAULT', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  it('an INSERT that leaves columns out writes their defaults; NOT NULL still applies', async () => {
    await queryText(engine, `CREATE TABLE d1 (a int, b int NOT NULL DEFAULT NULL, c int DEFAULT 100*2+300, d text DEFAULT lower('DEFAULT_TEXT'), e timestamp DEFAULT now())`);
    await queryText(engine, "INSERT INTO d1 VALUES (1, 10, 100, 'ABC', now())");
    expect((await queryError(engine, 'INSERT INTO d1 (a) VALUES (2)')).sqlState).toBe('23502');
    await queryText(engine, 'INSERT INTO d1 (b) VALUES (20)');
    expect(await queryText(engine, 'SELECT a, b, c, d, e IS NOT NULL FROM d1 ORDER BY b')).toEqual([['1', '10', '100', 'ABC', 't'], [null, '20', '500', 'default_text', 't']]);
    const protocol = await queryText(engine, 'DESCRIBE DETAIL d1');
    expect(protocol[0]!.at(-1)).toContain('allowColumnDefaults');
  });

  it('CREATE TABLE t (cols with DEFAULT) AS VALUES keeps the defaults (DataFusion)', async () => {
    await queryText(engine, "CREATE TABLE d2 (a int, b int NOT NULL DEFAULT NULL, c int DEFAULT 100*2+300, d text DEFAULT lower('X, Y')) AS VALUES (1, 10, 100, 'ABC')");
    await queryText(engine, 'INSERT INTO d2 (b) VALUES (20)');
    expect(await queryText(engine, 'SELECT a, b, c, d FROM d2 ORDER BY b')).toEqual([['1', '10', '100', 'ABC'], [null, '20', '500', 'x, y']]);
  });

  it('a DEFAULT that reads a column fails the CREATE', async () => {
    expect((await queryError(engine, 'CREATE TABLE d3 (a int, b int DEFAULT a + 1)')).sqlState).toBe('42703');
    expect((await queryError(engine, 'SELECT * FROM d3')).sqlState).toBe('42P01');
  });
});
