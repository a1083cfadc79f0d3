// `npm run benchmark -- [--out-dir DIR] [--disable NAMES] [--ablation] [NAME [flags]]`: one label benchmark,
// its report under bench/labels/ (or DIR). With no NAME: every benchmark
// whose data is present, then the label-quality page bench/labels.md (DIR's
// parent folder /labels.md) with every headline figure.
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../errors.ts";
import { runAblation } from "../eval/benchmarks/ablation.ts";
import { PIPE_NAMES, Pipeline, disabledComponents } from "../label/pipeline.ts";
import { BENCHMARKS, type BenchmarkResult } from "../eval/benchmarks/registry.ts";
import { writeAtomic } from "../eval/io.ts";
import { labelsPage } from "../eval/labels-page.ts";
import { wrapList } from "../flags.ts";
import { runCli } from "./main.ts";

export const DEFAULT_OUT_DIR = "bench/labels";

export const HELP = `Usage: claimstance benchmark [--out-dir DIR] [--disable NAMES] [NAME [options]]
       claimstance benchmark [--out-dir DIR] --ablation
       (in the checkout: npm run benchmark -- [--out-dir DIR] [NAME [options]])

Scores the labeller against annotated corpora and writes a report
(Markdown + JSON) under DIR (default ${DEFAULT_OUT_DIR}/). With no NAME, runs
every benchmark whose data is present and writes the label-quality page
labels.md beside DIR (default bench/labels.md).

Benchmarks:
${BENCHMARKS.map((b) => `  ${b.name.padEnd(12)} ${b.summary}`).join("\n")}

  claimstance benchmark NAME --help   options of one benchmark

  --disable NAMES  run the labeller without these components (comma-separated
                   or repeated); in order:
                   ${wrapList(PIPE_NAMES, 59, 19)}
  --ablation       every benchmark's headline figures with the whole pipeline
                   and without each component in turn: DIR/ablation.{md,json}
`;

/** Splits off the options that come before the benchmark name. */
export function parseLeading(argv: readonly string[]): { outDir: string; rest: string[]; disable: string[]; ablation: boolean } {
  let outDir = DEFAULT_OUT_DIR;
  const disable: string[] = [];
  let ablation = false;
  let i = 0;
  while (i < argv.length && (argv[i]!.startsWith("--out-dir") || argv[i]!.startsWith("--disable") || argv[i] === "--ablation")) {
    const a = argv[i]!;
    if (a === "--ablation") {
      ablation = true;
      i++;
      continue;
    }
    if (a.startsWith("--disable")) {
      const value = a.startsWith("--disable=") ? a.slice("--disable=".length) : a === "--disable" ? argv[i + 1] : undefined;
      if (value === undefined) throw new InputError("--disable: expected component names (--disable NAMES, before the benchmark name)");
      disable.push(value);
      i += a === "--disable" ? 2 : 1;
      continue;
    }
    if (a.startsWith("--out-dir=")) {
      outDir = a.slice("--out-dir=".length);
      i++;
    } else if (a === "--out-dir" && argv[i + 1] !== undefined) {
      outDir = argv[i + 1]!;
      i += 2;
    } else throw new InputError(`--out-dir: expected a folder (--out-dir DIR, before the benchmark name)`);
    if (outDir === "") throw new InputError("--out-dir: expected a folder");
  }
  return { outDir, rest: argv.slice(i), disable: disabledComponents(disable), ablation };
}

/** Runs every benchmark (or those `only` names) whose data is present into `outDir`; returns the results and the names skipped. */
export async function runAll(outDir: string, log: (line: string) => void, pipeline?: Pipeline, only?: readonly string[]): Promise<{ results: BenchmarkResult[]; skipped: string[] }> {
  const results: BenchmarkResult[] = [];
  const skipped: string[] = [];
  for (const b of BENCHMARKS) {
    if (only && !only.includes(b.name)) continue;
    const args = b.defaultArgv();
    if (args === null) {
      skipped.push(b.name);
      process.stderr.write(`benchmark ${b.name}: data not found, skipped\n`);
      continue;
    }
    const r = await b.run({ argv: args, outDir, ...(pipeline ? { pipeline } : {}) });
    log(describe(r));
    results.push(r);
  }
  return { results, skipped };
}

function describe(r: BenchmarkResult): string {
  const figs = r.figures.map((f) => `${f.metric}${f.split ? ` (${f.split})` : ""} ${f.value.toFixed(4)}`).join(", ");
  return `${r.benchmark} (${r.split}): ${figs}\n  wrote ${r.reports.join(", ")}\n`;
}

export async function main(argv: string[]): Promise<void> {
  const { outDir, rest, disable, ablation } = parseLeading(argv);
  const [name, ...flags] = rest;
  if (name === "-h" || name === "--help") {
    process.stdout.write(HELP);
    return;
  }
  if (ablation) {
    if (name !== undefined || disable.length > 0) throw new InputError("--ablation: takes no benchmark name and no --disable (it runs each benchmark without each component)");
    const { reports } = await runAblation(outDir, (l) => process.stderr.write(l));
    process.stdout.write(`wrote ${reports.join(", ")}\n`);
    return;
  }
  const pipeline = disable.length > 0 ? new Pipeline(disable) : undefined;
  if (name === undefined) {
    const { results, skipped } = await runAll(outDir, (l) => process.stdout.write(l), pipeline);
    const page = join(dirname(outDir), "labels.md");
    await writeAtomic([[page, labelsPage(results, skipped, page)]]);
    process.stdout.write(`wrote ${page}\n`);
    return;
  }
  const chosen = BENCHMARKS.find((b) => b.name === name);
  if (!chosen) throw new InputError(`unknown benchmark ${JSON.stringify(name)} (known: ${BENCHMARKS.map((b) => b.name).join(", ") || "none"})`);
  process.stdout.write(describe(await chosen.run({ argv: flags, outDir, ...(pipeline ? { pipeline } : {}) })));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("benchmark", () => main(process.argv.slice(2)));
