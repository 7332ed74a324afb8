/**
 * Table scanners are live objects (open files, a Delta snapshot) and never go
 * on the wire: a scan travels as its TableSource descriptor (format, location,
 * options, version, columns) and the receiver reopens it through `openSource`
 * (on a worker: the same TableOpener the coordinator's catalog uses).
 */
import { LochError, SqlState, type TableScanner, type TableSourceDescriptor } from '../../core/index.ts';
import type { loch } from '../../proto/index.ts';

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

/**
 * The table sources a plan message names (every `scan.source`, subqueries
 * included), so a receiver can resolve them asynchronously (a catalog lookup
 * for a DataFrame client's `name`-only source) before decoding synchronously
 * with an `openSource` that reads the resolved map.
 */
export function tableSourcesIn(message: object): loch.v1.TableSource.$Properties[] {
  const out: loch.v1.TableSource.$Properties[] = [];
  const visit = (v: unknown, key: string, parentKey: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (key === 'source' && parentKey === 'scan') { out.push(v as loch.v1.TableSource.$Properties); return; }
    if (Array.isArray(v)) { for (const x of v) visit(x, key, parentKey); return; }
    for (const [k, x] of Object.entries(v)) visit(x, k, key);
  };
  visit(message, '', '');
  return out;
}
