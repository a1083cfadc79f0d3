// The tagger's integer scorer, for weights read from a model file (integers divided by `scale`, stored as float32).
// It decides every tag as the float scorer (scoreToken, features.ts) does, with a quarter of the memory
// and fewer additions:
//  - Each bucket's four integers are packed into one Int32 (one byte each; a bucket with a weight beyond ±127 is
//    marked and read from a full table), so the weights take 512 KB instead of 2 MB and stay in cache.
//  - Integer sums are exact in any order, so the 14 small-valued templates are added up ahead of time per
//    combination of their values, in five joint tables (previous tags with reporting distance and group noun,
//    with or without the report-word template; shape with capitals; reporting, quote and position; cue rate with
//    the nearest cue rate): a token reads 4 rows for them instead of 14.
//  - The decoder adds each sentence's static part first (staticScores: every template but the previous-tag ones,
//    for all tokens, so their cache misses overlap), then per token the previous-tag part (dynScores); intScores
//    is both for one token (the tests check it against features()'s buckets).
//  - Same decisions: a float score is the integer score / scale plus the float32 rounding of its weights, at most
//    MAX_FEATURES × max|w| × 2^-24 (and the double additions' ~2^-50 of that); integersTablesFor requires that to stay
//    under 1 / (2 scale), so two integer scores that differ (by at least 1, i.e. 1/scale once divided) order their
//    float scores the same way. Equal integer scores (a tie) are decided by the float scorer itself.
import type { SentenceView } from "./features.ts";
import { BOS, EOS, F_REPORT_WORD, F_SUF, F_W0, F_W0_WP1, F_WM1, F_WM1_W0, F_WM2, F_WP1, F_WP2, mix, nearestCueRate, type ScoreTables } from "./features.ts";

/** Value ranges of the joint tables' indices (a sentence with a value outside them is scored by scoreToken). */
const RN = 32, SHAPES = 64, POS = 8, RATES = 16, NEAR = 64;
/** Lane 0 of a packed bucket whose weights do not all fit a byte. */
const WIDE = 0x80;

export interface IntTables {
  st: ScoreTables;
  scale: number;
  /** The decoding biases × scale. */
  biasS: number;
  biasC: number;
  /** Per bucket, its four weights × scale, one byte each (tag t in bits 8t–8t+7), or WIDE in lane 0. */
  packed: Int32Array;
  /** Per bucket, its four weights × scale. */
  wide: Int32Array;
  /** bias + prev + prevReport + prev2 + group + reportNear, by ((pi2 * 5 + pi) * 2 + group) * RN + reportNear; 4 per row. */
  dyn: Int32Array;
  /** dyn + the report-word template with no reporting phrase near. */
  dyn0: Int32Array;
  /** shape + capitals, by shape * 8 + caps. */
  shape: Int32Array;
  /** report + quote + position, by (report * 4 + quote) * POS + pos. */
  place: Int32Array;
  /** rate + nearest rate, by rate * NEAR + near. */
  rate: Int32Array;
}

/** out[row] = the sum over parts of the weights of bucket part.buckets[part.at(row)]. */
function joint(wide: Int32Array, rows: number, parts: readonly { buckets: Int32Array; at: (row: number) => number }[]): Int32Array {
  const out = new Int32Array(rows * 4);
  for (let r = 0; r < rows; r++)
    for (const p of parts) {
      const b = p.buckets[p.at(r)]! * 4;
      for (let t = 0; t < 4; t++) out[r * 4 + t]! += wide[b + t]!;
    }
  return out;
}

const byWeights = new WeakMap<Float32Array, { st: ScoreTables; scale: number | undefined; biasS: number; biasC: number; it: IntTables | null }>();

/**
 * The integer tables of `st`'s weights, or null when they are not integers / scale (a model being trained), a
 * bias × scale is not an integer, or the rounding bound of the file header does not hold.
 */
export function intTablesFor(st: ScoreTables, scale: number | undefined, biasS: number, biasC: number, terms: number): IntTables | null {
  const known = byWeights.get(st.weights);
  if (known?.st === st && known.scale === scale && known.biasS === biasS && known.biasC === biasC) return known.it;
  const it = scale === undefined ? null : build(st, scale, biasS, biasC, terms);
  byWeights.set(st.weights, { st, scale, biasS, biasC, it });
  return it;
}

