import { beforeAll, describe, expect, it } from 'vitest';
import { arrowTypeName } from '../arrow-cast.ts';
import { initParser, parseSql } from '../index.ts';

describe("DataFusion's arrow_cast", () => {
  beforeAll(() => initParser());

  it('maps Arrow type names to the SQL types that store them', () => {
    expect(arrowTypeName('Utf8View')).toEqual({ names: ['text'], typmods: [] });
    expect(arrowTypeName('UInt64')).toEqual({ names: ['numeric'], typmods: [20, 0] });
    expect(arrowTypeName('Dictionary(Int32, Utf8)')).toEqual({ names: ['text'], typmods: [] });
    expect(arrowTypeName('Decimal128(10,2)')).toEqual({ names: ['numeric'], typmods: [10, 2] });
    // temporal types depend on the source type: the binder resolves them (planner/functions/arrow-cast-temporal.ts)
    expect(arrowTypeName('Timestamp(Nanosecond, Some("UTC"))')).toBeNull();
    expect(arrowTypeName('Timestamp(ms)')).toBeNull();
    // Decimal256 precisions follow numeric's typmods (up to 1000, stored as 38 digits); run-end encoding keeps the values' type
    expect(arrowTypeName('Decimal256(50,2)')).toEqual({ names: ['numeric'], typmods: [50, 2] });
    expect(arrowTypeName('Decimal256(77,2)')).toBeNull();
    expect(arrowTypeName('RunEndEncoded("run_ends": non-null Int32, "values": Utf8)')).toEqual({ names: ['text'], typmods: [] });
    expect(arrowTypeName('FixedSizeBinary(3)')).toEqual({ names: ['bytea'], typmods: [] });
    expect(arrowTypeName('Duration(Second)')).toBeNull();
  });

  it('parses arrow_cast(e, constant) as a cast and leaves unknown types as a call', () => {
    const target = (sql: string) => {
      const s = parseSql(sql)[0]!.statement;
      return s.kind === 'query' && s.query.kind === 'select' && s.query.targets[0]!.kind === 'expr' ? s.query.targets[0]!.expr : null;
    };
    expect(target("SELECT arrow_cast(1, 'Int64')")).toMatchObject({ kind: 'typecast', type: { names: ['bigint'] } });
    expect(target("SELECT arrow_cast(1, 'Time64(Nanosecond)')")).toMatchObject({ kind: 'func', name: 'arrow_cast' });
  });
});
