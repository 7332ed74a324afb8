/**
 * SQL text → Loch AST statements. Lakehouse statements go to our own parser;
 * everything else to libpg-query (PostgreSQL's grammar compiled to WebAssembly).
 * Syntax errors become 42601 with the 1-based position in the original text.
 */
import { loadModule, parseSync } from 'libpg-query';
import { LochError, SqlState } from '../../core/index.ts';
import type { Statement } from './ast.ts';
import { adaptStatement } from './pg-ast-adapter.ts';
import { parseLakehouseStatement } from './lakehouse-parser.ts';
import { parseCopyTo } from './copy-to.ts';
import { rewriteSemiAntiJoins } from './semi-anti-join.ts';
import { checkSemiAntiJoinsMatched, setSemiAntiJoins, setStarExcludes } from './pg-ast-adapter.ts';
import { rewriteStarExclude } from './star-exclude.ts';
import { splitStatements } from './split-statements.ts';
import { structLiteralsToNamedStruct } from './struct-literals.ts';
import { rewriteTimeTravel } from './time-travel-rewrite.ts';
import { rewriteNullTreatment } from './null-treatment.ts';
import { rewriteTryCast } from './try-cast.ts';
import { rewriteFromFirst } from './from-first.ts';
import { parenthesizeFromValues } from './from-values.ts';
import { dropTrailingSelectComma } from './trailing-comma.ts';
import { dropCommaBeforeParen } from './trailing-paren-comma.ts';
import { numberQuestionPlaceholders } from './question-placeholders.ts';
import { rewriteGroupByAll } from './group-by-all.ts';
import { structAliasesToNamedStruct } from './struct-aliases.ts';
import { quoteIntervalNumbers } from './interval-number.ts';
import { rewriteQualify } from './qualify.ts';
import { setIgnoreNullsOffsets, setTryCastOffsets } from './pg-ast-adapter.ts';
import { rewriteUnsignedTypes } from './unsigned-types.ts';
import { backticksToDoubleQuotes } from './backtick-identifiers.ts';
import { quoteSparkTypeNames } from './spark-type-names.ts';
import { bracketArraysToArray } from './bracket-arrays.ts';
import { rewriteDataFusionTimeSyntax } from './datafusion-time-syntax.ts';

let loaded: Promise<void> | null = null;

/** Loads the WebAssembly parser once; call before `parseSql`. */
export function initParser(): Promise<void> {
  loaded ??= loadModule().then(() => undefined);
  return loaded;
}

export interface ParsedStatement {
  readonly statement: Statement;
  /** The statement's own text and its offset within the whole input. */
  readonly text: string;
  readonly offset: number;
}

/** Parses every statement of `sql` (requires `initParser()` to have resolved). */
export function parseSql(sql: string): ParsedStatement[] {
  return splitStatements(sql).map(({ text, offset }) => ({ statement: parseOne(text, offset), text, offset }));
}

function parseOne(original: string, offset: number): Statement {
  // same length: positions stay exact (but for quoted Spark nested type names, 2 characters each, [..] → ARRAY[..] and PREPARE's ? → $n)
  const text = bracketArraysToArray(structLiteralsToNamedStruct(quoteSparkTypeNames(rewriteUnsignedTypes(rewriteDataFusionTimeSyntax(numberQuestionPlaceholders(dropCommaBeforeParen(backticksToDoubleQuotes(original))))))));
  const shifted = (e: unknown): never => {
    if (e instanceof LochError && e.position !== undefined) {
      throw new LochError(e.sqlState, e.message, { position: e.position + offset, hint: e.hint, detail: e.detail });
    }
    throw e;
  };
  let lake: ReturnType<typeof parseLakehouseStatement> = null;
  try {
    lake = parseCopyTo(text) ?? parseLakehouseStatement(text);
  } catch (e) {
    shifted(e);
  }
  if (lake) {
    if (typeof lake.statement !== 'function') return lake.statement;
    const inner = parseOne(lake.queryText!, offset + lake.queryOffset);
    if (inner.kind !== 'query') throw new LochError(SqlState.syntaxError, 'expected a query', { position: offset + lake.queryOffset + 1 });
    const statement = lake.statement(inner.query) as Statement & { replaceWhereText?: string };
    if (statement.kind === 'insert' && statement.replaceWhereText !== undefined) {
      // The REPLACE WHERE predicate is any SQL expression: parse it as the WHERE of a query.
      const probe = parseOne(`SELECT 1 WHERE ${statement.replaceWhereText}`, 0);
      const where = probe.kind === 'query' && probe.query.kind === 'select' ? probe.query.where : null;
      const { replaceWhereText: _text, ...rest } = statement;
      return { ...rest, ...(where ? { replaceWhere: where } : {}) };
    }
    return statement;
  }
  let tree: { stmts?: { stmt: Record<string, unknown> }[] };
  try {
    const tryCast = rewriteTryCast(quoteIntervalNumbers(rewriteFromFirst(rewriteQualify(rewriteTimeTravel(parenthesizeFromValues(dropTrailingSelectComma(structAliasesToNamedStruct(text))))))));
    const treated = rewriteNullTreatment(rewriteGroupByAll(tryCast.text).text);
    setIgnoreNullsOffsets(treated.ignoreNulls, treated.ignoreNullsCalls, treated.respectNullsCalls);
    setTryCastOffsets(tryCast.tryCasts);
    const starExclude = rewriteStarExclude(treated.text);
    setStarExcludes(starExclude.excludes);
    const semiAnti = rewriteSemiAntiJoins(starExclude.text);
    setSemiAntiJoins(semiAnti.joins, semiAnti.text);
    tree = parseSync(semiAnti.text) as typeof tree;
  } catch (e) {
    const details = (e as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (e instanceof Error ? e.message : String(e));
    const position = details?.cursorPosition !== undefined ? details.cursorPosition + 1 + offset : undefined;
    throw new LochError(SqlState.syntaxError, message, position !== undefined ? { position } : {});
  }
  const stmts = tree.stmts ?? [];
  if (stmts.length !== 1) throw new LochError(SqlState.syntaxError, 'expected exactly one statement');
  try {
    const statement = adaptStatement(stmts[0]!.stmt, text);
    checkSemiAntiJoinsMatched();
    return statement;
  } catch (e) {
    return shifted(e);
  }
}
