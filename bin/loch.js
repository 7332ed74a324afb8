#!/usr/bin/env node
// The `loch` command. Plain JavaScript so that any Node >= 20 can start it:
// Loch itself is TypeScript run directly by Node 24 (type stripping), so on an
// older Node this re-executes itself with the Node 24 binary of the `node`
// npm package installed beside Loch, then hands over to cli/main.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REQUIRED_MAJOR = 24;
const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');

function major(version) {
  return Number(version.split('.')[0]);
}

/** The Node 24 binary installed with the package (its own node_modules, or a hoisted one). */
function findNode24() {
  const candidates = [join(packageRoot, 'node_modules', '.bin', 'node')];
  try {
    const require = createRequire(join(packageRoot, 'package.json'));
    candidates.push(join(dirname(require.resolve('node/package.json')), 'bin', 'node'));
  } catch {
    // the node package is not installed: reported below
  }
  return candidates.find((c) => existsSync(c));
}

if (major(process.versions.node) < REQUIRED_MAJOR) {
  const node = findNode24();
  if (!node) {
    process.stderr.write(`loch needs Node ${REQUIRED_MAJOR} or newer (this is ${process.version}), and the "node" package that provides it is not installed.\nRun "npm install" in ${packageRoot}.\n`);
    process.exit(1);
  }
  const result = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`loch: could not start ${node}: ${result.error.message}\n`);
    process.exit(1);
  }
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
} else {
  const { runFromProcess } = await import(pathToFileURL(join(packageRoot, 'cli', 'main.ts')).href);
  await runFromProcess(process.argv.slice(2));
}
