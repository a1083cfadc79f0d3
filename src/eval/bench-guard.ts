// The CI guard for label benchmarks: a guarded figure of a fresh run may not
// fall more than TOLERANCE below the figure in the committed report
// (bench/labels/<report>.json, its top-level "summary"). Pure comparison
// here; src/cli/check-benchmarks.ts reruns the benchmarks.
import type { BenchmarkFigure, BenchmarkResult } from "./benchmarks/registry.ts";

export const TOLERANCE = 0.01;

/** A figure's identity across runs: its split (if any) and metric. */
export const figureKey = (f: Pick<BenchmarkFigure, "metric" | "split">) => (f.split ? `${f.metric} (${f.split})` : f.metric);

/**
 * One message per failure: a committed guarded figure that the fresh run
 * lacks or that dropped more than TOLERANCE. Figures that rose, unguarded
 * figures, new figures, metrics the fresh run lists as notMeasured (their
 * data is not present) and figures it lists as notScored (one class) never fail.
 */
export function guardFailures(fresh: Pick<BenchmarkResult, "benchmark" | "figures" | "notMeasured" | "notScored">, committed: Pick<BenchmarkResult, "figures">): string[] {
  const now = new Map(fresh.figures.map((f) => [figureKey(f), f]));
  const skipped = new Set(fresh.notMeasured ?? []);
  // A figure whose set has one class is not a number any more ("not scored"): nothing to compare.
  const notScored = new Set((fresh.notScored ?? []).map(figureKey));
  const out: string[] = [];
  for (const c of committed.figures) {
    if (!c.guarded || skipped.has(c.metric) || notScored.has(figureKey(c))) continue;
    const key = figureKey(c);
    const f = now.get(key);
    if (!f) out.push(`${fresh.benchmark}: guarded figure "${key}" is missing from the fresh run (committed ${c.value.toFixed(4)})`);
    // Compared on the 4-decimal values the reports hold, so the committed report alone decides.
    else if (Math.round(f.value * 10000) < Math.round((c.value - TOLERANCE) * 10000))
      out.push(`${fresh.benchmark}: ${key} is ${f.value.toFixed(4)}, more than ${TOLERANCE} below the committed ${c.value.toFixed(4)}`);
  }
  return out;
}
