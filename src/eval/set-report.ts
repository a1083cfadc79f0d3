// One task on one scored set (test split or gold): the degenerate check,
// every system's score block and the paired comparison of every pair of
// systems on the items both were scored on.
import { countLabels, type Task } from "./data.ts";
import { setDegenerate } from "./degenerate.ts";
import type { Label } from "./metrics.ts";
import { compareSystems, type Comparison } from "./paired.ts";
import type { SetReport } from "./report-types.ts";
import { scoreBlock, type BootstrapSettings } from "./scoring.ts";

export interface SystemPredictions {
  name: string;
  /** One label per item of the set; undefined where the system gives none. */
  preds: ReadonlyArray<Label | undefined>;
  /** External systems report their coverage. */
  external: boolean;
}

function covered(preds: ReadonlyArray<Label | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < preds.length; i++) if (preds[i] !== undefined) out.push(i);
  return out;
}

export function setReport(task: Task, setName: string, yTrue: readonly Label[], systems: readonly SystemPredictions[], boot: BootstrapSettings): SetReport {
  const classCounts = countLabels(task, yTrue);
  const degenerate = setDegenerate(task, setName, classCounts, yTrue.length);
  const report: SetReport = { not_scored: degenerate, n: yTrue.length, class_counts: classCounts, models: {}, comparisons: [] };
  if (degenerate) return report;
  const idx = systems.map((s) => covered(s.preds));
  systems.forEach((s, k) => {
    const items = idx[k]!;
    const block = scoreBlock(
      task,
      items.map((i) => yTrue[i]!),
      items.map((i) => s.preds[i]!),
      boot,
    );
    report.models[s.name] = block && s.external ? { n: block.n, coverage: { scored: items.length, of: yTrue.length }, ...withoutN(block) } : block;
  });
  for (let a = 0; a < systems.length; a++)
    for (let b = a + 1; b < systems.length; b++) {
      const A = systems[a]!;
      const B = systems[b]!;
      const both = idx[a]!.filter((i) => B.preds[i] !== undefined);
      if (both.length === 0) continue;
      const c: Comparison = compareSystems(
        task,
        { a: A.name, b: B.name },
        both.map((i) => yTrue[i]!),
        both.map((i) => A.preds[i]!),
        both.map((i) => B.preds[i]!),
        boot,
      );
      report.comparisons.push(c);
    }
  return report;
}

function withoutN<T extends { n: number }>(block: T): Omit<T, "n"> {
  const { n: _n, ...rest } = block;
  return rest;
}
