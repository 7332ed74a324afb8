/**
 * The actions of one commit, in the order Delta writers emit them: `commitInfo`
 * first (provenance: operation, parameters, metrics, read version, isolation
 * level, blind-append flag — DESCRIBE HISTORY shows these), then protocol,
 * metaData, txn, remove, add, cdc.
 */
import { randomUUID } from 'node:crypto';
import type { DeltaAction, DeltaAddFile, DeltaCdcFile, DeltaMetadata, DeltaProtocol, DeltaRemoveFile } from './delta-actions.ts';

/** Everything a commit carries. */
export interface CommitContent {
  readonly info: Readonly<Record<string, unknown>>;
  readonly readVersion: number;
  readonly isolationLevel: string;
  readonly isBlindAppend: boolean;
  readonly protocol: DeltaProtocol | undefined;
  readonly metadata: DeltaMetadata | undefined;
  readonly txns: readonly { readonly appId: string; readonly version: number }[];
  readonly removes: readonly DeltaRemoveFile[];
  readonly adds: readonly DeltaAddFile[];
  readonly cdcs: readonly DeltaCdcFile[];
}

/** The ordered actions of a commit. */
export function commitActions(c: CommitContent): DeltaAction[] {
  const out: DeltaAction[] = [{ kind: 'commitInfo', commitInfo: {
    timestamp: Date.now(),
    operation: 'WRITE',
    operationParameters: {},
    ...c.info,
    ...(c.readVersion >= 0 ? { readVersion: c.readVersion } : {}),
    isolationLevel: c.isolationLevel,
    isBlindAppend: c.isBlindAppend,
    operationMetrics: {
      numFiles: String(c.adds.length), numRemovedFiles: String(c.removes.length),
      numOutputRows: String(c.adds.reduce((s, a) => s + (statsRecords(a) ?? 0), 0)),
      ...((c.info.operationMetrics as Record<string, unknown> | undefined) ?? {}),
    },
    engineInfo: 'Loch/0.1.0',
    txnId: randomUUID(),
  } }];
  if (c.protocol) out.push({ kind: 'protocol', protocol: c.protocol });
  if (c.metadata) out.push({ kind: 'metaData', metaData: c.metadata });
  for (const t of c.txns) out.push({ kind: 'txn', appId: t.appId, version: t.version });
  for (const r of c.removes) out.push({ kind: 'remove', remove: r });
  for (const a of c.adds) out.push({ kind: 'add', add: a });
  for (const x of c.cdcs) out.push({ kind: 'cdc', cdc: x });
  return out;
}

function statsRecords(a: DeltaAddFile): number | undefined {
  const m = a.stats ? /"numRecords":(\d+)/.exec(a.stats) : null;
  return m ? Number(m[1]) : undefined;
}
