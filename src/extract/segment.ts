// Sentence segmentation on wink-tokenizer tokens.
//
// Rules (each line fragment is segmented on its own, so a newline ends a
// sentence — except a hard-wrapped line, which joins the next line (or the
// one after a single blank line) when it ends mid-sentence and the next
// starts in lower case (segmentRegion) — and a sentence never spans a chrome
// span):
// - A sentence ends at . ! ? or … (plus any terminators and closing quotes or
//   brackets touching it: `meaningful.”`), when whitespace follows (or, after a
//   closing ”, a capitalised word glued to it: `side.”Editor's`) and the next
//   token starts a sentence: an upper-case letter, a digit, an opening quote
//   or bracket, a letter of a caseless script, or an emoji.
// - A lower-case next token never starts a sentence: `“…?” he asked.`
// - A comma before a closing quote is not an end: `“…,” Trump said` is one sentence.
// - Titles (`Mr.`, `Dr.`, `Gen.`, `St.` …) never end a sentence; initials
//   (`J.`), acronyms (`U.S.`, which wink splits into letters) and weak
//   abbreviations (`Inc.`, `Jan.`) end one only before a typical sentence
//   opener (`… the U.S. The next day`).
// - `“…?” Trump asked.`: after ? or ! with a closing quote, a capitalised name
//   followed by a reporting verb stays in the sentence.
// - Caseless scripts: 。！？ inside a token end a sentence.
// - Length cap: a sentence longer than MAX_SENTENCE UTF-16 units (so at most
//   that many code points) is split at the last whitespace before the limit,
//   or hard at the limit when there is none.
// - A number with a period at a sentence start is a list marker ("1. The first …"), not a sentence.
// - A "sentence" with no letter or digit (a lone dash, "***") is dropped.
// Long lines are tokenized in windows of WINDOW units cut at whitespace; the
// sentence still open at a window's end is re-tokenized with the next window,
// so windows never create a boundary and memory stays bounded. Tokens come
// from wink-chunks.ts: wink-tokenizer's exact tokens (as parallel value and
// tag arrays), cached per chunk, with each token's word (tokens.ts wordOf) for
// the sentence's word list.
import { tokenizeRange } from "./wink-chunks.ts";
import { isWs } from "./ws.ts";

export { isWs };

export const MAX_SENTENCE = 1000;
const WINDOW = 65_536;

/** A sentence as UTF-16 offsets into the document text, with its word tokens. */
export interface SentenceSpan {
  start: number;
  end: number;
  words: string[];
}

/** Is v one of the terminators . ! ? … (tested without hashing v, a fresh string for most tokens)? */
function isTerminator(v: string): boolean {
  if (v.length !== 1) return false;
  const c = v.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}
const CLOSERS = new Set(["”", "’", '"', "'", ")", "]", "»", "」", "』", "›"]);
const OPENERS = new Set(["“", '"', "‘", "'", "(", "[", "«", "„", "‹", "¿", "¡", "「", "『"]);
/** Abbreviations that never end a sentence. */
const TITLES = new Set(
  ("Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm Brig Gov Sen Rep Rev Hon Pres Supt Insp Det " +
    "Amb Atty Fr St Ste Mt Ft Messrs Mme Mlle Gens vs v cf approx ca Vol vol pp Fig fig Art Sec Dept dept est").split(" "),
);
/** Abbreviations that end a sentence only before a typical sentence opener. */
const WEAK = new Set("Inc Ltd Co Corp Bros Jr Sr etc al Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos".split(" "));
/** Words that typically open a sentence (also used to find where an inline teaser ends). */
export const STARTERS = new Set(
  ("The A An But And However He She It They We I You This That These Those There In On At As After Before Meanwhile " +
    "According While When Since Despite Although Though Following Speaking Earlier Later Last Its His Her Their Our My " +
    "Some Many Most Both Several Other Yet So Still Also If Now Then Today Yesterday For From With Under Over What Why " +
    "How Who Instead Moreover Furthermore Nevertheless Indeed Officials").split(" "),
);
const REPORTING = new Set(
  ("said says asked asks added adds told wrote writes stated states noted notes insisted claimed claims warned warns " +
    "explained replied replies continued argued argues stressed declared tweeted shouted exclaimed demanded wondered " +
    "admitted recalled responded remarked posted").split(" "),
);
const CJK_END = /[。！？][」』”’）)]*/g;
const UPPER_START = /^\p{Lu}/u;
const CASELESS_START = /^\p{Lo}/u;
const SINGLE_LETTER = /^\p{L}$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Segments text[from, to) into sentences, line by line, appending to `out`.
 * A hard-wrapped line joins the next one: when it does not end a sentence
 * (no final punctuation, before any closing quotes or brackets) and the next line of the region —
 * or the one after a single blank line, as in double-spaced wrapped text —
 * continues it (starts with a lower-case letter), they are segmented as one
 * piece of text. A headline or caption followed by a capitalised line still
 * ends at its line break.
 */
