// The label benchmarks `npm run benchmark -- NAME` runs. Each scores the
// labeller against annotations someone else made (or our own gold) and writes
// a committed report under bench/labels/. A benchmark is one module here; add
// it to BENCHMARKS and it is on the command line and in `npm run benchmark`
// with no argument (every benchmark whose data is present).
import { allsides } from "./allsides/index.ts";
import type { Pipeline } from "../../label/pipeline.ts";
import { cleaning } from "./cleaning.ts";
import { conll2010 } from "./conll2010.ts";
import { gold } from "./gold.ts";
import { polnear } from "./polnear.ts";
import { stance } from "./stance.ts";

export interface BenchmarkFlags {
  /** Flags after the benchmark name, parsed by the benchmark itself (parseFlags in src/flags.ts). */
  argv: string[];
  /** Folder the reports go to (bench/labels/ unless --out-dir). */
  outDir: string;
  /** The labeller's components (all unless --disable; the ablation runs each benchmark without each in turn). */
  pipeline?: Pipeline;
}

/** One headline figure of a benchmark, as bench/labels.md lists it and CI guards it. */
export interface BenchmarkFigure {
  metric: string;
  value: number;
  /** The unit the figure is counted over: sentences, records, items. */
  records: number;
  /** true when a drop below the committed value fails CI; false for figures that only inform. */
  guarded: boolean;
  /** The split this figure is from, when a benchmark's figures come from several (else the result's split). */
  split?: string;
}

export interface BenchmarkResult {
  benchmark: string;
  /** e.g. "dev", "train", or the gold file. */
  split: string;
  /** The exact command that reproduces the report. */
  command: string;
  figures: BenchmarkFigure[];
  /** Report paths written, relative to the repo root. */
  reports: string[];
  /** Metrics this run could not measure because their data is not present (e.g. gold "in article" without the corpora): the guard skips them. */
  notMeasured?: string[];
  /** Figures left out because their set is degenerate (one class: eval's degenerate.ts), shown as "not scored" on the page; the guard skips them. */
  notScored?: NotScored[];
  /** Markdown the label-quality page shows under its table (a benchmark's own summary, e.g. before/now per split). */
  section?: string;
}

/** A figure a benchmark does not give a number for, and why ("not scored: …"). */
export interface NotScored {
  metric: string;
  split?: string;
  records: number;
  reason: string;
}

export interface Benchmark {
  name: string;
  summary: string;
  /** argv used by `npm run benchmark` with no argument; null when its data is not present (skipped). */
  defaultArgv(): string[] | null;
  run(flags: BenchmarkFlags): Promise<BenchmarkResult>;
}

export const BENCHMARKS: Benchmark[] = [gold, polnear, cleaning, conll2010, stance, allsides];
