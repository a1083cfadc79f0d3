// ml-logistic-regression 2.x ships no types. Matrix comes from ml-matrix (its dependency).
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";
  export interface LogisticRegressionOptions {
    numSteps?: number;
    learningRate?: number;
  }
  export default class LogisticRegression {
    constructor(options?: LogisticRegressionOptions);
    train(X: Matrix, Y: Matrix | number[]): void;
    predict(X: Matrix): number[];
    toJSON(): unknown;
  }
}
