/** Optimizer rules and serde around the Window node: pushdown only on PARTITION BY keys, pruning of unused calls, proto round trips. */
import { beforeAll, describe, expect, it } from 'vitest';
import { T, decimal, type TableSourceDescriptor } from '../../../core/index.ts';
import { QueryBinder } from '../../binder/bind-query.ts';
import type { BinderCatalog } from '../../binder/catalog.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';
import { createPhysicalPlan } from '../../physical/create-physical-plan.ts';
import { explainPhysical } from '../../physical/explain-physical.ts';
import { logicalPlanFromProto, logicalPlanToProto } from '../../serde/logical-serde.ts';
import { decodePhysicalPlan, encodePhysicalPlan } from '../../serde/physical-serde.ts';
import { initParser, parseSql } from '../../sql/index.ts';
import { explainLogical } from '../explain-logical.ts';
import { optimize } from '../optimize.ts';
import { FakeTable } from './plan-builder.ts';

const DESCRIPTOR: TableSourceDescriptor = {
  format: 'memory', paths: [], columns: [
    { name: 'k', type: T.int32, nullable: false }, { name: 'ts', type: T.date, nullable: false }, { name: 'v', type: decimal(15, 2), nullable: true },
  ],
} as unknown as TableSourceDescriptor;

class Described extends FakeTable {
  readonly descriptor = DESCRIPTOR;
}
const TABLE = new Described(DESCRIPTOR.columns, 1000);

const catalog: BinderCatalog = {
  lookupRelation: async (name) => (name[name.length - 1] === 't' ? { kind: 'table', name: 't', scanner: TABLE } : null),
  tableFunction: async () => null,
  relationNames: () => ['t'],
};

async function plan(sql: string): Promise<LogicalPlan> {
  const [parsed] = parseSql(sql);
  if (parsed!.statement.kind !== 'query') throw new Error('not a query');
  const ctx = new PlanContext();
  const bound = await new QueryBinder(catalog, ctx).bindQuery(parsed!.statement.query, null);
  return optimize(bound.plan, ctx);
}

/** The lines of the logical plan from the Window node down. */
function below(text: string, node: string): string {
  return text.slice(text.indexOf(node));
}

describe('window node in the optimizer', () => {
  beforeAll(() => initParser());

  it('pushes a predicate on a PARTITION BY column below the window, keeps others above', async () => {
    const text = explainLogical(await plan(`select * from (select k, ts, rank() over (partition by k order by ts) r from t) x where k = 3 and ts > date '2020-01-01' and r = 1`));
    const window = below(text, 'Window');
    expect(window).toMatch(/Filter \(k#\d+ = 3\)|pushed=\[k = 3\]/);
    expect(window).not.toMatch(/ts#\d+ > /);
    expect(text.slice(0, text.indexOf('Window'))).toMatch(/ts#\d+ > /);
  });

  it('drops window functions nobody reads and the columns only they needed', async () => {
    const text = explainLogical(await plan('select k from (select k, sum(v) over (partition by k) s, count(*) over (order by ts) c from t) x'));
    expect(text).not.toMatch(/Window/);
    expect(text).toMatch(/Scan t \[k#\d+\]/);
    const kept = explainLogical(await plan('select s from (select k, sum(v) over (partition by k) s, count(*) over (order by ts) c from t) x'));
    expect(kept).toMatch(/Window partition=\[k#\d+\] order=\[\] fns=\[sum/);
    expect(kept).not.toMatch(/count_star/);
  });

  it('round-trips logical and physical window plans through proto', async () => {
    const logical = await plan(`select k, lag(v, 2, 0) ignore nulls over w, sum(v) filter (where v > 1) over (w rows between 1 preceding and 2 following exclude ties),
      count(distinct v) over (partition by k order by ts range between interval '3 days' preceding and current row) from t window w as (partition by k order by ts)`);
    const options = { openSource: () => TABLE };
    const back = logicalPlanFromProto(logicalPlanToProto(logical), options);
    expect(explainLogical(back)).toBe(explainLogical(logical));
    const physical = createPhysicalPlan(logical);
    const decoded = decodePhysicalPlan(encodePhysicalPlan(physical), options);
    expect(explainPhysical(decoded)).toBe(explainPhysical(physical));
    expect(explainPhysical(decoded)).toMatch(/WindowExec: partition=\[k\], order=\[ts ASC NULLS LAST\], fns=\[.*ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING EXCLUDE TIES/);
    const text = JSON.stringify(decoded, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    expect(text).toContain('"ignoreNulls":true');
    expect(text).toContain('"distinct":true');
  });
});
