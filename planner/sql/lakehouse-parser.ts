/**
 * A small parser for the lakehouse statements PostgreSQL's grammar lacks.
 * `parseLakehouseStatement` returns null when the text is not one of them, so
 * the caller falls back to libpg-query. Supported now:
 *
 *   CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] name [(col type [NOT NULL], …)]
 *     [USING delta|parquet|csv|json | STORED AS CSV|PARQUET|JSON] [WITH HEADER ROW] [WITH ORDER (…)]
 *     [PARTITIONED BY (col, …)] [OPTIONS (key 'value', …)]
 *     [TBLPROPERTIES ('delta.x' = 'v', …)] [LOCATION 'path-or-glob'] [AS query]
 *   CREATE [OR REPLACE] TABLE name (col [type], …) AS query   (DataFusion; PostgreSQL without types)
 *   INSERT OVERWRITE [TABLE] name [(col, …)] query
 *   OPTIMIZE name [ZORDER BY (col, …)] · VACUUM name [RETAIN n HOURS] [DRY RUN]
 *   RESTORE [TABLE] name [TO] VERSION AS OF n | TIMESTAMP AS OF 'ts'
 *   SHOW TABLES
 *   DESCRIBE [TABLE] name
 *   DESCRIBE HISTORY name [LIMIT n] · DESCRIBE DETAIL name
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { Query, Statement, TypeName } from './ast.ts';
import { applyCtasColumns, type CtasColumn } from './ctas-columns.ts';
import { normalizeDataFusionOptions } from './datafusion-options.ts';

/** One token of a lakehouse statement. */
export type Token = { readonly kind: 'word' | 'string' | 'number' | 'punct' | 'op'; readonly text: string; readonly offset: number };

/** Splits lakehouse statement text into words (lower-cased unless quoted), strings, numbers and punctuation. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|'((?:[^']|'')*)'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z_0-9$]*)|(\d+(?:\.\d+)?)|([(),.;=])|([-+*/%<>!|&:^~]+)/gy;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < sql.length) {
    const at = re.lastIndex;
    m = re.exec(sql);
    if (!m) throw new LochError(SqlState.syntaxError, `syntax error at or near "${sql.slice(at, at + 10)}"`, { position: at + 1 });
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/''/g, "'"), offset: at });
    else if (m[2] !== undefined) tokens.push({ kind: 'word', text: m[2].replace(/""/g, '"'), offset: at });
    else if (m[3] !== undefined) tokens.push({ kind: 'word', text: m[3].toLowerCase(), offset: at });
    else if (m[4] !== undefined) tokens.push({ kind: 'number', text: m[4], offset: at });
    else if (m[5] !== undefined) tokens.push({ kind: 'punct', text: m[5], offset: at });
    else if (m[6] !== undefined) tokens.push({ kind: 'op', text: m[6], offset: at });
  }
  return tokens;
}

/** A position in a token list, with accept/expect helpers that raise PostgreSQL-style syntax errors. */
export class Cursor {
  private i = 0;
  private readonly tokens: Token[];
  private readonly sql: string;
  constructor(tokens: Token[], sql: string) {
    this.tokens = tokens;
    this.sql = sql;
  }
  peek(k = 0): Token | undefined { return this.tokens[this.i + k]; }
  isWord(...words: string[]): boolean {
    return words.every((w, k) => { const t = this.peek(k); return t?.kind === 'word' && t.text === w; });
  }
  acceptWord(...words: string[]): boolean {
    if (!this.isWord(...words)) return false;
    this.i += words.length;
    return true;
  }
  acceptPunct(p: string): boolean {
    const t = this.peek();
    if (t?.kind === 'punct' && t.text === p) { this.i++; return true; }
    return false;
  }
  error(): LochError {
    const t = this.peek();
    return t
      ? new LochError(SqlState.syntaxError, `syntax error at or near "${t.text}"`, { position: t.offset + 1 })
      : new LochError(SqlState.syntaxError, 'syntax error at end of input', { position: this.sql.length + 1 });
  }
  expectWord(w: string): void { if (!this.acceptWord(w)) throw this.error(); }
  expectPunct(p: string): void { if (!this.acceptPunct(p)) throw this.error(); }
  next(kind: Token['kind']): Token {
    const t = this.peek();
    if (!t || t.kind !== kind) throw this.error();
    this.i++;
    return t;
  }
  atEnd(): boolean { return this.i >= this.tokens.length || (this.peek()?.text === ';' && this.i === this.tokens.length - 1); }
}

