// Scoring one system on one labelled set, for single-label tasks (stance,
// hedged, attributed) and the multi-label hedge_type task, with percentile
// bootstrap CIs drawn from the shared resample stream (bootstrap.ts).
// Multi-label conventions (scikit-learn's, on the indicator matrix):
// - per type: precision, recall, F1 with zero_division=0; support = items
//   carrying the type;
// - micro-F1 pools tp/fp/fn over the types; macro-F1 averages the F1 of the
//   types that occur in the true or predicted sets (the same rule as
//   single-label macro-F1, so an absent type neither helps nor hurts);
// - accuracy is exact-set match (sklearn's subset accuracy).
import { forEachResample, percentileInterval } from "./bootstrap.ts";
import { MULTI_LABEL, TASK_LABELS, typesOf, type Task } from "./data.ts";
import { confusionMatrix, fAvg, macroF1FromConfusion, perClassScores, uniqueLabels, type Label } from "./metrics.ts";
import type { ScoreBlock } from "./report-types.ts";
import { prf } from "../label/analysis/score.ts";

export interface Stats {
  accuracy: number;
  macro_f1: number;
  /** Multi-label tasks only. */
  micro_f1: number | null;
}

/** The headline metrics of a task, in report order (CIs and paired tests are computed for each). */
export function metricsOf(task: Task): Array<keyof Stats> {
  return MULTI_LABEL.has(task) ? ["accuracy", "micro_f1", "macro_f1"] : ["accuracy", "macro_f1"];
}

export interface Scorer {
  readonly n: number;
  /** 1 where the prediction equals the truth (the exact set, for multi-label). */
  readonly correct: Uint8Array;
  /** Stats over the items `idx` (with repeats, as a resample has); all items when omitted. */
  stats(idx?: ArrayLike<number>): Stats;
}

