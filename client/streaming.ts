/**
 * Streaming reads and writes (`loch.readStream…load()`, `df.writeStream…toTable()`):
 * the API shape only, so the ingestion issue can slot its engine in. Starting
 * a stream fails with 0A000 until then.
 */
import { LochError, SqlState } from '../core/index.ts';

/** Raised when a stream would start. */
export function streamingNotSupported(): LochError {
  return new LochError(SqlState.featureNotSupported, 'streaming arrives with the ingestion issue: readStream/writeStream only describe the stream for now');
}

/** How a stream is triggered. */
export type Trigger = { readonly processingTime: string } | { readonly availableNow: true } | { readonly once: true };

/** `loch.readStream.format('delta').option(…).load(path)` / `.table(name)`. */
export class DataStreamReader {
  readonly source: { readonly format: string; readonly options: Readonly<Record<string, string>> };

  constructor(format = 'delta', options: Readonly<Record<string, string>> = {}) {
    this.source = { format, options };
  }

  format(name: string): DataStreamReader { return new DataStreamReader(name, this.source.options); }
  option(key: string, value: string | number | boolean): DataStreamReader { return new DataStreamReader(this.source.format, { ...this.source.options, [key]: String(value) }); }
  /** Starts reading files or a table at `path` as a stream. */
  load(_path: string): Promise<never> { return Promise.reject(streamingNotSupported()); }
  /** Starts reading a table as a stream. */
  table(_name: string): Promise<never> { return Promise.reject(streamingNotSupported()); }
}

/** `df.writeStream.format('delta').outputMode('append').option('checkpointLocation', p).trigger({…}).toTable(name)`. */
export class DataStreamWriter {
  readonly settings: { readonly format: string; readonly outputMode: 'append' | 'complete' | 'update'; readonly options: Readonly<Record<string, string>>; readonly trigger: Trigger | null };

  constructor(settings: DataStreamWriter['settings'] = { format: 'delta', outputMode: 'append', options: {}, trigger: null }) {
    this.settings = settings;
  }

  format(name: string): DataStreamWriter { return new DataStreamWriter({ ...this.settings, format: name }); }
  outputMode(mode: 'append' | 'complete' | 'update'): DataStreamWriter { return new DataStreamWriter({ ...this.settings, outputMode: mode }); }
  option(key: string, value: string | number | boolean): DataStreamWriter { return new DataStreamWriter({ ...this.settings, options: { ...this.settings.options, [key]: String(value) } }); }
  trigger(trigger: Trigger): DataStreamWriter { return new DataStreamWriter({ ...this.settings, trigger }); }
  /** Starts the stream into a table. */
  toTable(_name: string): Promise<never> { return Promise.reject(streamingNotSupported()); }
  /** Starts the stream into a path. */
  start(_path?: string): Promise<never> { return Promise.reject(streamingNotSupported()); }
}
