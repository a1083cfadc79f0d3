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
// - a possessive "'s" is its own token, so "Trump's envoy" starts with "trump".

export type TokKind = "word" | "num" | "punct" | "open_quote" | "close_quote";

export interface Tok {
  /** Surface text. */
  raw: string;
  /** Lower-cased, apostrophes folded. */
  low: string;
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

function quoteKind(ch: string, prev: string | undefined, next: string | undefined): TokKind {
  if (ch === "“" || ch === "„" || ch === "«") return "open_quote";
  if (ch === "”" || ch === "»") return "close_quote";
  if (ch === '"') {
    // Straight quotes: opening after a space or at the start, closing otherwise.
    if (prev === undefined || SPACE_BEFORE.test(prev)) return next === undefined || /\s/.test(next) ? "close_quote" : "open_quote";
    return "close_quote";
  }
  return "punct";
}

function isUpperStart(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(raw);
}

function pushWord(out: Tok[], raw: string, start: number): void {
  let low = raw.toLowerCase();
  if (low.includes("’")) low = low.replace(/’/g, "'");
  const cap = isUpperStart(raw);
  const acro = cap && raw.length >= 2 && raw === raw.toUpperCase();
  if (low.length > 3 && low.endsWith("n't")) {
    const stem = raw.slice(0, -3);
    const stemLow = low.slice(0, -3);
    out.push({ raw: stem, low: NEGATION_STEMS[stemLow] ?? stemLow, start, end: start + stem.length, kind: "word", cap, acro: false, quoted: false });
    out.push({ raw: raw.slice(-3), low: "not", start: start + stem.length, end: start + raw.length, kind: "word", cap: false, acro: false, quoted: false });
    return;
  }
  if (low.length > 2 && low.endsWith("'s")) {
    const stem = raw.slice(0, -2);
    out.push({ raw: stem, low: low.slice(0, -2), start, end: start + stem.length, kind: "word", cap, acro: cap && stem.length >= 2 && stem === stem.toUpperCase(), quoted: false });
    out.push({ raw: raw.slice(-2), low: "'s", start: start + stem.length, end: start + raw.length, kind: "word", cap: false, acro: false, quoted: false });
    return;
  }
  out.push({ raw, low, start, end: start + raw.length, kind: "word", cap, acro, quoted: false });
}

/**
 * Tokens of one sentence with quote state. `quoteOpenAtStart` says whether the
 * previous sentence left a double quote open (a multi-sentence quote).
 * Returns the tokens and whether a quote is still open at the end.
 */
export function tokenizeSentence(text: string, quoteOpenAtStart = false): { toks: Tok[]; quoteOpenAtEnd: boolean } {
  const toks: Tok[] = [];
  const n = text.length;
  // Hand-written with ASCII fast paths: several times faster than one Unicode-property regex.
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    if (isSpace(c, text, i)) {
      i += width;
      continue;
    }
    if (isLetterAt(text, i, c)) {
      const start = i;
      // "U.S.", "U.K.": two or more capital-dot pairs are one token.
      let j = i;
      while (j + 1 < n && isUpperAscii(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      if (j - i >= 4) {
        toks.push({ raw: text.slice(i, j), low: text.slice(i, j).toLowerCase(), start: i, end: j, kind: "word", cap: true, acro: true, quoted: false });
        i = j;
        continue;
      }
      j = i + width;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isLetterAt(text, j, d) || isDigitAt(text, j, d)) j += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetterAt(text, j + 1, text.charCodeAt(j + 1))) j++;
        else break;
      }
      pushWord(toks, text.slice(start, j), start);
      i = j;
      continue;
    }
    if (isDigitAt(text, i, c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigitAt(text, j, text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 44 || d === 58) && j + 1 < n && isDigitAt(text, j + 1, text.charCodeAt(j + 1))) j++;
        else break;
      }
      const raw = text.slice(i, j);
      toks.push({ raw, low: raw, start: i, end: j, kind: "num", cap: false, acro: false, quoted: false });
      i = j;
      continue;
    }
    const raw = text.slice(i, i + width);
    const kind = quoteKind(raw, text[i - 1], text[i + width]);
    toks.push({ raw, low: raw === "’" ? "'" : raw, start: i, end: i + width, kind, cap: false, acro: false, quoted: false });
    i += width;
  }
  const quoteOpenAtEnd = markQuoted(toks, quoteOpenAtStart);
  return { toks, quoteOpenAtEnd };
}

const LETTER = /^[\p{L}\p{M}]/u;
const DIGIT = /^\p{N}/u;
const SPACE = /^\s/u;

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isSpace(c: number, text: string, i: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text.slice(i, i + 1));
}
function isLetterAt(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}
function isDigitAt(text: string, i: number, c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57;
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
  const firstMark = toks.findIndex((t) => t.kind === "open_quote" || t.kind === "close_quote");
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

/** Converts UTF-16 offsets of `text` to code-point offsets (identity when no astral characters). */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!ASTRAL.test(text)) return (i) => i;
  return (i) => {
    let cp = 0;
    for (let k = 0; k < i; k++) {
      const c = text.charCodeAt(k);
      if (c < 0xd800 || c > 0xdbff) cp++;
    }
    return cp;
  };
}

/** Surface text covered by tokens [from, to). */
export function sliceToks(text: string, toks: readonly Tok[], from: number, to: number): string {
  const a = toks[from];
  const b = toks[to - 1];
  return a && b ? text.slice(a.start, b.end) : "";
}
