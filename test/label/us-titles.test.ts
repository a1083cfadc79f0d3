// Titles never become names (issue 19): US offices as US news writes them — abbreviated with a dot ("Sen.",
// "Rep.", "Gov.") and the courts' ("Justice", "Judge") — are stripped from the name like "Foreign Minister", and after
// an office "of …" says where the person is from ("Rep. Michael McCaul of Texas"). Sentences are read at test time
// from the AllSides corpus (../shared/corpora, never copied into the project; articles of the tuning file's
// outlets); skipped when the corpus is absent.
import test from "ava";
import { allsidesArticles, sentenceOf } from "./corpus-sentences.ts";
import { labelAll } from "./helpers.ts";

/** Article id, the opening words of the sentence (the sentence comes from the corpus), the actor's name. */
const CASES: [string, string, string][] = [
  ["bXFibEJZCGjvcQkP", "Supreme Court Justice Clarence Thomas ripped", "Clarence Thomas"],
  ["LwKAF6wzb1RsZrki", "Dissenting Judge", "N. Randy Smith"],
  ["6VFyHdSMkavgdyyE", "Democratic Rep. Eliot Engel", "Eliot Engel"],
  ["6VFyHdSMkavgdyyE", "The top Republican on the committee, Rep. Michael McCaul of Texas", "Michael McCaul"],
  ["p2XiilnXFAuEJWyA", "In a statement posted to Twitter, Gov. Andy Beshear", "Andy Beshear"],
];

const articles = allsidesArticles(CASES.map((c) => c[0]));

(articles ? test : test.skip)("an office before a name is stripped from it, abbreviated or not, and 'of PLACE' after it", async (t) => {
  const docs = await articles!;
  for (const [id, opening, name] of CASES) {
    const text = sentenceOf(docs.get(id)!.text, opening);
    const [labelled] = await labelAll(text);
    t.is(labelled!.labels.actor?.name, name, text);
    t.is(labelled!.labels.actor?.type, "person", text);
  }
});

(articles ? test : test.skip)("a surname later in the article resolves to the name without its office", async (t) => {
  const text = (await articles!).get("bXFibEJZCGjvcQkP")!.text;
  const first = sentenceOf(text, "Supreme Court Justice Clarence Thomas ripped");
  const later = sentenceOf(text, "Thomas blasted his colleagues");
  const labels = (await labelAll(first, later)).at(-1)!.labels;
  t.is(labels.actor?.name, "Clarence Thomas");
  t.true(labels.rules.includes("resolve.surname"));
});
