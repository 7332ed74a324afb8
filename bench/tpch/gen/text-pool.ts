/**
 * The text pool behind every TPC-H comment column.
 *
 * dbgen builds, once, 300 MiB of pseudo-English from the grammar in dists.dss
 * and then cuts each comment out of it at a random offset with a random length
 * (`dbg_text`). The pool depends only on its own stream, so it is the same for
 * every table, scale factor and chunk; we build it once per process.
 *
 * Grammar (dists.dss `grammar`, `np`, `vp`): a sentence is a weighted pick of
 * a form such as "N V P T"; N is a noun phrase ("J, J N": adjective, comma,
 * adjective, noun), V a verb phrase ("X V D": auxiliary, verb, adverb), P a
 * preposition followed by "the" and a noun phrase, T a terminator that abuts
 * the previous word. Words are followed by one space; sentences are joined by
 * one space; the last sentence is cut so the pool is exactly full.
 *
 *   pool: "furiously even packages nag. blithely final ideas are ... "
 *          ^offset ──── length ────^   = one comment
 */
import { type Distributions, type Distribution, distribution } from './distributions.ts';
import { MODULUS, nextSeed } from './rng.ts';
import { TEXT_POOL_STREAM } from './seeds.ts';
import { LochError } from '../../../core/index.ts';

/** Size of dbgen's text pool in bytes. */
export const TEXT_POOL_SIZE = 300 * 1024 * 1024;

let sharedPool: Uint8Array | null = null;
let sharedPoolSource: Distributions | null = null;

/** The 300 MiB text pool for these distributions (built on first use, then shared). */
export function textPool(dists: Distributions): Uint8Array {
  if (sharedPool && sharedPoolSource === dists) return sharedPool;
  sharedPool = buildTextPool(dists, TEXT_POOL_SIZE);
  sharedPoolSource = dists;
  return sharedPool;
}

/** Drops the shared pool so its 300 MiB can be collected (the next use rebuilds it). */
export function releaseTextPool(): void {
  sharedPool = null;
  sharedPoolSource = null;
}

/** Part-of-speech codes of the phrase forms, resolved once. */
interface Grammar {
  readonly sentence: Distribution;
  /** For each sentence form: its tokens as codes (N, V, P, T). */
  readonly sentenceForms: readonly Uint8Array[];
  readonly nounPhrase: Distribution;
  /** For each np form: pairs of (word distribution index, punctuation byte or 0). */
  readonly nounForms: readonly Int32Array[];
  readonly verbPhrase: Distribution;
  readonly verbForms: readonly Int32Array[];
  /** Word lists indexed by the numbers used in nounForms / verbForms. */
  readonly words: readonly Distribution[];
  readonly prepositions: Distribution;
  readonly terminators: Distribution;
}

const SPACE = 32;
const THE = Uint8Array.from(' the ', (c) => c.charCodeAt(0));

function resolveGrammar(dists: Distributions): Grammar {
  const words = ['articles', 'adjectives', 'adverbs', 'nouns', 'verbs', 'auxillaries'].map((n) => distribution(dists, n));
  const wordIndex: Record<string, number> = { A: 0, J: 1, D: 2, N: 3, V: 4, X: 5 };
  const phraseForms = (d: Distribution, allowed: string): Int32Array[] =>
    d.members.map((form) => {
      const codes: number[] = [];
      for (const token of form.split(' ').filter((t) => t !== '')) {
        const pos = token[0] as string;
        if (!allowed.includes(pos)) throw new LochError('XX001', `unknown part of speech "${pos}" in ${d.name} form "${form}"`);
        codes.push(wordIndex[pos] as number, token.length > 1 ? token.charCodeAt(1) : 0);
      }
      return Int32Array.from(codes);
    });
  const sentence = distribution(dists, 'grammar');
  const sentenceForms = sentence.members.map((form) =>
    Uint8Array.from(form.split(' ').filter((t) => t !== ''), (t) => {
      if (!'NVPT'.includes(t[0] as string) || t.length > 1) throw new LochError('XX001', `unsupported grammar form "${form}"`);
      return t.charCodeAt(0);
    }),
  );
  // dbgen's sentence length bookkeeping assumes one terminator, at the end.
  for (const [i, f] of sentenceForms.entries()) {
    if (f[f.length - 1] !== 84 || f.indexOf(84) !== f.length - 1) {
      throw new LochError('XX001', `grammar form "${sentence.members[i]}" must end with its only terminator T`);
    }
  }
  const nounPhrase = distribution(dists, 'np');
  const verbPhrase = distribution(dists, 'vp');
  return {
    sentence,
    sentenceForms,
    nounPhrase,
    nounForms: phraseForms(nounPhrase, 'AJDN'),
    verbPhrase,
    verbForms: phraseForms(verbPhrase, 'DVX'),
    words,
    prepositions: distribution(dists, 'prepositions'),
    terminators: distribution(dists, 'terminators'),
  };
}

