// Component writer_clause (issue 19): a report inside the writer's time or conditional clause, or inside an object
// relative clause, credits nobody (docs/claim-records.md §3); the main clause's report stands, and so does a
// participle ("after saying") whose subject is the main clause's. Sentences read from the AllSides corpus at test
// time (articles of the tuning file's outlets); skipped when the corpus is absent.
import test from "ava";
import { Pipeline } from "../../src/label/pipeline.ts";
import { labelArticle } from "../../src/label/pipeline.ts";
import { allsidesArticles, sentenceOf } from "./corpus-sentences.ts";
import { article, labelAll, lexicons } from "./helpers.ts";

/** Article id, opening words: a report in the writer's clause, the sentence's only report. */
const NOBODY: [string, string][] = [
  ["J8H00OGXeoSuHret", "The raid comes two weeks after St. Louis circuit attorney Kimberly Gardner vowed"],
  ["c2gyOxL1qb0zh0l1", "It’s not clear if Trump is unaware of this organization"],
];
/** Article id, opening words, actor: the main clause's report stands beside a writer's clause. */
const MAIN: [string, string, string][] = [["Ed8l8zJGLqhwv8iV", "When Obamacare was first being promoted, Nancy Pelosi", "said"]];

const articles = allsidesArticles([...NOBODY.map((c) => c[0]), ...MAIN.map((c) => c[0])]);

(articles ? test : test.skip)("a report in the writer's time clause credits nobody; without the component it did", async (t) => {
  const docs = await articles!;
  for (const [id, opening] of NOBODY) {
    const text = sentenceOf(docs.get(id)!.text, opening);
    const [labelled] = await labelAll(text);
    t.is(labelled!.labels.actor, null, text);
    const [before] = labelArticle(article([text]), await lexicons(), new Pipeline(["writer_clause"]));
    t.not(before!.labels.actor, null, `without writer_clause: ${text}`);
  }
});

(articles ? test : test.skip)("the main clause's report after a time clause is kept", async (t) => {
  const docs = await articles!;
  for (const [id, opening, cue] of MAIN) {
    const text = sentenceOf(docs.get(id)!.text, opening);
    const [labelled] = await labelAll(text);
    t.not(labelled!.labels.actor, null, text);
    t.is(labelled!.labels.cue, cue, text);
  }
});

test("a complementizer 'if' and a participle after 'after' open no writer's clause", async (t) => {
  // Shapes, not corpus sentences: "did not say if" is a report's complement; "after saying" has the main subject.
  const [a] = await labelAll("Jane Smith did not say if she would accept the offer.");
  t.is(a!.labels.actor?.name, "Jane Smith");
  const [b] = await labelAll("Jane Smith left the room after saying the offer was unfair.");
  t.is(b!.labels.actor?.name, "Jane Smith");
});
