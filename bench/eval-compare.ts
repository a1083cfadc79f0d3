// Benchmark (not a test): our SparseLogisticRegression vs scikit-learn's
// LogisticRegression on the same JSONL, the same split and identical
// features. Builds the features with src/eval, dumps them as svmlight files
// to a temp folder, times our fit and bench/sklearn-compare.py's on the
// dump in alternation (median of --runs each), and prints both. --cli-runs N also
// times the whole `eval` CLI (wall, peak RSS via /usr/bin/time). With
// --write-results the "## Eval vs scikit-learn" section of bench/results.md
// is replaced (other sections are kept).
//   npx tsx bench/eval-compare.ts [--data data/] [--task stance|hedged|both] [--runs 3] [--cli-runs 3] [--write-results]
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CsrMatrix } from "../src/eval/csr.ts";
import { labelOf, loadSplit, type Task } from "../src/eval/data.ts";
import { NgramVectorizer } from "../src/eval/features.ts";
import { SparseLogisticRegression } from "../src/eval/logreg.ts";
import { accuracy, macroF1 } from "../src/eval/metrics.ts";
import { DEFAULTS } from "../src/eval/run.ts";

const { values: f } = parseArgs({
  options: {
    data: { type: "string", default: "data" },
    task: { type: "string", default: "stance" },
    runs: { type: "string", default: "3" },
    "cli-runs": { type: "string", default: "0" },
    l2: { type: "string", default: String(DEFAULTS.l2) },
    "max-iter": { type: "string", default: String(DEFAULTS.maxIter) },
    tol: { type: "string", default: String(DEFAULTS.tol) },
    "min-count": { type: "string", default: String(DEFAULTS.minCount) },
    "max-features": { type: "string", default: String(DEFAULTS.maxFeatures) },
    python: { type: "string", default: "/usr/bin/python3" },
    label: { type: "string", default: "" },
    "write-results": { type: "boolean", default: false },
    "keep-dump": { type: "boolean", default: false },
  },
});
// "both" = the two single-label tasks this comparison was written for (TASKS now also holds attributed and the multi-label hedge_type).
const tasks: Task[] = f.task === "both" ? ["stance", "hedged"] : [f.task as Task];
const runs = Number(f.runs);
const l2 = Number(f.l2);
const maxIter = Number(f["max-iter"]);
const tol = Number(f.tol);
const ROOT = join(import.meta.dirname, "..");
const loadStart = loadavg()[0]!;

