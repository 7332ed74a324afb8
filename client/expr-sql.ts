/**
 * Renders column expressions as SQL text in the PostgreSQL dialect Loch's
 * binder reads. Every identifier is double-quoted (names keep their case and
 * may hold spaces), every operator application is parenthesized, literals are
 * typed so the server infers what the JS value meant.
 */
import { LochError, SqlState } from '../core/index.ts';
import type { ColumnExpr, LiteralInput } from './column.ts';
import type { WindowFrame, WindowSpec } from './window.ts';

/** `"name"` with inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A dotted, quoted name: `["c","s","t"]` → `"c"."s"."t"`. */
export function quoteName(parts: readonly string[]): string {
  return parts.map(quoteIdent).join('.');
}

/** `'text'` with inner quotes doubled. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A JS value as a typed SQL literal. */
export function renderLiteral(value: LiteralInput): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'string':
      return quoteString(value);
    case 'bigint':
      return `CAST(${value.toString()} AS bigint)`;
    case 'number':
      if (Number.isNaN(value)) return "CAST('NaN' AS double precision)";
      if (!Number.isFinite(value)) return `CAST('${value > 0 ? 'Infinity' : '-Infinity'}' AS double precision)`;
      if (Number.isInteger(value)) return Math.abs(value) <= 2147483647 ? String(value) : `CAST(${value} AS bigint)`;
      // A JS number is a double: say so, or the server would read 0.1 as an exact numeric.
      return `CAST(${String(value)} AS double precision)`;
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new LochError(SqlState.invalidParameterValue, 'lit(): the Date is invalid');
        return `CAST(${quoteString(value.toISOString())} AS timestamptz)`;
      }
      throw new LochError(SqlState.invalidParameterValue, `lit(): a ${typeof value} cannot be a SQL literal`);
  }
}

function frameBound(b: number): string {
  if (b === -Infinity) return 'UNBOUNDED PRECEDING';
  if (b === Infinity) return 'UNBOUNDED FOLLOWING';
  if (b === 0) return 'CURRENT ROW';
  return b < 0 ? `${-b} PRECEDING` : `${b} FOLLOWING`;
}

function renderFrame(f: WindowFrame): string {
  return `${f.unit} BETWEEN ${frameBound(f.start)} AND ${frameBound(f.end)}`;
}

async function renderWindow(spec: WindowSpec): Promise<string> {
  const parts: string[] = [];
  if (spec.partition.length > 0) parts.push(`PARTITION BY ${(await Promise.all(spec.partition.map(renderExpr))).join(', ')}`);
  if (spec.order.length > 0) parts.push(`ORDER BY ${(await Promise.all(spec.order.map(renderSortKey))).join(', ')}`);
  if (spec.frame) parts.push(renderFrame(spec.frame));
  return `(${parts.join(' ')})`;
}

/** An ORDER BY key: a plain expression sorts ascending. */
export async function renderSortKey(e: ColumnExpr): Promise<string> {
  if (e.kind !== 'sort') return `${await renderExpr(e)} ASC`;
  const nulls = e.nulls === null ? '' : e.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST';
  return `${await renderExpr(e.arg)} ${e.descending ? 'DESC' : 'ASC'}${nulls}`;
}

/** A select-list entry: an expression with its alias, if any. */
export async function renderSelectItem(e: ColumnExpr): Promise<string> {
  // selectExpr('a + 1 AS b'): SQL text may carry its own alias, so it is not parenthesized.
  if (e.kind === 'sql') return e.text;
  return renderExpr(e);
}

/** Renders one expression (async: subqueries compile their DataFrame). */
export async function renderExpr(e: ColumnExpr): Promise<string> {
  switch (e.kind) {
    case 'column':
      return quoteName(e.name);
    case 'star':
      return e.qualifier === null ? '*' : `${quoteName(e.qualifier.split('.'))}.*`;
    case 'literal':
      return renderLiteral(e.value);
    case 'binary': {
      const left = await renderExpr(e.left);
      if (e.op === '.') return `(${left}).${await renderExpr(e.right)}`;
      if (e.op === '[]') return `(${left})[${await renderExpr(e.right)}]`;
      return `(${left} ${e.op} ${await renderExpr(e.right)})`;
    }
    case 'unary':
      return e.op === 'NOT' ? `(NOT ${await renderExpr(e.arg)})` : `(- ${await renderExpr(e.arg)})`;
    case 'postfix':
      return `(${await renderExpr(e.arg)} ${e.op})`;
    case 'in':
      if (e.list.length === 0) return e.negated ? 'TRUE' : 'FALSE';
      return `(${await renderExpr(e.arg)} ${e.negated ? 'NOT IN' : 'IN'} (${(await Promise.all(e.list.map(renderExpr))).join(', ')}))`;
    case 'inSubquery':
      return `(${await renderExpr(e.arg)} ${e.negated ? 'NOT IN' : 'IN'} (${await e.query.toSql()}))`;
    case 'between':
      return `(${await renderExpr(e.arg)} BETWEEN ${await renderExpr(e.low)} AND ${await renderExpr(e.high)})`;
    case 'function': {
      if (e.name === 'count' && e.args.length === 1 && e.args[0]!.kind === 'star' && !e.distinct) return 'count(*)';
      const args = (await Promise.all(e.args.map(renderExpr))).join(', ');
      return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${args})`;
    }
    case 'case': {
      const branches = await Promise.all(e.branches.map(async (b) => `WHEN ${await renderExpr(b.when)} THEN ${await renderExpr(b.then)}`));
      const otherwise = e.otherwise === null ? '' : ` ELSE ${await renderExpr(e.otherwise)}`;
      return `(CASE ${branches.join(' ')}${otherwise} END)`;
    }
    case 'cast':
      return `CAST(${await renderExpr(e.arg)} AS ${e.type})`;
    case 'alias':
      return `${await renderExpr(e.arg)} AS ${quoteIdent(e.name)}`;
    case 'sort':
      return renderSortKey(e);
    case 'window':
      return `${await renderExpr(e.fn)} OVER ${await renderWindow(e.spec)}`;
    case 'scalarSubquery':
      return `(${await e.query.toSql()})`;
    case 'exists':
      return `(${e.negated ? 'NOT ' : ''}EXISTS (${await e.query.toSql()}))`;
    case 'sql':
      return `(${e.text})`;
    case 'array':
      return `ARRAY[${(await Promise.all(e.items.map(renderExpr))).join(', ')}]`;
    case 'interval':
      return `INTERVAL ${quoteString(e.text)}`;
  }
}

/** The output name a select item gets without an alias, when it is a plain column. */
export function outputName(e: ColumnExpr): string | null {
  if (e.kind === 'alias') return e.name;
  if (e.kind === 'column') return e.name[e.name.length - 1]!;
  return null;
}
