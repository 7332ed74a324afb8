import { describe, expect, it } from 'vitest';
import { parenthesizeFromValues } from '../from-values.ts';
import { dropTrailingSelectComma } from '../trailing-comma.ts';
import { isGroupByAllAt, isOrderByAllAt, rewriteGroupByAll } from '../group-by-all.ts';
import { structAliasesToNamedStruct } from '../struct-aliases.ts';

describe('FROM VALUES without parentheses (from-values.ts)', () => {
  it('wraps the rows in parentheses, keeping positions but for the end', () => {
    expect(parenthesizeFromValues('select * from values (1, 3), (2, 2) t(a, b)')).toBe('select * from(values (1, 3), (2, 2))t(a, b)');
    expect(parenthesizeFromValues("select * from values (1, ')') join values(2) as u(b) on true")).toBe("select * from(values (1, ')'))join(values(2))as u(b) on true");
    expect(parenthesizeFromValues('select * from values (1)')).toBe('select * from(values (1))');
  });

  it('leaves INSERT … VALUES, parenthesized VALUES and quoted text alone', () => {
    for (const same of ['insert into t values (1)', 'select * from (values (1)) t(a)', "select 'from values (1)'"]) expect(parenthesizeFromValues(same)).toBe(same);
  });
});

describe('trailing comma before FROM (trailing-comma.ts)', () => {
  it('blanks the comma, keeping positions; quoted text and other commas stay', () => {
    expect(dropTrailingSelectComma('SELECT a, b,\nFROM t')).toBe('SELECT a, b \nFROM t');
    expect(dropTrailingSelectComma("SELECT 'x, from', extract(year from d), FROM t")).toBe("SELECT 'x, from', extract(year from d)  FROM t");
    expect(dropTrailingSelectComma('SELECT a, b FROM t')).toBe('SELECT a, b FROM t');
  });
});

describe('GROUP BY ALL (group-by-all.ts)', () => {
  it('becomes the empty grouping set at a remembered offset; GROUP BY all_col and quoted text stay', () => {
    const r = rewriteGroupByAll('SELECT a, sum(b) FROM t GROUP BY ALL ORDER BY a');
    expect(r.text).toBe('SELECT a, sum(b) FROM t GROUP BY ()  ORDER BY a');
    expect(r.offsets).toEqual([33]);
    expect(isGroupByAllAt(33)).toBe(true);
    expect(rewriteGroupByAll('SELECT 1 FROM t GROUP BY all_col').text).toBe('SELECT 1 FROM t GROUP BY all_col');
    expect(rewriteGroupByAll("SELECT 'group by all'").offsets).toEqual([]);
    expect(isGroupByAllAt(33)).toBe(false);
  });
});

describe('STRUCT(x AS name) (struct-aliases.ts)', () => {
  it('becomes named_struct; unaliased fields are colN; calls without aliases and casts inside stay', () => {
    expect(structAliasesToNamedStruct("SELECT STRUCT(c1 AS 'a', c2 AS b) AS c FROM t")).toBe("SELECT named_struct('a', c1, 'b', c2) AS c FROM t");
    expect(structAliasesToNamedStruct('select struct(cast(x as int) as "X", 3), struct(1, 2)')).toBe("select named_struct('X', cast(x as int), 'col2', 3), struct(1, 2)");
    expect(structAliasesToNamedStruct('select struct(struct(1 as x) as s)')).toBe("select named_struct('s', named_struct('x', 1))");
    for (const same of ['select struct(cast(y as int))', "select 'struct(a as b)'"]) expect(structAliasesToNamedStruct(same)).toBe(same);
  });
});

describe('ORDER BY ALL (group-by-all.ts)', () => {
  it('becomes position 0 at a remembered offset; ORDER BY all_col stays', () => {
    const r = rewriteGroupByAll('SELECT * FROM t ORDER BY ALL DESC');
    expect(r.text).toBe('SELECT * FROM t ORDER BY 0   DESC');
    expect(isOrderByAllAt(25)).toBe(true);
    expect(rewriteGroupByAll('SELECT * FROM t ORDER BY all_col').text).toBe('SELECT * FROM t ORDER BY all_col');
    expect(isOrderByAllAt(25)).toBe(false);
  });
});
