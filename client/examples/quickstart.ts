// The README's DataFrame example (issue 5): run with `npx node client/examples/quickstart.ts`.
import { F, Loch, Window, col } from 'loch/client';

const loch = await Loch.embedded(); // in-process; Loch.embedded({ workers: 2 }) starts worker processes; Loch.connect('localhost:7077', { token }) for a cluster
const sales = loch.createDataFrame([
  { id: 1, region: 'EU', amount: 10.5, day: '2026-01-02' },
  { id: 2, region: 'US', amount: 7.25, day: '2026-01-03' },
  { id: 3, region: 'EU', amount: 3, day: '2026-01-03' },
]);

const byRegion = sales
  .withColumn('day', col('day').cast('date'))
  .filter(col('amount').gt(1))
  .groupBy('region')
  .agg(F.sum('amount').alias('total'), F.count('*').alias('n'))
  .orderBy(col('total').desc());

await byRegion.show();                      // an aligned text table
console.log(await byRegion.collect());      // [{ region: 'EU', total: 13.5, n: 2n }, …]
console.log((await byRegion.schema).toString()); // known without running the query
console.log(await byRegion.toSql());        // the SQL it runs as (same binder, optimizer, authorization as SQL)

const ranked = sales.select('id', 'region', F.rank().over(Window.partitionBy('region').orderBy(col('amount').desc())).alias('rank'));
await ranked.orderBy('id').show();

await byRegion.write.format('delta').mode('overwrite').saveAsTable('sales_by_region');
console.log(await loch.table('sales_by_region').count()); // 2
await loch.close();
