// npm run bench: compiled-CLI start-up, build-dataset throughput on the real corpora and a 100k-article
// stress corpus, the two reference passes over the same files, and eval on the
// FNC-1 dataset; every run a child process, medians of repeated runs. Writes
// the "## Build-dataset throughput" section of bench/results.md (other
// sections are left as they are). Everything it generates goes to a temp
// folder outside the repository, removed at the end.
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { BBC_DIR, FNC_FILES, writeStressCorpus } from "./stress-corpus.ts";
import { buildCounts, buildSeconds, bytesOf, median, runNode, type ChildRun } from "./measure.ts";
import { renderSection, writeSection, type CorpusResult, type EvalResult, type Measured, type RefResult } from "./report.ts";

/** The compiled CLI, run with plain node as `claimstance` and `npm run` run it. */
const CLI = "dist/cli/claimstance.js";
/** CLAIMSTANCE_BENCH_QUICK=1: a 3,000-article stress corpus, one run each, section printed instead of written (a smoke test). */
const QUICK = process.env.CLAIMSTANCE_BENCH_QUICK === "1";
const RUNS = QUICK ? 1 : 3;
/** The extra runs start only before this many seconds, so the bench stays under 10 minutes on a busy machine. */
const EXTRAS_UNTIL = 480;
/** A further stress-corpus run starts only if it should end before this many seconds. */
const STRESS_UNTIL = 570;
const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;
const log = (msg: string) => console.log(`[${elapsed().toFixed(0).padStart(4)} s] ${msg}`);

interface Corpus {
  name: string;
  inputs: string[];
  flags: string[];
  refFlags: string[];
  runs: number;
}

function measured(runs: ChildRun[], extra: (r: ChildRun) => number | null = () => null): Measured {
  return {
    runs: runs.length,
    wall: median(runs.map((r) => r.wall)),
    walls: runs.map((r) => r.wall),
    rssMb: median(runs.map((r) => r.rssMb)),
    work: runs.every((r) => extra(r) !== null) ? median(runs.map((r) => extra(r)!)) : null,
  };
}

async function build(
  c: Corpus, out: string, rss: string, extra: string[] = [], runs = c.runs,
): Promise<{ m: Measured; all: ChildRun[]; counts: ReturnType<typeof buildCounts>; records: string | null }> {
  const all: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(out, { recursive: true, force: true });
    const inputs = c.inputs.flatMap((p) => ["--input", p]);
    const r = await runNode(CLI, ["build-dataset", ...inputs, ...c.flags, ...extra, "--out", out], rss);
    if (r.code !== 0) throw new Error(`build-dataset failed on ${c.name}: ${r.stderr.trim()}`);
    log(`${c.name}${extra.length ? ` ${extra.join(" ")}` : ""}: run ${i + 1}/${runs} ${r.wall.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB`);
    all.push(r);
  }
  const records = /records: (train \d+, test \d+)/.exec(all[0]!.stdout)?.[1] ?? null;
  return { m: measured(all, (r) => buildSeconds(r.stdout)), all, counts: buildCounts(all[0]!.stdout), records };
}

async function refPass(c: Corpus, mode: "regex" | "wink", rss: string, runs = c.runs): Promise<Measured> {
  const all: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runNode("bench/ref-pass.mjs", [mode, ...c.refFlags, ...c.inputs], rss);
    if (r.code !== 0) throw new Error(`reference pass ${mode} failed on ${c.name}: ${r.stderr.trim()}`);
    all.push(r);
  }
  log(`${c.name}: ${mode} pass ${all.map((r) => r.wall.toFixed(2)).join(", ")} s`);
  return measured(all, (r) => Number(/"workSeconds":([\d.e-]+)/.exec(r.stdout)?.[1] ?? NaN));
}

/** One line of `bytes` of space-separated words without any punctuation. */
async function writeLongLine(file: string, bytes: number): Promise<void> {
  const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu"];
  const s = createWriteStream(file);
  let written = 0;
  let k = 0;
  while (written < bytes) {
    let chunk = "";
    while (chunk.length < 1 << 16) chunk += words[k++ % words.length] + (k % 7 === 0 ? "s " : " ");
    written += chunk.length;
    if (!s.write(chunk)) await new Promise<void>((r) => s.once("drain", () => r()));
  }
  await new Promise<void>((r) => s.end(() => r()));
}

/** Median wall seconds of `runs` runs of `node script args` (start-up figures). */
async function startup(script: string, args: string[], rss: string, runs = QUICK ? 1 : 5): Promise<Measured> {
  const all: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runNode(script, args, rss);
    if (r.code !== 0) throw new Error(`${script} ${args.join(" ")} failed: ${r.stderr.trim()}`);
    all.push(r);
  }
  log(`start-up ${script} ${args.join(" ")}: ${all.map((r) => r.wall.toFixed(3)).join(", ")} s`);
  return measured(all);
}