export function segmentRegion(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let lineStart = from;
  while (lineStart < to) {
    let nl = lineEndIn(text, lineStart, to);
    for (let next = continuation(text, lineStart, nl, to); next >= 0; next = continuation(text, lineStart, nl, to)) {
      nl = lineEndIn(text, next, to);
    }
    segmentLine(text, lineStart, nl, out);
    lineStart = nl + 1;
  }
}

function lineEndIn(text: string, from: number, to: number): number {
  const nl = text.indexOf("\n", from);
  return nl < 0 || nl > to ? to : nl;
}

const LINE_END_FINAL = /[.!?…:;]/;
const CLOSER_CHARS = /[”"’')\]»]/;
const LOWER_START = /^\p{Ll}/u;

/** Where the line ending at `nl` runs on (see segmentRegion): the continuation line's start, or -1. */
function continuation(text: string, from: number, nl: number, to: number): number {
  let b = nl;
  while (b > from && isWs(text.charCodeAt(b - 1))) b--;
  // Closing quotes and brackets end a sentence only after a terminator (`… said.”`), not mid-sentence (`a “disgrace”`).
  let e = b;
  while (e > from && CLOSER_CHARS.test(text[e - 1]!)) e--;
  if (b === from || nl >= to || (e > from && LINE_END_FINAL.test(text[e - 1]!))) return -1;
  for (let a = nl + 1, blanks = 0; a < to; a++) {
    const c = text.charCodeAt(a);
    if (c === 10) {
      if (++blanks > 1) return -1;
    } else if (!isWs(c)) return LOWER_START.test(text.slice(a, a + 2)) ? a : -1;
  }
  return -1;
}

function segmentLine(text: string, from: number, to: number, out: SentenceSpan[]): void {
  while (from < to && isWs(text.charCodeAt(from))) from++;
  while (to > from && isWs(text.charCodeAt(to - 1))) to--;
  let pos = from;
  while (pos < to) {
    const last = to - pos <= WINDOW;
    const winEnd = last ? to : windowEnd(text, pos, pos + WINDOW);
    const spans = segmentWindow(text, pos, winEnd);
    if (last || spans.length < 2) {
      for (const s of spans) keep(text, s, out);
      pos = winEnd;
      continue;
    }
    // The last sentence may continue past the window: re-tokenize it with the next one.
    for (let i = 0; i < spans.length - 1; i++) keep(text, spans[i]!, out);
    pos = spans[spans.length - 1]!.start;
  }
}

function keep(text: string, s: SentenceSpan, out: SentenceSpan[]): void {
  if (s.end > s.start && HAS_LETTER_OR_DIGIT.test(text.slice(s.start, s.end))) out.push(s);
}

/** A window end at the last whitespace before `limit` (never inside a surrogate pair). */
function windowEnd(text: string, from: number, limit: number): number {
  for (let k = limit; k > from + WINDOW / 2; k--) if (isWs(text.charCodeAt(k))) return k;
  return safeCut(text, limit);
}

function safeCut(text: string, k: number): number {
  const c = text.charCodeAt(k - 1);
  return c >= 0xd800 && c <= 0xdbff ? k - 1 : k;
}

/** Maps token values back onto the text from `from` with a moving cursor: parallel start/end arrays. */
export function locate(text: string, from: number, values: readonly string[]): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let cursor = from;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = text.startsWith(v, cursor) ? cursor : text.indexOf(v, cursor);
    // wink drops some characters (BOM, control bytes); a far jump over text
    // means a token it rewrote, which then gets an empty span at the cursor.
    if (at > cursor + 16 && !allWs(text, cursor, at)) at = -1;
    if (at < 0) {
      starts[i] = ends[i] = cursor;
    } else {
      starts[i] = at;
      ends[i] = cursor = at + v.length;
    }
  }
  return { starts, ends };
}

