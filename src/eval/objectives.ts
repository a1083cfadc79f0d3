// Log-loss objectives and gradients over CSR rows, written as top-level
// functions whose arrays arrive as arguments (V8 keeps them in registers;
// closure-captured arrays made the loops ~2× slower), with the common
// three-class case unrolled. Each computes, in a fixed order,
//   f = Σ_i loss_i + (l2 / 2) · Σ w²    (intercepts unpenalised)
// and writes ∂f/∂θ into `grad`.
import type { CsrMatrix } from "./csr.ts";

/** Adds the L2 term over the first `nW` entries of θ to `grad`; returns (l2/2)·Σ w². */
function penalty(theta: Float64Array, grad: Float64Array, nW: number, l2: number): number {
  if (l2 === 0) return 0;
  let sq = 0;
  for (let j = 0; j < nW; j++) {
    const w = theta[j]!;
    sq += w * w;
    grad[j] = grad[j]! + l2 * w;
  }
  return 0.5 * l2 * sq;
}

/** True when every stored value is 1 (binary features): the kernels then skip the multiplications. */
export function isUnitValued(X: CsrMatrix): boolean {
  const data = X.data;
  for (let p = 0; p < data.length; p++) if (data[p] !== 1) return false;
  return true;
}

/** Binary log-loss, y ∈ {0,1}. θ = [w_0..w_{d-1}, b] (b only when `intercept`). */
export function binaryLoss(X: CsrMatrix, y: Uint8Array, l2: number, intercept: boolean, unit: boolean, theta: Float64Array, grad: Float64Array): number {
  const loss = unit
    ? binaryUnit(X.indptr, X.indices, X.rows, X.cols, y, intercept, theta, grad)
    : binaryValued(X.indptr, X.indices, X.data, X.rows, X.cols, y, intercept, theta, grad);
  return loss + penalty(theta, grad, X.cols, l2);
}

function binaryValued(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  rows: number,
  d: number,
  y: Uint8Array,
  intercept: boolean,
  theta: Float64Array,
  grad: Float64Array,
): number {
  grad.fill(0);
  const b = intercept ? theta[d]! : 0;
  let loss = 0;
  let gb = 0;
  let start = indptr[0]!;
  for (let i = 0; i < rows; i++) {
    const end = indptr[i + 1]!;
    let z = b;
    for (let p = start; p < end; p++) z += data[p]! * theta[indices[p]!]!;
    // One exp per row: e = exp(-|z|), loss = max(z,0) + log1p(e) - y·z, residual = σ(z) - y.
    const yi = y[i]!;
    const e = Math.exp(-Math.abs(z));
    loss += (z > 0 ? z : 0) + Math.log1p(e) - (yi === 1 ? z : 0);
    const r = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi;
    for (let p = start; p < end; p++) {
      const j = indices[p]!;
      grad[j] = grad[j]! + data[p]! * r;
    }
    gb += r;
    start = end;
  }
  if (intercept) grad[d] = gb;
  return loss;
}

/** binaryValued for 0/1 features (every stored value is 1): identical arithmetic minus the ·1 products. */
function binaryUnit(
  indptr: Int32Array,
  indices: Int32Array,
  rows: number,
  d: number,
  y: Uint8Array,
  intercept: boolean,
  theta: Float64Array,
  grad: Float64Array,
): number {
  grad.fill(0);
  const b = intercept ? theta[d]! : 0;
  let loss = 0;
  let gb = 0;
  let start = indptr[0]!;
  for (let i = 0; i < rows; i++) {
    const end = indptr[i + 1]!;
    let z = b;
    for (let p = start; p < end; p++) z += theta[indices[p]!]!;
    // One exp per row: e = exp(-|z|), loss = max(z,0) + log1p(e) - y·z, residual = σ(z) - y.
    const yi = y[i]!;
    const e = Math.exp(-Math.abs(z));
    loss += (z > 0 ? z : 0) + Math.log1p(e) - (yi === 1 ? z : 0);
    const r = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi;
    for (let p = start; p < end; p++) {
      const j = indices[p]!;
      grad[j] = grad[j]! + r;
    }
    gb += r;
    start = end;
  }
  if (intercept) grad[d] = gb;
  return loss;
}

/**
 * Multinomial log-loss, y ∈ 0..K-1. θ is feature-major: w(j,k) = θ[j·K + k]
 * for j < d, then the K intercepts (when `intercept`).
 */
export function multinomialLoss(
  X: CsrMatrix,
  y: Int32Array,
  K: number,
  l2: number,
  intercept: boolean,
  unit: boolean,
  theta: Float64Array,
  grad: Float64Array,
  scratch: Float64Array,
): number {
  const loss =
    K !== 3
      ? multinomialK(X.indptr, X.indices, X.data, X.rows, X.cols, y, K, intercept, theta, grad, scratch)
      : unit
        ? multinomial3Unit(X.indptr, X.indices, X.rows, X.cols, y, intercept, theta, grad)
        : multinomial3(X.indptr, X.indices, X.data, X.rows, X.cols, y, intercept, theta, grad);
  return loss + penalty(theta, grad, X.cols * K, l2);
}

