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

describe('LIKE with native needle search', () => {
  it('agrees with per-row matching across row boundaries and selections', async () => {
    const { selectLike } = await import('../../kernels/like.ts');
    const enc = new TextEncoder();
    const rows = ['xxab', 'cyy', 'abc', 'zzabczz', '', 'ab', 'cab', 'bca'];
    const parts = rows.map((r) => enc.encode(r));
    const offsets = new Int32Array(rows.length + 1);
    parts.forEach((p, i) => { offsets[i + 1] = offsets[i]! + p.length; });
    const bytes = new Uint8Array(offsets[rows.length]!);
    parts.forEach((p, i) => bytes.set(p, offsets[i]!));
    for (const pattern of ['%abc%', '%ab%c%', '%b%', '%ca%']) {
      const m = compileLike(pattern);
      for (const sel of [[0, 1, 2, 3, 4, 5, 6, 7], [1, 3, 6], [0, 7]]) {
        const s = Int32Array.from(sel);
        const expected = sel.filter((i) => m(bytes, offsets[i]!, offsets[i + 1]!));
        expect([pattern, sel, Array.from(selectLike(m, offsets, bytes, s, false))]).toEqual([pattern, sel, expected]);
        expect(Array.from(selectLike(m, offsets, bytes, s, true))).toEqual(sel.filter((i) => !expected.includes(i)));
      }
    }
  });
});

describe('int64 comparisons on word pairs', () => {
  it('agree with BigInt comparison across signs and the 2^32 boundary', async () => {
    const { selectCompareInt64Scalar, selectCompareInt64 } = await import('../../kernels/compare.ts');
    const vals = [0n, 1n, -1n, 2n ** 32n - 1n, 2n ** 32n, -(2n ** 32n), 2n ** 62n, -(2n ** 63n), 2n ** 63n - 1n, 4294967295n * 3n];
    const a = BigInt64Array.from(vals);
    const sel = Int32Array.from(vals.map((_, i) => i));
    const ops = { eq: (x: bigint, y: bigint) => x === y, ne: (x: bigint, y: bigint) => x !== y, lt: (x: bigint, y: bigint) => x < y, le: (x: bigint, y: bigint) => x <= y, gt: (x: bigint, y: bigint) => x > y, ge: (x: bigint, y: bigint) => x >= y } as const;
    for (const [op, f] of Object.entries(ops) as [keyof typeof ops, (x: bigint, y: bigint) => boolean][]) {
      for (const c of vals) {
        expect([op, c, Array.from(selectCompareInt64Scalar(op, a, c, sel))]).toEqual([op, c, vals.flatMap((v, i) => (f(v, c) ? [i] : []))]);
      }
      const b = BigInt64Array.from([...vals].reverse());
      expect(Array.from(selectCompareInt64(op, a, b, sel))).toEqual(vals.flatMap((v, i) => (f(v, b[i]!) ? [i] : [])));
    }
  });
});
