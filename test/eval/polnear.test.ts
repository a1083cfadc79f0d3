// The brat reader, the PolNeAR scorer and the benchmark guard, on real PolNeAR
// files read from ../shared/corpora/polnear/ (never copied into the project).
import test from "ava";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseBrat, readBratFolder, type Attribution } from "../../src/eval/benchmarks/brat.ts";
import { emptyCounts, scoreArticle, type ScoredSentence } from "../../src/eval/benchmarks/polnear-score.ts";
import { polnear } from "../../src/eval/benchmarks/polnear.ts";
import type { SentenceLabels } from "../../src/schema.ts";

const CORPUS = "../shared/corpora/polnear";
const present = existsSync(join(CORPUS, "dev", "attributions"));
const maybe = present ? test : test.skip;

const CADDELL = "breitbart_2016-09-15_pat-caddell-democrat-voters-worr";

maybe("brat: a discontinuous span keeps both fragments; offsets are code points of the .txt", (t) => {
  const ann = readFileSync(join(CORPUS, "dev/attributions", `${CADDELL}_4e07.ann`), "utf8");
  const text = [...readFileSync(join(CORPUS, "dev/text", `${CADDELL}.txt`), "utf8")];
  const doc = parseBrat(ann, "x.ann");
  const t9 = doc.spans.get("T9")!;
  t.is(t9.type, "Content");
  t.deepEqual(t9.fragments, [
    [315, 448],
    [463, 553],
  ]);
  t.is(text.slice(315, 448).join(""), "“One of the things I am surprised about is apparently how much the health issue has affected this race, or seems to be affecting it,”");
  // E3 ties Source T11 "Caddell", Cue T10 "said" and that content together.
  const e3 = doc.attributions.find((a) => a.id === "E3")!;
  t.is(e3.sourceText, "Caddell");
  t.is(e3.cueText, "said");
  t.deepEqual(e3.content, t9.fragments);
  t.true(e3.hasSource);
});

maybe("brat: a span's text that runs over a line break is read whole, not as a new line", (t) => {
  const file = join(CORPUS, "train/attributions/usa-today_2016-08-09_khans-trump-stirs-ugliness-musli_4e07.ann");
  const doc = parseBrat(readFileSync(file, "utf8"), file);
  const t68 = doc.spans.get("T68")!;
  t.deepEqual(t68.fragments, [
    [3742, 4033],
    [4188, 4420],
  ]);
  t.true(t68.text.includes("\n\n\"We go to school and our friends taunt us"));
  t.true(t68.text.endsWith("'You will be thrown out when Trump becomes president.'\""));
  // The span after it is still read.
  t.is(doc.spans.get("T72")?.text, "Ghazala Khan");
});

maybe("brat: an article with several annotators is scored against the first file in sorted order", async (t) => {
  const articles = await readBratFolder(join(CORPUS, "train"));
  const a = articles.find((x) => x.name === "breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind")!;
  t.deepEqual(a.annotators, ["4b22", "4e07", "5fec", "6b86", "d473", "ef2d"]);
  t.true(a.annPath.endsWith("_4b22.ann"));
  t.is(articles.length, 840);
});

maybe("brat: a malformed span line names the file and line", (t) => {
  t.throws(() => parseBrat("T1\tSource 3 x\tabc\n", "bad.ann"), { message: "bad.ann:1: malformed span line" });
  t.throws(() => parseBrat("E1\tAttribution:T9 Source:T2\n", "bad.ann"), { message: "bad.ann:1: E1 refers to unknown span T2" });
});

/** Labels with only what the scorer reads. */
function labels(actor: { name: string; mention: string } | null, actorSpan: [number, number] | null, cue: string | null, cueSpan: [number, number] | null, content: [number, number] | null): SentenceLabels {
  return {
    actor: actor ? { ...actor, type: "person", affiliation: null } : null,
    cue,
    content: content ? { start: content[0], end: content[1] } : null,
    target: null,
    target_text: null,
    target_entity: null,
    stance: "neutral",
    hedges: [],
    hedged: false,
    rules: actor ? ["actor.test"] : [],
    evidence: { actor: actorSpan ? { start: actorSpan[0], end: actorSpan[1] } : null, cue: cueSpan ? { start: cueSpan[0], end: cueSpan[1] } : null, target: null, stance: null },
  };
}

