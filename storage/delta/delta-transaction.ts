/**
 * `DeltaTransaction`: stage the actions of one Delta commit, then commit them with
 * optimistic concurrency (PROTOCOL.md "Delta Log Entries"; issue 3, write side).
 *
 *   startTransaction(loc, { readVersion }) ─► snapshot S(readVersion)
 *     addFiles / removeFiles / deleteRows / updateMetadata / setProtocol / commitInfo
 *     readFiles / readPredicates / readWholeTable     (what the changes were based on)
 *   commit():
 *     v = readVersion + 1
 *     loop: putIfAbsent(_delta_log/v.json) ── ok ──► checkpoint if v % interval == 0 ─► { version: v }
 *                       └─ taken: read commit v, checkConflicts (40001 naming v) ─► v + 1
 *
 * Data files are written while staging (orphans if the commit never happens; VACUUM
 * removes them). With change data feed on, a commit that writes any change data file
 * must describe all its changes that way: plain adds/removes of such a commit are
 * read back and written as `insert`/`delete` change data at commit time.
 */
import { type Batch, LochError, type ScanPredicate, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import type { DeltaAction, DeltaAddFile, DeltaCdcFile, DeltaMetadata, DeltaProtocol, DeltaRemoveFile } from './delta-actions.ts';
import { type DeltaLocation, decodePath, deltaLocation } from './delta-location.ts';
import { type DeltaSnapshot, loadSnapshot } from './delta-snapshot.ts';
import { logKey } from './delta-log-listing.ts';
import { commitText, removeFor } from './action-serialization.ts';
import { commitActions } from './commit-actions.ts';
import { commitName, putCommitIfAbsent, readWinner } from './commit-file.ts';
import { checkWriteInput } from './write-input-check.ts';
import { type IsolationLevel, checkConflicts } from './conflict-checker.ts';
import { checkWriteProtocol, requiredProtocol, sameProtocol } from './table-protocol.ts';
import { type WriteColumn, writeDataFiles } from './data-file-writer.ts';
import { type ReadableColumn } from './delta-file-reader.ts';
import { deltaColumns } from './delta-schema.ts';
import { fileMayMatch, parseFileStatistics } from './file-statistics.ts';
import { decodePartitionValue } from './partition-value.ts';
import { type MetadataUpdate, applyMetadataUpdate } from './metadata-update.ts';
import { type RowDeletes, stageRowDeletes, changeDataOfFile } from './row-level-changes.ts';
import { writeCheckpointIfDue } from './checkpoint-writer.ts';
import { advanceSnapshot } from './snapshot-cache.ts';

/** Where a transaction's table lives: a location string (with an optional store) or a DeltaLocation. */
export type TableRef = string | DeltaLocation;

/** Options of `startTransaction`. */
export interface TransactionOptions {
  /** The version the transaction reads (default: newest). */
  readonly readVersion?: number;
  readonly objectStore?: ObjectStore;
  readonly isolationLevel?: IsolationLevel;
  /** Conflict retries before giving up with 40001 (default 1000: blind appends always get through). */
  readonly maxRetries?: number;
}

/** Change kinds of change data files. */
export type ChangeType = 'insert' | 'delete' | 'update_preimage' | 'update_postimage';

/** Options of `addFiles`. */
export interface AddFilesOptions {
  /** false for files that only rearrange data (OPTIMIZE). */
  readonly dataChange?: boolean;
  /** With change data feed: also write these rows as change data of this kind. */
  readonly changeType?: 'insert' | 'update_postimage';
  /** Cut files at about this many in-memory bytes (default: delta.targetFileSize or 128 MiB). */
  readonly targetFileSize?: number;
}

/** What `commit` reports. */
export interface CommitResult {
  readonly version: number;
  /** Versions other writers committed first (the transaction was checked against them). */
  readonly conflictsChecked: number;
}

/** Resolves a TableRef. */
export function resolveTable(table: TableRef, store?: ObjectStore): DeltaLocation {
  return typeof table === 'string' ? deltaLocation(table, store) : table;
}

/** Starts a transaction on an existing table at its newest version (or `readVersion`). */
export async function startTransaction(table: TableRef, options: TransactionOptions = {}): Promise<DeltaTransaction> {
  const loc = resolveTable(table, options.objectStore);
  const snapshot = await loadSnapshot(loc, options.readVersion !== undefined ? { version: options.readVersion } : {});
  checkWriteProtocol(snapshot.protocol, loc.display);
  return new DeltaTransaction(loc, snapshot, snapshot.metadata, snapshot.protocol, options);
}

/** A transaction: staged actions on top of a read snapshot (undefined when creating the table). */
export class DeltaTransaction {
  readonly location: DeltaLocation;
  readonly snapshot: DeltaSnapshot | undefined;
  readonly readVersion: number;
  private metadataValue: DeltaMetadata;
  private protocolValue: DeltaProtocol;
  private metadataChanged = false;
  private protocolChanged = false;
  private readonly adds: DeltaAddFile[] = [];
  private readonly removes: DeltaRemoveFile[] = [];
  private readonly cdcs: DeltaCdcFile[] = [];
  /** Adds/removes whose rows are not yet in change data files. */
  private readonly uncoveredAdds: DeltaAddFile[] = [];
  private readonly uncoveredRemoves: DeltaAddFile[] = [];
  private readonly txns: Array<{ appId: string; version: number }> = [];
  private readonly readPaths = new Set<string>();
  private readonly retired = new Set<string>();
  private predicates: ScanPredicate[] | undefined;
  private wholeTable = false;
  private info: Record<string, unknown> = {};
  private readonly options: TransactionOptions;
  private committed = false;

  constructor(location: DeltaLocation, snapshot: DeltaSnapshot | undefined, metadata: DeltaMetadata, protocol: DeltaProtocol, options: TransactionOptions = {}) {
    this.location = location;
    this.snapshot = snapshot;
    this.readVersion = snapshot?.version ?? -1;
    this.metadataValue = metadata;
    this.protocolValue = protocol;
    this.options = options;
    if (!snapshot) { this.metadataChanged = true; this.protocolChanged = true; }
  }

  /** The table metadata as this transaction will leave it. */
  get metadata(): DeltaMetadata { return this.metadataValue; }
  /** The protocol as this transaction will leave it. */
  get protocol(): DeltaProtocol { return this.protocolValue; }
  /** Readable table columns (names, Loch types, physical names), in schema order. */
  get columns(): ReadableColumn[] {
    return deltaColumns(this.metadataValue, this.location.display).filter((c): c is ReadableColumn => c.type !== undefined);
  }
  /** A table property of the staged metadata. */
  property(key: string): string | undefined { return this.metadataValue.configuration[key]; }
  /** True when `delta.enableDeletionVectors` is on (and the protocol supports it). */
  get deletionVectorsEnabled(): boolean {
    return this.property('delta.enableDeletionVectors') === 'true' && (this.protocolValue.writerFeatures ?? []).includes('deletionVectors');
  }
  /** True when change data files must be written. */
  get changeDataFeedEnabled(): boolean { return this.property('delta.enableChangeDataFeed') === 'true'; }
  /** Files staged for addition so far. */
  get addedFiles(): readonly DeltaAddFile[] { return this.adds; }
  /** Files staged for removal so far. */
  get removedFiles(): readonly DeltaRemoveFile[] { return this.removes; }

  /** Records that the transaction's changes depend on these files (conflicts if a winner removes them). */
  readFiles(files: Iterable<DeltaAddFile>): void {
    for (const f of files) this.readPaths.add(decodePath(f.path));
  }

  /** Records the condition of rows the transaction read (conflicts if a winner adds matching files). */
  readPredicates(predicates: readonly ScanPredicate[]): void {
    this.predicates = [...(this.predicates ?? []), ...predicates];
  }

  /**
   * The files of the read snapshot that may hold rows satisfying `predicates` (conjuncts on
   * `columns` indexes), by partition values and statistics — the files a DELETE/UPDATE/MERGE
   * must read. Records both the predicates and the files as read (for conflict checks).
   */
  filesMatching(predicates: readonly ScanPredicate[]): DeltaAddFile[] {
    const columns = this.columns;
    const files = (this.snapshot?.files ?? []).filter((f) => fileMayMatch(predicates, columns, parseFileStatistics(f.stats), (i) => {
      const c = columns[i]!;
      return decodePartitionValue(f.partitionValues[c.physicalName] ?? f.partitionValues[c.name], c.type, c.name);
    }));
    this.readPredicates(predicates);
    this.readFiles(files);
    return files;
  }

  /**
   * Removes the files INSERT OVERWRITE / TRUNCATE replace: all of them, or with
   * `partitionPredicates` (replaceWhere on partition columns only) those of the matching
   * partitions. Returns the removed files.
   */
  overwrite(partitionPredicates?: readonly ScanPredicate[]): DeltaAddFile[] {
    const columns = this.columns;
    if (!partitionPredicates) {
      this.readWholeTable();
      const all = [...(this.snapshot?.files ?? [])];
      this.removeFiles(all);
      return all;
    }
    const bad = partitionPredicates.find((p) => !columns[p.column]?.isPartition);
    if (bad) {
      throw new LochError(SqlState.featureNotSupported,
        `Delta table "${this.location.display}": replaceWhere on column "${columns[bad.column]?.name ?? bad.column}" is not supported; use partition columns only`);
    }
    const files = this.filesMatching(partitionPredicates);
    this.removeFiles(files);
    return files;
  }

  /** Records that the transaction read the whole table (any concurrent non-blind add conflicts). */
  readWholeTable(): void { this.wholeTable = true; }

  /** Sets a transaction identifier (idempotent streaming writes). */
  setTransactionId(appId: string, version: number): void { this.txns.push({ appId, version }); }

  /** Adds provenance fields to the commitInfo action (operation, operationParameters, …). */
  commitInfo(info: Readonly<Record<string, unknown>>): void { this.info = { ...this.info, ...info }; }

  /** Stages a metadata change (schema, partitioning, properties, constraints); the protocol follows. */
  updateMetadata(update: MetadataUpdate): void {
    this.metadataValue = applyMetadataUpdate(this.metadataValue, update, this.location.display);
    this.metadataChanged = true;
    const p = requiredProtocol(this.metadataValue, this.protocolValue);
    if (p !== this.protocolValue) this.setProtocol(p);
  }

  /** Stages a protocol change (never a downgrade: the current protocol's features are kept). */
  setProtocol(protocol: DeltaProtocol): void {
    checkWriteProtocol(protocol, this.location.display);
    if (!sameProtocol(protocol, this.protocolValue)) { this.protocolValue = protocol; this.protocolChanged = true; }
  }

  /**
   * Writes `batches` (every table column, in schema order) as data files partitioned
   * by the table's partition columns, with statistics; stages their `add` actions.
   */
  async addFiles(batches: Iterable<Batch> | AsyncIterable<Batch>, options: AddFilesOptions = {}): Promise<DeltaAddFile[]> {
    const columns = this.writeColumns();
    const target = options.targetFileSize ?? numberProperty(this.metadataValue, 'delta.targetFileSize');
    const written = await writeDataFiles(this.location, columns, checkWriteInput(batches, columns, this.location.display), {
      partitionColumns: this.metadataValue.partitionColumns,
      compression: this.compression(),
      statsColumns: this.statsColumns(),
      ...(target !== undefined ? { targetFileSize: target } : {}),
    });
    const dataChange = options.dataChange ?? true;
    const adds = written.map((w): DeltaAddFile => ({
      path: w.path, partitionValues: w.partitionValues, size: w.size, modificationTime: w.modificationTime, dataChange, stats: w.stats,
    }));
    this.adds.push(...adds);
    if (dataChange && this.changeDataFeedEnabled) {
      if (options.changeType) for (const a of adds) await this.addChangeDataFromFile(a, options.changeType);
      else this.uncoveredAdds.push(...adds);
    }
    return adds;
  }

  /** Stages `remove` actions for whole logical files (they must be active in the read snapshot). */
  removeFiles(files: Iterable<DeltaAddFile>, options: { readonly dataChange?: boolean } = {}): void {
    const dataChange = options.dataChange ?? true;
    const now = Date.now();
    for (const f of files) {
      this.claim(f);
      this.readPaths.add(decodePath(f.path));
      this.removes.push(removeFor(f, dataChange, now));
      if (dataChange && this.changeDataFeedEnabled) this.uncoveredRemoves.push(f);
    }
  }

  /**
   * Deletes rows by physical position from files: a deletion vector per file when the
   * table enables them, otherwise the file is rewritten without the rows. With change data
   * feed the deleted rows are written as change data (`delete`, or `update_preimage` for UPDATE).
   */
  async deleteRows(deletes: readonly RowDeletes[], options: { readonly changeType?: 'delete' | 'update_preimage' } = {}): Promise<void> {
    await stageRowDeletes(this, deletes, options.changeType ?? 'delete');
  }

  /** Writes rows (every table column) as a change data file of `changeType`. */
  async addChangeData(batches: Iterable<Batch> | AsyncIterable<Batch>, changeType: ChangeType): Promise<void> {
    const written = await writeDataFiles(this.location, this.writeColumns(), batches, {
      partitionColumns: this.metadataValue.partitionColumns, compression: this.compression(),
      directory: '_change_data/', filePrefix: 'cdc', changeType,
    });
    for (const w of written) this.cdcs.push({ path: w.path, partitionValues: w.partitionValues, size: w.size });
  }

  /** Stages `add` actions for files that already exist (RESTORE re-adds files of an older version). */
  addExistingFiles(files: Iterable<DeltaAddFile>, options: { readonly dataChange?: boolean } = {}): void {
    const dataChange = options.dataChange ?? true;
    for (const f of files) this.adds.push({ ...f, dataChange });
  }

  /** Stages a wholesale metadata replacement (RESTORE); the protocol is raised as needed, never lowered. */
  replaceMetadata(metadata: DeltaMetadata): void {
    this.metadataValue = metadata;
    this.metadataChanged = true;
    const p = requiredProtocol(metadata, this.protocolValue);
    if (p !== this.protocolValue) this.setProtocol(p);
  }

  /** Internal (row-level-changes.ts): stage an add/remove pair produced by a row-level change. */
  stageRowChange(remove: DeltaAddFile, adds: readonly DeltaAddFile[]): void {
    this.claim(remove);
    this.readPaths.add(decodePath(remove.path));
    this.removes.push(removeFor(remove, true));
    this.adds.push(...adds);
  }

  /** A logical file may be retired once per commit (PROTOCOL.md: one remove per path). */
  private claim(f: DeltaAddFile): void {
    const path = decodePath(f.path);
    if (this.retired.has(path)) {
      throw new LochError(SqlState.internalError,
        `data file "${path}" of Delta table "${this.location.display}" is already removed or rewritten by this transaction; pass all its row positions in one deleteRows call`);
    }
    this.retired.add(path);
  }

  /** Columns as the data file writer needs them. */
  writeColumns(): WriteColumn[] {
    const all = deltaColumns(this.metadataValue, this.location.display);
    const bad = all.find((c) => c.type === undefined);
    if (bad) throw new LochError(SqlState.featureNotSupported, `Delta table "${this.location.display}": cannot write rows: ${bad.unsupported}`);
    const mapped = (this.property('delta.columnMapping.mode') ?? 'none').toLowerCase() !== 'none';
    return all.map((c) => {
      const id = mapped ? c.metadata['delta.columnMapping.id'] : undefined;
      return {
        name: c.name, type: c.type!, nullable: c.nullable, physicalName: c.physicalName, isPartition: c.isPartition,
        ...(typeof id === 'number' ? { fieldId: id } : {}), ...(c.physicalType ? { physicalType: c.physicalType } : {}),
      };
    });
  }

  /** `delta.dataSkippingNumIndexedCols` (default 32; -1 = all columns). */
  statsColumns(): number {
    const n = Number(this.property('delta.dataSkippingNumIndexedCols') ?? 32);
    return Number.isInteger(n) ? n : 32;
  }

  /** Parquet codec from `delta.parquet.compression.codec` (snappy unless zstd/none asked for). */
  compression(): 'snappy' | 'zstd' | 'none' {
    const c = (this.property('delta.parquet.compression.codec') ?? 'snappy').toLowerCase();
    return c === 'zstd' ? 'zstd' : c === 'none' || c === 'uncompressed' ? 'none' : 'snappy';
  }

  /** Commits the staged actions; LochError 40001 when a concurrent commit conflicts. */
  async commit(): Promise<CommitResult> {
    if (this.committed) throw new LochError(SqlState.internalError, `transaction on Delta table "${this.location.display}" was already committed`);
    const loc = this.location;
    if ((this.property('delta.appendOnly') ?? '').toLowerCase() === 'true' && this.removes.some((r) => r.dataChange)) {
      throw new LochError(SqlState.featureNotSupported,
        `Delta table "${loc.display}" is append-only (delta.appendOnly = true): rows cannot be updated or deleted`);
    }
    await this.completeChangeData();
    const isBlindAppend = this.isBlindAppend();
    let version = this.readVersion + 1;
    let checked = 0;
    const maxRetries = this.options.maxRetries ?? 1000;
    for (let attempt = 0; ; attempt++) {
      const text = commitText(this.actions(isBlindAppend));
      if (await putCommitIfAbsent(loc.store, logKey(loc, commitName(version)), new TextEncoder().encode(text))) {
        this.committed = true;
        await advanceSnapshot(loc, version, text);
        await writeCheckpointIfDue(loc, version, this.metadataValue).catch(() => undefined); // a checkpoint is an optimization
        return { version, conflictsChecked: checked };
      }
      if (this.readVersion < 0) {
        throw new LochError(SqlState.duplicateTable, `Delta table "${loc.display}" already exists`);
      }
      if (attempt >= maxRetries) {
        throw new LochError(SqlState.serializationFailure, `Delta table "${loc.display}": gave up committing after ${attempt + 1} attempts; version ${version} was taken`);
      }
      const winner = await readWinner(loc, version);
      checkConflicts(loc.display, version, winner, {
        isolationLevel: this.options.isolationLevel ?? 'WriteSerializable',
        readFiles: this.readPaths, readPredicates: this.predicates, readWholeTable: this.wholeTable,
        removedFiles: new Set(this.removes.map((r) => decodePath(r.path))),
        appIds: new Set(this.txns.map((t) => t.appId)), columns: this.snapshotColumns(),
      });
      checked++;
      version++;
    }
  }

  private actions(isBlindAppend: boolean): DeltaAction[] {
    return commitActions({
      info: this.info, readVersion: this.readVersion, isolationLevel: this.options.isolationLevel ?? 'WriteSerializable', isBlindAppend,
      protocol: this.protocolChanged ? this.protocolValue : undefined, metadata: this.metadataChanged ? this.metadataValue : undefined,
      txns: this.txns, removes: this.removes, adds: this.adds, cdcs: this.cdcs,
    });
  }

  private isBlindAppend(): boolean {
    return this.removes.length === 0 && this.readPaths.size === 0 && this.predicates === undefined && !this.wholeTable
      && !this.metadataChanged && !this.protocolChanged && this.adds.every((a) => a.dataChange);
  }

  private snapshotColumns(): ReadableColumn[] {
    const md = this.snapshot?.metadata ?? this.metadataValue;
    return deltaColumns(md, this.location.display).filter((c): c is ReadableColumn => c.type !== undefined);
  }

  private async addChangeDataFromFile(file: DeltaAddFile, changeType: ChangeType): Promise<void> {
    await this.addChangeData(changeDataOfFile(this, file, undefined), changeType);
  }

  /** A commit with change data files must carry all its changes in them. */
  private async completeChangeData(): Promise<void> {
    if (!this.changeDataFeedEnabled || this.cdcs.length === 0) return;
    for (const a of this.uncoveredAdds.splice(0)) await this.addChangeDataFromFile(a, 'insert');
    for (const r of this.uncoveredRemoves.splice(0)) await this.addChangeData(changeDataOfFile(this, r, r.deletionVector), 'delete');
  }
}

function numberProperty(md: DeltaMetadata, key: string): number | undefined {
  const v = md.configuration[key];
  if (v === undefined) return undefined;
  const m = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(v.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  return Number(m[1]) * (unit === 'kb' ? 1024 : unit === 'mb' ? 1024 ** 2 : unit === 'gb' ? 1024 ** 3 : 1);
}

