// The tagger's scorer for weights whose sums are exact (src/label/attribution-features.ts has the general one).
// When every weight is a multiple of one power of two u and no sum of MAX_FEATURES weights (plus the decoding
// biases) reaches 2^53 u, a double holds every partial sum exactly, so the order of the additions cannot change
// a score. The small-valued templates can then be added up ahead of time, per combination of their values, in
// four joint tables — previous tags with the reporting-phrase distance and group noun; shape with capitals;
// reporting, quote and position; cue rate with the nearest cue rate — and a token reads 4 rows for them instead
// of 14. Its scores are the same doubles as features()'s in features()'s order (the committed weights, integers
// divided by 10 in float32, are multiples of 2^-28 below 2^6). Weights that fail the test use scoreToken.
import type { SentenceView } from "./attribution-model.ts";
import { BOS, EOS, F_REPORT_WORD, F_SUF, F_W0, F_W0_WP1, F_WM1, F_WM1_W0, F_WM2, F_WP1, F_WP2, mix, type ScoreTables } from "./attribution-features.ts";

/**
 * Whether every sum of at most `terms` of the weights `w`, plus the numbers `extra`, is exact in a double.
 * u is a power of two no larger than the spacing of float32 numbers at the smallest non-zero |weight|, so every
 * weight is a multiple of u; the extras must be too.
 */
export function sumsAreExact(w: Float32Array, terms: number, extra: readonly number[]): boolean {
  let min = Infinity, max = 0;
  for (let k = 0; k < w.length; k++) {
    const x = Math.abs(w[k]!);
    if (x === 0) continue;
    if (!Number.isFinite(x)) return false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max === 0) return true;
  // floor(log2) may come out one too high next to a power of two: one more bit of margin covers it.
  const u = 2 ** (Math.floor(Math.log2(min)) - 24);
  let bound = max * terms;
  for (const e of extra) {
    if (!Number.isInteger(e / u)) return false;
    bound += Math.abs(e);
  }
  return bound / u < 2 ** 53;
}

/** Value ranges of the joint tables' indices (a token outside them is scored by scoreToken). */
const RN = 32, SHAPES = 64, POS = 8, RATES = 16, NEAR = 64;

export interface JointTables {
  st: ScoreTables;
  /** bias + prev + prevReport + prev2 + group + reportNear, by ((pi2 * 5 + pi) * 2 + group) * RN + reportNear; 4 per row. */
  dyn: Float64Array;
  /** dyn + the report-word template with no reporting phrase near. */
  dyn0: Float64Array;
  /** shape + capitals, by shape * 8 + caps. */
  shape: Float64Array;
  /** report + quote + position, by (report * 4 + quote) * POS + pos. */
  place: Float64Array;
  /** rate + nearest rate, by rate * NEAR + near. */
  rate: Float64Array;
}

/** out[row] = the sum over parts of part.table's row part.at(row). */
function joint(rows: number, parts: readonly { table: Float32Array; at: (row: number) => number }[]): Float64Array {
  const out = new Float64Array(rows * 4);
  for (let r = 0; r < rows; r++)
    for (const p of parts) {
      const k = p.at(r) * 4;
      for (let t = 0; t < 4; t++) out[r * 4 + t]! += p.table[k + t]!;
    }
  return out;
}

const tablesByWeights = new WeakMap<Float32Array, JointTables | null>();