test("scorer: a hand-computed case (attribution P/R, source, cue, content tokens)", (t) => {
  // Real PolNeAR dev sentences (Caddell article), offsets counted by hand.
  const s1 = "Caddell continued: the polls are close.";
  const s2 = "Nobody knows why.";
  const s3 = "It rained.";
  const text = `${s1} ${s2} ${s3}`;
  const cps = [...text];
  const a: Attribution = { id: "E1", hasSource: true, source: [[0, 7]], cue: [[8, 18]], content: [[19, 38]], cueText: "continued:", sourceText: "Caddell" };
  // s2 (40–57) is covered by E2's content for 10 of 17 code points: at least half, so gold-attributed by content.
  const b: Attribution = { id: "E2", hasSource: false, source: [], cue: [], content: [[40, 50]], cueText: "", sourceText: "" };
  const sentences: ScoredSentence[] = [
    // Found: source exact, cue exact, content "the polls are close" predicted as "polls are close" (3 of 4 tokens).
    { start: 0, end: 39, text: s1, labels: labels({ name: "Pat Caddell", mention: "Caddell" }, [0, 7], "continued", [8, 17], [23, 38]) },
    // Gold by content, not predicted: a miss.
    { start: 40, end: 57, text: s2, labels: labels(null, null, null, null, null) },
    // Predicted, not gold: a false positive with a wrong source and one content token ("rained").
    { start: 58, end: 68, text: s3, labels: labels({ name: "Weather", mention: "It" }, [0, 2], "rained", [3, 9], [3, 9]) },
  ];
  const c = emptyCounts();
  const out = scoreArticle(cps, [a, b], sentences, c);
  t.is(c.gold, 2);
  t.is(c.predicted, 2);
  t.is(c.found, 1);
  t.is(c.goldByCue, 1);
  t.is(c.goldByContent, 1);
  t.is(c.sourceExact, 1);
  t.is(c.sourceOverlap, 1);
  t.is(c.foundWithCue, 1);
  t.is(c.cueOverlap, 1);
  t.is(c.cueExact, 0); // "continued" is not exactly "continued:"
  // Gold content tokens: "the polls are close" (4) + "Nobody" (E2's content ends inside "knows") = 5; predicted 3 + 1; both 3.
  t.is(c.contentGold, 5);
  t.is(c.contentPredicted, 4);
  t.is(c.contentBoth, 3);
  t.deepEqual(
    out.map((o) => [o.gold, o.predicted, o.goldCue]),
    [
      [true, true, "continued:"],
      [true, false, "(in a quote) (no cue)"],
      [false, true, null],
    ],
  );
});

test("scorer: a relative-pronoun gold source matches through its antecedent, counted apart; outcomes carry the gold sources and cues", (t) => {
  // PolNeAR dev (Putin article): the annotators marked "who" as the source of "said"; the record names Ted Cruz.
  const s1 = "Trump was out-brutalizing Ted Cruz, who said he would only use waterboarding sparingly.";
  const cps = [...s1];
  const who = s1.indexOf("who");
  const said = s1.indexOf("said");
  const a: Attribution = { id: "E1", hasSource: true, source: [[who, who + 3]], cue: [[said, said + 4]], content: [[said + 5, s1.length - 1]], cueText: "said", sourceText: "who" };
  const cruz = s1.indexOf("Ted Cruz");
  const sentences: ScoredSentence[] = [{ start: 0, end: s1.length, text: s1, labels: labels({ name: "Ted Cruz", mention: "Ted Cruz" }, [cruz, cruz + 8], "said", [said, said + 4], null) }];
  const c = emptyCounts();
  const out = scoreArticle(cps, [a], sentences, c);
  t.is(c.found, 1);
  t.is(c.sourceOverlap, 1);
  t.is(c.sourceRelative, 1);
  t.is(c.sourceExact, 0);
  t.deepEqual([out[0]!.sourceOk, out[0]!.cueOk, out[0]!.cueScored, out[0]!.goldSources, out[0]!.goldCues], [true, true, true, "who", "said"]);
  // A mention that does not end right before the pronoun ("Trump") is not its antecedent.
  const c2 = emptyCounts();
  const other = [{ ...sentences[0]!, labels: labels({ name: "Donald Trump", mention: "Trump" }, [0, 5], "said", [said, said + 4], null) }];
  t.false(scoreArticle(cps, [a], other, c2)[0]!.sourceOk);
  t.is(c2.sourceRelative, 0);
});

maybe("benchmark guard: dev figures do not drop more than 0.01 below the committed report", async (t) => {
  const committed = JSON.parse(await readFile("bench/labels/polnear-dev.json", "utf8")) as { summary: { figures: { metric: string; value: number; guarded: boolean }[] } };
  const dir = await mkdtemp(join(tmpdir(), "polnear-"));
  try {
    const r = await polnear.run({ argv: ["--dir", join(CORPUS, "dev")], outDir: dir });
    const written = JSON.parse(await readFile(join(dir, "polnear-dev.json"), "utf8")) as { summary: unknown };
    t.deepEqual(written.summary, r);
    for (const f of committed.summary.figures.filter((x) => x.guarded)) {
      const now = r.figures.find((x) => x.metric === f.metric);
      t.truthy(now, f.metric);
      t.true(now!.value >= f.value - 0.01, `${f.metric}: ${now!.value} is more than 0.01 below the committed ${f.value}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
