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
import { NEAR_DUP_THRESHOLD, SHINGLE_SIZE } from "../shingles.ts";
import { UnionFind } from "./union-find.ts";

const BANDS = 10;
const ROWS = 2;
const NUM_HASHES = BANDS * ROWS;
/** Candidates examined per bucket; very common buckets are cut off here (documented approximation). */
const MAX_CHAIN = 64;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

// Fixed salts: MinHash permutations must be the same on every run and machine.
const SALTS = Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));

/** Sorted distinct 32-bit hashes of the word 3-shingles (one shingle for a shorter sentence). */
export function shingleHashes(words: readonly string[]): Uint32Array {
  const wordHashes = words.map((w) => hashString(w, 0));
  const raw: number[] = [];
  if (wordHashes.length > 0 && wordHashes.length < SHINGLE_SIZE) {
    let h = 0x12345;
    for (const w of wordHashes) h = fmix32(Math.imul(h, 31) ^ w);
    raw.push(h);
  } else {
    for (let i = 0; i + SHINGLE_SIZE <= wordHashes.length; i++) {
      let h = 0x12345;
      for (let j = i; j < i + SHINGLE_SIZE; j++) h = fmix32(Math.imul(h, 31) ^ wordHashes[j]!);
      raw.push(h);
    }
  }
  const sorted = Uint32Array.from(raw).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

export interface NearDuplicateStats {
  sentences: number;
  distinct: number;
  candidatePairs: number;
  nearDuplicatePairs: number;
}

export class NearDuplicateIndex {
  private readonly exact = new Map<number, number>();
  private readonly sets = new UnionFind();
  private readonly shingles: Uint32Array[] = [];
  private readonly buckets = new Map<number, number>();
  private chainNext = new Int32Array(1024 * BANDS);
  private lastChecked = new Int32Array(1024);
  private added = 0;
  private candidatePairs = 0;
  private nearPairs = 0;

  /** Adds one sentence (its lower-cased words) and returns its distinct-sentence index. */
  add(words: readonly string[]): number {
    this.added++;
    const key = this.exactKey(words);
    const known = this.exact.get(key);
    if (known !== undefined) return known;
    const idx = this.sets.add();
    this.exact.set(key, idx);
    const sh = shingleHashes(words);
    this.shingles.push(sh);
    this.ensureCapacity(idx + 1);
    this.lastChecked[idx] = -1;
    if (sh.length > 0) this.indexAndLink(idx, sh);
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

  private exactKey(words: readonly string[]): number {
    const joined = words.join(" ");
    // 53 bits from two independent 32-bit hashes: collisions are ~1e-4 at 3M distinct sentences.
    return (hashString(joined, 0x51ed270b) & 0x1fffff) * 0x100000000 + hashString(joined, 0x2545f491);
  }

  private indexAndLink(idx: number, sh: Uint32Array): void {
    const mins = new Uint32Array(NUM_HASHES).fill(0xffffffff);
    for (let k = 0; k < NUM_HASHES; k++) {
      const salt = SALTS[k]!;
      let m = 0xffffffff;
      for (let s = 0; s < sh.length; s++) {
        const v = fmix32(sh[s]! ^ salt);
        if (v < m) m = v;
      }
      mins[k] = m;
    }
    for (let band = 0; band < BANDS; band++) {
      let h = band + 1;
      for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 31) ^ mins[band * ROWS + r]!);
      const bucketKey = band * 0x100000000 + h;
      const head = this.buckets.get(bucketKey);
      this.chainNext[idx * BANDS + band] = head ?? -1;
      this.buckets.set(bucketKey, idx);
      let cand = head ?? -1;
      for (let steps = 0; cand >= 0 && steps < MAX_CHAIN; steps++) {
        if (this.lastChecked[cand] !== idx) {
          this.lastChecked[cand] = idx;
          this.verify(idx, cand, sh);
        }
        cand = this.chainNext[cand * BANDS + band]!;
      }
    }
  }

  private verify(idx: number, cand: number, sh: Uint32Array): void {
    if (this.sets.find(idx) === this.sets.find(cand)) return;
    this.candidatePairs++;
    if (sortedJaccard(sh, this.shingles[cand]!) >= NEAR_DUP_THRESHOLD) {
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
