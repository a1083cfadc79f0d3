import test from "ava";
import { LabelEncoder, MajorityClassifier } from "../../src/eval/classifier.ts";
import { csrFromDense, CsrBuilder } from "../../src/eval/csr.ts";
import { lbfgs } from "../../src/eval/lbfgs.ts";
import { SparseLogisticRegression } from "../../src/eval/logreg.ts";
import { DenseReferenceLogisticRegression } from "../../src/eval/reference.ts";
import { mulberry32 } from "../../src/rng.ts";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

test("L-BFGS minimises a convex quadratic to its known minimum", (t) => {
  // f(x) = Σ c_i (x_i - i)², minimum at x_i = i.
  const c = [1, 10, 100, 0.5];
  const res = lbfgs(
    (x, g) => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        f += c[i]! * (x[i]! - i) ** 2;
        g[i] = 2 * c[i]! * (x[i]! - i);
      }
      return f;
    },
    new Float64Array(4),
    { gtol: 1e-10, maxIter: 200, ftol: 0 },
  );
  t.true(res.converged);
  [...res.x].forEach((v, i) => t.true(Math.abs(v - i) < 1e-8, `x${i} = ${v}`));
});

test("separable 1-D data, l2 = 1: w solves w = 4σ(-2w) + 2σ(-w), intercept 0 by symmetry", (t) => {
  // x = -2, -1 → "neg"; x = 1, 2 → "pos". Setting the gradient to zero:
  //   l2·w = Σ (y_i - σ(w x_i)) x_i = 4σ(-2w) + 2σ(-w)  (b = 0 by symmetry)
  const X = csrFromDense([[-2], [-1], [1], [2]]);
  const y = ["neg", "neg", "pos", "pos"];
  const m = new SparseLogisticRegression({ l2: 1, tol: 1e-10, maxIter: 500 }).fit(X, y);
  let lo = 0;
  let hi = 5;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (mid - 4 * sigmoid(-2 * mid) - 2 * sigmoid(-mid) > 0) hi = mid;
    else lo = mid;
  }
  t.true(Math.abs(lo - 1.0066) < 1e-3, `root ${lo}`);
  t.is(m.coef.length, 1);
  t.true(Math.abs(m.coef[0]![0]! - lo) < 1e-4, `w = ${m.coef[0]![0]}`);
  t.true(Math.abs(m.intercept[0]!) < 1e-6, `b = ${m.intercept[0]}`);
  t.deepEqual(m.predict(csrFromDense([[-3], [-0.1], [0.1], [5]])), ["neg", "neg", "pos", "pos"]);
});

test("intercept-only models recover the log-odds / class frequencies", (t) => {
  const empty = (n: number) => {
    const b = new CsrBuilder(0);
    for (let i = 0; i < n; i++) b.addRow([]);
    return b.build();
  };
  // Binary: 3 × "b", 1 × "a" → b = log(3/1).
  const bin = new SparseLogisticRegression({ tol: 1e-10 }).fit(empty(4), ["b", "a", "b", "b"]);
  t.true(Math.abs(bin.intercept[0]! - Math.log(3)) < 1e-6);
  t.deepEqual(bin.predict(empty(2)), ["b", "b"]);
  // Multinomial: counts 1, 2, 5 → softmax(b) = (1, 2, 5) / 8.
  const multi = new SparseLogisticRegression({ tol: 1e-10 }).fit(empty(8), ["a", "b", "b", "c", "c", "c", "c", "c"]);
  const [ba, bb, bc] = multi.intercept as [number, number, number];
  t.true(Math.abs(bb - ba - Math.log(2)) < 1e-6);
  t.true(Math.abs(bc - ba - Math.log(5)) < 1e-6);
});

function blobs(seed: number, n: number, centers: number[][], labels: string[]) {
  const rng = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rng() || 1e-12)) * Math.cos(2 * Math.PI * rng());
  const rows: number[][] = [];
  const y: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % centers.length;
    rows.push(centers[c]!.map((m) => m + gauss()));
    y.push(labels[c]!);
  }
  return { X: csrFromDense(rows), y, rows };
}

const grid = csrFromDense(Array.from({ length: 121 }, (_, i) => [-3 + (i % 11) * 0.6, -3 + Math.floor(i / 11) * 0.6]));

