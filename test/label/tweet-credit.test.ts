// Component "tweet_credit" on a real tweet-embedding article (The Hill, AllSides corpus): the tweet's text is
// credited to the name on its signature with cue "tweeted"; actor and cue have no span in the sentence.
import test from "ava";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles } from "../../src/extract/index.ts";
import { readAllSides, type OutletDocument } from "../../src/eval/allsides.ts";
import { labelArticle, loadLexicons } from "../../src/label/index.ts";
import { Pipeline } from "../../src/label/pipeline.ts";
import { allsidesSubsetOf } from "../helpers/allsides.ts";

const ALLSIDES = join(fileURLToPath(new URL("../../../shared/corpora/", import.meta.url)), "allsides/articles.jsonl.gz");
const corpusTest = existsSync(ALLSIDES) ? test : test.skip;
const HILL = "01pP64DIgqxynbbQ"; // The Hill: Trump's tweets on crime in Germany, signed "— Donald J. Trump (@realDonaldTrump) June 18, 2018"

async function article(id: string): Promise<OutletDocument> {
  for await (const d of readAllSides((await allsidesSubsetOf([id]))!)) if (d.docId === id) return d;
  throw new Error(`no AllSides article ${id}`);
}

corpusTest("an embedded tweet's sentences are credited to the signed author, cue 'tweeted', with no actor or cue span", async (t) => {
  const lex = await loadLexicons();
  const [a] = extractArticles(await article(HILL)).articles;
  const labelled = labelArticle(a!, lex);
  const at = a!.sentences.findIndex((s) => s.text === "Crime in Germany is way up.");
  t.true(at >= 0);
  const l = labelled[at]!.labels;
  t.deepEqual(l.actor, { name: "Donald J. Trump", mention: "Donald J. Trump", type: "person", affiliation: null });
  t.is(l.cue, "tweeted");
  t.deepEqual(l.evidence.actor, null);
  t.deepEqual(l.evidence.cue, null);
  // The whole tweet sentence is what he claims.
  t.deepEqual(l.content, { start: 0, end: [...a!.sentences[at]!.text].length });
  t.true(l.rules.includes("actor.tweet_signature"));
  t.true(labelled[at]!.votes.some((v) => v.rule === "actor.tweet_signature" && v.field === "cue" && v.value === "tweeted" && v.start === undefined));
  // The article's own prose is not credited to the tweet's author by this component.
  const prose = a!.sentences.findIndex((s) => s.text.startsWith("Trump also warned that the U.S."));
  t.false(labelled[prose]!.labels.rules.includes("actor.tweet_signature"));
  // --disable tweet_credit: the sentence has no such credit.
  const off = labelArticle(a!, lex, new Pipeline(["tweet_credit"]));
  t.not(off[at]!.labels.cue, "tweeted");
});
