import { describe, expect, it } from 'vitest';
import { structLiteralsToNamedStruct } from '../struct-literals.ts';
import { bracketArraysToArray } from '../bracket-arrays.ts';

describe('struct literals {…} (DuckDB, DataFusion)', () => {
  it('become named_struct with quoted, bare and double-quoted keys', () => {
    expect(structLiteralsToNamedStruct("select {'a': 1, b: 'x', \"C d\": 2}")).toBe("select named_struct('a', 1, 'b', 'x', 'C d', 2)");
  });

  it('nest, and leave casts, nested colons, strings and comments alone', () => {
    expect(structLiteralsToNamedStruct("select {'a': {'b': x::int}, 'c': f(1, 2)} -- {not: this}\n, '{x: 1}'"))
      .toBe("select named_struct('a', named_struct('b', x::int), 'c', f(1, 2)) -- {not: this}\n, '{x: 1}'");
    expect(structLiteralsToNamedStruct("select {'a': [1, 2], 'b': arr[1:2]} /* { */")).toBe("select named_struct('a', [1, 2], 'b', arr[1:2]) /* { */");
  });

  it('keeps text without braces as it is', () => {
    const sql = "select a[1], 'x' from t";
    expect(structLiteralsToNamedStruct(sql)).toBe(sql);
  });
});

describe('bracket arrays after a comment', () => {
  it('a [ on the line after a -- comment still starts a literal (the comment is not the previous token)', () => {
    expect(bracketArraysToArray("values (\n 100, -- column1 int (so it isn't folded)\n [1, 2]\n)"))
      .toBe("values (\n 100, -- column1 int (so it isn't folded)\n ARRAY[1, 2]\n)");
  });
});
