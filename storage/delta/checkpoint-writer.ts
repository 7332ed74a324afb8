/**
 * Writing classic single-file Parquet checkpoints (PROTOCOL.md "Checkpoints", V1
 * spec, "Checkpoint Schema") and `_last_checkpoint`.
 *
 *   <v>.checkpoint.parquet, one action per row, each action a nullable struct column:
 *     txn | add | remove | metaData | protocol | domainMetadata
 *   _last_checkpoint: {"version":v,"size":rows,"sizeInBytes":…,"numOfAddFiles":…}
 *
 * Written every `delta.checkpointInterval` commits (default 10). The nested
 * schema is built as Arrow types and encoded by parquet-wasm (arrow-rs), which
 * writes standard 3-level lists and maps every Delta reader understands.
 * Tombstones are kept until `delta.deletedFileRetentionDuration` (default 7 days).
 */
import * as arrow from 'apache-arrow';
import type { DeltaMetadata } from './delta-actions.ts';
import { type DeltaLocation } from './delta-location.ts';
import { logKey } from './delta-log-listing.ts';
import { type DeltaSnapshot, loadSnapshot } from './delta-snapshot.ts';
import { addObject } from './action-serialization.ts';
import { retentionMillis } from './retention.ts';
import { putLogFile } from './commit-file.ts';
import { noteCheckpoint } from './snapshot-cache.ts';
import * as pw from '../parquet/wasm.ts';

const DEFAULT_INTERVAL = 10;
/** A checkpoint of F files is written at most every F / FILES_PER_COMMIT commits (see writeCheckpointIfDue). */
const FILES_PER_COMMIT = 100;

/**
 * Writes a checkpoint for `version` when it is a multiple of the table's checkpoint
 * interval — and, for tables of many files, at least F/100 commits after the last known
 * checkpoint: a checkpoint rewrites one row per live file, so a stream of one-row
 * INSERTs into a table of F files would otherwise spend O(F) per 10 commits. Readers
 * then replay at most ~1% as many JSON actions as the checkpoint holds.
 */
export async function writeCheckpointIfDue(loc: DeltaLocation, version: number, metadata: DeltaMetadata): Promise<boolean> {
  const interval = Number(metadata.configuration['delta.checkpointInterval'] ?? DEFAULT_INTERVAL);
  if (!(interval > 0) || version === 0 || version % interval !== 0) return false;
  const snapshot = await loadSnapshot(loc, { version });
  const since = version - (snapshot.checkpointVersion ?? 0);
  if (since < snapshot.files.length / FILES_PER_COMMIT) return false;
  await writeCheckpoint(snapshot);
  return true;
}

const utf8 = () => new arrow.Utf8();
const i64 = () => new arrow.Int64();
const i32 = () => new arrow.Int32();
const bool = () => new arrow.Bool();
const f = (name: string, type: arrow.DataType) => new arrow.Field(name, type, true);
const strMap = (): arrow.DataType => new arrow.Map_(
  new arrow.Field('key_value', new arrow.Struct([new arrow.Field('key', utf8(), false), f('value', utf8())]), false) as unknown as arrow.Field<never>, false);
const strList = () => new arrow.List(f('element', utf8()));
const dvType = () => new arrow.Struct([f('storageType', utf8()), f('pathOrInlineDv', utf8()), f('offset', i32()), f('sizeInBytes', i32()), f('cardinality', i64())]);

/** The Arrow schema of a classic checkpoint (PROTOCOL.md "Checkpoint Schema", without *_parsed columns). */
export function checkpointSchema(): arrow.Schema {
  return new arrow.Schema([
    f('txn', new arrow.Struct([f('appId', utf8()), f('version', i64()), f('lastUpdated', i64())])),
    f('add', new arrow.Struct([
      f('path', utf8()), f('partitionValues', strMap()), f('size', i64()), f('modificationTime', i64()), f('dataChange', bool()),
      f('stats', utf8()), f('tags', strMap()), f('deletionVector', dvType()), f('baseRowId', i64()), f('defaultRowCommitVersion', i64()),
    ])),
    f('remove', new arrow.Struct([
      f('path', utf8()), f('deletionTimestamp', i64()), f('dataChange', bool()), f('extendedFileMetadata', bool()),
      f('partitionValues', strMap()), f('size', i64()), f('deletionVector', dvType()), f('baseRowId', i64()), f('defaultRowCommitVersion', i64()),
    ])),
    f('metaData', new arrow.Struct([
      f('id', utf8()), f('name', utf8()), f('description', utf8()),
      f('format', new arrow.Struct([f('provider', utf8()), f('options', strMap())])),
      f('schemaString', utf8()), f('partitionColumns', strList()), f('configuration', strMap()), f('createdTime', i64()),
    ])),
    f('protocol', new arrow.Struct([f('minReaderVersion', i32()), f('minWriterVersion', i32()), f('readerFeatures', strList()), f('writerFeatures', strList())])),
    f('domainMetadata', new arrow.Struct([f('domain', utf8()), f('configuration', utf8()), f('removed', bool())])),
  ]);
}

