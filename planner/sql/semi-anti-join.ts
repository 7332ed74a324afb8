/**
 * Spark's and DataFusion's `[LEFT] SEMI JOIN`, `[LEFT] ANTI JOIN`, `RIGHT SEMI JOIN` and
 * `RIGHT ANTI JOIN`, which PostgreSQL's grammar lacks. The words before JOIN are blanked
 * (same length: positions stay exact), so libpg-query parses an inner join; the offset of
 * the join's `ON` is remembered with its kind, and the adapter (pg-ast-adapter.ts) finds
 * the join whose condition starts right after that `ON` and gives it the kind.
 */
import { LochError, SqlState } from '../../core/index.ts';

/** The kinds of the semi and anti joins (the `right_` ones keep the right side's rows). */
export type SemiAntiKind = 'semi' | 'anti' | 'right_semi' | 'right_anti';

/** A semi/anti join found in the text: the offset of its ON keyword. */
export interface SemiAntiJoin {
  readonly on: number;
  readonly kind: SemiAntiKind;
}

const PATTERN = /\b(?:(left|right)\s+)?(semi|anti)(\s+)join\b/gi;

/** The text with the semi/anti words blanked, and where those joins' ON conditions are. */
export function rewriteSemiAntiJoins(sql: string): { text: string; joins: SemiAntiJoin[] } {
  if (!/\b(semi|anti)\s+join\b/i.test(sql)) return { text: sql, joins: [] };
  const masked = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
  const joins: SemiAntiJoin[] = [];
  let text = sql;
  for (const m of masked.matchAll(PATTERN)) {
    const side = (m[1] ?? 'left').toLowerCase();
    const what = m[2]!.toLowerCase() as 'semi' | 'anti';
    const kind: SemiAntiKind = side === 'right' ? `right_${what}` : what;
    const joinAt = m.index + m[0].length - 4;
    const on = onKeywordAfter(masked, joinAt + 4);
    if (on < 0) throw new LochError(SqlState.syntaxError, `${m[0].replace(/\s+/g, ' ').toUpperCase()} needs an ON condition`, { position: m.index + 1 });
    joins.push({ on, kind });
    text = text.slice(0, m.index) + ' '.repeat(joinAt - m.index) + text.slice(joinAt);
  }
  return { text, joins };
}

/** The offset of the first `ON` at the nesting depth of `from` (parenthesized items skipped); -1 when the level ends first. */
function onKeywordAfter(masked: string, from: number): number {
  let depth = 0;
  for (let i = from; i < masked.length; i++) {
    const ch = masked[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (--depth < 0) return -1;
    } else if (depth === 0 && (ch === 'o' || ch === 'O') && /^on\b/i.test(masked.slice(i, i + 3)) && !/[\w$]/.test(masked[i - 1] ?? ' ')) {
      return i;
    } else if (depth === 0 && ch === ';') return -1;
  }
  return -1;
}
