// Offset-carrying tokens for the labelling rules. The extract stage's
// `words` carry no offsets, and every label needs a code-point span, so the
// labeller tokenizes once more with a linear scanner: words (letters, digits,
// inner apostrophes), capital-dot acronyms ("U.S."), numbers ("1.2"), and
// every other non-space character as its own token.
//
// Normalisation that the lexicons rely on:
// - `low` is lower-cased with typographic apostrophes folded to "'";
// - "n't" is split off and normalised to "not" ("didn't" → "did" "not",
//   "won't" → "will" "not"), so the lexicons spell negations once;
// - a possessive "'s" is its own token, so "Trump's envoy" starts with "trump";
// - `id` is the lexicon word id of `low` in the vocabulary of the lexicons the
//   tokens are used with (vocab.ts, Lexicons.vocab), so rules and tries look
//   words up by number; it is computed while the word is scanned.

import { finishHash, hashStep, Vocab } from "../lexicon/vocab.ts";

export type TokKind = "word" | "num" | "punct" | "open_quote" | "close_quote";

export interface Tok {
  /** Surface text. */
  raw: string;
  /** Lower-cased, apostrophes folded. */
  low: string;
  /** Id of `low` among the words of the compiled lexicons (vocab.ts); 0 when the vocabulary does not hold it (no lexicon or fixed function word uses it). */
  id: number;
  /** UTF-16 offsets into the sentence text, end exclusive. */
  start: number;
  end: number;
  kind: TokKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** All capitals, two or more characters ("NATO", "U.S."). */
  acro: boolean;
  /** Inside a double-quoted passage (own quote marks are outside). */
  quoted: boolean;
}

