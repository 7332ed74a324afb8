/**
 * `loch sql`: run SQL given as an argument, from a file (`-f`), or in the
 * interactive shell when neither is given.
 *
 *   loch sql "SELECT 1; SELECT 2" [--format table|csv|json]
 *   loch sql -f queries.sql --format csv
 *   loch sql [--init tables.sql]          (shell; --init runs a file first)
 *
 * Exit code 1 when a statement fails (the error is printed to stderr first).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { QueryEngine } from '../coordinator/index.ts';
import { OUTPUT_FORMATS, type OutputFormat } from './result-format.ts';
import { type SqlOutput, runSql } from './run-sql.ts';
import { runShell } from './sql-shell.ts';
import { RemoteQueryEngine, type RemoteProgress } from './remote-engine.ts';

/** A one-line progress bar on a terminal's stderr for statements running over a second. */
function progressLine(write: (text: string) => void): ((p: RemoteProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    if (p.elapsedMs < 1000 || p.tasks === 0) return;
    const width = 30;
    const filled = Math.round((p.tasksDone / p.tasks) * width);
    const end = p.tasksDone === p.tasks ? '\r\x1b[K' : '';
    write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${p.tasksDone}/${p.tasks} tasks, stage ${p.stagesDone}/${p.stages}, ${(p.elapsedMs / 1000).toFixed(1)} s${end}`);
  };
}

export const SQL_USAGE = `usage: loch sql [SQL] [-f FILE] [--format table|csv|json] [--init FILE] [--data-dir DIR]
  SQL            one or more statements separated by semicolons
  -f, --file     read the statements from FILE
  --format       table (default, like psql), csv (RFC 4180) or json (one object per line)
  --init         run the statements in FILE quietly before anything else (e.g. CREATE TABLEs)
  --timing       print the time each statement takes
  --data-dir     where Loch keeps its data (default ./.loch)
  --connect      run on the coordinator at host:port (e.g. one \`loch up\` started) instead of in this process
With neither SQL nor -f, starts an interactive shell.
`;

/** What the command needs from its surroundings (the process, or a test). */
export interface CommandContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly createEngine: (dataDir: string) => Promise<QueryEngine>;
}

/** Runs `loch sql …`; returns the exit code. */
export async function sqlCommand(args: readonly string[], ctx: CommandContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        file: { type: 'string', short: 'f' },
        format: { type: 'string', default: 'table' },
        init: { type: 'string' },
        timing: { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: '.loch' },
        connect: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    ctx.stderr(`loch sql: ${(e as Error).message}\n${SQL_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { ctx.stdout(SQL_USAGE); return 0; }
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    ctx.stderr(`loch sql: unknown format "${values.format}" (use ${OUTPUT_FORMATS.join(', ')})\n`);
    return 2;
  }
  if (positionals.length > 0 && values.file !== undefined) {
    ctx.stderr('loch sql: give either SQL text or -f FILE, not both\n');
    return 2;
  }
  let sql: string | undefined = positionals.length > 0 ? positionals.join(' ') : undefined;
  try {
    if (values.file !== undefined) sql = await readFile(values.file, 'utf8');
  } catch (e) {
    ctx.stderr(`loch sql: cannot read ${values.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const output: SqlOutput = { format, stdout: ctx.stdout, stderr: ctx.stderr, timing: values.timing };
  const engine = values.connect !== undefined
    ? new RemoteQueryEngine(values.connect, { onProgress: progressLine(ctx.stderr) })
    : await ctx.createEngine(values['data-dir']);
  try {
    if (values.init !== undefined) {
      const init = await readFile(values.init, 'utf8');
      // csv format sends status lines to stderr, which keeps only the error report here
      const quiet: SqlOutput = { format: 'csv', stdout: () => {}, stderr: (t) => { if (t.startsWith('ERROR')) ctx.stderr(t); } };
      if (!(await runSql(engine, init, quiet))) return 1;
    }
    if (sql === undefined) return await runShell(engine, output);
    return (await runSql(engine, sql, output)) ? 0 : 1;
  } finally {
    await engine.close();
  }
}