test("agrees with ml-logistic-regression (unregularised, OvR, 3 classes, constant column as intercept)", (t) => {
  // Labels deliberately not 0..K-1: the reference wrapper must encode them.
  const { X, y } = blobs(7, 60, [[0, 0], [2, 0.5], [0.5, 2]], ["support", "oppose", "neutral"]);
  const ours = new SparseLogisticRegression({ l2: 0, multiClass: "ovr", tol: 1e-9, maxIter: 1000 }).fit(X, y);
  const ref = new DenseReferenceLogisticRegression({ numSteps: 50_000, learningRate: 5e-4, intercept: true }).fit(X, y);
  t.deepEqual(ours.predict(X), ref.predict(X));
  t.deepEqual(ours.predict(grid), ref.predict(grid));
  const w = ref.weights();
  ours.classes.forEach((_, k) => {
    t.true(Math.abs(ours.coef[k]![0]! - w[k]![0]!) < 1e-3);
    t.true(Math.abs(ours.coef[k]![1]! - w[k]![1]!) < 1e-3);
    t.true(Math.abs(ours.intercept[k]! - w[k]![2]!) < 1e-3);
  });
});

test("agrees with ml-logistic-regression on two classes (unregularised)", (t) => {
  const { X, y } = blobs(3, 40, [[0, 0], [1.5, 1]], ["true", "false"]);
  const ours = new SparseLogisticRegression({ l2: 0, tol: 1e-9, maxIter: 1000 }).fit(X, y);
  const ref = new DenseReferenceLogisticRegression({ numSteps: 30_000, learningRate: 1e-3 }).fit(X, y);
  t.deepEqual(ours.predict(X), ref.predict(X));
  t.deepEqual(ours.predict(grid), ref.predict(grid));
});

test("multinomial fit is deterministic and L2 shrinks the weights", (t) => {
  const { X, y } = blobs(11, 90, [[0, 0], [2, 0.5], [0.5, 2]], ["a", "b", "c"]);
  const a = new SparseLogisticRegression({ l2: 0.1 }).fit(X, y);
  const b = new SparseLogisticRegression({ l2: 0.1 }).fit(X, y);
  t.deepEqual(a.coef, b.coef);
  t.deepEqual(a.intercept, b.intercept);
  t.true(a.fitInfo[0]!.converged);
  const strong = new SparseLogisticRegression({ l2: 100 }).fit(X, y);
  const norm = (m: SparseLogisticRegression) => m.coef.reduce((s, w) => s + w.reduce((u, v) => u + v * v, 0), 0);
  t.true(norm(strong) < norm(a) / 10);
  // Most training points land on their own class.
  const pred = a.predict(X);
  t.true(pred.filter((p, i) => p === y[i]).length / y.length > 0.7);
});

test("label encoder sorts classes; majority baseline breaks ties by sorted label", (t) => {
  const enc = new LabelEncoder().fit(["support", "oppose", "neutral", "oppose"]);
  t.deepEqual(enc.classes, ["neutral", "oppose", "support"]);
  t.deepEqual([...enc.transform(["support", "neutral"])], [2, 0]);
  t.throws(() => enc.transform(["unknown"]));
  const X = csrFromDense([[1], [1], [1], [1]]);
  t.deepEqual(new MajorityClassifier().fit(X, ["b", "a", "b", "a"]).predict(csrFromDense([[0]])), ["a"]);
  t.deepEqual(new MajorityClassifier().fit(X, ["b", "a", "b", "c"]).predict(csrFromDense([[0], [0]])), ["b", "b"]);
});

test("a single training class predicts that class; the reference refuses matrices too large to densify", (t) => {
  const X = csrFromDense([[1], [0]]);
  t.deepEqual(new SparseLogisticRegression().fit(X, ["x", "x"]).predict(X), ["x", "x"]);
  const wide = new CsrBuilder(1_000_000);
  for (let i = 0; i < 10; i++) wide.addRow([i]);
  t.throws(() => new DenseReferenceLogisticRegression().fit(wide.build(), Array(10).fill("a")), { message: /too large/ });
});

test("multinomial L2 fit matches scikit-learn 1.2.1's LogisticRegression(C=1) coefficients on the same data", (t) => {
  // Expected values: sklearn.linear_model.LogisticRegression(C=1.0, tol=1e-10, max_iter=1000)
  // fitted on exactly these rows (dumped from this generator), printed to 10 decimals.
  const { X, y } = blobs(11, 90, [[0, 0], [2, 0.5], [0.5, 2]], ["a", "b", "c"]);
  const m = new SparseLogisticRegression({ l2: 1, tol: 1e-10, maxIter: 1000 }).fit(X, y);
  const coef = [
    [-0.875402705, -0.7757128536],
    [1.1207807251, -0.298837718],
    [-0.2453780201, 1.0745505717],
  ];
  const intercept = [1.5742122285, -0.7531875368, -0.8210246916];
  coef.forEach((row, k) => row.forEach((w, j) => t.true(Math.abs(m.coef[k]![j]! - w) < 1e-6, `coef[${k}][${j}]`)));
  intercept.forEach((b, k) => t.true(Math.abs(m.intercept[k]! - b) < 1e-6, `intercept[${k}]`));
});
