// ml-logistic-regression 2.0.0 behind the Classifier interface: the dense
// reference model, for small data only. What its source does (read in
// node_modules/ml-logistic-regression/src): full-batch gradient ascent on a
// dense ml-matrix, allocating X's transpose at every step; no intercept; no
// regularisation; one-vs-rest (class k's model scores "not k", predict takes
// the lowest score); labels must be exactly 0..K-1, any other coding trains
// silently and predicts wrongly. This wrapper encodes labels to 0..K-1
// itself, optionally appends a constant-1 column as the intercept, and
// refuses matrices too large to be dense.
import { Matrix } from "ml-matrix";
import LogisticRegression from "ml-logistic-regression";
import { InputError } from "../errors.ts";
import type { Classifier } from "./classifier.ts";
import { LabelEncoder } from "./classifier.ts";
import { csrToDense, type CsrMatrix } from "./csr.ts";
import type { Label } from "./metrics.ts";

export interface DenseReferenceOptions {
  /** Gradient steps (package default 50,000). */
  numSteps?: number;
  /** Step size on the summed gradient (package default 5e-4). */
  learningRate?: number;
  /** Append a constant-1 column so the model has an intercept (default true). */
  intercept?: boolean;
  /** Largest rows × columns accepted (default 5,000,000 cells = 40 MB dense). */
  maxCells?: number;
}

export class DenseReferenceLogisticRegression implements Classifier {
  readonly name = "ml-logistic-regression";
  readonly numSteps: number;
  readonly learningRate: number;
  readonly intercept: boolean;
  readonly maxCells: number;
  readonly encoder = new LabelEncoder();
  model: LogisticRegression | undefined;

  constructor(opts: DenseReferenceOptions = {}) {
    this.numSteps = opts.numSteps ?? 50_000;
    this.learningRate = opts.learningRate ?? 5e-4;
    this.intercept = opts.intercept ?? true;
    this.maxCells = opts.maxCells ?? 5_000_000;
  }

  params(): Record<string, unknown> {
    return {
      solver: "gradient_descent",
      multi_class: "ovr",
      l2: 0,
      fit_intercept: this.intercept,
      num_steps: this.numSteps,
      learning_rate: this.learningRate,
    };
  }

  private dense(X: CsrMatrix): Matrix {
    const cells = X.rows * (X.cols + (this.intercept ? 1 : 0));
    if (cells > this.maxCells)
      throw new InputError(`${X.rows} × ${X.cols} features is too large for the dense reference model (limit ${this.maxCells} cells): use the sparse classifier`);
    return new Matrix(csrToDense(X, this.intercept));
  }

  fit(X: CsrMatrix, y: readonly Label[]): this {
    if (X.rows !== y.length) throw new Error(`X has ${X.rows} rows, y ${y.length} labels`);
    const codes = this.encoder.fit(y).transform(y);
    this.model = new LogisticRegression({ numSteps: this.numSteps, learningRate: this.learningRate });
    this.model.train(this.dense(X), Matrix.columnVector(Array.from(codes)));
    return this;
  }

  predict(X: CsrMatrix): Label[] {
    if (this.model === undefined) throw new Error("predict before fit");
    return this.model.predict(this.dense(X)).map((k) => this.encoder.inverse(k));
  }

  /** Per-class weights (last entry = intercept when enabled), sign-flipped so that class k's model scores "k" like an OvR model. */
  weights(): number[][] {
    const json = this.model?.toJSON() as { classifiers: Array<{ weights: Matrix }> } | undefined;
    if (json === undefined) throw new Error("weights before fit");
    return json.classifiers.map((c) => c.weights.to1DArray().map((w) => -w));
  }
}
