// The lexicons' vocabulary: every word a lexicon phrase uses gets a small id
// (from 1), so tokens meet the lexicon tries by id and a token of no lexicon
// word (id 0, half of all tokens) skips every lookup. The table is open
// addressing over a string hash the tokenizer computes while it scans a
// word, so looking a token up never has V8 hash a fresh string.
// A Vocab belongs to one compiled lexicon set (Lexicons.vocab): its words are
// interned while the lexicons are compiled, and the tokenizer is handed the
// vocab of the lexicons its tokens are used with, so a token's id always names
// a word of those lexicons. Every Vocab starts with the same fixed function
// words, in the same order (tokens/words.ts FIXED_WORDS), so their ids are the
// same constants in every vocab (words.ts idMarks relies on that).

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

export class Vocab {
  private mask = 4095;
  private hashes = new Int32Array(this.mask + 1);
  private words: (string | undefined)[] = new Array<string | undefined>(this.mask + 1).fill(undefined);
  private ids = new Int32Array(this.mask + 1);
  private count = 0;
  /** The words by id (index 0 unused). */
  private readonly byId: string[] = [""];
  /**
   * Per word id, the flags (PhraseTrie.flag) of the tries with a phrase that starts with the word: a sentence none of
   * whose words carries a trie's flag has no match of that trie.
   */
  private firstFlags = new Uint8Array(256);

  /** `fixed`: words interned first, in order, so that the k-th has id k + 1 in every vocab made from the same list. */
  constructor(fixed: readonly string[] = []) {
    for (let k = 0; k < fixed.length; k++) {
      if (this.intern(fixed[k]!) !== k + 1) throw new Error(`Vocab: the fixed words repeat "${fixed[k]}"`);
    }
  }

  /** How many words the vocabulary holds (the largest id). */
  get size(): number {
    return this.count;
  }

  /** Notes that a phrase of a trie flagged `flag` starts with word `id`. */
  markFirstWord(id: number, flag: number): void {
    if (id >= this.firstFlags.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.firstFlags.length * 2));
      grown.set(this.firstFlags);
      this.firstFlags = grown;
    }
    this.firstFlags[id]! |= flag;
  }

  /** The flags of the tries that have a phrase starting with word `id` (0 for most words). */
  firstWordFlags(id: number): number {
    return id < this.firstFlags.length ? this.firstFlags[id]! : 0;
  }

  /** The id of `s`, whose hash (hashWord) is `h`; 0 when no lexicon uses the word. */
  wordIdHashed(s: string, h: number): number {
    const { mask, words, hashes } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const w = words[i];
      if (w === undefined) return 0;
      if (hashes[i] === h && w === s) return this.ids[i]!;
    }
  }

  /**
   * The id of the word text.slice(start, end), whose hash is `h`, without making the slice; 0 when no lexicon uses it.
   * wordOf(id) is then the word itself, so the tokenizer need not copy lexicon words out of the sentence.
   */
  wordIdAt(text: string, start: number, end: number, h: number): number {
    const { mask, words, hashes } = this;
    const len = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const w = words[i];
      if (w === undefined) return 0;
      if (hashes[i] === h && w.length === len) {
        let k = 0;
        while (k < len && w.charCodeAt(k) === text.charCodeAt(start + k)) k++;
        if (k === len) return this.ids[i]!;
      }
    }
  }

  /**
   * wordIdAt for the ASCII lower-case form of text.slice(start, end) (capitals A–Z folded); `h` is that form's hash.
   * A twin of wordIdAt rather than a flag on it: the per-character fold stays out of the commoner exact loop.
   */
  wordIdAtFolded(text: string, start: number, end: number, h: number): number {
    const { mask, words, hashes } = this;
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
        if (k === len) return this.ids[i]!;
      }
    }
  }

  /** The word of a vocabulary id (from 1). */
  wordOf(id: number): string {
    return this.byId[id]!;
  }

  /** The id of `s`; 0 when no lexicon uses the word. */
  wordId(s: string): number {
    return this.wordIdHashed(s, hashWord(s));
  }

  /** The id of a lexicon word, adding it to the vocabulary. */
  intern(s: string): number {
    const h = hashWord(s);
    const known = this.wordIdHashed(s, h);
    if (known !== 0) return known;
    if ((this.count + 1) * 4 > this.mask + 1) this.grow(); // at most a quarter full: a miss (most tokens) ends at once
    this.count++;
    this.put(s, h, this.count);
    this.byId.push(s);
    return this.count;
  }

  private put(s: string, h: number, id: number): void {
    const mask = this.mask;
    let i = h & mask;
    while (this.words[i] !== undefined) i = (i + 1) & mask;
    this.words[i] = s;
    this.hashes[i] = h;
    this.ids[i] = id;
  }

  private grow(): void {
    const oldWords = this.words;
    const oldHashes = this.hashes;
    const oldIds = this.ids;
    this.mask = this.mask * 2 + 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.words = new Array<string | undefined>(this.mask + 1).fill(undefined);
    this.ids = new Int32Array(this.mask + 1);
    for (let i = 0; i < oldWords.length; i++) if (oldWords[i] !== undefined) this.put(oldWords[i]!, oldHashes[i]!, oldIds[i]!);
  }
}
