// Sparse L2-regularised logistic regression on CSR features, fitted with
// L-BFGS. Objective (scikit-learn's, with C = 1 / l2):
//   Σ_i loss_i + (l2 / 2) · ‖W‖²       (intercepts are not penalised)
// - two classes: one binary model, positive class = classes[1] (sorted);
// - more: multinomial softmax (default) or one-vs-rest binary models.
// Cost per objective evaluation is O(non-zeros × classes); memory is the
// parameters times (2 × L-BFGS memory + 4). Starts from zero: deterministic.
import type { Classifier } from "./classifier.ts";
import { LabelEncoder } from "./classifier.ts";
import type { CsrMatrix } from "./csr.ts";
import { lbfgs, type LbfgsResult } from "./lbfgs.ts";
import type { Label } from "./metrics.ts";
import { binaryLoss, isUnitValued, multinomialLoss } from "./objectives.ts";

export interface SparseLogisticRegressionOptions {
  /** L2 strength λ on the weights (= 1/C in scikit-learn), default 1. 0 = unregularised. */
  l2?: number;
  /** L-BFGS iterations per model, default 100. */
  maxIter?: number;
  /** Gradient tolerance (max |g_i| of the objective above), default 1e-4. */
  tol?: number;
  /** "multinomial" (default) or "ovr"; two classes always fit one binary model. */
  multiClass?: "multinomial" | "ovr";
  /** Fit intercepts (default true). */
  fitIntercept?: boolean;
  /** L-BFGS memory, default 10. */
  memory?: number;
}

export interface FitInfo {
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: string;
  objective: number;
}

export class SparseLogisticRegression implements Classifier {
  readonly name = "logreg";
  readonly l2: number;
  readonly maxIter: number;
  readonly tol: number;
  readonly multiClass: "multinomial" | "ovr";
  readonly fitIntercept: boolean;
  readonly memory: number;
  readonly encoder = new LabelEncoder();
  /** One weight row per model: 1 row for two classes, K rows otherwise (sklearn's coef_). */
  coef: Float64Array[] = [];
  intercept: number[] = [];
  fitInfo: FitInfo[] = [];

  constructor(opts: SparseLogisticRegressionOptions = {}) {
    this.l2 = opts.l2 ?? 1;
    this.maxIter = opts.maxIter ?? 100;
    this.tol = opts.tol ?? 1e-4;
    this.multiClass = opts.multiClass ?? "multinomial";
    this.fitIntercept = opts.fitIntercept ?? true;
    this.memory = opts.memory ?? 10;
    if (!(this.l2 >= 0)) throw new Error("l2 must be ≥ 0");
    if (!Number.isInteger(this.maxIter) || this.maxIter < 1) throw new Error("maxIter must be an integer ≥ 1");
    if (!(this.tol > 0)) throw new Error("tol must be > 0");
  }

  get classes(): Label[] {
    return this.encoder.classes;
  }

  params(): Record<string, unknown> {
    return {
      solver: "lbfgs",
      multi_class: this.multiClass,
      l2: this.l2,
      C: this.l2 === 0 ? null : 1 / this.l2,
      fit_intercept: this.fitIntercept,
      max_iter: this.maxIter,
      tol: this.tol,
      lbfgs_memory: this.memory,
    };
  }

  fit(X: CsrMatrix, y: readonly Label[]): this {
    if (X.rows !== y.length) throw new Error(`X has ${X.rows} rows, y ${y.length} labels`);
    if (X.rows === 0) throw new Error("cannot fit on zero rows");
    const codes = this.encoder.fit(y).transform(y);
    const K = this.encoder.classes.length;
    this.coef = [];
    this.intercept = [];
    this.fitInfo = [];
    if (K === 1) {
      // A single class: every prediction is that class.
      this.coef = [new Float64Array(X.cols)];
      this.intercept = [0];
    } else if (K === 2) {
      this.fitBinary(X, Uint8Array.from(codes, (c) => (c === 1 ? 1 : 0)));
    } else if (this.multiClass === "ovr") {
      for (let k = 0; k < K; k++) this.fitBinary(X, Uint8Array.from(codes, (c) => (c === k ? 1 : 0)));
    } else {
      this.fitMultinomial(X, codes, K);
    }
    return this;
  }

  private record(res: LbfgsResult): void {
    this.fitInfo.push({
      iterations: res.iterations,
      evaluations: res.evaluations,
      converged: res.converged,
      reason: res.reason,
      objective: res.f,
    });
  }

  private fitBinary(X: CsrMatrix, y: Uint8Array): void {
    const d = X.cols;
    const useB = this.fitIntercept;
    const l2 = this.l2;
    const unit = isUnitValued(X);
    const fg = (theta: Float64Array, grad: Float64Array) => binaryLoss(X, y, l2, useB, unit, theta, grad);
    const res = lbfgs(fg, new Float64Array(d + (useB ? 1 : 0)), this.lbfgsOptions());
    this.coef.push(res.x.slice(0, d));
    this.intercept.push(useB ? res.x[d]! : 0);
    this.record(res);
  }

  private fitMultinomial(X: CsrMatrix, y: Int32Array, K: number): void {
    const d = X.cols;
    const nW = d * K;
    const useB = this.fitIntercept;
    const l2 = this.l2;
    const scratch = new Float64Array(K);
    const unit = isUnitValued(X);
    const fg = (theta: Float64Array, grad: Float64Array) => multinomialLoss(X, y, K, l2, useB, unit, theta, grad, scratch);
    const res = lbfgs(fg, new Float64Array(nW + (useB ? K : 0)), this.lbfgsOptions());
    for (let k = 0; k < K; k++) {
      const w = new Float64Array(d);
      for (let j = 0; j < d; j++) w[j] = res.x[j * K + k]!;
      this.coef.push(w);
      this.intercept.push(useB ? res.x[nW + k]! : 0);
    }
    this.record(res);
  }

  private lbfgsOptions() {
    return { maxIter: this.maxIter, gtol: this.tol, memory: this.memory };
  }

  /** Linear scores, one Float64Array per model row (see `coef`). */
  decisionFunction(X: CsrMatrix): Float64Array[] {
    if (this.coef.length === 0) throw new Error("predict before fit");
    if (X.cols !== this.coef[0]!.length) throw new Error(`X has ${X.cols} columns, the model ${this.coef[0]!.length}`);
    return this.coef.map((w, k) => {
      const out = new Float64Array(X.rows);
      const b = this.intercept[k]!;
      for (let i = 0; i < X.rows; i++) {
        let s = b;
        for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) s += X.data[p]! * w[X.indices[p]!]!;
        out[i] = s;
      }
      return out;
    });
  }

  predict(X: CsrMatrix): Label[] {
    const scores = this.decisionFunction(X);
    const K = this.encoder.classes.length;
    const out: Label[] = new Array<Label>(X.rows);
    for (let i = 0; i < X.rows; i++) {
      let k = 0;
      if (K === 2) k = scores[0]![i]! > 0 ? 1 : 0;
      else if (K > 2) for (let c = 1; c < K; c++) if (scores[c]![i]! > scores[k]![i]!) k = c;
      out[i] = this.encoder.inverse(k);
    }
    return out;
  }
}
