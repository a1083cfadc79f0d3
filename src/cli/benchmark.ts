// `npm run benchmark -- NAME [flags]`: one label benchmark, its report under
// bench/labels/. With no NAME: every benchmark whose data is present.
import { pathToFileURL } from "node:url";
import { InputError } from "../errors.ts";
import { BENCHMARKS } from "../eval/benchmarks/registry.ts";
import { runCli } from "./main.ts";

export const HELP = `Usage: claimstance benchmark [NAME [options]]
       (in the checkout: npm run benchmark -- [NAME [options]])

Scores the labeller against annotated corpora and writes a report
(Markdown + JSON) under bench/labels/.

Benchmarks:
${BENCHMARKS.map((b) => `  ${b.name.padEnd(12)} ${b.summary}`).join("\n")}

  claimstance benchmark NAME --help   options of one benchmark
`;

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === "-h" || name === "--help") {
    process.stdout.write(HELP);
    return;
  }
  const outDir = "bench/labels";
  const chosen = name === undefined ? BENCHMARKS : BENCHMARKS.filter((b) => b.name === name);
  if (name !== undefined && chosen.length === 0)
    throw new InputError(`unknown benchmark ${JSON.stringify(name)} (known: ${BENCHMARKS.map((b) => b.name).join(", ") || "none"})`);
  for (const b of chosen) {
    const args = name === undefined ? b.defaultArgv() : rest;
    if (args === null) {
      process.stderr.write(`benchmark ${b.name}: data not found, skipped\n`);
      continue;
    }
    const r = await b.run({ argv: args, outDir });
    const figs = r.figures.map((f) => `${f.metric} ${f.value.toFixed(4)}`).join(", ");
    process.stdout.write(`${r.benchmark} (${r.split}): ${figs}\n  wrote ${r.reports.join(", ")}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("benchmark", () => main(process.argv.slice(2)));
