// Word 3-shingles and their Jaccard similarity: the near-duplicate measure of
// the spec (two sentences with Jaccard >= 0.5 are near-duplicates).
export const SHINGLE_SIZE = 3;
export const NEAR_DUP_THRESHOLD = 0.5;

/**
 * Word k-shingles as strings. A sentence shorter than k words yields one
 * shingle (all its words), so short exact repeats still match each other.
 */
export function shingles(words: readonly string[], k = SHINGLE_SIZE): Set<string> {
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < k) {
    out.add(words.join(" "));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(" "));
  return out;
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function isNearDuplicate(aWords: readonly string[], bWords: readonly string[]): boolean {
  return jaccard(shingles(aWords), shingles(bWords)) >= NEAR_DUP_THRESHOLD;
}
