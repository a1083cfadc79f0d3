// The shape of metrics.json. Key order in the file is the order in which
// run.ts builds these objects (fixed by the code, never by the data).
import type { Task } from "./data.ts";
import type { Label } from "./metrics.ts";
import type { Comparison } from "./paired.ts";

export interface ScoreBlock {
  n: number;
  /** External systems only: items scored out of the items of the set (they differ with --allow-partial). */
  coverage?: { scored: number; of: number };
  /** Exact match (the whole type set, for hedge_type). */
  accuracy: number;
  accuracy_ci95: [number, number];
  /** Multi-label (hedge_type) only: F1 pooled over the types. */
  micro_f1?: number;
  micro_f1_ci95?: [number, number];
  macro_f1: number;
  macro_f1_ci95: [number, number];
  /** Stance only: SemEval F_avg = mean F1 of support and oppose. */
  f_avg?: number;
  per_class: Record<Label, { precision: number; recall: number; f1: number; support: number }>;
  /** Single-label tasks: rows = true label, columns = predicted label, both in the task's label order. */
  confusion?: number[][];
}

/** One scored set (test split or gold) of one task. */
export interface SetReport {
  /** "not scored: …" when the set is degenerate (degenerate.ts); models and comparisons are then empty. */
  not_scored: string | null;
  /** Items in the set. */
  n: number;
  /** The set's class counts (countLabels; hedge_type: items per type, and "(none)"). */
  class_counts: Record<Label, number>;
  /** System name → score. */
  models: Record<string, ScoreBlock | null>;
  /** Every pair of systems, on the items both were scored on. */
  comparisons: Comparison[];
}

export interface FitSummary {
  iterations: number;
  evaluations: number;
  converged: boolean;
  stop_reason: string;
  objective: number;
}

export interface GoldBlock extends SetReport {
  items: number;
  in_train: number;
  near_duplicate_of_train: number;
  /** Gold items scored: neither in train nor a near-duplicate of a training sentence. */
  eligible: number;
  /** (models:) systems on the eligible items; rule_labeller on the eligible items whose text is a dataset record. */
  /** The rule labeller on every gold item whose text is a dataset record (it is not trained, so train items are fair). */
  rule_labeller_all_gold: ScoreBlock | null;
}

export interface TaskReport {
  /** The classes (hedge_type: the types). */
  labels: Label[];
  /** "not scored: …" when train is degenerate (degenerate.ts): nothing is fitted or scored. */
  not_scored: string | null;
  /** Most frequent training label (hedge_type: type set, "" = none); null when not scored. */
  majority_label: Label | null;
  /** One entry per fitted L-BFGS problem (null for the reference model or when not scored). */
  fit: FitSummary[] | null;
  /** The silver test split; null when not scored. */
  test: SetReport | null;
  /** null when there is no gold set or the task is not scored. */
  gold: GoldBlock | null;
}

export interface DataFile {
  file: string;
  sha256: string;
  records: number;
}

export interface MetricsReport {
  format: "claimstance-eval/2";
  seed: number;
  data: {
    train: DataFile;
    test: DataFile;
    gold: { files: Array<{ file: string; sha256: string; items: number }>; items: number } | null;
    /** External systems (--predictions), in flag order: file name (no folder) and sha256. */
    predictions: Array<{ name: string; file: string; sha256: string }>;
  };
  params: Record<string, unknown>;
  label_distribution: Partial<Record<Task, { train: Record<Label, number>; test: Record<Label, number>; gold: Record<Label, number> | null }>>;
  tasks: Partial<Record<Task, TaskReport>>;
}

/** Rounds every non-integer number to 4 decimal places (and -0 to 0); non-finite numbers become null. */
export function roundNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? round4(v) : v))) as T;
}

/** A finite figure rounded to 4 decimal places (the benchmarks' figures). */
export const r4 = (x: number): number => Math.round(x * 10000) / 10000;

export function round4(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isInteger(x)) return x === 0 ? 0 : x;
  const r = r4(x);
  return r === 0 ? 0 : r;
}

/** metrics.json text: rounded numbers, two-space indent, trailing newline. */
export function metricsJson(report: MetricsReport): string {
  return JSON.stringify(roundNumbers(report), null, 2) + "\n";
}
