// `npm run check-benchmarks` (CI): reruns every registered benchmark whose
// data is present into a temp folder and fails (exit 1, one line per
// failure) when a guarded figure fell more than 0.01 below the committed
// report under bench/labels/, or a benchmark that ran has no committed report.
// Works with any number of registered benchmarks, zero included.
// `check-benchmarks [DIR [NAME ...]]`: only the benchmarks named (all by default).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { guardFailures } from "../eval/bench-guard.ts";
import type { BenchmarkResult } from "../eval/benchmarks/registry.ts";
import { DEFAULT_OUT_DIR, runAll } from "./benchmark.ts";
import { runCli } from "./main.ts";

export async function check(committedDir: string, only?: readonly string[]): Promise<string[]> {
  const tmp = mkdtempSync(join(tmpdir(), "claimstance-check-benchmarks-"));
  try {
    const { results } = await runAll(join(tmp, "labels"), () => undefined, undefined, only);
    const failures: string[] = [];
    for (const r of results) {
      const json = r.reports.find((p) => p.endsWith(".json"));
      const committed = json ? join(committedDir, basename(json)) : null;
      if (!committed || !existsSync(committed)) {
        failures.push(`${r.benchmark}: no committed report ${committed ?? `${committedDir}/<report>.json`} (run npm run benchmark and commit bench/)`);
        continue;
      }
      const summary = (JSON.parse(readFileSync(committed, "utf8")) as { summary?: BenchmarkResult }).summary;
      if (!summary || !Array.isArray(summary.figures)) failures.push(`${committed}: no "summary" with figures`);
      else failures.push(...guardFailures(r, summary));
    }
    process.stdout.write(`check-benchmarks: ${results.length} benchmark${results.length === 1 ? "" : "s"} rerun, ${failures.length} failure${failures.length === 1 ? "" : "s"}\n`);
    return failures;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await runCli("check-benchmarks", async () => {
    const only = process.argv.slice(3);
    const failures = await check(process.argv[2] ?? DEFAULT_OUT_DIR, only.length > 0 ? only : undefined);
    for (const f of failures) process.stderr.write(`check-benchmarks: ${f}\n`);
    if (failures.length > 0) process.exitCode = 1;
  });
