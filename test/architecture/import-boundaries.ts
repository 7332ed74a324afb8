/**
 * The import rule of DESIGN.md "Layout", as code: every `.ts` file belongs to
 * a unit (a top-level folder, or `services/<name>`); a unit may import only
 * the units its row of the table allows, and only through an `index.ts` of
 * that unit (the folder's, or a sub-folder's such as `bench/tpch/index.ts`).
 * `core` may use no package but apache-arrow and node builtins (its tests may
 * also use test tooling).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { findImports } from './import-scanner.ts';

/** Units each unit may import (besides itself); '*' = anything. Mirrors DESIGN.md. */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[] | '*'>> = {
  proto: [],
  core: [],
  storage: ['core'],
  connectors: ['core', 'storage'],
  planner: ['core', 'proto'],
  worker: ['core', 'proto', 'planner', 'storage', 'connectors'],
  coordinator: ['core', 'proto', 'planner', 'storage'],
  'services/catalog': ['core', 'storage', 'connectors'],
  'services/*': ['core', 'storage', 'connectors', 'services/catalog'],
  client: ['core', 'proto'],
  cli: '*',
  test: '*',
  // Micro-benchmarks measure storage decoders and worker kernels directly (a deviation from DESIGN.md, noted on issue 2).
  bench: ['core', 'storage', 'worker', 'client', 'cli'],
};

/** Packages a unit's non-test files may import; units not listed may import any package. */
export const ALLOWED_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  core: ['apache-arrow'],
};

/** One broken rule: the file, the line and the import at fault, and why. */
export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly reason: string;
}

const SKIP_DIRS = new Set(['node_modules', 'dist']);

/** Every `.ts` file under `root` inside a folder (root-level files belong to no unit), as root-relative paths. */
export function listTsFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && e.name.endsWith('.ts') && dir !== '') out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The unit of a root-relative path: `services/<name>` for service folders, else the top-level folder. */
export function unitOf(relPath: string): string {
  const parts = relPath.split('/');
  if (parts[0] === 'services' && parts.length >= 3) return `services/${parts[1]}`;
  return parts[0]!;
}

function allowedFor(unit: string): readonly string[] | '*' | undefined {
  return ALLOWED_IMPORTS[unit] ?? (unit.startsWith('services/') ? ALLOWED_IMPORTS['services/*'] : undefined);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Checks one file's imports against the rules. */
export function checkFile(relPath: string, source: string): Violation[] {
  const unit = unitOf(relPath);
  const allowed = allowedFor(unit);
  const isTest = relPath.split('/').includes('test');
  const violations: Violation[] = [];
  if (allowed === undefined) {
    return [{ file: relPath, line: 1, specifier: '', reason: `folder "${unit}" is not in the DESIGN.md layout table` }];
  }
  for (const { specifier, line } of findImports(source)) {
    const fail = (reason: string): void => { violations.push({ file: relPath, line, specifier, reason }); };
    if (!specifier.startsWith('.')) {
      if (isBuiltin(specifier)) continue;
      const packages = ALLOWED_PACKAGES[unit];
      if (packages && !isTest && !packages.includes(packageName(specifier))) {
        fail(`${unit} may not import package "${packageName(specifier)}" (allowed: ${[...packages, 'node builtins'].join(', ')})`);
      }
      continue;
    }
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(relPath), specifier));
    if (target.startsWith('..')) continue; // outside the repository (shared fixtures): not a unit
    const targetUnit = unitOf(target);
    if (targetUnit === unit) continue;
    // Unit tests beside an area may use the shared test harness (service starters, result helpers).
    if (isTest && target.startsWith('test/support/')) continue;
    if (allowed !== '*' && !allowed.includes(targetUnit)) {
      fail(`${unit} may not import ${targetUnit} (allowed: ${allowed.length ? allowed.join(', ') : 'no other folder'})`);
      continue;
    }
    if (path.posix.basename(target) !== 'index.ts') {
      fail(`imports ${target} directly; import ${targetUnit}/index.ts instead`);
    }
  }
  return violations;
}

/** Checks every `.ts` file under `root`. */
export function checkImportBoundaries(root: string): Violation[] {
  const out: Violation[] = [];
  for (const rel of listTsFiles(root)) out.push(...checkFile(rel, readFileSync(path.join(root, rel), 'utf8')));
  return out;
}

/** One line per violation: `file:line: import "x": reason`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: import "${v.specifier}": ${v.reason}`).join('\n');
}
