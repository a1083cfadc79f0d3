// One labelled real sentence per attribution pattern added for issue 9, each
// labelled in its article (read from ../shared/corpora/polnear/, never copied
// into the project), and the tagger's training determinism.
import test from "ava";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { renderModel } from "../../src/cli/train-attribution.ts";
import { readBratFolder, trainingArticle, type AnnotatedArticle } from "../../src/eval/benchmarks/brat.ts";
import { articleExamples, cueInventory, trainTagger } from "../../src/label/tagger/train.ts";
import { loadCueRates } from "../../src/label/tagger/model.ts";
import { extractArticles } from "../../src/extract/index.ts";
import { labelArticle, loadLexicons } from "../../src/label/index.ts";
import { lexicons } from "./helpers.ts";
import type { SentenceLabels } from "../../src/schema.ts";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";

const CORPUS = "../shared/corpora/polnear";
const present = existsSync(join(CORPUS, "dev", "attributions"));
const maybe = present ? test : test.skip;

let dev: Promise<AnnotatedArticle[]> | null = null;

/** The labels of the sentence starting with `prefix` in the dev article whose name starts with `article`. */
async function labelled(article: string, prefix: string): Promise<{ text: string; labels: SentenceLabels }> {
  const articles = await (dev ??= readBratFolder(join(CORPUS, "dev")));
  const lex = await lexicons();
  for (const a of articles.filter((x) => x.name.startsWith(article) && x.text.includes(prefix)))
    for (const art of extractArticles({ path: `${a.name}.txt`, text: a.text, kind: "txt", location: a.textPath }).articles) {
      const out = labelArticle(art, lex);
      const i = art.sentences.findIndex((s) => s.text.startsWith(prefix));
      if (i >= 0) return { text: art.sentences[i]!.text, labels: out[i]!.labels };
    }
  throw new Error(`no sentence "${prefix}" in a dev article ${article}…`);
}

const slice = (text: string, span: { start: number; end: number } | null) => (span ? [...text].slice(span.start, span.end).join("") : null);

maybe("unnamed source: '…, the source added' is an actor of type unnamed", async (t) => {
  const { text, labels } = await labelled("breitbart_2016-09-12_stealth-over-health", "Clinton had told police officials");
  t.deepEqual(labels.actor, { name: "source", mention: "the source", type: "unnamed", affiliation: null });
  t.is(labels.cue, "added");
  t.is(slice(text, labels.content), "Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that request");
});

maybe("colon credit without quote marks: a headline 'Name: claim'", async (t) => {
  const { text, labels } = await labelled("breitbart_2016-09-15_pat-caddell", "Pat Caddell: Democrat Voters");
  t.is(labels.actor?.name, "Pat Caddell");
  t.is(labels.cue, ":");
  t.true(labels.rules.includes("actor.colon_quote"));
  t.true(slice(text, labels.content)!.startsWith("Democrat Voters Worried"));
});

maybe("colon credit in a transcript paragraph: \"WALLACE: … and the quote's next sentence continues it", async (t) => {
  const a = await labelled("breitbart_2016-09-25_pence-gennifer", "\"WALLACE: Let’s start");
  t.is(a.labels.actor?.name, "WALLACE");
  t.true(a.labels.rules.includes("actor.colon_quote"));
  const b = await labelled("breitbart_2016-09-25_pence-gennifer", "Two questions: Why would Trump do that?");
  t.is(b.labels.actor?.name, "WALLACE");
  t.true(b.labels.rules.includes("actor.quote_continuation"));
});

maybe("dash credit with a horizontal bar: …” ― Name", async (t) => {
  const { labels } = await labelled("huff-post_2016-09-27_latinos-share", "He represents our greatest shame.”");
  t.is(labels.actor?.name, "Sonya Herridge");
  t.is(labels.cue, "―");
  t.true(labels.rules.includes("actor.dash_credit"));
});

maybe("'according to' an unnamed source: a campaign aide", async (t) => {
  const { text, labels } = await labelled("", "Clinton plans to visit Charlotte on Sunday");
  t.deepEqual(labels.actor, { name: "campaign aide", mention: "a campaign aide", type: "unnamed", affiliation: null });
  t.true(labels.rules.includes("actor.according_to"));
  t.is(slice(text, labels.content), "Clinton plans to visit Charlotte on Sunday");
});

maybe("the tagger: an internal state (wants) and an inanimate source (a poll shows)", async (t) => {
  const a = await labelled("", "She wants to triple the size of the AmeriCorps program");
  // "She" resolves to the person credited before (this article names her "Crooked Hillary Clinton" in a quote).
  t.is(a.labels.actor?.mention, "She");
  t.true(a.labels.actor?.name.endsWith("Hillary Clinton"));
  t.is(a.labels.cue, "wants");
  t.true(a.labels.rules.includes("actor.model"));
  t.true(a.labels.rules.includes("content.model"));
  const b = await labelled("", "A new poll shows that Republican presidential");
  t.is(b.labels.actor?.type, "unnamed");
  t.is(b.labels.cue, "shows");
  t.true(b.labels.rules.includes("actor.model"));
});

maybe("content: the reported clause after 'X said (that)' and the quoted part of a continuation", async (t) => {
  const a = await labelled("breitbart_2016-09-15_pat-caddell", "“One of the things I am surprised about");
  t.is(a.labels.actor?.name, "Pat Caddell");
  t.is(slice(a.text, a.labels.content), "“One of the things I am surprised about is apparently how much the health issue has affected this race, or seems to be affecting it,”");
  const b = await labelled("breitbart_2016-09-15_pat-caddell", "Morning Consult and Rasmussen had very similar numbers.”");
  t.true(b.labels.rules.includes("actor.quote_continuation"));
  t.is(slice(b.text, b.labels.content), "Morning Consult and Rasmussen had very similar numbers");
});

maybe("train-attribution: training twice on the same real articles gives identical weights and cue inventory", async (t) => {
  const lex = await loadLexicons();
  const articles = (await readBratFolder(join(CORPUS, "dev"))).slice(0, 12);
  const dir = await mkdtemp(join(tmpdir(), "tagger-"));
  try {
    const once = async () => {
      const examples = articles.map((a) => ({ examples: articleExamples(trainingArticle(a), lex.vocab) }));
      const inventory = cueInventory(examples.flatMap((a) => a.examples));
      const cues = join(dir, "cues.csv");
      await writeFile(cues, inventory);
      const r = trainTagger(examples, { seed: 13, maxEpochs: 2, bits: 12, holdout: 0.2 }, { test: true }, lex, loadCueRates(cues));
      return { model: renderModel(r.file), inventory };
    };
    const a = await once();
    const b = await once();
    t.is(a.model, b.model);
    t.is(a.inventory, b.inventory);
    t.true(a.inventory.startsWith("word,cue_count,occurrences\n"));
    t.true(a.model.length > 1000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
