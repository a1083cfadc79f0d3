// The sharded build on a real corpus (issue 22), apart from `npm run bench`
// because it takes long (AllSides: about 4 min a build on an idle 2-core
// machine, several times that under load):
//   npm run bench:sharded -- [--input FILE | --stress ARTICLES] [--identical "1 2 3 7"] [--timed 8] [--pairs 1] [--parallel 2] [--quick]
// 1. paired timing: the one-process build and `--shards T` (--timed), one
//    after the other, --pairs times (wall, CPU of the process and its
//    children, peak RSS of the largest single process: the one-process
//    build's own, or the largest task's from WORK/usage.jsonl);
// 2. byte-identity: every output of `--shards N` for each N of --identical
//    compared (cmp) with the one-process build's;
// 3. the leakage check of the one-process build (bench/split-check.ts): the
//    test share, test records sharing a near-duplicate cluster or a folded
//    text (case, punctuation, quote style) with train.
// Default input: the AllSides corpus with its metadata flags; --stress N: the
// repeated-paragraph stress corpus of `npm run bench` with N articles (one
// giant component: the test share must stay within 0.02 of 0.2). Prints a
// markdown report on stdout (bench/results.md "Sharded build"); scratch in a
// temp folder, removed at the end. --quick: the first 300 AllSides articles.
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { parseArgs } from "node:util";
import { ROOT, median } from "./measure.ts";
import { splitCheck } from "./split-check.ts";
import { writeStressCorpus } from "./stress-corpus.ts";

const { values: f } = parseArgs({
  options: {
    input: { type: "string" },
    identical: { type: "string", default: "1 2 3 7" },
    timed: { type: "string", default: "8" },
    pairs: { type: "string", default: "1" },
    parallel: { type: "string", default: "2" },
    quick: { type: "boolean", default: false },
    stress: { type: "string" },
  },
});
const ALLSIDES = join(ROOT, "..", "shared", "corpora", "allsides", "articles.jsonl.gz");
const META = ["--id-field", "id", "--outlet-field", "outlet", "--date-field", "date", "--title-field", "title", "--url-field", "url"];
const CLI = join(ROOT, "dist", "cli", "claimstance.js");

interface Run {
  wall: number;
  cpu: number;
  /** Peak RSS of the largest single process, MB. */
  maxRssMb: number;
  /** Per stage: CPU seconds summed over its tasks, and the largest task's peak RSS (sharded runs). */
  stages?: { stage: string; cpu: number; maxRssMb: number }[];
}

/** Runs the CLI under /usr/bin/time (wall, CPU of it and its children, its own peak RSS). */
function timed(args: string[]): Promise<{ wall: number; cpu: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, CLI, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("close", (code) => {
      const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`build-dataset ${args.join(" ")} failed (${code}): ${err.slice(-500)}`));
      resolve({ wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 });
    });
  });
}

async function plainRun(flags: string[], out: string): Promise<Run> {
  const r = await timed(["build-dataset", ...flags, "--out", out]);
  return { wall: r.wall, cpu: r.cpu, maxRssMb: r.rssMb };
}

