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
// The hashing (exactKey, shingleHashes, bandHashes) is pure, so the build's
// workers compute it and the index only does the lookups, in input order.
import { NEAR_DUP_THRESHOLD, SHINGLE_SIZE } from "../shingles.ts";
import { U32IntMap, U32Pool } from "./u32-map.ts";
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

/** 53 bits from two independent 32-bit hashes of the word sequence: collisions are ~1e-4 at 3M distinct sentences. */
export function exactKey(words: readonly string[]): number {
  const joined = words.join(" ");
  return (hashString(joined, 0x51ed270b) & 0x1fffff) * 0x100000000 + hashString(joined, 0x2545f491);
}

/** The LSH bucket hash of each band (MinHash signature of the shingle hashes); `sh` must not be empty. */
export function bandHashes(sh: Uint32Array): Uint32Array {
  const mins = new Uint32Array(NUM_HASHES);
  for (let k = 0; k < NUM_HASHES; k++) {
    const salt = SALTS[k]!;
    let m = 0xffffffff;
    for (let s = 0; s < sh.length; s++) {
      const v = fmix32(sh[s]! ^ salt);
      if (v < m) m = v;
    }
    mins[k] = m;
  }
  const bands = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = band + 1;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 31) ^ mins[band * ROWS + r]!);
    bands[band] = h;
  }
  return bands;
}

export const LSH_BANDS = BANDS;

export interface NearDuplicateStats {
  sentences: number;
  distinct: number;
  candidatePairs: number;
  nearDuplicatePairs: number;
}

export class NearDuplicateIndex {
  private readonly exact = new Map<number, number>();
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
    return this.exact.has(key);
  }

  /** The distinct index of a sentence already seen (counted as a sentence), or -1. */
  lookup(key: number): number {
    const known = this.exact.get(key);
    if (known === undefined) return -1;
    this.added++;
    return known;
  }

  /** Adds a sentence whose key lookup() did not find; `bands` is null when `sh` is empty. */
  insert(key: number, sh: Uint32Array, bands: Uint32Array | null): number {
    this.added++;
    const idx = this.sets.add();
    this.exact.set(key, idx);
    this.shingles.push(sh);
    this.ensureCapacity(idx + 1);
    this.lastChecked[idx] = -1;
    if (bands) this.indexAndLink(idx, bands);
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

  private indexAndLink(idx: number, bands: Uint32Array): void {
    for (let band = 0; band < BANDS; band++) {
      const table = this.buckets[band]!;
      const head = table.get(bands[band]!);
      this.chainNext[idx * BANDS + band] = head;
      table.set(bands[band]!, idx);
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
    if (sortedJaccard(this.shingles.get(idx), this.shingles.get(cand)) >= NEAR_DUP_THRESHOLD) {
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
