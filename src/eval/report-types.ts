// The shape of metrics.json. Key order in the file is the order in which
// run.ts builds these objects (fixed by the code, never by the data).
import type { Task } from "./data.ts";
import type { Label } from "./metrics.ts";

export interface ScoreBlock {
  n: number;
  accuracy: number;
  accuracy_ci95: [number, number];
  macro_f1: number;
  macro_f1_ci95: [number, number];
  /** Stance only: SemEval F_avg = mean F1 of support and oppose. */
  f_avg?: number;
  per_class: Record<Label, { precision: number; recall: number; f1: number; support: number }>;
  /** Rows = true label, columns = predicted label, both in the task's label order. */
  confusion: number[][];
}

export interface FitSummary {
  iterations: number;
  evaluations: number;
  converged: boolean;
  stop_reason: string;
  objective: number;
}

export interface GoldBlock {
  items: number;
  in_train: number;
  near_duplicate_of_train: number;
  /** Gold items scored: neither in train nor a near-duplicate of a training sentence. */
  eligible: number;
  /** Models on the eligible items; rule_labeller on the eligible items whose text is a dataset record. */
  models: Record<string, ScoreBlock | null>;
  /** The rule labeller on every gold item whose text is a dataset record (it is not trained, so train items are fair). */
  rule_labeller_all_gold: ScoreBlock | null;
}

export interface TaskReport {
  labels: Label[];
  majority_label: Label;
  /** One entry per fitted L-BFGS problem (null for the reference model). */
  fit: FitSummary[] | null;
  /** Model name → score on the silver test split. */
  test: Record<string, ScoreBlock | null>;
  /** null when there is no gold set. */
  gold: GoldBlock | null;
}

export interface DataFile {
  file: string;
  sha256: string;
  records: number;
}

export interface MetricsReport {
  format: "claimstance-eval/1";
  seed: number;
  data: {
    train: DataFile;
    test: DataFile;
    gold: { files: Array<{ file: string; sha256: string; items: number }>; items: number } | null;
  };
  params: Record<string, unknown>;
  label_distribution: Partial<Record<Task, { train: Record<Label, number>; test: Record<Label, number>; gold: Record<Label, number> | null }>>;
  tasks: Partial<Record<Task, TaskReport>>;
}

/** Rounds every non-integer number to 4 decimal places (and -0 to 0); non-finite numbers become null. */
export function roundNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? round4(v) : v))) as T;
}

export function round4(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isInteger(x)) return x === 0 ? 0 : x;
  const r = Math.round(x * 10000) / 10000;
  return r === 0 ? 0 : r;
}

/** metrics.json text: rounded numbers, two-space indent, trailing newline. */
export function metricsJson(report: MetricsReport): string {
  return JSON.stringify(roundNumbers(report), null, 2) + "\n";
}
