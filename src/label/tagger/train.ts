// Training of the attribution tagger (model.ts beside this file) on a
// PolNeAR split: each pipeline sentence's labeller tokens get their gold tag
// from the brat spans (cue over source over content where they nest), then an
// averaged perceptron learns greedy left-to-right tagging. Deterministic: the
// article order is sorted, the epoch shuffles come from mulberry32(seed), all
// arithmetic is on integers until the final average.
import { C, MAX_FEATURES, MODEL_FORMAT, NTAGS, O, S, T, TAGS, features, tagSentence, viewSentence, type ModelFile, type SentenceView } from "./model.ts";
import type { Lexicons } from "../lexicon/lexicons.ts";
import type { Vocab } from "../lexicon/vocab.ts";
import { MAX_QUOTE_SENTENCES, codePointOffset, hasAstral, tokenizeSentence, type Tok } from "../tokens/tokenize.ts";
import { mulberry32, randInt } from "../../rng.ts";

const r4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Character (code point) spans of one annotated attribution; a span may be discontinuous. */
export interface GoldAttribution {
  source: readonly (readonly [number, number])[];
  cue: readonly (readonly [number, number])[];
  content: readonly (readonly [number, number])[];
}

/** An annotated article: its text, its attributions and the pipeline's articles of it (the extract stage's sentences). */
export interface TrainingArticle {
  text: string;
  attributions: readonly GoldAttribution[];
  extracted: readonly { sentences: readonly { text: string; start: number }[] }[];
}

export interface Example {
  /** Filled by trainTagger once the cue inventory is known (a feature reads it). */
  view: SentenceView | null;
  toks: Tok[];
  startsInQuote: boolean;
  gold: Uint8Array;
  /** Lower-cased tokens (for the cue inventory). */
  words: string[];
}

/** One example per pipeline sentence of the article, tokens tagged from its attributions. */
export function articleExamples(a: TrainingArticle, vocab: Vocab): Example[] {
  // Tag per code point of the article: cue over source over content.
  const cps = [...a.text].length;
  const tagAt = new Uint8Array(cps);
  const paint = (fs: readonly (readonly [number, number])[], tag: number) => {
    for (const [s, e] of fs) for (let k = s; k < Math.min(e, cps); k++) if (tagAt[k]! === O || tag === C || (tag === S && tagAt[k] === T)) tagAt[k] = tag;
  };
  for (const at of a.attributions) paint(at.content, T);
  for (const at of a.attributions) paint(at.source, S);
  for (const at of a.attributions) paint(at.cue, C);
  const out: Example[] = [];
  for (const art of a.extracted) {
    let carried = 0;
    for (const s of art.sentences) {
      const { toks, quoteOpenAtEnd } = tokenizeSentence(s.text, vocab, carried > 0 && carried <= MAX_QUOTE_SENTENCES);
      const astral = hasAstral(s.text);
      const gold = new Uint8Array(toks.length);
      toks.forEach((t, i) => (gold[i] = tagAt[s.start + codePointOffset(s.text, astral, t.start)] ?? O));
      out.push({ view: null, toks, startsInQuote: carried > 0 && carried <= MAX_QUOTE_SENTENCES, gold, words: toks.map((t) => t.low) });
      carried = quoteOpenAtEnd ? carried + 1 : 0;
    }
  }
  return out;
}

export interface TrainOptions {
  seed: number;
  maxEpochs: number;
  /** log2 of the hash buckets. */
  bits: number;
  /** Share of the articles held out to choose the epoch count. */
  holdout: number;
}

export interface TrainResult {
  file: ModelFile;
  /** Token F1 of the non-O tags on the held-out articles, per epoch. */
  holdoutF1: number[];
  bestEpoch: number;
}

/** Micro F1 over the S, C and T tags of `examples` tagged with `weights`. */
function tagF1(examples: readonly Example[], buckets: number, weights: Float32Array): number {
  let tp = 0, pred = 0, gold = 0;
  for (const ex of examples) {
    const tags = tagSentence({ buckets, weights }, ex.view!);
    for (let i = 0; i < tags.length; i++) {
      if (tags[i] !== O) pred++;
      if (ex.gold[i] !== O) gold++;
      if (tags[i] !== O && tags[i] === ex.gold[i]) tp++;
    }
  }
  return tp === 0 ? 0 : (2 * tp) / (pred + gold);
}

