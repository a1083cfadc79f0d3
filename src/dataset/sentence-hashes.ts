// The near-duplicate hashes of sentences (see near-duplicates.ts for what they
// are for): a 53-bit exact key of the word sequence, the sorted distinct
// 32-bit hashes of its word 3-shingles, and the MinHash LSH band hashes. All
// pure, so the build's workers compute them and the main thread only looks
// them up. hashSentences() does a whole batch into flat typed arrays with
// scratch buffers, and hashes each word's characters once for both the key
// and the shingles, without joining the words: per sentence it allocates
// nothing. The per-sentence exports give the same values (they allocate their
// results); changing any value here changes the near-duplicate clusters.
import { SHINGLE_SIZE } from "../shingles.ts";
import type { KeyIntMap } from "./u32-map.ts";

export const BANDS = 10;
const ROWS = 2;
const NUM_HASHES = BANDS * ROWS;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SHINGLE_SEED = 0x12345;
/** The two seeds of exactKey's halves (high 21 bits, low 32 bits). */
const KEY_SEED_HIGH = 0x51ed270b;
const KEY_SEED_LOW = 0x2545f491;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed salts: MinHash permutations must be the same on every run and machine.
const SALTS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));

const ALNUM_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (/[a-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A UTF-16 code unit above ASCII that belongs to a letter or digit (surrogates count: a pair is kept whole). */
function isLetterOrDigit(c: number): boolean {
  return (c >= 0xd800 && c <= 0xdfff) || LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/**
 * 53 bits from two independent 32-bit hashes of the sentence's letters and
 * digits (its words lower-cased, everything else dropped), so the exact-repeat
 * key folds case, punctuation, quote style (’ vs ') and how the tokenizer cut
 * the words ("don’t" vs "do n't"). Collisions are ~1e-4 at 3M distinct sentences.
 */
export function exactKey(words: readonly string[]): number {
  return keyAndWordHashes(words);
}

/** Sorted distinct 32-bit hashes of the word 3-shingles (one shingle for a shorter sentence). */
export function shingleHashes(words: readonly string[]): Uint32Array {
  keyAndWordHashes(words);
  const count = shinglesInto(words.length); // may replace scratchShingles: read it after
  return scratchShingles.slice(0, count);
}

/** The LSH bucket hash of each band (MinHash signature of the shingle hashes); `sh` must not be empty. */
export function bandHashes(sh: Uint32Array): Uint32Array {
  const bands = new Uint32Array(BANDS);
  bandsInto(sh, 0, sh.length, bands, 0);
  return bands;
}

let scratchWords = new Uint32Array(256);
let scratchShingles = new Uint32Array(256);
const scratchMins = new Uint32Array(NUM_HASHES);
/**
 * exactKey of `words` (their letters and digits), without building a joined string;
 * leaves each word's hash in scratchWords for shinglesInto.
 */
function keyAndWordHashes(words: readonly string[]): number {
  const n = words.length;
  if (scratchWords.length < n) scratchWords = new Uint32Array(n * 2);
  const wordHashes = scratchWords;
  let high = (FNV_OFFSET ^ KEY_SEED_HIGH) >>> 0;
  let low = (FNV_OFFSET ^ KEY_SEED_LOW) >>> 0;
  for (let w = 0; w < n; w++) {
    const word = words[w]!;
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h = Math.imul(h ^ c, FNV_PRIME);
      // The key folds punctuation, quote style and word breaks: letters and digits only.
      if (c < 128 ? ALNUM_ASCII[c] === 1 : isLetterOrDigit(c)) {
        high = Math.imul(high ^ c, FNV_PRIME);
        low = Math.imul(low ^ c, FNV_PRIME);
      }
    }
    wordHashes[w] = fmix32(h);
  }
  return (fmix32(high) & 0x1fffff) * 0x100000000 + fmix32(low);
}

/**
 * Writes the sorted distinct shingle hashes of the n words whose hashes
 * keyAndWordHashes left in scratchWords to scratchShingles; returns their count.
 */
function shinglesInto(n: number): number {
  if (n === 0) return 0;
  if (scratchShingles.length < n) scratchShingles = new Uint32Array(n * 2);
  const wordHashes = scratchWords;
  const out = scratchShingles;
  let count = 0;
  if (n < SHINGLE_SIZE) {
    let h = SHINGLE_SEED;
    for (let w = 0; w < n; w++) h = fmix32(Math.imul(h, 31) ^ wordHashes[w]!);
    out[count++] = h;
  } else {
    for (let i = 0; i + SHINGLE_SIZE <= n; i++) {
      let h = SHINGLE_SEED;
      for (let j = i; j < i + SHINGLE_SIZE; j++) h = fmix32(Math.imul(h, 31) ^ wordHashes[j]!);
      out[count++] = h;
    }
  }
  sortU32(out, count);
  let distinct = 1;
  for (let i = 1; i < count; i++) if (out[i] !== out[distinct - 1]) out[distinct++] = out[i]!;
  return distinct;
}

/** Ascending sort of a[0, n): insertion sort for the usual short sentence, the native sort beyond. */
function sortU32(a: Uint32Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** fmix32(h) with its top bit flipped, as an int32: signed order of these = unsigned order of fmix32's. */
function flippedMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16) ^ 0x80000000;
}

const SIGNED_SALTS = Int32Array.from(SALTS);
const MAX_FLIPPED = 0x7fffffff; // 0xffffffff, the unsigned maximum, with its top bit flipped

/**
 * Band hashes of the shingles sh[from, to) (not empty) into out[at, at + BANDS).
 * The MinHash minima are taken four salts per pass over the shingles
 * (NUM_HASHES, 20, is a multiple of 4), in signed int32 arithmetic
 * (flippedMix): independent hash chains the CPU overlaps, and no
 * unsigned-to-double conversion; the minima are fmix32's.
 */
function bandsInto(sh: Uint32Array, from: number, to: number, out: Uint32Array, at: number): void {
  const mins = scratchMins;
  for (let k = 0; k < NUM_HASHES; k += 4) {
    const s0 = SIGNED_SALTS[k]!;
    const s1 = SIGNED_SALTS[k + 1]!;
    const s2 = SIGNED_SALTS[k + 2]!;
    const s3 = SIGNED_SALTS[k + 3]!;
    let m0 = MAX_FLIPPED;
    let m1 = MAX_FLIPPED;
    let m2 = MAX_FLIPPED;
    let m3 = MAX_FLIPPED;
    for (let s = from; s < to; s++) {
      const x = sh[s]! | 0;
      const v0 = flippedMix(x ^ s0);
      const v1 = flippedMix(x ^ s1);
      const v2 = flippedMix(x ^ s2);
      const v3 = flippedMix(x ^ s3);
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    mins[k] = (m0 ^ 0x80000000) >>> 0;
    mins[k + 1] = (m1 ^ 0x80000000) >>> 0;
    mins[k + 2] = (m2 ^ 0x80000000) >>> 0;
    mins[k + 3] = (m3 ^ 0x80000000) >>> 0;
  }
  for (let band = 0; band < BANDS; band++) {
    let h = band + 1;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 31) ^ mins[band * ROWS + r]!);
    out[at + band] = h;
  }
}

