/**
 * `loch sql` without a query: an interactive shell on stdin. Statements end
 * with `;` and may span lines; `\q` quits, `\timing` toggles timings, `\?`
 * lists the commands. A failing statement prints `ERROR:` and `SQLSTATE:` and
 * the shell carries on. Ctrl-C cancels the running statement (or clears the
 * input). Prompts are only shown when stdin is a terminal.
 */
import * as readline from 'node:readline';
import type { QueryEngine } from '../coordinator/index.ts';
import { type SqlOutput, runSql } from './run-sql.ts';
import { isBlank, takeCompleteStatements } from './statement-buffer.ts';

const HELP = `\\q          quit
\\timing     toggle printing the time each statement takes
\\?          this help
Statements end with a semicolon and may span several lines.
`;

/**
 * Runs the shell until `\q` or end of input. Returns the process exit code:
 * 0, or 1 when input was not a terminal (a script) and a statement failed.
 */
export async function runShell(engine: QueryEngine, output: SqlOutput, input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<number> {
  const interactive = input.isTTY === true;
  const rl = readline.createInterface({ input, output: interactive ? process.stdout : undefined, terminal: interactive });
  let out: SqlOutput = output;
  let buffer = '';
  let failed = false;
  let running: AbortController | null = null;
  const prompt = (): void => {
    if (!interactive) return;
    rl.setPrompt(buffer.trim() === '' ? 'loch=> ' : 'loch-> ');
    rl.prompt();
  };
  rl.on('SIGINT', () => {
    if (running) { running.abort(); return; }
    buffer = '';
    process.stdout.write('\n');
    prompt();
  });
  if (interactive) process.stdout.write('Loch SQL shell. Type \\? for help, \\q to quit.\n');
  const execute = async (sql: string): Promise<void> => {
    running = new AbortController();
    try {
      if (!(await runSql(engine, sql, out, running.signal))) failed = true;
    } finally {
      running = null;
    }
  };
  prompt();
  for await (const line of rl) {
    if (buffer.trim() === '' && line.trim().startsWith('\\')) {
      const command = line.trim().split(/\s+/)[0];
      if (command === '\\q') break;
      if (command === '\\timing') {
        out = { ...out, timing: !out.timing };
        output.stderr(`Timing is ${out.timing ? 'on' : 'off'}.\n`);
      } else if (command === '\\?') {
        output.stdout(HELP);
      } else {
        output.stderr(`invalid command ${command}\nTry \\? for help.\n`);
      }
      prompt();
      continue;
    }
    buffer += `${line}\n`;
    const { statements, rest } = takeCompleteStatements(buffer);
    buffer = rest;
    for (const sql of statements) await execute(sql);
    if (isBlank(buffer)) buffer = '';
    prompt();
  }
  if (!isBlank(buffer)) await execute(buffer); // a last statement without its semicolon
  rl.close();
  return failed && !interactive ? 1 : 0;
}
