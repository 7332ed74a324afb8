/**
 * Data for `DESCRIBE HISTORY` and `DESCRIBE DETAIL` (SQL wiring comes later, issue 3).
 *
 * History is one entry per commit still in the log, newest first, from its
 * `commitInfo` (operation, parameters, metrics, engine) and commit timestamp.
 * Detail describes one snapshot: format, location, files, size, partitioning,
 * properties and protocol versions/features.
 */
import type { ObjectStore } from '../object-store/object-store.ts';
import { deltaLocation } from './delta-location.ts';
import { listLog } from './delta-log-listing.ts';
import { readJsonActions } from './delta-log-files.ts';
import { commitTimestampOf } from './commit-timestamps.ts';
import { type SnapshotSelector, loadSnapshot } from './delta-snapshot.ts';

/** One row of DESCRIBE HISTORY. */
export interface DeltaHistoryEntry {
  readonly version: number;
  /** Commit time, ms since the epoch. */
  readonly timestamp: number;
  readonly operation: string | undefined;
  readonly operationParameters: Readonly<Record<string, unknown>>;
  readonly operationMetrics: Readonly<Record<string, unknown>>;
  readonly readVersion: number | undefined;
  readonly isolationLevel: string | undefined;
  readonly isBlindAppend: boolean | undefined;
  readonly engineInfo: string | undefined;
  readonly userMetadata: string | undefined;
  /** The whole commitInfo action as written. */
  readonly commitInfo: Readonly<Record<string, unknown>>;
}

/** The commit history of a table, newest first (`limit` newest entries when given). */
export async function describeHistory(location: string, options: { limit?: number; objectStore?: ObjectStore } = {}): Promise<DeltaHistoryEntry[]> {
  const loc = deltaLocation(location, options.objectStore);
  const listing = await listLog(loc);
  let versions = [...listing.commits.keys()].sort((a, b) => b - a);
  if (options.limit !== undefined) versions = versions.slice(0, options.limit);
  return Promise.all(versions.map(async (version) => {
    const meta = listing.commits.get(version)!;
    const actions = await readJsonActions(loc.store, meta.path);
    const info = actions.find((a) => a.kind === 'commitInfo');
    const ci = info?.kind === 'commitInfo' ? info.commitInfo : {};
    const obj = (v: unknown) => (v && typeof v === 'object' ? v as Record<string, unknown> : {});
    return {
      version,
      timestamp: commitTimestampOf(actions, typeof ci.timestamp === 'number' ? ci.timestamp : meta.lastModified),
      operation: typeof ci.operation === 'string' ? ci.operation : undefined,
      operationParameters: obj(ci.operationParameters),
      operationMetrics: obj(ci.operationMetrics),
      readVersion: typeof ci.readVersion === 'number' ? ci.readVersion : undefined,
      isolationLevel: typeof ci.isolationLevel === 'string' ? ci.isolationLevel : undefined,
      isBlindAppend: typeof ci.isBlindAppend === 'boolean' ? ci.isBlindAppend : undefined,
      engineInfo: typeof ci.engineInfo === 'string' ? ci.engineInfo : undefined,
      userMetadata: typeof ci.userMetadata === 'string' ? ci.userMetadata : undefined,
      commitInfo: ci,
    };
  }));
}

/** The row of DESCRIBE DETAIL. */
export interface DeltaTableDetail {
  readonly format: 'delta';
  readonly id: string;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly location: string;
  readonly createdAt: number | undefined;
  readonly version: number;
  readonly partitionColumns: readonly string[];
  readonly numFiles: number;
  readonly sizeInBytes: number;
  readonly properties: Readonly<Record<string, string>>;
  readonly minReaderVersion: number;
  readonly minWriterVersion: number;
  readonly tableFeatures: readonly string[];
}

/** Describes a table version (newest unless `selector` travels). */
export async function describeDetail(location: string, options: SnapshotSelector & { objectStore?: ObjectStore } = {}): Promise<DeltaTableDetail> {
  const loc = deltaLocation(location, options.objectStore);
  const s = await loadSnapshot(loc, options);
  const p = s.protocol;
  return {
    format: 'delta',
    id: s.metadata.id,
    name: s.metadata.name,
    description: s.metadata.description,
    location: loc.display,
    createdAt: s.metadata.createdTime,
    version: s.version,
    partitionColumns: s.metadata.partitionColumns,
    numFiles: s.files.length,
    sizeInBytes: s.files.reduce((sum, f) => sum + f.size, 0),
    properties: s.metadata.configuration,
    minReaderVersion: p.minReaderVersion,
    minWriterVersion: p.minWriterVersion,
    tableFeatures: [...new Set([...(p.readerFeatures ?? []), ...(p.writerFeatures ?? [])])].sort(),
  };
}
