// The learned part of attribution: an averaged-perceptron token tagger that
// marks each token of a sentence as O (outside), S (source), C (cue) or T
// (content), greedily left to right with the previous tag as a feature. It is
// trained on PolNeAR train by `npm run train-attribution` (model-train.ts);
// its weights are data (data/models/attribution-tagger.json). Features are
// hashed integers over the labeller's own tokens (no strings are built per
// token): words around the token, suffix, shape, quote position, the
// reporting-verb lexicon and the previous tag.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { InputError } from "../../errors.ts";
import { parseCsvTable } from "../lexicon/csv-table.ts";
import type { Lexicons } from "../lexicon/lexicons.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { BOS, EOS, F_BIAS, F_CAPS, F_GROUP, F_PREV, F_PREV2, F_PREV_REPORT, F_PREV_W0, F_POS, F_QUOTE, F_RATE, F_RATE_NEAR, F_REPORT, F_REPORT_NEAR, F_REPORT_WORD, F_SH0, F_SUF, F_W0, F_W0_WP1, F_WM1, F_WM1_W0, F_WM2, F_WP1, F_WP2, START, mix, nearestCueRate, prevIndex, scoreTablesFor, scoreToken, suffixHash, type SentenceView } from "./features.ts";

export type { SentenceView };
import { fillView, rateTenths, viewMemo, type TaggerMemo } from "./word-memo.ts";
import { hashWord } from "../lexicon/vocab.ts";

export const TAGS = ["O", "S", "C", "T"] as const;
export type Tag = 0 | 1 | 2 | 3;
export const O = 0, S = 1, C = 2, T = 3;
export const NTAGS = 4;
export const MODEL_FORMAT = "claimstance-attribution-tagger/1";
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL("../../../data/models/attribution-tagger.json", import.meta.url));
export const DEFAULT_CUES_PATH = fileURLToPath(new URL("../../../data/lexicons/cues.csv", import.meta.url));

export interface TaggerModel {
  /** Number of hash buckets (a power of two); weights[bucket * NTAGS + tag]. */
  buckets: number;
  weights: Float32Array;
  /** Cue inventory (cues.csv): word → share of its PolNeAR train occurrences that are part of a cue; absent words 0. */
  cueRate?: ReadonlyMap<string, number>;
  /** For a model read from a file: weights are its integers / scale. */
  scale?: number;
  /** What labelling with this model keeps from sentence to sentence (word-memo.ts memoOf); made on first use. */
  memo?: TaggerMemo;
}

const CueRow = z.object({ word: z.string().min(1), cue_count: z.coerce.number().int().min(1), occurrences: z.coerce.number().int().min(1) });

/** Reads cues.csv (file:line errors); the rate is smoothed so a word seen a few times does not count as sure. */
export function loadCueRates(path: string): Map<string, number> {
  const rows = parseCsvTable(path, readFileSync(path, "utf8"), CueRow, ["word", "cue_count", "occurrences"]);
  const out = new Map<string, number>();
  for (const { line, row } of rows) {
    if (row.cue_count > row.occurrences) throw new InputError(`${path}:${line}: cue_count above occurrences`);
    out.set(row.word, row.cue_count / (row.occurrences + 2));
  }
  return out;
}

/** The committed model file's shape (weights sparse: bucket, then one integer per tag, divided by `scale`). */
export interface ModelFile {
  format: string;
  buckets: number;
  tags: readonly string[];
  scale: number;
  trained: Record<string, unknown>;
  weights: number[];
}

export function modelFromFile(m: ModelFile, where: string): TaggerModel {
  if (m.format !== MODEL_FORMAT || (m.buckets & (m.buckets - 1)) !== 0 || m.weights.length % (NTAGS + 1) !== 0)
    throw new InputError(`${where}: not a ${MODEL_FORMAT} model`);
  const weights = new Float32Array(m.buckets * NTAGS);
  for (let k = 0; k < m.weights.length; k += NTAGS + 1) {
    const b = m.weights[k]!;
    if (!(b >= 0 && b < m.buckets)) throw new InputError(`${where}: bucket ${b} out of range`);
    for (let t = 0; t < NTAGS; t++) weights[b * NTAGS + t] = m.weights[k + 1 + t]! / m.scale;
  }
  return { buckets: m.buckets, weights, scale: m.scale };
}

let cached: { path: string; model: TaggerModel | null } | null = null;

