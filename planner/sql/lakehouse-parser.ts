/**
 * A small parser for the lakehouse statements PostgreSQL's grammar lacks.
 * `parseLakehouseStatement` returns null when the text is not one of them, so
 * the caller falls back to libpg-query. Supported now:
 *
 *   CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] name [(col type [NOT NULL], …)]
 *     USING parquet|csv|json [OPTIONS (key 'value', …)] LOCATION 'path-or-glob'
 *   SHOW TABLES
 *   DESCRIBE [TABLE] name
 *   DESCRIBE HISTORY name [LIMIT n] · DESCRIBE DETAIL name
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { ColumnDefinition, Statement, TypeName } from './ast.ts';

type Token = { readonly kind: 'word' | 'string' | 'number' | 'punct'; readonly text: string; readonly offset: number };

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|--[^\n]*|'((?:[^']|'')*)'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z_0-9$]*)|(\d+(?:\.\d+)?)|([(),.;=])/gy;
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
  }
  return tokens;
}

class Cursor {
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

/** Parses `sql` if it is a lakehouse statement; otherwise returns null. */
export function parseLakehouseStatement(sql: string): Statement | null {
  if (!/^\s*(create|show|describe|desc)\b/i.test(sql)) return null;
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch {
    return null; // not ours: let libpg-query report the syntax error
  }
  const c = new Cursor(tokens, sql);
  if (c.acceptWord('show', 'tables')) return end(c, { kind: 'show_tables' });
  if (c.acceptWord('describe') || c.acceptWord('desc')) {
    if (c.acceptWord('history')) {
      const name = qualifiedName(c);
      const limit = c.acceptWord('limit') ? Number(c.next('number').text) : null;
      return end(c, { kind: 'describe_history', name, limit });
    }
    if (c.acceptWord('detail')) return end(c, { kind: 'describe_detail', name: qualifiedName(c) });
    c.acceptWord('table');
    return end(c, { kind: 'describe', name: qualifiedName(c) });
  }
  if (!tokens.some((t) => t.kind === 'word' && (t.text === 'using' || t.text === 'location'))) return null;
  if (!c.acceptWord('create')) return null;
  const orReplace = c.acceptWord('or', 'replace');
  c.acceptWord('external');
  if (!c.acceptWord('table')) return null;
  const ifNotExists = c.acceptWord('if', 'not', 'exists');
  const name = qualifiedName(c);
  const columns = c.acceptPunct('(') ? columnList(c) : [];
  c.expectWord('using');
  const format = c.next('word').text;
  let options: Record<string, string> = {};
  let location: string | null = null;
  while (!c.atEnd()) {
    if (c.acceptWord('options')) options = optionList(c);
    else if (c.acceptWord('location')) location = c.next('string').text;
    else throw c.error();
  }
  if (location === null) throw new LochError(SqlState.syntaxError, `CREATE TABLE ${name.join('.')} USING ${format} needs a LOCATION`);
  return { kind: 'create_table_using', name, format, location, options, columns, ifNotExists, orReplace };
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

function columnList(c: Cursor): ColumnDefinition[] {
  const cols: ColumnDefinition[] = [];
  do {
    const name = c.next('word').text;
    const typeNames = [c.next('word').text];
    while (c.peek()?.kind === 'word' && ['precision', 'varying', 'without', 'with', 'time', 'zone'].includes(c.peek()!.text)) typeNames.push(c.next('word').text);
    const typmods: number[] = [];
    if (c.acceptPunct('(')) {
      do typmods.push(Number(c.next('number').text)); while (c.acceptPunct(','));
      c.expectPunct(')');
    }
    const notNull = c.acceptWord('not', 'null');
    if (!notNull) c.acceptWord('null');
    const type: TypeName = { names: [typeNames.join(' ')], typmods };
    cols.push({ name, type, notNull });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return cols;
}

function optionList(c: Cursor): Record<string, string> {
  const out: Record<string, string> = {};
  c.expectPunct('(');
  do {
    const key = c.peek()?.kind === 'string' ? c.next('string').text : c.next('word').text;
    c.acceptPunct('=');
    const t = c.peek();
    if (!t || (t.kind !== 'string' && t.kind !== 'number' && t.kind !== 'word')) throw c.error();
    out[key.toLowerCase()] = c.next(t.kind).text;
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return out;
}
