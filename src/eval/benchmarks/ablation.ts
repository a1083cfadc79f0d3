// `npm run benchmark -- --ablation`: each labeller component's contribution —
// the headline figures of the label benchmarks with the whole pipeline and
// with each component switched off in turn (src/label/pipeline.ts), written
// to ablation.md + ablation.json beside the other reports. Not part of
// `npm run benchmark` with no name: it reruns the benchmarks once per component.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FULL_PIPELINE, PIPE_NAMES, Pipeline } from "../../label/pipeline.ts";
import { ensureDir, writeAtomic } from "../io.ts";
import { BENCHMARKS, type BenchmarkResult } from "./registry.ts";

/** The figures the table shows: [benchmark, metric, split of the figure (gold's per-file figures) or undefined, column label]. */
const MEASURES: readonly (readonly [string, string, string | undefined, string])[] = [
  ["polnear", "attribution_f1", undefined, "PolNeAR dev attribution F1"],
  ["polnear", "source_right_end_to_end", undefined, "PolNeAR dev source right (end to end)"],
  ["polnear", "content_token_f1", undefined, "PolNeAR dev content token F1"],
  ["gold", "actor accuracy", "corpora.jsonl+heldout.jsonl+seeds.jsonl", "gold actor acc. (all-gold)"],
  ["gold", "hedge type F1", "corpora.jsonl", "gold hedge type F1 (corpora)"],
  ["gold", "stance macro-F1", "seeds.jsonl", "gold stance macro-F1 (seeds)"],
  ["stance", "train.support_f1", undefined, "stance-news support F1"],
  ["stance", "train.oppose_f1", undefined, "stance-news oppose F1"],
  ["conll2010", "hedged F1", undefined, "CoNLL-2010 train hedged F1"],
];

export interface AblationRow {
  /** The component switched off; null = the whole pipeline. */
  disabled: string | null;
  /** One value per MEASURES entry; null when its benchmark's data is not present. */
  values: (number | null)[];
}

function valueOf(results: ReadonlyMap<string, BenchmarkResult>, [bench, metric, split]: readonly [string, string, string | undefined, string]): number | null {
  const r = results.get(bench);
  return r?.figures.find((f) => f.metric === metric && f.split === split)?.value ?? null;
}

/** Runs every benchmark MEASURES names, with the whole pipeline and without each component; writes the table to outDir. */
export async function runAblation(outDir: string, log: (line: string) => void): Promise<{ rows: AblationRow[]; reports: string[] }> {
  const names = [...new Set(MEASURES.map((m) => m[0]))];
  const scratch = await mkdtemp(join(tmpdir(), "claimstance-ablation-"));
  const rows: AblationRow[] = [];
  try {
    for (const disabled of [null, ...PIPE_NAMES]) {
      const pipeline = disabled === null ? FULL_PIPELINE : new Pipeline([disabled]);
      const results = new Map<string, BenchmarkResult>();
      for (const name of names) {
        const b = BENCHMARKS.find((x) => x.name === name)!;
        const argv = b.defaultArgv();
        if (argv !== null) results.set(name, await b.run({ argv, outDir: scratch, pipeline }));
      }
      rows.push({ disabled, values: MEASURES.map((m) => valueOf(results, m)) });
      log(`ablation: ${disabled === null ? "whole pipeline" : `without ${disabled}`} done\n`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await ensureDir(outDir);
  const reports = [join(outDir, "ablation.md"), join(outDir, "ablation.json")];
  await writeAtomic([
    [reports[0]!, ablationMarkdown(rows)],
    [reports[1]!, JSON.stringify({ command: "npm run benchmark -- --ablation", measures: MEASURES.map(([benchmark, metric, split, label]) => ({ benchmark, metric, split: split ?? null, label })), rows }, null, 2) + "\n"],
  ]);
  return { rows, reports };
}

function ablationMarkdown(rows: readonly AblationRow[]): string {
  const full = rows.find((r) => r.disabled === null)!;
  const cell = (v: number | null, base: number | null) => {
    if (v === null) return "–";
    if (base === null || v === base) return v.toFixed(4);
    const d = v - base;
    return `${v.toFixed(4)} (${d > 0 ? "+" : "−"}${Math.abs(d).toFixed(4)})`;
  };
  return [
    "# Labeller ablation: each component's contribution",
    "",
    "Command: `npm run benchmark -- --ablation`. Each row reruns the label benchmarks with one pipeline component switched off (`--disable NAME`; the components in src/label/pipeline.ts, in the order they run); in brackets the change against the whole pipeline. A component whose row equals the first adds nothing these benchmarks measure. Splits: PolNeAR dev, the in-repo gold files named, stance-news.jsonl (tuned on), CoNLL-2010 train.",
    "",
    `| without | ${MEASURES.map((m) => m[3]).join(" | ")} |`,
    `| --- | ${MEASURES.map(() => "---:").join(" | ")} |`,
    ...rows.map((r) => `| ${r.disabled === null ? "(whole pipeline)" : r.disabled} | ${r.values.map((v, i) => (r === full ? cell(v, null) : cell(v, full.values[i]!))).join(" | ")} |`),
    "",
  ].join("\n");
}