/** The committed tagger, read once per process; null when the file is absent (the rules then work alone). */
export function loadTagger(path: string = DEFAULT_MODEL_PATH): TaggerModel | null {
  if (cached?.path === path) return cached.model;
  let model: TaggerModel | null = null;
  if (existsSync(path)) {
    let parsed: ModelFile;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8")) as ModelFile;
    } catch (e) {
      throw new InputError(`${path}: ${(e as Error).message}`);
    }
    model = modelFromFile(parsed, path);
    if (existsSync(DEFAULT_CUES_PATH)) model.cueRate = loadCueRates(DEFAULT_CUES_PATH);
  }
  cached = { path, model };
  return model;
}

// Feature templates: each feature is mix(template, value), hashed into the buckets (features.ts).
function shapeOf(t: Tok): number {
  const kind = t.kind === "word" ? 0 : t.kind === "num" ? 1 : t.kind === "punct" ? 2 : t.kind === "open_quote" ? 3 : 4;
  return kind * 8 + (t.cap ? 1 : 0) + (t.acro ? 2 : 0) + (t.quoted ? 4 : 0);
}

function newView(n: number): SentenceView {
  return {
    n,
    word: new Int32Array(n),
    suffix: new Int32Array(n),
    shape: new Int32Array(n),
    report: new Uint8Array(n),
    reportNear: new Uint8Array(n),
    quote: new Uint8Array(n),
    pos: new Uint8Array(n),
    group: new Uint8Array(n),
    reportWord: new Int32Array(n),
    cueRate: new Uint8Array(n),
  };
}

/**
 * The feature values of one sentence. With `memo` (the labeller's: memoOf(model)): the memo's one view is filled
 * (valid until the next call; the labeller tags one sentence at a time) and lexicon words' facts come from its view
 * memo; without (training keeps every sentence's view): new arrays, every word's facts computed.
 */
export function viewSentence(toks: readonly Tok[], lex: Lexicons, startsInQuote: boolean, cueRates: ReadonlyMap<string, number> | undefined, memo?: TaggerMemo): SentenceView {
  const n = toks.length;
  if (memo && (memo.shared === null || memo.shared.word.length < n)) memo.shared = newView(Math.max(256, n * 2));
  const v: SentenceView = memo ? memo.shared! : newView(n);
  v.n = n;
  if (memo) v.report.fill(0, 0, n);
  // Read only where v.report is 1, and always written with it: no fill needed.
  if (memo && memo.reportStart.length < n) memo.reportStart = new Int32Array(n * 2);
  const reportStart = memo ? memo.reportStart : new Int32Array(n);
  let quoteSeen = startsInQuote ? 1 : 0;
  // The reporting phrases (leftmost-longest): their tokens, and where each phrase starts.
  let reports = 0; // > 0 once a reporting phrase is found
  lex.reporting.scan(toks, (m) => {
    for (let k = m.start; k < m.end; k++) (v.report[k] = 1), (reportStart[k] = m.start);
    reports = m.end;
  });
  // A lexicon word's facts come from the view memo (word-memo.ts); other words are computed here, the same way
  // (nouns.csv words are lexicon words: any other word is no group noun).
  const words = memo ? viewMemo(memo, lex, cueRates) : null;
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const low = t.low;
    const id = t.id;
    if (words !== null && id !== 0) {
      if (words.known[id] === 0) fillView(words, id, low);
      v.word[i] = words.hash[id]!;
      v.suffix[i] = words.suffix[id]!;
      v.cueRate[i] = words.rate[id]!;
      v.group[i] = words.group[id]!;
    } else {
      const h = hashWord(low);
      v.word[i] = h;
      v.suffix[i] = low.length > 3 ? suffixHash(low) : h;
      v.cueRate[i] = rateTenths(cueRates, low);
      v.group[i] = id !== 0 && lex.nouns.get(low)?.has("group") ? 1 : 0;
    }
    v.shape[i] = shapeOf(t);
    if (t.kind === "open_quote" || t.kind === "close_quote") quoteSeen = 1;
    v.quote[i] = (t.quoted ? 1 : 0) + quoteSeen * 2;
    v.pos[i] = i === 0 ? 1 : i < 3 ? 2 : i >= n - 2 ? 3 : i >= n - 5 ? 4 : 5;
  }
  if (reports === 0) {
    // No reporting phrase: no token has one near (most sentences).
    v.reportNear.fill(0, 0, n);
    v.reportWord.fill(0, 0, n);
    return v;
  }
  for (let i = 0; i < n; i++) {
    let best = 0;
    let at = -1;
    for (let d = 1; d <= 6 && best === 0; d++) {
      if (i - d >= 0 && v.report[i - d]) (best = d), (at = i - d); // reporting phrase d tokens before
      else if (i + d < n && v.report[i + d]) (best = 16 + d), (at = i + d); // d tokens after
    }
    v.reportNear[i] = best;
    v.reportWord[i] = at < 0 ? 0 : v.word[reportStart[at]!]!;
  }
  return v;
}

