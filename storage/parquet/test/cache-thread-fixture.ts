/**
 * A worker thread for shared-column-cache.test.ts: scans a Parquet file through the column
 * cache of the thread that started it (connectColumnCache), as a worker's task thread does,
 * and posts back the rows it read and whether its batches view shared memory (all, per column, per batch).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { connectColumnCache, openParquetTable } from '../../index.ts';
import { values } from '../../test/columns.ts';

const { path, port, maxBytes } = workerData as { path: string | string[]; port: MessagePort; maxBytes: number };
const disconnect = connectColumnCache(port, maxBytes);
try {
  const s = await openParquetTable(typeof path === 'string' ? [path] : path);
  const rows: unknown[][] = [];
  let shared = true;
  const sharedColumns = [true, true];
  const sharedBatches: boolean[][] = [];
  for await (const b of s.scan({ columns: [0, 1], predicates: [], batchSize: 100 })) {
    const vs = b.columns.map((d, j) => values(s.columns[j]!.type, d));
    b.columns.forEach((d, j) => { sharedColumns[j] &&= d.values.buffer instanceof SharedArrayBuffer; });
    sharedBatches.push(b.columns.map((d) => d.values.buffer instanceof SharedArrayBuffer));
    for (const d of b.columns) shared &&= d.values.buffer instanceof SharedArrayBuffer;
    for (let r = 0; r < b.numRows; r++) rows.push(vs.map((v) => v[r]));
  }
  parentPort!.postMessage({ rows, shared, sharedColumns, sharedBatches });
} finally {
  await disconnect();
}
