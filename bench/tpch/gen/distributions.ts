/**
 * The value lists and weights of dists.dss, the TPC-H kit's data file.
 *
 * File format (as dbgen's `read_dist` reads it): `#` starts a comment; a block
 * `BEGIN <name>` … `END <name>` (keywords and names case-insensitive) holds a
 * `count|<n>` line and then `<text>|<weight>` lines. dbgen stores the *running
 * sum* of the weights, and that running sum is also what it uses as a value
 * (nations.weight is n_regionkey). A pick draws j uniformly in
 * [1, total weight] and returns the first member whose running sum is >= j.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LochError } from '../../../core/index.ts';

/** Path of the dists.dss copy shipped beside the generator. */
export const DEFAULT_DISTS_PATH = fileURLToPath(new URL('./dists.dss', import.meta.url));

/** One named distribution of dists.dss. */
export interface Distribution {
  readonly name: string;
  /** Member texts in file order. */
  readonly members: readonly string[];
  /** Member texts as ASCII bytes (dbgen copies bytes; all members are ASCII). */
  readonly memberBytes: readonly Uint8Array[];
  /** Running sum of the weights, one per member. */
  readonly cumulative: Int32Array;
  /** Sum of all weights: the upper bound of a pick. */
  readonly totalWeight: number;
  /**
   * `pickTable[j]` is the member index a pick of `j` (1..totalWeight) selects:
   * replaces dbgen's linear scan by one lookup. Empty when weights are not
   * positive (nations: weights are region keys, never picked).
   */
  readonly pickTable: Uint16Array;
}

/** Every distribution in a dists.dss file, by lower-case name. */
export type Distributions = ReadonlyMap<string, Distribution>;

const cache = new Map<string, Distributions>();

/** Reads and parses a dists.dss file (cached per path). */
export function loadDistributions(path: string = DEFAULT_DISTS_PATH): Distributions {
  const hit = cache.get(path);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch (cause) {
    throw new LochError('58030', `cannot read TPC-H distribution file "${path}"`, { cause });
  }
  const parsed = parseDistributions(text, path);
  cache.set(path, parsed);
  return parsed;
}

/** Parses the text of a dists.dss file. `source` names the file in errors. */
export function parseDistributions(text: string, source = 'dists.dss'): Distributions {
  const out = new Map<string, Distribution>();
  let name: string | null = null;
  let count = -1;
  let members: string[] = [];
  let weights: number[] = [];
  for (const rawLine of text.split('\n')) {
    const hash = rawLine.indexOf('#');
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (name === null) {
      const words = line.trim().split(/[\t ]+/);
      if (words[0]?.toLowerCase() === 'begin' && words[1]) {
        name = words[1].toLowerCase();
        count = -1;
        members = [];
        weights = [];
      }
      continue;
    }
    if (line.slice(0, 3).toLowerCase() === 'end') {
      if (count !== members.length) {
        throw new LochError('XX001', `distribution "${name}" in ${source} declares ${count} members but has ${members.length}`);
      }
      out.set(name, makeDistribution(name, members, weights));
      name = null;
      continue;
    }
    const bar = line.indexOf('|');
    if (bar <= 0) continue;
    const token = line.slice(0, bar);
    const weight = Number.parseInt(line.slice(bar + 1), 10);
    if (!Number.isFinite(weight)) continue;
    if (token.toLowerCase() === 'count') {
      count = weight;
      continue;
    }
    members.push(token);
    weights.push(weight);
  }
  return out;
}

function makeDistribution(name: string, members: string[], weights: number[]): Distribution {
  const cumulative = new Int32Array(members.length);
  let sum = 0;
  let positive = true;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w <= 0) positive = false;
    sum += w;
    cumulative[i] = sum;
  }
  let pickTable = new Uint16Array(0);
  if (positive) {
    pickTable = new Uint16Array(sum + 1);
    let m = 0;
    for (let j = 1; j <= sum; j++) {
      while ((cumulative[m] as number) < j) m++;
      pickTable[j] = m;
    }
  }
  const memberBytes = members.map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0)));
  return { name, members, memberBytes, cumulative, totalWeight: sum, pickTable };
}

/** The named distribution, or an error naming it. */
export function distribution(dists: Distributions, name: string): Distribution {
  const d = dists.get(name.toLowerCase());
  if (!d) throw new LochError('XX001', `TPC-H distribution "${name}" is missing from dists.dss`);
  return d;
}
