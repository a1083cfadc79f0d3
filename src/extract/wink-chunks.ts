// wink-tokenizer, made fast by tokenizing whitespace-separated chunks once
// and reusing their tokens (news text repeats its words endlessly).
//
// Why this gives exactly wink's tokens: wink matches its regexes against the
// whole string, splits the rest around the matches and recurses with the next
// regex; the leftovers at the end are split on whitespace. None of its regexes
// has capture groups or lookarounds, and none can match whitespace except the
// time regex (`4 pm`, `10 hours`: digit or colon, ONE whitespace character,
// then a/p/h). So no token crosses a whitespace run except there, and the
// token list of a string is the concatenation of the token lists of its
// chunks: maximal runs of non-whitespace, where a run is joined to the next
// across a single whitespace character preceded by [0-9:] and followed by
// [aphAPH] (a superset of the time regex's crossings, which is safe: joining
// chunks only makes wink see a longer piece of the same text).
// test/hostile/identical.test.ts checks this against wink on real text.
//
// The commonest chunks (a word with a mark or two, hyphen-joined letter runs) are tokenized directly
// (simpleChunk); the others are looked up by a hash of their characters in an open-addressing
// table, so a cache hit allocates nothing. A chunk whose token values tile it
// exactly ("said," → "said" ","; "don't" → "do" "n't") also caches the
// tokens' offsets, which is where segment.ts's cursor search would put them.
// Tokens come as parallel arrays (value, tag, and word: tokens.ts wordOf,
// lower-cased or null for a token that is not word-like), with no object per
// token; a cached chunk's words are lower-cased once, not once per occurrence.
import { tokenize, wordOf, type WinkToken } from "../tokens.ts";
import { isWs } from "./ws.ts";

/** Chunks longer than this are tokenized directly, not cached (URLs, long runs of symbols). */
const MAX_CACHED_CHUNK = 48;
/** The cache is emptied when it holds this many chunks, so memory stays bounded on any vocabulary. */
const MAX_ENTRIES = 1 << 18;
const SLOTS = MAX_ENTRIES * 2;

interface Entry {
  key: string;
  values: readonly string[];
  tags: readonly string[];
  /** wordOf of each token. */
  words: readonly (string | null)[];
  /** Token start offsets within the chunk when the tokens tile it, else null. */
  offsets: Int32Array | null;
}

function entryOf(key: string): Entry {
  const tokens = tokenize(key);
  return {
    key,
    values: tokens.map((t) => t.value),
    tags: tokens.map((t) => t.tag),
    words: tokens.map(wordOf),
    offsets: tiling(key, tokens),
  };
}

const slots = new Int32Array(SLOTS).fill(-1);
const hashes = new Int32Array(MAX_ENTRIES);
let entries: Entry[] = [];

function tiling(key: string, tokens: readonly WinkToken[]): Int32Array | null {
  const offsets = new Int32Array(tokens.length);
  let at = 0;
  for (let k = 0; k < tokens.length; k++) {
    const v = tokens[k]!.value;
    if (v.length === 0 || !key.startsWith(v, at)) return null;
    offsets[k] = at;
    at += v.length;
  }
  return at === key.length ? offsets : null;
}

