/**
 * The 22 TPC-H queries written with the DataFrame API (issue 5), in the style a
 * PySpark user would write them: joins instead of comma lists, semi/anti joins
 * for EXISTS / NOT EXISTS, aggregated DataFrames joined back for correlated
 * subqueries, `F.scalar` for uncorrelated scalar subqueries.
 * Each function returns a lazy DataFrame; the tests compare its result with
 * DuckDB's answers, as the SQL versions are (test/tpch).
 */
import { F, col, lit, type Column, type DataFrame, type Loch } from 'loch/client';

const disc = (): Column => col('l_extendedprice').multiply(lit(1).minus(col('l_discount')));

/** Query n (1 … 22) as a DataFrame over the TPC-H tables of `loch`. */
export function tpchDataFrame(loch: Loch, n: number): DataFrame {
  const t = (name: string): DataFrame => loch.table(name);
  const [lineitem, orders, customer, part, partsupp, supplier, nation, region] =
    ['lineitem', 'orders', 'customer', 'part', 'partsupp', 'supplier', 'nation', 'region'].map(t) as [DataFrame, DataFrame, DataFrame, DataFrame, DataFrame, DataFrame, DataFrame, DataFrame];
  switch (n) {
    case 1:
      return lineitem
        .filter(col('l_shipdate').leq(F.date('1998-12-01').minus(F.interval('90 days'))))
        .groupBy('l_returnflag', 'l_linestatus')
        .agg(
          F.sum('l_quantity').alias('sum_qty'),
          F.sum('l_extendedprice').alias('sum_base_price'),
          F.sum(disc()).alias('sum_disc_price'),
          F.sum(disc().multiply(lit(1).plus(col('l_tax')))).alias('sum_charge'),
          F.avg('l_quantity').alias('avg_qty'),
          F.avg('l_extendedprice').alias('avg_price'),
          F.avg('l_discount').alias('avg_disc'),
          F.count('*').alias('count_order'),
        )
        .orderBy('l_returnflag', 'l_linestatus');
    case 2: {
      const europe = region.filter(col('r_name').eq('EUROPE'))
        .join(nation, col('r_regionkey').eq(col('n_regionkey')))
        .join(supplier, col('n_nationkey').eq(col('s_nationkey')));
      const europeCosts = partsupp.join(europe, col('ps_suppkey').eq(col('s_suppkey')));
      const minCost = europeCosts.groupBy(col('ps_partkey').alias('min_partkey')).agg(F.min('ps_supplycost').alias('min_cost'));
      return part.filter(col('p_size').eq(15).and(col('p_type').like('%BRASS')))
        .join(europeCosts, col('p_partkey').eq(col('ps_partkey')))
        .join(minCost, col('ps_partkey').eq(col('min_partkey')).and(col('ps_supplycost').eq(col('min_cost'))))
        .select('s_acctbal', 's_name', 'n_name', 'p_partkey', 'p_mfgr', 's_address', 's_phone', 's_comment')
        .orderBy(col('s_acctbal').desc(), 'n_name', 's_name', 'p_partkey')
        .limit(100);
    }
    case 3:
      return customer.filter(col('c_mktsegment').eq('BUILDING'))
        .join(orders.filter(col('o_orderdate').lt(F.date('1995-03-15'))), col('c_custkey').eq(col('o_custkey')))
        .join(lineitem.filter(col('l_shipdate').gt(F.date('1995-03-15'))), col('l_orderkey').eq(col('o_orderkey')))
        .groupBy('l_orderkey', 'o_orderdate', 'o_shippriority')
        .agg(F.sum(disc()).alias('revenue'))
        .select('l_orderkey', 'revenue', 'o_orderdate', 'o_shippriority')
        .orderBy(col('revenue').desc(), 'o_orderdate')
        .limit(10);
    case 4:
      return orders.filter(col('o_orderdate').geq(F.date('1993-07-01')).and(col('o_orderdate').lt(F.date('1993-07-01').plus(F.interval('3 months')))))
        .join(lineitem.filter(col('l_commitdate').lt(col('l_receiptdate'))), col('l_orderkey').eq(col('o_orderkey')), 'semi')
        .groupBy('o_orderpriority')
        .agg(F.count().alias('order_count'))
        .orderBy('o_orderpriority');
    case 5:
      return customer
        .join(orders.filter(col('o_orderdate').geq(F.date('1994-01-01')).and(col('o_orderdate').lt(F.date('1995-01-01')))), col('c_custkey').eq(col('o_custkey')))
        .join(lineitem, col('l_orderkey').eq(col('o_orderkey')))
        .join(supplier, col('l_suppkey').eq(col('s_suppkey')).and(col('c_nationkey').eq(col('s_nationkey'))))
        .join(nation, col('s_nationkey').eq(col('n_nationkey')))
        .join(region.filter(col('r_name').eq('ASIA')), col('n_regionkey').eq(col('r_regionkey')))
        .groupBy('n_name')
        .agg(F.sum(disc()).alias('revenue'))
        .orderBy(col('revenue').desc());
    case 6:
      return lineitem
        .filter(col('l_shipdate').geq(F.date('1994-01-01'))
          .and(col('l_shipdate').lt(F.date('1995-01-01')))
          .and(col('l_discount').between(F.decimal('0.05'), F.decimal('0.07')))
          .and(col('l_quantity').lt(24)))
        .agg(F.sum(col('l_extendedprice').multiply(col('l_discount'))).alias('revenue'));
    case 7: {
      const n1 = nation.select(col('n_nationkey').alias('n1_key'), col('n_name').alias('supp_nation'));
      const n2 = nation.select(col('n_nationkey').alias('n2_key'), col('n_name').alias('cust_nation'));
      return supplier
        .join(lineitem.filter(col('l_shipdate').between(F.date('1995-01-01'), F.date('1996-12-31'))), col('s_suppkey').eq(col('l_suppkey')))
        .join(orders, col('o_orderkey').eq(col('l_orderkey')))
        .join(customer, col('c_custkey').eq(col('o_custkey')))
        .join(n1, col('s_nationkey').eq(col('n1_key')))
        .join(n2, col('c_nationkey').eq(col('n2_key')))
        .filter(col('supp_nation').eq('FRANCE').and(col('cust_nation').eq('GERMANY'))
          .or(col('supp_nation').eq('GERMANY').and(col('cust_nation').eq('FRANCE'))))
        .select('supp_nation', 'cust_nation', F.extract('year', 'l_shipdate').alias('l_year'), disc().alias('volume'))
        .groupBy('supp_nation', 'cust_nation', 'l_year')
        .agg(F.sum('volume').alias('revenue'))
        .orderBy('supp_nation', 'cust_nation', 'l_year');
    }
    case 8: {
      const n1 = nation.select(col('n_nationkey').alias('n1_key'), col('n_regionkey').alias('n1_region'));
      const n2 = nation.select(col('n_nationkey').alias('n2_key'), col('n_name').alias('nation'));
      return part.filter(col('p_type').eq('ECONOMY ANODIZED STEEL'))
        .join(lineitem, col('p_partkey').eq(col('l_partkey')))
        .join(supplier, col('s_suppkey').eq(col('l_suppkey')))
        .join(orders.filter(col('o_orderdate').between(F.date('1995-01-01'), F.date('1996-12-31'))), col('l_orderkey').eq(col('o_orderkey')))
        .join(customer, col('o_custkey').eq(col('c_custkey')))
        .join(n1, col('c_nationkey').eq(col('n1_key')))
        .join(region.filter(col('r_name').eq('AMERICA')), col('n1_region').eq(col('r_regionkey')))
        .join(n2, col('s_nationkey').eq(col('n2_key')))
        .select(F.extract('year', 'o_orderdate').alias('o_year'), disc().alias('volume'), 'nation')
        .groupBy('o_year')
        .agg(F.sum(F.when(col('nation').eq('BRAZIL'), col('volume')).otherwise(0)).divide(F.sum('volume')).alias('mkt_share'))
        .orderBy('o_year');
    }
    case 9:
      return part.filter(col('p_name').like('%green%'))
        .join(lineitem, col('p_partkey').eq(col('l_partkey')))
        .join(supplier, col('s_suppkey').eq(col('l_suppkey')))
        .join(partsupp, col('ps_suppkey').eq(col('l_suppkey')).and(col('ps_partkey').eq(col('l_partkey'))))
        .join(orders, col('o_orderkey').eq(col('l_orderkey')))
        .join(nation, col('s_nationkey').eq(col('n_nationkey')))
        .select(col('n_name').alias('nation'), F.extract('year', 'o_orderdate').alias('o_year'),
          disc().minus(col('ps_supplycost').multiply(col('l_quantity'))).alias('amount'))
        .groupBy('nation', 'o_year')
        .agg(F.sum('amount').alias('sum_profit'))
        .orderBy('nation', col('o_year').desc());
    case 10:
      return customer
        .join(orders.filter(col('o_orderdate').geq(F.date('1993-10-01')).and(col('o_orderdate').lt(F.date('1994-01-01')))), col('c_custkey').eq(col('o_custkey')))
        .join(lineitem.filter(col('l_returnflag').eq('R')), col('l_orderkey').eq(col('o_orderkey')))
        .join(nation, col('c_nationkey').eq(col('n_nationkey')))
        .groupBy('c_custkey', 'c_name', 'c_acctbal', 'c_phone', 'n_name', 'c_address', 'c_comment')
        .agg(F.sum(disc()).alias('revenue'))
        .select('c_custkey', 'c_name', 'revenue', 'c_acctbal', 'n_name', 'c_address', 'c_phone', 'c_comment')
        .orderBy(col('revenue').desc())
        .limit(20);
    case 11: {
      const german = partsupp
        .join(supplier, col('ps_suppkey').eq(col('s_suppkey')))
        .join(nation.filter(col('n_name').eq('GERMANY')), col('s_nationkey').eq(col('n_nationkey')));
      const value = col('ps_supplycost').multiply(col('ps_availqty'));
      const threshold = german.agg(F.sum(value).multiply(F.decimal('0.0001')).alias('threshold'));
      return german.groupBy('ps_partkey')
        .agg(F.sum(value).alias('value'))
        .filter(col('value').gt(F.scalar(threshold)))
        .orderBy(col('value').desc());
    }
    case 12: {
      const high = col('o_orderpriority').isin('1-URGENT', '2-HIGH');
      return orders
        .join(lineitem.filter(col('l_shipmode').isin('MAIL', 'SHIP')
          .and(col('l_commitdate').lt(col('l_receiptdate')))
          .and(col('l_shipdate').lt(col('l_commitdate')))
          .and(col('l_receiptdate').geq(F.date('1994-01-01')))
          .and(col('l_receiptdate').lt(F.date('1995-01-01')))), col('o_orderkey').eq(col('l_orderkey')))
        .groupBy('l_shipmode')
        .agg(F.sum(F.when(high, 1).otherwise(0)).alias('high_line_count'), F.sum(F.when(high.not(), 1).otherwise(0)).alias('low_line_count'))
        .orderBy('l_shipmode');
    }
    case 13:
      return customer
        .join(orders, col('c_custkey').eq(col('o_custkey')).and(col('o_comment').notLike('%special%requests%')), 'left')
        .groupBy('c_custkey')
        .agg(F.count('o_orderkey').alias('c_count'))
        .groupBy('c_count')
        .agg(F.count().alias('custdist'))
        .orderBy(col('custdist').desc(), col('c_count').desc());
    case 14:
      return lineitem.filter(col('l_shipdate').geq(F.date('1995-09-01')).and(col('l_shipdate').lt(F.date('1995-10-01'))))
        .join(part, col('l_partkey').eq(col('p_partkey')))
        .agg(F.decimal('100.00').multiply(F.sum(F.when(col('p_type').like('PROMO%'), disc()).otherwise(0))).divide(F.sum(disc())).alias('promo_revenue'));
    case 15: {
      const revenue = lineitem.filter(col('l_shipdate').geq(F.date('1996-01-01')).and(col('l_shipdate').lt(F.date('1996-04-01'))))
        .groupBy(col('l_suppkey').alias('supplier_no'))
        .agg(F.sum(disc()).alias('total_revenue'));
      return supplier.join(revenue, col('s_suppkey').eq(col('supplier_no')))
        .filter(col('total_revenue').eq(F.scalar(revenue.agg(F.max('total_revenue')))))
        .select('s_suppkey', 's_name', 's_address', 's_phone', 'total_revenue')
        .orderBy('s_suppkey');
    }
    case 16: {
      const complaints = supplier.filter(col('s_comment').like('%Customer%Complaints%')).select('s_suppkey');
      return partsupp
        .join(part.filter(col('p_brand').neq('Brand#45').and(col('p_type').notLike('MEDIUM POLISHED%')).and(col('p_size').isin(49, 14, 23, 45, 19, 3, 36, 9))),
          col('p_partkey').eq(col('ps_partkey')))
        .filter(col('ps_suppkey').notIn(complaints))
        .groupBy('p_brand', 'p_type', 'p_size')
        .agg(F.countDistinct('ps_suppkey').alias('supplier_cnt'))
        .orderBy(col('supplier_cnt').desc(), 'p_brand', 'p_type', 'p_size');
    }
    case 17: {
      const avgQuantity = lineitem.groupBy(col('l_partkey').alias('agg_partkey')).agg(F.decimal('0.2').multiply(F.avg('l_quantity')).alias('avg_quantity'));
      return part.filter(col('p_brand').eq('Brand#23').and(col('p_container').eq('MED BOX')))
        .join(lineitem, col('p_partkey').eq(col('l_partkey')))
        .join(avgQuantity, col('p_partkey').eq(col('agg_partkey')))
        .filter(col('l_quantity').lt(col('avg_quantity')))
        .agg(F.sum('l_extendedprice').divide(F.decimal('7.0')).alias('avg_yearly'));
    }
    case 18: {
      const bigOrders = lineitem.groupBy(col('l_orderkey').alias('big_orderkey')).agg(F.sum('l_quantity').alias('qty')).filter(col('qty').gt(300));
      return customer
        .join(orders, col('c_custkey').eq(col('o_custkey')))
        .join(lineitem, col('o_orderkey').eq(col('l_orderkey')))
        .join(bigOrders, col('o_orderkey').eq(col('big_orderkey')), 'semi')
        .groupBy('c_name', 'c_custkey', 'o_orderkey', 'o_orderdate', 'o_totalprice')
        .agg(F.sum('l_quantity').alias('sum'))
        .orderBy(col('o_totalprice').desc(), 'o_orderdate')
        .limit(100);
    }
    case 19: {
      const air = col('l_shipmode').isin('AIR', 'AIR REG').and(col('l_shipinstruct').eq('DELIVER IN PERSON'));
      const bucket = (brand: string, containers: readonly string[], low: number, maxSize: number): Column =>
        col('p_brand').eq(brand).and(col('p_container').isin(...containers))
          .and(col('l_quantity').geq(low)).and(col('l_quantity').leq(low + 10))
          .and(col('p_size').between(1, maxSize)).and(air);
      return lineitem.join(part, col('p_partkey').eq(col('l_partkey')))
        .filter(bucket('Brand#12', ['SM CASE', 'SM BOX', 'SM PACK', 'SM PKG'], 1, 5)
          .or(bucket('Brand#23', ['MED BAG', 'MED BOX', 'MED PKG', 'MED PACK'], 10, 10))
          .or(bucket('Brand#34', ['LG CASE', 'LG BOX', 'LG PACK', 'LG PKG'], 20, 15)))
        .agg(F.sum(disc()).alias('revenue'));
    }
    case 20: {
      const shipped = lineitem.filter(col('l_shipdate').geq(F.date('1994-01-01')).and(col('l_shipdate').lt(F.date('1995-01-01'))))
        .groupBy(col('l_partkey').alias('agg_partkey'), col('l_suppkey').alias('agg_suppkey'))
        .agg(F.decimal('0.5').multiply(F.sum('l_quantity')).alias('agg_quantity'));
      const forest = part.filter(col('p_name').like('forest%')).select('p_partkey');
      const candidates = partsupp
        .join(forest, col('ps_partkey').eq(col('p_partkey')), 'semi')
        .join(shipped, col('ps_partkey').eq(col('agg_partkey')).and(col('ps_suppkey').eq(col('agg_suppkey'))))
        .filter(col('ps_availqty').gt(col('agg_quantity')))
        .select('ps_suppkey');
      return supplier
        .join(nation.filter(col('n_name').eq('CANADA')), col('s_nationkey').eq(col('n_nationkey')))
        .join(candidates, col('s_suppkey').eq(col('ps_suppkey')), 'semi')
        .select('s_name', 's_address')
        .orderBy('s_name');
    }
    case 21:
      return supplier
        .join(lineitem.alias('l1'), col('s_suppkey').eq(col('l1.l_suppkey')))
        .join(orders.filter(col('o_orderstatus').eq('F')), col('o_orderkey').eq(col('l1.l_orderkey')))
        .join(nation.filter(col('n_name').eq('SAUDI ARABIA')), col('s_nationkey').eq(col('n_nationkey')))
        .filter(col('l1.l_receiptdate').gt(col('l1.l_commitdate')))
        .join(lineitem.alias('l2'), col('l2.l_orderkey').eq(col('l1.l_orderkey')).and(col('l2.l_suppkey').neq(col('l1.l_suppkey'))), 'semi')
        .join(lineitem.alias('l3'), col('l3.l_orderkey').eq(col('l1.l_orderkey')).and(col('l3.l_suppkey').neq(col('l1.l_suppkey')))
          .and(col('l3.l_receiptdate').gt(col('l3.l_commitdate'))), 'anti')
        .groupBy('s_name')
        .agg(F.count().alias('numwait'))
        .orderBy(col('numwait').desc(), 's_name')
        .limit(100);
    case 22: {
      const codes = ['13', '31', '23', '29', '30', '18', '17'];
      const country = F.substring('c_phone', 1, 2);
      const averageBalance = customer.filter(col('c_acctbal').gt(F.decimal('0.00')).and(country.isin(...codes))).agg(F.avg('c_acctbal'));
      return customer
        .filter(country.isin(...codes).and(col('c_acctbal').gt(F.scalar(averageBalance))))
        .join(orders, col('o_custkey').eq(col('c_custkey')), 'anti')
        .select(country.alias('cntrycode'), 'c_acctbal')
        .groupBy('cntrycode')
        .agg(F.count().alias('numcust'), F.sum('c_acctbal').alias('totacctbal'))
        .orderBy('cntrycode');
    }
    default:
      throw new RangeError(`TPC-H has queries 1 to 22, not ${n}`);
  }
}
