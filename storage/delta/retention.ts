/**
 * Retention periods of a table (`delta.deletedFileRetentionDuration`, default
 * "interval 1 week"): how long tombstones stay in checkpoints and how old an
 * unreferenced file must be before VACUUM may delete it.
 */
import type { DeltaMetadata } from './delta-actions.ts';

const UNIT_MS: Record<string, number> = {
  millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000,
};

/** Milliseconds of `delta.deletedFileRetentionDuration` (7 days when absent or unparsable). */
export function retentionMillis(metadata: DeltaMetadata): number {
  return parseIntervalMillis(metadata.configuration['delta.deletedFileRetentionDuration']) ?? 7 * 86_400_000;
}

/** Parses Spark's "interval 7 days" / "168 hours" forms; undefined when not understood. */
export function parseIntervalMillis(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^\s*(?:interval\s+)?(\d+(?:\.\d+)?)\s*([a-z]+?)s?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNIT_MS[m[2]!.toLowerCase()];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}
