/**
 * Child process of the concurrency and crash tests: commits appends (two rows per
 * commit, in its own partition) and deletes of its own earlier rows to one Delta
 * table, retrying a delete that loses a conflict (40001). Prints
 * `{"appended":[…],"deleted":[…],"retries":n}` when done.
 *
 *   node concurrent-writer.ts <table dir | key prefix> <writer id> <appends> <deletes> [rows per append]
 *
 * With LOCH_TEST_S3_CONFIG (an S3StoreConfig as JSON; test-only, read here at the
 * process edge) the table is a key prefix in that S3 store.
 */
import { Batch, LochError, T, columnFromValues, readValue } from '../../core/index.ts';
import { type ObjectStore, type S3StoreConfig, S3ObjectStore, readRowsWithPositions, startTransaction } from '../../storage/index.ts';

const [dir, idText, appendsText, deletesText, rowsText] = process.argv.slice(2);
const writer = Number(idText);
const appends = Number(appendsText);
const deletes = Number(deletesText);
const rowsPerAppend = Number(rowsText ?? 2);

const s3Config = process.env.LOCH_TEST_S3_CONFIG;
const s3 = s3Config ? new S3ObjectStore(JSON.parse(s3Config) as S3StoreConfig) : undefined;
const store: { objectStore?: ObjectStore } = s3 ? { objectStore: s3 } : {};

const appended: number[] = [];
const deleted: number[] = [];
let retries = 0;

async function append(i: number): Promise<void> {
  const ids = Array.from({ length: rowsPerAppend }, (_, k) => writer * 1_000_000 + i * rowsPerAppend + k);
  const txn = await startTransaction(dir!, store);
  txn.commitInfo({ operation: 'WRITE' });
  await txn.addFiles([new Batch([columnFromValues(T.int32, ids), columnFromValues(T.int32, ids.map(() => writer))], ids.length)]);
  await txn.commit();
  appended.push(...ids);
  process.stderr.write(`committed ${ids[0]}\n`);
}

async function deleteRow(id: number): Promise<void> {
  for (;;) {
    const txn = await startTransaction(dir!, store);
    txn.readPredicates([{ kind: 'compare', column: 1, op: '=', value: writer }]);
    const deletesByFile = [];
    for (const file of txn.snapshot!.files) {
      if (file.partitionValues.w !== String(writer)) continue;
      const stats = JSON.parse(file.stats ?? '{}') as { minValues?: { id?: number }; maxValues?: { id?: number } };
      if ((stats.minValues?.id ?? -Infinity) > id || (stats.maxValues?.id ?? Infinity) < id) continue; // data skipping
      const rows: number[] = [];
      for await (const { batch, positions } of readRowsWithPositions(txn.location, file, txn.columns)) {
        for (let i = 0; i < positions.length; i++) {
          if (readValue(batch.columns[0]!, T.int32, batch.selection ? batch.selection[i]! : i) === id) rows.push(positions[i]!);
        }
      }
      txn.readFiles([file]);
      if (rows.length > 0) deletesByFile.push({ file, rows });
    }
    await txn.deleteRows(deletesByFile);
    txn.commitInfo({ operation: 'DELETE' });
    try {
      await txn.commit();
      deleted.push(id);
      return;
    } catch (e) {
      if (e instanceof LochError && e.sqlState === '40001') { retries++; continue; }
      throw e;
    }
  }
}

const every = Math.max(1, Math.floor(appends / Math.max(1, deletes)));
let done = 0;
for (let i = 0; i < appends; i++) {
  await append(i);
  if ((i + 1) % every === 0 && done < deletes) {
    await deleteRow(appended[appended.length - rowsPerAppend]!);
    done++;
  }
}
while (done < deletes && appended.length > 0) { await deleteRow(appended[done * rowsPerAppend]!); done++; }
await s3?.close();
process.stdout.write(JSON.stringify({ appended, deleted, retries }));