function build(st: ScoreTables, scale: number, biasS: number, biasC: number, terms: number): IntTables | null {
  const w = st.weights;
  const nb = w.length / 4;
  const wide = new Int32Array(w.length);
  const packed = new Int32Array(nb);
  let max = 0;
  for (let k = 0; k < w.length; k++) {
    const q = Math.round(w[k]! * scale);
    if (Math.fround(q / scale) !== w[k] || Math.abs(q) > 1 << 20) return null;
    wide[k] = q;
    max = Math.max(max, Math.abs(w[k]!));
  }
  const bS = biasS * scale, bC = biasC * scale;
  if (!Number.isInteger(bS) || !Number.isInteger(bC)) return null;
  if (terms * max * (2 ** -24 + 2 ** -50) + (Math.abs(biasS) + Math.abs(biasC)) * 2 ** -52 >= 1 / (2 * scale)) return null;
  for (let b = 0; b < nb; b++) {
    const q0 = wide[b * 4]!, q1 = wide[b * 4 + 1]!, q2 = wide[b * 4 + 2]!, q3 = wide[b * 4 + 3]!;
    const fits = Math.max(Math.abs(q0), Math.abs(q1), Math.abs(q2), Math.abs(q3)) <= 127;
    packed[b] = fits ? (q0 & 255) | ((q1 & 255) << 8) | ((q2 & 255) << 16) | (q3 << 24) : WIDE;
  }
  const t = st.buckets;
  const dynParts = [
    { buckets: Int32Array.of(t.bias), at: () => 0 },
    { buckets: t.prev, at: (r: number) => Math.floor(r / (2 * RN)) % 5 },
    { buckets: t.prevReport, at: (r: number) => (Math.floor(r / (2 * RN)) % 5) * 256 + (r % RN) },
    { buckets: t.prev2, at: (r: number) => Math.floor(r / (2 * RN)) },
    { buckets: t.group, at: (r: number) => (Math.floor(r / RN) % 2) * 5 + (Math.floor(r / (2 * RN)) % 5) },
    { buckets: t.reportNear, at: (r: number) => r % RN },
  ];
  const rows = 25 * 2 * RN;
  return {
    st,
    scale,
    biasS: bS,
    biasC: bC,
    packed,
    wide,
    dyn: joint(wide, rows, dynParts),
    dyn0: joint(wide, rows, [...dynParts, { buckets: t.reportWord0, at: (r) => r % RN }]),
    shape: joint(wide, SHAPES * 8, [{ buckets: t.sh0, at: (r) => r >> 3 }, { buckets: t.caps, at: (r) => r & 7 }]),
    place: joint(wide, 2 * 4 * POS, [{ buckets: t.report, at: (r) => r >> 5 }, { buckets: t.quote, at: (r) => (r >> 3) & 3 }, { buckets: t.pos, at: (r) => r & 7 }]),
    rate: joint(wide, RATES * NEAR, [{ buckets: t.rate, at: (r) => r >> 6 }, { buckets: t.rateNear, at: (r) => r & 63 }]),
  };
}

/** Whether every token of `v` has its values inside the joint tables' ranges (else the sentence takes scoreToken). */
export function fitsTables(v: SentenceView): boolean {
  for (let i = 0; i < v.n; i++)
    if (v.reportNear[i]! >= RN || v.shape[i]! >= SHAPES || v.report[i]! > 1 || v.quote[i]! > 3 || v.pos[i]! >= POS || v.group[i]! > 1 || v.cueRate[i]! >= RATES) return false;
  return true;
}

const wordBuckets = new Int32Array(10);

/** Scratch of intScores: one token's static scores at its own offset (dynScores reads token i at i × 4). */
let oneToken = new Int32Array(256 * 4);

/**
 * The integer scores of token i × scale, biases included (into `out`), the previous tags given as prevIndex
 * values: staticScores + dynScores for one token. The sentence must pass fitsTables.
 */
export function intScores(v: SentenceView, i: number, pi: number, pi2: number, it: IntTables, out: Int32Array): void {
  if (oneToken.length < (i + 1) * 4) oneToken = new Int32Array((i + 1) * 8);
  staticAt(v, i, it, oneToken, i * 4);
  dynScores(v, i, pi, pi2, it, oneToken, out);
}

/** Per token, its static scores (4 ints): staticScores' scratch, grown for a longer sentence. */
let statics = new Int32Array(256 * 4);

/**
 * The part of every token's integer scores that does not depend on the previous tags (all templates but the
 * previous-tag ones and prev + word), for the whole sentence first: its weight reads are independent of each other,
 * so the processor overlaps their cache misses instead of waiting on each token's in turn. intScores = the static
 * scores + dynScores' part. The sentence must pass fitsTables. The array returned is reused by the next call.
 */
export function staticScores(v: SentenceView, it: IntTables): Int32Array {
  const n = v.n;
  if (statics.length < n * 4) statics = new Int32Array(n * 8);
  for (let i = 0; i < n; i++) staticAt(v, i, it, statics, i * 4);
  return statics;
}

