/**
 * Which protocol a table needs for what it uses (PROTOCOL.md "Table Features",
 * "Writer Version Requirements"), and whether Loch may write a table.
 *
 *   feature            enabled by                         legacy versions   table feature (3/7)
 *   appendOnly         delta.appendOnly=true              writer 2          writer
 *   checkConstraints   delta.constraints.*                writer 3          writer
 *   changeDataFeed     delta.enableChangeDataFeed=true    writer 4          writer
 *   generatedColumns   delta.generationExpression         writer 4          writer
 *   columnMapping      delta.columnMapping.mode≠none      reader 2/writer 5 reader+writer
 *   deletionVectors    delta.enableDeletionVectors=true   —                 reader+writer
 *   timestampNtz       a timestamp_ntz column             —                 reader+writer
 *   allowColumnDefaults a column's CURRENT_DEFAULT         —                 writer
 *
 * Legacy versions are used while they suffice; deletion vectors or timestamp_ntz
 * move the table to reader 3 / writer 7 with explicit feature lists.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { DeltaMetadata, DeltaProtocol } from './delta-actions.ts';

/** Writer features Loch's write path implements. */
export const SUPPORTED_WRITER_FEATURES: ReadonlySet<string> = new Set([
  'appendOnly', 'invariants', 'checkConstraints', 'changeDataFeed', 'generatedColumns', 'columnMapping',
  'deletionVectors', 'timestampNtz', 'vacuumProtocolCheck', 'allowColumnDefaults',
]);

const READER_WRITER = new Set(['columnMapping', 'deletionVectors', 'timestampNtz', 'vacuumProtocolCheck']);

/** Features implied by legacy writer versions (for upgrades to writer 7). */
const LEGACY_WRITER_FEATURES: ReadonlyArray<readonly [number, string]> = [
  [2, 'appendOnly'], [2, 'invariants'], [3, 'checkConstraints'], [4, 'changeDataFeed'], [4, 'generatedColumns'], [5, 'columnMapping'],
];

/** The features the metadata uses, with the legacy writer version each needs (7 = only as a table feature). */
export function usedFeatures(metadata: DeltaMetadata): Map<string, number> {
  const used = new Map<string, number>();
  const conf = metadata.configuration;
  const on = (k: string) => (conf[k] ?? '').toLowerCase() === 'true';
  if (on('delta.appendOnly')) used.set('appendOnly', 2);
  if (Object.keys(conf).some((k) => k.startsWith('delta.constraints.'))) used.set('checkConstraints', 3);
  if (on('delta.enableChangeDataFeed')) used.set('changeDataFeed', 4);
  if (metadata.schemaString.includes('"delta.generationExpression"')) used.set('generatedColumns', 4);
  const mode = (conf['delta.columnMapping.mode'] ?? 'none').toLowerCase();
  if (mode !== 'none') used.set('columnMapping', 5);
  if (on('delta.enableDeletionVectors')) used.set('deletionVectors', 7);
  if (/"type":"timestamp_ntz"/.test(metadata.schemaString)) used.set('timestampNtz', 7);
  if (metadata.schemaString.includes('"CURRENT_DEFAULT"')) used.set('allowColumnDefaults', 7);
  return used;
}

/**
 * The smallest protocol at least as high as `current` that supports everything
 * `metadata` uses; `current` itself (same object) when it already does.
 */
export function requiredProtocol(metadata: DeltaMetadata, current?: DeltaProtocol): DeltaProtocol {
  const used = usedFeatures(metadata);
  const needsFeatures = [...used.values()].some((v) => v === 7) || (current !== undefined && current.minWriterVersion >= 7);
  if (!needsFeatures) {
    let writer = Math.max(2, current?.minWriterVersion ?? 2);
    for (const v of used.values()) writer = Math.max(writer, v);
    const reader = Math.max(current?.minReaderVersion ?? 1, used.has('columnMapping') ? 2 : 1);
    if (current && current.minReaderVersion === reader && current.minWriterVersion === writer) return current;
    return { minReaderVersion: reader, minWriterVersion: writer };
  }
  const writerFeatures = new Set(current?.writerFeatures ?? []);
  const readerFeatures = new Set(current?.readerFeatures ?? []);
  if (current && current.minWriterVersion < 7) {
    for (const [v, f] of LEGACY_WRITER_FEATURES) if (current.minWriterVersion >= v) writerFeatures.add(f);
    if (current.minReaderVersion >= 2) readerFeatures.add('columnMapping');
  }
  for (const f of used.keys()) writerFeatures.add(f);
  for (const f of writerFeatures) if (READER_WRITER.has(f)) readerFeatures.add(f);
  const needsReader3 = readerFeatures.size > 0 && [...readerFeatures].some((f) => f !== 'columnMapping') || (current?.minReaderVersion ?? 1) >= 3;
  const protocol: DeltaProtocol = needsReader3
    ? { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [...readerFeatures].sort(), writerFeatures: [...writerFeatures].sort() }
    : { minReaderVersion: readerFeatures.has('columnMapping') ? 2 : 1, minWriterVersion: 7, writerFeatures: [...writerFeatures].sort() };
  if (current && sameProtocol(current, protocol)) return current;
  return protocol;
}

/** Equal versions and feature sets. */
export function sameProtocol(a: DeltaProtocol, b: DeltaProtocol): boolean {
  const set = (x?: readonly string[]) => [...(x ?? [])].sort().join(',');
  return a.minReaderVersion === b.minReaderVersion && a.minWriterVersion === b.minWriterVersion
    && set(a.readerFeatures) === set(b.readerFeatures) && set(a.writerFeatures) === set(b.writerFeatures);
}

/** Raises 0A000 when Loch cannot write a table with this protocol (unknown writer version or features). */
export function checkWriteProtocol(protocol: DeltaProtocol, table: string): void {
  if (protocol.minWriterVersion > 7) {
    throw new LochError(SqlState.featureNotSupported, `Delta table "${table}" requires writer version ${protocol.minWriterVersion}; Loch writes versions up to 7`);
  }
  if (protocol.minWriterVersion === 6) {
    throw new LochError(SqlState.featureNotSupported, `Delta table "${table}" requires writer version 6 (identity columns), which Loch does not write`);
  }
  if (protocol.minWriterVersion < 7) return;
  const unknown = (protocol.writerFeatures ?? []).filter((f) => !SUPPORTED_WRITER_FEATURES.has(f));
  if (unknown.length > 0) {
    throw new LochError(SqlState.featureNotSupported,
      `Delta table "${table}" uses writer feature${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')} that Loch cannot write`);
  }
}
