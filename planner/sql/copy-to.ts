/**
 * DataFusion's COPY … TO, which PostgreSQL's grammar lacks (`STORED AS`, `OPTIONS`):
 *
 *   COPY (query) TO 'path' [STORED AS CSV|PARQUET|JSON] [PARTITIONED BY (col, …)] [OPTIONS (key 'value', …)]
 *   COPY table TO 'path' …
 *
 * The query's text goes back to the caller (parse.ts) for libpg-query, like CTAS.
 * `COPY … FROM` and anything else returns null (PostgreSQL's COPY, left to libpg-query).
 */
import type { Query } from './ast.ts';
import { normalizeDataFusionOptions } from './datafusion-options.ts';
import { Cursor, type LakehouseParse, nameList, optionList, tokenize } from './lakehouse-parser.ts';

const NAME = /^(?:[A-Za-z_][\w$]*|"(?:[^"]|"")*")(?:\s*\.\s*(?:[A-Za-z_][\w$]*|"(?:[^"]|"")*"))*/;

/** Parses `sql` if it is a COPY … TO statement; otherwise returns null. */
export function parseCopyTo(sql: string): LakehouseParse | null {
  const head = /^\s*copy\s*/i.exec(sql);
  if (!head) return null;
  const start = head[0].length;
  let queryText: string;
  let queryOffset: number;
  let tailStart: number;
  if (sql[start] === '(') {
    const close = closingParen(sql, start);
    if (close < 0) return null;
    queryText = sql.slice(start + 1, close);
    queryOffset = start + 1;
    tailStart = close + 1;
  } else {
    const name = NAME.exec(sql.slice(start));
    if (!name) return null;
    queryText = `SELECT * FROM ${name[0]}`;
    queryOffset = Math.max(0, start - 'SELECT * FROM '.length);
    tailStart = start + name[0].length;
  }
  const tail = sql.slice(tailStart);
  if (!/^\s*to\b/i.test(tail)) return null;
  let tokens;
  try {
    tokens = tokenize(tail);
  } catch {
    return null;
  }
  const c = new Cursor(tokens, tail);
  c.expectWord('to');
  const path = c.next('string').text;
  let format: string | null = null;
  let options: Record<string, string> = {};
  let partitionedBy: string[] = [];
  while (!c.atEnd()) {
    if (c.acceptPunct(';')) continue;
    if (c.acceptWord('stored', 'as')) format = c.next('word').text.toLowerCase();
    else if (c.acceptWord('partitioned', 'by')) partitionedBy = nameList(c);
    else if (c.acceptWord('options')) options = { ...options, ...optionList(c) };
    else throw c.error();
  }
  options = normalizeDataFusionOptions(options);
  return {
    statement: (query: Query) => ({ kind: 'copy_to', query, path, format, options, partitionedBy }),
    queryText,
    queryOffset,
  };
}

/** The index of the `)` closing the `(` at `open`, skipping quoted text and comments; -1 if none. */
function closingParen(sql: string, open: number): number {
  const masked = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === '(') depth++;
    else if (masked[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