async function writeSvmlight(file: string, X: CsrMatrix, y: Int32Array): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < X.rows; i++) {
    let line = String(y[i]);
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) line += ` ${X.indices[p]}:${X.data[p]}`;
    if (!out.write(line + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fx = (x: number) => x.toFixed(4);
const secs = (xs: number[]) => `${median(xs).toFixed(2)} s (median of ${xs.length}: ${xs.map((t) => t.toFixed(2)).join(", ")})`;

interface SkResult {
  sklearn: string;
  macro_f1: number;
  accuracy: number;
  fit_seconds: number[];
  n_iter: number[];
  converged: boolean;
  predictions: number[];
}

const train = await loadSplit(join(f.data, "train.jsonl"), "train");
const test = await loadSplit(join(f.data, "test.jsonl"), "test");
const vec = new NgramVectorizer({ minCount: Number(f["min-count"]), maxFeatures: Number(f["max-features"]) }).fit(train.words);
const Xtrain = vec.transform(train.words);
const Xtest = vec.transform(test.words);
const rows: string[] = [
  `| data | ${f.label || f.data}: train ${Xtrain.rows} × ${Xtrain.cols} features (${Xtrain.indptr[Xtrain.rows]} non-zeros), test ${Xtest.rows} |`,
  `| settings | l2 ${l2} (C = ${l2 > 0 ? 1 / l2 : "∞"}), intercept, lbfgs, max_iter ${maxIter}, tol ${tol}; fit time excludes reading and features |`,
];

for (const task of tasks) {
  const yTrain = train.labels.map((l) => labelOf(task, l));
  const yTest = test.labels.map((l) => labelOf(task, l));
  const classes = [...new Set(yTrain)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const dump = mkdtempSync(join(tmpdir(), "claimstance-sk-"));
  const code = (ys: string[]) => Int32Array.from(ys, (l) => classes.indexOf(l));
  await writeSvmlight(join(dump, "train.svm"), Xtrain, code(yTrain));
  await writeSvmlight(join(dump, "test.svm"), Xtest, code(yTest));
  writeFileSync(join(dump, "meta.json"), JSON.stringify({ n_features: Xtrain.cols, classes, l2, max_iter: maxIter, tol }));
  const python = existsSync(f.python);
  if (!python) console.error(`${f.python} not found: scikit-learn side skipped`);

  // Runs alternate (ours, scikit-learn, ours, …) so both see the same machine load.
  const times: number[] = [];
  const skTimes: number[] = [];
  let model: SparseLogisticRegression | undefined;
  let sk: SkResult | undefined;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    model = new SparseLogisticRegression({ l2, maxIter, tol }).fit(Xtrain, yTrain);
    times.push((performance.now() - t0) / 1000);
    if (!python) continue;
    const res = spawnSync(f.python, [join(import.meta.dirname, "sklearn-compare.py"), "--dump", dump, "--runs", "1"], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (res.status !== 0) {
      console.error(`sklearn-compare.py failed (${res.status}): ${res.stderr.trim().split("\n").pop()}`);
      break;
    }
    sk = JSON.parse(res.stdout) as SkResult;
    skTimes.push(sk.fit_seconds[0]!);
  }
  if (sk) sk.fit_seconds = skTimes;
  if (f["keep-dump"]) console.log(`feature dump kept in ${dump}`);
  else rmSync(dump, { recursive: true, force: true });
  const pred = model!.predict(Xtest);
  const ours = { f1: macroF1(yTest, pred), acc: accuracy(yTest, pred), iters: model!.fitInfo.map((i) => i.iterations), ok: model!.fitInfo.every((i) => i.converged) };

  const kind = classes.length > 2 ? `${classes.length} classes, multinomial` : "2 classes, binary";
  rows.push(`| **${task}** (${kind}): claimstance SparseLogisticRegression | macro-F1 ${fx(ours.f1)}, accuracy ${fx(ours.acc)}, fit ${secs(times)}, iterations ${ours.iters.join("/")}${ours.ok ? "" : " (not converged)"} |`);
  if (!sk) {
    rows.push(`| **${task}**: scikit-learn | not run |`);
    continue;
  }
  const agree = pred.filter((p, i) => classes[sk!.predictions[i]!] === p).length / pred.length;
  const dF1 = ours.f1 - sk.macro_f1;
  const ratio = median(times) / median(sk.fit_seconds);
  rows.push(
    `| **${task}**: scikit-learn ${sk.sklearn} LogisticRegression | macro-F1 ${fx(sk.macro_f1)}, accuracy ${fx(sk.accuracy)}, fit ${secs(sk.fit_seconds)}, iterations ${sk.n_iter.join("/")}${sk.converged ? "" : " (not converged)"} |`,
    `| **${task}**: difference | macro-F1 ${dF1 >= 0 ? "+" : ""}${fx(dF1)} (target ±0.01: ${Math.abs(dF1) <= 0.01 ? "met" : "NOT met"}); fit time ${ratio.toFixed(2)}× scikit-learn's (target ≤ 2×: ${ratio <= 2 ? "met" : "NOT met"}); identical test predictions ${(agree * 100).toFixed(2)}% |`,
  );
}

const cliRuns = Number(f["cli-runs"]);
if (cliRuns > 0) {
  const walls: number[] = [];
  const rss: number[] = [];
  for (let r = 0; r < cliRuns; r++) {
    const out = mkdtempSync(join(tmpdir(), "claimstance-eval-out-"));
    const res = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, "--import", "tsx", "src/cli/eval.ts", "--data", f.data, "--out", out], { cwd: ROOT, encoding: "utf8" });
    rmSync(out, { recursive: true, force: true });
    const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(res.stderr);
    if (res.status !== 0 || !m) {
      console.error(`eval CLI failed: ${res.stderr.trim().split("\n").slice(-2).join(" ")}`);
      break;
    }
    walls.push(Number(m[1]));
    rss.push(Number(m[2]) / 1024);
  }
  if (walls.length)
    rows.push(`| \`npm run eval\` end to end (both tasks, 1,000-resample CIs, ${existsSync(join(f.data, "gold")) ? "with" : "no"} gold) | wall ${secs(walls)}, peak RSS ${median(rss).toFixed(0)} MB (target ≤ 60 s, ≤ 1.5 GB) |`);
}

const table = ["| | |", "| --- | --- |", ...rows].join("\n");
console.log(table);

if (f["write-results"]) {
  const file = join(import.meta.dirname, "results.md");
  const heading = "## Eval vs scikit-learn";
  const args = process.argv
    .slice(2)
    .filter((a) => a !== "--write-results")
    .map((a) => (/^[\w./=:-]+$/.test(a) ? a : `"${a.replace(/"/g, '\\"')}"`));
  const section = [
    heading,
    "",
    `\`npx tsx bench/eval-compare.ts ${args.join(" ")}\` on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}. ` +
      "Both sides minimise the same objective (sum of log-losses + l2/2·‖W‖², intercept unpenalised; multinomial for 3+ classes, one binary model for 2) " +
      "on identical features: the TypeScript vectorizer's CSR matrix, dumped as svmlight for scikit-learn. A benchmark, not a test. " +
      `Fits alternate between the two so both see the same load (1-minute load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end); ` +
      "on a shared machine single runs vary by ±30%, so compare the ratio, not the seconds.",
    "",
    table,
    "",
  ].join("\n");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = old.indexOf(heading);
  let next: string;
  if (start === -1) next = `${old.trimEnd()}\n\n${section}`;
  else {
    const after = old.indexOf("\n## ", start + heading.length);
    next = old.slice(0, start) + section + (after === -1 ? "" : "\n" + old.slice(after + 1));
  }
  writeFileSync(file, next.trimEnd() + "\n");
  console.log(`updated ${file}`);
}
