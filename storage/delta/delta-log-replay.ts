/**
 * Log replay: folding checkpoint and commit actions into the state of one version
 * (PROTOCOL.md "Action Reconciliation").
 *
 * - A logical file is (path, deletion vector id): an `add` of the same path with a
 *   new DV replaces the file, a `remove` names the exact (path, DV) it retires.
 * - Actions are applied oldest first, so the newest action for a logical file wins.
 * - The newest `protocol` and `metaData` win; `txn` keeps the newest version per app.
 * - Removes are kept as tombstones (for VACUUM and DESCRIBE DETAIL), never as files.
 */
import { LochError, SqlState } from '../../core/index.ts';
import {
  type DeltaAction, type DeltaAddFile, type DeltaMetadata, type DeltaProtocol, type DeltaRemoveFile, deletionVectorId,
} from './delta-actions.ts';
import { decodePath } from './delta-location.ts';

/** The reconstructed state of a table at one version. */
export interface ReplayedState {
  readonly version: number;
  readonly protocol: DeltaProtocol;
  readonly metadata: DeltaMetadata;
  /** Active logical files, in the order they were added. */
  readonly files: readonly DeltaAddFile[];
  readonly tombstones: readonly DeltaRemoveFile[];
  readonly txns: ReadonlyMap<string, number>;
  /** Active domain metadata: domain → configuration. */
  readonly domains: ReadonlyMap<string, string>;
}

/** The reconciliation key of a logical file: decoded path + DV id. */
export function logicalFileKey(path: string, dv: DeltaAddFile['deletionVector']): string {
  return `${decodePath(path)}\u0000${deletionVectorId(dv)}`;
}

/** Accumulates actions in log order; `state(version)` reads the result. */
export class LogReplayer {
  private protocol: DeltaProtocol | undefined;
  private metadata: DeltaMetadata | undefined;
  private readonly files = new Map<string, DeltaAddFile>();
  private readonly tombstones = new Map<string, DeltaRemoveFile>();
  private readonly txns = new Map<string, number>();
  private readonly domains = new Map<string, string>();

  /** Applies the actions of one checkpoint, compaction file or commit. */
  apply(actions: readonly DeltaAction[]): void {
    for (const a of actions) {
      switch (a.kind) {
        case 'protocol': this.protocol = a.protocol; break;
        case 'metaData': this.metadata = a.metaData; break;
        case 'add': {
          const key = logicalFileKey(a.add.path, a.add.deletionVector);
          this.files.delete(key); // re-insert: the newest add decides the position too
          this.files.set(key, a.add);
          this.tombstones.delete(key);
          break;
        }
        case 'remove': {
          const key = logicalFileKey(a.remove.path, a.remove.deletionVector);
          this.files.delete(key);
          this.tombstones.set(key, a.remove);
          break;
        }
        case 'txn': this.txns.set(a.appId, a.version); break;
        case 'domainMetadata':
          if (a.removed) this.domains.delete(a.domain);
          else this.domains.set(a.domain, a.configuration);
          break;
        default: break;
      }
    }
  }

  /** The state after everything applied; `table` names the table in errors. */
  state(version: number, table: string): ReplayedState {
    if (!this.protocol) throw new LochError(SqlState.dataCorrupted, `Delta table "${table}" has no protocol action at version ${version}`);
    if (!this.metadata) throw new LochError(SqlState.dataCorrupted, `Delta table "${table}" has no metaData action at version ${version}`);
    return {
      version,
      protocol: this.protocol,
      metadata: this.metadata,
      files: [...this.files.values()],
      tombstones: [...this.tombstones.values()],
      txns: new Map(this.txns),
      domains: new Map(this.domains),
    };
  }

  /** The protocol seen so far (checked before data is touched). */
  get currentProtocol(): DeltaProtocol | undefined {
    return this.protocol;
  }
}
