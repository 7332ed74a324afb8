/**
 * Table scanners are live objects (open files, a Delta snapshot) and never go
 * on the wire: a scan travels as its TableSource descriptor (format, location,
 * options, version, columns) and the receiver reopens it through `openSource`
 * (on a worker: the same TableOpener the coordinator's catalog uses).
 */
import { LochError, SqlState, type TableScanner, type TableSourceDescriptor } from '../../core/index.ts';

/** How to describe scanners when encoding. */
export interface PlanEncodeOptions {
  /** Describes a scanner; defaults to `scanner.descriptor`. */
  readonly describeSource?: (scanner: TableScanner, tableName: string) => TableSourceDescriptor;
}

/** How to reopen tables when decoding. */
export interface PlanDecodeOptions {
  readonly openSource: (descriptor: TableSourceDescriptor) => TableScanner;
}

/** The descriptor of a scan's scanner; 0A000 naming the table when it has none. */
export function describeScanner(scanner: TableScanner, tableName: string, options: PlanEncodeOptions): TableSourceDescriptor {
  const d = options.describeSource ? options.describeSource(scanner, tableName) : scanner.descriptor;
  if (d === undefined) {
    throw new LochError(SqlState.featureNotSupported, `table ${tableName} cannot be sent to another process: its scanner has no source descriptor`);
  }
  return d;
}
