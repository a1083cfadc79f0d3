// The AllSides benchmark (src/eval/benchmarks/allsides/): its figures on
// hand-computed items, the gold and groups readers, and — when
// ../shared/corpora is present — a real article read by id from the gzipped
// corpus and a small run of the benchmark itself.
import { FULL_PIPELINE } from "../../src/label/pipeline.ts";
import test from "ava";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../../src/errors.ts";
import { allsides } from "../../src/eval/benchmarks/allsides/index.ts";
import { parseAllSidesGold, parseAllSidesSource, parseOutletGroups, readArticlesById } from "../../src/eval/benchmarks/allsides/corpus.ts";
import { figuresOf, leaveOneGroupOut, sameEntity, scoreAllSides } from "../../src/eval/benchmarks/allsides/score.ts";
import { labelDoc } from "../../src/eval/benchmarks/gold-articles.ts";
import { labelsPage } from "../../src/eval/labels-page.ts";
import { loadLexicons, type GoldItem, type LabelledSentence } from "../../src/label/index.ts";
import { cleanupTemp, tempDir } from "./helpers.ts";
import { allsidesSubsetOf } from "../helpers/allsides.ts";

test.after.always(cleanupTemp);

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const corpusTest = existsSync(join(CORPORA, "allsides/articles.jsonl.gz")) ? test : test.skip;

const ANNOTATED = ["actor", "cue", "stance", "target_text", "target_entity", "hedges"];
type Row = { gid: string; text: string; actor: { name: string; type: string } | null; stance: string; target_text?: string | null; hedges: { cue: string; type: string }[] };
const line = (r: Row, outlet = "Outlet A") =>
  JSON.stringify({ gid: r.gid, source: "allsides/articles.jsonl.gz:id X1", outlet, text: r.text, context: [], actor: r.actor && { ...r.actor, affiliation: null },
    cue: r.actor ? "said" : null, target: null, target_text: r.target_text ?? null, target_entity: null, stance: r.stance, hedges: r.hedges, annotated: ANNOTATED, note: null });

// Four items, each figure computed by hand below.
const ROWS: Row[] = [
  { gid: "a", text: "Doggett said it will probably fail.", actor: { name: "Lloyd Doggett", type: "person" }, stance: "neutral", hedges: [{ cue: "probably", type: "speculative" }] },
  { gid: "b", text: "Neal demanded access to six years of tax returns.", actor: { name: "Richard Neal", type: "person" }, stance: "support", target_text: "access to six years of tax returns", hedges: [] },
  { gid: "c", text: "The outrage suggests he could lose.", actor: null, stance: "neutral", hedges: [{ cue: "suggests", type: "speculative" }, { cue: "could", type: "speculative" }] },
  { gid: "d", text: "Officials said they oppose the bill.", actor: { name: "officials", type: "unnamed" }, stance: "oppose", target_text: "the bill", hedges: [{ cue: "Officials said", type: "vague" }] },
];
const items = (): GoldItem[] => parseAllSidesGold("hand.jsonl", ROWS.map((r) => line(r)).join("\n") + "\n").items;

const labelled = (l: { actor?: [string, string]; stance?: string; target_text?: string; hedges?: [string, number, number][] }): LabelledSentence =>
  ({
    labels: {
      actor: l.actor ? { name: l.actor[0], mention: l.actor[0], type: l.actor[1], affiliation: null } : null,
      cue: null, content: null, target: null, target_text: l.target_text ?? null, target_entity: null, stance: l.stance ?? "neutral",
      hedges: (l.hedges ?? []).map(([type, start, end]) => ({ cue: "x", type, start, end })), hedged: (l.hedges ?? []).length > 0, rules: [], evidence: [],
    },
    votes: [],
  }) as unknown as LabelledSentence;