function multinomial3(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  rows: number,
  d: number,
  y: Int32Array,
  intercept: boolean,
  theta: Float64Array,
  grad: Float64Array,
): number {
  grad.fill(0);
  const nW = d * 3;
  const b0 = intercept ? theta[nW]! : 0;
  const b1 = intercept ? theta[nW + 1]! : 0;
  const b2 = intercept ? theta[nW + 2]! : 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let loss = 0;
  let start = indptr[0]!;
  for (let i = 0; i < rows; i++) {
    const end = indptr[i + 1]!;
    let z0 = b0;
    let z1 = b1;
    let z2 = b2;
    for (let p = start; p < end; p++) {
      const base = indices[p]! * 3;
      const v = data[p]!;
      z0 += v * theta[base]!;
      z1 += v * theta[base + 1]!;
      z2 += v * theta[base + 2]!;
    }
    const yi = y[i]!;
    const zy = yi === 0 ? z0 : yi === 1 ? z1 : z2;
    const max = z0 >= z1 ? (z0 >= z2 ? z0 : z2) : z1 >= z2 ? z1 : z2;
    const e0 = Math.exp(z0 - max);
    const e1 = Math.exp(z1 - max);
    const e2 = Math.exp(z2 - max);
    const sum = e0 + e1 + e2;
    loss += max + Math.log(sum) - zy;
    const r0 = e0 / sum - (yi === 0 ? 1 : 0);
    const r1 = e1 / sum - (yi === 1 ? 1 : 0);
    const r2 = e2 / sum - (yi === 2 ? 1 : 0);
    for (let p = start; p < end; p++) {
      const base = indices[p]! * 3;
      const v = data[p]!;
      grad[base] = grad[base]! + v * r0;
      grad[base + 1] = grad[base + 1]! + v * r1;
      grad[base + 2] = grad[base + 2]! + v * r2;
    }
    g0 += r0;
    g1 += r1;
    g2 += r2;
    start = end;
  }
  if (intercept) {
    grad[nW] = g0;
    grad[nW + 1] = g1;
    grad[nW + 2] = g2;
  }
  return loss;
}

/** multinomial3 for 0/1 features: identical arithmetic minus the ·1 products. */
function multinomial3Unit(
  indptr: Int32Array,
  indices: Int32Array,
  rows: number,
  d: number,
  y: Int32Array,
  intercept: boolean,
  theta: Float64Array,
  grad: Float64Array,
): number {
  grad.fill(0);
  const nW = d * 3;
  const b0 = intercept ? theta[nW]! : 0;
  const b1 = intercept ? theta[nW + 1]! : 0;
  const b2 = intercept ? theta[nW + 2]! : 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let loss = 0;
  let start = indptr[0]!;
  for (let i = 0; i < rows; i++) {
    const end = indptr[i + 1]!;
    let z0 = b0;
    let z1 = b1;
    let z2 = b2;
    for (let p = start; p < end; p++) {
      const base = indices[p]! * 3;
      z0 += theta[base]!;
      z1 += theta[base + 1]!;
      z2 += theta[base + 2]!;
    }
    const yi = y[i]!;
    const zy = yi === 0 ? z0 : yi === 1 ? z1 : z2;
    const max = z0 >= z1 ? (z0 >= z2 ? z0 : z2) : z1 >= z2 ? z1 : z2;
    const e0 = Math.exp(z0 - max);
    const e1 = Math.exp(z1 - max);
    const e2 = Math.exp(z2 - max);
    const sum = e0 + e1 + e2;
    loss += max + Math.log(sum) - zy;
    const r0 = e0 / sum - (yi === 0 ? 1 : 0);
    const r1 = e1 / sum - (yi === 1 ? 1 : 0);
    const r2 = e2 / sum - (yi === 2 ? 1 : 0);
    for (let p = start; p < end; p++) {
      const base = indices[p]! * 3;
      grad[base] = grad[base]! + r0;
      grad[base + 1] = grad[base + 1]! + r1;
      grad[base + 2] = grad[base + 2]! + r2;
    }
    g0 += r0;
    g1 += r1;
    g2 += r2;
    start = end;
  }
  if (intercept) {
    grad[nW] = g0;
    grad[nW + 1] = g1;
    grad[nW + 2] = g2;
  }
  return loss;
}

function multinomialK(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  rows: number,
  d: number,
  y: Int32Array,
  K: number,
  intercept: boolean,
  theta: Float64Array,
  grad: Float64Array,
  z: Float64Array,
): number {
  grad.fill(0);
  const nW = d * K;
  let loss = 0;
  let start = indptr[0]!;
  for (let i = 0; i < rows; i++) {
    const end = indptr[i + 1]!;
    for (let k = 0; k < K; k++) z[k] = intercept ? theta[nW + k]! : 0;
    for (let p = start; p < end; p++) {
      const base = indices[p]! * K;
      const v = data[p]!;
      for (let k = 0; k < K; k++) z[k] = z[k]! + v * theta[base + k]!;
    }
    const yi = y[i]!;
    const zy = z[yi]!;
    let max = z[0]!;
    for (let k = 1; k < K; k++) if (z[k]! > max) max = z[k]!;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(z[k]! - max);
      z[k] = e;
      sum += e;
    }
    loss += max + Math.log(sum) - zy;
    for (let k = 0; k < K; k++) z[k] = z[k]! / sum - (k === yi ? 1 : 0);
    for (let p = start; p < end; p++) {
      const base = indices[p]! * K;
      const v = data[p]!;
      for (let k = 0; k < K; k++) grad[base + k] = grad[base + k]! + v * z[k]!;
    }
    if (intercept) for (let k = 0; k < K; k++) grad[nW + k] = grad[nW + k]! + z[k]!;
    start = end;
  }
  return loss;
}