/**
 * Near-duplicate hashes of every sentence of a batch, in order. `data[i]`:
 * 0 = key only (this context sent the hashes of the same key earlier, so the
 * main thread has them: results are consumed in order), 1 = shingles without
 * bands (no shingle), 2 = shingles and LSH band hashes.
 */
export interface BatchHashes {
  keys: Float64Array;
  data: Uint8Array;
  /** Sentence i's shingle hashes are shingles[shingleStarts[i], shingleStarts[i + 1]). */
  shingleStarts: Int32Array;
  shingles: Uint32Array;
  /** BANDS per sentence (zeros where data is not 2). */
  bands: Uint32Array;
}

/** Above this many remembered keys a context forgets them all (it then re-sends hashes: harmless). */
const MAX_SENT_KEYS = 4_000_000;

/** Hashes of the sentences (their word lists, in order); `sentKeys`: the keys whose hashes this context already sent (any value). */
export function hashSentences(sentKeys: KeyIntMap, sentences: readonly (readonly string[])[]): BatchHashes {
  const total = sentences.length;
  let maxShingles = 0;
  for (const words of sentences) maxShingles += words.length;
  const keys = new Float64Array(total);
  const data = new Uint8Array(total);
  const shingleStarts = new Int32Array(total + 1);
  const bands = new Uint32Array(total * BANDS);
  let shingles = new Uint32Array(maxShingles);
  let used = 0;
  for (let i = 0; i < total; i++) {
    const words = sentences[i]!;
    const key = keyAndWordHashes(words);
    keys[i] = key;
    if (sentKeys.get(key) < 0) {
      if (sentKeys.size >= MAX_SENT_KEYS) sentKeys.clear();
      sentKeys.set(key, 0);
      const count = shinglesInto(words.length);
      const sh = scratchShingles;
      for (let k = 0; k < count; k++) shingles[used + k] = sh[k]!;
      if (count > 0) bandsInto(shingles, used, used + count, bands, i * BANDS);
      used += count;
      data[i] = count > 0 ? 2 : 1;
    }
    shingleStarts[i + 1] = used;
  }
  if (used < shingles.length) shingles = shingles.slice(0, used);
  return { keys, data, shingleStarts, shingles, bands };
}
