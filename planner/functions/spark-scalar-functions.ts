/**
 * Scalar functions Spark/Databricks (and DataFusion) users expect beyond PostgreSQL's
 * built-ins, plus PostgreSQL's numeric forms of gcd/lcm:
 *
 *   log2(x)                         base-2 logarithm (errors like log10 on 0 and negatives)
 *   gcd(numeric, numeric), lcm(…)   PostgreSQL 13+: over the common scale of both arguments
 *   substring_index(s, delim, n)    Spark (DataFusion: substr_index): text before the n-th
 *                                   delimiter (n > 0) or after the n-th from the end (n < 0)
 *   find_in_set(s, list)            Spark/MySQL: 1-based position of s in a comma list, 0 if absent
 *   ends_with(s, suffix)            Spark's endswith, DataFusion's ends_with
 *   levenshtein(a, b)               Spark, PostgreSQL's fuzzystrmatch: edit distance in characters
 *   similar_to_escape(p [, esc])    PostgreSQL: a SIMILAR TO pattern as an anchored regular expression
 *                                   (the parser reads `x SIMILAR TO p` as `x ~ similar_to_escape(p)`)
 *
 * Kernels: worker/kernels/scalar-values-spark.ts (same names).
 */
import { T, isInteger } from '../../core/index.ts';
import { type Expr, call } from '../expr.ts';
import { castExpr, isUnknownLiteral, unifyDecimals } from './casts.ts';

/** Casts unknown literals to text; undefined unless every argument is then text. */
function texts(args: readonly Expr[]): Expr[] | undefined {
  const out = args.map((a) => (isUnknownLiteral(a) ? castExpr(a, T.text, false) : a));
  return out.every((a) => a.type.kind === 'text') ? out : undefined;
}

function integerArg(e: Expr): Expr | undefined {
  if (isUnknownLiteral(e)) return castExpr(e, T.int32, false);
  return isInteger(e.type) ? castExpr(e, T.int32, false) : undefined;
}

/** gcd/lcm with a decimal argument: both at the smallest decimal holding each (PostgreSQL's numeric forms). */
function numericGcd(fn: string, args: readonly Expr[]): Expr | undefined {
  if (args.length !== 2) return undefined;
  const [a, b] = args.map((x) => (isUnknownLiteral(x) ? castExpr(x, T.float64, false) : x)) as [Expr, Expr];
  if (a.type.kind !== 'decimal' && b.type.kind !== 'decimal') return undefined;
  if (!(a.type.kind === 'decimal' || isInteger(a.type)) || !(b.type.kind === 'decimal' || isInteger(b.type))) return undefined;
  const t = unifyDecimals(a.type, b.type);
  return call(`${fn}_numeric`, [castExpr(a, t, false), castExpr(b, t, false)], t);
}

/** Resolves one of this file's functions; undefined when the name or argument types do not match. */
export function resolveSparkScalarFunction(name: string, args: readonly Expr[]): Expr | undefined {
  switch (name) {
    case 'log2': {
      if (args.length !== 1) return undefined;
      const a = isUnknownLiteral(args[0]!) ? castExpr(args[0]!, T.float64, false) : args[0]!;
      return a.type.kind === 'decimal' || a.type.kind === 'float32' || a.type.kind === 'float64' || isInteger(a.type)
        ? call('log2', [castExpr(a, T.float64, false)], T.float64) : undefined;
    }
    case 'gcd': case 'lcm': return numericGcd(name, args);
    case 'substr_index': case 'substring_index': {
      if (args.length !== 3) return undefined;
      const s = texts(args.slice(0, 2)), n = integerArg(args[2]!);
      return s && n && call('substring_index', [...s, n], T.text);
    }
    case 'find_in_set': {
      const s = args.length === 2 ? texts(args) : undefined;
      return s && call('find_in_set', s, T.int32);
    }
    case 'ends_with': case 'endswith': {
      const s = args.length === 2 ? texts(args) : undefined;
      return s && call('ends_with', s, T.boolean);
    }
    case 'levenshtein': {
      const s = args.length === 2 ? texts(args) : undefined;
      return s && call('levenshtein', s, T.int32);
    }
    case 'similar_to_escape': {
      const s = args.length === 1 || args.length === 2 ? texts(args) : undefined;
      return s && call('similar_to_escape', s, T.text);
    }
    default: return undefined;
  }
}