/** `cueRates`: the inventory mined from the same articles (cueInventory, read back with loadCueRates). */
export function trainTagger(articles: readonly { examples: Example[] }[], opts: TrainOptions, trained: Record<string, unknown>, lex: Lexicons, cueRates: ReadonlyMap<string, number>): TrainResult {
  for (const a of articles) for (const ex of a.examples) ex.view = viewSentence(ex.toks, lex, ex.startsInQuote, cueRates);
  const rng = mulberry32(opts.seed);
  // Held-out articles: a seeded choice, the rest train.
  const order = articles.map((_, i) => i);
  shuffle(order, rng);
  const nHold = Math.max(1, Math.round(articles.length * opts.holdout));
  const held = new Set(order.slice(0, nHold));
  const train: Example[] = [];
  const hold: Example[] = [];
  articles.forEach((a, i) => (held.has(i) ? hold : train).push(...a.examples));
  const buckets = 1 << opts.bits;
  const mask = buckets - 1;
  const w = new Float64Array(buckets * NTAGS);
  const acc = new Float64Array(buckets * NTAGS);
  const feats = new Int32Array(MAX_FEATURES);
  let c = 1;
  let best = { f1: -1, epoch: 0, weights: new Float32Array(0) };
  const holdoutF1: number[] = [];
  const idx = train.map((_, i) => i);
  for (let epoch = 1; epoch <= opts.maxEpochs; epoch++) {
    shuffle(idx, rng);
    for (const k of idx) {
      const ex = train[k]!;
      const view = ex.view!;
      let prev = 9;
      let prev2 = 9;
      for (let i = 0; i < view.n; i++) {
        const nf = features(view, i, prev, prev2, mask, feats);
        let bestTag = 0;
        let top = -Infinity;
        for (let t = 0; t < NTAGS; t++) {
          let s = 0;
          for (let f = 0; f < nf; f++) s += w[feats[f]! * NTAGS + t]!;
          if (s > top) (top = s), (bestTag = t);
        }
        const g = ex.gold[i]!;
        if (bestTag !== g) {
          for (let f = 0; f < nf; f++) {
            const b = feats[f]! * NTAGS;
            w[b + g]! += 1;
            acc[b + g]! += c;
            w[b + bestTag]! -= 1;
            acc[b + bestTag]! -= c;
          }
        }
        prev2 = prev;
        prev = bestTag;
        c++;
      }
    }
    const avg = new Float32Array(buckets * NTAGS);
    for (let j = 0; j < avg.length; j++) avg[j] = w[j]! - acc[j]! / c;
    const f1 = tagF1(hold, buckets, avg);
    holdoutF1.push(r4(f1));
    if (f1 > best.f1) best = { f1, epoch, weights: avg };
  }
  return { file: toFile(best.weights, buckets, { ...trained, seed: opts.seed, epochs: best.epoch, holdout_articles: nHold, holdout_tag_f1: holdoutF1 }), holdoutF1, bestEpoch: best.epoch };
}

/** Weights × SCALE rounded to integers. */
const SCALE = 10;
/**
 * A bucket whose weights are all below this (× SCALE) is left out: |w| < 2 is noise from a few updates (perceptron
 * weights count mistakes). Pruning at 2 keeps dev F1 within 0.002 and halves the file (and its load time).
 */
const PRUNE_BELOW = 20;

function toFile(weights: Float32Array, buckets: number, trained: Record<string, unknown>): ModelFile {
  const flat: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const q = [0, 1, 2, 3].map((t) => Math.round(weights[b * NTAGS + t]! * SCALE));
    if (q.every((x) => Math.abs(x) < PRUNE_BELOW)) continue;
    flat.push(b, ...q.map((x) => x + 0)); // + 0: no -0 in the JSON
  }
  return { format: MODEL_FORMAT, buckets, tags: TAGS, scale: SCALE, trained, weights: flat };
}

/** Fewest times a word must be (part of) a gold cue to enter the inventory. */
const MIN_CUE_COUNT = 3;

/** The cue inventory: each word that is part of a gold cue at least MIN_CUE_COUNT times, with its counts, as CSV. */
export function cueInventory(examples: readonly Example[]): string {
  const occ = new Map<string, number>();
  const cue = new Map<string, number>();
  for (const ex of examples)
    ex.words.forEach((w, i) => {
      occ.set(w, (occ.get(w) ?? 0) + 1);
      if (ex.gold[i] === C) cue.set(w, (cue.get(w) ?? 0) + 1);
    });
  const rows = [...cue.entries()].filter(([w, n]) => n >= MIN_CUE_COUNT && !/[,"\n]/.test(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const head = "word,cue_count,occurrences\n# Mined from PolNeAR train by npm run train-attribution: how often each word is (part of) an attribution cue, of all its occurrences. See README.md.\n";
  return head + rows.map(([w, n]) => `${w},${n},${occ.get(w)}`).join("\n") + "\n";
}

function shuffle(xs: number[], rng: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}
