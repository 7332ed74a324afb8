/**
 * How the CLI reports a failed statement, in psql's words:
 *
 *   ERROR:  column "l_shipdat" does not exist
 *   DETAIL: …           (when the error has one)
 *   HINT:  …            (when the error has one)
 *   SQLSTATE: 42703
 */
import { toLochError } from '../core/index.ts';

/** The lines printed to stderr for `error` (anything thrown; unknown failures are XX000). */
export function formatError(error: unknown): string {
  const e = toLochError(error);
  const lines = [`ERROR:  ${e.message}`];
  if (e.detail) lines.push(`DETAIL:  ${e.detail}`);
  if (e.hint) lines.push(`HINT:  ${e.hint}`);
  lines.push(`SQLSTATE: ${e.sqlState}`);
  return `${lines.join('\n')}\n`;
}
