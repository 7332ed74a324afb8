/**
 * Micro-benchmark: Parquet → arrow-js memory, per reader, and Parquet writing.
 *
 *   node bench/micro/parquet-decode.ts <file.parquet | dir | glob> [--readers=loch,wasm-ffi,wasm-ipc,hyparquet,duckdb] [--reps=2]
 *   node bench/micro/parquet-decode.ts --generate <file.parquet> [rows=1000000] [--compare-writers]
 *
 * Reads all columns and the 4 columns of TPC-H Q6 (l_shipdate, l_discount,
 * l_quantity, l_extendedprice; or the first 4 when absent) and prints rows/s.
 * The first repetition includes WebAssembly/JIT warm-up and is printed separately.
 * `--generate` writes lineitem-shaped data (int32 keys, decimal(15,2) money,
 * dates, short strings) with Loch's writer (and, with --compare-writers, hyparquet-writer).
 * Data belongs under /tmp, never in the repository.
 */
import * as arrow from 'apache-arrow';
import { readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { Batch, T, decimal, type BatchField } from '../../core/index.ts';
import { configureColumnCache, expandGlob, openParquetTable, writeParquetFile } from '../../storage/index.ts';

// Every repetition must decode: the decoded-column cache would serve repeated reads.
configureColumnCache({ maxBytes: 0 });

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const positional = args.filter((a) => !a.startsWith('--'));

type Reader = (file: string, columns: string[]) => Promise<number>;

/** Runs a one-file reader over every file of a table, summing rows. */
function overFiles(reader: Reader): (files: readonly string[], columns: string[]) => Promise<number> {
  return async (files, columns) => {
    let rows = 0;
    for (const f of files) rows += await reader(f, columns);
    return rows;
  };
}

/** Loch's reader (storage/openParquetTable) over all files as one table: rows decoded into Loch's layout. */
const loch = async (files: readonly string[], columns: string[]): Promise<number> => {
  const scanner = await openParquetTable(files);
  const idx = columns.map((c) => scanner.columns.findIndex((s) => s.name === c));
  let rows = 0;
  for await (const b of scanner.scan({ columns: idx, predicates: [] })) rows += b.numRows;
  return rows;
};

/** parquet-wasm async reader (column projection) + arrow-js-ffi parseTable with copy=true. */
const wasmFfi: Reader = async (file, columns) => {
  const pw = await import('parquet-wasm/node');
  const { parseTable } = await import('arrow-js-ffi');
  const { openAsBlob } = await import('node:fs');
  const handle = await pw.ParquetFile.fromFile(await openAsBlob(file));
  const table = await handle.read({ columns, batchSize: 1 << 16 });
  const ffi = table.intoFFI();
  const t: arrow.Table = parseTable(pw.wasmMemory().buffer, ffi.arrayAddrs(), ffi.schemaAddr(), true);
  ffi.free();
  handle.free();
  return t.numRows;
};

/** parquet-wasm async reader + IPC stream → arrow-js tableFromIPC (the documented path). */
const wasmIpc: Reader = async (file, columns) => {
  const pw = await import('parquet-wasm/node');
  const { openAsBlob } = await import('node:fs');
  const handle = await pw.ParquetFile.fromFile(await openAsBlob(file));
  const table = await handle.read({ columns, batchSize: 1 << 16 });
  const t = arrow.tableFromIPC(table.intoIPCStream());
  handle.free();
  return t.numRows;
};

/** hyparquet (pure JS) into JS arrays, columnar. */
const hyparquet: Reader = async (file, columns) => {
  const { parquetRead } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const bytes = readFileSync(file);
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let rows = 0;
  await parquetRead({ file: buf, columns, compressors, onComplete: (data: unknown[][]) => { rows = data.length; } });
  return rows;
};

/**
 * DuckDB (native, multi-threaded) reading every value of the columns (bit_xor of hashes, so
 * statistics cannot answer it): a reference for the scan floor, not a copy into arrow-js.
 */
const duckdb = async (files: readonly string[], columns: string[]): Promise<number> => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const list = files.map((f) => `'${f}'`).join(', ');
  const r = await conn.runAndReadAll(`SELECT count(*), ${columns.map((c) => `bit_xor(hash("${c}"))`).join(', ')} FROM read_parquet([${list}])`);
  conn.closeSync();
  return Number(r.getRows()[0]![0]);
};