async function shardedRun(flags: string[], out: string, work: string, shards: number): Promise<Run> {
  const r = await timed(["build-dataset", ...flags, "--out", out, "--work", work, "--shards", String(shards), "--parallel", f.parallel!]);
  const usage = (await readFile(join(work, "usage.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { stage: string; cpuSeconds: number; maxRssMB: number });
  const stages: NonNullable<Run["stages"]> = [];
  for (const u of usage) {
    let s = stages.find((x) => x.stage === u.stage);
    if (!s) stages.push((s = { stage: u.stage, cpu: 0, maxRssMb: 0 }));
    s.cpu += u.cpuSeconds;
    s.maxRssMb = Math.max(s.maxRssMb, u.maxRssMB);
  }
  return { wall: r.wall, cpu: r.cpu, maxRssMb: Math.max(r.rssMb, ...stages.map((s) => s.maxRssMb)), stages };
}

async function sameFiles(a: string, b: string): Promise<string[]> {
  const differ: string[] = [];
  for (const name of (await readdir(a)).sort()) {
    const [x, y] = await Promise.all([readFile(join(a, name)), readFile(join(b, name)).catch(() => null)]);
    if (!y || !x.equals(y)) differ.push(name);
  }
  return differ;
}

async function sample(file: string, n: number): Promise<void> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(ALLSIDES).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) if (lines.push(line) >= n) break;
  rl.close();
  await writeFile(file, lines.join("\n") + "\n");
}

const tmp = await mkdtemp(join(tmpdir(), "claimstance-sharded-bench-"));
try {
  let input = f.input ?? ALLSIDES;
  if (f.quick) await sample((input = join(tmp, "sample.jsonl")), 300);
  if (f.stress) await writeStressCorpus((input = join(tmp, "stress.jsonl")), Number(f.stress));
  const flags = ["--quiet", "--gold", "none", "--input", input, ...(f.input || f.stress ? [] : META)];
  const mb = (await stat(input)).size / 1e6;
  const T = Number(f.timed);
  const lines: string[] = [];
  const say = (s: string) => {
    lines.push(s);
    console.error(s);
  };
  say(`input ${input} (${mb.toFixed(1)} MB on disk); node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} at the start`);
  const pairs: { plain: Run; sharded: Run; load: [number, number] }[] = [];
  const plainOut = join(tmp, "plain");
  for (let p = 0; p < Number(f.pairs); p++) {
    const load0 = loadavg()[0]!;
    await rm(plainOut, { recursive: true, force: true });
    const plain = await plainRun(flags, plainOut);
    await rm(join(tmp, "wt"), { recursive: true, force: true });
    const sharded = await shardedRun(flags, join(tmp, "st"), join(tmp, "wt"), T);
    const differ = await sameFiles(plainOut, join(tmp, "st"));
    pairs.push({ plain, sharded, load: [load0, loadavg()[0]!] });
    say(`pair ${p + 1}: one process ${plain.wall.toFixed(1)} s wall, ${plain.cpu.toFixed(1)} CPU-s, ${plain.maxRssMb.toFixed(0)} MB; --shards ${T} ${sharded.wall.toFixed(1)} s wall, ${sharded.cpu.toFixed(1)} CPU-s, largest process ${sharded.maxRssMb.toFixed(0)} MB; wall ratio ${(sharded.wall / plain.wall).toFixed(3)}, CPU ratio ${(sharded.cpu / plain.cpu).toFixed(3)}; ${differ.length ? `DIFFER: ${differ.join(", ")}` : "byte-identical"}`);
  }
  const last = pairs.at(-1)!.sharded;
  say(`--shards ${T} per stage (CPU-s summed over tasks / largest task's peak RSS MB): ${last.stages!.map((s) => `${s.stage} ${s.cpu.toFixed(1)}/${s.maxRssMb.toFixed(0)}`).join(", ")}`);
  for (const n of f.identical!.split(/\s+/).filter(Boolean).map(Number)) {
    const out = join(tmp, `s${n}`);
    const work = join(tmp, `w${n}`);
    const r = await shardedRun(flags, out, work, n);
    const differ = await sameFiles(plainOut, out);
    say(`--shards ${n}: ${differ.length ? `DIFFER: ${differ.join(", ")}` : `all ${(await readdir(plainOut)).length} files byte-identical`} (${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} CPU-s, largest process ${r.maxRssMb.toFixed(0)} MB)`);
    await rm(out, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
  const check = await splitCheck(plainOut);
  say(`split check (one-process build): train ${check.train}, test ${check.test}, test share ${check.share.toFixed(4)}; test records sharing a cluster with train ${check.sharedClusters}, sharing a folded text ${check.foldedRepeats}`);
  const ratios = pairs.map((p) => p.sharded.wall / p.plain.wall);
  say(`wall ratio --shards ${T} / one process: median ${median(ratios).toFixed(3)} of ${ratios.length} pair(s) (target <= 0.6); load average ${loadavg()[0]!.toFixed(1)} at the end`);
  console.log(lines.join("\n"));
} finally {
  await rm(tmp, { recursive: true, force: true });
}
