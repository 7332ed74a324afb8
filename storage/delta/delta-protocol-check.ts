/**
 * Protocol checks before reading (PROTOCOL.md "Protocol Evolution", "Table Features").
 *
 * Loch reads reader versions 1-3. At reader version 3 every listed reader feature
 * must be one Loch implements; an unknown one refuses the table, naming it.
 * Writer features never block reads (they constrain writers only).
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { DeltaProtocol } from './delta-actions.ts';

/** Highest reader version Loch implements. */
export const MAX_READER_VERSION = 3;

/** Reader features Loch's read path implements. */
export const SUPPORTED_READER_FEATURES: ReadonlySet<string> = new Set([
  'columnMapping',
  'deletionVectors',
  'timestampNtz',
  'typeWidening',
  'typeWidening-preview',
  'v2Checkpoint',
  'vacuumProtocolCheck',
]);

/** Raises 0A000 naming the reader version or the reader features Loch does not support. */
export function checkReadProtocol(protocol: DeltaProtocol, table: string, version: number): void {
  if (!Number.isInteger(protocol.minReaderVersion) || protocol.minReaderVersion < 1 || protocol.minReaderVersion > MAX_READER_VERSION) {
    throw new LochError(SqlState.featureNotSupported,
      `Delta table "${table}" (version ${version}) requires reader version ${protocol.minReaderVersion}; Loch supports reader versions 1 to ${MAX_READER_VERSION}`);
  }
  if (protocol.minReaderVersion < 3) return;
  const unknown = (protocol.readerFeatures ?? []).filter((f) => !SUPPORTED_READER_FEATURES.has(f));
  if (unknown.length > 0) {
    throw new LochError(SqlState.featureNotSupported,
      `Delta table "${table}" (version ${version}) uses reader feature${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')} that Loch does not support`);
  }
}
