// The attribution tagger's feature templates (model.ts) and the decoder's way to
// compute their buckets. Each feature is mix(template, value) (or mix(mix(template, a), b)) masked into the
// model's buckets; a template's number is part of the hash, so a number never changes (a retrained weights file
// relies on the same numbers, the same mix and the same masking).
//
// `features` in model.ts is the definition (training uses it). The float scorer here, scoreToken,
// adds the weights of the same buckets in the same order: a template over a small set of values (the previous
// tags, shape, quote, position, reporting-phrase distance, cue rate, …) is a table of weight rows by value,
// built once per weights array, instead of one or two mix calls; only the templates over word hashes are mixed
// per token. Same sums, so the same tags (test/label/attribution-features.test.ts).
import { finishHash, hashWord } from "../lexicon/vocab.ts";

/** Per-sentence values the features read (computed once per sentence, not per tag decision). */
export interface SentenceView {
  n: number;
  word: Int32Array;
  suffix: Int32Array;
  shape: Int32Array;
  /** 1 when a reporting-lexicon phrase covers the token. */
  report: Uint8Array;
  /** Distance bucket to the nearest reporting phrase (0 = none within 6 tokens). */
  reportNear: Uint8Array;
  quote: Uint8Array;
  pos: Uint8Array;
  /** 1 when nouns.csv lists the word as a group noun ("officials", "sources"). */
  group: Uint8Array;
  /** The word hash of the nearest reporting phrase's first word (0 = none within 6 tokens). */
  reportWord: Int32Array;
  /** The word's cue rate (cues.csv) in tenths, 0–10; 11 = not in the inventory. */
  cueRate: Uint8Array;
}

// (9, 10, 13, 19, 20, 25–30, 33 and 35 are templates that were tried and dropped — they cost time per token and
// did not raise F1 on PolNeAR train.)
export const F_BIAS = 1, F_W0 = 2, F_WM1 = 3, F_WP1 = 4, F_WM2 = 5, F_WP2 = 6, F_SUF = 7, F_SH0 = 8;
export const F_PREV = 11, F_PREV_W0 = 12, F_WM1_W0 = 14, F_W0_WP1 = 15, F_REPORT = 16, F_QUOTE = 17, F_POS = 18;
export const F_REPORT_NEAR = 21, F_PREV_REPORT = 22, F_PREV2 = 23, F_CAPS = 24, F_GROUP = 31, F_REPORT_WORD = 32;
export const F_RATE = 34, F_RATE_NEAR = 36;

/** The word hash before the first and after the last token. */
export const BOS = 0x1234567, EOS = 0x7654321;
/** The "previous tag" at the start of a sentence. */
export const START = 9;

export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Index of a previous tag in the tables: O S C T = 0–3, START = 4. */
export function prevIndex(tag: number): number {
  return tag === START ? 4 : tag;
}

const PREV_TAGS = [0, 1, 2, 3, START] as const;
/** Every value a Uint8Array field of the view can hold. */
const BYTE = 256;

/** Buckets of the small-valued templates, by value (masked), and the inner mixes of the word-pair templates (unmasked). */
export interface BucketTables {
  mask: number;
  bias: number;
  /** The word-hash templates' buckets at the sentence edges. */
  wm1Bos: number;
  wm2Bos: number;
  wp1Eos: number;
  wp2Eos: number;
  /** By shape (0–63). */
  sh0: Int32Array;
  /** By prevIndex. */
  prev: Int32Array;
  /** mix(F_PREV_W0, prev) by prevIndex (unmasked: the word is mixed in per token). */
  prevW0: Int32Array;
  report: Int32Array;
  quote: Int32Array;
  pos: Int32Array;
  reportNear: Int32Array;
  /** By prevIndex * 256 + reportNear. */
  prevReport: Int32Array;
  /** By prevIndex(prev2) * 5 + prevIndex(prev). */
  prev2: Int32Array;
  /** By the three capital bits (0–7). */
  caps: Int32Array;
  /** By group * 5 + prevIndex. */
  group: Int32Array;
  /** The report-word template when no reporting phrase is near (word 0), by reportNear. */
  reportWord0: Int32Array;
  rate: Int32Array;
  rateNear: Int32Array;
}

