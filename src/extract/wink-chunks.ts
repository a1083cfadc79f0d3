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
// The commonest chunks (a word with a mark or two) are tokenized directly
// (simpleChunk); the others are looked up by a hash of their characters in an open-addressing
// table, so a cache hit allocates nothing. A chunk whose token values tile it
// exactly ("said," → "said" ","; "don't" → "do" "n't") also caches the
// tokens' offsets, which is where segment.ts's cursor search would put them.
import { tokenize, type WinkToken } from "../tokens.ts";
import { isWs } from "./ws.ts";

/** Chunks longer than this are tokenized directly, not cached (URLs, long runs of symbols). */
const MAX_CACHED_CHUNK = 48;
/** The cache is emptied when it holds this many chunks, so memory stays bounded on any vocabulary. */
const MAX_ENTRIES = 1 << 18;
const SLOTS = MAX_ENTRIES * 2;

interface Entry {
  key: string;
  tokens: readonly WinkToken[];
  /** Token start offsets within the chunk when the tokens tile it, else null. */
  offsets: Int32Array | null;
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
    const key = text.slice(i, j);
    const tokens = tokenize(key);
    return { key, tokens, offsets: tiling(key, tokens) };
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
  const key = (" " + text.slice(i, j)).slice(1);
  const tokens = tokenize(key);
  const entry = { key, tokens, offsets: tiling(key, tokens) };
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
/** Closing marks and stops a simple chunk may end with (one or two): each a punctuation token. */
const isClose = (c: number): boolean =>
  c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 34 || c === 0x201d || c === 0x2019 || c === 93;

/**
 * The commonest chunks, tokenized without the cache: an optional opening mark,
 * ASCII letters (no apostrophe: wink splits contractions), then up to two
 * closing marks, the first of which is not ':' or ';' (they could open an
 * emoticon). No other wink pattern can match such a chunk (they need digits,
 * '@', '#', "http", non-ASCII emoji or an emoticon), so wink gives the letters
 * one word token and each mark one punctuation token, in order. Returns the
 * number of tokens added, or 0 when the chunk is not of this form.
 */
function simpleChunk(text: string, i: number, j: number, tokens: WinkToken[], starts: Int32Array | null, n: number): number {
  let a = i;
  if (isOpen(text.charCodeAt(a))) a++;
  let b = a;
  while (b < j && isLetter(text.charCodeAt(b))) b++;
  if (b === a) return 0;
  const tail = j - b;
  if (tail > 2) return 0;
  if (tail >= 1 && !isClose(text.charCodeAt(b))) return 0;
  if (tail === 2) {
    const c = text.charCodeAt(b);
    if (c === 58 || c === 59 || !isClose(text.charCodeAt(b + 1))) return 0;
  }
  let k = n;
  if (a > i) {
    tokens.push({ value: text[i]!, tag: "punctuation" });
    if (starts) starts[k] = i;
    k++;
  }
  tokens.push({ value: text.slice(a, b), tag: "word" });
  if (starts) starts[k] = a;
  k++;
  for (let p = b; p < j; p++, k++) {
    tokens.push({ value: text[p]!, tag: "punctuation" });
    if (starts) starts[k] = p;
  }
  return k - n;
}

export interface LocatedTokens {
  tokens: WinkToken[];
  /** Token offsets in `text` when every chunk's tokens tile it, else null (the caller locates them itself). */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/** wink-tokenizer's tokens of text[from, to) (identical values and tags; token objects are shared: do not mutate them). */
export function tokenizeRange(text: string, from: number, to: number): LocatedTokens {
  const tokens: WinkToken[] = [];
  // A token holds at least one character, except for rare rewritten ones (then offsets are not used).
  let starts: Int32Array | null = new Int32Array(to - from);
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
    const simple = simpleChunk(text, i, j, tokens, starts, n);
    if (simple > 0) {
      n += simple;
      i = j;
      continue;
    }
    const entry = lookup(text, i, j);
    const toks = entry.tokens;
    const offsets = entry.offsets;
    if (!offsets) starts = null;
    for (let k = 0; k < toks.length; k++) {
      tokens.push(toks[k]!);
      if (starts) starts[n + k] = i + offsets![k]!;
    }
    n += toks.length;
    i = j;
  }
  if (!starts) return { tokens, starts: null, ends: null };
  starts = starts.subarray(0, n);
  const ends = new Int32Array(n);
  for (let k = 0; k < n; k++) ends[k] = starts[k]! + tokens[k]!.value.length;
  return { tokens, starts, ends };
}

/** wink-tokenizer's tokens of `text`. */
export function tokenizeFast(text: string): WinkToken[] {
  return tokenizeRange(text, 0, text.length).tokens;
}