type Row = Partial<Record<'txn' | 'add' | 'remove' | 'metaData' | 'protocol' | 'domainMetadata', unknown>>;

/** The checkpoint rows of a snapshot: protocol, metaData, txns, domains, live files, unexpired tombstones. */
export function checkpointRows(s: DeltaSnapshot, now = Date.now()): Row[] {
  const rows: Row[] = [];
  const p = s.protocol;
  rows.push({ protocol: {
    minReaderVersion: p.minReaderVersion, minWriterVersion: p.minWriterVersion,
    readerFeatures: p.minReaderVersion >= 3 ? [...(p.readerFeatures ?? [])] : null,
    writerFeatures: p.minWriterVersion >= 7 ? [...(p.writerFeatures ?? [])] : null,
  } });
  const m = s.metadata;
  rows.push({ metaData: {
    id: m.id, name: m.name ?? null, description: m.description ?? null,
    format: { provider: m.format.provider, options: toMap(m.format.options) },
    schemaString: m.schemaString, partitionColumns: [...m.partitionColumns], configuration: toMap(m.configuration), createdTime: big(m.createdTime),
  } });
  for (const [appId, version] of s.txns) rows.push({ txn: { appId, version: BigInt(version), lastUpdated: null } });
  for (const [domain, configuration] of s.domains) rows.push({ domainMetadata: { domain, configuration, removed: false } });
  for (const a of s.files) {
    const o = addObject({ ...a, dataChange: false });
    rows.push({ add: {
      ...o, partitionValues: toMap(a.partitionValues), size: BigInt(a.size), modificationTime: BigInt(a.modificationTime),
      tags: a.tags ? toMap(a.tags) : null, deletionVector: dv(a.deletionVector), baseRowId: big(a.baseRowId), defaultRowCommitVersion: big(a.defaultRowCommitVersion),
    } });
  }
  const horizon = now - retentionMillis(m);
  for (const r of s.tombstones) {
    if ((r.deletionTimestamp ?? 0) < horizon) continue;
    rows.push({ remove: {
      path: r.path, deletionTimestamp: big(r.deletionTimestamp), dataChange: false,
      extendedFileMetadata: r.partitionValues !== undefined && r.size !== undefined,
      partitionValues: r.partitionValues ? toMap(r.partitionValues) : null, size: big(r.size), deletionVector: dv(r.deletionVector),
    } });
  }
  return rows;
}

/** Encodes checkpoint rows as Parquet bytes. */
export function encodeCheckpoint(rows: readonly Row[]): Uint8Array {
  const schema = checkpointSchema();
  const builders = schema.fields.map((fl) => arrow.makeBuilder({ type: fl.type, nullValues: [null, undefined] }));
  for (const r of rows) schema.fields.forEach((fl, i) => builders[i]!.append((r as Record<string, unknown>)[fl.name] ?? null));
  const children = builders.map((b) => b.finish().flush());
  const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length: rows.length, nullCount: 0, children });
  const table = pw.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]), 'stream'));
  return pw.writeParquet(table, new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).setCreatedBy('loch').build());
}

/** Writes `<version>.checkpoint.parquet` for a snapshot, then `_last_checkpoint`. */
export async function writeCheckpoint(s: DeltaSnapshot): Promise<void> {
  const loc = s.location;
  const rows = checkpointRows(s);
  const bytes = encodeCheckpoint(rows);
  await putLogFile(loc.store, logKey(loc, `${String(s.version).padStart(20, '0')}.checkpoint.parquet`), bytes);
  const hint = { version: s.version, size: rows.length, sizeInBytes: bytes.byteLength, numOfAddFiles: s.files.length };
  await putLogFile(loc.store, logKey(loc, '_last_checkpoint'), new TextEncoder().encode(JSON.stringify(hint)));
  noteCheckpoint(loc, s.version);
}

function toMap(o: Readonly<Record<string, string | null>>): Map<string, string | null> {
  return new Map(Object.entries(o));
}

function big(v: number | undefined): bigint | null {
  return v === undefined ? null : BigInt(v);
}

function dv(d: { storageType: string; pathOrInlineDv: string; offset?: number; sizeInBytes: number; cardinality: number } | undefined): unknown {
  return d ? { storageType: d.storageType, pathOrInlineDv: d.pathOrInlineDv, offset: d.offset ?? null, sizeInBytes: d.sizeInBytes, cardinality: BigInt(d.cardinality) } : null;
}
