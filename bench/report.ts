// The "## Build-dataset throughput" section of bench/results.md: numbers,
// ratios to the reference passes, and each issue-13 target met or not.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./measure.ts";

export const HEADING = "## Build-dataset throughput";

export interface Measured {
  runs: number;
  /** Median wall seconds of the child process, start-up included. */
  wall: number;
  walls: number[];
  rssMb: number;
  /** Median seconds of the work proper (build: the CLI's own timer, after module loading; reference: after start-up). */
  work: number | null;
}

export type RefResult = Measured;

export interface CorpusResult {
  name: string;
  inputs: string[];
  bytes: number;
  counts: { documents: number; articles: number; sentences: number } | null;
  /** "train N, test M" from the summary. */
  records: string | null;
  build: Measured;
  regex?: RefResult;
  wink?: RefResult;
  workers2?: Measured;
}

export type EvalResult = { ran: true; m: Measured } | { ran: false; why: string };

export interface BenchResult {
  /** `claimstance --version` (the dispatcher alone), `claimstance build-dataset --help` (the whole build's modules), `node scripts/run.mjs --version` (the freshness check of every npm run script). */
  startup: { version: Measured; buildHelp: Measured; npmCheck: Measured };
  corpora: CorpusResult[];
  eval: EvalResult;
  evalSeeds: EvalResult;
  cores: number;
  cpu: string;
  node: string;
  loadAtStart: number;
  loadAtEnd: number;
  totalSeconds: number;
  skippedExtras: string[];
  date: string;
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const int = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US"));
const mb = (c: CorpusResult) => c.bytes / 1e6;
const runsNote = (m: Measured) => (m.runs === 1 ? "1 run" : `median of ${m.runs}: ${m.walls.map(f2).join(", ")}`);
const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");

export function renderSection(r: BenchResult): string {
  const out: string[] = [HEADING, ""];
  out.push(
    `\`npm run bench\` on ${r.date}: ${r.cores} cores (${r.cpu}), Node ${r.node}; load average ${f1(r.loadAtStart)} at the start and ${f1(r.loadAtEnd)} at the end (other work on the machine slows every figure). The whole bench took ${f1(r.totalSeconds / 60)} min.`,
    "Every figure is a child process timed from spawn to exit (start-up included), the median of 3 runs unless the row says otherwise; throughput = input bytes on disk / that wall time. Each is the compiled CLI (`node dist/cli/claimstance.js build-dataset …`, what `claimstance` and `npm run build-dataset` run) or a plain-JS reference pass, both with plain node. Peak RSS is the build's own plus its worker processes'. *build s* is the CLI's own timer (module loading excluded). Outputs go to a temp folder outside the repository. Build runs use the defaults (gold report included; `--workers auto`, which is in-process on 2 cores; progress: one summary line, stderr is a pipe).",
    "",
    `Start-up, median of ${r.startup.version.runs}: \`claimstance --version\` ${f3(r.startup.version.wall)} s; \`claimstance build-dataset --help\` (every module of a build loaded) ${f3(r.startup.buildHelp.wall)} s; \`node scripts/run.mjs --version\` (the src-newer-than-dist check every \`npm run\` script does, then the dispatcher) ${f3(r.startup.npmCheck.wall)} s.`,
    "",
    "| input | MB | runs (wall s) | wall s | build s | MB/s | articles/s | sentences/s | peak RSS MB | records |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  for (const c of r.corpora) {
    const m = c.build;
    const n = c.counts;
    out.push(`| ${c.name} | ${f1(mb(c))} | ${runsNote(m)} | ${f2(m.wall)} | ${m.work === null ? "–" : f2(m.work)} | ${f2(mb(c) / m.wall)} | ${n ? int(n.articles / m.wall) : "–"} | ${n ? int(n.sentences / m.wall) : "–"} | ${int(m.rssMb)} | ${c.records ?? "–"} |`);
    if (c.workers2) {
      const w = c.workers2;
      out.push(`| ${c.name}, \`--workers 2\` | ${f1(mb(c))} | ${runsNote(w)} | ${f2(w.wall)} | ${w.work === null ? "–" : f2(w.work)} | ${f2(mb(c) / w.wall)} | ${n ? int(n.articles / w.wall) : "–"} | ${n ? int(n.sentences / w.wall) : "–"} | ${int(w.rssMb)} | same files |`);
    }
  }
  out.push("", "Reference passes over the same files (read the documents, split into paragraphs, then either split each on `[.!?]` with a regex or run wink-tokenizer over it, nothing else):", "");
  out.push(
    "| input | regex pass MB/s: wall (work only) | wink pass MB/s: wall (work only) | pipeline ÷ wink pass, wall | pipeline ÷ wink pass, work only |",
    "| --- | ---: | ---: | ---: | ---: |",
  );
  const rate = (c: CorpusResult, m: Measured) => `${f2(mb(c) / m.wall)} (${m.work ? f1(mb(c) / m.work) : "–"})`;
  for (const c of r.corpora) {
    if (!c.regex || !c.wink) continue;
    const workRatio = c.build.work !== null && c.wink.work !== null ? `${f2((100 * c.wink.work) / c.build.work)}%` : "–";
    out.push(`| ${c.name} (${c.regex.runs === 1 ? "1 run" : `median of ${c.regex.runs}`}) | ${rate(c, c.regex)} | ${rate(c, c.wink)} | ${f2((100 * c.wink.wall) / c.build.wall)}% | ${workRatio} |`);
  }
  if (r.skippedExtras.length) out.push("", `Not run this time (the 10-minute budget): ${r.skippedExtras.join(", ")}.`);
  const fnc = r.corpora.find((c) => c.name.startsWith("FNC"));
  const stress = r.corpora.find((c) => c.name.startsWith("stress"));
  out.push("");
  if (r.eval.ran) {
    const e = r.eval.m;
    out.push(`Eval on the FNC-1 dataset (\`npm run eval -- --data <FNC-1 build> --out <tmp>\`, train + test, all records): wall ${f2(e.wall)} s (${runsNote(e)}), peak RSS ${int(e.rssMb)} MB.`);
  } else out.push(`Eval on the FNC-1 dataset: **not run** (${r.eval.why}).`);
  if (r.evalSeeds.ran) {
    const e = r.evalSeeds.m;
    out.push("", `Eval on the seed dataset (\`npm run eval -- --data data/ --gold none --out <tmp>\`): wall ${f2(e.wall)} s (${runsNote(e)}), peak RSS ${int(e.rssMb)} MB.`);
  } else out.push("", `Eval on the seed dataset: **not run** (${r.evalSeeds.why}).`);
  out.push("", "Issue-13 targets on this machine (issue 5's, where not raised, after them):", "");
  if (fnc?.wink) {
    const ratio = fnc.wink.wall / fnc.build.wall;
    const work = fnc.build.work !== null && fnc.wink.work !== null ? fnc.wink.work / fnc.build.work : null;
    const workNote = work === null ? "" : `, ${f1(100 * work)}% on work time only`;
    out.push(`- Full pipeline ≥ 40% of the tokenizer-only pass's throughput on FNC-1: ${f1(100 * ratio)}% on wall time${workNote} — ${verdict(ratio >= 0.4)}.`);
  }
  if (fnc) {
    const rate = mb(fnc) / fnc.build.wall;
    const work = fnc.build.work === null ? "" : ` (${f2(mb(fnc) / fnc.build.work)} MB/s on the CLI's own timer, start-up excluded)`;
    out.push(`- ≥ 2.5 MB/s on FNC-1: ${f2(rate)} MB/s from spawn to exit${work} — ${verdict(rate >= 2.5)}.`);
  }
  if (stress) {
    const rate = mb(stress) / stress.build.wall;
    out.push(`- ≥ 4 MB/s on the stress corpus (near-duplicate clustering included): ${f2(rate)} MB/s (${stress.build.runs === 1 ? "1 run: more would not fit the 10-minute budget" : runsNote(stress.build)}) — ${verdict(rate >= 4)}.`);
    out.push(`- Peak RSS on the stress corpus no higher than before issue 13 (543 MB): ${int(stress.build.rssMb)} MB — ${verdict(stress.build.rssMb <= 543)}.`);
  }
  if (r.eval.ran) {
    const e = r.eval.m;
    out.push(`- Eval on the FNC-1 dataset ≤ 60 s and ≤ 1.5 GB: ${f1(e.wall)} s, ${int(e.rssMb)} MB — ${verdict(e.wall <= 60 && e.rssMb <= 1536)}.`);
  } else out.push("- Eval on the FNC-1 dataset ≤ 60 s and ≤ 1.5 GB: not measured (eval did not run).");
  out.push(`- \`npm run bench\` end to end under 10 minutes: ${f1(r.totalSeconds / 60)} min — ${verdict(r.totalSeconds < 600)}.`, "");
  return out.join("\n");
}

/** Replaces the section in bench/results.md (or appends it), leaving every other section as it is. */
export async function writeSection(section: string): Promise<void> {
  const path = join(ROOT, "bench", "results.md");
  const text = await readFile(path, "utf8").catch(() => "# Benchmarks\n");
  const start = text.indexOf(`${HEADING}\n`);
  let next: string;
  if (start < 0) next = `${text.trimEnd()}\n\n${section}`;
  else {
    const after = text.indexOf("\n## ", start + HEADING.length);
    next = text.slice(0, start) + section + (after < 0 ? "" : text.slice(after));
  }
  await writeFile(path, next.endsWith("\n") ? next : next + "\n");
}
