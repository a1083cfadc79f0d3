// Near-duplicate clustering of sentences across the whole corpus.
//
// Two sentences are near-duplicates when the Jaccard similarity of their word
// 3-shingle sets is >= 0.5 (src/shingles.ts); clusters are the transitive
// closure. Comparing all pairs is quadratic, so candidates come from MinHash
// locality-sensitive hashing (10 bands of 2 rows: a pair at Jaccard 0.5 shares
// a band with probability 1 - (1 - 0.5^2)^10 = 0.94, at 0.6 with 0.99) and
// every candidate is verified with the exact Jaccard of the shingle hashes.
// Exact repeats (same word sequence) are collapsed first, so a corpus that
// repeats sentences costs memory per distinct sentence only.
// The hashing (exactKey, shingleHashes, bandHashes: sentence-hashes.ts) is
// pure, so the build's workers compute it and the index only does the
// lookups, in input order.
import { NEAR_DUP_THRESHOLD } from "../shingles.ts";
import { BANDS, bandHashes, exactKey, shingleHashes } from "./sentence-hashes.ts";
import { KeyIntMap, U32IntMap, U32Pool } from "./u32-map.ts";
import { UnionFind } from "./union-find.ts";

/** Candidates examined per bucket; very common buckets are cut off here (documented approximation). */
const MAX_CHAIN = 64;

export const LSH_BANDS = BANDS;
export { bandHashes, exactKey, shingleHashes };

export interface NearDuplicateStats {
  sentences: number;
  distinct: number;
  candidatePairs: number;
  nearDuplicatePairs: number;
}

export class NearDuplicateIndex {
  private readonly exact = new KeyIntMap();
  private readonly sets = new UnionFind();
  private readonly shingles = new U32Pool();
  /** One table per band: bucket hash → the most recent distinct sentence in it (chains continue in chainNext). */
  private readonly buckets = Array.from({ length: BANDS }, () => new U32IntMap());
  private chainNext = new Int32Array(1024 * BANDS);
  private lastChecked = new Int32Array(1024);
  private added = 0;
  private candidatePairs = 0;
  private nearPairs = 0;

  /** Adds one sentence (its lower-cased words) and returns its distinct-sentence index. */
  add(words: readonly string[]): number {
    const key = exactKey(words);
    const known = this.lookup(key);
    if (known >= 0) return known;
    const sh = shingleHashes(words);
    return this.insert(key, sh, sh.length > 0 ? bandHashes(sh) : null);
  }

  has(key: number): boolean {
    return this.exact.get(key) >= 0;
  }

  /** The distinct index of a sentence already seen (counted as a sentence), or -1. */
  lookup(key: number): number {
    const known = this.exact.get(key);
    if (known < 0) return -1;
    this.added++;
    return known;
  }

  /** Adds a sentence whose key lookup() did not find; `bands` is null when `sh` is empty. */
  insert(key: number, sh: Uint32Array, bands: Uint32Array | null): number {
    return this.insertRange(key, sh, 0, sh.length, bands ?? sh, bands ? 0 : -1);
  }

  /**
   * insert() with the shingles in shingles[from, to) and the band hashes in
   * bands[bandsAt, bandsAt + LSH_BANDS) (bandsAt -1: none), as a batch holds
   * them (collect.ts), so no view is made per sentence.
   */
  insertRange(key: number, shingles: Uint32Array, from: number, to: number, bands: Uint32Array, bandsAt: number): number {
    this.added++;
    const idx = this.sets.add();
    this.exact.set(key, idx);
    this.shingles.pushRange(shingles, from, to);
    this.ensureCapacity(idx + 1);
    this.lastChecked[idx] = -1;
    if (bandsAt >= 0) this.indexAndLink(idx, bands, bandsAt);
    return idx;
  }

  /** Cluster representative (smallest distinct index in the cluster) of a distinct sentence. */
  clusterOf(distinctIdx: number): number {
    return this.sets.find(distinctIdx);
  }

  get distinctCount(): number {
    return this.sets.size;
  }

  stats(): NearDuplicateStats {
    return {
      sentences: this.added,
      distinct: this.sets.size,
      candidatePairs: this.candidatePairs,
      nearDuplicatePairs: this.nearPairs,
    };
  }

  private indexAndLink(idx: number, bands: Uint32Array, at: number): void {
    for (let band = 0; band < BANDS; band++) {
      const table = this.buckets[band]!;
      const bucket = bands[at + band]!;
      const head = table.exchange(bucket, idx);
      this.chainNext[idx * BANDS + band] = head;
      let cand = head;
      for (let steps = 0; cand >= 0 && steps < MAX_CHAIN; steps++) {
        if (this.lastChecked[cand] !== idx) {
          this.lastChecked[cand] = idx;
          this.verify(idx, cand);
        }
        cand = this.chainNext[cand * BANDS + band]!;
      }
    }
  }

  private verify(idx: number, cand: number): void {
    if (this.sets.find(idx) === this.sets.find(cand)) return;
    this.candidatePairs++;
    if (this.shingles.sortedJaccard(idx, cand) >= NEAR_DUP_THRESHOLD) {
      this.nearPairs++;
      this.sets.union(idx, cand);
    }
  }

  private ensureCapacity(n: number): void {
    if (n <= this.lastChecked.length) return;
    const cap = Math.max(n, this.lastChecked.length * 2);
    const lc = new Int32Array(cap);
    lc.set(this.lastChecked);
    this.lastChecked = lc;
    const cn = new Int32Array(cap * BANDS);
    cn.set(this.chainNext);
    this.chainNext = cn;
  }
}