const OUTPUT: Record<string, LabelledSentence> = {
  a: labelled({ actor: ["Lloyd Doggett", "person"], hedges: [["speculative", 22, 30]] }),
  // Surname only (a name miss), typed organization (a type disagreement); same target head "access".
  b: labelled({ actor: ["Neal", "organization"], stance: "support", target_text: "access to tax returns" }),
  // An invented actor and position, both hedges missed.
  c: labelled({ actor: ["Outrage", "organization"], stance: "oppose", target_text: "he" }),
  // The unnamed source missed, its vague hedge found.
  d: labelled({ stance: "oppose", target_text: "the bill", hedges: [["vague", 0, 14]] }),
};
const lookup = (g: GoldItem) => OUTPUT[g.gid]!;

test.serial("npm run benchmark skips allsides when ../shared/corpora is not there (and runs it when it is)", (t) => {
  const here = process.cwd();
  const root = tempDir("claimstance-allsides-skip-");
  const repo = join(root, "repo");
  mkdirSync(join(repo, "data/gold/allsides"), { recursive: true });
  writeFileSync(join(repo, "data/gold/allsides/allsides-heldout.jsonl"), "");
  try {
    process.chdir(repo); // no ../shared/corpora beside it
    t.is(allsides.defaultArgv(), null);
  } finally {
    process.chdir(here);
  }
  t.deepEqual(allsides.defaultArgv(), existsSync("../shared/corpora/allsides/articles.jsonl.gz") ? [] : null);
});

test("the AllSides figures on four hand-computed items", (t) => {
  const s = scoreAllSides(items(), lookup);
  const fig = Object.fromEntries(figuresOf(s).map((f) => [f.metric, f]));
  t.is(fig.actor_accuracy!.value, 1 / 4); // only a
  t.deepEqual([fig.actor_type_agreement!.value, fig.actor_type_agreement!.records], [1 / 2, 2]); // a and b have both; b's types differ
  t.deepEqual([s.attributed.tp, s.attributed.fp, s.attributed.fn], [2, 1, 1]); // a b | c | d
  t.is(fig.attributed_precision!.value, 2 / 3);
  t.is(fig.attributed_recall!.value, 2 / 3);
  t.is(fig.stance_accuracy!.value, 3 / 4); // c wrong
  t.is(fig.support_f1!.value, 1);
  t.is(fig.oppose_f1!.value, 2 / 3); // P 1/2 (c), R 1
  t.deepEqual([fig.target_text_head!.value, fig.target_text_head!.records], [1, 2]); // b, d
  t.deepEqual([s.hedged.tp, s.hedged.fp, s.hedged.fn], [2, 0, 1]);
  t.is(fig.hedged_f1!.value, 0.8);
  t.is(fig.hedged_precision!.value, 1);
  t.is(fig.hedged_recall!.value, 2 / 3);
  t.is(fig.hedge_type_f1!.value, 0.8); // type sets: a {spec} ok, c {spec} missed, d {vague} ok
  t.deepEqual([s.byHedgeType.speculative.tp, s.byHedgeType.speculative.fn, s.byHedgeType.vague.tp, s.byHedgeType.unsupported.tp + s.byHedgeType.unsupported.fp], [1, 1, 1, 0]);
  // Guarded (on the held-out file): all but hedged precision and recall (hedged F1 is).
  t.deepEqual(figuresOf(s).filter((f) => !f.guarded).map((f) => f.metric), ["hedged_precision", "hedged_recall"]);
});

test("leave one outlet group out: each group alone, mean over the scored groups, the worst group; a class absent from a group is not scored there", (t) => {
  const [a, b, c, d] = items();
  const { summary } = leaveOneGroupOut(new Map([["1", [a!, b!]], ["2", [c!, d!]]]), lookup);
  const row = Object.fromEntries(summary.map((s) => [s.metric, s]));
  t.deepEqual(row.actor_accuracy!.byGroup, { "1": 1 / 2, "2": 0 });
  t.is(row.actor_accuracy!.mean, 1 / 4);
  t.deepEqual(row.actor_accuracy!.worst, { group: "2", value: 0 });
  // Group 2 has no gold support item: its support F1 is null, not 0.
  t.deepEqual(row.support_f1!.byGroup, { "1": 1, "2": null });
  t.is(row.support_f1!.mean, 1);
  t.deepEqual(row.support_f1!.worst, { group: "1", value: 1 });
  // b alone: no gold oppose and no hedged item → those figures are not scored.
  const onlyB = figuresOf(scoreAllSides([b!], lookup));
  t.deepEqual(onlyB.filter((f) => f.value === null).map((f) => f.metric), ["oppose_f1", "hedged_f1", "hedged_precision", "hedged_recall", "hedge_type_f1"]);
  t.regex(onlyB.find((f) => f.metric === "hedged_f1")!.why!, /^not scored: no gold item is hedged$/);
});

