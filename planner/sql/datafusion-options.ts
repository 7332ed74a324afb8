/**
 * DataFusion's `CREATE EXTERNAL TABLE … OPTIONS ('format.has_header' 'true',
 * 'format.delimiter' '|')` spell file options with a `format.` prefix; Loch's
 * file tables take `header`, `delimiter`, `quote`, `nullstring`. Other keys
 * pass through unchanged.
 */

const RENAMED: Record<string, string> = {
  'format.has_header': 'header',
  has_header: 'header',
  'format.delimiter': 'delimiter',
  'format.quote': 'quote',
  'format.null_value': 'nullstring',
};

/** Maps DataFusion option keys to Loch's (lower-case keys in, lower-case keys out). */
export function normalizeDataFusionOptions(options: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(options)) out[RENAMED[k] ?? k] = v;
  return out;
}
