/**
 * `validateDeltaLog`: checks a table's `_delta_log` against PROTOCOL.md (an fsck for
 * Delta logs; the write-side tests run it on every table they write) — required fields
 * and types per action, one action per line, contiguous versions from 0, protocol
 * and metaData in version 0, at most one protocol/metaData per commit, no duplicate
 * (path, DV) per commit, partition values keyed by the partition columns, every
 * referenced data / DV / change data file present (`historical: false`: only the
 * files live at the newest version, for vacuumed tables). Returns the problems found.
 */
import type { ObjectStore } from '../object-store/object-store.ts';
import { type DeltaLocation, dataFileKey, readText } from './delta-location.ts';
import { deletionVectorFileKey } from './deletion-vector.ts';
import { logKey } from './delta-log-listing.ts';
import { resolveTable, type TableRef } from './delta-transaction.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
const isStrMap = (v: unknown): boolean => isObj(v) && Object.values(v).every((x) => typeof x === 'string' || x === null);

/** Problems of the log of a table (empty when valid). */
export async function validateDeltaLog(table: TableRef, options: { objectStore?: ObjectStore; historical?: boolean } = {}): Promise<string[]> {
  const loc: DeltaLocation = resolveTable(table, options.objectStore);
  const exists = async (key: string): Promise<boolean> => loc.store.head(key).then(() => true, () => false);
  const problems: string[] = [];
  // Files that must exist: with `historical` (default) those of every version as it is checked,
  // otherwise only those live at the newest version (after VACUUM, older versions' files may be gone).
  const files = new Map<string, { where: string; key: string }>();
  const checked = new Set<string>();
  const checkFiles = async (): Promise<void> => {
    for (const [id, f] of files) {
      if (checked.has(id)) continue;
      checked.add(id);
      if (!(await exists(f.key))) problems.push(`${f.where}: file ${f.key} does not exist`);
    }
    for (const id of [...files.keys()]) if (id.startsWith('cdc:')) files.delete(id);
  };
  const prefix = logKey(loc);
  const versions = (await loc.store.list(prefix)).map((o) => o.path.slice(prefix.length))
    .filter((n) => /^\d{20}\.json$/.test(n)).map((n) => Number(n.slice(0, 20))).sort((a, b) => a - b);
  versions.forEach((v, i) => { if (v !== i) problems.push(`commit versions are not contiguous from 0: found ${v} at position ${i}`); });
  let partitionColumns: string[] = [];
  let physical = new Map<string, string>();
  for (const v of versions) {
    const where = `version ${v}`;
    const lines = (await readText(loc.store, logKey(loc, `${String(v).padStart(20, '0')}.json`))).split('\n').filter((l) => l.trim() !== '');
    const kinds: string[] = [];
    const addKeys = new Set<string>(), removeKeys = new Set<string>();
    for (const line of lines) {
      let raw: unknown;
      try { raw = JSON.parse(line); } catch { problems.push(`${where}: a line is not JSON`); continue; }
      if (!isObj(raw) || Object.keys(raw).length !== 1) { problems.push(`${where}: a line does not hold exactly one action`); continue; }
      const [kind, body] = Object.entries(raw)[0]!;
      kinds.push(kind);
      if (!isObj(body)) { problems.push(`${where}: ${kind} is not an object`); continue; }
      const need = (field: string, ok: (x: unknown) => boolean, optional = false): void => {
        if (body[field] === undefined) { if (!optional) problems.push(`${where}: ${kind}.${field} is missing`); return; }
        if (!ok(body[field])) problems.push(`${where}: ${kind}.${field} has the wrong type (${JSON.stringify(body[field])})`);
      };
      switch (kind) {
        case 'protocol': {
          need('minReaderVersion', isInt); need('minWriterVersion', isInt);
          const r = body.minReaderVersion as number, w = body.minWriterVersion as number;
          if ((r === 3) !== Array.isArray(body.readerFeatures)) problems.push(`${where}: readerFeatures must exist exactly when minReaderVersion is 3`);
          if ((w === 7) !== Array.isArray(body.writerFeatures)) problems.push(`${where}: writerFeatures must exist exactly when minWriterVersion is 7`);
          if (r === 3 && w !== 7) problems.push(`${where}: reader version 3 needs writer version 7`);
          for (const f of (body.readerFeatures as string[] | undefined) ?? []) {
            if (!((body.writerFeatures as string[] | undefined) ?? []).includes(f)) problems.push(`${where}: reader feature ${f} is not also a writer feature`);
          }
          break;
        }
        case 'metaData': {
          need('id', (x) => typeof x === 'string' && x !== '');
          need('format', (x) => isObj(x) && typeof x.provider === 'string' && isStrMap(x.options));
          need('schemaString', (x) => { try { return (JSON.parse(x as string) as Obj).type === 'struct'; } catch { return false; } });
          need('partitionColumns', (x) => Array.isArray(x) && x.every((p) => typeof p === 'string'));
          need('configuration', isStrMap);
          need('createdTime', isInt, true);
          partitionColumns = (body.partitionColumns as string[] | undefined) ?? [];
          try {
            const fields = (JSON.parse(body.schemaString as string) as { fields: Array<{ name: string; metadata?: Obj }> }).fields;
            const mapped = ((body.configuration as Obj | undefined)?.['delta.columnMapping.mode'] ?? 'none') !== 'none';
            physical = new Map(fields.map((f) => [f.name, mapped ? String(f.metadata?.['delta.columnMapping.physicalName']) : f.name]));
          } catch { /* reported above */ }
          break;
        }
        case 'add': case 'remove': case 'cdc': {
          need('path', (x) => typeof x === 'string' && x !== '');
          need('partitionValues', isStrMap, kind === 'remove');
          need('size', (x) => isInt(x) && (x as number) >= 0, kind === 'remove');
          need('dataChange', (x) => typeof x === 'boolean');
          if (kind === 'add') {
            need('modificationTime', isInt);
            need('stats', (x) => { try { return isInt((JSON.parse(x as string) as Obj).numRecords); } catch { return false; } }, true);
          }
          if (kind === 'remove') need('deletionTimestamp', isInt, true);
          if (kind === 'cdc' && body.dataChange !== false) problems.push(`${where}: cdc.dataChange must be false`);
          const dv = body.deletionVector as Obj | undefined;
          if (dv !== undefined) {
            if (!['u', 'i', 'p'].includes(dv.storageType as string) || typeof dv.pathOrInlineDv !== 'string' || !isInt(dv.sizeInBytes) || !isInt(dv.cardinality)) {
              problems.push(`${where}: ${kind}.deletionVector is malformed`);
            }
            if (kind === 'add' && dv.storageType === 'u') files.set(`dv:${body.path as string}@${JSON.stringify(dv)}`, { where, key: deletionVectorFileKey(loc, dv.pathOrInlineDv as string) });
          }
          const key = `${body.path as string}@${dv ? JSON.stringify(dv) : ''}`;
          const seen = kind === 'add' ? addKeys : kind === 'remove' ? removeKeys : undefined;
          if (seen?.has(key)) problems.push(`${where}: ${kind} of ${body.path as string} appears twice`);
          seen?.add(key);
          if (isObj(body.partitionValues)) {
            const want = partitionColumns.map((p) => physical.get(p) ?? p).sort().join(',');
            const got = Object.keys(body.partitionValues).sort().join(',');
            if (want !== got) problems.push(`${where}: ${kind}.partitionValues keys [${got}] are not the partition columns [${want}]`);
          }
          if (typeof body.path === 'string') {
            const logical = `${body.path}@${dv ? JSON.stringify(dv) : ''}`;
            if (kind === 'remove') { files.delete(`data:${logical}`); files.delete(`dv:${logical}`); }
            else files.set(`${kind === 'cdc' ? `cdc:v${v}:` : 'data:'}${logical}`, { where, key: dataFileKey(loc, body.path) });
          }
          break;
        }
        case 'commitInfo': break;
        case 'txn': need('appId', (x) => typeof x === 'string'); need('version', isInt); break;
        case 'domainMetadata': need('domain', (x) => typeof x === 'string'); need('configuration', (x) => typeof x === 'string'); need('removed', (x) => typeof x === 'boolean'); break;
        default: problems.push(`${where}: unknown action ${kind}`);
      }
    }
    if (options.historical !== false) await checkFiles();
    if (v === 0 && (!kinds.includes('protocol') || !kinds.includes('metaData'))) problems.push(`version 0 lacks protocol or metaData`);
    if (kinds.filter((k) => k === 'protocol').length > 1) problems.push(`${where}: more than one protocol action`);
    if (kinds.filter((k) => k === 'metaData').length > 1) problems.push(`${where}: more than one metaData action`);
  }
  if (options.historical === false) {
    for (const id of [...files.keys()]) if (id.startsWith('cdc:')) files.delete(id);
    await checkFiles();
  }
  return problems;
}
