import { beforeAll, describe, expect, it } from 'vitest';
import { rewriteDataFusionTimeSyntax } from '../datafusion-time-syntax.ts';
import { initParser, parseSql } from '../index.ts';

describe('DataFusion date/time syntax', () => {
  beforeAll(() => initParser());

  it('drops the empty parentheses of current_date() and friends, keeping the length', () => {
    const sql = "select current_date() = today(), CURRENT_TIME ( ), 'current_date()', \"current_time()\"";
    const out = rewriteDataFusionTimeSyntax(sql);
    expect(out).toBe("select current_date   = today(), CURRENT_TIME    , 'current_date()', \"current_time()\"");
    expect(out.length).toBe(sql.length);
  });

  it("reads SET TIME ZONE = 'zone' as SET TIME ZONE 'zone'", () => {
    expect(rewriteDataFusionTimeSyntax("SET TIME ZONE = '+08'")).toBe("SET TIME ZONE   '+08'");
    expect(parseSql("SET TIME ZONE = '+08'")[0]!.statement).toEqual({ kind: 'set', name: 'timezone', value: '+08' });
    expect(parseSql('select current_date()')[0]!.statement.kind).toBe('query');
  });
});
