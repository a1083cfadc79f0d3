// The vocabulary of word ids belongs to the compiled lexicons (Lexicons.vocab):
// two lexicon sets in one process never see each other's words, and the fixed
// function words have the same ids in every vocabulary.
import test from "ava";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadLexicons } from "../../src/label/lexicon/lexicons.ts";
import { Vocab } from "../../src/label/lexicon/vocab.ts";
import { labelArticle } from "../../src/label/pipeline.ts";
import { findHedges } from "../../src/label/rules/hedges.ts";
import { tokenizeSentence } from "../../src/label/tokens/tokenize.ts";
import { FIXED_WORDS, NAME_LINK_IDS } from "../../src/label/tokens/words.ts";
import { article, labelAll, lexicons } from "./helpers.ts";

// From the seeds: the hedge is "without elaborating" (spec section 5).
const SEED_HEDGED = "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.";
const TOPIC_SENTENCE = "The senator said the zorblat accord must be stopped.";

test("the fixed words have the same ids in every vocabulary, lexicon words come after them", async (t) => {
  const a = new Vocab(FIXED_WORDS);
  const b = (await lexicons()).vocab;
  for (const w of ["the", "of", "von", "'s", "and"]) {
    t.not(a.wordId(w), 0, w);
    t.is(a.wordId(w), b.wordId(w), w);
  }
  t.is(NAME_LINK_IDS[b.wordId("of")], 1);
  t.is(NAME_LINK_IDS[b.wordId("the")] ?? 0, 0);
  t.is(a.size, FIXED_WORDS.length);
  t.true(b.size > FIXED_WORDS.length);
  t.true(b.wordId("said") > FIXED_WORDS.length);
  t.is(a.wordId("said"), 0);
  t.throws(() => new Vocab(["the", "the"]), { message: /repeat/ });
});

test("a second lexicon set has its own vocabulary: the first one's ids and labels do not change", async (t) => {
  const lex = await lexicons();
  const sizeBefore = lex.vocab.size;
  const before = labelArticle(article([TOPIC_SENTENCE]), lex);
  const dir = await mkdtemp(join(tmpdir(), "vocab-"));
  try {
    const file = join(dir, "topics.csv");
    await writeFile(file, "topic,patterns\nzorblat,zorblat accord\n");
    const other = await loadLexicons(undefined, { add: [file] });
    t.not(other.vocab, lex.vocab);
    t.not(other.vocab.wordId("zorblat"), 0);
    // The word exists only in the second set.
    t.is(lex.vocab.wordId("zorblat"), 0);
    t.is(lex.vocab.size, sizeBefore);
    t.is(tokenizeSentence(TOPIC_SENTENCE, lex.vocab).toks.find((x) => x.low === "zorblat")!.id, 0);
    // The user topic counts with its own lexicons, and the first set labels as it did.
    t.is(labelArticle(article([TOPIC_SENTENCE]), other)[0]!.labels.target, "zorblat");
    t.deepEqual(labelArticle(article([TOPIC_SENTENCE]), lex), before);
    t.not(before[0]!.labels.target, "zorblat");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("unknown first-word flags never skip a phrase list; known flags without its bit do", async (t) => {
  const lex = await lexicons();
  for (const trie of [lex.hedges, lex.reporting, lex.targets, lex.topicAnchors]) {
    t.true(trie.mayOccur(undefined));
    t.false(trie.mayOccur(0));
  }
  // A seed sentence labelled through the pipeline (flags known) finds its hedge.
  const [seed] = await labelAll(SEED_HEDGED);
  t.true(seed!.labels.hedges.some((h) => h.cue === "without elaborating"));
});

test("the shared empty result of a sentence without hedges cannot be altered by a caller", async (t) => {
  const lex = await lexicons();
  const text = "The meeting took place in Geneva on Tuesday.";
  const empty = findHedges({ text, toks: tokenizeSentence(text, lex.vocab).toks, lex, index: 0 });
  t.deepEqual(empty, []);
  t.throws(() => (empty as unknown[]).push({ cue: "leaked" }), { instanceOf: TypeError });
  const [later] = await labelAll("Officials met in Geneva on Tuesday.");
  t.deepEqual(later!.labels.hedges, []);
  t.false(later!.labels.hedged);
});
