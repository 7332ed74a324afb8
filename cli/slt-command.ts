/**
 * `loch slt <files or folders…>`: runs sqllogictest files, each in a fresh
 * embedded engine (the runner lives in test/slt; see its usage for options).
 */
import type { CommandContext } from './sql-command.ts';

/** Runs `loch slt …`; returns the exit code. */
export async function sltCommand(args: readonly string[], ctx: CommandContext): Promise<number> {
  // loaded on demand: other commands do not need the runner
  const { sltMain } = await import('../test/slt/index.ts');
  return sltMain(args, { stdout: ctx.stdout, stderr: ctx.stderr });
}
