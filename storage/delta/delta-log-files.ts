/**
 * Reading the actions of log files: JSON commits (one action per line), JSON and
 * Parquet checkpoints, and the sidecar files V2 checkpoints point at.
 *
 * Checkpoint Parquet files are nested (add/remove/metaData are structs, maps,
 * lists), which storage/parquet's columnar reader does not decode yet (it is
 * flat-only, issue 6); this adapter reads them with hyparquet, which assembles
 * nested rows as plain objects. Checkpoints are read once per snapshot, so
 * row objects are fine here (never in a scan's hot path).
 */
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { LochError, SqlState } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { type DeltaAction, parseActions } from './delta-actions.ts';
import { readObject } from './delta-location.ts';

const utf8 = new TextDecoder();

/** Actions of a newline-delimited JSON log file (commit, compaction or JSON checkpoint). */
export async function readJsonActions(store: ObjectStore, key: string): Promise<DeltaAction[]> {
  return parseJsonActions(utf8.decode(await readObject(store, key)), key);
}

/** Parses newline-delimited JSON actions; `where` names the file in errors. */
export function parseJsonActions(text: string, where: string): DeltaAction[] {
  const out: DeltaAction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new LochError(SqlState.dataCorrupted, `Delta log file "${where}" is invalid: line ${i + 1} is not JSON`, { cause: e });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new LochError(SqlState.dataCorrupted, `Delta log file "${where}" is invalid: line ${i + 1} is not an action object`);
    }
    out.push(...parseActions(raw as Record<string, unknown>, where));
  }
  return out;
}

/** Actions of a Parquet checkpoint or sidecar file (one action struct set per row). */
export async function readParquetActions(store: ObjectStore, key: string): Promise<DeltaAction[]> {
  const bytes = await readObject(store, key);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: buffer, compressors });
  } catch (e) {
    throw new LochError(SqlState.dataCorrupted, `Delta checkpoint "${key}" cannot be read: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const out: DeltaAction[] = [];
  for (const row of rows) out.push(...parseActions(row, key));
  return out;
}

/** Actions of a checkpoint file of either format. */
export function readCheckpointFile(store: ObjectStore, key: string): Promise<DeltaAction[]> {
  return key.endsWith('.json') ? readJsonActions(store, key) : readParquetActions(store, key);
}
