/**
 * The sqllogictest runner's entry point: `node test/slt/run-slt.ts <files or folders…>`
 * (also `npm run slt -- …` and `loch slt …`). See slt-cli.ts for the options.
 */
import { sltMain } from './slt-cli.ts';

const code = await sltMain(process.argv.slice(2), {
  stdout: (t) => { process.stdout.write(t); },
  stderr: (t) => { process.stderr.write(t); },
});
process.exit(code);
