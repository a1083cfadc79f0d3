// The labeller's pipeline (src/label/pipeline.ts): components listed once, in
// order; each can be switched off by name, and switching one off removes
// exactly what it adds.
import test from "ava";
import { InputError } from "../../src/errors.ts";
import { COMPONENTS, PIPE_NAMES, Pipeline, disabledComponents, labelArticle } from "../../src/label/pipeline.ts";
import { stance } from "../../src/eval/benchmarks/stance.ts";
import { article, labelAll, lexicons } from "./helpers.ts";
import { tempDir, cleanupTemp } from "../eval/helpers.ts";

test.after.always(cleanupTemp);

const TEXTS = [
  "Russian Foreign Minister Sergey Lavrov said the talks were likely to fail.",
  "“We will not accept this,” he said. “It is a provocation.",
  "Nobody asked us.”",
];

test("the components are named once, in the order they run, and every name is unique", (t) => {
  t.deepEqual(PIPE_NAMES, COMPONENTS.map((c) => c.name));
  t.is(new Set(PIPE_NAMES).size, PIPE_NAMES.length);
  for (const c of COMPONENTS) t.true(Boolean(c.sentence) !== Boolean(c.article), `${c.name}: exactly one of sentence/article`);
  t.deepEqual(new Pipeline(["quotes", "hedges"]).names, PIPE_NAMES.filter((n) => n !== "quotes" && n !== "hedges"));
});

test("an unknown component name is an InputError naming the known ones; --disable values are split on commas", (t) => {
  const e = t.throws(() => new Pipeline(["hedge"]), { instanceOf: InputError });
  t.regex(e!.message, /unknown component "hedge" \(components: names, topics, hedges/);
  t.deepEqual(disabledComponents(["tagger,hedges", " quotes "]), ["hedges", "tagger", "quotes"]);
  t.deepEqual(disabledComponents(undefined), []);
});

test("the whole pipeline is the default; switching a component off removes what it adds and nothing else", async (t) => {
  const lex = await lexicons();
  const full = await labelAll(...TEXTS);
  t.deepEqual(labelArticle(article(TEXTS), lex, new Pipeline()), full);
  t.true(full[0]!.labels.hedged, "'likely' is a hedge");
  t.is(full[2]!.labels.actor?.name, "Sergey Lavrov", "quote continuation credits the last sentence");

  const noHedges = labelArticle(article(TEXTS), lex, new Pipeline(["hedges"]));
  t.false(noHedges[0]!.labels.hedged);
  t.deepEqual(noHedges[0]!.labels.actor, full[0]!.labels.actor);

  const noQuotes = labelArticle(article(TEXTS), lex, new Pipeline(["quotes"]));
  t.is(noQuotes[2]!.labels.actor, null);
  t.deepEqual(noQuotes.slice(0, 2), full.slice(0, 2));
});

test("a benchmark runs the pipeline it is given (--disable): without the stance component no sentence takes a position", async (t) => {
  const r = await stance.run({ argv: [], outDir: tempDir("claimstance-pipeline-"), pipeline: new Pipeline(["stance"]) });
  const f = (m: string) => r.figures.find((x) => x.metric === m)!.value;
  t.is(f("train.support_f1"), 0);
  t.is(f("train.oppose_f1"), 0);
});