type TableReader = (files: readonly string[], columns: string[]) => Promise<number>;
const READERS: Record<string, TableReader> = {
  loch, 'wasm-ffi': overFiles(wasmFfi), 'wasm-ipc': overFiles(wasmIpc), hyparquet: overFiles(hyparquet), duckdb,
};

async function benchRead(pattern: string): Promise<void> {
  const files = await expandGlob(pattern);
  const scanner = await openParquetTable(files);
  const all = scanner.columns.map((c) => c.name);
  const q6 = ['l_shipdate', 'l_discount', 'l_quantity', 'l_extendedprice'];
  const four = q6.every((c) => all.includes(c)) ? q6 : all.slice(0, 4);
  const reps = Number(flag('reps') ?? 2);
  const names = (flag('readers') ?? Object.keys(READERS).join(',')).split(',');
  const { rowCount, sizeBytes } = await scanner.statistics();
  console.log(`${pattern}: ${files.length} file(s), ${rowCount} rows, ${all.length} columns, ${((sizeBytes ?? 0) / 1e6).toFixed(1)} MB`);
  for (const name of names) {
    const reader = READERS[name];
    if (!reader) throw new Error(`unknown reader ${name}; known: ${Object.keys(READERS).join(', ')}`);
    for (const [label, columns] of [[`all ${all.length}`, all], ['4 (Q6)', four]] as const) {
      const times: number[] = [];
      const cpus: number[] = [];
      let rows = 0;
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        rows = await reader(files, columns);
        const c = process.cpuUsage(c0);
        cpus.push((c.user + c.system) / 1000);
        times.push(performance.now() - t0);
      }
      // Best warm repetition; CPU time of this process (all its threads) is printed too because
      // wall time is unreliable on a shared machine.
      const warm = reps > 1 ? 1 : 0;
      const best = Math.min(...times.slice(warm));
      const cpu = Math.min(...cpus.slice(warm));
      console.log(`${name.padEnd(10)} ${label.padEnd(7)} cols: wall ${(best / 1000).toFixed(2).padStart(6)} s  ${(rows / best * 1000 / 1e6).toFixed(2).padStart(6)} M rows/s | cpu ${(cpu / 1000).toFixed(2).padStart(6)} s  ${(rows / cpu * 1000 / 1e6).toFixed(2).padStart(6)} M rows/cpu-s  (first run wall ${(times[0]! / 1000).toFixed(2)} s)`);
    }
  }
}

// ---- data generation (lineitem-shaped) and write benchmark ----

const LINEITEM: BatchField[] = [
  ['l_orderkey', T.int32], ['l_partkey', T.int32], ['l_suppkey', T.int32], ['l_linenumber', T.int32],
  ['l_quantity', decimal(15, 2)], ['l_extendedprice', decimal(15, 2)], ['l_discount', decimal(15, 2)], ['l_tax', decimal(15, 2)],
  ['l_returnflag', T.text], ['l_linestatus', T.text], ['l_shipdate', T.date], ['l_commitdate', T.date], ['l_receiptdate', T.date],
  ['l_shipinstruct', T.text], ['l_shipmode', T.text], ['l_comment', T.text],
].map(([name, type]) => ({ name: name as string, type: type as BatchField['type'], nullable: false }));

let seed = 42;
const rnd = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const encoder = new TextEncoder();
const WORDS = ['carefully', 'final', 'deposits', 'quickly', 'ironic', 'packages', 'furiously', 'regular', 'accounts', 'slyly', 'bold', 'requests'];

function textColumn(n: number, pick: () => string): arrow.Data {
  const offsets = new Int32Array(n + 1);
  const parts: Uint8Array[] = new Array(n);
  for (let i = 0; i < n; i++) { parts[i] = encoder.encode(pick()); offsets[i + 1] = offsets[i]! + parts[i]!.length; }
  const bytes = new Uint8Array(offsets[n]!);
  for (let i = 0; i < n; i++) bytes.set(parts[i]!, offsets[i]!);
  return arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data: bytes });
}