/** The hashed feature buckets of token i given the previous two tags (written into `out`, length returned). */
export function features(v: SentenceView, i: number, prev: number, prev2: number, mask: number, out: Int32Array): number {
  const w0 = v.word[i]!;
  const wm1 = i > 0 ? v.word[i - 1]! : BOS;
  const wp1 = i + 1 < v.n ? v.word[i + 1]! : EOS;
  const wm2 = i > 1 ? v.word[i - 2]! : BOS;
  const wp2 = i + 2 < v.n ? v.word[i + 2]! : EOS;
  const sh0 = v.shape[i]!;
  const shm1 = i > 0 ? v.shape[i - 1]! : 63;
  const shp1 = i + 1 < v.n ? v.shape[i + 1]! : 63;
  let k = 0;
  out[k++] = mix(F_BIAS, 0) & mask;
  out[k++] = mix(F_W0, w0) & mask;
  out[k++] = mix(F_WM1, wm1) & mask;
  out[k++] = mix(F_WP1, wp1) & mask;
  out[k++] = mix(F_WM2, wm2) & mask;
  out[k++] = mix(F_WP2, wp2) & mask;
  out[k++] = mix(F_SUF, v.suffix[i]!) & mask;
  out[k++] = mix(F_SH0, sh0) & mask;
  out[k++] = mix(F_PREV, prev) & mask;
  out[k++] = mix(mix(F_PREV_W0, prev), w0) & mask;
  out[k++] = mix(mix(F_WM1_W0, wm1), w0) & mask;
  out[k++] = mix(mix(F_W0_WP1, w0), wp1) & mask;
  out[k++] = mix(F_REPORT, v.report[i]!) & mask;
  out[k++] = mix(F_QUOTE, v.quote[i]!) & mask;
  out[k++] = mix(F_POS, v.pos[i]!) & mask;
  out[k++] = mix(F_REPORT_NEAR, v.reportNear[i]!) & mask;
  out[k++] = mix(mix(F_PREV_REPORT, prev), v.reportNear[i]!) & mask;
  out[k++] = mix(mix(F_PREV2, prev2), prev) & mask;
  out[k++] = mix(F_CAPS, (shm1 & 1) * 4 + (sh0 & 1) * 2 + (shp1 & 1)) & mask;
  out[k++] = mix(mix(F_GROUP, v.group[i]!), prev) & mask;
  out[k++] = mix(mix(F_REPORT_WORD, v.reportWord[i]!), v.reportNear[i]!) & mask;
  out[k++] = mix(F_RATE, v.cueRate[i]!) & mask;
  out[k++] = mix(F_RATE_NEAR, nearestCueRate(v.cueRate, i, v.n)) & mask;
  return k;
}

/**
 * Added to the source and cue scores at decoding time: the tagger trained for token accuracy is shy of marking
 * attributions. Tuned on PolNeAR train (the highest sentence F1 that keeps every target met there); see data/models/README.md.
 */
export const BIAS_S = 8;
export const BIAS_C = 4;
export const MAX_FEATURES = 24;

/** Greedy left-to-right tags of one sentence: at each token the tag of the highest score of `features`' buckets (scoreToken), the first on a tie. */
export function tagSentence(model: TaggerModel, v: SentenceView): Uint8Array {
  const tags = new Uint8Array(v.n);
  const st = scoreTablesFor(model.buckets, model.weights);
  const sums = new Float64Array(NTAGS);
  let prev = prevIndex(START);
  let prev2 = prev;
  for (let i = 0; i < v.n; i++) {
    scoreToken(v, i, prev, prev2, st, sums);
    const s0 = sums[0]!;
    const s1 = sums[1]! + BIAS_S;
    const s2 = sums[2]! + BIAS_C;
    const s3 = sums[3]!;
    let best = 0;
    let top = s0;
    if (s1 > top) (best = 1), (top = s1);
    if (s2 > top) (best = 2), (top = s2);
    if (s3 > top) best = 3;
    tags[i] = best;
    prev2 = prev;
    prev = best;
  }
  return tags;
}

/** Maximal runs of one tag, as token ranges [start, end). */
export function runsOf(tags: Uint8Array, tag: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== tag) continue;
    const start = i;
    while (i + 1 < tags.length && tags[i + 1] === tag) i++;
    out.push({ start, end: i + 1 });
  }
  return out;
}
