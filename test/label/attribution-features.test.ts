// The tagger's fast decoding (src/label/attribution-features.ts, attribution-joint.ts) against the feature
// definition it must reproduce (features() in attribution-model.ts, which training uses), on real PolNeAR dev
// sentences read from ../shared/corpora/polnear/ (never copied into the project): for every token and every pair
// of previous tags, the float scorer's sums are features()'s and the integer scorer's are their integers with the
// same decision (with the committed weights, and with weights that differ per bucket, so that the same sums mean
// the same buckets); the same greedy tags; and a reused view equal to a fresh one.
import test from "ava";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prevIndex, scoreTablesFor, scoreToken, START } from "../../src/label/tagger/features.ts";
import { dynScores, fitsTables, intScores, intTablesFor, staticScores } from "../../src/label/tagger/joint.ts";
import { BIAS_C, BIAS_S, MAX_FEATURES, NTAGS, features, loadTagger, tagSentence, viewSentence, type SentenceView, type TaggerModel } from "../../src/label/tagger/model.ts";
import { extractArticles } from "../../src/extract/index.ts";
import { loadLexicons } from "../../src/label/index.ts";
import type { Lexicons } from "../../src/label/lexicon/lexicons.ts";
import { tokenizeSentence, type Tok } from "../../src/label/tokens/tokenize.ts";

const TEXT = "../shared/corpora/polnear/dev/text";
const maybe = existsSync(TEXT) ? test : test.skip;
const TAG_VALUES = [0, 1, 2, 3, START];

/** The sentences of the first `n` dev articles (sorted by name), tokenized as the labeller does. */
async function devSentences(n: number): Promise<{ lex: Lexicons; sentences: Tok[][] }> {
  const lex = await loadLexicons(); // before tokenizing: tokens carry the lexicons' word ids
  const sentences: Tok[][] = [];
  for (const name of readdirSync(TEXT).filter((f) => f.endsWith(".txt")).sort().slice(0, n)) {
    const path = join(TEXT, name);
    for (const art of extractArticles({ path: name, text: readFileSync(path, "utf8"), kind: "txt", location: path }).articles)
      for (const s of art.sentences) sentences.push(tokenizeSentence(s.text, false).toks);
  }
  return { lex, sentences };
}

function model(): TaggerModel {
  const m = loadTagger();
  if (!m) throw new Error("data/models/attribution-tagger.json is missing");
  return m;
}

/** Greedy decoding over features() — tagSentence as it was written before the fast path. */
function referenceTags(m: TaggerModel, v: SentenceView): Uint8Array {
  const feats = new Int32Array(MAX_FEATURES);
  const tags = new Uint8Array(v.n);
  let prev = START, prev2 = START;
  for (let i = 0; i < v.n; i++) {
    const s = referenceSums(v, i, prev, prev2, m.buckets, m.weights, feats);
    s[1]! += BIAS_S;
    s[2]! += BIAS_C;
    let best = 0;
    for (let t = 1; t < NTAGS; t++) if (s[t]! > s[best]!) best = t;
    tags[i] = best;
    prev2 = prev;
    prev = best;
  }
  return tags;
}

/** Sums of the weights of features()'s buckets, added in features()'s order (what tagSentence did). */
function referenceSums(v: SentenceView, i: number, prev: number, prev2: number, buckets: number, weights: Float32Array, feats: Int32Array): number[] {
  const nf = features(v, i, prev, prev2, buckets - 1, feats);
  const s = [0, 0, 0, 0];
  for (let f = 0; f < nf; f++) for (let t = 0; t < NTAGS; t++) s[t]! += weights[feats[f]! * NTAGS + t]!;
  return s;
}

/**
 * A model whose weights differ from bucket to bucket and tag to tag (a wrong bucket changes a sum): integers in
 * [-300, 300] / 10 as a model file gives them, so that some buckets do not fit a byte.
 */
function distinctModel(buckets: number): TaggerModel {
  const w = new Float32Array(buckets * NTAGS);
  for (let k = 0; k < w.length; k++) w[k] = ((Math.imul(k + 1, 0x9e3779b1) >>> 0) % 601 - 300) / 10;
  return { buckets, weights: w, scale: 10 };
}

/** The float argmax of features()'s sums plus the decoding biases (ties to the first tag), or -1 on an exact tie. */
function floatDecision(s: number[]): number {
  const b = [s[0]!, s[1]! + BIAS_S, s[2]! + BIAS_C, s[3]!];
  const top = Math.max(...b);
  return b.filter((x) => x === top).length > 1 ? -1 : b.indexOf(top);
}