test("AllSides gold: the outlet key is kept per gid and the rest read by the gold loader; a missing outlet names file and line", (t) => {
  const g = parseAllSidesGold("x.jsonl", line(ROWS[0]!, "Boston Herald Editorial") + "\n\n" + line(ROWS[1]!) + "\n");
  t.deepEqual([...g.outlet], [["a", "Boston Herald Editorial"], ["b", "Outlet A"]]);
  t.is(g.items[1]!.at, "x.jsonl:3");
  t.deepEqual(g.items[1]!.annotated, new Set(ANNOTATED));
  const noOutlet = JSON.stringify({ ...JSON.parse(line(ROWS[0]!)), outlet: undefined });
  t.throws(() => parseAllSidesGold("x.jsonl", line(ROWS[1]!) + "\n" + noOutlet), { instanceOf: InputError, message: "x.jsonl:2: outlet: expected the article's outlet (a string)" });
  // Any other fault is the gold loader's own message, same line.
  t.throws(() => parseAllSidesGold("x.jsonl", line({ ...ROWS[0]!, stance: "maybe" })), { instanceOf: InputError, message: /^x\.jsonl:1: stance: / });
  t.deepEqual(parseAllSidesSource("allsides/articles.jsonl.gz:id Zxeqtz92JvDPlB2l"), { file: "allsides/articles.jsonl.gz", id: "Zxeqtz92JvDPlB2l" });
  t.is(parseAllSidesSource("bbc_news/politics/001.txt"), null);
});

test("outlet groups: outlet → group; an outlet in two groups is a one-line error", (t) => {
  t.deepEqual([...parseOutletGroups("g.json", JSON.stringify({ groups: { "2": ["B"], "1": ["A", "C"] } }))], [["A", "1"], ["C", "1"], ["B", "2"]]);
  t.throws(() => parseOutletGroups("g.json", JSON.stringify({ groups: { "1": ["A"], "2": ["A"] } })), { instanceOf: InputError, message: 'g.json: outlet "A" is in groups 1 and 2' });
  const real = parseOutletGroups("g", readFileSync("data/gold/allsides/allsides-outlet-groups.json", "utf8"));
  t.deepEqual([...new Set(real.values())].sort(), ["1", "2", "3", "4", "5"]);
});

corpusTest("a real AllSides article read by id from the gzipped corpus: the gold text is one of its sentences, after its context", async (t) => {
  const g = parseAllSidesGold("tune", readFileSync("data/gold/allsides/allsides-tune.jsonl", "utf8")).items.find((x) => x.context.length > 0)!;
  const { file, id } = parseAllSidesSource(g.source)!;
  const docs = await readArticlesById(join(CORPORA, file), new Set([id, "no-such-id"]));
  t.deepEqual([...docs.keys()], [id]);
  const doc = docs.get(id)!;
  t.is(doc.kind, "jsonl");
  t.regex(doc.path, /^articles\.jsonl\.gz:\d+$/);
  const labelledDoc = labelDoc(doc, await loadLexicons(), FULL_PIPELINE);
  const at = labelledDoc.texts.indexOf(g.text);
  t.true(at > 0);
  for (const c of g.context) t.true(labelledDoc.texts.indexOf(c) >= 0 && labelledDoc.texts.indexOf(c) < at);
});

