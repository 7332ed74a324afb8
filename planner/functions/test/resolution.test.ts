import { describe, expect, it } from 'vitest';
import { type DataType, T, decimal, daysFromCivil } from '../../../core/index.ts';
import { type Expr, col, lit } from '../../expr.ts';
import {
  castExpr, commonSupertype, isAggregateName, parseTypeName, resolveAggregate, resolveFunction, resolveOperator,
} from '../index.ts';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return (e as { sqlState?: string }).sqlState; }
  return undefined;
}

const c = (type: DataType, name = 'x'): Expr => col(1, name, type);
const text = (s: string): Expr => lit(s, T.text);

describe('parseTypeName', () => {
  it('maps PostgreSQL spellings', () => {
    expect(parseTypeName(['pg_catalog', 'int4'], [])).toEqual(T.int32);
    expect(parseTypeName(['int8'], [])).toEqual(T.int64);
    expect(parseTypeName(['pg_catalog', 'int2'], [])).toEqual(T.int16);
    expect(parseTypeName(['pg_catalog', 'float8'], [])).toEqual(T.float64);
    expect(parseTypeName(['pg_catalog', 'float4'], [])).toEqual(T.float32);
    expect(parseTypeName(['pg_catalog', 'numeric'], [15, 2])).toEqual(decimal(15, 2));
    expect(parseTypeName(['pg_catalog', 'varchar'], [25])).toEqual(T.text);
    expect(parseTypeName(['pg_catalog', 'bpchar'], [1])).toEqual(T.text);
    expect(parseTypeName(['pg_catalog', 'timestamptz'], [])).toEqual(T.timestamptz);
    expect(parseTypeName(['date'], [])).toEqual(T.date);
    expect(parseTypeName(['pg_catalog', 'bool'], [])).toEqual(T.boolean);
    expect(parseTypeName(['pg_catalog', 'interval'], [])).toEqual(T.interval);
  });
  it('rejects unknown types and bad typmods', () => {
    expect(code(() => parseTypeName(['geometry'], []))).toBe('42704');
    expect(code(() => parseTypeName(['numeric'], [1001, 2]))).toBe('22023');
    expect(code(() => parseTypeName(['numeric'], [5, 6]))).toBe('22023');
    // precision 39..1000 is accepted (PostgreSQL) and stored as 38 digits; a negative scale (PostgreSQL 15) as an integer decimal
    expect(parseTypeName(['numeric'], [50, 6])).toEqual(decimal(38, 6));
    expect(parseTypeName(['numeric'], [9, -4])).toEqual(decimal(13, 0));
  });
});

describe('casts and supertypes', () => {
  it('folds literal casts at plan time', () => {
    expect(castExpr(text('1995-03-15'), T.date, true)).toEqual(lit(daysFromCivil(1995, 3, 15), T.date));
    expect(castExpr(lit(5, T.int32), decimal(10, 2), true)).toEqual(lit(500, decimal(10, 2)));
    expect(castExpr(lit(null, T.null), T.int32, false)).toEqual(lit(null, T.int32));
    expect(code(() => castExpr(text('1995-13-01'), T.date, true))).toBe('22008');
    expect(code(() => castExpr(c(T.date), T.int32, true))).toBe('42846');
  });
  it('unconstrained numeric keeps the input scale', () => {
    const numeric = parseTypeName(['numeric'], []);
    expect(castExpr(text('1.50'), numeric, true).type).toMatchObject({ kind: 'decimal', scale: 2 });
    expect(castExpr(c(T.int32), numeric, true).type).toEqual(decimal(10, 0));
    expect(castExpr(c(decimal(15, 2)), numeric, true).type).toEqual(decimal(15, 2));
  });
  it('commonSupertype widens numbers and datetimes', () => {
    expect(commonSupertype([T.int16, T.int32], 'CASE')).toEqual(T.int32);
    expect(commonSupertype([T.int32, decimal(15, 2)], 'CASE')).toEqual(decimal(15, 2));
    expect(commonSupertype([decimal(15, 2), decimal(10, 4)], 'CASE')).toEqual(decimal(17, 4));
    expect(commonSupertype([decimal(15, 2), T.float64], 'CASE')).toEqual(T.float64);
    expect(commonSupertype([T.null, T.date, T.timestamp], 'COALESCE')).toEqual(T.timestamp);
    expect(code(() => commonSupertype([T.text, T.int32], 'CASE'))).toBe('42804');
  });
});

