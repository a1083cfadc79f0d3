// Component outer_report (issue 19): the outer report wins over an inner clause's subject. When the sentence's main
// subject takes a that-clause with a verb of saying, thinking or evidence (cue-classes.csv), a report inside the
// clause ("The Bee notes that she then said …") is part of what the main subject claims. Sentence read from the
// AllSides corpus at test time (an article of no gold file); skipped when the corpus is absent.
import test from "ava";
import { Pipeline, labelArticle } from "../../src/label/pipeline.ts";
import { allsidesArticles, sentenceOf } from "./corpus-sentences.ts";
import { article, labelAll, lexicons } from "./helpers.ts";

const articles = allsidesArticles(["0pQiaAQz1MaaLAQI"]);

(articles ? test : test.skip)("the main subject's report holds the inner one: 'The Bee notes that she then said …'", async (t) => {
  const text = (await articles!).get("0pQiaAQz1MaaLAQI")!.text;
  const intro = sentenceOf(text, "The Bee notes that they held up signs");
  const outer = sentenceOf(text, "The Bee notes that she then said");
  const texts = [sentenceOf(text, "Demonstrators protested Sen. Dianne Feinstein"), intro, outer];
  const labelled = (await labelAll(...texts)).at(-1)!.labels;
  t.is(labelled.cue, "notes");
  t.true(labelled.rules.includes("actor.outer_report"));
  const without = labelArticle(article(texts), await lexicons(), new Pipeline(["outer_report"])).at(-1)!.labels;
  t.is(without.cue, "said");
});

test("an action verb before 'that' or a subject found after a verb is no outer report", async (t) => {
  // Shapes, not corpus sentences.
  const [a] = await labelAll("Trump will follow that by saying the alliance is strong.");
  t.false(a!.labels.rules.includes("actor.outer_report"));
  const [b] = await labelAll("The debate follows a Washington Post report that the CIA concluded Russia interfered.");
  t.false(b!.labels.rules.includes("actor.outer_report"));
  const [c] = await labelAll("Jane Smith thinks that the Treasury would insist on changes to the bill.");
  t.is(c!.labels.actor?.name, "Jane Smith");
  t.is(c!.labels.cue, "thinks");
});
