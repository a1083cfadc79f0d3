// Paired comparisons of two systems on the same items.
// - Paired bootstrap (Berg-Kirkpatrick, Burkett & Klein 2012): on every
//   resample of the shared stream (bootstrap.ts, so the same resamples as the
//   CIs) both systems are scored on the same drawn items and Δ* = A − B is
//   taken. The 95% CI of Δ is the percentile interval of Δ*. The p-value is
//   the two-sided form of their test: Δ* − Δ approximates Δ's distribution
//   under "no difference", so p = (r + 1) / (B + 1) with r the resamples
//   with |Δ* − Δ| ≥ |Δ| (their one-sided version counts Δ* > 2Δ; the +1s
//   keep p above 0 for a finite B).
// - McNemar's exact test on accuracy: the two-sided binomial test (p = ½) on
//   the discordant items, p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½),
//   as statsmodels' mcnemar(exact=True).
import { forEachResample, percentileInterval } from "./bootstrap.ts";
import type { Task } from "./data.ts";
import type { Label } from "./metrics.ts";
import { makeScorer, metricsOf, type BootstrapSettings, type Stats } from "./scoring.ts";

export interface MetricDelta {
  metric: keyof Stats;
  a: number;
  b: number;
  /** a − b on all compared items. */
  delta: number;
  delta_ci95: [number, number];
  /** Two-sided paired-bootstrap p-value (see the file comment). */
  p: number;
}

export interface McNemar {
  /** Items A gets right and B wrong. */
  a_only: number;
  /** Items B gets right and A wrong. */
  b_only: number;
  p: number;
}

export interface Comparison {
  a: string;
  b: string;
  /** Items both systems were scored on. */
  n: number;
  metrics: MetricDelta[];
  mcnemar: McNemar;
}

/** Slack for comparing bootstrap deltas that are equal up to rounding. */
const TIE = 1e-12;

/** log(e^x + e^y) without overflow. */
function logAdd(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}

/** P(X ≤ k) for X ~ Bin(n, ½), summed in log space (n can be in the thousands). */
export function binomialCdfHalf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logPmf = -n * Math.LN2; // P(X = 0)
  let logCdf = logPmf;
  for (let i = 0; i < k; i++) {
    logPmf += Math.log((n - i) / (i + 1));
    logCdf = logAdd(logCdf, logPmf);
  }
  return Math.min(1, Math.exp(logCdf));
}

/** McNemar's exact two-sided p-value from the discordant counts. */
export function mcnemarExact(aOnly: number, bOnly: number): number {
  const n = aOnly + bOnly;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialCdfHalf(Math.min(aOnly, bOnly), n));
}

/** Compares systems A and B on the same items (yTrue[i], predA[i], predB[i] describe one item). */
export function compareSystems(
  task: Task,
  names: { a: string; b: string },
  yTrue: readonly Label[],
  predA: readonly Label[],
  predB: readonly Label[],
  boot: BootstrapSettings,
): Comparison {
  const A = makeScorer(task, yTrue, predA);
  const B = makeScorer(task, yTrue, predB);
  const metrics = metricsOf(task);
  const whole = { a: A.stats(), b: B.stats() };
  const deltas = new Map(metrics.map((m) => [m, [] as number[]]));
  forEachResample(yTrue.length, boot.resamples, boot.seed, (idx) => {
    const sa = A.stats(idx);
    const sb = B.stats(idx);
    for (const m of metrics) deltas.get(m)!.push(sa[m]! - sb[m]!);
  });
  const out: MetricDelta[] = metrics.map((m) => {
    const a = whole.a[m]!;
    const b = whole.b[m]!;
    const delta = a - b;
    const samples = deltas.get(m)!;
    let extreme = 0;
    // Ties (|Δ* − Δ| = |Δ| exactly, common for a discrete statistic) count as extreme, whatever the rounding.
    for (const d of samples) if (Math.abs(d - delta) >= Math.abs(delta) - TIE) extreme++;
    // (extreme + 1) / (B + 1): a p-value from B resamples is never below 1/(B + 1) (Davison & Hinkley 1997, eq. 4.11).
    return { metric: m, a, b, delta, delta_ci95: percentileInterval(samples, 0.95), p: (extreme + 1) / (samples.length + 1) };
  });
  let aOnly = 0;
  let bOnly = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (A.correct[i] && !B.correct[i]) aOnly++;
    else if (B.correct[i] && !A.correct[i]) bOnly++;
  }
  return { a: names.a, b: names.b, n: yTrue.length, metrics: out, mcnemar: { a_only: aOnly, b_only: bOnly, p: mcnemarExact(aOnly, bOnly) } };
}
