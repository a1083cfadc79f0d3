// `npm run eval`: logistic-regression baseline, external systems' predictions,
// metrics, paired comparisons and reports.
// Errors a user can act on print one line on stderr and exit 2.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { TASKS, type Task } from "../eval/data.ts";
import { ensureDir, writeAtomic } from "../eval/io.ts";
import { renderHtml } from "../eval/report-html.ts";
import { renderMarkdown } from "../eval/report-md.ts";
import { metricsJson, roundNumbers } from "../eval/report-types.ts";
import { parsePredictionFlag, predictionsJsonl } from "../eval/predictions.ts";
import type { ScoreBlock } from "../eval/report-types.ts";
import { DEFAULTS, runEval, type EvalOptions } from "../eval/run.ts";
import { runCli } from "./main.ts";

export const HELP = `Usage: claimstance eval [options]
       (in the checkout: npm run eval -- [options])

Trains a logistic-regression baseline on train.jsonl per task, scores it (and
a majority-class baseline, the rule labeller on gold, and every --predictions
system) on test.jsonl and on the leakage-free part of the gold set, compares
every pair of systems (paired bootstrap, McNemar), and writes metrics.json,
eval-report.md, eval-report.html and predictions.jsonl (the built-in models'
predictions). A degenerate task or set is reported as "not scored: ...".

Options:
  --data DIR          folder with train.jsonl and test.jsonl (default: data/)
  --gold DIR          gold folder with *.jsonl (default: <data>/gold; a missing
                      folder or "none" = no gold scores)
  --out DIR           output folder (default: data/)
  --task T,...        comma list of stance, hedged, attributed, hedge_type
                      ("both" = stance,hedged) (default: all four)
  --predictions NAME=FILE.jsonl
                      an external system's predictions, keyed by test record
                      id or gold gid (docs/predictions.md); repeatable
  --allow-partial     score a prediction file that misses items on the items
                      it covers (default: missing items are an error)
  --seed N            bootstrap seed, a non-negative integer (default: ${DEFAULTS.seed})
  --min-count N       keep n-grams found in at least N training sentences (default: ${DEFAULTS.minCount})
  --max-features N    vocabulary cap, most frequent first (default: ${DEFAULTS.maxFeatures})
  --l2 X              L2 strength on the weights, = 1/C in scikit-learn (default: ${DEFAULTS.l2}; 0 = none)
  --max-iter N        L-BFGS iterations (gradient steps for --classifier reference) (default: ${DEFAULTS.maxIter})
  --tol X             stop when max |gradient| <= X (default: ${DEFAULTS.tol})
  --multi-class M     multinomial | ovr, for more than two classes (default: ${DEFAULTS.multiClass})
  --classifier C      sparse (L-BFGS on CSR features) | reference (ml-logistic-regression,
                      dense, no L2, small data only) (default: ${DEFAULTS.classifier})
  --bootstrap N       bootstrap resamples for the 95% CIs (default: ${DEFAULTS.bootstrap})
  -h, --help          show this help
  --version           show the version

Same data and same --seed give a byte-identical metrics.json. Exit codes:
0 done, 2 bad input or flag (one-line message on stderr).`;

function intFlag(name: string, v: string | undefined, def: number, min: number): number {
  if (v === undefined) return def;
  if (!/^\d+$/.test(v) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new InputError(`--${name}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`);
  return Number(v);
}

function numFlag(name: string, v: string | undefined, def: number, positive: boolean): number {
  if (v === undefined) return def;
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x) || x < 0 || (positive && x === 0))
    throw new InputError(`--${name}: expected a ${positive ? "positive" : "non-negative"} number, got ${JSON.stringify(v)}`);
  return x;
}

function choice<T extends string>(name: string, v: string | undefined, options: readonly T[], def: T): T {
  if (v === undefined) return def;
  if (!(options as readonly string[]).includes(v)) throw new InputError(`--${name}: expected ${options.join(" | ")}, got ${JSON.stringify(v)}`);
  return v as T;
}

/** --task: a comma list of tasks, in TASKS order; "both" is the old stance,hedged. */
function taskList(v: string | undefined): Task[] {
  if (v === undefined) return [...DEFAULTS.tasks];
  const names = v.split(",").map((x) => x.trim());
  const chosen = new Set<Task>();
  for (const n of names) {
    if (n === "both") chosen.add("stance").add("hedged");
    else if ((TASKS as readonly string[]).includes(n)) chosen.add(n as Task);
    else throw new InputError(`--task: expected a comma list of ${TASKS.join(" | ")} (or both), got ${JSON.stringify(v)}`);
  }
  return TASKS.filter((t) => chosen.has(t));
}

