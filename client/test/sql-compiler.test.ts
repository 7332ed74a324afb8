/**
 * Issue 5: how DataFrame plans compile to SQL — identifiers quoted, literals
 * typed, clauses merged into one SELECT where SQL's clause order allows and
 * wrapped as a subquery where it does not — and that the compiled SQL runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F, Loch, Window, col, lit } from 'loch/client';

let loch: Loch;
beforeAll(async () => { loch = await Loch.embedded(); });
afterAll(() => loch?.close());

describe('SQL compilation', () => {
  it('quotes identifiers and escapes strings; names keep case and spaces', async () => {
    const df = loch.sql(`SELECT 1 AS "Mixed Case", 'it''s' AS "say ""hi"""`);
    const sql = await df.select(col('Mixed Case').plus(1).alias('Next'), col('say "hi"')).filter(col('say "hi"').eq("it's")).toSql();
    expect(sql).toBe(`SELECT * FROM (SELECT ("Mixed Case" + 1) AS "Next", "say ""hi""" FROM (SELECT 1 AS "Mixed Case", 'it''s' AS "say ""hi""") AS "q1") AS "q2" WHERE ("say ""hi""" = 'it''s')`);
    expect(await df.select(col('Mixed Case').plus(1).alias('Next')).collect()).toEqual([{ Next: 2 }]);
  });

  it('types literals: integers, bigints, doubles, booleans, NULL, Date, exact decimals', async () => {
    const df = loch.range(1).select(lit(7).alias('i'), lit(2 ** 40).alias('big'), lit(10n ** 18n).alias('bb'), lit(0.1).alias('d'),
      lit(true).alias('b'), lit(null).alias('n'), lit(new Date('2024-01-02T03:04:05Z')).alias('ts'), F.decimal('0.10').alias('dec'));
    expect(await df.toSql()).toContain('7 AS "i", CAST(1099511627776 AS bigint) AS "big", CAST(1000000000000000000 AS bigint) AS "bb", CAST(0.1 AS double precision) AS "d", TRUE AS "b", NULL AS "n", CAST(\'2024-01-02T03:04:05.000Z\' AS timestamptz) AS "ts", (0.10) AS "dec"');
    const [row] = await df.collect();
    expect(row).toMatchObject({ i: 7, big: 1099511627776n, bb: 10n ** 18n, d: 0.1, b: true, ts: new Date('2024-01-02T03:04:05Z') });
    expect(row!.dec === 0.1 || row!.dec === '0.10').toBe(true);
  });

  it('merges filter → select → orderBy → limit into one SELECT only in clause order', async () => {
    const t = loch.table('t');
    expect(await t.filter(col('a').gt(1)).select('a', 'b').toSql()).toBe('SELECT "a", "b" FROM "t" WHERE ("a" > 1)');
    expect(await t.filter(col('a').gt(1)).filter(col('b').eq(2)).toSql()).toBe('SELECT * FROM "t" WHERE ("a" > 1) AND ("b" = 2)');
    expect(await t.select(col('a').alias('x')).filter(col('x').gt(1)).toSql()).toBe('SELECT * FROM (SELECT "a" AS "x" FROM "t") AS "q1" WHERE ("x" > 1)');
    expect(await t.orderBy(col('a').desc()).limit(5).toSql()).toBe('SELECT * FROM "t" ORDER BY "a" DESC LIMIT 5');
    expect(await t.limit(5).limit(2).toSql()).toBe('SELECT * FROM (SELECT * FROM "t" LIMIT 5) AS "q1" LIMIT 2');
    expect(await t.groupBy('a').agg(F.sum('b').alias('s')).filter(col('s').gt(0)).toSql())
      .toBe('SELECT * FROM (SELECT "a", sum("b") AS "s" FROM "t" GROUP BY "a") AS "q1" WHERE ("s" > 0)');
  });

  it('joins chain in one FROM clause; semi/anti joins become EXISTS filters', async () => {
    const a = loch.table('a').alias('x');
    const b = loch.table('b').alias('y');
    const c = loch.table('c');
    expect(await a.join(b, col('x.k').eq(col('y.k'))).join(c, 'k', 'left').select(col('x.k')).toSql())
      .toBe('SELECT "x"."k" FROM "a" AS "x" JOIN "b" AS "y" ON ("x"."k" = "y"."k") LEFT JOIN "c" AS "q1" USING ("k")');
    expect(await loch.table('a').join(c.filter(col('v').gt(0)), ['k'], 'anti').toSql())
      .toBe('SELECT * FROM "a" WHERE NOT EXISTS (SELECT 1 FROM (SELECT * FROM "c" WHERE ("v" > 0)) AS "q1" WHERE "a"."k" = "q1"."k")');
    // An aliased, filtered right input keeps its alias and moves its WHERE into EXISTS.
    expect(await loch.table('a').join(loch.table('c').alias('z').filter(col('z.v').gt(0)), col('z.k').eq(col('a.k')), 'semi').toSql())
      .toBe('SELECT * FROM "a" WHERE EXISTS (SELECT 1 FROM "c" AS "z" WHERE ("z"."v" > 0) AND ("z"."k" = "a"."k"))');
  });

  it('renders window frames and CASE', async () => {
    const w = Window.partitionBy('g').orderBy(col('t').desc()).rowsBetween(-3, Window.unboundedFollowing);
    expect(await loch.table('t').select(F.avg('v').over(w).alias('m'), F.when(col('v').isNull(), 0).otherwise(col('v')).alias('z')).toSql())
      .toBe('SELECT avg("v") OVER (PARTITION BY "g" ORDER BY "t" DESC ROWS BETWEEN 3 PRECEDING AND UNBOUNDED FOLLOWING) AS "m", (CASE WHEN ("v" IS NULL) THEN 0 ELSE "v" END) AS "z" FROM "t"');
    expect(() => Window.orderBy('t').rowsBetween(2, 1)).toThrow(/start before it ends/);
  });

  it('rejects what cannot be SQL on the client', () => {
    expect(() => col('a').cast('int; DROP TABLE t')).toThrow(/not a SQL type name/);
    expect(() => F.decimal('1e5')).toThrow(/not a decimal number/);
    expect(() => F.call('x(); --')).toThrow(/not a function name/);
    expect(() => loch.range(1.5)).toThrow(/not an integer/);
  });
});
