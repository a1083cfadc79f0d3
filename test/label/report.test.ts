// Gold loading, scoring and the labeller report, on a tiny hand-computed case.
import test from "ava";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../../src/errors.ts";
import { loadGold, locateCue, makeGoldLookup, parseGold, type GoldItem } from "../../src/label/analysis/gold.ts";
import type { LabelledSentence, RuleVote } from "../../src/label/labels.ts";
import { buildLabellerReport, LfSummary } from "../../src/label/analysis/report.ts";
import { scoreAgainstGold } from "../../src/label/analysis/score.ts";
import type { SentenceLabels } from "../../src/schema.ts";
import { lexicons } from "./helpers.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/gold-small.jsonl", import.meta.url));

function labelled(p: Partial<SentenceLabels>, votes: RuleVote[] = []): LabelledSentence {
  const hedges = p.hedges ?? [];
  return {
    labels: { actor: null, cue: null, content: null, target: null, target_text: null, target_entity: null, stance: "neutral", rules: [], evidence: { actor: null, cue: null, target: null, stance: null }, ...p, hedges, hedged: hedges.length > 0 },
    votes,
  };
}
const person = (name: string) => ({ name, mention: name, type: "person" as const, affiliation: null });
function item(gid: string, text: string, p: Partial<GoldItem>): GoldItem {
  return { gid, source: "x.txt", text, context: [], actor: null, cue: null, target: null, stance: "neutral", hedges: [], note: null, at: "x", ...p };
}

// A: all right. B: actor wrong + extra hedge. C: stance wrong + missed hedge. D: one hedge right, one with the wrong span and type.
const A = item("A", "Trump said so, without elaborating.", {
  actor: { name: "Donald Trump", type: "person", affiliation: "United States" }, target: "security_guarantees", stance: "support",
  hedges: [{ cue: "without elaborating", type: "unsupported", start: 15, end: 34 }],
});
const B = item("B", "A possible deal was discussed.", { target: "peace_talks" });
const C = item("C", "Zelensky reportedly rejected it.", {
  actor: { name: "Volodymyr Zelensky", type: "person", affiliation: "Ukraine" }, target: "territory", stance: "oppose",
  hedges: [{ cue: "reportedly", type: "distancing", start: 9, end: 19 }],
});
const D = item("D", "It could happen; Moscow has yet to confirm.", {
  hedges: [{ cue: "could", type: "speculative", start: 3, end: 8 }, { cue: "has yet to confirm", type: "unconfirmed", start: 24, end: 42 }],
});
const got = new Map<string, LabelledSentence>([
  ["A", labelled({ actor: person("Donald Trump"), target: "security_guarantees", stance: "support", hedges: [{ cue: "without elaborating", type: "unsupported", start: 15, end: 34 }] }, [{ rule: "r.actor", field: "actor", value: "Donald Trump" }])],
  ["B", labelled({ actor: person("Vladimir Putin"), target: "peace_talks", hedges: [{ cue: "possible", type: "speculative", start: 2, end: 10 }] }, [{ rule: "r.actor", field: "actor", value: "Vladimir Putin" }])],
  ["C", labelled({ actor: person("Volodymyr Zelensky"), target: "territory", stance: "support" })],
  ["D", labelled({ hedges: [{ cue: "could", type: "speculative", start: 3, end: 8 }, { cue: "has yet", type: "speculative", start: 24, end: 31 }] })],
]);

test("gold metrics on a hand-computed case", (t) => {
  const s = scoreAgainstGold([A, B, C, D], (g) => got.get(g.gid)!);
  t.is(s.actorAccuracy, 0.75);
  t.is(s.targetStanceAccuracy, 0.75);
  t.deepEqual([s.stancePerClass.support.precision, s.stancePerClass.support.recall], [0.5, 1]);
  t.is(s.stancePerClass.oppose.f1, 0);
  t.is(s.stancePerClass.neutral.f1, 1);
  t.is(Math.round(s.stanceMacroF1 * 1e4) / 1e4, 0.5556);
  t.is(Math.round(s.stanceFavg * 1e4) / 1e4, 0.3333);
  t.deepEqual([s.hedgeSpan.tp, s.hedgeSpan.fp, s.hedgeSpan.fn, s.hedgeSpan.f1], [2, 2, 2, 0.5]);
  t.deepEqual([s.hedgeType.tp, s.hedgeType.fp, s.hedgeType.fn], [2, 1, 2]);
  t.is(Math.round(s.hedgeType.f1 * 1e4) / 1e4, 0.5714);
  t.deepEqual([s.hedgedSentence.tp, s.hedgedSentence.fp, s.hedgedSentence.fn], [2, 1, 1]);
  t.deepEqual(s.ruleAccuracy.get("r.actor"), { votes: 2, correct: 1 });
  t.deepEqual(s.errors.map((e) => [e.gid, Object.keys(e.wrong)]), [["B", ["actor", "hedges"]], ["C", ["stance", "hedges"]], ["D", ["hedges"]]]);
  t.deepEqual(s.errors[0]!.wrong.actor, { expected: null, got: "Vladimir Putin" });
});

