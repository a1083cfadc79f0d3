// Component "unnamed_vague" (issue 19): an unnamed source is a vague source (docs/claim-records.md §3), with the
// rule id hedge.unnamed_source; a definite holder, a named body's members and a measured group are not. The
// sentences are read at test time from the AllSides corpus (../shared/corpora, never copied into the project;
// articles of the tuning file's outlets): the test is skipped when the corpus is absent.
import test from "ava";
import { allsidesArticles } from "./corpus-sentences.ts";
import { labelLast } from "./helpers.ts";


/** Article id → the opening words of the sentence to label (the sentence itself comes from the corpus). */
const VAGUE: [string, string, string][] = [
  ["6VFyHdSMkavgdyyE", "Intelligence agencies said Saudi", "Intelligence agencies said"],
  ["rM9uniEz3nY6ay2F", "Lawyers for the plaintiffs had said", "Lawyers for the plaintiffs had said"],
  ["c2gyOxL1qb0zh0l1", "“What he usually does is", "a former anchor told"],
];
const NOT_VAGUE: [string, string][] = [
  ["p2XiilnXFAuEJWyA", "The governor of Kentucky says"], // one holder the article names (Andy Beshear)
  ["bXFibEJZCGjvcQkP", "The opinion said the court"], // a document of a named court
  ["J8H00OGXeoSuHret", "The couple said their attorney"], // the McCloskeys
];

/** The sentence of the article's text starting with `opening`, to its closing punctuation. */
function sentenceOf(text: string, opening: string): string {
  const i = text.indexOf(opening);
  if (i < 0) throw new Error(`"${opening}" not in the article`);
  const m = /^[\s\S]*?[.?!][”"’]?(?=\s|$)/.exec(text.slice(i));
  return m ? m[0] : text.slice(i);
}

const articles = allsidesArticles([...VAGUE.map((v) => v[0]), ...NOT_VAGUE.map((v) => v[0])]);

(articles ? test : test.skip)("an unnamed source's phrase and its cue are one vague hedge (hedge.unnamed_source)", async (t) => {
  const docs = await articles!;
  for (const [id, opening, cue] of VAGUE) {
    const text = sentenceOf(docs.get(id)!.text, opening);
    const labels = await labelLast(text);
    t.is(labels.actor?.type, "unnamed", text);
    const vague = labels.hedges.filter((h) => h.type === "vague");
    t.deepEqual(vague.map((h) => h.cue), [cue], text);
    t.true(labels.rules.includes("hedge.unnamed_source"), text);
  }
});

(articles ? test : test.skip)("a definite holder the article names is no vague source", async (t) => {
  const docs = await articles!;
  for (const [id, opening] of NOT_VAGUE) {
    const text = sentenceOf(docs.get(id)!.text, opening);
    const labels = await labelLast(text);
    t.truthy(labels.actor, text);
    t.false(labels.rules.includes("hedge.unnamed_source"), text);
    t.deepEqual(labels.hedges.filter((h) => h.type === "vague"), [], text);
  }
});
