// The labeller's speed-ups share state between sentences (empty results, a
// per-sentence prefilter); these tests pin that the sharing cannot change labels.
import test from "ava";
import { findHedges } from "../../src/label/rules/hedges.ts";
import { tokenizeSentence } from "../../src/label/tokens/tokenize.ts";
import { labelAll, lexicons } from "./helpers.ts";

// From the seeds: the hedge is "without elaborating" (spec section 5).
const SEED_HEDGED = "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.";

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
  const empty = findHedges({ text, toks: tokenizeSentence(text).toks, lex, index: 0 });
  t.deepEqual(empty, []);
  t.throws(() => (empty as unknown[]).push({ cue: "leaked" }), { instanceOf: TypeError });
  const [later] = await labelAll("Officials met in Geneva on Tuesday.");
  t.deepEqual(later!.labels.hedges, []);
  t.false(later!.labels.hedged);
});
