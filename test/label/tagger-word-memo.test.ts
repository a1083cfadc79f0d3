// The tagger's memos (src/label/tagger/word-memo.ts, tagsOf in tagger/proposal.ts), owned by the model object, give what computing afresh gives,
// on real PolNeAR dev sentences read from ../shared/corpora/polnear/ (never copied into the project): a lexicon
// word's view facts and gate verdict, a view built from the memo, a memo that starts over for other rates, and the
// tags of a sentence seen before (inside a quote or not).
import test from "ava";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { suffixHash } from "../../src/label/tagger/features.ts";
import { loadTagger, tagSentence, viewSentence, type TaggerModel } from "../../src/label/tagger/model.ts";
import { cueClasses } from "../../src/label/lexicon/cue-classes.ts";
import { extractArticles } from "../../src/extract/index.ts";
import { loadLexicons } from "../../src/label/index.ts";
import type { Lexicons } from "../../src/label/lexicon/lexicons.ts";
import { mayAttribute, tagsOf } from "../../src/label/tagger/proposal.ts";
import { memoOf, newTaggerMemo, viewMemo } from "../../src/label/tagger/word-memo.ts";
import { tokenizeSentence, type Tok } from "../../src/label/tokens/tokenize.ts";
import { hashWord } from "../../src/label/lexicon/vocab.ts";

const TEXT = "../shared/corpora/polnear/dev/text";
const maybe = existsSync(TEXT) ? test : test.skip;

async function devSentences(n: number): Promise<{ lex: Lexicons; sentences: { text: string; toks: Tok[] }[] }> {
  const lex = await loadLexicons(); // tokens carry the word ids of its vocabulary
  const sentences: { text: string; toks: Tok[] }[] = [];
  for (const name of readdirSync(TEXT).filter((f) => f.endsWith(".txt")).sort().slice(0, n)) {
    const path = join(TEXT, name);
    for (const art of extractArticles({ path: name, text: readFileSync(path, "utf8"), kind: "txt", location: path }).articles)
      for (const s of art.sentences) sentences.push({ text: s.text, toks: tokenizeSentence(s.text, lex.vocab, false).toks });
  }
  return { lex, sentences };
}

function model(): TaggerModel {
  const m = loadTagger();
  if (!m) throw new Error("data/models/attribution-tagger.json is missing");
  return m;
}

maybe("the view's memo holds each lexicon word's hash, suffix hash, cue rate and group flag, and starts over for other rates", async (t) => {
  const { lex, sentences } = await devSentences(8);
  const rates = model().cueRate!;
  let checked = 0, differ = 0, groups = 0, rated = 0;
  const tm = newTaggerMemo();
  for (const { toks } of sentences) {
    const v = viewSentence(toks, lex, false, rates, tm);
    const memo = viewMemo(tm, lex, rates);
    toks.forEach((tok, i) => {
      const want = { word: hashWord(tok.low), rate: rates.has(tok.low) ? Math.round(rates.get(tok.low)! * 10) : 11, group: tok.id !== 0 && lex.nouns.get(tok.low)?.has("group") ? 1 : 0 };
      const suffix = tok.low.length > 3 ? suffixHash(tok.low) : want.word;
      if (v.word[i] !== want.word || v.suffix[i] !== suffix || v.cueRate[i] !== want.rate || v.group[i] !== want.group) differ++;
      if (tok.id !== 0) {
        checked++;
        if (memo.known[tok.id] !== 1 || memo.hash[tok.id] !== want.word || memo.rate[tok.id] !== want.rate) differ++;
      }
      groups += want.group;
      if (want.rate >= 1 && want.rate <= 10) rated++;
    });
  }
  t.true(checked > 1000 && groups > 5 && rated > 200, `${checked} lexicon tokens, ${groups} group nouns, ${rated} rated`);
  t.is(differ, 0);
  // Without rates (a model without cues.csv) the same words read as not in the inventory: the memo is not reused.
  const said = sentences.find((s) => s.toks.some((x) => x.low === "said" && x.id !== 0))!;
  const k = said.toks.findIndex((x) => x.low === "said");
  t.true(viewSentence(said.toks, lex, false, rates, tm).cueRate[k]! <= 10);
  t.is(viewSentence(said.toks, lex, false, undefined, tm).cueRate[k], 11);
  t.true(viewSentence(said.toks, lex, false, rates, tm).cueRate[k]! <= 10);
  // The memo belongs to the model object: two models never share one.
  const a: TaggerModel = { buckets: 2, weights: new Float32Array(8) }, b: TaggerModel = { buckets: 2, weights: new Float32Array(8) };
  t.is(memoOf(a), memoOf(a));
  t.not(memoOf(a), memoOf(b));
});

maybe("the gate's memoised verdicts are the per-token test's, sentence by sentence", async (t) => {
  const { lex, sentences } = await devSentences(12);
  const m = model();
  const rates = m.cueRate!;
  const classes = cueClasses();
  const direct = (toks: readonly Tok[]) =>
    toks.some((x) => !x.quoted && (x.kind === "punct" ? [":", "—", "―", "–"].includes(x.raw) : (rates.get(x.low) ?? 0) >= 0.1 && [undefined, "yes"].includes(classes.get(x.low))));
  let pass = 0, fail = 0, differ = 0;
  // Twice over: the second round reads every lexicon word's verdict from the memo.
  for (let round = 0; round < 2; round++)
    for (const { toks } of sentences) {
      const got = mayAttribute({ toks, lex }, m, classes);
      if (got !== direct(toks)) differ++;
      if (round === 0) got ? pass++ : fail++;
    }
  t.true(pass > 50 && fail > 20, `${pass} sentences through, ${fail} not`);
  t.is(differ, 0);
});

maybe("tagsOf: a sentence seen before gets the tags tagging it afresh gives, inside a quote or not", async (t) => {
  const { lex, sentences } = await devSentences(6);
  const m = model();
  let differ = 0, withCue = 0, quoteMatters = 0;
  for (let round = 0; round < 2; round++)
    for (const { text } of sentences)
      for (const inQuote of [false, true]) {
        const toks = tokenizeSentence(text, lex.vocab, inQuote).toks;
        const fresh = tagSentence(m, viewSentence(toks, lex, inQuote, m.cueRate));
        const got = tagsOf(m, lex, text, toks, inQuote);
        if (got.length !== fresh.length || got.some((x, k) => x !== fresh[k])) differ++;
        if (round === 0 && !inQuote && fresh.includes(2)) withCue++;
        if (round === 0 && inQuote && tagsOf(m, lex, text, tokenizeSentence(text, lex.vocab, false).toks, false).some((x, k) => x !== fresh[k])) quoteMatters++;
      }
  t.true(withCue > 10, `only ${withCue} sentences with a cue tag`);
  t.true(quoteMatters > 0, "no sentence tagged differently inside a quote"); // the key must tell them apart
  t.is(differ, 0);
});
