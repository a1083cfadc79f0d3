// Which sentences of an article are headings (`kind: "headline"`): its title
// line, its standfirst, and its in-body sub-headings (docs/claim-records.md
// section 1). A heading keeps its text and labels; `kind` lets a researcher
// keep or drop it.
// - Title (plain-text files, where the first line is the title): the first
//   line when it stands alone (a blank line or the end of the text after it),
//   has at most TITLE_MAX_WORDS words and reads as a title — no final
//   punctuation, Title Case, or one sentence of at most SHORT_TITLE_WORDS
//   words — but not a dateline lead ("WASHINGTON — …", "NEW YORK (The
//   Borowitz Report)—…") or a line ending in a colon. A title ending in ";"
//   with a one-line subtitle under it (NYT: "Jobs report gives Democrats a
//   lift; / Solid upturn, …") is a title of two lines.
// - Standfirst (any input): the run of lines at the top of an article, after
//   the title, that stand on their own line without final punctuation
//   (FNC-1's Daily Mail bullets: "She was 'rejected by 50 doctors who feared
//   violating ethical codes'"), each at most STANDFIRST_MAX_WORDS words, with
//   prose after them.
// - Sub-heading (any input): later, a line of its own without final
//   punctuation, at most SUBHEADING_MAX_WORDS words, title-like (starts with a
//   capital, a digit or a quote; no list marker, no @handle, #tag or link; not
//   ending in a comma or dash), with a sentence after it that does not start
//   in lower case and is prose — it ends with final punctuation, or is a
//   sentence-case line of at least 10 words — not the next item of a list
//   of names, dates, fixtures or links ("Verifying images", "Scant
//   evidence that Seth Rich leaked the emails"). A date or time line is not
//   a heading.
import { LINE_FINAL } from "./chrome-captions.ts";
import type { SentenceSpan } from "./segment.ts";
import { isWs } from "./ws.ts";

