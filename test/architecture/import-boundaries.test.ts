import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImportBoundaries, formatViolations } from './import-boundaries.ts';
import { findImports } from './import-scanner.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('import boundaries of this repository', () => {
  it('every folder imports only the folders DESIGN.md allows, through their index.ts', () => {
    const violations = checkImportBoundaries(REPO);
    expect(formatViolations(violations)).toBe('');
  });
});

describe('import scanner', () => {
  it('finds static, type-only, re-export, side-effect and dynamic imports', () => {
    const src = [
      "import * as arrow from 'apache-arrow';",
      'import type { A,',
      "  B } from '../core/index.ts';",
      "export * from './a.ts';",
      "export { x as y } from \"./b.ts\";",
      "import './side-effect.ts';",
      "const m = await import('../worker/index.ts');",
      "const meta = import.meta.url;",
    ].join('\n');
    expect(findImports(src)).toEqual([
      { specifier: 'apache-arrow', line: 1 },
      { specifier: '../core/index.ts', line: 3 },
      { specifier: './a.ts', line: 4 },
      { specifier: './b.ts', line: 5 },
      { specifier: './side-effect.ts', line: 6 },
      { specifier: '../worker/index.ts', line: 7 },
    ]);
  });

  it('ignores imports inside comments, strings, templates and regular expressions', () => {
    const src = [
      "// import x from '../worker/a.ts';",
      "/* export * from '../worker/b.ts'; */",
      "const s = \"import y from '../worker/c.ts'\";",
      "const t = `import z from '../worker/d.ts' ${f(`nested ${1}`)}`;",
      "const r = /import w from '..\\/worker'/g;",
      "const from = 1; export const v = from;",
      "import { ok } from './ok.ts';",
    ].join('\n');
    expect(findImports(src)).toEqual([{ specifier: './ok.ts', line: 7 }]);
  });
});

describe('import boundary checker on a fixture of bad imports', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'loch-arch-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'core/index.ts': "import * as arrow from 'apache-arrow';\nimport { readFile } from 'node:fs/promises';\nimport { parquetRead } from 'hyparquet';\n",
    'core/test/a.test.ts': "import { it } from 'vitest';\n",
    'storage/index.ts': "import { T } from '../core/data-type.ts';\n",
    'storage/reader.ts': "import { T } from '../core/index.ts';\nimport { x } from './index.ts';\nimport { s } from '../test/support/services/s3.ts';\n",
    'storage/test/s3.test.ts': "import { s } from '../../test/support/services/s3.ts';\n",
    'connectors/csv.ts': "import { expandGlob } from '../storage/index.ts';\n",
    'planner/binder.ts': "import { run } from '../worker/index.ts';\n",
    'worker/op.ts': "import type { Expr } from '../planner/index.ts';\nexport * from '../connectors/csv.ts';\n",
    'coordinator/engine.ts': "const w = await import('../connectors/index.ts');\n",
    'services/pgwire/server.ts': "import { c } from '../catalog/index.ts';\nimport { s } from '../sharing/index.ts';\n",
    'services/catalog/index.ts': "import { q } from '../pgwire/server.ts';\n",
    'cli/main.ts': "import { gen } from '../bench/tpch/index.ts';\nimport { p } from '../planner/binder.ts';\n",
    'bench/run.ts': "import { e } from '../cli/index.ts';\nimport { w } from '../coordinator/index.ts';\n",
    'tools/x.ts': '',
    'node_modules/pkg/index.ts': "import { a } from '../../worker/a.ts';\n",
    'root-level.ts': "import { a } from './worker/a.ts';\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }

  it('names file, line and import for each violation and nothing else', () => {
    const lines = formatViolations(checkImportBoundaries(root)).split('\n');
    expect(lines).toEqual([
      'bench/run.ts:2: import "../coordinator/index.ts": bench may not import coordinator (allowed: core, storage, worker, client, cli)',
      'cli/main.ts:2: import "../planner/binder.ts": imports planner/binder.ts directly; import planner/index.ts instead',
      'coordinator/engine.ts:1: import "../connectors/index.ts": coordinator may not import connectors (allowed: core, proto, planner, storage)',
      'core/index.ts:3: import "hyparquet": core may not import package "hyparquet" (allowed: apache-arrow, node builtins)',
      'planner/binder.ts:1: import "../worker/index.ts": planner may not import worker (allowed: core, proto)',
      'services/catalog/index.ts:1: import "../pgwire/server.ts": services/catalog may not import services/pgwire (allowed: core, storage, connectors)',
      'services/pgwire/server.ts:2: import "../sharing/index.ts": services/pgwire may not import services/sharing (allowed: core, storage, connectors, services/catalog)',
      'storage/index.ts:1: import "../core/data-type.ts": imports core/data-type.ts directly; import core/index.ts instead',
      'storage/reader.ts:3: import "../test/support/services/s3.ts": storage may not import test (allowed: core)',
      'tools/x.ts:1: import "": folder "tools" is not in the DESIGN.md layout table',
      'worker/op.ts:2: import "../connectors/csv.ts": imports connectors/csv.ts directly; import connectors/index.ts instead',
    ]);
  });
});
