/**
 * Issue 5: every DataFrame transformation, run on the embedded engine and
 * checked against the rows it must return.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F, Loch, Window, col, expr, lit, type DataFrame, type RowObject } from 'loch/client';

let loch: Loch;
let people: DataFrame;
let cities: DataFrame;

/** Rows with bigint values as numbers, sorted by their JSON text (order-insensitive comparisons). */
function norm(rows: readonly RowObject[], sorted = true): Record<string, unknown>[] {
  const out = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  return sorted ? out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : out;
}

async function windowsSupported(): Promise<boolean> {
  try {
    await loch.sql('SELECT row_number() OVER (ORDER BY x) AS r FROM (VALUES (1)) AS t(x)').collect();
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  loch = await Loch.embedded();
  people = loch.createDataFrame([
    { id: 1, name: 'ann', city: 'oslo', age: 31, score: 7.5 },
    { id: 2, name: 'bob', city: 'rome', age: 25, score: null },
    { id: 3, name: 'cid', city: 'oslo', age: 40, score: 9 },
    { id: 4, name: null, city: null, age: 25, score: 4 },
  ]);
  cities = loch.createDataFrame([{ city: 'oslo', country: 'no' }, { city: 'rome', country: 'it' }, { city: 'lima', country: 'pe' }]);
});
afterAll(() => loch?.close());

