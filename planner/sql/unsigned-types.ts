/**
 * MySQL/DataFusion unsigned integer types (`INT UNSIGNED`, `BIGINT UNSIGNED`, …)
 * are not PostgreSQL syntax. Before parsing, each becomes the narrowest signed
 * type that holds its whole range (TINYINT UNSIGNED → smallint, SMALLINT
 * UNSIGNED → int, INT UNSIGNED → bigint, BIGINT UNSIGNED → numeric(20)). The
 * replacement is padded with spaces to the original length, so error positions
 * in the rest of the statement stay exact. Strings, quoted identifiers and
 * comments are never rewritten.
 */

const SIGNED_FOR: Record<string, string> = {
  tinyint: 'smallint', smallint: 'int', int: 'bigint', integer: 'bigint', bigint: 'numeric(20)',
};

const PATTERN = /\b(tinyint|smallint|integer|int|bigint)\s+unsigned\b/gi;

/** Blanks strings, quoted identifiers and comments (same length) so the pattern only sees code. */
function mask(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
}

/** Rewrites unsigned integer type names to signed PostgreSQL types of the same text length. */
export function rewriteUnsignedTypes(sql: string): string {
  if (!/unsigned/i.test(sql)) return sql;
  const masked = mask(sql);
  let out = '';
  let last = 0;
  for (const m of masked.matchAll(PATTERN)) {
    const replacement = SIGNED_FOR[m[1]!.toLowerCase()]!;
    out += sql.slice(last, m.index) + replacement.padEnd(m[0].length, ' ');
    last = m.index + m[0].length;
  }
  return out + sql.slice(last);
}