/**
 * Writes sentences from the grammar into a buffer, drawing from one stream.
 * A class (not closures) so V8 keeps seed and position in fields it can
 * optimize; this loop produces 300 MiB.
 */
class SentenceWriter {
  seed: number;
  out: Uint8Array;
  pos = 0;
  private readonly g: Grammar;

  constructor(g: Grammar, seed: number, out: Uint8Array) {
    this.g = g;
    this.seed = seed;
    this.out = out;
  }

  private pick(d: Distribution): number {
    const s = nextSeed(this.seed);
    this.seed = s;
    return d.pickTable[1 + Math.trunc((s / MODULUS) * d.totalWeight)] as number;
  }

  private word(bytes: Uint8Array): void {
    const out = this.out;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i++) out[p++] = bytes[i] as number;
    this.pos = p;
  }

  private phrase(dist: Distribution, forms: readonly Int32Array[]): void {
    const form = forms[this.pick(dist)] as Int32Array;
    for (let t = 0; t < form.length; t += 2) {
      const words = this.g.words[form[t] as number] as Distribution;
      this.word(words.memberBytes[this.pick(words)] as Uint8Array);
      const punctuation = form[t + 1] as number;
      if (punctuation !== 0) this.out[this.pos++] = punctuation;
      this.out[this.pos++] = SPACE;
    }
  }

  /** Writes one sentence at `pos` (no trailing space) and advances `pos` past it. */
  sentence(): void {
    const g = this.g;
    const form = g.sentenceForms[this.pick(g.sentence)] as Uint8Array;
    for (let t = 0; t < form.length; t++) {
      switch (form[t]) {
        case 78: // N
          this.phrase(g.nounPhrase, g.nounForms);
          break;
        case 86: // V
          this.phrase(g.verbPhrase, g.verbForms);
          break;
        case 80: // P
          this.word(g.prepositions.memberBytes[this.pick(g.prepositions)] as Uint8Array);
          this.word(THE);
          this.phrase(g.nounPhrase, g.nounForms);
          break;
        default: // T: the terminator replaces the space after the last word
          this.pos--;
          this.word(g.terminators.memberBytes[this.pick(g.terminators)] as Uint8Array);
          break;
      }
    }
  }
}

/** Longer than any sentence the grammar can produce. */
const MAX_SENTENCE = 1024;

/**
 * Builds a pool of `size` bytes from the grammar, drawing from the text-pool
 * stream. Sentences are written in place; the last ones go through a scratch
 * buffer so the final sentence can be cut to fit exactly.
 */
export function buildTextPool(dists: Distributions, size: number): Uint8Array {
  const pool = new Uint8Array(size);
  const scratch = new Uint8Array(MAX_SENTENCE);
  const w = new SentenceWriter(resolveGrammar(dists), TEXT_POOL_STREAM.seed, pool);
  let filled = 0;
  while (size - filled > MAX_SENTENCE) {
    w.sentence();
    pool[w.pos++] = SPACE;
    filled = w.pos;
  }
  w.out = scratch;
  while (filled < size) {
    w.pos = 0;
    w.sentence();
    const length = w.pos;
    const room = size - filled;
    if (room >= length + 1) {
      pool.set(scratch.subarray(0, length), filled);
      filled += length;
      pool[filled++] = SPACE;
    } else {
      pool.set(scratch.subarray(0, room), filled);
      filled = size;
    }
  }
  return pool;
}
