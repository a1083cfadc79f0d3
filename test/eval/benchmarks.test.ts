// The gold benchmark, the label-quality page and the CI guard on committed
// benchmark figures, on the real in-repo gold and seeds.
import test from "ava";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guardFailures, TOLERANCE } from "../../src/eval/bench-guard.ts";
import { gold, stanceNotScored } from "../../src/eval/benchmarks/gold.ts";
import { loadGold } from "../../src/label/index.ts";
import type { BenchmarkResult } from "../../src/eval/benchmarks/registry.ts";
import { labelsPage } from "../../src/eval/labels-page.ts";
import { parseLeading } from "../../src/cli/benchmark.ts";
import { cleanupTemp, tempDir } from "./helpers.ts";
import { entryArgv } from "../helpers/cli.ts";

test.after.always(cleanupTemp);

// One run of the gold benchmark (the labeller over data/gold), read by the two tests that need its figures.
const goldOut = tempDir("claimstance-bench-");
let goldRun: ReturnType<typeof gold.run> | null = null;
const goldResult = () => (goldRun ??= gold.run({ argv: [], outDir: goldOut }));

test("gold benchmark: per-file context-only figures are the labeller report's by-file rows; report JSON carries the summary", async (t) => {
  const out = goldOut;
  const r = await goldResult();
  const report = JSON.parse(readFileSync("data/labeller-report.json", "utf8")) as { gold: { by_file: Record<string, { items: number; actor_accuracy: number; target_stance_accuracy: number; hedge_type_f1: number }> } };
  const byFile = report.gold.by_file;
  t.deepEqual(r.split, Object.keys(byFile).sort().join(", "));
  for (const [file, row] of Object.entries(byFile)) {
    const fig = (metric: string) => r.figures.find((f) => f.split === file && f.metric === `${metric} (context only)`);
    t.is(fig("actor accuracy")!.value, row.actor_accuracy);
    // A field the file does not annotate (stance-news*.jsonl: hedges, topics) has no figure.
    t.is(fig("target+stance accuracy")?.value ?? null, row.target_stance_accuracy);
    t.is(fig("hedge type F1")?.value ?? null, row.hedge_type_f1);
    t.is(fig("actor accuracy")!.records, row.items);
    t.true(fig("actor accuracy")!.guarded);
  }
  const json = JSON.parse(readFileSync(join(out, "gold.json"), "utf8"));
  t.deepEqual(json.summary, JSON.parse(JSON.stringify(r)));
  t.is(r.command, "npm run benchmark -- gold");
  t.regex(readFileSync(join(out, "gold.md"), "utf8"), /\| heldout\.jsonl \| 70 \|/);
  // heldout.jsonl is all neutral: its stance macro-F1 is listed as not scored, not as a figure.
  t.false(r.figures.some((f) => f.split === "heldout.jsonl" && f.metric.startsWith("stance macro-F1")));
  // (in article too when ../shared/corpora is present)
  t.true(r.notScored!.every((f) => f.split === "heldout.jsonl" && f.metric.startsWith("stance macro-F1") && f.reason.startsWith("not scored: ")));
  t.true(r.notScored!.some((f) => f.metric === "stance macro-F1 (context only)"));
  t.regex(readFileSync(join(out, "gold.md"), "utf8"), /\| heldout\.jsonl \| 70 \| \d\.\d{4} \| \d\.\d{4} \| not scored \(one class\) \|/);

  const page = labelsPage([r], ["polnear"], join(out, "..", "labels.md"));
  t.regex(page, /\| benchmark \| split \| metric \| figure \| records \| command \|/);
  t.regex(page, /\| gold \| heldout\.jsonl \| actor accuracy \* \| \d\.\d{4} \| 70 \| `npm run benchmark -- gold` \|/);
  t.regex(page, /\[[^\]]*gold\.md\]\([^)]*gold\.md\)/);
  t.regex(page, /Not run \(data not present\): polnear\./);
  t.false(/\d{4}-\d{2}-\d{2}T/.test(page), "no timestamps");
});

test("the guard fails a guarded figure more than 0.01 below the committed one, or missing; never an unguarded or a risen one", (t) => {
  const fig = (metric: string, value: number, guarded = true, split?: string) => ({ metric, value, records: 10, guarded, ...(split ? { split } : {}) });
  const committed = { figures: [fig("F1", 0.8), fig("P", 0.5, false), fig("acc", 0.7, true, "dev"), fig("gone", 0.3)] };
  const fresh: Pick<BenchmarkResult, "benchmark" | "figures"> = { benchmark: "x", figures: [fig("F1", 0.8 - TOLERANCE), fig("P", 0.1, false), fig("acc", 0.6899, true, "dev")] };
  t.deepEqual(guardFailures(fresh, committed), [
    "x: acc (dev) is 0.6899, more than 0.01 below the committed 0.7000",
    'x: guarded figure "gone" is missing from the fresh run (committed 0.3000)',
  ]);
  t.deepEqual(guardFailures({ benchmark: "x", figures: [fig("F1", 0.95), fig("acc", 0.7, true, "dev"), fig("gone", 0.3)] }, committed), []);
  // A metric the fresh run could not measure (its data is not present: gold "in article" without the corpora) is skipped, any split.
  t.deepEqual(guardFailures({ benchmark: "x", figures: [fig("F1", 0.95), fig("gone", 0.3)], notMeasured: ["acc"] }, committed), []);
});

