// The tagger's decoding (src/label/tagger/features.ts scoreToken) against the feature definition it must
// reproduce (features() in tagger/model.ts, which training uses), on real PolNeAR dev sentences read from
// ../shared/corpora/polnear/ (never copied into the project): for every token and every pair of previous tags,
// the scorer's sums are features()'s (with the committed weights, and with weights that differ per bucket, so
// that the same sums mean the same buckets); the same greedy tags; and a reused view equal to a fresh one.
import test from "ava";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prevIndex, scoreTablesFor, scoreToken, START } from "../../src/label/tagger/features.ts";
import { BIAS_C, BIAS_S, MAX_FEATURES, NTAGS, features, loadTagger, tagSentence, viewSentence, type SentenceView, type TaggerModel } from "../../src/label/tagger/model.ts";
import { newTaggerMemo } from "../../src/label/tagger/word-memo.ts";
import { extractArticles } from "../../src/extract/index.ts";
import { loadLexicons } from "../../src/label/index.ts";
import type { Lexicons } from "../../src/label/lexicon/lexicons.ts";
import { tokenizeSentence, type Tok } from "../../src/label/tokens/tokenize.ts";

const TEXT = "../shared/corpora/polnear/dev/text";
const maybe = existsSync(TEXT) ? test : test.skip;
const TAG_VALUES = [0, 1, 2, 3, START];

/** The sentences of the first `n` dev articles (sorted by name), tokenized as the labeller does. */
async function devSentences(n: number): Promise<{ lex: Lexicons; sentences: Tok[][] }> {
  const lex = await loadLexicons(); // tokens carry the word ids of its vocabulary
  const sentences: Tok[][] = [];
  for (const name of readdirSync(TEXT).filter((f) => f.endsWith(".txt")).sort().slice(0, n)) {
    const path = join(TEXT, name);
    for (const art of extractArticles({ path: name, text: readFileSync(path, "utf8"), kind: "txt", location: path }).articles)
      for (const s of art.sentences) sentences.push(tokenizeSentence(s.text, lex.vocab, false).toks);
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

maybe("scoreToken's sums are features()'s for every token and previous-tag pair (committed weights; per-bucket weights at 2^17 and 2^10)", async (t) => {
  const { lex, sentences } = await devSentences(12);
  const m = model();
  const feats = new Int32Array(MAX_FEATURES);
  const out = new Float64Array(NTAGS);
  let tokens = 0, mismatches = 0;
  for (const mm of [m, distinctModel(1 << 17), distinctModel(1 << 10)]) {
    const st = scoreTablesFor(mm.buckets, mm.weights);
    for (const toks of sentences) {
      const v = viewSentence(toks, lex, false, m.cueRate);
      for (let i = 0; i < v.n; i++) {
        tokens++;
        for (const p of TAG_VALUES)
          for (const p2 of TAG_VALUES) {
            const ref = referenceSums(v, i, p, p2, mm.buckets, mm.weights, feats);
            scoreToken(v, i, prevIndex(p), prevIndex(p2), st, out);
            if (ref.some((x, k) => x !== out[k])) mismatches++;
          }
      }
    }
  }
  t.true(tokens > 3000, `only ${tokens} tokens read`);
  t.is(mismatches, 0);
});

maybe("tagSentence's tags equal greedy decoding over features() on real sentences, some of them attributions", async (t) => {
  const { lex, sentences } = await devSentences(20);
  const m = model();
  let differ = 0, withCue = 0;
  const memo = newTaggerMemo();
  for (const toks of sentences) {
    const fast = tagSentence(m, viewSentence(toks, lex, false, m.cueRate, memo));
    const floats = tagSentence({ buckets: m.buckets, weights: m.weights }, viewSentence(toks, lex, false, m.cueRate, memo)); // no scale
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
  const memo = newTaggerMemo();
  for (const toks of [...sentences].sort((a, b) => b.length - a.length)) {
    const reused = viewSentence(toks, lex, false, rates, memo);
    const fresh = viewSentence(toks, lex, false, rates);
    if (fresh.report.includes(1)) reporting++;
    for (const f of fields) if (reused[f].subarray(0, reused.n).some((x, k) => x !== fresh[f][k])) differ++;
  }
  t.true(reporting > 20, `only ${reporting} sentences with a reporting phrase`);
  t.is(differ, 0);
});
