// Tasks beyond stance (attributed, hedge_type) and degenerate tasks, on
// copies of the real seed splits (data/train.jsonl, data/test.jsonl) with
// labels changed where a case needs it.
import test from "ava";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setDegenerate, trainDegenerate } from "../../src/eval/degenerate.ts";
import { cleanupTemp, runEvalCli, tempDir } from "./helpers.ts";

test.after.always(cleanupTemp);

type Rec = Record<string, unknown> & { actor: { type: string } | null; stance: string; target: string | null };
const read = (f: string): Rec[] =>
  readFileSync(f, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Rec);

/** A copy of the seed splits (and gold unless `gold` is false) with `edit` applied to every record. */
function seedCopy(edit: (r: Rec, i: number, split: "train" | "test") => Rec, gold = true): string {
  const dir = tempDir("claimstance-tasks-");
  for (const split of ["train", "test"] as const)
    writeFileSync(join(dir, `${split}.jsonl`), read(`data/${split}.jsonl`).map((r, i) => JSON.stringify(edit(r, i, split))).join("\n") + "\n");
  if (gold) {
    mkdirSync(join(dir, "gold"));
    writeFileSync(join(dir, "gold", "seeds.jsonl"), readFileSync("data/gold/seeds.jsonl"));
  }
  return dir;
}

const neutral = (r: Rec): Rec => ({ ...r, stance: "neutral" });
/** Records in the committed seed split (the counts the not-scored messages give). */
const lineCount = (path: string) => readFileSync(path, "utf8").trim().split("\n").length;
const TRAIN_N = lineCount("data/train.jsonl");
const TEST_N = lineCount("data/test.jsonl");

test("every stance neutral: stance is 'not scored' with its class counts, exit 0, never a score; other tasks still scored", async (t) => {
  const data = seedCopy(neutral);
  const out = tempDir();
  const r = await runEvalCli(["--data", data, "--out", out, "--bootstrap", "50"]);
  t.is(r.code, 0, r.stderr);
  const m = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8"));
  const s = m.tasks.stance;
  t.is(s.not_scored, `not scored: train has 1 class with at least 5 items, a task needs 2 (train: support 0, oppose 0, neutral ${TRAIN_N})`);
  t.deepEqual([s.test, s.gold, s.fit, s.majority_label], [null, null, null, null]);
  t.is(m.tasks.hedged.not_scored, null);
  t.truthy(m.tasks.hedged.test.models.logreg);
  t.regex(r.stdout, /stance: not scored: train has 1 class/);
  t.notRegex(r.stdout, /^stance\s+test/m);
  const md = readFileSync(join(out, "eval-report.md"), "utf8");
  t.regex(md, /## Task: stance\n\n\*\*not scored: train has 1 class/);
  t.regex(readFileSync(join(out, "eval-report.html"), "utf8"), /<h2>Task: stance<\/h2>\n<p><b>not scored: train has 1 class/);
  t.false(readFileSync(join(out, "predictions.jsonl"), "utf8").includes('"stance"'));
});

test("a neutral-only test split: the test set is not scored, gold still is", async (t) => {
  const data = seedCopy((r, _i, split) => (split === "test" ? neutral(r) : r));
  const out = tempDir();
  const r = await runEvalCli(["--data", data, "--out", out, "--task", "stance", "--bootstrap", "50"]);
  t.is(r.code, 0, r.stderr);
  const s = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8")).tasks.stance;
  t.is(s.test.not_scored, `not scored: the test set has one class (test: support 0, oppose 0, neutral ${TEST_N})`);
  t.deepEqual(s.test.models, {});
  t.is(s.gold.not_scored, null);
  t.truthy(s.gold.models.logreg);
  t.regex(r.stdout, /stance test: not scored: the test set has one class/);
});

test("attributed has three classes (none, named, unnamed) and hedge_type is multi-label, with a baseline for each", async (t) => {
  // Every third attributed record made unnamed: the class the attribution branch adds.
  const data = seedCopy((r, i) => (r.actor && i % 3 === 0 ? { ...r, actor: { ...r.actor, type: "unnamed" } } : r), false);
  const out = tempDir();
  const r = await runEvalCli(["--data", data, "--out", out, "--task", "attributed,hedge_type", "--bootstrap", "50"]);
  t.is(r.code, 0, r.stderr);
  const m = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8"));
  t.deepEqual(Object.keys(m.tasks), ["attributed", "hedge_type"]);
  const a = m.tasks.attributed;
  t.deepEqual(a.labels, ["none", "named", "unnamed"]);
  t.true(m.label_distribution.attributed.train.unnamed >= 5);
  t.is(a.test.models.logreg.confusion.length, 3);
  t.true(a.test.models.logreg.macro_f1 > a.test.models.majority.macro_f1);
  const h = m.tasks.hedge_type;
  t.deepEqual(h.labels, ["unsupported", "unconfirmed", "distancing", "vague", "speculative"]);
  t.deepEqual(Object.keys(h.test.models.logreg.per_class), h.labels);
  t.is(typeof h.test.models.logreg.micro_f1, "number");
  t.is(h.test.models.logreg.confusion, undefined);
  t.true(h.fit.length >= 3); // one binary fit per type with enough of both classes in train
  t.true(m.label_distribution.hedge_type.train["(none)"] > 0);
  t.regex(readFileSync(join(out, "eval-report.md"), "utf8"), /\| model \| n \| exact-match accuracy \[95% CI\] \| micro-F1 \[95% CI\] \| macro-F1 \[95% CI\] \|/);
});

test("where the degenerate line is drawn", (t) => {
  t.is(trainDegenerate("stance", { support: 5, oppose: 0, neutral: 295 }, 300), null);
  t.regex(trainDegenerate("stance", { support: 4, oppose: 4, neutral: 292 }, 300)!, /train has 1 class with at least 5 items/);
  t.is(trainDegenerate("hedge_type", { unsupported: 0, unconfirmed: 0, distancing: 0, vague: 0, speculative: 5, "(none)": 295 }, 300), null);
  t.regex(trainDegenerate("hedge_type", { unsupported: 4, unconfirmed: 0, distancing: 0, vague: 0, speculative: 0, "(none)": 296 }, 300)!, /no hedge type/);
  t.is(setDegenerate("stance", "test", { support: 1, oppose: 0, neutral: 72 }, 73), null); // rare but present: scored, support shown
  t.regex(setDegenerate("stance", "gold", { support: 0, oppose: 0, neutral: 0 }, 0)!, /the gold set is empty/);
  t.regex(setDegenerate("hedge_type", "test", { speculative: 0, "(none)": 73 }, 73)!, /no test item has a hedge type/);
});

test("an empty test split is a degenerate set: not scored, exit 0", async (t) => {
  const data = seedCopy((r) => r, false);
  writeFileSync(join(data, "test.jsonl"), "");
  const out = tempDir();
  const r = await runEvalCli(["--data", data, "--out", out, "--task", "stance,hedged", "--bootstrap", "20"]);
  t.is(r.code, 0, r.stderr);
  const m = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8"));
  t.is(m.tasks.stance.test.not_scored, "not scored: the test set is empty");
  t.is(m.tasks.hedged.test.not_scored, "not scored: the test set is empty");
  t.is(m.data.test.records, 0);
});