function* lineitemBatches(total: number, size = 1 << 16): Generator<Batch> {
  for (let start = 0; start < total; start += size) {
    const n = Math.min(size, total - start);
    const ints = (f: (i: number) => number) => arrow.makeData({ type: new arrow.Int32(), length: n, nullCount: 0, data: Int32Array.from({ length: n }, (_, i) => f(start + i)) });
    const money = (f: () => number) => arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: Float64Array.from({ length: n }, f) });
    const ship = Int32Array.from({ length: n }, () => 8036 + Math.floor(rnd() * 2500));
    const days = (f: (i: number) => number) => arrow.makeData({ type: new arrow.DateDay(), length: n, nullCount: 0, data: Int32Array.from({ length: n }, (_, i) => f(i)) });
    yield new Batch([
      ints((i) => (i >> 2) + 1), ints(() => 1 + Math.floor(rnd() * 200000)), ints(() => 1 + Math.floor(rnd() * 10000)), ints((i) => (i & 3) + 1),
      money(() => 100 * (1 + Math.floor(rnd() * 50))), money(() => Math.floor(rnd() * 10_000_000)), money(() => Math.floor(rnd() * 11)), money(() => Math.floor(rnd() * 9)),
      textColumn(n, () => 'ARN'[Math.floor(rnd() * 3)]!), textColumn(n, () => 'OF'[Math.floor(rnd() * 2)]!),
      days((i) => ship[i]!), days((i) => ship[i]! + 30), days((i) => ship[i]! + 1 + Math.floor(rnd() * 30)),
      textColumn(n, () => ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'][Math.floor(rnd() * 4)]!),
      textColumn(n, () => ['AIR', 'MAIL', 'SHIP', 'TRUCK', 'RAIL', 'FOB', 'REG AIR'][Math.floor(rnd() * 7)]!),
      textColumn(n, () => Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ')),
    ], n);
  }
}

async function generate(file: string, rows: number): Promise<void> {
  const batches = [...lineitemBatches(rows)]; // generate first: time only the writer
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await writeParquetFile(file, LINEITEM, batches);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(`loch writer (parquet-wasm, snappy): ${rows} rows in ${s.toFixed(2)} s wall, ${cpu.toFixed(2)} s cpu (${(rows / cpu / 1e6).toFixed(2)} M rows/cpu-s), ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  if (args.includes('--compare-writers')) {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const decoder = new TextDecoder();
    const columnData = LINEITEM.map((f, c) => {
      const data: unknown[] = [];
      for (const b of batches) {
        const d = b.columns[c]!;
        if (f.type.kind === 'text') {
          const o = d.valueOffsets as Int32Array, v = d.values as Uint8Array;
          for (let i = 0; i < b.numRows; i++) data.push(decoder.decode(v.subarray(o[i]!, o[i + 1]!)));
        } else for (const x of d.values as Int32Array) data.push(x);
      }
      const type = f.type.kind === 'text' ? 'STRING' : f.type.kind === 'decimal' ? 'DOUBLE' : 'INT32';
      return { name: f.name, data, type } as const;
    });
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const buf = parquetWriteBuffer({ columnData: columnData as never });
    writeFileSync(`${file}.hyparquet`, new Uint8Array(buf));
    const s1 = (performance.now() - t1) / 1000;
    const cc = process.cpuUsage(c1);
    const cpu1 = (cc.user + cc.system) / 1e6;
    console.log(`hyparquet-writer (decimals as DOUBLE): ${rows} rows in ${s1.toFixed(2)} s wall, ${cpu1.toFixed(2)} s cpu (${(rows / cpu1 / 1e6).toFixed(2)} M rows/cpu-s)`);
    rmSync(`${file}.hyparquet`);
  }
}

if (args.includes('--generate')) {
  const file = positional[0];
  if (!file) throw new Error('usage: --generate <file.parquet> [rows]');
  await generate(file, Number(positional[1] ?? 1_000_000));
} else {
  const pattern = positional[0];
  if (!pattern) throw new Error('usage: node bench/micro/parquet-decode.ts <file.parquet | directory | glob>');
  await benchRead(pattern);
}
