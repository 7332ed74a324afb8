/**
 * Resolves the paths a file table was declared with into concrete files.
 * A plain path must exist; a directory stands for the (non-hidden) files in
 * it; a pattern with `*`, `?`, `[…]` or `{a,b}` is expanded with node's glob.
 *
 * Private to connectors until storage exports its own `expandGlob`.
 */
import { glob, stat } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { LochError } from '../core/index.ts';
import { fileError } from './chunk-reader.ts';

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands `paths` into a sorted, de-duplicated list of files (58P01 when a path or pattern matches nothing). */
export async function resolveFiles(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new LochError('22023', 'a file table needs at least one path');
  const out: string[] = [];
  for (const p of paths) {
    if (GLOB_CHARS.test(p)) {
      const matches: string[] = [];
      for await (const m of glob(p)) matches.push(m);
      const files: string[] = [];
      for (const m of matches.sort()) if ((await stat(m)).isFile()) files.push(m);
      if (files.length === 0) throw new LochError('58P01', `no files match "${p}"`);
      out.push(...files);
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      throw fileError(p, e);
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('_'))
        .map((e) => path.join(p, e.name))
        .sort();
      if (entries.length === 0) throw new LochError('58P01', `directory "${p}" contains no files`);
      out.push(...entries);
    } else {
      out.push(p);
    }
  }
  return [...new Set(out)];
}
