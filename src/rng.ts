// A small seeded PRNG (mulberry32) for the bootstrap and the tagger training: Math.random is neither
// seedable nor the same on every machine. 32-bit integer arithmetic only, so
// the stream is identical everywhere for a given seed.

/** Returns a generator of floats in [0, 1), fully determined by `seed` (any integer; taken mod 2^32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n) from `rng` (n ≤ 2^32; the bias is below 2^-32 · n). */
export function randInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}
