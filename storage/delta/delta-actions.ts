/**
 * The Delta log actions Loch reads (delta-io/delta PROTOCOL.md, "Actions"), normalized
 * from JSON commit lines and from checkpoint rows (where 64-bit integers arrive as
 * bigints and absent fields as null) into one plain shape.
 */
import { LochError, SqlState } from '../../core/index.ts';

/** `protocol`: the reader/writer versions and table features a client must support. */
export interface DeltaProtocol {
  readonly minReaderVersion: number;
  readonly minWriterVersion: number;
  readonly readerFeatures?: readonly string[];
  readonly writerFeatures?: readonly string[];
}

/** `metaData`: schema, partitioning and properties of the table. */
export interface DeltaMetadata {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly format: { readonly provider: string; readonly options: Readonly<Record<string, string>> };
  readonly schemaString: string;
  readonly partitionColumns: readonly string[];
  readonly configuration: Readonly<Record<string, string>>;
  readonly createdTime?: number;
}

/** A deletion vector descriptor (PROTOCOL.md "Deletion Vector Descriptor Schema"). */
export interface DeletionVectorDescriptor {
  /** 'u': relative file named by a z85 UUID; 'i': inline z85 bytes; 'p': absolute path. */
  readonly storageType: string;
  readonly pathOrInlineDv: string;
  readonly offset?: number;
  readonly sizeInBytes: number;
  readonly cardinality: number;
}

/** `add`: a logical file (data file + optional deletion vector) joins the table. */
export interface DeltaAddFile {
  /** Relative or absolute URI, *still URI-encoded* as in the log. */
  readonly path: string;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  readonly size: number;
  readonly modificationTime: number;
  readonly dataChange: boolean;
  readonly stats?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly deletionVector?: DeletionVectorDescriptor;
  readonly baseRowId?: number;
  readonly defaultRowCommitVersion?: number;
}

/** `remove`: a tombstone for a logical file. */
export interface DeltaRemoveFile {
  readonly path: string;
  readonly deletionTimestamp?: number;
  readonly dataChange: boolean;
  readonly partitionValues?: Readonly<Record<string, string | null>>;
  readonly size?: number;
  readonly deletionVector?: DeletionVectorDescriptor;
}

/** `cdc`: a change data file written by a commit (change data feed). */
export interface DeltaCdcFile {
  readonly path: string;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  readonly size: number;
}

/** `sidecar` (V2 checkpoints): a Parquet file in _delta_log/_sidecars holding file actions. */
export interface DeltaSidecar {
  readonly path: string;
  readonly sizeInBytes: number;
}

/** One action of a commit or checkpoint; unknown action kinds are kept as 'other'. */
export type DeltaAction =
  | { readonly kind: 'protocol'; readonly protocol: DeltaProtocol }
  | { readonly kind: 'metaData'; readonly metaData: DeltaMetadata }
  | { readonly kind: 'add'; readonly add: DeltaAddFile }
  | { readonly kind: 'remove'; readonly remove: DeltaRemoveFile }
  | { readonly kind: 'cdc'; readonly cdc: DeltaCdcFile }
  | { readonly kind: 'commitInfo'; readonly commitInfo: Readonly<Record<string, unknown>> }
  | { readonly kind: 'txn'; readonly appId: string; readonly version: number }
  | { readonly kind: 'sidecar'; readonly sidecar: DeltaSidecar }
  | { readonly kind: 'checkpointMetadata'; readonly version: number }
  | { readonly kind: 'domainMetadata'; readonly domain: string; readonly configuration: string; readonly removed: boolean }
  | { readonly kind: 'other' };

type Raw = Record<string, unknown>;

/** Converts one raw action object (a JSON line or a checkpoint row) into actions (a row may hold several). */
export function parseActions(raw: Raw, where: string): DeltaAction[] {
  const out: DeltaAction[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined || typeof value !== 'object') continue;
    const v = value as Raw;
    switch (key) {
      case 'protocol': out.push({ kind: 'protocol', protocol: parseProtocol(v, where) }); break;
      case 'metaData': out.push({ kind: 'metaData', metaData: parseMetadata(v, where) }); break;
      case 'add': out.push({ kind: 'add', add: parseAdd(v, where) }); break;
      case 'remove': out.push({ kind: 'remove', remove: parseRemove(v, where) }); break;
      case 'cdc': out.push({ kind: 'cdc', cdc: { path: str(v.path, 'cdc.path', where), partitionValues: strMap(v.partitionValues), size: num(v.size) ?? 0 } }); break;
      case 'commitInfo': out.push({ kind: 'commitInfo', commitInfo: plain(v) as Raw }); break;
      case 'txn': out.push({ kind: 'txn', appId: str(v.appId, 'txn.appId', where), version: num(v.version) ?? 0 }); break;
      case 'sidecar': out.push({ kind: 'sidecar', sidecar: { path: str(v.path, 'sidecar.path', where), sizeInBytes: num(v.sizeInBytes) ?? 0 } }); break;
      case 'checkpointMetadata': out.push({ kind: 'checkpointMetadata', version: num(v.version) ?? 0 }); break;
      case 'domainMetadata':
        out.push({ kind: 'domainMetadata', domain: str(v.domain, 'domainMetadata.domain', where), configuration: String(v.configuration ?? ''), removed: v.removed === true });
        break;
      default: out.push({ kind: 'other' });
    }
  }
  return out;
}

