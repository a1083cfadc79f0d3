// The attribution tagger's feature templates (src/label/attribution-model.ts) and the decoder's fast way to
// compute their buckets. Each feature is mix(template, value) (or mix(mix(template, a), b)) masked into the
// model's buckets; a template's number is part of the hash, so a number never changes (a retrained weights file
// relies on the same numbers, the same mix and the same masking).
//
// `features` in attribution-model.ts is the definition (training uses it). The decoder reads the same buckets
// through `fastFeatures`: a template over a small set of values (the previous tags, shape, quote, position,
// reporting-phrase distance, cue rate, …) is a table read instead of one or two mix calls, computed once per
// bucket count; only the templates over word hashes are mixed per token. Same buckets, in the same order, so the
// scores are summed in the same order and the tags are the same (test/label/attribution-features.test.ts).
import type { SentenceView } from "./attribution-model.ts";
import { finishHash, hashWord } from "./vocab.ts";

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

/** The tables for `buckets` (a power of two), built once per bucket count. */
export function bucketTables(buckets: number): BucketTables {
  if (tables?.mask !== buckets - 1) tables = buildTables(buckets - 1);
  return tables;
}

/**
 * features(v, i, prev, prev2, mask, out) of attribution-model.ts, the same buckets in the same order, with the
 * previous tags given as prevIndex values. Length returned.
 */
export function fastFeatures(v: SentenceView, i: number, pi: number, pi2: number, t: BucketTables, out: Int32Array): number {
  const mask = t.mask;
  const n = v.n;
  const word = v.word;
  const w0 = word[i]!;
  const wm1 = i > 0 ? word[i - 1]! : BOS;
  const wp1 = i + 1 < n ? word[i + 1]! : EOS;
  const sh0 = v.shape[i]!;
  const rn = v.reportNear[i]!;
  out[0] = t.bias;
  out[1] = mix(F_W0, w0) & mask;
  out[2] = i > 0 ? mix(F_WM1, wm1) & mask : t.wm1Bos;
  out[3] = i + 1 < n ? mix(F_WP1, wp1) & mask : t.wp1Eos;
  out[4] = i > 1 ? mix(F_WM2, word[i - 2]!) & mask : t.wm2Bos;
  out[5] = i + 2 < n ? mix(F_WP2, word[i + 2]!) & mask : t.wp2Eos;
  out[6] = mix(F_SUF, v.suffix[i]!) & mask;
  out[7] = t.sh0[sh0]!;
  out[8] = t.prev[pi]!;
  out[9] = mix(t.prevW0[pi]! >>> 0, w0) & mask;
  out[10] = mix(mix(F_WM1_W0, wm1), w0) & mask;
  out[11] = mix(mix(F_W0_WP1, w0), wp1) & mask;
  out[12] = t.report[v.report[i]!]!;
  out[13] = t.quote[v.quote[i]!]!;
  out[14] = t.pos[v.pos[i]!]!;
  out[15] = t.reportNear[rn]!;
  out[16] = t.prevReport[pi * BYTE + rn]!;
  out[17] = t.prev2[pi2 * 5 + pi]!;
  const shm1 = i > 0 ? v.shape[i - 1]! : 63;
  const shp1 = i + 1 < n ? v.shape[i + 1]! : 63;
  out[18] = t.caps[(shm1 & 1) * 4 + (sh0 & 1) * 2 + (shp1 & 1)]!;
  out[19] = t.group[v.group[i]! * 5 + pi]!;
  const rw = v.reportWord[i]!;
  out[20] = rw === 0 ? t.reportWord0[rn]! : mix(mix(F_REPORT_WORD, rw), rn) & mask;
  out[21] = t.rate[v.cueRate[i]!]!;
  // The most cue-like word one or two tokens to either side, with its side (as in features).
  const rate = v.cueRate;
  let near = 0;
  for (let d = -2; d <= 2; d++) {
    const j = i + d;
    if (d === 0 || j < 0 || j >= n) continue;
    const r = rate[j]! === 11 ? 0 : rate[j]!;
    if (r > (near & 15)) near = r + (d < 0 ? 16 : 32);
  }
  out[22] = t.rateNear[near]!;
  return 23;
}

/** hashWord(low.slice(-3)) without the slice. */
export function suffixHash(low: string): number {
  let h = 0;
  for (let k = low.length - 3; k < low.length; k++) h = (Math.imul(h, 31) + low.charCodeAt(k)) | 0;
  return finishHash(h);
}