describe('resolveOperator', () => {
  it('integer arithmetic keeps the wider integer type', () => {
    expect(resolveOperator('+', [c(T.int16), c(T.int16)]).type).toEqual(T.int16);
    expect(resolveOperator('*', [c(T.int32), c(T.int64)]).type).toEqual(T.int64);
    expect(resolveOperator('/', [c(T.int32), lit(2, T.int32)]).type).toEqual(T.int32);
  });
  it('decimal scale rules stay narrow for narrow inputs', () => {
    const m = decimal(15, 2);
    expect(resolveOperator('+', [c(m), c(decimal(10, 4))]).type).toEqual(decimal(18, 4));
    expect(resolveOperator('*', [c(m), c(m)]).type).toEqual(decimal(18, 4));
    expect(resolveOperator('-', [lit(1, T.int32), c(m)]).type).toEqual(decimal(16, 2));
    expect(resolveOperator('/', [c(m), c(m)]).type).toEqual(decimal(38, 16));
    expect(resolveOperator('*', [c(decimal(38, 2)), c(m)]).type).toEqual(decimal(38, 4));
    expect(resolveOperator('+', [c(m), lit(1.5, T.float64)]).type).toEqual(T.float64);
  });
  it('string constants adapt to the other operand', () => {
    const e = resolveOperator('<', [c(T.date), text('1995-01-01')]);
    expect(e).toMatchObject({ kind: 'call', fn: 'lt', args: [{ kind: 'column' }, { kind: 'literal', type: T.date }] });
    expect(resolveOperator('=', [c(T.int32), text('42')])).toMatchObject({ args: [{}, { kind: 'literal', value: 42 }] });
    expect(code(() => resolveOperator('=', [c(T.int32), text('abc')]))).toBe('22P02');
  });
  it('date and time arithmetic follows PostgreSQL', () => {
    expect(resolveOperator('+', [c(T.date), lit(1, T.int32)]).type).toEqual(T.date);
    expect(resolveOperator('+', [lit(1, T.int32), c(T.date)]).type).toEqual(T.date);
    expect(resolveOperator('-', [c(T.date), c(T.date)]).type).toEqual(T.int32);
    expect(resolveOperator('+', [c(T.date), lit({ months: 1, days: 0, micros: 0 }, T.interval)]).type).toEqual(T.timestamp);
    expect(resolveOperator('-', [c(T.timestamp), c(T.timestamp)]).type).toEqual(T.interval);
    expect(resolveOperator('+', [c(T.timestamptz), text('1 day')]).type).toEqual(T.timestamptz);
    expect(resolveOperator('*', [c(T.interval), lit(2, T.int32)]).type).toEqual(T.interval);
    expect(resolveOperator('<', [c(T.date), c(T.timestamp)])).toMatchObject({ args: [{ kind: 'cast', type: T.timestamp }, { kind: 'column' }] });
  });
  it('mismatches raise 42883', () => {
    expect(code(() => resolveOperator('+', [c(T.date), c(T.date)]))).toBe('42883');
    expect(code(() => resolveOperator('=', [c(T.text), c(T.int32)]))).toBe('42883');
    expect(code(() => resolveOperator('~~', [c(T.int32), text('1%')]))).toBe('42883');
    expect(code(() => resolveOperator('-', [c(T.text)]))).toBe('42883');
    expect(code(() => resolveOperator('&', [c(T.float64), c(T.float64)]))).toBe('42883'); // bitwise operators take integers only
  });
  it('LIKE, || and unary minus', () => {
    expect(resolveOperator('!~~*', [c(T.text), text('%x%')])).toMatchObject({ fn: 'not_ilike', type: T.boolean });
    expect(resolveOperator('||', [c(T.text), c(T.int32)])).toMatchObject({ fn: 'text_concat', args: [{}, { kind: 'cast', type: T.text }] });
    expect(resolveOperator('-', [lit(5, T.int32)])).toEqual(lit(-5, T.int32));
    expect(resolveOperator('-', [c(T.interval)])).toMatchObject({ fn: 'negate', type: T.interval });
  });
  it('unary + on a text column is the identity (SQLite corpus), unary - on text is still 42883', () => {
    const t = c(T.text);
    expect(resolveOperator('+', [t])).toBe(t);
    expect(code(() => resolveOperator('-', [t]))).toBe('42883');
    expect(code(() => resolveOperator('+', [c(T.date)]))).toBe('42883');
  });
});

