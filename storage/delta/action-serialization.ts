/**
 * Delta actions → the JSON lines of a commit file (PROTOCOL.md "Actions"), the
 * inverse of delta-actions.ts. Field order follows the protocol tables; optional
 * fields are omitted rather than written as null.
 */
import type { DeltaAction, DeltaAddFile, DeltaRemoveFile, DeletionVectorDescriptor } from './delta-actions.ts';

/** The JSON object (one log line) of an action; undefined for kinds a commit never writes. */
export function actionObject(a: DeltaAction): Record<string, unknown> | undefined {
  switch (a.kind) {
    case 'protocol': {
      const p = a.protocol;
      return { protocol: {
        minReaderVersion: p.minReaderVersion, minWriterVersion: p.minWriterVersion,
        ...(p.readerFeatures ? { readerFeatures: [...p.readerFeatures] } : {}),
        ...(p.writerFeatures ? { writerFeatures: [...p.writerFeatures] } : {}),
      } };
    }
    case 'metaData': {
      const m = a.metaData;
      return { metaData: {
        id: m.id,
        ...(m.name !== undefined ? { name: m.name } : {}),
        ...(m.description !== undefined ? { description: m.description } : {}),
        format: { provider: m.format.provider, options: { ...m.format.options } },
        schemaString: m.schemaString,
        partitionColumns: [...m.partitionColumns],
        configuration: { ...m.configuration },
        ...(m.createdTime !== undefined ? { createdTime: m.createdTime } : {}),
      } };
    }
    case 'add': return { add: addObject(a.add) };
    case 'remove': return { remove: removeObject(a.remove) };
    case 'cdc': return { cdc: { path: a.cdc.path, partitionValues: { ...a.cdc.partitionValues }, size: a.cdc.size, dataChange: false } };
    case 'commitInfo': return { commitInfo: { ...a.commitInfo } };
    case 'txn': return { txn: { appId: a.appId, version: a.version, lastUpdated: Date.now() } };
    case 'domainMetadata': return { domainMetadata: { domain: a.domain, configuration: a.configuration, removed: a.removed } };
    default: return undefined;
  }
}

/** The `add` object of the log. */
export function addObject(f: DeltaAddFile): Record<string, unknown> {
  return {
    path: f.path,
    partitionValues: { ...f.partitionValues },
    size: f.size,
    modificationTime: f.modificationTime,
    dataChange: f.dataChange,
    ...(f.stats !== undefined ? { stats: f.stats } : {}),
    ...(f.tags !== undefined ? { tags: { ...f.tags } } : {}),
    ...(f.deletionVector ? { deletionVector: dvObject(f.deletionVector) } : {}),
    ...(f.baseRowId !== undefined ? { baseRowId: f.baseRowId } : {}),
    ...(f.defaultRowCommitVersion !== undefined ? { defaultRowCommitVersion: f.defaultRowCommitVersion } : {}),
  };
}

function removeObject(f: DeltaRemoveFile): Record<string, unknown> {
  const extended = f.partitionValues !== undefined && f.size !== undefined;
  return {
    path: f.path,
    deletionTimestamp: f.deletionTimestamp ?? Date.now(),
    dataChange: f.dataChange,
    ...(extended ? { extendedFileMetadata: true, partitionValues: { ...f.partitionValues }, size: f.size } : {}),
    ...(f.deletionVector ? { deletionVector: dvObject(f.deletionVector) } : {}),
  };
}

function dvObject(dv: DeletionVectorDescriptor): Record<string, unknown> {
  return {
    storageType: dv.storageType,
    pathOrInlineDv: dv.pathOrInlineDv,
    ...(dv.offset !== undefined ? { offset: dv.offset } : {}),
    sizeInBytes: dv.sizeInBytes,
    cardinality: dv.cardinality,
  };
}

/** The newline-delimited JSON text of a commit. */
export function commitText(actions: readonly DeltaAction[]): string {
  let out = '';
  for (const a of actions) {
    const o = actionObject(a);
    if (o) out += `${JSON.stringify(o)}\n`;
  }
  return out;
}

/** A remove action retiring the logical file `f` (same path and deletion vector). */
export function removeFor(f: DeltaAddFile, dataChange: boolean, timestamp = Date.now()): DeltaRemoveFile {
  return {
    path: f.path, deletionTimestamp: timestamp, dataChange, partitionValues: f.partitionValues, size: f.size,
    ...(f.deletionVector ? { deletionVector: f.deletionVector } : {}),
  };
}
