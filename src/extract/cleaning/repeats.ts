// Repeats inside one page (category `repeat`): furniture that copies text the
// page already has, found by comparing the page with itself rather than with a
// list —
//   a title repeated as a body line: a line after the first whose words are
//   nearly the title's (Jaccard >= TITLE_JACCARD over lower-case words) and
//   that does not end as a sentence does (no final . ; the title of a page
//   re-printed above the body, an upper-case "THE EDGE: CRUZ, TRUMP GET …"
//   copy); the title is the document's title metadata when given (its first
//   occurrence is the title line, kept: a page may open with a caption), else
//   the first line;
//   a pull quote: a line of quoted sentences (an opening quote mark, final
//   punctuation before the closing one) each of whose sentences (quotes, case
//   and spacing ignored) is also inside a longer line of the page (the body
//   paragraph it repeats), so the copy in the prose is kept and the display
//   copy dropped.
// Both keep the first line (the title itself) and lines that quote or attribute
// nothing new: the text they copy stays in the records.
import type { AddSpan, Line } from "../chrome-lines.ts";

/** Jaccard likeness to the title from which a body line is a repeat of it. */
export const TITLE_JACCARD = 0.8;
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_CHARS = 300;
/** A pull quote is at least this long (and at most TITLE_MAX_CHARS); the line holding its copy at least PULL_QUOTE_GROWTH times longer. */
const PULL_QUOTE_MIN = 30;
const PULL_QUOTE_GROWTH = 1.3;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A sentence end (not ? or !: a headline may ask or exclaim). */
const SENTENCE_END = /[.;:][”’"')\]]*$/;

function words(s: string): Set<string> {
  return new Set((s.match(WORD) ?? []).map((w) => w.toLowerCase()));
}

/** Lower-case letters and digits only, single-spaced: how a pull quote and its body copy are compared. */
function flat(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

export function repeatRules(text: string, lines: readonly Line[], add: AddSpan, title: string | null): void {
  const nonEmpty = lines.filter((l) => l.end > l.start);
  if (nonEmpty.length < 3) return;
  const first = nonEmpty[0]!;
  const titleWords = words(title ?? text.slice(first.start, Math.min(first.end, first.start + TITLE_MAX_CHARS)));
  const titleText = title ?? text.slice(first.start, Math.min(first.end, first.start + TITLE_MAX_CHARS));
  const titleLike = (line: string): boolean => {
    // Jaccard >= 0.8 needs about as many words: a line of another length is not tried (most lines, cheaply).
    if (titleWords.size < TITLE_MIN_WORDS || line.length * 2 < titleText.length || line.length > titleText.length * 2 || SENTENCE_END.test(line)) return false;
    const w = words(line);
    let shared = 0;
    for (const x of w) if (titleWords.has(x)) shared++;
    return w.size >= TITLE_MIN_WORDS && shared / (w.size + titleWords.size - shared) >= TITLE_JACCARD;
  };
  // The title's own line is its first occurrence (a page may open with a caption above it): later ones are repeats.
  let titleSeen = title === null || titleLike(text.slice(first.start, Math.min(first.end, first.start + TITLE_MAX_CHARS)));
  // The page flattened line by line (built on the first quoted line: most pages have none).
  let page: { flat: string; starts: number[] } | null = null;
  for (let i = 1; i < nonEmpty.length; i++) {
    const l = nonEmpty[i]!;
    if (l.end - l.start > TITLE_MAX_CHARS) continue;
    const c0 = text.charCodeAt(l.start);
    // Neither a title-sized line nor one opening with a quote mark: nothing to compare.
    if ((l.end - l.start) * 2 < titleText.length && c0 !== 0x201c && c0 !== 0x22 && c0 !== 0x2018) continue;
    const line = text.slice(l.start, l.end);
    if (titleLike(line)) {
      if (titleSeen) {
        add(l.start, l.end, "repeat");
        continue;
      }
      titleSeen = true;
    }
    // A pull quote opens with a quote mark.
    if (l.end - l.start < PULL_QUOTE_MIN || !OPENING_QUOTE.test(line) || !QUOTED_SENTENCE_END.test(line)) continue;
    // Each sentence of it is in another, longer line (the quote's copy may have an attribution between its sentences).
    const pieces = line.split(PIECE_BREAK).map(flat).filter((p) => p.length > 0);
    if (pieces.length === 0 || pieces.some((p) => p.length < PIECE_MIN)) continue;
    page ??= flatPage(text, nonEmpty);
    const lineLen = flat(line).length;
    if (pieces.every((p) => copiedElsewhere(page!, p, i, lineLen))) add(l.start, l.end, "repeat");
  }
}

const OPENING_QUOTE = /^[“"‘]/;
/** A pull quote is quoted sentences (a quoted sub-heading, "‘We trust that God will do the rest’", has no final punctuation). */
const QUOTED_SENTENCE_END = /[.!?…]\s?[”"’]$/;
/** Between two sentences of a line. */
const PIECE_BREAK = /(?<=[.!?…][”’"]?)\s+(?=[“"‘]?\p{Lu})/u;
/** Shortest sentence of a pull quote looked for (flattened characters): shorter ones recur by chance. */
const PIECE_MIN = 15;

/** Whether flattened text `p` is inside a line other than line `self` that is PULL_QUOTE_GROWTH times longer than `selfLen`. */
function copiedElsewhere(page: { flat: string; starts: number[] }, p: string, self: number, selfLen: number): boolean {
  for (let at = page.flat.indexOf(p); at >= 0; at = page.flat.indexOf(p, at + 1)) {
    const k = lineAt(page.starts, at);
    const len = (page.starts[k + 1] ?? page.flat.length + 1) - 1 - page.starts[k]!;
    if (k !== self && len >= selfLen * PULL_QUOTE_GROWTH) return true;
  }
  return false;
}

function flatPage(text: string, lines: readonly Line[]): { flat: string; starts: number[] } {
  const parts: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    const f = flat(text.slice(l.start, Math.min(l.end, l.start + 20_000)));
    starts.push(at);
    parts.push(f);
    at += f.length + 1;
  }
  return { flat: parts.join("\n"), starts };
}

/** Index of the line whose flat text holds position `at` (starts ascending). */
function lineAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