function byValue(n: number, f: (v: number) => number): Int32Array {
  const out = new Int32Array(n);
  for (let v = 0; v < n; v++) out[v] = f(v);
  return out;
}

function buildTables(mask: number): BucketTables {
  const prevW0 = new Int32Array(5);
  const prev = new Int32Array(5);
  const prevReport = new Int32Array(5 * BYTE);
  const prev2 = new Int32Array(25);
  const group = new Int32Array(2 * 5);
  for (let p = 0; p < 5; p++) {
    const tag = PREV_TAGS[p]!;
    prev[p] = mix(F_PREV, tag) & mask;
    prevW0[p] = mix(F_PREV_W0, tag) | 0;
    for (let r = 0; r < BYTE; r++) prevReport[p * BYTE + r] = mix(mix(F_PREV_REPORT, tag), r) & mask;
    for (let p2 = 0; p2 < 5; p2++) prev2[p2 * 5 + p] = mix(mix(F_PREV2, PREV_TAGS[p2]!), tag) & mask;
    for (let g = 0; g < 2; g++) group[g * 5 + p] = mix(mix(F_GROUP, g), tag) & mask;
  }
  return {
    mask,
    bias: mix(F_BIAS, 0) & mask,
    wm1Bos: mix(F_WM1, BOS) & mask,
    wm2Bos: mix(F_WM2, BOS) & mask,
    wp1Eos: mix(F_WP1, EOS) & mask,
    wp2Eos: mix(F_WP2, EOS) & mask,
    sh0: byValue(64, (v) => mix(F_SH0, v) & mask),
    prev,
    prevW0,
    report: byValue(BYTE, (v) => mix(F_REPORT, v) & mask),
    quote: byValue(BYTE, (v) => mix(F_QUOTE, v) & mask),
    pos: byValue(BYTE, (v) => mix(F_POS, v) & mask),
    reportNear: byValue(BYTE, (v) => mix(F_REPORT_NEAR, v) & mask),
    prevReport,
    prev2,
    caps: byValue(8, (v) => mix(F_CAPS, v) & mask),
    group,
    reportWord0: byValue(BYTE, (v) => mix(mix(F_REPORT_WORD, 0), v) & mask),
    rate: byValue(BYTE, (v) => mix(F_RATE, v) & mask),
    rateNear: byValue(2 * BYTE, (v) => mix(F_RATE_NEAR, v) & mask),
  };
}

let tables: BucketTables | null = null;

/** The bucket tables for `buckets` (a power of two), built once per bucket count. */
export function bucketTables(buckets: number): BucketTables {
  if (tables?.mask !== buckets - 1) tables = buildTables(buckets - 1);
  return tables;
}

/**
 * The decoder's tables for one weights array: each small-valued template's weight rows (4 per value: the float32
 * weights of its bucket), read by value, so that a token looks buckets up only for its word templates.
 */
export interface ScoreTables {
  buckets: BucketTables;
  weights: Float32Array;
  bias: Float32Array;
  sh0: Float32Array;
  prev: Float32Array;
  report: Float32Array;
  quote: Float32Array;
  pos: Float32Array;
  reportNear: Float32Array;
  prevReport: Float32Array;
  prev2: Float32Array;
  caps: Float32Array;
  group: Float32Array;
  reportWord0: Float32Array;
  rate: Float32Array;
  rateNear: Float32Array;
}

function rows(buckets: Int32Array, w: Float32Array): Float32Array {
  const out = new Float32Array(buckets.length * 4);
  for (let v = 0; v < buckets.length; v++) for (let t = 0; t < 4; t++) out[v * 4 + t] = w[buckets[v]! * 4 + t]!;
  return out;
}

/** By weights array. A weights array must not change once it has been decoded with (training makes a new one per epoch). */
const scoreTables = new WeakMap<Float32Array, ScoreTables>();