test("LF summary: coverage, overlaps and conflicts are fractions of all sentences", (t) => {
  const v = (rule: string, value: string): RuleVote => ({ rule, field: "actor", value });
  const lf = new LfSummary();
  lf.add(labelled({}, [v("X", "a"), v("Y", "a")]));
  lf.add(labelled({}, [v("X", "a"), v("Y", "b")]));
  lf.add(labelled({}, [v("X", "a")]));
  lf.add(labelled({}));
  const report = buildLabellerReport({ lf });
  const rules = (report.json as { rules: { rule: string; coverage: number; overlaps: number; conflicts: number }[] }).rules;
  t.deepEqual(rules.map((r) => [r.rule, r.coverage, r.overlaps, r.conflicts]), [["X", 0.75, 0.5, 0.25], ["Y", 0.5, 0.5, 0.25]]);
  t.regex(report.headline[0]!, /^labeller: 4 sentences/);
});

test("the report is deterministic, rounded to 4 places, and lists gold errors", (t) => {
  const score = scoreAgainstGold([A, B, C, D], (g) => got.get(g.gid)!);
  const a = buildLabellerReport({ lf: [...got.values()], gold: score });
  const b = buildLabellerReport({ lf: [...got.values()], gold: score });
  t.is(JSON.stringify(a.json), JSON.stringify(b.json));
  t.is(a.markdown, b.markdown);
  t.regex(JSON.stringify(a.json), /"stance_macro_f1":0\.5556/);
  t.regex(a.markdown, /\*\*B\*\*.*\n {2}- actor: expected `null`, got `"Vladimir Putin"`/);
  t.is(a.headline.length, 3);
});

test("gold fixture: loads, locates cue spans, and scores through labelArticle", async (t) => {
  const gold = await loadGold(FIXTURE);
  t.is(gold.length, 4);
  t.deepEqual(gold[0]!.hedges[0], { cue: "without elaborating", type: "unsupported", start: 95, end: 114 });
  const lookup = makeGoldLookup([], await lexicons());
  const s = scoreAgainstGold(gold, lookup);
  t.is(s.isolated, 4);
  t.is(s.actorAccuracy, 1);
  t.is(s.targetStanceAccuracy, 1);
  t.is(s.hedgeType.f1, 1);
  t.deepEqual(s.errors, []);
});

test("gold lookup prefers the pipeline's sentence in its article context", async (t) => {
  const [first] = await loadGold(FIXTURE);
  const fake = labelled({ actor: person("Someone Else") });
  const lookup = makeGoldLookup([{ path: "000_f7d8e64bd84cb873.txt", text: first!.text, result: fake }], await lexicons());
  t.is(lookup(first!), fake);
  t.is(lookup.isolated.size, 0);
});

test("malformed gold lines are errors naming file:line", async (t) => {
  t.throws(() => parseGold("g.jsonl", '{"gid":"a"}\n'), { instanceOf: InputError, message: /^g\.jsonl:1: source: / });
  t.throws(() => parseGold("g.jsonl", "\n{nope\n"), { message: "g.jsonl:2: not valid JSON" });
  const ok = { gid: "a", source: "s", text: "It may rain.", actor: null, cue: null, target: null, stance: "support", hedges: [] };
  t.throws(() => parseGold("g.jsonl", JSON.stringify(ok)), { message: /g\.jsonl:1: stance must be neutral when target and target_text are null/ });
  const badCue = { ...ok, stance: "neutral", hedges: [{ cue: "might", type: "speculative" }] };
  t.throws(() => parseGold("g.jsonl", JSON.stringify(badCue)), { message: 'g.jsonl:1: hedges.0: cue "might" not found in text' });
  const dir = await mkdtemp(join(tmpdir(), "claimstance-gold-"));
  try {
    const line = JSON.stringify({ ...ok, stance: "neutral" });
    await writeFile(join(dir, "a.jsonl"), line + "\n");
    await writeFile(join(dir, "b.jsonl"), "\n" + line + "\n");
    await t.throwsAsync(loadGold(dir), { message: /b\.jsonl:2: duplicate gid "a" \(first at .*a\.jsonl:1\)/ });
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("locateCue: word boundaries, case-insensitive, explicit start for repeated cues", (t) => {
  t.deepEqual(locateCue("The mayor may go.", "may"), { start: 10, end: 13 });
  t.deepEqual(locateCue("It could, and could again.", "could", 14), { start: 14, end: 19 });
  t.is(locateCue("It could.", "could", 0), null);
  t.deepEqual(locateCue("“Possibly” 😀 possibly", "possibly", 13), { start: 13, end: 21 });
});