const TITLE_MAX_CHARS = 250;
const TITLE_MAX_WORDS = 30;
const SHORT_TITLE_WORDS = 15;
const STANDFIRST_MAX_WORDS = 40;
const SUBHEADING_MAX_WORDS = 12;
const TITLE_CASE = /^[\p{Lu}\p{N}‘“'"(]/u;
export const FINAL_PUNCT = /[.!?…][”’"')\]]*$|[”"]$/;
const HEADING_START = /^[\p{Lu}\p{N}‘“'"]/u;
const NOT_HEADING = /^[-–—•*·▪►>]|[@#]\w|https?:|www\.|[,–—-]$/u;
const LOWER_START = /^\p{Ll}/u;
/** A date or time line ("May 3, 2016", "Feb. 25, 2016", "1600 GMT", "9:35 PM - 19 Oct 2016"): page furniture, not a heading. */
const DATE_OR_TIME = /^(?:\p{L}{3,9}\.? \d{1,2}, \d{4}|\d{1,2}(?::\d{2})? ?(?:[AP]M|GMT|BST|ET|UTC)\b.{0,20}|\d{4} (?:GMT|BST|ET|UTC))$/u;
/** "WASHINGTON —", "NEW YORK (Reuters) -", "WASHINGTON, D.C. –": a dateline that opens a lead paragraph. */
const DATELINE_LEAD = /^\p{Lu}[\p{Lu}.' ]+(?:, [\p{Lu}\p{L}.' ]+)?\s*(?:\([^)]{1,40}\))?\s*[—–-]/u;

/** Is each of the article's sentences (UTF-16 spans into `text`, in order) a heading? */
export function headingKinds(text: string, spans: readonly SentenceSpan[], titleLine: boolean): boolean[] {
  const out = spans.map(() => false);
  if (spans.length === 0) return out;
  let i = 0;
  if (titleLine) {
    const titleEnd = titleLineEnd(text, spans);
    while (i < spans.length && spans[i]!.end <= titleEnd) out[i++] = true;
  }
  for (; i < spans.length - 1 && isHeadingLine(text, spans[i]!, STANDFIRST_MAX_WORDS); i++) out[i] = true;
  for (; i < spans.length - 1; i++) {
    const next = spans[i + 1]!;
    // Prose follows: the next sentence ends with final punctuation (a list of names, dates or fixtures does not).
    const nextText = text.slice(next.start, Math.min(next.end, next.start + 400));
    const prose = !LOWER_START.test(nextText) && (LINE_FINAL.test(nextText) || isProseLine(nextText));
    out[i] = prose && isHeadingLine(text, spans[i]!, SUBHEADING_MAX_WORDS);
  }
  return out;
}

/** A sentence that is a whole line, without final punctuation, title-like, of at most maxWords words. */
function isHeadingLine(text: string, s: SentenceSpan, maxWords: number): boolean {
  if (s.end - s.start > 400 || !ownLine(text, s)) return false;
  const line = text.slice(s.start, s.end);
  if (line.includes("\n") || DATE_OR_TIME.test(line)) return false;
  return !LINE_FINAL.test(line) && HEADING_START.test(line) && !NOT_HEADING.test(line) && line.split(/\s+/).length <= maxWords;
}

/** A line of sentence-case prose cut without final punctuation: at least 10 words, most not capitalised. */
function isProseLine(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length >= 10 && words.filter((w) => /^\p{Lu}/u.test(w)).length < words.length * 0.4;
}

function ownLine(text: string, s: SentenceSpan): boolean {
  let a = s.start;
  while (a > 0 && text.charCodeAt(a - 1) !== 10 && isWs(text.charCodeAt(a - 1))) a--;
  if (a > 0 && text.charCodeAt(a - 1) !== 10) return false;
  let b = s.end;
  while (b < text.length && text.charCodeAt(b) !== 10 && isWs(text.charCodeAt(b))) b++;
  return b === text.length || text.charCodeAt(b) === 10;
}

/**
 * End (UTF-16) of the title line of a plain-text article whose sentences are
 * `spans`, or -1 (see the module comment). BBC's and PolNeAR's first lines
 * are such lines; a lead paragraph is longer.
 */
export function titleLineEnd(text: string, spans: readonly SentenceSpan[]): number {
  const start = spans[0]!.start;
  const end = lineEnd(text, start);
  if (end - start > TITLE_MAX_CHARS) return -1;
  const line = text.slice(start, end);
  if (DATELINE_LEAD.test(line) || line.endsWith(":")) return -1;
  const after = blankAfter(text, end);
  if (after < 0) {
    // NYT: "Title; \nSubtitle.\n\n" — the subtitle line closes the title block.
    if (!line.endsWith(";")) return -1;
    const subEnd = lineEnd(text, text.indexOf("\n", end) + 1);
    const sub = text.slice(text.indexOf("\n", end) + 1, subEnd).trim();
    return sub.length > 0 && sub.length <= TITLE_MAX_CHARS && blankAfter(text, subEnd) >= 0 ? subEnd : -1;
  }
  const words = line.split(/\s+/);
  if (words.length > TITLE_MAX_WORDS) return -1;
  if (!FINAL_PUNCT.test(line)) return end;
  const long = words.filter((w) => w.length >= 4);
  if (long.length > 0 && long.filter((w) => TITLE_CASE.test(w)).length >= long.length * 0.6) return end;
  const sentencesInLine = spans.filter((s) => s.end <= end).length;
  return sentencesInLine === 1 && words.length <= SHORT_TITLE_WORDS ? end : -1;
}

/** End of the line at `start`, trailing whitespace excluded. */
function lineEnd(text: string, start: number): number {
  let nl = text.indexOf("\n", start);
  if (nl < 0) nl = text.length;
  let end = nl;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Position after the line ending at `end` when a blank line or the end of the text follows it, else -1. */
function blankAfter(text: string, end: number): number {
  const nl = text.indexOf("\n", end);
  if (nl < 0) return text.length;
  let next = nl + 1;
  while (next < text.length && text.charCodeAt(next) !== 10 && isWs(text.charCodeAt(next))) next++;
  return next >= text.length || text.charCodeAt(next) === 10 ? next : -1;
}
