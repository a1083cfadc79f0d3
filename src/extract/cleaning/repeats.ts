// Repeats inside one page (category `repeat`): furniture that copies text the
// page already has, found by comparing the page with itself rather than with a
// list — a title repeated as a body line: a line after the first whose words
//   are nearly the title's (Jaccard >= TITLE_JACCARD over lower-case words) and
//   that does not end as a sentence does (no final . ; the title of a page
//   re-printed above the body, an upper-case "THE EDGE: CRUZ, TRUMP GET …"
//   copy); the title is the document's title metadata when given (its first
//   occurrence is the title line, kept: a page may open with a caption), else
//   the first line.
// A pull quote (quoted sentences repeated from the body) is not dropped: on
// PolNeAR train the annotators took HuffPost's displayed quotes for content
// (a first version of the rule dropped 267 characters of gold Content there).
import type { AddSpan, Line } from "../chrome-lines.ts";

/** Jaccard likeness to the title from which a body line is a repeat of it. */
export const TITLE_JACCARD = 0.8;
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_CHARS = 300;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A sentence end (not ? or !: a headline may ask or exclaim). */
const SENTENCE_END = /[.;:][”’"')\]]*$/;

function words(s: string): Set<string> {
  return new Set((s.match(WORD) ?? []).map((w) => w.toLowerCase()));
}

export function repeatRules(text: string, lines: readonly Line[], add: AddSpan, title: string | null): void {
  const nonEmpty = lines.filter((l) => l.end > l.start);
  if (nonEmpty.length < 3) return;
  const first = nonEmpty[0]!;
  // Without title metadata the first line is the title only when it reads as one (FNC-1 bodies open with prose).
  if (title === null && (first.end - first.start > TITLE_MAX_CHARS || SENTENCE_END.test(text.slice(first.start, first.end)))) return;
  const titleText = title ?? text.slice(first.start, Math.min(first.end, first.start + TITLE_MAX_CHARS));
  const titleWords = words(titleText);
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
  for (let i = 1; i < nonEmpty.length; i++) {
    const l = nonEmpty[i]!;
    if (l.end - l.start > TITLE_MAX_CHARS) continue;
    // A line much shorter than the title is not compared (most lines, cheaply).
    if ((l.end - l.start) * 2 < titleText.length) continue;
    const line = text.slice(l.start, l.end);
    if (titleLike(line)) {
      if (titleSeen) {
        add(l.start, l.end, "repeat");
        continue;
      }
      titleSeen = true;
    }
  }
}