corpusTest("the benchmark scores both files separately, guards only the held-out one, and counts an item whose text its article does not produce", async (t) => {
  const tune = readFileSync("data/gold/allsides/allsides-tune.jsonl", "utf8").split("\n")[0]!;
  const row = JSON.parse(tune) as Record<string, unknown> & { text: string; gid: string };
  const dir = tempDir("claimstance-allsides-");
  // Held-out: the same sentence, and its first half (not a sentence of the article: falls back to context, counted).
  const cut = { ...row, gid: "cut", text: row.text.slice(0, row.text.indexOf(",")) + "." };
  writeFileSync(join(dir, "allsides-tune.jsonl"), tune + "\n");
  writeFileSync(join(dir, "allsides-heldout.jsonl"), JSON.stringify({ ...row, gid: "same" }) + "\n" + JSON.stringify(cut) + "\n");
  writeFileSync(join(dir, "allsides-outlet-groups.json"), JSON.stringify({ groups: { "1": [row.outlet] } }));
  const out = tempDir("claimstance-allsides-out-");
  // The corpus's line of the item's article (test/helpers/allsides.ts), in a folder laid out as ../shared/corpora.
  const subset = await allsidesSubsetOf([parseAllSidesSource(String(row.source))!.id]);
  const r = await allsides.run({ argv: ["--gold", dir, "--corpora", dirname(dirname(subset!))], outDir: out });
  const json = JSON.parse(readFileSync(join(out, "allsides.json"), "utf8"));
  t.deepEqual(json.files["allsides-heldout.jsonl"].fallback, { missing: [], not_found: ["cut"] });
  t.deepEqual(json.files["allsides-tune.jsonl"].fallback, { missing: [], not_found: [] });
  t.deepEqual(json.summary, JSON.parse(JSON.stringify(r)));
  const actor = (split: string) => r.figures.find((f) => f.metric === "actor_accuracy" && f.split === split)!;
  t.false(actor("allsides-tune.jsonl").guarded);
  t.true(actor("allsides-heldout.jsonl").guarded);
  t.is(actor("allsides-heldout.jsonl").records, 2);
  // One neutral item in the tuning file: no support gold item, so its support F1 is not scored, not 0.
  t.true(r.notScored!.some((f) => f.metric === "support_f1" && f.split === "allsides-tune.jsonl"));
  const md = readFileSync(join(out, "allsides.md"), "utf8");
  t.regex(md, /\| items \/ fell back \(missing \/ text not found\) \| 1 \/ 0 \(0 \/ 0\) \| 2 \/ 1 \(0 \/ 1\) \|/);
  t.regex(md, /## Leave one outlet group out/);
  // The label-quality page shows the benchmark's own section under its table.
  t.regex(labelsPage([r], [], join(out, "..", "labels.md")), /\n## AllSides gold \(issue 19\)\n[^]*\| figure \| tune \| held-out \|/);
});

test("the same-entity actor match: case, 'the', middle initials; a surname or a party's members only when the article lacks gold's name", (t) => {
  t.true(sameEntity(null, null, null));
  t.false(sameEntity("Gordon Sondland", null, null));
  t.false(sameEntity(null, "Sondland", null));
  t.true(sameEntity("Rutherford Institute", "The Rutherford Institute", "x"));
  t.true(sameEntity("Intelligence agencies", "intelligence agencies", "x"));
  t.true(sameEntity("Anthony Elonis", "Anthony D. Elonis", "Anthony D. Elonis was convicted."));
  t.true(sameEntity("John E. Jones III", "John Jones", "x"));
  // The article names only "Sondland": the surname is its form of the entity.
  t.true(sameEntity("Gordon Sondland", "Sondland", "Sondland said he communicated …"));
  // The article gives "Bill de Blasio": a surname alone is a wrong name, as strictly.
  t.false(sameEntity("Bill de Blasio", "Blasio", "Mayor Bill de Blasio said …"));
  t.false(sameEntity("Gordon Sondland", "Gordon", "Sondland said …"));
  t.true(sameEntity("Democratic Party", "Democrats", "Democrats criticized Mrs. Capito."));
  t.false(sameEntity("Democratic Party", "Democrats", "The Democratic Party said …"));
  t.false(sameEntity("Shelley Moore Capito", "Republican Shelley Moore Capito", "x"));
  t.false(sameEntity("Mitch McConnell", "Barack Obama", "x"));
});
