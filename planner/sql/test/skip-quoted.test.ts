/** The text rewrites before libpg-query leave strings, quoted identifiers and comments as written. */
import { describe, expect, it } from 'vitest';
import { skipQuotedOrComment } from '../skip-quoted.ts';
import { bracketArraysToArray } from '../bracket-arrays.ts';
import { quoteSparkTypeNames } from '../spark-type-names.ts';

describe('skipQuotedOrComment', () => {
  it('skips a string with doubled quotes, a quoted identifier, a line comment and a block comment', () => {
    expect(skipQuotedOrComment("'it''s' x", 0)).toBe(7);
    expect(skipQuotedOrComment('"a""b" x', 0)).toBe(6);
    expect(skipQuotedOrComment('-- c\nx', 0)).toBe(4);
    expect(skipQuotedOrComment('/* c */x', 0)).toBe(7);
    expect(skipQuotedOrComment('x', 0)).toBe(0);
    expect(skipQuotedOrComment("'open", 0)).toBe(5);
  });

  it('keeps the rewrites out of block comments', () => {
    expect(bracketArraysToArray('SELECT /* [1] */ [1]')).toBe('SELECT /* [1] */ ARRAY[1]');
    expect(quoteSparkTypeNames('SELECT CAST(x AS /* array<int> */ int)')).toBe('SELECT CAST(x AS /* array<int> */ int)');
  });
});