/** The joint tables of `st`'s weights, or null when their sums are not exact (see the file header). */
export function jointTablesFor(st: ScoreTables, terms: number, extra: readonly number[]): JointTables | null {
  const known = tablesByWeights.get(st.weights);
  if (known !== undefined && (known === null || known.st === st)) return known;
  let jt: JointTables | null = null;
  if (sumsAreExact(st.weights, terms, extra)) {
    const dynParts = [
      { table: st.bias, at: () => 0 },
      { table: st.prev, at: (r: number) => Math.floor(r / (2 * RN)) % 5 },
      { table: st.prevReport, at: (r: number) => (Math.floor(r / (2 * RN)) % 5) * 256 + (r % RN) },
      { table: st.prev2, at: (r: number) => Math.floor(r / (2 * RN)) },
      { table: st.group, at: (r: number) => (Math.floor(r / RN) % 2) * 5 + (Math.floor(r / (2 * RN)) % 5) },
      { table: st.reportNear, at: (r: number) => r % RN },
    ];
    const rows = 25 * 2 * RN;
    jt = {
      st,
      dyn: joint(rows, dynParts),
      dyn0: joint(rows, [...dynParts, { table: st.reportWord0, at: (r) => r % RN }]),
      shape: joint(SHAPES * 8, [{ table: st.sh0, at: (r) => r >> 3 }, { table: st.caps, at: (r) => r & 7 }]),
      place: joint(2 * 4 * POS, [{ table: st.report, at: (r) => r >> 5 }, { table: st.quote, at: (r) => (r >> 3) & 3 }, { table: st.pos, at: (r) => r & 7 }]),
      rate: joint(RATES * NEAR, [{ table: st.rate, at: (r) => r >> 6 }, { table: st.rateNear, at: (r) => r & 63 }]),
    };
  }
  tablesByWeights.set(st.weights, jt);
  return jt;
}

/**
 * scoreToken's four sums (into `out`) from the joint tables; false (nothing written) when a value of the token
 * falls outside the tables' ranges. Exact sums: the additions' order does not matter.
 */
export function scoreTokenJoint(v: SentenceView, i: number, pi: number, pi2: number, jt: JointTables, out: Float64Array): boolean {
  const n = v.n;
  const rn = v.reportNear[i]!;
  const sh0 = v.shape[i]!;
  const report = v.report[i]!, quote = v.quote[i]!, pos = v.pos[i]!, group = v.group[i]!;
  const rate = v.cueRate;
  let near = 0;
  for (let d = -2; d <= 2; d++) {
    const j = i + d;
    if (d === 0 || j < 0 || j >= n) continue;
    const x = rate[j]! === 11 ? 0 : rate[j]!;
    if (x > (near & 15)) near = x + (d < 0 ? 16 : 32);
  }
  if (rn >= RN || sh0 >= SHAPES || report > 1 || quote > 3 || pos >= POS || group > 1 || rate[i]! >= RATES || near >= NEAR) return false;
  const st = jt.st;
  const t = st.buckets;
  const mask = t.mask;
  const w = st.weights;
  const word = v.word;
  const w0 = word[i]!;
  const wm1 = i > 0 ? word[i - 1]! : BOS;
  const wp1 = i + 1 < n ? word[i + 1]! : EOS;
  const shm1 = i > 0 ? v.shape[i - 1]! : 63;
  const shp1 = i + 1 < n ? v.shape[i + 1]! : 63;
  const rw = v.reportWord[i]!;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let r: Float64Array | Float32Array, k: number;
  // One line per row: r holds it at offset k.
  if (rw === 0) (r = jt.dyn0), (k = (((pi2 * 5 + pi) * 2 + group) * RN + rn) * 4);
  else (r = jt.dyn), (k = (((pi2 * 5 + pi) * 2 + group) * RN + rn) * 4);
  (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = jt.shape), (k = (sh0 * 8 + (shm1 & 1) * 4 + (sh0 & 1) * 2 + (shp1 & 1)) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = jt.place), (k = ((report * 4 + quote) * POS + pos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = jt.rate), (k = (rate[i]! * NEAR + near) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(F_W0, w0) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i > 0 ? mix(F_WM1, wm1) & mask : t.wm1Bos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i + 1 < n ? mix(F_WP1, wp1) & mask : t.wp1Eos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i > 1 ? mix(F_WM2, word[i - 2]!) & mask : t.wm2Bos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (i + 2 < n ? mix(F_WP2, word[i + 2]!) & mask : t.wp2Eos) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(F_SUF, v.suffix[i]!) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(t.prevW0[pi]!, w0) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(mix(F_WM1_W0, wm1), w0) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  (r = w), (k = (mix(mix(F_W0_WP1, w0), wp1) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  if (rw !== 0) (r = w), (k = (mix(mix(F_REPORT_WORD, rw), rn) & mask) * 4), (s0 += r[k]!), (s1 += r[k + 1]!), (s2 += r[k + 2]!), (s3 += r[k + 3]!);
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  return true;
}
