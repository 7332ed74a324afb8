import { describe, expect, it } from 'vitest';
import { MapValue, StructValue, T, decimal, type DataType, type LiteralValue, type TableScanner, type TableSourceDescriptor } from '../../../core/index.ts';
import { decodeMessage, encodeMessage } from '../../../proto/index.ts';
import type { Expr } from '../../expr.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { FakeTable, PlanBuilder, agg, c, eq, subquery } from '../../optimizer/test/plan-builder.ts';
import { explainLogical } from '../../optimizer/explain-logical.ts';
import { createPhysicalPlan } from '../../physical/create-physical-plan.ts';
import { explainPhysical } from '../../physical/explain-physical.ts';
import { exprFromProto, exprToProto } from '../expr-serde.ts';
import { logicalPlanFromProto, logicalPlanToProto } from '../logical-serde.ts';
import { decodePhysicalPlan, encodePhysicalPlan } from '../physical-serde.ts';
import { tableSourcesIn, type PlanDecodeOptions } from '../serde-options.ts';
import { dataTypeFromProto, dataTypeToProto, literalFromProto, literalToProto, tableSourceFromProto, tableSourceToProto } from '../value-serde.ts';

/** A fake table that knows how to describe itself. */
class DescribedTable extends FakeTable {
  readonly descriptor: TableSourceDescriptor;
  constructor(descriptor: TableSourceDescriptor, rows: number) {
    super(descriptor.columns, rows);
    this.descriptor = descriptor;
  }
}

const opened: TableSourceDescriptor[] = [];
const decodeOptions: PlanDecodeOptions = { openSource: (d) => { opened.push(d); return new DescribedTable(d, 0); } };

/** Through bytes, as on the wire. */
function wireLiteral(v: LiteralValue): LiteralValue {
  return literalFromProto(decodeMessage('LiteralValue', encodeMessage('LiteralValue', literalToProto(v))));
}
function wireExpr(e: Expr): Expr {
  return exprFromProto(decodeMessage('Expr', encodeMessage('Expr', exprToProto(e))), decodeOptions);
}

describe('values', () => {
  it('keeps every literal exactly, 64-bit integers and wide decimals included', () => {
    const values: LiteralValue[] = [
      null, true, false, 0, -0, 42, -7.25, 1e300, Number.NaN, Infinity, 123456789012345, // narrow decimal 1234567890123.45 scaled
      2n ** 63n - 1n, -(2n ** 63n), 10n ** 37n + 1n, 0n, '', "it's ☃ ünïcode", { months: 14, days: -3, micros: 86_400_000_001 },
      19_000, // a date: days since epoch
    ];
    for (const v of values) expect(wireLiteral(v)).toStrictEqual(v);
    expect(Object.is(wireLiteral(-0), -0)).toBe(true);
    expect(typeof wireLiteral(5n)).toBe('bigint');
  });

  it('keeps every data type, decimals with precision and scale', () => {
    const types: DataType[] = [T.null, T.boolean, T.int16, T.int32, T.int64, T.float32, T.float64, decimal(15, 2), decimal(38, 10),
      T.text, T.date, T.timestamp, T.timestamptz, T.interval];
    for (const t of types) expect(dataTypeFromProto(decodeMessage('DataType', encodeMessage('DataType', dataTypeToProto(t))))).toStrictEqual(t);
  });

  it('keeps nested and binary types and values, so such plans can run on workers', () => {
    const types: DataType[] = [
      T.binary, { kind: 'array', element: T.int32 }, { kind: 'array', element: { kind: 'array', element: decimal(10, 2) } },
      { kind: 'struct', fields: [{ name: 'a', type: T.text }, { name: 'b', type: { kind: 'map', key: T.text, value: T.int64 } }] },
      { kind: 'text', json: 'jsonb' },
    ];
    for (const t of types) expect(dataTypeFromProto(decodeMessage('DataType', encodeMessage('DataType', dataTypeToProto(t))))).toStrictEqual(t);
    const values: LiteralValue[] = [
      new Uint8Array([0, 255, 7]), [1, null, 3], [[1n], []], new StructValue(['x', null, [2.5]]), new MapValue(['k', 'l'], [1n, null]),
    ];
    for (const v of values) expect(wireLiteral(v)).toStrictEqual(v);
  });

  it('keeps a table source, a format outside the proto enum included', () => {
    const d: TableSourceDescriptor = {
      name: 't', format: 'delta_changes', location: '/x/t', version: 7, options: { from: '2' },
      columns: [{ name: 'a', type: decimal(20, 4), nullable: true }],
    };
    expect(tableSourceFromProto(decodeMessage('TableSource', encodeMessage('TableSource', tableSourceToProto(d))))).toStrictEqual(d);
    const parquet: TableSourceDescriptor = { name: 'p', format: 'parquet', location: '/p/*.parquet', options: {}, columns: [] };
    expect(tableSourceFromProto(decodeMessage('TableSource', encodeMessage('TableSource', tableSourceToProto(parquet))))).toStrictEqual(parquet);
  });
});