/**
 * A lakehouse statement, possibly ending in a query (`… AS SELECT …`,
 * `INSERT OVERWRITE t SELECT …`) that the caller parses with libpg-query:
 * `queryText` starts at `queryOffset` within the statement text.
 */
export interface LakehouseParse {
  readonly statement: Statement | ((query: Query) => Statement);
  readonly queryText: string | null;
  readonly queryOffset: number;
}

/** Where a trailing query starts: a top-level `AS (SELECT|WITH|VALUES|()` for CREATE, or the query after INSERT OVERWRITE t. */
function splitTrailingQuery(sql: string, insert: boolean): number {
  const masked = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
  let depth = 0;
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth !== 0 || !/[A-Za-z(]/.test(ch) || (i > 0 && /[\w$]/.test(masked[i - 1]!))) continue;
    const rest = masked.slice(i);
    if (!insert) {
      const m = /^as\s+(?=select\b|with\b|values\b|\()/i.exec(rest);
      if (m) return i + m[0].length;
    } else if (/^(select|with|values)\b/i.test(rest) || (ch === '(' && /^\(\s*select\b/i.test(rest))) {
      return i;
    }
  }
  return -1;
}

/** Parses `sql` if it is a lakehouse statement; otherwise returns null. */
export function parseLakehouseStatement(sql: string): LakehouseParse | null {
  if (/^\s*insert\s+overwrite\b/i.test(sql)) return parseInsertOverwrite(sql);
  if (/^\s*insert\s+into\s+[\w."]+\s+replace\s+where\b/i.test(sql)) return parseInsertReplaceWhere(sql);
  if (/^\s*(optimize|vacuum|restore)\b/i.test(sql)) return { statement: parseMaintenance(sql), queryText: null, queryOffset: 0 };
  if (/^\s*(cache|uncache|clear\s+cache)\b/i.test(sql)) return { statement: parseCacheStatement(sql), queryText: null, queryOffset: 0 };
  if (!/^\s*(create|show|describe|desc)\b/i.test(sql)) return null;
  let head = sql;
  let queryOffset = -1;
  if (/^\s*create\b/i.test(sql)) {
    queryOffset = splitTrailingQuery(sql, false);
    if (queryOffset >= 0) head = sql.slice(0, queryOffset).replace(/as\s*$/i, '');
  }
  let tokens: Token[];
  try {
    tokens = tokenize(head);
  } catch {
    return null; // not ours: let libpg-query report the syntax error
  }
  const c = new Cursor(tokens, head);
  const plain = (statement: Statement): LakehouseParse => ({ statement, queryText: null, queryOffset: 0 });
  if (c.acceptWord('show', 'tables')) return plain(end(c, { kind: 'show_tables' }));
  if (c.acceptWord('describe') || c.acceptWord('desc')) {
    if (c.acceptWord('history')) {
      const name = qualifiedName(c);
      const limit = c.acceptWord('limit') ? Number(c.next('number').text) : null;
      return plain(end(c, { kind: 'describe_history', name, limit }));
    }
    if (c.acceptWord('detail')) return plain(end(c, { kind: 'describe_detail', name: qualifiedName(c) }));
    c.acceptWord('table');
    return plain(end(c, { kind: 'describe', name: qualifiedName(c) }));
  }
  const lakehouseWords = ['using', 'location', 'partitioned', 'tblproperties', 'options', 'stored'];
  // Also ours: CREATE OR REPLACE TABLE, and a column list before AS query (`CREATE TABLE t (a INT) AS VALUES …`).
  const ctasWithColumns = queryOffset >= 0 && /^\s*create\s+(?:or\s+replace\s+)?table\s+(?:if\s+not\s+exists\s+)?[\w."]+\s*\(/i.test(head);
  // Operators appear only in a DEFAULT of CTAS columns here; elsewhere the statement is libpg-query's (CHECK (a > 0) …).
  if (!ctasWithColumns && tokens.some((t) => t.kind === 'op')) return null;
  if (!tokens.some((t) => t.kind === 'word' && lakehouseWords.includes(t.text)) && !ctasWithColumns && !c.isWord('create', 'or', 'replace', 'table')) return null;
  if (!c.acceptWord('create')) return null;
  const orReplace = c.acceptWord('or', 'replace');
  c.acceptWord('unbounded'); // DataFusion's streaming sources: read here as ordinary file tables
  c.acceptWord('external');
  if (!c.acceptWord('table')) return null;
  const ifNotExists = c.acceptWord('if', 'not', 'exists');
  if (orReplace && ifNotExists) throw new LochError(SqlState.syntaxError, 'CREATE OR REPLACE TABLE cannot also say IF NOT EXISTS');
  const name = qualifiedName(c);
  const columnDefaults: Record<string, string> = {};
  const listed = c.acceptPunct('(') ? columnList(c, queryOffset >= 0, head, columnDefaults) : [];
  const columns = queryOffset >= 0 ? [] : listed.map((col) => ({ name: col.name, type: col.type!, notNull: col.notNull }));
  let format: string | null = null;
  let options: Record<string, string> = {};
  let properties: Record<string, string> = {};
  let partitionedBy: string[] = [];
  let location: string | null = null;
  while (!c.atEnd()) {
    if (c.acceptWord('using')) format = c.next('word').text;
    else if (c.acceptWord('stored', 'as')) format = c.next('word').text.toLowerCase();
    else if (c.acceptWord('with', 'header', 'row')) options = { ...options, header: 'true' };
    else if (c.acceptWord('with', 'order')) nameListWithDirections(c);
    else if (c.acceptWord('options')) options = { ...options, ...optionList(c) };
    else if (c.acceptWord('tblproperties')) properties = optionList(c, false);
    else if (c.acceptWord('partitioned', 'by')) partitionedBy = nameList(c);
    else if (c.acceptWord('location')) location = c.next('string').text;
    else if (c.acceptWord('comment')) c.next('string');
    else throw c.error();
  }
  options = normalizeDataFusionOptions(options);
  const base = {
    kind: 'create_table' as const, name, format, location, options, properties, partitionedBy, columns, checks: [], ifNotExists, orReplace,
    ...(Object.keys(columnDefaults).length > 0 ? { columnDefaults } : {}),
  };
  if (queryOffset < 0) return plain({ ...base, asQuery: null });
  return { statement: (query: Query) => ({ ...base, asQuery: applyCtasColumns(query, listed) }), queryText: sql.slice(queryOffset), queryOffset };
}

/** `CACHE [LAZY] TABLE t`, `UNCACHE TABLE [IF EXISTS] t`, `CLEAR CACHE` (Spark's cache statements). */
function parseCacheStatement(sql: string): Statement {
  const c = new Cursor(tokenize(sql), sql);
  if (c.acceptWord('clear', 'cache')) return end(c, { kind: 'clear_cache' });
  if (c.acceptWord('uncache')) {
    c.expectWord('table');
    const ifExists = c.acceptWord('if', 'exists');
    return end(c, { kind: 'uncache_table', name: qualifiedName(c), ifExists });
  }
  c.expectWord('cache');
  const lazy = c.acceptWord('lazy');
  c.expectWord('table');
  return end(c, { kind: 'cache_table', name: qualifiedName(c), lazy });
}

/**
 * `OPTIMIZE t [ZORDER BY (c, …)]`, `VACUUM t [RETAIN n HOURS] [DRY RUN]`,
 * `RESTORE [TABLE] t [TO] VERSION|TIMESTAMP AS OF v` (Delta Lake's SQL).
 */
function parseMaintenance(sql: string): Statement {
  const c = new Cursor(tokenize(sql), sql);
  if (c.acceptWord('optimize')) {
    const table = qualifiedName(c);
    let zOrderBy: string[] = [];
    if (c.acceptWord('zorder', 'by')) zOrderBy = c.peek()?.text === '(' ? nameList(c) : [c.next('word').text];
    return end(c, { kind: 'optimize', table, zOrderBy });
  }
  if (c.acceptWord('vacuum')) {
    const table = qualifiedName(c);
    let retainHours: number | null = null;
    if (c.acceptWord('retain')) {
      retainHours = Number(c.next('number').text);
      c.expectWord('hours');
    }
    const dryRun = c.acceptWord('dry', 'run');
    return end(c, { kind: 'vacuum', table, retainHours, dryRun });
  }
  c.expectWord('restore');
  c.acceptWord('table');
  const table = qualifiedName(c);
  c.acceptWord('to');
  if (c.acceptWord('version', 'as', 'of')) return end(c, { kind: 'restore', table, version: Number(c.next('number').text), timestamp: null });
  c.expectWord('timestamp');
  c.expectWord('as');
  c.expectWord('of');
  return end(c, { kind: 'restore', table, version: null, timestamp: c.next('string').text });
}

/** `INSERT OVERWRITE [TABLE] name [(cols)] query` (Spark/Databricks). */
function parseInsertOverwrite(sql: string): LakehouseParse | null {
  const queryOffset = splitTrailingQuery(sql, true);
  if (queryOffset < 0) throw new LochError(SqlState.syntaxError, 'INSERT OVERWRITE needs a query (SELECT, VALUES or WITH)', { position: sql.length + 1 });
  const head = sql.slice(0, queryOffset);
  const c = new Cursor(tokenize(head), head);
  c.expectWord('insert');
  c.expectWord('overwrite');
  c.acceptWord('table');
  const location = c.peek()?.offset ?? 0;
  const table = qualifiedName(c);
  const columns = c.acceptPunct('(') ? nameListAfterParen(c) : [];
  if (!c.atEnd()) throw c.error();
  return {
    statement: (query: Query) => ({ kind: 'insert', table, columns, query, overwrite: true, location }),
    queryText: sql.slice(queryOffset),
    queryOffset,
  };
}

/**
 * `INSERT INTO t REPLACE WHERE predicate query` (Databricks): the predicate's
 * text goes back to libpg-query as `SELECT … WHERE predicate`, so any SQL
 * expression parses; the query follows it.
 */
function parseInsertReplaceWhere(sql: string): LakehouseParse {
  const m = /^\s*insert\s+into\s+([\w."]+)\s+replace\s+where\s+/i.exec(sql)!;
  const queryOffset = splitTrailingQuery(sql.slice(m[0].length), true);
  if (queryOffset < 0) throw new LochError(SqlState.syntaxError, 'INSERT … REPLACE WHERE needs a query (SELECT, VALUES or WITH) after the predicate', { position: sql.length + 1 });
  const predicateText = sql.slice(m[0].length, m[0].length + queryOffset);
  const table = m[1]!.split('.').map((p) => (p.startsWith('"') ? p.slice(1, -1) : p.toLowerCase()));
  return {
    statement: (query: Query) => ({ kind: 'insert', table, columns: [], query, overwrite: true, location: sql.indexOf(m[1]!), replaceWhereText: predicateText }) as unknown as Statement,
    queryText: sql.slice(m[0].length + queryOffset),
    queryOffset: m[0].length + queryOffset,
  };
}

/** `(name, …)`. */
export function nameList(c: Cursor): string[] {
  c.expectPunct('(');
  return nameListAfterParen(c);
}

function nameListAfterParen(c: Cursor): string[] {
  const names: string[] = [];
  do names.push(c.next('word').text); while (c.acceptPunct(','));
  c.expectPunct(')');
  return names;
}

/** DataFusion's `WITH ORDER (col [ASC|DESC] [NULLS FIRST|LAST], …)`: accepted, not used. */
function nameListWithDirections(c: Cursor): void {
  c.expectPunct('(');
  do {
    c.next('word');
    while (c.acceptWord('asc') || c.acceptWord('desc') || c.acceptWord('nulls', 'first') || c.acceptWord('nulls', 'last'));
  } while (c.acceptPunct(','));
  c.expectPunct(')');
}

function end(c: Cursor, s: Statement): Statement {
  c.acceptPunct(';');
  if (!c.atEnd()) throw c.error();
  return s;
}

function qualifiedName(c: Cursor): string[] {
  const parts = [c.next('word').text];
  while (c.acceptPunct('.')) parts.push(c.next('word').text);
  return parts;
}

/** `(col type [NOT NULL|NULL|PRIMARY KEY|UNIQUE], …)`; before AS query a column's type may be left out. */
function columnList(c: Cursor, typeOptional = false, sql = '', defaults: Record<string, string> = {}): (CtasColumn & { notNull: boolean })[] {
  const cols: (CtasColumn & { notNull: boolean })[] = [];
  do {
    if (c.peek()?.text === ')') break; // DataFusion allows a trailing comma
    const name = c.next('word').text;
    if (typeOptional && (c.peek()?.text === ',' || c.peek()?.text === ')')) {
      cols.push({ name, type: null, notNull: false });
      continue;
    }
    const typeNames = [c.next('word').text];
    while (c.peek()?.kind === 'word' && ['precision', 'varying', 'without', 'with', 'time', 'zone'].includes(c.peek()!.text)) typeNames.push(c.next('word').text);
    const typmods: number[] = [];
    if (c.acceptPunct('(')) {
      do typmods.push(Number(c.next('number').text)); while (c.acceptPunct(','));
      c.expectPunct(')');
    }
    let notNull = false;
    for (;;) {
      if (c.acceptWord('not', 'null') || c.acceptWord('primary', 'key')) notNull = true;
      else if (c.acceptWord('default')) defaults[name] = defaultExpression(c, sql);
      else if (!c.acceptWord('null') && !c.acceptWord('unique')) break;
    }
    const type: TypeName = { names: [typeNames.join(' ')], typmods };
    cols.push({ name, type, notNull });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return cols;
}

/** A column's DEFAULT expression as written: the tokens up to the column's next constraint or its end. */
function defaultExpression(c: Cursor, sql: string): string {
  const first = c.peek();
  if (!first) throw c.error();
  let depth = 0;
  for (let t = c.peek(); t; t = c.peek()) {
    if (depth === 0 && t.kind === 'punct' && (t.text === ',' || t.text === ')')) break;
    if (depth === 0 && t !== first && (c.isWord('not', 'null') || c.isWord('primary', 'key') || c.isWord('unique'))) break;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    c.next(t.kind);
  }
  const text = sql.slice(first.offset, c.peek()?.offset ?? sql.length).trim();
  if (text === '') throw c.error();
  return text;
}

/** `(key 'value', …)`; keys are lower-cased for OPTIONS, kept as written (dotted) for TBLPROPERTIES. */
export function optionList(c: Cursor, lowerKeys = true): Record<string, string> {
  const out: Record<string, string> = {};
  c.expectPunct('(');
  do {
    let key = c.peek()?.kind === 'string' ? c.next('string').text : c.next('word').text;
    while (c.acceptPunct('.')) key += `.${c.next('word').text}`;
    c.acceptPunct('=');
    const t = c.peek();
    if (!t || (t.kind !== 'string' && t.kind !== 'number' && t.kind !== 'word')) throw c.error();
    out[lowerKeys ? key.toLowerCase() : key] = c.next(t.kind).text;
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return out;
}