export function parseOptions(argv: string[]): (EvalOptions & { outDir: string }) | "help" {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: "string" },
        gold: { type: "string" },
        out: { type: "string" },
        task: { type: "string" },
        predictions: { type: "string", multiple: true },
        "allow-partial": { type: "boolean" },
        seed: { type: "string" },
        "min-count": { type: "string" },
        "max-features": { type: "string" },
        l2: { type: "string" },
        "max-iter": { type: "string" },
        tol: { type: "string" },
        "multi-class": { type: "string" },
        classifier: { type: "string" },
        bootstrap: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    throw new InputError(`${(err as Error).message} (see --help)`);
  }
  if (values["help"]) return "help";
  const s = (k: string) => values[k] as string | undefined;
  const tasks = taskList(s("task"));
  return {
    dataDir: s("data") ?? "data",
    ...(s("gold") !== undefined ? { goldDir: s("gold")! } : {}),
    outDir: s("out") ?? "data",
    tasks,
    predictions: ((values["predictions"] as string[] | undefined) ?? []).map(parsePredictionFlag),
    allowPartial: values["allow-partial"] === true,
    seed: intFlag("seed", s("seed"), DEFAULTS.seed, 0),
    minCount: intFlag("min-count", s("min-count"), DEFAULTS.minCount, 1),
    maxFeatures: intFlag("max-features", s("max-features"), DEFAULTS.maxFeatures, 1),
    l2: numFlag("l2", s("l2"), DEFAULTS.l2, false),
    maxIter: intFlag("max-iter", s("max-iter"), DEFAULTS.maxIter, 1),
    tol: numFlag("tol", s("tol"), DEFAULTS.tol, true),
    multiClass: choice("multi-class", s("multi-class"), ["multinomial", "ovr"], DEFAULTS.multiClass),
    classifier: choice("classifier", s("classifier"), ["sparse", "reference"], DEFAULTS.classifier),
    bootstrap: intFlag("bootstrap", s("bootstrap"), DEFAULTS.bootstrap, 1),
  };
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? "").length)));
  return rows.map((r) => r.map((c, j) => c.padEnd(widths[j]!)).join("  ").trimEnd()).join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === "help") {
    console.log(HELP);
    return 0;
  }
  await ensureDir(opts.outDir);
  const { metrics, predictions, timings } = await runEval(opts);
  const files = [
    join(opts.outDir, "metrics.json"),
    join(opts.outDir, "eval-report.md"),
    join(opts.outDir, "eval-report.html"),
    join(opts.outDir, "predictions.jsonl"),
  ] as const;
  await writeAtomic([
    [files[0], metricsJson(metrics)],
    [files[1], renderMarkdown(metrics)],
    [files[2], renderHtml(metrics)],
    [files[3], predictionsJsonl(predictions)],
  ]);

  const r = roundNumbers(metrics);
  const f = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(4));
  const rows: string[][] = [["task", "set", "model", "n", "accuracy", "macro-F1", "F_avg", "micro-F1"]];
  const notes: string[] = [];
  for (const [task, t] of Object.entries(r.tasks)) {
    if (!t) continue;
    if (t.not_scored) notes.push(`${task}: ${t.not_scored}`);
    const sets: Array<[string, { not_scored: string | null; models: Record<string, ScoreBlock | null> }]> = [];
    if (t.test) sets.push(["test", t.test]);
    if (t.gold) sets.push(["gold", t.gold]);
    for (const [set, sr] of sets) {
      if (sr.not_scored) notes.push(`${task} ${set}: ${sr.not_scored}`);
      for (const [name, b] of Object.entries(sr.models))
        rows.push([task, set, name, b?.coverage && b.coverage.scored !== b.coverage.of ? `${b.n}/${b.coverage.of}` : String(b?.n ?? 0), f(b?.accuracy), f(b?.macro_f1), task === "stance" ? f(b?.f_avg) : "", task === "hedge_type" ? f(b?.micro_f1) : ""]);
    }
  }
  const feats = r.params["features"] as { vocabulary_size: number };
  const gold = Object.values(r.tasks).find((t) => t?.gold)?.gold;
  console.log(
    `claimstance eval: train ${r.data.train.records} records, test ${r.data.test.records}; ` +
      `vocabulary ${feats.vocabulary_size} n-grams; ` +
      (gold ? `gold ${gold.items} items, ${gold.eligible} scored (${gold.in_train} in train, ${gold.near_duplicate_of_train} near-duplicates)` : "no gold"),
  );
  console.log(pad(rows));
  for (const n of notes) console.log(n);
  const secs = Object.entries(timings)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}s`)
    .join(", ");
  console.log(`wrote ${files.join(", ")} (${secs})`);
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) void runCli("eval", async () => {
  process.exitCode = await main(process.argv.slice(2));
});