describe('expressions', () => {
  const a: Expr = { kind: 'column', id: 3, name: 'a', type: T.int64 };
  it('round-trips every variant', () => {
    const exprs: Expr[] = [
      a,
      { kind: 'literal', value: 9007199254740993n, type: T.int64 },
      { kind: 'call', fn: 'add', args: [a, { kind: 'literal', value: 1n, type: T.int64 }], type: T.int64 },
      { kind: 'cast', input: a, type: decimal(20, 2) },
      { kind: 'case', whens: [{ when: { kind: 'literal', value: true, type: T.boolean }, then: a }], otherwise: null, type: T.int64 },
      { kind: 'case', whens: [{ when: { kind: 'literal', value: false, type: T.boolean }, then: a }], otherwise: a, type: T.int64 },
      { kind: 'in_list', input: a, list: [{ kind: 'literal', value: null, type: T.int64 }], negated: true, type: T.boolean },
    ];
    for (const e of exprs) expect(wireExpr(e)).toStrictEqual(e);
  });

  it('round-trips a subquery with its logical plan', () => {
    const b = new PlanBuilder();
    const t = b.scanOf('t', new DescribedTable({ name: 't', format: 'parquet', location: '/t', options: {}, columns: [{ name: 'x', type: T.int32, nullable: true }] }, 10), 10);
    const e = subquery('in', t, [], c(t, 'x'));
    const back = wireExpr(e);
    expect(back.kind === 'subquery' && explainLogical(back.plan)).toBe(explainLogical(t));
    expect({ ...back, plan: null }).toStrictEqual({ ...e, plan: null });
  });
});

describe('plans', () => {
  const b = new PlanBuilder();
  const desc = (name: string, cols: string[]): TableSourceDescriptor => ({
    name, format: 'parquet', location: `/data/${name}`, options: {}, columns: cols.map((n) => ({ name: n, type: T.int32, nullable: false })),
  });
  const orders = b.scanOf('orders', new DescribedTable(desc('orders', ['o_orderkey', 'o_custkey']), 1000), 1000);
  const customer = b.scanOf('customer', new DescribedTable(desc('customer', ['c_custkey']), 100), 100);
  const join = b.join('left', orders, customer, eq(c(orders, 'o_custkey'), c(customer, 'c_custkey')));
  const plan: LogicalPlan = {
    kind: 'limit', offset: 1, limit: 10,
    input: { kind: 'sort', input: b.aggregate(join, [c(join, 'o_custkey')], [['n', agg('count_star', [], T.int64)]]),
      keys: [{ expr: c(join, 'o_custkey'), ascending: false, nullsFirst: true }], fetch: 11 },
  };

  it('round-trips a logical plan, reopening scans from their descriptors', () => {
    opened.length = 0;
    const back = logicalPlanFromProto(decodeMessage('LogicalPlan', encodeMessage('LogicalPlan', logicalPlanToProto(plan))), decodeOptions);
    expect(explainLogical(back)).toBe(explainLogical(plan));
    expect(opened.map((d) => d.name)).toEqual(['orders', 'customer']);
    const strip = (p: unknown) => JSON.parse(JSON.stringify(p, (k, v: unknown) => (k === 'source' ? (v as TableScanner).descriptor : v)));
    expect(strip(back)).toStrictEqual(strip(plan));
  });

  it('lists the table sources a plan message names, for resolving them before decoding', () => {
    const message = decodeMessage('LogicalPlan', encodeMessage('LogicalPlan', logicalPlanToProto(plan)));
    expect(tableSourcesIn(message).map((t) => t.location)).toEqual(['/data/orders', '/data/customer']);
  });

  it('round-trips a physical plan through bytes', () => {
    const physical = createPhysicalPlan(plan);
    const back = decodePhysicalPlan(encodePhysicalPlan(physical), decodeOptions);
    expect(explainPhysical(back)).toBe(explainPhysical(physical));
    expect(back.rowEstimate).toBe(physical.rowEstimate);
  });

  it('refuses a scan whose scanner cannot describe itself, naming the table', () => {
    const anon = b.scan('mystery', ['x'], 5);
    expect(() => encodePhysicalPlan(createPhysicalPlan(anon))).toThrow(/table mystery cannot be sent/);
    const describeSource = (_s: TableScanner, name: string): TableSourceDescriptor => desc(name, ['x']);
    const back = decodePhysicalPlan(encodePhysicalPlan(createPhysicalPlan(anon), { describeSource }), decodeOptions);
    expect(back.kind === 'scan' && back.source.descriptor?.location).toBe('/data/mystery');
  });
});
