import test from "ava";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanupTemp, goldLine, jsonl, runEvalCli, tempDir, toySpecs, writeDataset } from "./helpers.ts";


const run = (args: string[]) => runEvalCli(args);

const tmp = () => tempDir("claimstance-eval-out-");
test.after.always(cleanupTemp);
const train = toySpecs(120);
// The first test sentence shares no 3-shingle with the templated train sentences.
const testSet = [{ text: "Moscow dismissed the Western security guarantees plan outright.", stance: "oppose" as const, hedged: false }, ...toySpecs(39, 1000)];
const gold = [
  goldLine("g-exact", train[3]!.text, train[3]!.stance, train[3]!.hedged),
  goldLine("g-near", train[5]!.text.replace("(item 5)", "(item five)"), train[5]!.stance, train[5]!.hedged),
  goldLine("g-test", testSet[0]!.text, "oppose", false),
  goldLine("g-new-1", "Zelensky rejected the proposals of a buffer zone.", "oppose", false),
  goldLine("g-new-2", "Analysts say the ceasefire could reportedly collapse.", "neutral", true),
];

test("end to end: two runs give byte-identical metrics.json; reports written atomically", async (t) => {
  const data = writeDataset(train, testSet, gold);
  const [outA, outB] = [tmp(), tmp()];
  const [a, b] = await Promise.all([run(["--data", data, "--out", outA]), run(["--data", data, "--out", outB])]);
  t.is(a.code, 0, a.stderr);
  t.is(b.code, 0, b.stderr);
  for (const f of ["metrics.json", "eval-report.md", "eval-report.html", "predictions.jsonl"])
    t.true(readFileSync(join(outA, f)).equals(readFileSync(join(outB, f))), `${f} differs between runs`);
  t.deepEqual(readdirSync(outA).sort(), ["eval-report.html", "eval-report.md", "metrics.json", "predictions.jsonl"]); // no temp files left

  const m = JSON.parse(readFileSync(join(outA, "metrics.json"), "utf8"));
  t.deepEqual(Object.keys(m), ["format", "seed", "data", "params", "label_distribution", "tasks"]);
  const sha = createHash("sha256").update(readFileSync(join(data, "train.jsonl"))).digest("hex");
  t.is(m.data.train.sha256, sha);
  t.is(m.seed, 13);
  t.is(m.params.classifier.l2, 1);
  t.is(m.params.features.min_count, 2);
  const text = readFileSync(join(outA, "metrics.json"), "utf8");
  t.false(/\d\.\d{5,}/.test(text), "numbers are rounded to 4 places");
  t.false(/"(time|seconds|date)/i.test(text));

  const stance = m.tasks.stance;
  t.true(stance.test.models.logreg.macro_f1 > stance.test.models.majority.macro_f1);
  t.deepEqual([stance.gold.items, stance.gold.in_train, stance.gold.near_duplicate_of_train, stance.gold.eligible], [5, 1, 1, 3]);
  t.is(stance.gold.models.logreg.n, 3);
  t.is(stance.gold.models.rule_labeller.n, 1); // only g-test is both scored and a dataset sentence
  t.is(stance.gold.rule_labeller_all_gold.n, 2); // g-exact and g-test
  t.is(stance.gold.models.rule_labeller.accuracy, 1); // silver "oppose" for testSet[0] = gold "oppose"
  t.deepEqual(Object.keys(m.tasks), ["stance", "hedged", "attributed", "hedge_type"]);

  t.regex(a.stdout, /task\s+set\s+model\s+n\s+accuracy\s+macro-F1/);
  t.regex(a.stdout, /stance\s+gold\s+logreg\s+3/);
  const html = readFileSync(join(outA, "eval-report.html"), "utf8");
  t.true(html.includes("<svg"));
  t.false(/(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html), "no network assets");
  t.true(readFileSync(join(outA, "eval-report.md"), "utf8").includes("| model | n | accuracy [95% CI] | macro-F1 [95% CI] | F_avg |"));
});

test("a bad JSONL line is a one-line file:line error with exit code 2", async (t) => {
  const data = writeDataset(train, testSet);
  const lines = readFileSync(join(data, "train.jsonl"), "utf8").split("\n");
  lines[2] = lines[2]!.slice(0, 40); // truncated JSON on line 3
  writeFileSync(join(data, "train.jsonl"), lines.join("\n"));
  const r = await run(["--data", data, "--out", tmp()]);
  t.is(r.code, 2);
  t.regex(r.stderr, /train\.jsonl:3: invalid JSON/);
  t.is(r.stderr.trim().split("\n").length, 1);
  t.false(r.stderr.includes("    at "));

  const data2 = writeDataset(train, testSet);
  const bad = JSON.parse(jsonl(testSet.slice(1, 2), "test"));
  bad.hedged = !bad.hedged;
  const testLines = readFileSync(join(data2, "test.jsonl"), "utf8").split("\n");
  testLines[1] = JSON.stringify(bad);
  writeFileSync(join(data2, "test.jsonl"), testLines.join("\n"));
  const out = tmp();
  const r2 = await run(["--data", data2, "--out", out]);
  t.is(r2.code, 2);
  t.regex(r2.stderr, /test\.jsonl:2: hedged must equal hedges\.length > 0/);
  t.deepEqual(readdirSync(out), []); // nothing written
});

test("missing data, bad flags and an unknown flag exit 2 with one line", async (t) => {
  const cases = [
    [["--data", join(tmpdir(), "claimstance-no-such-dir")], /train\.jsonl: no such file/],
    [["--task", "sentiment"], /--task: expected a comma list of stance \| hedged \| attributed \| hedge_type/],
    [["--l2=-1"], /--l2: expected a non-negative number/],
    [["--max-iter", "0"], /--max-iter: expected an integer ≥ 1/],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
  ] as const;
  const results = await Promise.all(cases.map(([args]) => run([...args, "--out", tmp()])));
  results.forEach((r, i) => {
    t.is(r.code, 2, `case ${i}: ${r.stderr}`);
    t.regex(r.stderr, cases[i]![1]);
    t.is(r.stderr.trim().split("\n").length, 1);
  });
});

test("--help documents every flag; --task stance and a missing gold folder are honoured", async (t) => {
  const help = await run(["--help"]);
  t.is(help.code, 0);
  for (const flag of ["--data", "--gold", "--out", "--task", "--seed", "--min-count", "--max-features", "--l2", "--max-iter", "--tol", "--multi-class", "--classifier", "--bootstrap", "--help"])
    t.true(help.stdout.includes(flag), flag);

  const data = writeDataset(train, testSet);
  const out = tmp();
  const r = await run(["--data", data, "--out", out, "--task", "stance", "--seed", "7", "--bootstrap", "200"]);
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, /no gold/);
  const m = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8"));
  t.deepEqual(Object.keys(m.tasks), ["stance"]);
  t.is(m.tasks.stance.gold, null);
  t.is(m.data.gold, null);
  t.is(m.params.bootstrap.seed, 7);
  t.is(m.params.bootstrap.resamples, 200);
});