function allIndices(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

function singleLabelScorer(yTrue: readonly Label[], yPred: readonly Label[]): Scorer {
  const labels = uniqueLabels(yTrue, yPred);
  const index = new Map(labels.map((l, i) => [l, i]));
  const t = Int32Array.from(yTrue, (l) => index.get(l)!);
  const p = Int32Array.from(yPred, (l) => index.get(l)!);
  const K = labels.length;
  const n = t.length;
  const correct = Uint8Array.from(t, (v, i) => (v === p[i] ? 1 : 0));
  const flat = new Int32Array(K * K);
  const stats = (idx: ArrayLike<number> = allIndices(n)): Stats => {
    flat.fill(0);
    let hit = 0;
    for (let i = 0; i < idx.length; i++) {
      const j = idx[i]!;
      flat[t[j]! * K + p[j]!]!++;
      hit += correct[j]!;
    }
    const cm: number[][] = [];
    for (let r = 0; r < K; r++) cm.push(Array.from(flat.subarray(r * K, r * K + K)));
    return { accuracy: idx.length === 0 ? 0 : hit / idx.length, macro_f1: macroF1FromConfusion(cm), micro_f1: null };
  };
  return { n, correct, stats };
}

/** Bit k set when the label holds type TASK_LABELS[task][k]. */
function masks(task: Task, y: readonly Label[]): Uint8Array {
  const types = TASK_LABELS[task];
  return Uint8Array.from(y, (l) => {
    let m = 0;
    for (const ty of typesOf(l)) m |= 1 << types.indexOf(ty);
    return m;
  });
}

function multiLabelScorer(task: Task, yTrue: readonly Label[], yPred: readonly Label[]): Scorer {
  const T = TASK_LABELS[task].length;
  const t = masks(task, yTrue);
  const p = masks(task, yPred);
  const n = t.length;
  const correct = Uint8Array.from(t, (v, i) => (v === p[i] ? 1 : 0));
  const tp = new Int32Array(T);
  const fp = new Int32Array(T);
  const fn = new Int32Array(T);
  const stats = (idx: ArrayLike<number> = allIndices(n)): Stats => {
    tp.fill(0);
    fp.fill(0);
    fn.fill(0);
    let hit = 0;
    for (let i = 0; i < idx.length; i++) {
      const j = idx[i]!;
      const a = t[j]!;
      const b = p[j]!;
      hit += correct[j]!;
      for (let k = 0; k < T; k++) {
        const bit = 1 << k;
        if (a & bit) {
          if (b & bit) tp[k]!++;
          else fn[k]!++;
        } else if (b & bit) fp[k]!++;
      }
    }
    let TP = 0;
    let FP = 0;
    let FN = 0;
    let sum = 0;
    let present = 0;
    for (let k = 0; k < T; k++) {
      TP += tp[k]!;
      FP += fp[k]!;
      FN += fn[k]!;
      const d = 2 * tp[k]! + fp[k]! + fn[k]!;
      if (d === 0) continue; // the type occurs in neither the true nor the predicted sets
      sum += (2 * tp[k]!) / d;
      present++;
    }
    const D = 2 * TP + FP + FN;
    return { accuracy: idx.length === 0 ? 0 : hit / idx.length, macro_f1: present === 0 ? 0 : sum / present, micro_f1: D === 0 ? 0 : (2 * TP) / D };
  };
  return { n, correct, stats };
}

export function makeScorer(task: Task, yTrue: readonly Label[], yPred: readonly Label[]): Scorer {
  if (yTrue.length !== yPred.length) throw new Error(`y_true has ${yTrue.length} labels, y_pred ${yPred.length}`);
  return MULTI_LABEL.has(task) ? multiLabelScorer(task, yTrue, yPred) : singleLabelScorer(yTrue, yPred);
}

export interface BootstrapSettings {
  seed: number;
  resamples: number;
}

/** Per-type scores of a multi-label task over the whole set. */
function perTypeScores(task: Task, yTrue: readonly Label[], yPred: readonly Label[]): ScoreBlock["per_class"] {
  const out: ScoreBlock["per_class"] = {};
  const t = yTrue.map(typesOf);
  const p = yPred.map(typesOf);
  for (const ty of TASK_LABELS[task]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < t.length; i++) {
      const a = t[i]!.includes(ty);
      const b = p[i]!.includes(ty);
      if (a && b) tp++;
      else if (a) fn++;
      else if (b) fp++;
    }
    const { precision, recall, f1 } = prf(tp, fp, fn);
    out[ty] = { precision, recall, f1, support: tp + fn };
  }
  return out;
}

/** Every metric of one system on one labelled set, with 95% CIs; null for an empty set. */
export function scoreBlock(task: Task, yTrue: readonly Label[], yPred: readonly Label[], boot: BootstrapSettings): ScoreBlock | null {
  if (yTrue.length === 0) return null;
  const scorer = makeScorer(task, yTrue, yPred);
  const whole = scorer.stats();
  const metrics = metricsOf(task);
  const samples = new Map(metrics.map((m) => [m, [] as number[]]));
  forEachResample(scorer.n, boot.resamples, boot.seed, (idx) => {
    const s = scorer.stats(idx);
    for (const m of metrics) samples.get(m)!.push(s[m]!);
  });
  const ci = (m: keyof Stats) => percentileInterval(samples.get(m)!, 0.95);
  const multi = MULTI_LABEL.has(task);
  const labels = TASK_LABELS[task];
  let perClass: ScoreBlock["per_class"] = {};
  if (multi) perClass = perTypeScores(task, yTrue, yPred);
  else
    for (const s of perClassScores(yTrue, yPred, labels)) perClass[s.label] = { precision: s.precision, recall: s.recall, f1: s.f1, support: s.support };
  return {
    n: yTrue.length,
    accuracy: whole.accuracy,
    accuracy_ci95: ci("accuracy"),
    ...(multi ? { micro_f1: whole.micro_f1!, micro_f1_ci95: ci("micro_f1") } : {}),
    macro_f1: whole.macro_f1,
    macro_f1_ci95: ci("macro_f1"),
    ...(task === "stance" ? { f_avg: fAvg(yTrue, yPred) } : {}),
    per_class: perClass,
    ...(multi ? {} : { confusion: confusionMatrix(yTrue, yPred, labels) }),
  };
}
