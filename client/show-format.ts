/**
 * `df.show(n)`: an aligned text table in PySpark's layout:
 *
 *   +---+-----+
 *   |  k|    v|
 *   +---+-----+
 *   |  1|apple|
 *   +---+-----+
 *   only showing top 20 rows
 *
 * Cells longer than `truncate` characters end in "...".
 */

/** Formats a header and text rows (null prints as NULL). */
export function formatShowTable(header: readonly string[], rows: readonly (readonly (string | null)[])[], options: { truncate: number; more: boolean; limit: number }): string {
  const cut = (s: string): string => (options.truncate > 3 && s.length > options.truncate ? `${s.slice(0, options.truncate - 3)}...` : s);
  const cells = rows.map((r) => r.map((v) => cut(v ?? 'NULL')));
  const widths = header.map((h, c) => Math.max(3, h.length, ...cells.map((r) => r[c]!.length)));
  const line = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const fmt = (r: readonly string[]): string => `|${r.map((v, c) => v.padStart(widths[c]!)).join('|')}|`;
  const out = [line, fmt(header.map(cut)), line, ...cells.map(fmt), line];
  if (options.more) out.push(`only showing top ${options.limit} row${options.limit === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}
