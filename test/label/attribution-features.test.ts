// The tagger's fast decoding path (src/label/attribution-features.ts) against the feature definition it must
// reproduce (features() in attribution-model.ts, which training uses), on real PolNeAR dev sentences read from
// ../shared/corpora/polnear/ (never copied into the project): the same score sums for every token and every pair of
// previous tags (with the committed weights, and with weights that differ per bucket, so that the same sums mean
// the same buckets), the same greedy tags, and a reused view equal to a fresh one.
import test from "ava";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prevIndex, scoreTablesFor, scoreToken, START } from "../../src/label/attribution-features.ts";
import { jointTablesFor, scoreTokenJoint, sumsAreExact } from "../../src/label/attribution-joint.ts";
import { BIAS_C, BIAS_S, MAX_FEATURES, NTAGS, features, loadTagger, tagSentence, viewSentence, type SentenceView, type TaggerModel } from "../../src/label/attribution-model.ts";
import { extractArticles } from "../../src/extract/index.ts";
import { loadLexicons } from "../../src/label/index.ts";
import type { Lexicons } from "../../src/label/lexicons.ts";
import { tokenizeSentence, type Tok } from "../../src/label/tokenize.ts";

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

/** Weights that differ from bucket to bucket and tag to tag (a wrong bucket changes the sum). */
function distinctWeights(buckets: number): Float32Array {
  const w = new Float32Array(buckets * NTAGS);
  for (let k = 0; k < w.length; k++) w[k] = (Math.imul(k + 1, 0x9e3779b1) >>> 16) / 256;
  return w;
}

maybe("scoreToken's and scoreTokenJoint's sums are features()'s, for every token and previous-tag pair (committed weights; per-bucket weights at 2^17 and 2^10)", async (t) => {
  const { lex, sentences } = await devSentences(12);
  const m = model();
  const feats = new Int32Array(MAX_FEATURES);
  const out = new Float64Array(NTAGS);
  const joint = new Float64Array(NTAGS);
  let tokens = 0, mismatches = 0, jointMismatches = 0, outside = 0;
  for (const [buckets, weights] of [[m.buckets, m.weights], [1 << 17, distinctWeights(1 << 17)], [1 << 10, distinctWeights(1 << 10)]] as const) {
    const st = scoreTablesFor(buckets, weights);
    const jt = jointTablesFor(st, MAX_FEATURES, [BIAS_S, BIAS_C]);
    if (!jt) return t.fail(`weights of ${buckets} buckets: sums not exact`);
    for (const toks of sentences) {
      const v = viewSentence(toks, lex, false, m.cueRate);
      for (let i = 0; i < v.n; i++) {
        tokens++;
        for (const p of TAG_VALUES)
          for (const p2 of TAG_VALUES) {
            const ref = referenceSums(v, i, p, p2, buckets, weights, feats);
            scoreToken(v, i, prevIndex(p), prevIndex(p2), st, out);
            if (ref.some((x, k) => x !== out[k])) mismatches++;
            if (!scoreTokenJoint(v, i, prevIndex(p), prevIndex(p2), jt, joint)) outside++;
            else if (ref.some((x, k) => x !== joint[k])) jointMismatches++;
          }
      }
    }
  }
  t.true(tokens > 3000, `only ${tokens} tokens read`);
  t.is(mismatches, 0);
  t.is(jointMismatches, 0);
  t.is(outside, 0); // every real token's values fall inside the joint tables
});

test("sumsAreExact: the committed weights pass; a weight far below the largest, or a bias off their grid, fails", (t) => {
  const m = loadTagger();
  if (m) t.true(sumsAreExact(m.weights, MAX_FEATURES, [BIAS_S, BIAS_C]));
  t.true(sumsAreExact(Float32Array.of(0.1, -37.6, 0), MAX_FEATURES, [8, 4]));
  t.false(sumsAreExact(Float32Array.of(1e-30, 1e10), MAX_FEATURES, [])); // 1e10 + 1e-30 rounds
  t.false(sumsAreExact(Float32Array.of(0.5, 2), MAX_FEATURES, [0.1])); // the double 0.1 is no multiple of 2^-25
  t.true(sumsAreExact(new Float32Array(4), MAX_FEATURES, [8]));
});

maybe("tagSentence's tags equal greedy decoding over features() on real sentences, some of them attributions", async (t) => {
  const { lex, sentences } = await devSentences(20);
  const m = model();
  let differ = 0, withCue = 0;
  for (const toks of sentences) {
    const fast = tagSentence(m, viewSentence(toks, lex, false, m.cueRate, true));
    const ref = referenceTags(m, viewSentence(toks, lex, false, m.cueRate));
    if (fast.some((x, k) => x !== ref[k])) differ++;
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