export function scoreTablesFor(buckets: number, weights: Float32Array): ScoreTables {
  const known = scoreTables.get(weights);
  if (known?.buckets.mask === buckets - 1) return known;
  const b = bucketTables(buckets);
  const st: ScoreTables = {
    buckets: b,
    weights,
    bias: rows(Int32Array.of(b.bias), weights),
    sh0: rows(b.sh0, weights),
    prev: rows(b.prev, weights),
    report: rows(b.report, weights),
    quote: rows(b.quote, weights),
    pos: rows(b.pos, weights),
    reportNear: rows(b.reportNear, weights),
    prevReport: rows(b.prevReport, weights),
    prev2: rows(b.prev2, weights),
    caps: rows(b.caps, weights),
    group: rows(b.group, weights),
    reportWord0: rows(b.reportWord0, weights),
    rate: rows(b.rate, weights),
    rateNear: rows(b.rateNear, weights),
  };
  scoreTables.set(weights, st);
  return st;
}

/**
 * The most cue-like word one or two tokens to either side of token i, with its side: its cue-rate value + 16 when
 * before i, + 32 when after (0: none; rate value 11 counts as none). The value the rate-near template hashes.
 */
export function nearestCueRate(rate: Uint8Array, i: number, n: number): number {
  let near = 0;
  for (let d = -2; d <= 2; d++) {
    const j = i + d;
    if (d === 0 || j < 0 || j >= n) continue;
    const x = rate[j]! === 11 ? 0 : rate[j]!;
    if (x > (near & 15)) near = x + (d < 0 ? 16 : 32);
  }
  return near;
}

/**
 * The four tag scores of token i (written into `out`), the previous tags given as prevIndex values: the weights of
 * features()'s buckets (model.ts) added in features()'s order, so that every sum is the same double.
 */
export function scoreToken(v: SentenceView, i: number, pi: number, pi2: number, st: ScoreTables, out: Float64Array): void {
  const t = st.buckets;
  const mask = t.mask;
  const w = st.weights;
  const n = v.n;
  const word = v.word;
  const w0 = word[i]!;
  const wm1 = i > 0 ? word[i - 1]! : BOS;
  const wp1 = i + 1 < n ? word[i + 1]! : EOS;
  const sh0 = v.shape[i]!;
  const rn = v.reportNear[i]!;
  const shm1 = i > 0 ? v.shape[i - 1]! : 63;
  const shp1 = i + 1 < n ? v.shape[i + 1]! : 63;
  const rw = v.reportWord[i]!;
  const rate = v.cueRate;
  const near = nearestCueRate(rate, i, n);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let r: Float32Array, k: number;
  // One line per feature, in features()'s order: r holds the weight row at offset k.
  (r = st.bias), (k = 0), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(F_W0, w0) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i > 0 ? mix(F_WM1, wm1) & mask : t.wm1Bos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i + 1 < n ? mix(F_WP1, wp1) & mask : t.wp1Eos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i > 1 ? mix(F_WM2, word[i - 2]!) & mask : t.wm2Bos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i + 2 < n ? mix(F_WP2, word[i + 2]!) & mask : t.wp2Eos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(F_SUF, v.suffix[i]!) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.sh0), (k = sh0 * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.prev), (k = pi * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(t.prevW0[pi]!, w0) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(mix(F_WM1_W0, wm1), w0) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(mix(F_W0_WP1, w0), wp1) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.report), (k = v.report[i]! * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.quote), (k = v.quote[i]! * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.pos), (k = v.pos[i]! * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.reportNear), (k = rn * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.prevReport), (k = (pi * BYTE + rn) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.prev2), (k = (pi2 * 5 + pi) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.caps), (k = ((shm1 & 1) * 4 + (sh0 & 1) * 2 + (shp1 & 1)) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.group), (k = (v.group[i]! * 5 + pi) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  if (rw === 0) (r = st.reportWord0), (k = rn * 4);
  else (r = w), (k = (mix(mix(F_REPORT_WORD, rw), rn) & mask) * 4);
  (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.rate), (k = v.cueRate[i]! * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = st.rateNear), (k = near * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/** hashWord(low.slice(-3)) without the slice. */
export function suffixHash(low: string): number {
  let h = 0;
  for (let k = low.length - 3; k < low.length; k++) h = (Math.imul(h, 31) + low.charCodeAt(k)) | 0;
  return finishHash(h);
}