const UPPER_START = /^\p{Lu}/u;
const SPACE_BEFORE = /[\s([{\-–—]/;
const NEGATION_STEMS: Readonly<Record<string, string>> = { wo: "will", ca: "can", sha: "shall" };

function quoteKind(c: number, text: string, i: number, width: number): TokKind {
  if (c === 0x201c || c === 0x201e || c === 0xab) return "open_quote"; // “ „ «
  if (c === 0x201d || c === 0xbb) return "close_quote"; // ” »
  if (c === 34) {
    // Straight quotes: opening after a space or at the start, closing otherwise.
    const prev = text[i - 1];
    const next = text[i + width];
    if (prev === undefined || SPACE_BEFORE.test(prev)) return next === undefined || /\s/.test(next) ? "close_quote" : "open_quote";
    return "close_quote";
  }
  return "punct";
}

function makeTok(raw: string, low: string, id: number, start: number, end: number, kind: TokKind, cap: boolean, acro: boolean): Tok {
  return { raw, low, id, start, end, kind, cap, acro, quoted: false };
}

function isUpperStart(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(raw);
}

/**
 * A word that is not plain ASCII lower case without an apostrophe (tokenizeSentence handles those, and ASCII words
 * without an apostrophe). `hasLower`: the word has an ASCII lower-case letter; `hasApostrophe`: an inner "'" or "’".
 */
function pushWord(out: Tok[], vocab: Vocab, raw: string, start: number, hasLower: boolean, hasApostrophe: boolean): void {
  let low = raw.toLowerCase();
  const cap = isUpperStart(raw);
  // A word with an ASCII lower-case letter is never all capitals: skip the case conversion.
  const acro = cap && raw.length >= 2 && !hasLower && raw === raw.toUpperCase();
  if (!hasApostrophe) {
    // No apostrophe: nothing to fold, no "n't" or "'s" to split off.
    out.push(makeTok(raw, low, vocab.wordId(low), start, start + raw.length, "word", cap, acro));
    return;
  }
  if (low.includes("’")) low = low.replace(/’/g, "'");
  if (low.length > 3 && low.endsWith("n't")) {
    const stem = raw.slice(0, -3);
    const stemLow = low.slice(0, -3);
    const stemNorm = NEGATION_STEMS[stemLow] ?? stemLow;
    out.push(makeTok(stem, stemNorm, vocab.wordId(stemNorm), start, start + stem.length, "word", cap, false));
    out.push(makeTok(raw.slice(-3), "not", vocab.wordId("not"), start + stem.length, start + raw.length, "word", false, false));
    return;
  }
  if (low.length > 2 && low.endsWith("'s")) {
    const stem = raw.slice(0, -2);
    const stemLow = low.slice(0, -2);
    out.push(makeTok(stem, stemLow, vocab.wordId(stemLow), start, start + stem.length, "word", cap, cap && stem.length >= 2 && stem === stem.toUpperCase()));
    out.push(makeTok(raw.slice(-2), "'s", vocab.wordId("'s"), start + stem.length, start + raw.length, "word", false, false));
    return;
  }
  out.push(makeTok(raw, low, vocab.wordId(low), start, start + raw.length, "word", cap, acro));
}

/** After this many sentences a quote that never closed is assumed to be a typo, not a long quote (labeller and tagger training alike). */
export const MAX_QUOTE_SENTENCES = 8;

/**
 * Tokens of one sentence with quote state. `vocab`: the vocabulary of the
 * lexicons the tokens are used with (Lexicons.vocab), which gives every token
 * its word id. `quoteOpenAtStart` says whether the previous sentence left a
 * double quote open (a multi-sentence quote). Returns the tokens and whether
 * a quote is still open at the end.
 */
export function tokenizeSentence(text: string, vocab: Vocab, quoteOpenAtStart = false): { toks: Tok[]; quoteOpenAtEnd: boolean } {
  const toks: Tok[] = [];
  const n = text.length;
  // Hand-written with ASCII fast paths: several times faster than one Unicode-property regex.
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    // A soft hyphen (U+00AD) after a space is an invisible hyphenation hint left by a page ("US \u00adofficials"), not a token.
    if (c === 32 || isSpace(c, text, i) || (c === 0xad && i > 0 && isSpace(text.charCodeAt(i - 1), text, i - 1))) {
      i += width;
      continue;
    }
    if (isLetterAt(text, i, c)) {
      const start = i;
      // "U.S.", "U.K.": two or more capital-dot pairs are one token.
      let j = i;
      if (c >= 65 && c <= 90) while (j + 1 < n && isUpperAscii(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      if (j - i >= 4) {
        const low = text.slice(i, j).toLowerCase();
        toks.push(makeTok(text.slice(i, j), low, vocab.wordId(low), i, j, "word", true, true));
        i = j;
        continue;
      }
      let plain = c >= 97 && c <= 122;
      let hasLower = plain;
      let hasApostrophe = false;
      let ascii = c < 128;
      // The hash of the lower-cased word (ASCII capitals folded here), so a capitalised word is not hashed again.
      let hash = hashStep(0, c >= 65 && c <= 90 ? c + 32 : c);
      j = i + width;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) {
          hasLower = true;
          hash = (Math.imul(hash, 31) + d) | 0; // hashStep(hash, d), written out: this loop runs per character and the call is not always inlined
          j++;
        } else if (isLetterAt(text, j, d) || isDigitAt(text, j, d)) {
          if (d >= 128 || (d >= 65 && d <= 90)) plain = false;
          if (d >= 128) ascii = false;
          hash = hashStep(hash, d >= 65 && d <= 90 ? d + 32 : d); // used only while the word stays ASCII (one unit per character)
          j += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        } else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetterAt(text, j + 1, text.charCodeAt(j + 1))) {
          plain = false;
          hasApostrophe = true;
          j++;
        } else break;
      }
      if (plain) {
        // A plain word is its own lower-case form; a lexicon word's text is the vocabulary's string, not a new slice.
        const id = vocab.wordIdAt(text, start, j, finishHash(hash));
        const raw = id !== 0 ? vocab.wordOf(id) : text.slice(start, j);
        toks.push(makeTok(raw, raw, id, start, j, "word", false, false));
      } else if (ascii && !hasApostrophe) {
        // ASCII with capitals: lower-casing folds A–Z only, so `hash` is the lower-case form's, and a lexicon word's
        // lower-case form is the vocabulary's string rather than a new one.
        const raw = text.slice(start, j);
        const id = vocab.wordIdAtFolded(text, start, j, finishHash(hash));
        const cap = c >= 65 && c <= 90;
        // A word with an ASCII lower-case letter is never all capitals: skip the case conversion.
        const acro = cap && raw.length >= 2 && !hasLower && raw === raw.toUpperCase();
        toks.push(makeTok(raw, id !== 0 ? vocab.wordOf(id) : raw.toLowerCase(), id, start, j, "word", cap, acro));
      } else pushWord(toks, vocab, text.slice(start, j), start, hasLower, hasApostrophe);
      i = j;
      continue;
    }
    if (isDigitAt(text, i, c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigitAt(text, j, text.charCodeAt(j))) j++;
        const d = j < n ? text.charCodeAt(j) : -1; // reading past the end is a slow path in optimised code
        if ((d === 46 || d === 44 || d === 58) && j + 1 < n && isDigitAt(text, j + 1, text.charCodeAt(j + 1))) j++;
        else break;
      }
      const raw = text.slice(i, j);
      toks.push(makeTok(raw, raw, vocab.wordId(raw), i, j, "num", false, false));
      i = j;
      continue;
    }
    if (c === 39 && text.charCodeAt(i + 1) === 39) {
      // "''" (two apostrophes, the New York Times' double quote mark) is a straight double quote.
      toks.push(makeTok("''", "''", vocab.wordId("''"), i, i + 2, quoteKind(34, text, i, 2), false, false));
      i += 2;
      continue;
    }
    const raw = width === 1 && c < 128 ? ASCII_CHARS[c]! : text.slice(i, i + width);
    const kind = quoteKind(c, text, i, width);
    const low = c === 0x2019 ? "'" : raw;
    toks.push(makeTok(raw, low, vocab.wordId(low), i, i + width, kind, false, false));
    i += width;
  }
  const quoteOpenAtEnd = markQuoted(toks, quoteOpenAtStart);
  return { toks, quoteOpenAtEnd };
}