describe('resolveFunction', () => {
  it('aliases and argument casts', () => {
    expect(resolveFunction('substr', [c(T.text), lit(1n, T.int64), lit(2, T.int32)])).toMatchObject({ fn: 'substring', type: T.text });
    expect(resolveFunction('POSITION', [c(T.text), text('a')])).toMatchObject({ fn: 'strpos', type: T.int32 });
    expect(resolveFunction('char_length', [c(T.text)])).toMatchObject({ fn: 'length' });
    expect(resolveFunction('round', [c(T.float64)]).type).toEqual(T.float64);
    expect(resolveFunction('round', [c(T.int32)]).type).toEqual(T.float64);
    expect(resolveFunction('floor', [c(decimal(15, 2))]).type).toEqual(decimal(14, 0));
    expect(resolveFunction('coalesce', [c(T.int32), lit(2.5, T.float64)]).type).toEqual(T.float64);
    expect(resolveFunction('extract', [text('year'), c(T.date)]).type).toEqual(decimal(18, 0));
    expect(resolveFunction('date_part', [text('year'), c(T.date)]).type).toEqual(T.float64);
    expect(resolveFunction('date_trunc', [text('month'), c(T.date)]).type).toEqual(T.timestamptz);
    expect(resolveFunction('current_date', []).type).toEqual(T.date);
    expect(resolveFunction('now', []).type).toEqual(T.timestamptz);
  });
  it('unknown functions and signatures raise 42883 with a hint', () => {
    let err: { sqlState?: string; message?: string; hint?: string } = {};
    try { resolveFunction('foo', [lit(1, T.int32)]); } catch (e) { err = e as typeof err; }
    expect(err.sqlState).toBe('42883');
    expect(err.message).toBe('function foo(integer) does not exist');
    try { resolveFunction('upper', [c(T.int32)]); } catch (e) { err = e as typeof err; }
    expect(err.message).toBe('function upper(integer) does not exist');
    expect(err.hint).toContain('upper(text)');
  });
});

describe('resolveAggregate', () => {
  it('result types as PostgreSQL', () => {
    expect(resolveAggregate('count_star', [], false)).toEqual({ fn: 'count_star', args: [], type: T.int64 });
    expect(resolveAggregate('sum', [c(T.int32)], false)!.type).toEqual(T.int64);
    expect(resolveAggregate('sum', [c(T.int64)], false)!.type).toEqual(decimal(38, 0));
    expect(resolveAggregate('sum', [c(decimal(15, 2))], false)!.type).toEqual(decimal(38, 2));
    expect(resolveAggregate('avg', [c(decimal(15, 2))], false)!.type).toEqual(decimal(38, 16));
    expect(resolveAggregate('avg', [c(T.int32)], false)!.type).toEqual(decimal(38, 16));
    expect(resolveAggregate('avg', [c(T.float32)], false)!.type).toEqual(T.float64);
    expect(resolveAggregate('min', [c(T.date)], false)!.type).toEqual(T.date);
    expect(resolveAggregate('count', [c(T.text)], true)!.type).toEqual(T.int64);
    expect(resolveAggregate('every', [c(T.boolean)], false)!.fn).toBe('bool_and');
    expect(resolveAggregate('upper', [c(T.text)], false)).toBeUndefined();
    expect(code(() => resolveAggregate('sum', [c(T.text)], false))).toBe('42883');
    expect(isAggregateName('SUM')).toBe(true);
  });
});

describe('unknown literals in COALESCE-like functions', () => {
  it('take the type of the typed arguments', () => {
    expect(resolveFunction('coalesce', [c(T.int32), text('0')])).toMatchObject({ type: T.int32, args: [{}, { kind: 'literal', value: 0 }] });
    expect(resolveFunction('coalesce', [text('a'), text('b')]).type).toEqual(T.text);
    expect(resolveFunction('greatest', [c(T.date), text('2020-01-01')]).type).toEqual(T.date);
    expect(code(() => resolveFunction('coalesce', [c(T.int32), text('x')]))).toBe('22P02');
  });
});

describe('error messages name types as PostgreSQL', () => {
  it('numeric without typmod, string constants as unknown', () => {
    const msg = (f: () => unknown): string => { try { f(); } catch (e) { return (e as Error).message; } return ''; };
    expect(msg(() => resolveOperator('+', [c(decimal(15, 2)), lit(true, T.boolean)]))).toBe('operator does not exist: numeric + boolean');
    expect(msg(() => resolveFunction('nosuch', [text('a'), c(T.int64)]))).toBe('function nosuch(unknown, bigint) does not exist');
    expect(msg(() => commonSupertype([T.int32, T.text], 'CASE'))).toBe('CASE types integer and text cannot be matched');
  });
});

describe('math operators', () => {
  it('^, |/, ||/, @', () => {
    expect(resolveOperator('^', [lit(2, T.int32), lit(3, T.int32)])).toMatchObject({ fn: 'power', type: T.float64 });
    expect(resolveOperator('|/', [lit(4, T.int32)])).toMatchObject({ fn: 'sqrt', type: T.float64 });
    expect(resolveOperator('||/', [lit(8, T.int32)])).toMatchObject({ fn: 'cbrt' });
    expect(resolveOperator('@', [c(decimal(15, 2))])).toMatchObject({ fn: 'abs', type: decimal(15, 2) });
    expect(code(() => resolveOperator('^', [c(T.text), lit(1, T.int32)]))).toBe('42883');
  });
});