test("a stance macro-F1 over a gold file with one class is shown as not scored, never as a number, and the guard skips it", async (t) => {
  const why = stanceNotScored(await loadGold("data/gold"));
  // heldout.jsonl is all neutral (70 items); every other file has at least two stance classes.
  t.deepEqual([...why.entries()], [["heldout.jsonl", "not scored: the heldout.jsonl set has one class (heldout.jsonl: support 0, oppose 0, neutral 70)"]]);
  const fig = (value: number, split: string) => ({ metric: "stance macro-F1", value, records: 70, guarded: true, split });
  const fresh: BenchmarkResult = {
    benchmark: "gold", split: "heldout.jsonl, seeds.jsonl", command: "npm run benchmark -- gold", reports: [],
    figures: [fig(0.9052, "seeds.jsonl")],
    notScored: [{ metric: "stance macro-F1", split: "heldout.jsonl", records: 70, reason: why.get("heldout.jsonl")! }],
  };
  const page = labelsPage([fresh], [], "bench/labels.md");
  t.regex(page, /\| gold \| heldout\.jsonl \| stance macro-F1 \| not scored: the heldout\.jsonl set has one class \(heldout\.jsonl: support 0, oppose 0, neutral 70\) \| 70 \|/);
  t.regex(page, /\| gold \| seeds\.jsonl \| stance macro-F1 \* \| 0\.9052 \|/);
  // The committed report of before (1.0000 for heldout.jsonl) does not fail a run that no longer scores it; a run that merely lacks it does.
  const committed = { figures: [fig(1, "heldout.jsonl"), fig(0.9052, "seeds.jsonl")] };
  t.deepEqual(guardFailures(fresh, committed), []);
  t.deepEqual(guardFailures({ ...fresh, notScored: [] }, committed), ['gold: guarded figure "stance macro-F1 (heldout.jsonl)" is missing from the fresh run (committed 1.0000)']);
});

test("--out-dir is read before the benchmark name; an unknown name is a one-line error, exit 2", async (t) => {
  t.deepEqual(parseLeading(["--out-dir", "/tmp/x", "gold", "--gold", "g"]), { outDir: "/tmp/x", rest: ["gold", "--gold", "g"], disable: [], ablation: false });
  t.deepEqual(parseLeading(["--out-dir=/tmp/y"]), { outDir: "/tmp/y", rest: [], disable: [], ablation: false });
  t.deepEqual(parseLeading([]), { outDir: "bench/labels", rest: [], disable: [], ablation: false });
  // Component names in pipeline order, whatever order they were given in.
  t.deepEqual(parseLeading(["--disable", "tagger,hedges", "--disable=quotes", "stance"]), { outDir: "bench/labels", rest: ["stance"], disable: ["hedges", "tagger", "quotes"], ablation: false });
  t.throws(() => parseLeading(["--disable", "nosuch"]), { message: /unknown component "nosuch"/ });
  const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...entryArgv("src/cli/benchmark.ts"), "--out-dir", tempDir(), "nosuch"]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
  t.is(r.code, 2);
  t.regex(r.stderr, /^benchmark: unknown benchmark "nosuch" \(known: .*gold.*\)\n$/);
});

test("check-benchmarks reruns the benchmarks and fails, one line per failure, on a committed figure the fresh run falls short of", async (t) => {
  const committed = tempDir("claimstance-committed-");
  const fresh = await goldResult();
  const tampered = { summary: { ...fresh, figures: fresh.figures.map((f) => (f.split === "heldout.jsonl" && f.metric === "actor accuracy" ? { ...f, value: f.value + 0.02 } : f)) } };
  writeFileSync(join(committed, "gold.json"), JSON.stringify(tampered));
  const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    // Only the gold benchmark: the guard is the same for every benchmark, and rerunning them all takes half a minute.
    const child = spawn(process.execPath, [...entryArgv("src/cli/check-benchmarks.ts"), committed, "gold"]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
  t.is(r.code, 1);
  t.regex(r.stderr, /^check-benchmarks: gold: actor accuracy \(heldout\.jsonl\) is \d\.\d{4}, more than 0\.01 below the committed \d\.\d{4}$/m);
  t.false(r.stderr.includes("    at "));
});