maybe("scoreToken's sums are features()'s, and the integer scores (intScores, and staticScores + dynScores) are their integers and decide the same tag, for every token and previous-tag pair (committed weights; per-bucket weights at 2^17 and 2^10)", async (t) => {
  const { lex, sentences } = await devSentences(12);
  const m = model();
  const feats = new Int32Array(MAX_FEATURES);
  const out = new Float64Array(NTAGS);
  const ints = new Int32Array(NTAGS);
  const split = new Int32Array(NTAGS);
  let splitMismatches = 0;
  let tokens = 0, mismatches = 0, intMismatches = 0, decisions = 0, outside = 0, wideRead = 0;
  for (const mm of [m, distinctModel(1 << 17), distinctModel(1 << 10)]) {
    const st = scoreTablesFor(mm.buckets, mm.weights);
    const it = intTablesFor(st, mm.scale, BIAS_S, BIAS_C, MAX_FEATURES);
    if (!it) return t.fail(`the model of ${mm.buckets} buckets has no integer tables`);
    for (const toks of sentences) {
      const v = viewSentence(toks, lex, false, m.cueRate);
      if (!fitsTables(v)) outside++;
      const stat = staticScores(v, it);
      for (let i = 0; i < v.n; i++) {
        tokens++;
        for (const p of TAG_VALUES)
          for (const p2 of TAG_VALUES) {
            const ref = referenceSums(v, i, p, p2, mm.buckets, mm.weights, feats);
            scoreToken(v, i, prevIndex(p), prevIndex(p2), st, out);
            if (ref.some((x, k) => x !== out[k])) mismatches++;
            intScores(v, i, prevIndex(p), prevIndex(p2), it, ints);
            // The integers: features()'s buckets' weights × scale, summed, plus the biases × scale.
            const nf = features(v, i, p, p2, mm.buckets - 1, feats);
            const want = [0, 0, 0, 0];
            for (let f = 0; f < nf; f++) for (let k = 0; k < NTAGS; k++) want[k]! += Math.round(mm.weights[feats[f]! * NTAGS + k]! * 10);
            for (let f = 0; f < nf; f++) if (it.packed[feats[f]!] === 0x80) wideRead++;
            (want[1]! += BIAS_S * 10), (want[2]! += BIAS_C * 10);
            if (want.some((x, k) => x !== ints[k])) intMismatches++;
            // The two-pass form the decoder uses: static scores for the sentence, then the previous-tag part.
            dynScores(v, i, prevIndex(p), prevIndex(p2), it, stat, split);
            if (split.some((x, k) => x !== ints[k])) splitMismatches++;
            const top = Math.max(...ints);
            const unique = [...ints].filter((x) => x === top).length === 1;
            if (unique && [...ints].indexOf(top) !== floatDecision(ref)) decisions++;
          }
      }
    }
  }
  t.true(tokens > 3000, `only ${tokens} tokens read`);
  t.true(wideRead > 0, "no bucket beyond a byte was read"); // the distinct models have them
  t.is(mismatches, 0);
  t.is(intMismatches, 0);
  t.is(splitMismatches, 0);
  t.is(decisions, 0);
  t.is(outside, 0); // every real sentence's values fall inside the joint tables
});

test("intTablesFor: none without a scale, for weights that are not integers / scale, or for a bias off the integers", (t) => {
  const m = distinctModel(1 << 10);
  const st = scoreTablesFor(m.buckets, m.weights);
  t.truthy(intTablesFor(st, 10, BIAS_S, BIAS_C, MAX_FEATURES));
  t.is(intTablesFor(st, undefined, BIAS_S, BIAS_C, MAX_FEATURES), null); // a model being trained
  t.is(intTablesFor(st, 10, 8.05, BIAS_C, MAX_FEATURES), null);
  const off = new Float32Array(m.weights);
  off[5] = 0.123; // not a tenth
  t.is(intTablesFor(scoreTablesFor(m.buckets, off), 10, BIAS_S, BIAS_C, MAX_FEATURES), null);
  const big = new Float32Array(m.weights.length).fill(0);
  big[0] = 40000; // the float32 rounding of 24 such weights can exceed half a tenth
  t.is(intTablesFor(scoreTablesFor(m.buckets, big), 10, BIAS_S, BIAS_C, MAX_FEATURES), null);
});

maybe("tagSentence's tags (integer and float scorers) equal greedy decoding over features() on real sentences, some of them attributions", async (t) => {
  const { lex, sentences } = await devSentences(20);
  const m = model();
  let differ = 0, withCue = 0;
  for (const toks of sentences) {
    const fast = tagSentence(m, viewSentence(toks, lex, false, m.cueRate, true));
    const floats = tagSentence({ buckets: m.buckets, weights: m.weights }, viewSentence(toks, lex, false, m.cueRate, true)); // no scale: the float scorer
    const ref = referenceTags(m, viewSentence(toks, lex, false, m.cueRate));
    if (fast.some((x, k) => x !== ref[k]) || floats.some((x, k) => x !== ref[k])) differ++;
    if (fast.includes(2)) withCue++;
  }
  t.true(withCue > 20, `only ${withCue} sentences with a cue tag`); // the comparison covers the tags that matter
  t.is(differ, 0);
});

maybe("a reused view (the labeller's) holds the same values as a fresh one, sentence after sentence", async (t) => {
  const { lex, sentences } = await devSentences(8);
  const rates = model().cueRate;
  const fields = ["word", "suffix", "shape", "report", "reportNear", "quote", "pos", "group", "reportWord", "cueRate"] as const;
  let differ = 0, reporting = 0;
  // Longest sentences first, so a shorter one reuses buffers with a longer one's values left beyond its end.
  for (const toks of [...sentences].sort((a, b) => b.length - a.length)) {
    const reused = viewSentence(toks, lex, false, rates, true);
    const fresh = viewSentence(toks, lex, false, rates);
    if (fresh.report.includes(1)) reporting++;
    for (const f of fields) if (reused[f].subarray(0, reused.n).some((x, k) => x !== fresh[f][k])) differ++;
  }
  t.true(reporting > 20, `only ${reporting} sentences with a reporting phrase`);
  t.is(differ, 0);
});
