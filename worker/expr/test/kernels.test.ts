import { describe, expect, it } from 'vitest';
import { civilFromDays } from '../../../core/index.ts';
import { dayOfDays, monthOfDays, yearOfDays } from '../../kernels/datetime.ts';
import { compileLike } from '../../kernels/like.ts';
import { isAscii } from '../../kernels/vector.ts';

describe('calendar field kernels', () => {
  it('agree with civilFromDays inside and outside the lookup table', () => {
    for (let d = -30000; d < 50000; d += 7) {
      const c = civilFromDays(d);
      expect([yearOfDays(d), monthOfDays(d), dayOfDays(d)]).toEqual([c.year, c.month, c.day]);
    }
    for (const d of [-25568, -25567, 47481, 47482, -800000, 2_000_000]) {
      const c = civilFromDays(d);
      expect([yearOfDays(d), monthOfDays(d), dayOfDays(d)]).toEqual([c.year, c.month, c.day]);
    }
  });
});

describe('LIKE matcher against a regular expression oracle', () => {
  const enc = new TextEncoder();
  const toRegex = (p: string): RegExp => new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'su');
  it('matches like a regex for many patterns and strings', () => {
    const alphabet = ['a', 'b', 'é', '%', '_'];
    const strings = ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab', 'é', 'aé', 'éb', 'abéab', 'bbbb'];
    const patterns: string[] = [];
    const gen = (prefix: string, depth: number): void => {
      patterns.push(prefix);
      if (depth === 0) return;
      for (const c of alphabet) gen(prefix + c, depth - 1);
    };
    gen('', 3);
    for (const p of patterns) {
      const m = compileLike(p);
      const re = toRegex(p);
      for (const s of strings) {
        const b = enc.encode(s);
        expect([p, s, m(b, 0, b.length)]).toEqual([p, s, re.test(s)]);
      }
    }
  });
});

describe('isAscii', () => {
  it('checks words and tails, aligned or not', () => {
    const b = new TextEncoder().encode('abcdefghé');
    expect(isAscii(b)).toBe(false);
    expect(isAscii(b.subarray(0, 8))).toBe(true);
    expect(isAscii(b.subarray(1, 8))).toBe(true);
    expect(isAscii(b.subarray(1, 9))).toBe(false);
    expect(isAscii(b.subarray(3))).toBe(false);
  });
});
