// Classification metrics as plain functions over label arrays (scikit-learn
// conventions, stated where they matter):
// - precision of a class that is never predicted is 0 (sklearn's
//   zero_division=0); recall of a class with no support is 0; F1 is 0 when
//   precision + recall is 0.
// - macro-F1 averages per-class F1 over the classes that occur in y_true or
//   y_pred (sklearn's default label set), unless `labels` is given.
// - F_avg is the SemEval-2016 Task 6 score: the mean of the F1 of "support"
//   and of "oppose" (neutral is left out).
// Every sum runs in a fixed order, so results are identical on every machine.
import { mulberry32, randInt } from "../rng.ts";

export type Label = string;

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

function checkLengths(yTrue: readonly Label[], yPred: readonly Label[]): void {
  if (yTrue.length !== yPred.length) throw new Error(`y_true has ${yTrue.length} labels, y_pred ${yPred.length}`);
}

/** Sorted (code-unit order) union of the labels in y_true and y_pred. */
export function uniqueLabels(yTrue: readonly Label[], yPred: readonly Label[]): Label[] {
  return [...new Set([...yTrue, ...yPred])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Confusion matrix: rows are true labels, columns predicted labels, both in `labels` order. Labels outside `labels` are ignored. */
export function confusionMatrix(yTrue: readonly Label[], yPred: readonly Label[], labels: readonly Label[]): number[][] {
  checkLengths(yTrue, yPred);
  const index = new Map(labels.map((l, i) => [l, i]));
  const cm = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]!);
    const p = index.get(yPred[i]!);
    if (t !== undefined && p !== undefined) cm[t]![p]!++;
  }
  return cm;
}

/** Fraction of exact matches; 0 for empty input. */
export function accuracy(yTrue: readonly Label[], yPred: readonly Label[]): number {
  checkLengths(yTrue, yPred);
  if (yTrue.length === 0) return 0;
  let hit = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hit++;
  return hit / yTrue.length;
}

/** Scores of class `k` from a confusion matrix (rows true, columns predicted). */
export function scoresFromConfusion(cm: readonly (readonly number[])[], k: number): ClassScores {
  const row = cm[k]!;
  const tp = row[k]!;
  let support = 0;
  for (const v of row) support += v;
  let predicted = 0;
  for (const r of cm) predicted += r[k]!;
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = support === 0 ? 0 : tp / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support };
}

/** Per-class precision, recall, F1 and support, in `labels` order (default: uniqueLabels). */
export function perClassScores(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  labels: readonly Label[] = uniqueLabels(yTrue, yPred),
): Array<ClassScores & { label: Label }> {
  const cm = confusionMatrix(yTrue, yPred, labels);
  return labels.map((label, k) => ({ label, ...scoresFromConfusion(cm, k) }));
}

/** Mean F1 over the classes of a confusion matrix that have support or predictions (0 if none). */
export function macroF1FromConfusion(cm: readonly (readonly number[])[]): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < cm.length; k++) {
    const s = scoresFromConfusion(cm, k);
    let predicted = 0;
    for (const r of cm) predicted += r[k]!;
    if (s.support === 0 && predicted === 0) continue;
    sum += s.f1;
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/** Unweighted mean of per-class F1 over `labels` (default: the classes present in y_true or y_pred). */
export function macroF1(yTrue: readonly Label[], yPred: readonly Label[], labels?: readonly Label[]): number {
  if (labels === undefined) return macroF1FromConfusion(confusionMatrix(yTrue, yPred, uniqueLabels(yTrue, yPred)));
  const scores = perClassScores(yTrue, yPred, labels);
  if (scores.length === 0) return 0;
  let sum = 0;
  for (const s of scores) sum += s.f1;
  return sum / scores.length;
}

/** SemEval-2016 Task 6 F_avg: (F1(support) + F1(oppose)) / 2. */
export function fAvg(yTrue: readonly Label[], yPred: readonly Label[]): number {
  // Scores come from the full confusion matrix: neutral rows and columns count as errors for support/oppose.
  const labels = uniqueLabels([...yTrue, "support", "oppose"], yPred);
  const scores = perClassScores(yTrue, yPred, labels);
  const f1 = (l: Label) => scores.find((s) => s.label === l)!.f1;
  return (f1("support") + f1("oppose")) / 2;
}

/** Percentile of sorted values with linear interpolation between closest ranks (numpy's default). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const frac = pos - lo;
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * frac;
}

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Two-sided confidence level (default 0.95). */
  confidence?: number;
  /** PRNG seed: the same seed and size draw the same resamples, so CIs of models on one set are paired. */
  seed: number;
}

export interface BootstrapCI {
  accuracy: [number, number];
  macro_f1: [number, number];
}

/**
 * Percentile-bootstrap confidence intervals for accuracy and macro-F1:
 * `resamples` samples of n items drawn with replacement (mulberry32(seed)),
 * the statistic on each, and the (1-c)/2 and (1+c)/2 percentiles.
 */
export function bootstrapCI(yTrue: readonly Label[], yPred: readonly Label[], opts: BootstrapOptions): BootstrapCI {
  checkLengths(yTrue, yPred);
  const resamples = opts.resamples ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  const n = yTrue.length;
  if (n === 0) return { accuracy: [0, 0], macro_f1: [0, 0] };
  const labels = uniqueLabels(yTrue, yPred);
  const index = new Map(labels.map((l, i) => [l, i]));
  const t = Int32Array.from(yTrue, (l) => index.get(l)!);
  const p = Int32Array.from(yPred, (l) => index.get(l)!);
  const K = labels.length;
  const rng = mulberry32(opts.seed);
  const accs: number[] = [];
  const f1s: number[] = [];
  const flat = new Int32Array(K * K);
  for (let b = 0; b < resamples; b++) {
    flat.fill(0);
    let hit = 0;
    for (let i = 0; i < n; i++) {
      const j = randInt(rng, n);
      const tj = t[j]!;
      const pj = p[j]!;
      flat[tj * K + pj]!++;
      if (tj === pj) hit++;
    }
    accs.push(hit / n);
    const cm: number[][] = [];
    for (let r = 0; r < K; r++) cm.push(Array.from(flat.subarray(r * K, r * K + K)));
    f1s.push(macroF1FromConfusion(cm));
  }
  const byValue = (a: number, b: number) => a - b;
  accs.sort(byValue);
  f1s.sort(byValue);
  const lo = (1 - confidence) / 2;
  const hi = (1 + confidence) / 2;
  return {
    accuracy: [percentile(accs, lo), percentile(accs, hi)],
    macro_f1: [percentile(f1s, lo), percentile(f1s, hi)],
  };
}