/** One-character strings of ASCII, shared by every punctuation token. */
const ASCII_CHARS: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

const LETTER = /^[\p{L}\p{M}]/u;
const DIGIT = /^\p{N}/u;
const SPACE = /^\s/u;

/**
 * Character classes of the non-ASCII, non-surrogate UTF-16 units, computed once per unit from the regexes above:
 * bit 1 = computed, 2 = space, 4 = letter, 8 = digit.
 */
const BMP_CLASS = new Uint8Array(0x10000);
function bmpClass(c: number): number {
  let k = BMP_CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 1 | (SPACE.test(ch) ? 2 : 0) | (LETTER.test(ch) ? 4 : 0) | (DIGIT.test(ch) ? 8 : 0);
    BMP_CLASS[c] = k;
  }
  return k;
}
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isSpace(c: number, text: string, i: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  if (!isSurrogate(c)) return (bmpClass(c) & 2) !== 0;
  return SPACE.test(text.slice(i, i + 1));
}
function isLetterAt(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!isSurrogate(c)) return (bmpClass(c) & 4) !== 0;
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}
function isDigitAt(text: string, i: number, c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  if (!isSurrogate(c)) return (bmpClass(c) & 8) !== 0;
  return DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/**
 * Marks tokens inside double quotes. Quotes do not nest: an opening mark while
 * open continues the quote (news style reopens a quote at each paragraph). A
 * closing mark with no opening one means the sentence began inside a quote we
 * did not see open, so everything before it is quoted.
 */
function markQuoted(toks: Tok[], openAtStart: boolean): boolean {
  // A carried-over quote that meets a fresh opening mark later in the sentence was
  // never open here: 'He added: "…' starts outside quotes.
  let firstMark = -1;
  for (let i = 0; i < toks.length && firstMark < 0; i++) if (toks[i]!.kind === "open_quote" || toks[i]!.kind === "close_quote") firstMark = i;
  const reopensLater = firstMark > 0 && toks[firstMark]!.kind === "open_quote";
  let open = openAtStart && !reopensLater;
  let sawOpen = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "open_quote") {
      open = true;
      sawOpen = true;
    } else if (t.kind === "close_quote") {
      if (!open && !sawOpen) for (let j = 0; j < i; j++) toks[j]!.quoted = toks[j]!.kind !== "open_quote";
      open = false;
    } else t.quoted = open;
  }
  return open;
}

const ASTRAL = /[\uD800-\uDBFF]/;

/** Does `text` hold astral characters (so that its UTF-16 and code-point offsets differ)? */
export function hasAstral(text: string): boolean {
  return ASTRAL.test(text);
}

/** The code-point offset of UTF-16 offset `i` of `text`; `astral` is hasAstral(text) (false: the offsets agree). */
export function codePointOffset(text: string, astral: boolean, i: number): number {
  if (!astral) return i;
  let cp = 0;
  for (let k = 0; k < i; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xd800 || c > 0xdbff) cp++;
  }
  return cp;
}

/** Surface text covered by tokens [from, to). */
export function sliceToks(text: string, toks: readonly Tok[], from: number, to: number): string {
  const a = toks[from];
  const b = toks[to - 1];
  return a && b ? text.slice(a.start, b.end) : "";
}

// Type feedback for the rare branches (non-ASCII letters, digits and spaces, surrogate pairs, apostrophes, "n't",
// "'s", acronyms, numbers, every quote mark) before V8 optimises the tokenizer: a branch first met in optimised code
// throws that code away, and recompiling this function costs tens of milliseconds each time.
const WARM_UP = [
  `"Café Ünïon’s U.S. chief didn't say 1,000.5 at 3:30 – “no” «oui» ‘x’ — won't", ÉTAT \u00a0٣ 𝐀𝐁 😀 O’Neil's NATO—it "x" 'y' (z) [w] {v} a-b`,
  `he said” and 42`,
  `the U.S.`,
  `rock' '`,
  `x "`,
  `" x`,
];
{
  const vocab = new Vocab(["said", "the"]);
  for (let k = 0; k < 3; k++) for (const s of WARM_UP) tokenizeSentence(s, vocab, k === 1);
}
