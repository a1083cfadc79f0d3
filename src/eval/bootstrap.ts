// The bootstrap resamples every interval and paired test uses: resample b
// draws n item indices with replacement from one mulberry32(seed) stream, in
// order, so every system scored on the same n items (CIs) and every pair of
// systems (paired tests) sees exactly the same resamples.
import { percentile } from "./metrics.ts";
import { mulberry32, randInt } from "../rng.ts";

/** Calls `visit(idx, b)` for each of `resamples` resamples of n indices; `idx` is reused between calls. */
export function forEachResample(n: number, resamples: number, seed: number, visit: (idx: Int32Array, b: number) => void): void {
  const rng = mulberry32(seed);
  const idx = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = randInt(rng, n);
    visit(idx, b);
  }
}

/** Every resample's indices as arrays (for tests and for exporting the sequence to an independent check). */
export function resampleIndices(n: number, resamples: number, seed: number): number[][] {
  const out: number[][] = [];
  forEachResample(n, resamples, seed, (idx) => out.push(Array.from(idx)));
  return out;
}

/** The (1-c)/2 and (1+c)/2 percentiles (numpy's linear interpolation) of `values` (sorted in place). */
export function percentileInterval(values: number[], confidence: number): [number, number] {
  values.sort((a, b) => a - b);
  return [percentile(values, (1 - confidence) / 2), percentile(values, (1 + confidence) / 2)];
}