function lookup(text: string, i: number, j: number): Entry {
  const len = j - i;
  if (len > MAX_CACHED_CHUNK) {
    return entryOf(text.slice(i, j));
  }
  let h = 0x811c9dc5 | 0;
  for (let k = i; k < j; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  let s = (h ^ (h >>> 15)) & (SLOTS - 1);
  for (;;) {
    const e = slots[s]!;
    if (e < 0) break;
    if (hashes[e] === h) {
      const entry = entries[e]!;
      const key = entry.key;
      if (key.length === len) {
        let k = 0;
        while (k < len && key.charCodeAt(k) === text.charCodeAt(i + k)) k++;
        if (k === len) return entry;
      }
    }
    s = (s + 1) & (SLOTS - 1);
  }
  if (entries.length >= MAX_ENTRIES) {
    slots.fill(-1);
    entries = [];
    return lookup(text, i, j);
  }
  // A flat copy of the key, so the cache never keeps a whole document alive through a sliced string.
  const entry = entryOf((" " + text.slice(i, j)).slice(1));
  hashes[entries.length] = h;
  slots[s] = entries.length;
  entries.push(entry);
  return entry;
}

function joinsNext(text: string, wsAt: number, to: number): boolean {
  if (wsAt + 1 >= to || isWs(text.charCodeAt(wsAt + 1))) return false;
  const before = text.charCodeAt(wsAt - 1);
  const after = text.charCodeAt(wsAt + 1) | 0x20; // lower-cased ASCII letter
  return ((before >= 48 && before <= 57) || before === 58) && (after === 97 || after === 104 || after === 112);
}

const isLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;
/** Opening marks a simple chunk may start with: wink makes each a punctuation token. */
const isOpen = (c: number): boolean => c === 40 || c === 34 || c === 0x201c || c === 0x2018 || c === 91;
/** One mark of a simple chunk as a string: shared for the curly quotes (V8 shares single Latin-1 characters itself). */
const curlyMarks = new Map<number, string>();
function markString(text: string, at: number): string {
  const c = text.charCodeAt(at);
  if (c < 256) return text[at]!;
  let mark = curlyMarks.get(c);
  if (mark === undefined) curlyMarks.set(c, (mark = text[at]!));
  return mark;
}
/** Closing marks and stops a simple chunk may end with (one or two): each a punctuation token. */
const isClose = (c: number): boolean =>
  c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 34 || c === 0x201d || c === 0x2019 || c === 93;

const HYPHEN = 45;

/**
 * The commonest chunks, tokenized without the cache: an optional opening mark,
 * runs of ASCII letters joined by single hyphens (no apostrophe: wink splits
 * contractions), then up to two closing marks, the first of which is not ':'
 * or ';' (they could open an emoticon). No other wink pattern can match such a
 * chunk (they need digits, '@', '#', "http", non-ASCII emoji or an emoticon),
 * so wink gives each letter run one word token and each mark and hyphen one
 * punctuation token, in order. Returns the number of tokens added, or 0 when
 * the chunk is not of this form.
 */
function simpleChunk(text: string, i: number, j: number, out: LocatedTokens, starts: Int32Array | null, n: number): number {
  let a = i;
  if (isOpen(text.charCodeAt(a))) a++;
  let b = a;
  for (;;) {
    const run = b;
    while (b < j && isLetter(text.charCodeAt(b))) b++;
    if (b === run) return 0; // no letter first, or a hyphen not followed by one
    if (b < j && text.charCodeAt(b) === HYPHEN) b++;
    else break;
  }
  const tail = j - b;
  if (tail > 2) return 0;
  if (tail >= 1 && !isClose(text.charCodeAt(b))) return 0;
  if (tail === 2) {
    const c = text.charCodeAt(b);
    if (c === 58 || c === 59 || !isClose(text.charCodeAt(b + 1))) return 0;
  }
  const { values, tags, words } = out;
  let k = n;
  if (a > i) {
    values.push(markString(text, i));
    tags.push("punctuation");
    words.push(null);
    if (starts) starts[k] = i;
    k++;
  }
  for (let p = a; p < b; ) {
    if (p > a) {
      values.push("-");
      tags.push("punctuation");
      words.push(null);
      if (starts) starts[k] = p;
      k++;
      p++;
    }
    const run = p;
    let upper = false;
    for (let c = text.charCodeAt(p); p < b && c !== HYPHEN; c = text.charCodeAt(++p)) upper ||= c < 97;
    const value = text.slice(run, p);
    values.push(value);
    tags.push("word");
    words.push(upper ? value.toLowerCase() : value);
    if (starts) starts[k] = run;
    k++;
  }
  for (let p = b; p < j; p++, k++) {
    values.push(markString(text, p));
    tags.push("punctuation");
    words.push(null);
    if (starts) starts[k] = p;
  }
  return k - n;
}

export interface LocatedTokens {
  /** Token k is values[k] tagged tags[k], as wink-tokenizer gives it. */
  values: string[];
  tags: string[];
  /** wordOf of each token (tokens.ts): its lower-cased value when word-like, else null. */
  words: (string | null)[];
  /**
   * Token offsets in `text` when every chunk's tokens tile it, else null (the caller locates them itself).
   * Views of one module-level buffer: the next tokenizeRange call overwrites them, so read them first.
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

let scratchOffsets = new Int32Array(1 << 12);

/**
 * wink-tokenizer's tokens of text[from, to) (identical values and tags). The
 * offset arrays are views of a buffer reused by the next call: read them before.
 */
export function tokenizeRange(text: string, from: number, to: number): LocatedTokens {
  const out: LocatedTokens = { values: [], tags: [], words: [], starts: null, ends: null };
  const { values, tags, words } = out;
  // Starts, then ends. A token holds at least one character, except for rare rewritten ones (then offsets are not used).
  if (scratchOffsets.length < 2 * (to - from)) scratchOffsets = new Int32Array(4 * (to - from));
  const offsetsOf = scratchOffsets;
  let starts: Int32Array | null = offsetsOf;
  let n = 0;
  let i = from;
  while (i < to) {
    while (i < to && isWs(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    for (;;) {
      while (j < to && !isWs(text.charCodeAt(j))) j++;
      if (j < to && joinsNext(text, j, to)) j++;
      else break;
    }
    const simple = simpleChunk(text, i, j, out, starts, n);
    if (simple > 0) {
      n += simple;
      i = j;
      continue;
    }
    const entry = lookup(text, i, j);
    const entryValues = entry.values;
    const entryTags = entry.tags;
    const entryWords = entry.words;
    const offsets = entry.offsets;
    if (!offsets) starts = null;
    for (let k = 0; k < entryValues.length; k++) {
      values.push(entryValues[k]!);
      tags.push(entryTags[k]!);
      words.push(entryWords[k]!);
      if (starts) starts[n + k] = i + offsets![k]!;
    }
    n += entryValues.length;
    i = j;
  }
  if (!starts) return out;
  for (let k = 0; k < n; k++) offsetsOf[n + k] = offsetsOf[k]! + values[k]!.length;
  out.starts = offsetsOf.subarray(0, n);
  out.ends = offsetsOf.subarray(n, 2 * n);
  return out;
}

/** wink-tokenizer's tokens of `text`. */
export function tokenizeFast(text: string): WinkToken[] {
  const { values, tags } = tokenizeRange(text, 0, text.length);
  return values.map((value, k) => ({ value, tag: tags[k]! }));
}