function allWs(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isWs(text.charCodeAt(k))) return false;
  return true;
}

/** Sentences of text[from, to) (a trimmed line fragment), after the length cap. */
function segmentWindow(text: string, from: number, to: number): SentenceSpan[] {
  const located = tokenizeRange(text, from, to);
  const { values, tags, words } = located;
  const n = values.length;
  const { starts, ends } = located.starts && located.ends ? { starts: located.starts, ends: located.ends } : locate(text, from, values);
  const out: SentenceSpan[] = [];
  // The open sentence starts at text offset curStart (-1: none) and token curTok.
  let curStart = -1;
  let curTok = 0;
  const close = (end: number, endTok: number): void => {
    if (curStart >= 0 && end > curStart) capped(text, curStart, end, words, starts, curTok, endTok, out);
    curStart = -1;
  };
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (curStart < 0) {
      curStart = starts[i]!;
      curTok = i;
    }
    if (tags[i] === "alien" && /[。！？]/.test(value)) {
      for (const m of value.matchAll(CJK_END)) {
        const e = starts[i]! + m.index + m[0].length;
        close(e, i + 1);
        if (e < ends[i]!) {
          curStart = e;
          curTok = i;
        }
      }
      continue;
    }
    if (!isTerminator(value)) continue;
    let j = i + 1;
    while (j < n && starts[j] === ends[j - 1] && (isTerminator(values[j]!) || CLOSERS.has(values[j]!))) j++;
    if (j < n && endsSentence(values, tags, starts, ends, i, j, curTok)) close(ends[j - 1]!, j);
    i = j - 1;
  }
  if (n > 0) close(ends[n - 1]!, n);
  return out;
}

/** Does the terminator at i (with terminators/closers up to j-1) end the sentence that began at token `first`? */
function endsSentence(
  values: readonly string[], tags: readonly string[], starts: Int32Array, ends: Int32Array, i: number, j: number, first: number,
): boolean {
  const next = values[j]!;
  // "x.y": no space — except a closing quote glued to the next sentence (`side.”Editor's note`)
  if (starts[j] === ends[j - 1] && !CASELESS_START.test(next) && !(j - 1 > i && values[j - 1] === "”" && UPPER_START.test(next))) return false;
  const c = next.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  const opens = digit || UPPER_START.test(next) || OPENERS.has(next[0]!) || CASELESS_START.test(next) || tags[j] === "emoji";
  if (!opens) return false;
  const term = values[i]!;
  if (term === "." && i > 0 && ends[i - 1] === starts[i]) {
    const prev = values[i - 1]!;
    if (TITLES.has(prev)) return false;
    if (i - 1 === first && tags[first] === "number") return false; // a list marker: "1. The …"
    if (WEAK.has(prev) || SINGLE_LETTER.test(prev)) return STARTERS.has(next);
  }
  if ((term === "?" || term === "!") && j - 1 > i && CLOSERS.has(values[j - 1]!)) {
    // “…?” Trump asked. — up to four capitalised words, then a reporting verb.
    for (let k = j; k < Math.min(j + 4, values.length - 1) && UPPER_START.test(values[k]!); k++) {
      if (REPORTING.has(values[k + 1]!)) return false;
    }
  }
  return true;
}

/** Emits text[s, e) as one or more sentences of at most MAX_SENTENCE units; `words`: each token's word or null. */
function capped(
  text: string, s: number, e: number, words: readonly (string | null)[], starts: Int32Array, tokFrom: number,
  tokTo: number, out: SentenceSpan[],
): void {
  let t = tokFrom;
  while (s < e) {
    let cut = e;
    let next = e;
    if (e - s > MAX_SENTENCE) {
      cut = s + MAX_SENTENCE;
      while (cut > s && !isWs(text.charCodeAt(cut))) cut--;
      if (cut === s) cut = safeCut(text, s + MAX_SENTENCE);
      next = cut;
      while (next < e && isWs(text.charCodeAt(next))) next++;
      while (cut > s && isWs(text.charCodeAt(cut - 1))) cut--;
    }
    const sentenceWords: string[] = [];
    for (; t < tokTo && starts[t]! < next; t++) {
      const w = words[t];
      if (w !== null) sentenceWords.push(w!);
    }
    out.push({ start: s, end: cut, words: sentenceWords });
    s = next;
  }
}