function parseProtocol(v: Raw, where: string): DeltaProtocol {
  const minReaderVersion = num(v.minReaderVersion);
  const minWriterVersion = num(v.minWriterVersion);
  if (minReaderVersion === undefined || minWriterVersion === undefined) throw bad(where, 'a protocol action lacks minReaderVersion/minWriterVersion');
  return {
    minReaderVersion, minWriterVersion,
    ...(Array.isArray(v.readerFeatures) ? { readerFeatures: v.readerFeatures.map(String) } : {}),
    ...(Array.isArray(v.writerFeatures) ? { writerFeatures: v.writerFeatures.map(String) } : {}),
  };
}

function parseMetadata(v: Raw, where: string): DeltaMetadata {
  const format = (v.format ?? {}) as Raw;
  const createdTime = num(v.createdTime);
  return {
    id: String(v.id ?? ''),
    ...(typeof v.name === 'string' ? { name: v.name } : {}),
    ...(typeof v.description === 'string' ? { description: v.description } : {}),
    format: { provider: String(format.provider ?? 'parquet'), options: strMap(format.options) as Record<string, string> },
    schemaString: str(v.schemaString, 'metaData.schemaString', where),
    partitionColumns: Array.isArray(v.partitionColumns) ? v.partitionColumns.map(String) : [],
    configuration: strMap(v.configuration) as Record<string, string>,
    ...(createdTime !== undefined ? { createdTime } : {}),
  };
}

function parseAdd(v: Raw, where: string): DeltaAddFile {
  const dv = parseDv(v.deletionVector, where);
  // Checkpoints may carry only the typed `stats_parsed` struct (delta.checkpoint.writeStatsAsJson=false).
  const stats = typeof v.stats === 'string' ? v.stats : v.stats_parsed && typeof v.stats_parsed === 'object' ? JSON.stringify(plain(v.stats_parsed)) : undefined;
  const baseRowId = num(v.baseRowId);
  const defaultRowCommitVersion = num(v.defaultRowCommitVersion);
  return {
    path: str(v.path, 'add.path', where),
    partitionValues: strMap(v.partitionValues),
    size: num(v.size) ?? 0,
    modificationTime: num(v.modificationTime) ?? 0,
    dataChange: v.dataChange !== false,
    ...(stats !== undefined ? { stats } : {}),
    ...(v.tags && typeof v.tags === 'object' ? { tags: strMap(v.tags) as Record<string, string> } : {}),
    ...(dv ? { deletionVector: dv } : {}),
    ...(baseRowId !== undefined ? { baseRowId } : {}),
    ...(defaultRowCommitVersion !== undefined ? { defaultRowCommitVersion } : {}),
  };
}

function parseRemove(v: Raw, where: string): DeltaRemoveFile {
  const dv = parseDv(v.deletionVector, where);
  const deletionTimestamp = num(v.deletionTimestamp);
  const size = num(v.size);
  return {
    path: str(v.path, 'remove.path', where),
    dataChange: v.dataChange !== false,
    ...(deletionTimestamp !== undefined ? { deletionTimestamp } : {}),
    ...(v.partitionValues && typeof v.partitionValues === 'object' ? { partitionValues: strMap(v.partitionValues) } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(dv ? { deletionVector: dv } : {}),
  };
}

function parseDv(v: unknown, where: string): DeletionVectorDescriptor | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as Raw;
  const offset = num(d.offset);
  return {
    storageType: str(d.storageType, 'deletionVector.storageType', where),
    pathOrInlineDv: str(d.pathOrInlineDv, 'deletionVector.pathOrInlineDv', where),
    ...(offset !== undefined ? { offset } : {}),
    sizeInBytes: num(d.sizeInBytes) ?? 0,
    cardinality: num(d.cardinality) ?? 0,
  };
}

/** A stable id of a deletion vector (PROTOCOL.md: storageType + pathOrInlineDv [+ '@' offset]). */
export function deletionVectorId(dv: DeletionVectorDescriptor | undefined): string {
  if (!dv) return '';
  return `${dv.storageType}${dv.pathOrInlineDv}${dv.offset !== undefined ? `@${dv.offset}` : ''}`;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function str(v: unknown, field: string, where: string): string {
  if (typeof v !== 'string') throw bad(where, `field ${field} is missing or not a string`);
  return v;
}

/** A string map (partitionValues, configuration); checkpoint maps arrive as objects or [k, v] pairs. */
function strMap(v: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (!v || typeof v !== 'object') return out;
  if (v instanceof Map) {
    for (const [k, x] of v) out[String(k)] = x === null || x === undefined ? null : String(x);
    return out;
  }
  for (const [k, x] of Object.entries(v as Raw)) out[k] = x === null || x === undefined ? null : String(x);
  return out;
}

/** Deep copy with bigints as numbers (commitInfo from a checkpoint or JSON). */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Date) return v; // JSON.stringify spells it ISO-8601, as JSON statistics do
  if (v && typeof v === 'object') {
    const out: Raw = {};
    for (const [k, x] of Object.entries(v as Raw)) out[k] = plain(x);
    return out;
  }
  return v;
}

function bad(where: string, why: string): LochError {
  return new LochError(SqlState.dataCorrupted, `Delta log file "${where}" is invalid: ${why}`);
}
