/**
 * `expandGlob`: the files a table path names — a file, a directory (every
 * `*.parquet` under it) or a glob such as `data/lineitem/*.parquet` — sorted.
 */
import { glob, stat, readdir } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { LochError, SqlState } from '../../core/index.ts';

/** Sorted list of the Parquet files `pattern` names; LochError 58030 when it names none. */
export async function expandGlob(pattern: string): Promise<string[]> {
  if (!/[*?[{]/.test(pattern)) {
    let s;
    try {
      s = await stat(pattern);
    } catch {
      throw new LochError(SqlState.ioError, `file or directory "${pattern}" does not exist`);
    }
    if (!s.isDirectory()) return [pattern];
    const files = (await readdir(pattern, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
      .map((e) => nodePath.join(e.parentPath, e.name));
    if (files.length === 0) throw new LochError(SqlState.ioError, `directory "${pattern}" contains no .parquet files`);
    return files.sort();
  }
  const files: string[] = [];
  for await (const entry of glob(pattern)) {
    if ((await stat(entry)).isFile()) files.push(entry);
  }
  if (files.length === 0) throw new LochError(SqlState.ioError, `no files match "${pattern}"`);
  return files.sort();
}