/** Token i's static scores (every template but the previous-tag ones and prev + word) into out[o .. o + 3]. */
function staticAt(v: SentenceView, i: number, it: IntTables, out: Int32Array, o: number): void {
  const n = v.n;
  const t = it.st.buckets;
  const mask = t.mask;
  const word = v.word, shape = v.shape, rate = v.cueRate;
  const packed = it.packed, wide = it.wide;
  const w0 = word[i]!;
  const wm1 = i > 0 ? word[i - 1]! : BOS;
  const wp1 = i + 1 < n ? word[i + 1]! : EOS;
  const sh0 = shape[i]!;
  const shm1 = i > 0 ? shape[i - 1]! : 63;
  const shp1 = i + 1 < n ? shape[i + 1]! : 63;
  const rn = v.reportNear[i]!;
  const rw = v.reportWord[i]!;
  const near = nearestCueRate(rate, i, n);
  const sk = (sh0 * 8 + (shm1 & 1) * 4 + (sh0 & 1) * 2 + (shp1 & 1)) * 4;
  const pk = ((v.report[i]! * 4 + v.quote[i]!) * POS + v.pos[i]!) * 4;
  const rk = (rate[i]! * NEAR + near) * 4;
  let s0 = it.shape[sk]! + it.place[pk]! + it.rate[rk]!;
  let s1 = it.shape[sk + 1]! + it.place[pk + 1]! + it.rate[rk + 1]! + it.biasS;
  let s2 = it.shape[sk + 2]! + it.place[pk + 2]! + it.rate[rk + 2]! + it.biasC;
  let s3 = it.shape[sk + 3]! + it.place[pk + 3]! + it.rate[rk + 3]!;
  const wb = wordBuckets;
  wb[0] = mix(F_W0, w0) & mask;
  wb[1] = i > 0 ? mix(F_WM1, wm1) & mask : t.wm1Bos;
  wb[2] = i + 1 < n ? mix(F_WP1, wp1) & mask : t.wp1Eos;
  wb[3] = i > 1 ? mix(F_WM2, word[i - 2]!) & mask : t.wm2Bos;
  wb[4] = i + 2 < n ? mix(F_WP2, word[i + 2]!) & mask : t.wp2Eos;
  wb[5] = mix(F_SUF, v.suffix[i]!) & mask;
  wb[6] = mix(mix(F_WM1_W0, wm1), w0) & mask;
  wb[7] = mix(mix(F_W0_WP1, w0), wp1) & mask;
  let nw = 8;
  if (rw !== 0) wb[nw++] = mix(mix(F_REPORT_WORD, rw), rn) & mask;
  for (let f = 0; f < nw; f++) {
    const b = wb[f]!;
    const x = packed[b]!;
    if ((x & 255) === WIDE) (s0 += wide[b * 4]!), (s1 += wide[b * 4 + 1]!), (s2 += wide[b * 4 + 2]!), (s3 += wide[b * 4 + 3]!);
    else (s0 += (x << 24) >> 24), (s1 += (x << 16) >> 24), (s2 += (x << 8) >> 24), (s3 += x >> 24);
  }
  (out[o] = s0), (out[o + 1] = s1), (out[o + 2] = s2), (out[o + 3] = s3);
}

/** Token i's integer scores (into `out`) from its static scores (staticScores) and the previous tags (prevIndex values). */
export function dynScores(v: SentenceView, i: number, pi: number, pi2: number, it: IntTables, stat: Int32Array, out: Int32Array): void {
  const rn = v.reportNear[i]!;
  const d = (((pi2 * 5 + pi) * 2 + v.group[i]!) * RN + rn) * 4;
  const dyn = v.reportWord[i]! === 0 ? it.dyn0 : it.dyn;
  const b = mix(it.st.buckets.prevW0[pi]!, v.word[i]!) & it.st.buckets.mask;
  const x = it.packed[b]!;
  let s0 = stat[i * 4]! + dyn[d]!, s1 = stat[i * 4 + 1]! + dyn[d + 1]!, s2 = stat[i * 4 + 2]! + dyn[d + 2]!, s3 = stat[i * 4 + 3]! + dyn[d + 3]!;
  if ((x & 255) === WIDE) {
    const wide = it.wide;
    (s0 += wide[b * 4]!), (s1 += wide[b * 4 + 1]!), (s2 += wide[b * 4 + 2]!), (s3 += wide[b * 4 + 3]!);
  } else (s0 += (x << 24) >> 24), (s1 += (x << 16) >> 24), (s2 += (x << 8) >> 24), (s3 += x >> 24);
  (out[0] = s0), (out[1] = s1), (out[2] = s2), (out[3] = s3);
}

/** The tag with the highest of the four scores, or -1 when two tags share it. */
export function uniqueBest(s: Int32Array): number {
  const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
  let best = 0;
  let top = s0;
  if (s1 > top) (best = 1), (top = s1);
  if (s2 > top) (best = 2), (top = s2);
  if (s3 > top) (best = 3), (top = s3);
  return (s0 === top ? 1 : 0) + (s1 === top ? 1 : 0) + (s2 === top ? 1 : 0) + (s3 === top ? 1 : 0) > 1 ? -1 : best;
}