// The compiled JS must be current: scripts/run.mjs rebuilds it when src/ is newer.
const fresh = spawnSync(process.execPath, ["scripts/run.mjs", "--version"], { stdio: ["ignore", "ignore", "inherit"] });
if (fresh.status !== 0) throw new Error("the build failed: run npm run build");
const tmp = await mkdtemp(join(tmpdir(), "claimstance-bench-"));
const rss = join(tmp, "rss.json");
const loadAtStart = loadavg()[0]!;
try {
  await mkdir(join(tmp, "in"));
  const stressFile = join(tmp, "in", "stress.jsonl");
  const gen = await writeStressCorpus(stressFile, QUICK ? 3000 : 100_000);
  log(`stress corpus: ${gen.articles} articles, ${(gen.bytes / 1e6).toFixed(1)} MB in ${stressFile}`);
  const fnc: Corpus = {
    name: "FNC-1 bodies",
    inputs: FNC_FILES,
    flags: ["--text-column", "articleBody", "--id-column", "Body ID"],
    refFlags: ["--text-column", "articleBody"],
    runs: RUNS,
  };
  const bbc: Corpus = { name: "BBC News", inputs: [BBC_DIR], flags: [], refFlags: [], runs: RUNS };
  const stress: Corpus = { name: "stress corpus", inputs: [stressFile], flags: [], refFlags: [], runs: 1 };
  const startupRuns = {
    version: await startup(CLI, ["--version"], rss),
    buildHelp: await startup(CLI, ["build-dataset", "--help"], rss),
    npmCheck: await startup("scripts/run.mjs", ["--version"], rss),
  };
  const corpora: CorpusResult[] = [];
  const fncOut = join(tmp, "out-fnc");
  let stressRuns: ChildRun[] = [];
  for (const c of [fnc, bbc, stress]) {
    const out = c === fnc ? fncOut : join(tmp, "out");
    const b = await build(c, out, rss);
    if (c === stress) stressRuns = b.all;
    if (c !== fnc) await rm(out, { recursive: true, force: true });
    const regex: RefResult = await refPass(c, "regex", rss);
    const wink: RefResult = await refPass(c, "wink", rss);
    corpora.push({ name: c.name, inputs: c.inputs, bytes: await bytesOf(c.inputs), counts: b.counts, records: b.records, build: b.m, regex, wink });
  }
  // Eval, median of RUNS: on the committed seed dataset (data/) and on the FNC-1 build.
  const timeEval = async (name: string, data: string): Promise<EvalResult> => {
    const runs: ChildRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await runNode(CLI, ["eval", "--data", data, "--gold", "none", "--out", join(tmp, "eval-out")], rss).catch((e: Error) => ({ code: -1, wall: 0, stdout: "", stderr: e.message, rssMb: 0 }));
      if (r.code !== 0) return { ran: false, why: `eval exited with ${r.code}: ${r.stderr.trim().split("\n")[0] ?? ""}` };
      log(`eval on ${name}: run ${i + 1}/${RUNS} ${r.wall.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB`);
      runs.push(r);
    }
    return { ran: true, m: measured(runs) };
  };
  const evalSeeds = await timeEval("the seeds", "data/");
  const evalResult = await timeEval("FNC-1", fncOut);
  // Extras, one run each, while the 10-minute budget allows: FNC-1 with two worker processes, one 50 MB line.
  const skippedExtras: string[] = [];
  if (elapsed() < EXTRAS_UNTIL) {
    const w = await build(fnc, join(tmp, "out-w2"), rss, ["--workers", "2"], 1);
    await rm(join(tmp, "out-w2"), { recursive: true, force: true });
    corpora[0]!.workers2 = w.m;
  } else skippedExtras.push("FNC-1 with `--workers 2`");
  if (elapsed() < EXTRAS_UNTIL) {
    const lineFile = join(tmp, "in", "one-line.txt");
    await writeLongLine(lineFile, 50 * 1024 * 1024);
    const line = await build({ name: "one 50 MB line", inputs: [lineFile], flags: [], refFlags: [], runs: 1 }, join(tmp, "out-line"), rss);
    await rm(join(tmp, "out-line"), { recursive: true, force: true });
    corpora.push({ name: "one 50 MB line (no punctuation)", inputs: [lineFile], bytes: await bytesOf([lineFile]), counts: line.counts, records: line.records, build: line.m });
  } else skippedExtras.push("the 50 MB line");
  // The stress corpus's 2nd and 3rd runs come last, each only if it fits the budget.
  const stressResult = corpora.find((c) => c.name === stress.name)!;
  while (!QUICK && stressRuns.length < RUNS && elapsed() + 1.1 * stressRuns[0]!.wall < STRESS_UNTIL) {
    const again = await build(stress, join(tmp, "out"), rss, [], 1);
    await rm(join(tmp, "out"), { recursive: true, force: true });
    stressRuns.push(...again.all);
    stressResult.build = measured(stressRuns, (r) => buildSeconds(r.stdout));
  }
  const section = renderSection({
    startup: startupRuns,
    corpora,
    eval: evalResult,
    evalSeeds,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    loadAtStart,
    loadAtEnd: loadavg()[0]!,
    totalSeconds: elapsed(),
    skippedExtras,
    date: new Date().toISOString().slice(0, 10),
  });
  if (QUICK) console.log(section);
  else {
    await writeSection(section);
    log(`wrote the "Build-dataset throughput" section of bench/results.md (total ${elapsed().toFixed(0)} s)`);
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
