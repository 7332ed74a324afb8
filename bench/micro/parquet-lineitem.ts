/**
 * Decoding TPC-H lineitem from Parquet into Loch's Arrow layout through the one
 * Parquet reader (storage openParquetTable): all 16 columns and Q6's 4 columns,
 * with the decoded-column cache off, then with it on (second read served from it).
 * Data: bench/data/sf0.1 or sf1 when generated, else SF 0.01 generated into a temp folder.
 * (bench/micro/parquet-decode.ts compares the other decoders on npm with this one.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTpchParquet } from '../../cli/index.ts';
import { clearColumnCache, columnCacheStats, configureColumnCache, expandGlob, openParquetTable } from '../../storage/index.ts';
import { type MicroBenchmark, measure } from './micro-runner.ts';

const DATA = fileURLToPath(new URL('../data/', import.meta.url));
const Q6 = ['l_shipdate', 'l_discount', 'l_quantity', 'l_extendedprice'];

async function lineitemFiles(): Promise<{ files: string[]; cleanup: () => void }> {
  for (const sf of ['sf0.1', 'sf1']) {
    const dir = join(DATA, sf, 'lineitem');
    if (existsSync(dir)) return { files: await expandGlob(`${dir}/*.parquet`), cleanup: () => {} };
    if (existsSync(`${dir}.parquet`)) return { files: [`${dir}.parquet`], cleanup: () => {} };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'loch-micro-'));
  await writeTpchParquet(0.01, tmp, () => {});
  const dir = join(tmp, 'lineitem');
  const files = existsSync(dir) ? await expandGlob(`${dir}/*.parquet`) : [`${dir}.parquet`];
  return { files, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

export const parquetLineitem: MicroBenchmark = {
  name: 'parquet',
  description: 'Parquet decode of lineitem columns (cache off, then on)',
  async run(log) {
    const { files, cleanup } = await lineitemFiles();
    const before = columnCacheStats().maxBytes;
    try {
      const scanner = await openParquetTable(files);
      const rows = (await scanner.statistics()).rowCount ?? 0;
      const read = async (names: readonly string[] | null) => {
        const columns = names ? names.map((n) => scanner.columns.findIndex((c) => c.name === n)) : scanner.columns.map((_, i) => i);
        let n = 0;
        for await (const b of scanner.scan({ columns, predicates: [], batchSize: 4096 })) n += b.numRows;
        return n;
      };
      log(`lineitem: ${files.length} file(s), ${rows} rows`);
      configureColumnCache({ maxBytes: 0 });
      await measure(log, 'decode lineitem, 16 columns (no cache)', rows, () => read(null), 3);
      await measure(log, 'decode lineitem, Q6 columns (no cache)', rows, () => read(Q6), 3);
      configureColumnCache({ maxBytes: Math.max(before, 4 * 2 ** 30) });
      clearColumnCache();
      await measure(log, 'read lineitem, 16 columns (cache on)', rows, () => read(null), 3);
      log(`cache: ${JSON.stringify(columnCacheStats())}`);
    } finally {
      configureColumnCache({ maxBytes: before });
      clearColumnCache();
      cleanup();
    }
  },
};
