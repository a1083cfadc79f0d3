// External predictions scored by `npm run eval -- --predictions NAME=FILE`,
// on the real seed dataset (data/train.jsonl, data/test.jsonl, data/gold/).
// The good file is written the way the README's pandas snippet writes one
// (DataFrame.to_json(orient="records", lines=True): compact objects, one a
// line); the broken ones each fail with one file:line line, exit 2, and
// nothing written.
import test from "ava";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main as evalMain } from "../../src/cli/eval.ts";
import { InputError } from "../../src/errors.ts";
import { cleanupTemp, runEvalCli, tempDir } from "./helpers.ts";

test.after.always(cleanupTemp);

interface Rec {
  id: string;
  text: string;
  stance: string;
  hedged: boolean;
  hedges: Array<{ type: string }>;
}
const records = (file: string): Rec[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Rec);
const testRecs = records("data/test.jsonl");
const trainRecs = records("data/train.jsonl");
const goldGids = records("data/gold/heldout.jsonl").map((g) => (g as unknown as { gid: string }).gid);

/** The README snippet's toy model, line for line as pandas writes it. */
function toyModel(recs: readonly Rec[]): string {
  return (
    recs
      .map((r) =>
        JSON.stringify({
          id: r.id,
          stance: "neutral",
          hedged: /\b(?:may|might|could|reportedly)\b/i.test(r.text),
          attributed: /\bsaid\b/.test(r.text) ? "named" : "none",
        }),
      )
      .join("\n") + "\n"
  );
}

