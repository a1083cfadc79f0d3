// Photo captions inside a body (category `caption`): lines that stand on their
// own (a blank line before and after), end without final punctuation, and come after the article's prose has
// started (so a title or standfirst run at the top is never one):
// - a labelled caption, Daily Mail / Fox style: a label of one to four words
//   and a colon, then at least CAPTION_MIN_WORDS words ("Lover: Zhang Hung
//   (left) visited Fan (right) in hospital …", "HOSTAGE: Kayla Mueller’s
//   boyfriend tried to save her from ISIS") — not a quote headline
//   ("Trump: 'NO NATO'", the colon followed by a quote) and not a list (a
//   line-up "Replacements: A (X), B (Y), …": a comma every few words, or
//   three bracketed groups);
// - an unlabelled caption: a line of UNLABELLED_MIN_WORDS to
//   UNLABELLED_MAX_WORDS words between prose lines ("Tan walks around the
//   streets after spending the entire week in a KFC eating chicken wings and
//   fries"); a list item (a line starting with a dash, bullet or number, or
//   next to one) is not a caption.
// Shorter lines are sub-headings (kind `headline`, articles.ts). Captions
// carried by a lexicon row ("Pictured: …", a line ending in "(AP Photo/…)")
// are in data/lexicons/chrome.csv. Why captions are chrome: in the corpora
// here they repeat what the prose says next to a photo the records cannot
// show; --keep-chrome caption keeps them.
import type { ChromeSpan } from "./chrome.ts";
import type { AddSpan, Line } from "./chrome-lines.ts";

const CAPTION_MIN_WORDS = 6;
const UNLABELLED_MIN_WORDS = 13;
const UNLABELLED_MAX_WORDS = 60;
const MAX_CAPTION = 600;
/** A list ("Replacements: A (X), B (Y), …"): at least 3 commas, one every WORDS_PER_LIST_COMMA words or closer. */
const WORDS_PER_LIST_COMMA = 4;

/** Final punctuation at a line end (the cleaning benchmark's definition). */
export const LINE_FINAL = /[.!?…:;][”’"')\]»“]*$|[”"]$/;
/** A caption label, after an optional photo-agency credit set off by a run of spaces ("CEN   Tragic: …"). */
const LABEL = /^(?:[\p{L}.]{2,20}\s{3,})?\p{Lu}[\p{L}\p{N}'’&.-]*(?: [\p{L}\p{N}'’&.-]+){0,3}: (?![“"‘'])(?=\S)/u;
/** An embedded tweet's text: a signature "(@handle) Month d, yyyy" at its end, or a t.co / pic.twitter link (issue 20: it is a tweet, credited to its author, not a caption). */
const TWEET = /\(@\w{1,30}\)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\s*$|\b(?:pic\.twitter\.com|t\.co)\/\w/;
/** A source credited at the line's end: "…, reports Wired", "…, according to the New York Times" (a Daily Mail caption's "X said …" inside the line stays a caption). */
const ATTRIBUTED = /,\s+(?:reports?|writes|notes|according to|said|says)\s+(?:the\s+)?\p{Lu}[^,]{0,40}$/u;
const LIST_MARKER = /^(?:[-–—•*·▪►]|\d{1,2}[.)]\s)/;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
/** A sentence end inside the line (not after an initial, an acronym or a title: "U.S. officials", "Mr. Lin"). */
const INNER_TERMINATOR = /(?<!(?:^|[\s.])\p{L}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|No|Jr|Sr))[.!?…][”’"')\]]*\s+[\p{Lu}\p{N}\[“"‘'(]/u;

/**
 * Adds the caption spans. `chrome`: the spans found so far, sorted and
 * non-overlapping; a line they cover is not prose, and a dateline starts a
 * new article (whose standfirst is not a caption).
 */
export function captionRules(text: string, lines: readonly Line[], add: AddSpan, chrome: readonly ChromeSpan[], tweetsAreText = false): void {
  let prose = false; // has a line with final punctuation come before, in this article?
  let c = 0;
  const content: number[] = []; // the first two lines that are not chrome
  let unlabelled = true;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    if (end === start) continue;
    while (c < chrome.length && chrome[c]!.end <= start) c++;
    const cover = chrome[c];
    if (cover && cover.start <= start && cover.end >= end) {
      if (cover.category === "dateline") prose = false;
      continue;
    }
    if (content.length < 2 && content.push(i) === 2) unlabelled = !opensWithStandfirst(text, lines, content);
    const line = end - start > MAX_CAPTION ? null : text.slice(start, end);
    if (line === null || LINE_FINAL.test(line)) {
      prose = true;
      continue;
    }
    // A caption is its own paragraph: a blank line (or the text's edge) on both sides; a hard-wrapped line is not one.
    if (!prose || !blankAt(lines, i - 1) || !blankAt(lines, i + 1)) continue;
    if (tweetsAreText && TWEET.test(line)) continue;
    const words = line.split(/\s+/).length;
    const next = neighbour(text, lines, i, 1);
    if (next !== null && LOWER_START.test(next)) continue; // the text runs on: not a caption
    const label = LABEL.exec(line);
    if (label) {
      const rest = line.slice(label[0].length);
      if (rest.split(/\s+/).length >= CAPTION_MIN_WORDS && !isList(rest)) add(start, end, "caption");
      continue;
    }
    if (!unlabelled || words < UNLABELLED_MIN_WORDS || words > UNLABELLED_MAX_WORDS || !UPPER_START.test(line) || INNER_TERMINATOR.test(line) || isList(line)) continue;
    // A line that credits what it says to a source is a claim, not a caption: never dropped on a guess
    // ("… misidentify black faces 5 to 10 times more often than white faces, reports Wired").
    if (ATTRIBUTED.test(line)) continue;
    const prev = neighbour(text, lines, i, -1);
    if (next === null || LIST_MARKER.test(prev ?? "") || LIST_MARKER.test(next)) continue;
    add(start, end, "caption");
  }
}

/**
 * Does the page open with one standfirst line and then a lead paragraph? That
 * is the layout of pages that concatenate articles (articles.ts): each later
 * line of that shape starts an article, so an unlabelled caption cannot be
 * told from it and the rule is off. (Daily Mail bodies open with several
 * standfirst bullets.)
 */
function opensWithStandfirst(text: string, lines: readonly { start: number; end: number }[], content: readonly number[]): boolean {
  const [a, b] = content.map((k) => text.slice(lines[k]!.start, Math.min(lines[k]!.end, lines[k]!.start + 2000)));
  return !LINE_FINAL.test(a!) && a!.split(/\s+/).length >= 8 && LINE_FINAL.test(b!) && b!.split(/\s+/).length >= 12;
}

function isList(s: string): boolean {
  const commas = s.split(",").length - 1;
  return commas >= 3 && (commas * WORDS_PER_LIST_COMMA >= s.split(/\s+/).length || s.split("(").length > 3);
}

function blankAt(lines: readonly { start: number; end: number }[], k: number): boolean {
  return k < 0 || k >= lines.length || lines[k]!.end === lines[k]!.start;
}

/** The nearest non-blank line before (dir -1) or after (dir 1) line i, or null. */
function neighbour(text: string, lines: readonly { start: number; end: number }[], i: number, dir: 1 | -1): string | null {
  for (let k = i + dir; k >= 0 && k < lines.length; k += dir) {
    const l = lines[k]!;
    if (l.end > l.start) return text.slice(l.start, Math.min(l.end, l.start + 40));
  }
  return null;
}
