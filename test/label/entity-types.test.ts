// An entity's type from evidence (issue 19), not from the shape of the name alone: dotted initials before a surname
// are a person's ("H.R. McMaster"), a company suffix ends a body's name ("Avista Utilities"), and a bare surname no
// lexicon knows is a person when the article says so — a person pronoun in its clause ("McConnell acknowledged his
// mistake") or a title on another mention ("Mr. Mnuchin"). Sentences read from the AllSides corpus at test time
// (articles of the tuning file's outlets); skipped when the corpus is absent.
import test from "ava";
import { allsidesArticles, sentenceOf } from "./corpus-sentences.ts";
import { labelAll } from "./helpers.ts";

const articles = allsidesArticles(["cCh8bGam0BxgbXmB", "N0hfIRXc055MMxVQ", "ymfkSYflB3Uk7TEx"]);

(articles ? test : test.skip)("dotted initials before a surname make a person", async (t) => {
  const text = sentenceOf((await articles!).get("cCh8bGam0BxgbXmB")!.text, "National Security Adviser H.R. McMaster said");
  const [s] = await labelAll(text);
  t.is(s!.labels.actor?.name, "H.R. McMaster");
  t.is(s!.labels.actor?.type, "person");
});

(articles ? test : test.skip)("a bare surname with a person pronoun in its clause is a person, there and later", async (t) => {
  const docs = await articles!;
  const wp = docs.get("N0hfIRXc055MMxVQ")!.text;
  const [first, later] = await labelAll(sentenceOf(wp, "Update, May 15: McConnell acknowledged his mistake"), sentenceOf(wp, "“I was wrong,” McConnell said."));
  t.is(first!.labels.actor?.type, "person");
  t.is(later!.labels.actor?.name, "McConnell");
  t.is(later!.labels.actor?.type, "person");
  // First seen without evidence ("after McConnell’s comments"): the later pronoun still makes the entity a person.
  const spokesman = sentenceOf(wp, "But former Obama administration officials cried foul after McConnell’s comments.");
  const withFirst = await labelAll(spokesman, sentenceOf(wp, "Update, May 15: McConnell acknowledged his mistake"), sentenceOf(wp, "“I was wrong,” McConnell said."));
  t.is(withFirst.at(-1)!.labels.actor?.name, "McConnell");
  t.is(withFirst.at(-1)!.labels.actor?.type, "person");
  const [sondland] = await labelAll(sentenceOf(docs.get("ymfkSYflB3Uk7TEx")!.text, "Sondland said he communicated"));
  t.is(sondland!.labels.actor?.name, "Sondland");
  t.is(sondland!.labels.actor?.type, "person");
});

test("a body's pronoun is no evidence; a company suffix ends a body's name; a title elsewhere in the article is", async (t) => {
  // Shapes, not corpus sentences.
  const [google] = await labelAll("Google said its profits rose.");
  t.is(google!.labels.actor?.type, "organization");
  const [avista] = await labelAll("Avista Utilities said rates would rise.");
  t.is(avista!.labels.actor?.type, "organization");
  const [, mnuchin] = await labelAll("Mnuchin declined to comment.", "Mr. Mnuchin said the talks would resume.");
  t.is(mnuchin!.labels.actor?.type, "person");
  const [bare] = await labelAll("Mnuchin said the talks would resume.", "Mr. Mnuchin met the press.");
  t.is(bare!.labels.actor?.type, "person");
});

test("a place of places.csv is typed by the list: a country is a country, a state no person", async (t) => {
  // Shapes, not corpus sentences: the corpus has no report by a place that actors.csv does not already list.
  const [dakota] = await labelAll("South Dakota said the law would stand.");
  t.is(dakota!.labels.actor?.type, "organization");
  const [honduras] = await labelAll("Honduras said it would close the border.");
  t.is(honduras!.labels.actor?.type, "country");
  t.is(honduras!.labels.actor?.affiliation, "Honduras");
  const [person] = await labelAll("Jane Dakota said the law would stand.");
  t.is(person!.labels.actor?.type, "person");
});