describe('DataFrame transformations', () => {
  it('select with names, Columns, expressions and *', async () => {
    const rows = await people.select('id', col('age').plus(1).alias('next'), lit('x').alias('k')).filter(col('id').leq(2)).collect();
    expect(norm(rows)).toEqual([{ id: 1, next: 32, k: 'x' }, { id: 2, next: 26, k: 'x' }]);
    expect(await people.select('*').columns()).toEqual(['id', 'name', 'city', 'age', 'score']);
  });

  it('selectExpr takes SQL text', async () => {
    expect(norm(await people.selectExpr('id * 10 AS t').filter('t > 20').collect())).toEqual([{ t: 30 }, { t: 40 }]);
  });

  it('filter / where with operators eq, neq, lt, gt, geq, and, or, not, isNull, isNotNull, isin, between, like', async () => {
    const ids = async (df: DataFrame) => norm(await df.select('id').collect()).map((r) => r.id);
    expect(await ids(people.filter(col('city').eq('oslo')))).toEqual([1, 3]);
    expect(await ids(people.where(col('city').neq('oslo')))).toEqual([2]);
    expect(await ids(people.filter(col('age').lt(30).and(col('id').gt(2))))).toEqual([4]);
    expect(await ids(people.filter(col('age').geq(40).or(col('name').eq('bob'))))).toEqual([2, 3]);
    expect(await ids(people.filter(col('city').eq('oslo').not()))).toEqual([2]);
    expect(await ids(people.filter(col('name').isNull()))).toEqual([4]);
    expect(await ids(people.filter(col('score').isNotNull()))).toEqual([1, 3, 4]);
    expect(await ids(people.filter(col('name').isin('ann', 'cid')))).toEqual([1, 3]);
    expect(await ids(people.filter(col('name').isin()))).toEqual([]);
    expect(await ids(people.filter(col('age').between(26, 40)))).toEqual([1, 3]);
    expect(await ids(people.filter(col('name').like('%b%')))).toEqual([2]);
    expect(await ids(people.filter(col('id').mod(2).eq(0).and(col('age').multiply(2).divide(5).minus(1).eq(9))))).toEqual([2, 4]);
  });

  it('isin with a DataFrame is an IN subquery', async () => {
    const rows = await people.filter(col('city').isin(cities.filter(col('country').eq('it')).select('city'))).select('name').collect();
    expect(rows).toEqual([{ name: 'bob' }]);
  });

  it('withColumn adds a column, or replaces one in place', async () => {
    const df = people.withColumn('age', col('age').plus(100)).withColumn('adult', col('age').geq(130));
    expect(await df.columns()).toEqual(['id', 'name', 'city', 'age', 'score', 'adult']);
    expect(norm(await df.filter(col('id').eq(1)).select('age', 'adult').collect())).toEqual([{ age: 131, adult: true }]);
  });

  it('withColumnRenamed and drop', async () => {
    const df = people.withColumnRenamed('name', 'who').drop('score', 'city', 'absent');
    expect(await df.columns()).toEqual(['id', 'who', 'age']);
  });

  it('groupBy().agg() with F aggregates, and GroupedData shortcuts', async () => {
    const rows = await people.groupBy('age').agg(F.count().alias('n'), F.max('id').alias('top'), F.avg('score').alias('avg')).orderBy('age').collect();
    expect(norm(rows, false)).toEqual([{ age: 25, n: 2, top: 4, avg: 4 }, { age: 31, n: 1, top: 1, avg: 7.5 }, { age: 40, n: 1, top: 3, avg: 9 }]);
    expect(norm(await people.groupBy('city').count().collect())).toEqual(norm([{ city: null, count: 1 }, { city: 'oslo', count: 2 }, { city: 'rome', count: 1 }]));
    expect(norm(await people.agg(F.countDistinct('age').alias('ages'), F.sum('age').alias('total')).collect())).toEqual([{ ages: 3, total: '121' }]);
  });

  it('joins: inner, left, right, full, semi, anti, cross, on names or an expression', async () => {
    const names = async (df: DataFrame, c = 'name') => norm(await df.select(c).collect()).map((r) => r[c]);
    expect(await names(people.join(cities, 'city'))).toEqual(['ann', 'bob', 'cid']);
    expect(await names(people.join(cities, ['city'], 'left'))).toEqual(['ann', 'bob', 'cid', null]);
    expect(await names(people.join(cities, 'city', 'right'), 'country')).toEqual(['it', 'no', 'no', 'pe']);
    expect((await people.join(cities, 'city', 'full').collect()).length).toBe(5);
    expect(await names(people.join(cities, 'city', 'semi'))).toEqual(['ann', 'bob', 'cid']);
    expect(await names(people.join(cities, 'city', 'anti'))).toEqual([null]);
    expect(await people.crossJoin(cities).count()).toBe(12);
    const p = people.alias('p');
    const c = cities.alias('c');
    const rows = await p.join(c, col('p.city').eq(col('c.city')).and(col('c.country').eq('no')), 'inner').select(col('p.name'), col('c.country')).collect();
    expect(norm(rows)).toEqual([{ name: 'ann', country: 'no' }, { name: 'cid', country: 'no' }]);
    // anti join on an expression (a correlated NOT EXISTS)
    const italy = cities.filter(col('country').eq('it')).withColumnRenamed('city', 'c2');
    expect(await names(people.join(italy, col('city').eq(col('c2')), 'anti'))).toEqual(['ann', 'cid', null]);
  });

  it('three-way joins keep qualified names in scope', async () => {
    const countries = loch.createDataFrame([{ code: 'no', continent: 'europe' }, { code: 'pe', continent: 'america' }]).alias('k');
    const rows = await people.alias('p').join(cities.alias('c'), col('p.city').eq(col('c.city')))
      .join(countries, col('c.country').eq(col('k.code')))
      .select(col('p.name'), col('k.continent')).collect();
    expect(norm(rows)).toEqual([{ name: 'ann', continent: 'europe' }, { name: 'cid', continent: 'europe' }]);
  });

  it('orderBy / sort with asc, desc and limit', async () => {
    const rows = await people.orderBy(col('age').desc(), col('id').asc()).select('id').limit(3).collect();
    expect(norm(rows, false)).toEqual([{ id: 3 }, { id: 1 }, { id: 2 }]);
    expect(norm(await people.sort('id').limit(2, 1).select('id').collect(), false)).toEqual([{ id: 2 }, { id: 3 }]);
  });

  it('distinct and dropDuplicates', async () => {
    expect(await people.select('age').distinct().count()).toBe(3);
    expect(await people.dropDuplicates().count()).toBe(4);
    if (await windowsSupported()) {
      expect(await people.dropDuplicates(['age']).count()).toBe(3);
    }
  });

  it('union, unionByName, intersect, except', async () => {
    const a = loch.createDataFrame([{ x: 1, y: 'a' }, { x: 2, y: 'b' }]);
    const b = loch.createDataFrame([{ y: 'b', x: 2 }, { y: 'c', x: 3 }]);
    expect(await a.union(a).count()).toBe(4);
    expect(norm(await a.unionByName(b).collect())).toEqual([{ x: 1, y: 'a' }, { x: 2, y: 'b' }, { x: 2, y: 'b' }, { x: 3, y: 'c' }]);
    await expect(a.unionByName(b.select('x')).collect()).rejects.toMatchObject({ sqlState: '42703' });
    expect(norm(await a.unionByName(b.select('x'), { allowMissingColumns: true }).collect())).toContainEqual({ x: 3, y: null });
    expect(norm(await a.select('x').intersect(b.select('x')).collect())).toEqual([{ x: 2 }]);
    expect(norm(await a.select('x').except(b.select('x')).collect())).toEqual([{ x: 1 }]);
  });

  it('when / otherwise, cast, F scalar functions', async () => {
    const rows = await people.filter(col('id').leq(3)).select(
      'id',
      F.when(col('age').lt(30), 'young').when(col('age').lt(35), 'mid').otherwise('old').alias('band'),
      col('score').cast('integer').alias('s'),
      F.upper('name').alias('up'),
      F.substring('city', 1, 2).alias('c2'),
      F.coalesce(col('score'), lit(0)).alias('sc'),
      F.round(col('age').divide(7), 2).alias('r'),
    ).orderBy('id').collect();
    expect(norm(rows, false)).toEqual([
      { id: 1, band: 'mid', s: 8, up: 'ANN', c2: 'os', sc: 7.5, r: '4.00' },
      { id: 2, band: 'young', s: null, up: 'BOB', c2: 'ro', sc: 0, r: '3.00' },
      { id: 3, band: 'old', s: 9, up: 'CID', c2: 'os', sc: 9, r: '5.00' },
    ]);
    const dates = await loch.createDataFrame([{ d: '2024-05-17' }]).select(
      F.dateTrunc('month', col('d').cast('date')).cast('date').alias('m'),
      F.year(col('d').cast('date')).alias('y'),
      col('d').cast('date').plus(F.interval('1 month')).cast('date').alias('next'),
    ).collect();
    expect(dates).toEqual([{ m: new Date('2024-05-01T00:00:00Z'), y: 2024, next: new Date('2024-06-17T00:00:00Z') }]);
  });

  it('window functions through Window.partitionBy().orderBy().rowsBetween()', async (ctx) => {
    const w = Window.partitionBy('city').orderBy('id').rowsBetween(Window.unboundedPreceding, Window.currentRow);
    const df = people.filter(col('city').isNotNull()).select('id', F.sum('age').over(w).alias('running'), F.rowNumber().over(Window.partitionBy('city').orderBy(col('age').desc())).alias('rn'));
    expect(await df.toSql()).toContain('sum("age") OVER (PARTITION BY "city" ORDER BY "id" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "running"');
    expect(await df.toSql()).toContain('row_number() OVER (PARTITION BY "city" ORDER BY "age" DESC) AS "rn"');
    expect(Window.orderBy('x').rowsBetween(-2, 3).frame).toEqual({ unit: 'ROWS', start: -2, end: 3 });
    if (!(await windowsSupported())) ctx.skip();
    expect(norm(await df.orderBy('id').collect(), false)).toEqual([
      { id: 1, running: '31', rn: 2 }, { id: 2, running: '25', rn: 1 }, { id: 3, running: '71', rn: 1 },
    ]);
  });

  it('explode → unnest', async () => {
    const arrays = loch.sql('SELECT 1 AS k, ARRAY[10, 20] AS xs');
    expect(await arrays.select('k', F.explode('xs').alias('x')).toSql()).toBe('SELECT "k", unnest("xs") AS "x" FROM (SELECT 1 AS k, ARRAY[10, 20] AS xs) AS "q1"');
    expect(norm(await arrays.select('k', F.explode('xs').alias('x')).collect())).toEqual([{ k: 1, x: 10 }, { k: 1, x: 20 }]);
    const df = arrays.explode('xs', 'x');
    expect(norm(await df.collect())).toEqual([{ k: 1, xs: [10, 20], x: 10 }, { k: 1, xs: [10, 20], x: 20 }]);
  });

  it('fillna fills columns of the value type; dropna drops rows with NULLs', async () => {
    const filled = await people.fillna(0).fillna('?').orderBy('id').select('name', 'city', 'score').collect();
    expect(filled.at(-1)).toEqual({ name: '?', city: '?', score: 4 });
    expect(filled[1]).toEqual({ name: 'bob', city: 'rome', score: 0 });
    expect(await people.dropna().count()).toBe(2);
    expect(await people.dropna({ subset: ['name'] }).count()).toBe(3);
    expect(await people.dropna({ how: 'all', subset: ['name', 'score'] }).count()).toBe(4);
  });

  it('sample keeps about the fraction of rows (random() filter)', async (ctx) => {
    try { await loch.sql('SELECT random() AS r').collect(); } catch { ctx.skip(); }
    const n = await loch.range(10_000).sample(0.1).count();
    expect(n).toBeGreaterThan(800);
    expect(n).toBeLessThan(1200);
    expect(await loch.range(1000).sample(0).count()).toBe(0);
  });

  it('sample rejects a bad fraction and a seed', () => {
    expect(() => people.sample(1.5)).toThrow(/between 0 and 1/);
    expect(() => people.sample(0.5, 42)).toThrow(/seed/);
  });

  it('alias makes qualified names for a self join', async () => {
    const rows = await people.alias('a').join(people.alias('b'), col('a.age').eq(col('b.age')).and(col('a.id').lt(col('b.id'))))
      .select(col('a.id').alias('first'), col('b.id').alias('second')).collect();
    expect(norm(rows)).toEqual([{ first: 2, second: 4 }]);
  });

  it('range(n) and range(start, end, step)', async () => {
    expect(await loch.range(5).collect()).toEqual([0n, 1n, 2n, 3n, 4n].map((id) => ({ id })));
    expect(await loch.range(10, 20, 3).collect()).toEqual([10n, 13n, 16n, 19n].map((id) => ({ id })));
    expect(await loch.range(5, 0, -2).collect()).toEqual([5n, 3n, 1n].map((id) => ({ id })));
    expect(await loch.range(3, 3).count()).toBe(0);
    expect(await loch.range(0).count()).toBe(0);
    expect(await loch.range(1234).count()).toBe(1234);
  });

  it('DataFrames are immutable: transformations never change their input', async () => {
    const base = people.select('id');
    const filtered = base.filter(col('id').gt(2));
    expect(await base.count()).toBe(4);
    expect(await filtered.count()).toBe(2);
  });

  it('expr() embeds SQL text', async () => {
    expect(norm(await people.select(expr('age * 2').alias('d')).filter(col('d').gt(70)).collect())).toEqual([{ d: 80 }]);
  });
});
