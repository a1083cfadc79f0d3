// `npm run benchmark -- [--out-dir DIR] [NAME [flags]]`: one label benchmark,
// its report under bench/labels/ (or DIR). With no NAME: every benchmark
// whose data is present, then the label-quality page bench/labels.md (DIR's
// parent folder /labels.md) with every headline figure.
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../errors.ts";
import { BENCHMARKS, type BenchmarkResult } from "../eval/benchmarks/registry.ts";
import { writeAtomic } from "../eval/io.ts";
import { labelsPage } from "../eval/labels-page.ts";
import { runCli } from "./main.ts";

export const DEFAULT_OUT_DIR = "bench/labels";

export const HELP = `Usage: claimstance benchmark [--out-dir DIR] [NAME [options]]
       (in the checkout: npm run benchmark -- [--out-dir DIR] [NAME [options]])

Scores the labeller against annotated corpora and writes a report
(Markdown + JSON) under DIR (default ${DEFAULT_OUT_DIR}/). With no NAME, runs
every benchmark whose data is present and writes the label-quality page
labels.md beside DIR (default bench/labels.md).

Benchmarks:
${BENCHMARKS.map((b) => `  ${b.name.padEnd(12)} ${b.summary}`).join("\n")}

  claimstance benchmark NAME --help   options of one benchmark
`;

/** Splits off the options that come before the benchmark name. */
export function parseLeading(argv: readonly string[]): { outDir: string; rest: string[] } {
  let outDir = DEFAULT_OUT_DIR;
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith("--out-dir")) {
    const a = argv[i]!;
    if (a.startsWith("--out-dir=")) {
      outDir = a.slice("--out-dir=".length);
      i++;
    } else if (a === "--out-dir" && argv[i + 1] !== undefined) {
      outDir = argv[i + 1]!;
      i += 2;
    } else throw new InputError(`--out-dir: expected a folder (--out-dir DIR, before the benchmark name)`);
    if (outDir === "") throw new InputError("--out-dir: expected a folder");
  }
  return { outDir, rest: argv.slice(i) };
}

/** Runs every benchmark whose data is present into `outDir`; returns the results and the names skipped. */
export async function runAll(outDir: string, log: (line: string) => void): Promise<{ results: BenchmarkResult[]; skipped: string[] }> {
  const results: BenchmarkResult[] = [];
  const skipped: string[] = [];
  for (const b of BENCHMARKS) {
    const args = b.defaultArgv();
    if (args === null) {
      skipped.push(b.name);
      process.stderr.write(`benchmark ${b.name}: data not found, skipped\n`);
      continue;
    }
    const r = await b.run({ argv: args, outDir });
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
  const { outDir, rest } = parseLeading(argv);
  const [name, ...flags] = rest;
  if (name === "-h" || name === "--help") {
    process.stdout.write(HELP);
    return;
  }
  if (name === undefined) {
    const { results, skipped } = await runAll(outDir, (l) => process.stdout.write(l));
    const page = join(dirname(outDir), "labels.md");
    await writeAtomic([[page, labelsPage(results, skipped, page)]]);
    process.stdout.write(`wrote ${page}\n`);
    return;
  }
  const chosen = BENCHMARKS.find((b) => b.name === name);
  if (!chosen) throw new InputError(`unknown benchmark ${JSON.stringify(name)} (known: ${BENCHMARKS.map((b) => b.name).join(", ") || "none"})`);
  process.stdout.write(describe(await chosen.run({ argv: flags, outDir })));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("benchmark", () => main(process.argv.slice(2)));
