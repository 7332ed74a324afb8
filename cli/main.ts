/**
 * The `loch` command: parses the command word and hands the rest of the
 * arguments to that command's module (one file per command). `bin/loch.js`
 * makes sure this runs on Node 24, which executes TypeScript directly.
 */
import { readFileSync } from 'node:fs';
import { benchCommand } from './bench-command.ts';
import { demoCommand } from './demo-command.ts';
import { sltCommand } from './slt-command.ts';
import { type CommandContext, sqlCommand } from './sql-command.ts';
import { upCommand } from './up-command.ts';
import { coordinatorCommand } from './coordinator-command.ts';
import { workerCommand } from './worker-command.ts';
import { statusCommand } from './status-command.ts';
import { configureS3, s3DefaultsFromEnv } from '../storage/index.ts';

const USAGE = `usage: loch <command> [options]

commands:
  sql [SQL] [-f FILE] [--format table|csv|json]   run SQL, or open the SQL shell (--connect host:port: on a cluster)
  up [--workers N] [--demo]                       start the embedded cluster (coordinator + N worker processes)
  coordinator [--etcd URLS]                       run a cluster coordinator (HA with etcd)
  worker --coordinator HOST:PORT | --etcd URLS    run a cluster worker
  status [--connect HOST:PORT]                    workers, slots and running queries of a cluster
  demo                                            create the sample TPC-H dataset and run a query
  bench tpch gen --sf N --out DIR                 generate TPC-H data as Parquet files
  slt [--cwd DIR] [--complete] FILES|FOLDERS…     run sqllogictest files (one fresh engine per file)
  help                                            this text

Run "loch <command> --help" for a command's options.
`;

/** The context of a real process: stdout/stderr and the embedded local engine. */
export function processContext(): CommandContext {
  return {
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    // loaded on demand: `loch help` and `loch bench` do not need the engine
    createEngine: async (dataDir) => (await import('./local-engine.ts')).createLocalEngine({ dataDir }),
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the command line `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], ctx: CommandContext = processContext()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'sql': return sqlCommand(rest, ctx);
    case 'demo': return demoCommand(rest, ctx);
    case 'up': return upCommand(rest, ctx);
    case 'coordinator': return coordinatorCommand(rest, ctx);
    case 'worker': return workerCommand(rest, ctx);
    case 'status': return statusCommand(rest, ctx);
    case 'bench': return benchCommand(rest, ctx);
    case 'slt': return sltCommand(rest, ctx);
    case undefined: case 'help': case '--help': case '-h':
      ctx.stdout(USAGE);
      return 0;
    case '--version': case '-v':
      ctx.stdout(`loch ${version()}\n`);
      return 0;
    default:
      ctx.stderr(`loch: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** Entry point for `node cli/main.ts …` and bin/loch.js. */
export async function runFromProcess(argv: readonly string[]): Promise<never> {
  // a closed pipe (`loch sql … | head`) is a normal way for output to end
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  let code: number;
  try {
    // s3:// table locations use the store LOCH_S3_* configures (every loch process reads the same variables).
    const s3 = s3DefaultsFromEnv(process.env);
    if (s3) await configureS3(s3);
    code = await main(argv);
  } catch (e) {
    process.stderr.write(`loch: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    code = 1;
  }
  // stdout and stderr are synchronous for files, pipes and terminals on POSIX: nothing is lost by exiting
  process.exit(code);
}

if (import.meta.main) await runFromProcess(process.argv.slice(2));
