import test from "ava";
import {
  accuracy,
  bootstrapCI,
  confusionMatrix,
  fAvg,
  macroF1,
  perClassScores,
  percentile,
} from "../../src/eval/metrics.ts";
import { mulberry32 } from "../../src/rng.ts";

// Hand-worked example (10 items; "oppose" is never predicted):
//   true: s s s o o n n n n n
//   pred: s n n n n n n n s n
// confusion (rows true s,o,n; cols predicted s,o,n): [1 0 2] [0 0 2] [1 0 4]
// support: P = 1/2, R = 1/3, F1 = 2·(1/2)(1/3)/(1/2+1/3) = 2/5
// oppose:  never predicted → P = 0 by convention, R = 0/2 = 0, F1 = 0
// neutral: P = 4/8, R = 4/5, F1 = 2·(1/2)(4/5)/(1/2+4/5) = 8/13
// accuracy = 5/10; macro-F1 = (2/5 + 0 + 8/13)/3 = 22/65; F_avg = (2/5 + 0)/2 = 1/5
const yTrue = ["support", "support", "support", "oppose", "oppose", "neutral", "neutral", "neutral", "neutral", "neutral"];
const yPred = ["support", "neutral", "neutral", "neutral", "neutral", "neutral", "neutral", "neutral", "support", "neutral"];
const LABELS = ["support", "oppose", "neutral"];

const close = (a: number, b: number, eps = 1e-12) => Math.abs(a - b) <= eps;

test("confusion matrix: rows true, columns predicted, in label order", (t) => {
  t.deepEqual(confusionMatrix(yTrue, yPred, LABELS), [
    [1, 0, 2],
    [0, 0, 2],
    [1, 0, 4],
  ]);
});

test("accuracy of the hand example is 5/10; empty input is 0", (t) => {
  t.is(accuracy(yTrue, yPred), 0.5);
  t.is(accuracy([], []), 0);
  t.throws(() => accuracy(["a"], []));
});

test("per-class precision/recall/F1/support match hand values; a class never predicted has precision 0", (t) => {
  const [s, o, n] = perClassScores(yTrue, yPred, LABELS);
  t.is(s!.label, "support");
  t.true(close(s!.precision, 1 / 2));
  t.true(close(s!.recall, 1 / 3));
  t.true(close(s!.f1, 2 / 5));
  t.is(s!.support, 3);
  t.deepEqual(o, { label: "oppose", precision: 0, recall: 0, f1: 0, support: 2 });
  t.true(close(n!.precision, 1 / 2));
  t.true(close(n!.recall, 4 / 5));
  t.true(close(n!.f1, 8 / 13));
  t.is(n!.support, 5);
});

test("macro-F1 = 22/65 and F_avg = 1/5 on the hand example", (t) => {
  t.true(close(macroF1(yTrue, yPred), 22 / 65));
  t.true(close(macroF1(yTrue, yPred, LABELS), 22 / 65));
  t.true(close(fAvg(yTrue, yPred), 1 / 5));
});

test("macro-F1 averages over classes present in y_true or y_pred unless labels are given", (t) => {
  // a: P = 1, R = 1/2, F1 = 2/3; b: P = 1/2, R = 1, F1 = 2/3; c absent everywhere.
  t.true(close(macroF1(["a", "a", "b"], ["a", "b", "b"]), 2 / 3));
  t.true(close(macroF1(["a", "a", "b"], ["a", "b", "b"], ["a", "b", "c"]), 4 / 9));
  // A class only predicted (never true) counts, with recall 0 and F1 0.
  t.true(close(macroF1(["a", "a"], ["a", "z"]), (2 / 3 + 0) / 2));
});

test("F_avg ignores neutral but counts neutral predictions as errors", (t) => {
  // support: P = 1/1, R = 1/2 → 2/3; oppose: P = 1/2, R = 1/1 → 2/3.
  t.true(close(fAvg(["support", "support", "oppose", "neutral"], ["support", "neutral", "oppose", "oppose"]), 2 / 3));
  t.is(fAvg(["neutral"], ["neutral"]), 0);
});

test("percentile interpolates linearly between closest ranks (numpy default)", (t) => {
  t.is(percentile([1, 2, 3, 4], 0.5), 2.5);
  t.is(percentile([1, 2, 3, 4], 0), 1);
  t.is(percentile([1, 2, 3, 4], 1), 4);
  const ranks = Array.from({ length: 1000 }, (_, i) => i);
  t.true(close(percentile(ranks, 0.025), 24.975, 1e-9));
  t.true(close(percentile(ranks, 0.975), 974.025, 1e-9));
});

test("mulberry32 stream is fixed for a seed (checked against an independent Python port)", (t) => {
  const r = mulberry32(13);
  t.deepEqual([r(), r(), r()].map((x) => x * 4294967296), [2432337258, 1546691432, 303185372]);
  const a = mulberry32(7);
  const b = mulberry32(7);
  for (let i = 0; i < 100; i++) t.is(a(), b());
});

test("bootstrap CI is deterministic for a seed, changes with the seed, and brackets the point estimate", (t) => {
  const big = Array.from({ length: 30 }, () => [...yTrue]).flat();
  const bigPred = Array.from({ length: 30 }, () => [...yPred]).flat();
  const a = bootstrapCI(big, bigPred, { seed: 13 });
  const b = bootstrapCI(big, bigPred, { seed: 13 });
  const c = bootstrapCI(big, bigPred, { seed: 14 });
  t.deepEqual(a, b);
  t.notDeepEqual(a, c);
  t.true(a.accuracy[0] < 0.5 && 0.5 < a.accuracy[1]);
  t.true(a.macro_f1[0] < 22 / 65 && 22 / 65 < a.macro_f1[1]);
  t.true(a.accuracy[1] - a.accuracy[0] < 0.15);
});

test("bootstrap CI of perfect predictions is [1, 1]; of an empty set [0, 0]", (t) => {
  const y = ["a", "b", "a", "c", "b"];
  t.deepEqual(bootstrapCI(y, y, { seed: 1, resamples: 200 }), { accuracy: [1, 1], macro_f1: [1, 1] });
  t.deepEqual(bootstrapCI([], [], { seed: 1 }), { accuracy: [0, 0], macro_f1: [0, 0] });
});
