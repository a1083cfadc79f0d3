// The lexicons' vocabulary: every word a lexicon phrase uses gets a small id
// (from 1), so tokens meet the lexicon tries by id and a token of no lexicon
// word (id 0, half of all tokens) skips every lookup. The table is open
// addressing over a string hash the tokenizer computes while it scans a
// word, so looking a token up never has V8 hash a fresh string.
// Lexicons intern their words when they are compiled (words.ts and names.ts
// also intern a few fixed function words at import); what matters is that a
// token is made after the lexicons it is used with were compiled. Ids are
// never reused: loading a second lexicon set grows the vocabulary to the union,
// which can only make the first-word prefilter less selective, never miss.

let mask = 4095;
let hashes = new Int32Array(mask + 1);
let words: (string | undefined)[] = new Array<string | undefined>(mask + 1).fill(undefined);
let ids = new Int32Array(mask + 1);
let size = 0;
/** The words by id (index 0 unused). */
const byId: string[] = [""];

/**
 * Per word id, the flags (PhraseTrie.flag) of the tries with a phrase that starts with the word, over every lexicon
 * compiled: a sentence none of whose words carries a trie's flag has no match of that trie.
 */
let firstFlags = new Uint8Array(256);

/** Notes that a phrase of a trie flagged `flag` starts with word `id`. */
export function markFirstWord(id: number, flag: number): void {
  if (id >= firstFlags.length) {
    const grown = new Uint8Array(Math.max(id + 1, firstFlags.length * 2));
    grown.set(firstFlags);
    firstFlags = grown;
  }
  firstFlags[id]! |= flag;
}

/** The flags of the tries that have a phrase starting with word `id` (0 for most words). */
export function firstWordFlags(id: number): number {
  return id < firstFlags.length ? firstFlags[id]! : 0;
}

/** One step of the running hash over a word's UTF-16 units (start from 0, end with finishHash). */
export function hashStep(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

/** Mixes a running hash so that its low bits pick a slot well. */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

export function hashWord(s: string): number {
  let h = 0;
  for (let k = 0; k < s.length; k++) h = hashStep(h, s.charCodeAt(k));
  return finishHash(h);
}

/** The id of `s`, whose hash (hashWord) is `h`; 0 when no lexicon uses the word. */
export function wordIdHashed(s: string, h: number): number {
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const w = words[i];
    if (w === undefined) return 0;
    if (hashes[i] === h && w === s) return ids[i]!;
  }
}

/** How many words the vocabulary holds: a cache of ids is current while this is unchanged. */
export function vocabSize(): number {
  return size;
}

/**
 * The id of the word text.slice(start, end), whose hash is `h`, without making the slice; 0 when no lexicon uses it.
 * wordOf(id) is then the word itself, so the tokenizer need not copy lexicon words out of the sentence.
 */
export function wordIdAt(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const w = words[i];
    if (w === undefined) return 0;
    if (hashes[i] === h && w.length === len) {
      let k = 0;
      while (k < len && w.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return ids[i]!;
    }
  }
}

/**
 * wordIdAt for the ASCII lower-case form of text.slice(start, end) (capitals A–Z folded); `h` is that form's hash.
 * A twin of wordIdAt rather than a flag on it: the per-character fold stays out of the commoner exact loop.
 */
export function wordIdAtFolded(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const w = words[i];
    if (w === undefined) return 0;
    if (hashes[i] === h && w.length === len) {
      let k = 0;
      for (; k < len; k++) {
        const c = text.charCodeAt(start + k);
        if (w.charCodeAt(k) !== (c >= 65 && c <= 90 ? c + 32 : c)) break;
      }
      if (k === len) return ids[i]!;
    }
  }
}

/** The word of a vocabulary id (from 1). */
export function wordOf(id: number): string {
  return byId[id]!;
}

/** The id of `s`; 0 when no lexicon uses the word. */
export function wordId(s: string): number {
  return wordIdHashed(s, hashWord(s));
}

/** The id of a lexicon word, adding it to the vocabulary. */
export function internWord(s: string): number {
  const h = hashWord(s);
  const known = wordIdHashed(s, h);
  if (known !== 0) return known;
  if ((size + 1) * 4 > mask + 1) grow(); // at most a quarter full: a miss (most tokens) ends at once
  size++;
  put(s, h, size);
  byId.push(s);
  return size;
}

function put(s: string, h: number, id: number): void {
  let i = h & mask;
  while (words[i] !== undefined) i = (i + 1) & mask;
  words[i] = s;
  hashes[i] = h;
  ids[i] = id;
}

function grow(): void {
  const oldWords = words;
  const oldHashes = hashes;
  const oldIds = ids;
  mask = mask * 2 + 1;
  hashes = new Int32Array(mask + 1);
  words = new Array<string | undefined>(mask + 1).fill(undefined);
  ids = new Int32Array(mask + 1);
  for (let i = 0; i < oldWords.length; i++) if (oldWords[i] !== undefined) put(oldWords[i]!, oldHashes[i]!, oldIds[i]!);
}