function file(name: string, text: string): string {
  const dir = tempDir("claimstance-pred-");
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

const FAST = ["--data", "data", "--bootstrap", "50"];

test("a prediction file scores beside logreg and majority in metrics.json, Markdown and HTML, with the comparison table", async (t) => {
  const toy = file("toy.jsonl", toyModel(testRecs));
  // A second system: right on every hedged label of test, wrong stance on every fifth record.
  const oracle = file(
    "oracle.jsonl",
    testRecs.map((r, i) => JSON.stringify({ id: r.id, hedged: r.hedged, stance: i % 5 === 0 ? "support" : r.stance, hedge_type: [...new Set(r.hedges.map((h) => h.type))] })).join("\n"),
  );
  const [outA, outB] = [tempDir(), tempDir()];
  const args = (out: string) => [...FAST, "--out", out, "--predictions", `toy=${toy}`, "--predictions", `oracle=${oracle}`];
  const [a, b] = await Promise.all([runEvalCli(args(outA)), runEvalCli(args(outB))]);
  t.is(a.code, 0, a.stderr);
  t.is(b.code, 0, b.stderr);
  t.true(readFileSync(join(outA, "metrics.json")).equals(readFileSync(join(outB, "metrics.json"))), "metrics.json identical across runs");
  const m = JSON.parse(readFileSync(join(outA, "metrics.json"), "utf8"));
  t.deepEqual(
    m.data.predictions.map((p: { name: string; file: string }) => [p.name, p.file]),
    [
      ["toy", "toy.jsonl"],
      ["oracle", "oracle.jsonl"],
    ],
  );
  const hedged = m.tasks.hedged.test;
  t.deepEqual(Object.keys(hedged.models), ["logreg", "majority", "toy", "oracle"]);
  t.is(hedged.models.oracle.accuracy, 1);
  t.deepEqual(hedged.models.toy.coverage, { scored: testRecs.length, of: testRecs.length });
  t.truthy(hedged.models.toy.accuracy_ci95);
  const pairs = hedged.comparisons.map((c: { a: string; b: string }) => `${c.a} vs ${c.b}`);
  t.deepEqual(pairs, ["logreg vs majority", "logreg vs toy", "logreg vs oracle", "majority vs toy", "majority vs oracle", "toy vs oracle"]);
  const toyVsOracle = hedged.comparisons.at(-1);
  t.true(toyVsOracle.metrics[0].delta < 0);
  t.is(toyVsOracle.mcnemar.a_only, 0); // the oracle is never wrong
  // hedge_type only in the oracle file: the toy system is absent from that task, not an error.
  t.deepEqual(Object.keys(m.tasks.hedge_type.test.models), ["logreg", "majority", "oracle"]);
  // No gold predictions given: no external system on gold.
  t.false("toy" in m.tasks.stance.gold.models);

  const md = readFileSync(join(outA, "eval-report.md"), "utf8");
  const html = readFileSync(join(outA, "eval-report.html"), "utf8");
  t.true(md.includes(`| toy vs oracle | ${testRecs.length} | accuracy |`));
  t.regex(md, /\| A vs B \| n \| metric \| A \| B \| Δ = A − B \| 95% CI of Δ \| p \(paired bootstrap\) \| p \(McNemar exact\) \|/);
  t.true(html.includes("<td>toy vs oracle</td>"));
  t.true(html.includes("<td>oracle</td>"));
  t.regex(a.stdout, new RegExp(`hedged\\s+test\\s+oracle\\s+${testRecs.length}\\s+1\\.0000`));

  // predictions.jsonl: the built-in models' predictions, one line per system and item.
  const lines = readFileSync(join(outA, "predictions.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const logregTest = lines.filter((l) => l.system === "logreg" && l.set === "test");
  t.deepEqual(logregTest.map((l) => l.id), testRecs.map((r) => r.id));
  t.deepEqual(Object.keys(logregTest[0]), ["system", "set", "id", "stance", "hedged", "attributed", "hedge_type"]);
  t.is(typeof logregTest[0].hedged, "boolean");
  t.true(Array.isArray(logregTest[0].hedge_type));
  t.is(lines.filter((l) => l.system === "majority" && l.set === "gold").length, m.tasks.stance.gold.eligible);
});

test("gold gids are accepted beside test ids; --allow-partial scores the covered part and reports coverage", async (t) => {
  const half = testRecs.slice(0, 40).map((r) => JSON.stringify({ id: r.id, stance: r.stance }));
  const gold = goldGids.map((gid) => JSON.stringify({ id: gid, stance: "neutral" }));
  const f = file("partial.jsonl", [...half, ...gold].join("\n") + "\n");
  const out = tempDir();
  const strict = await runEvalCli([...FAST, "--out", out, "--task", "stance", "--predictions", `half=${f}`]);
  t.is(strict.code, 2);
  t.regex(strict.stderr, new RegExp(`partial\\.jsonl: ${testRecs.length - 40} of ${testRecs.length} test records have no stance prediction \\(first: ".+"\\); pass --allow-partial`));
  t.deepEqual(readdirSync(out), []);

  const ok = await runEvalCli([...FAST, "--out", out, "--task", "stance", "--allow-partial", "--predictions", `half=${f}`]);
  t.is(ok.code, 0, ok.stderr);
  const m = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8"));
  t.deepEqual(m.tasks.stance.test.models.half.coverage, { scored: 40, of: testRecs.length });
  t.is(m.tasks.stance.test.models.half.accuracy, 1);
  const vs = m.tasks.stance.test.comparisons.find((c: { a: string; b: string }) => c.a === "logreg" && c.b === "half");
  t.is(vs.n, 40); // compared on the items both systems cover
  const g = m.tasks.stance.gold.models.half;
  t.true(g.coverage.scored > 0 && g.coverage.scored <= goldGids.length, JSON.stringify(g.coverage));
  t.true(readFileSync(join(out, "eval-report.md"), "utf8").includes(`| half | 40 of ${testRecs.length} |`));
});

test("broken prediction files: one file:line error, exit 2, nothing written", async (t) => {
  const good = (i: number) => JSON.stringify({ id: testRecs[i]!.id, stance: "neutral" });
  const cases: Array<[string, string, RegExp]> = [
    ["malformed", [good(0), good(1), '{"id": "x", "stance": '].join("\n"), /malformed\.jsonl:3: invalid JSON/],
    ["unknown-id", [good(0), JSON.stringify({ id: "no-such-record", stance: "neutral" })].join("\n"), /unknown-id\.jsonl:2: unknown id "no-such-record"/],
    ["duplicate", [good(0), good(1), good(2), good(1)].join("\n"), /duplicate\.jsonl:4: duplicate id ".+" \(first on line 2\)/],
    ["bad-label", JSON.stringify({ id: testRecs[0]!.id, stance: "positive" }), /bad-label\.jsonl:1: stance: expected "support" \| "oppose" \| "neutral", got "positive"/],
    ["bad-bool", JSON.stringify({ id: testRecs[0]!.id, hedged: "yes" }), /bad-bool\.jsonl:1: hedged: expected true \| false/],
    ["bad-type", JSON.stringify({ id: testRecs[0]!.id, hedge_type: ["rumour"] }), /bad-type\.jsonl:1: hedge_type: expected an array of/],
    ["typo-field", JSON.stringify({ id: testRecs[0]!.id, stanse: "neutral" }), /typo-field\.jsonl:1: unknown field "stanse"/],
    ["train-id", JSON.stringify({ id: trainRecs[0]!.id, stance: "neutral" }), /train-id\.jsonl:1: id ".+" is a training record/],
    ["not-object", "[1, 2]", /not-object\.jsonl:1: expected a JSON object/],
  ];
  // The first case through the real CLI (exit 2, one line on stderr, no stack trace, nothing written); the
  // others in-process: an InputError (what runCli turns into that line and exit 2) and still nothing written.
  const [first, ...rest] = cases;
  const out0 = tempDir();
  const r = await runEvalCli([...FAST, "--out", out0, "--predictions", `sys=${file(`${first![0]}.jsonl`, first![1])}`]);
  t.is(r.code, 2, `${first![0]}: ${r.stderr}`);
  t.regex(r.stderr, first![2]);
  t.is(r.stderr.trim().split("\n").length, 1);
  t.false(r.stderr.includes("    at "));
  t.deepEqual(readdirSync(out0), [], "nothing written");
  for (const [name, text, message] of rest) {
    const out = tempDir();
    const err = await t.throwsAsync(evalMain([...FAST, "--out", out, "--predictions", `sys=${file(`${name}.jsonl`, text)}`]), { instanceOf: InputError }, name);
    t.regex(err?.message ?? "", message);
    t.false(err?.message.includes("\n"), `${name}: one line`);
    t.deepEqual(readdirSync(out), [], `${name}: nothing written`);
  }
  const flag = await runEvalCli([...FAST, "--out", tempDir(), "--predictions", "logreg=x.jsonl"]);
  t.is(flag.code, 2);
  t.regex(flag.stderr, /--predictions: the name "logreg" is taken/);
  const missing = await runEvalCli([...FAST, "--out", tempDir(), "--predictions", "a=/nonexistent/p.jsonl"]);
  t.regex(missing.stderr, /\/nonexistent\/p\.jsonl: no such file/);
  t.false(existsSync("x.jsonl"));
});
