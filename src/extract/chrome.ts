// Page chrome: the spans of a scraped news page that are not article prose.
// Cleaning never rewrites the text (sentence offsets point into it): chrome is
// returned as spans that segmentation skips. The rules are layout patterns of
// RT / ILKHA-style pages, not strings of one article:
//   dateline        "18 Aug, 2025 19:26", " date 2025-09-01 " (also give `published`)
//   breadcrumb      "Home World News" after a dateline, or alone on a line
//   header          flattened headline + standfirst + caption between a breadcrumb and a "©" credit
//   credit          "© Getty Images / Anadolu / Contributor"
//   read_more       "READ MORE: <headline>" inline teasers; "Read more" lines and the teaser headline after them
//   caption         the photo caption line of a "Read more" block; captions in a body (chrome-captions.ts)
//   share_follow    "You can share this story on social media: Follow RT on <tags>", "Share this…" lines
//   widget          a lone word or two ("Recap") left between the last sentence and a share line
//   comment_policy  "Dear readers! … Please check our commenting policy More"
//   legal           "LEGAL WARNING: …", "© … All rights reserved" lines (a page footer)
//   agency_tag      "(ILKHA)" after the final punctuation of a paragraph
//   byline          "Author: .", "By Jane Doe" lines
// Then the generic rules of any outlet (chrome-generic.ts): the chrome lexicon
// (data/lexicons/chrome.csv: widgets, adverts, prompts, follow lines, credit
// lines, section labels, markup) and the corpus's boilerplate lines.
// Categories a researcher keeps (--keep-chrome) are not returned.
// All regexes start with a literal or a bounded class, so scans stay linear.
import { breadcrumbEnd, creditEnd, teaserEnd } from "./chrome-ends.ts";
import { captionRules } from "./chrome-captions.ts";
import { genericRules } from "./chrome-generic.ts";
import type { ChromeCategory } from "./chrome-lexicon.ts";
import { resolveCleaning, type Cleaning } from "./cleaning.ts";
import { LEGAL_LINE, lineRules, READ_MORE_LINE, trimmedLines, type Line } from "./chrome-lines.ts";
import { isWs } from "./segment.ts";
import { inlineRules } from "./cleaning/inline.ts";
import { templateSpans } from "./cleaning/templates.ts";
import { repeatRules } from "./cleaning/repeats.ts";

export type { ChromeCategory } from "./chrome-lexicon.ts";

export interface ChromeSpan {
  start: number; // UTF-16 offsets into the document text
  end: number;
  category: ChromeCategory;
}

export interface Dateline {
  start: number;
  end: number;
  published: string; // YYYY-MM-DD
}

/** Where the page names its outlet (a "Follow RT on" line, an agency tag, a known footer). */
export interface OutletMark {
  pos: number;
  outlet: string;
}

export interface PageMarks {
  chrome: ChromeSpan[]; // sorted, non-overlapping
  datelines: Dateline[]; // sorted
  outlets: OutletMark[]; // sorted
  footers: number[]; // end offsets of legal footers, sorted
  /** Every line of the text (trimmedLines), computed once for the line rules and articles.ts. */
  lines: Line[];
  /** Line units the generic rules found to be text (start → end): a sentence that is one is not tried again. */
  textUnits: Map<number, number>;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DATETIME = /\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?,? (\d{4}),? \d{1,2}:\d{2}\b(?!:\d)(?: ?(?:GMT|UTC|MSK))?/g;
const DATE_LINE = /^[ \t]*date[ \t:]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*/gm;
const SHARE = /You can share this story on social media:?/g;
const FOLLOW = /^[ \t]*Follow (\S+(?: \S+)?) on\b/;
const DEAR_READERS = /Dear readers!/g;
const COMMENT_END = /comment(?:ing)? policy\.?(?:[ \t]+More\b)?/;
const READ_MORE_INLINE = /\b(?:READ MORE|Read [Mm]ore|READ ALSO|Read [Aa]lso|ALSO READ|Also [Rr]ead)[ \t]*:[ \t]*/g;
const AGENCY_TAG = /[.!?…][”’"]?([ \t]*\(([A-Z][A-Z0-9]{1,9})\)[ \t]*)(?=\r?\n|$)/g;
/** Footers and addresses that name an outlet without saying it in prose. */
const OUTLET_ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/\brttv\.ru\b|\brt\.com\b/i, "RT"],
  [/İlke Haber Ajansı|\bilkha\.com\b/i, "ILKHA"],
];

export function findPageMarks(
  text: string, cleaning: Cleaning = resolveCleaning(undefined), outlet: string | null = null, title: string | null = null,
): PageMarks {
  const spans: ChromeSpan[] = [];
  const outlets: OutletMark[] = [];
  const footers: number[] = [];
  const add = (start: number, end: number, category: ChromeCategory): void => {
    if (end > start) spans.push({ start, end, category });
  };

  // A date stamp is page chrome at a line start or before a breadcrumb; inside prose it is text.
  const datelines = findDatelines(text).filter((d) => atLineStart(text, d.start) || breadcrumbEnd(text, d.end) >= 0);
  for (const d of datelines) {
    add(d.start, d.end, "dateline");
    const crumbEnd = breadcrumbEnd(text, d.end);
    if (crumbEnd < 0) continue;
    add(d.end, crumbEnd, "breadcrumb");
    // RT flattens headline, standfirst and photo caption into one run ending at the credit.
    const copyright = text.indexOf("©", crumbEnd);
    if (copyright >= 0 && copyright < Math.min(lineEndAt(text, crumbEnd), crumbEnd + 800)) {
      add(crumbEnd, copyright, "header");
      add(copyright, creditEnd(text, copyright, lineEndAt(text, copyright)), "credit");
    }
  }

  const dearReaders = [...text.matchAll(DEAR_READERS)].map((m) => m.index);
  for (const m of text.matchAll(SHARE)) {
    const nextPolicy = dearReaders.find((p) => p > m.index) ?? text.length;
    const end = Math.min(lineEndAt(text, m.index), nextDateline(text, datelines, m.index), nextPolicy);
    add(m.index, end, "share_follow");
    const follow = FOLLOW.exec(text.slice(m.index + m[0].length, Math.min(end, m.index + m[0].length + 80)));
    if (follow && follow[1] !== "us") outlets.push({ pos: m.index, outlet: follow[1]! });
    const widget = widgetStart(text, m.index);
    if (widget >= 0) add(widget, m.index, "widget");
  }
  for (const at of dearReaders) {
    const le = Math.min(lineEndAt(text, at), nextDateline(text, datelines, at));
    // The policy text is a few hundred characters: look for its closing words nearby only.
    const close = COMMENT_END.exec(text.slice(at, Math.min(le, at + 2000)));
    add(at, close ? at + close.index + close[0].length : le, "comment_policy");
  }
  for (const m of text.matchAll(READ_MORE_INLINE)) {
    const le = lineEndAt(text, m.index);
    if (READ_MORE_LINE.test(text.slice(m.index, le).trim())) continue; // a "Read more:" line block, below
    add(m.index, teaserEnd(text, m.index + m[0].length, le), "read_more");
  }
  for (const m of text.matchAll(AGENCY_TAG)) {
    const start = m.index + m[0].length - m[1]!.length;
    add(start, m.index + m[0].length, "agency_tag");
    // The tag names the outlet when it closes the article (text or legal footer follows), not a photo caption.
    let next = m.index + m[0].length;
    while (next < text.length && isWs(text.charCodeAt(next))) next++;
    if (next === text.length || LEGAL_LINE.test(text.slice(next, next + 300))) outlets.push({ pos: start, outlet: m[2]! });
  }
  const lines = trimmedLines(text);
  lineRules(text, lines, add, footers);
  if (cleaning.learned) {
    // Issue 20: the outlet's templates, then inline chrome and in-page repeats (src/extract/cleaning/); where two
    // find the same span, the first one's category is kept (the outlet's own template).
    if (outlet && cleaning.templates.size > 0)
      for (const l of lines) for (const p of templateSpans(text, l.start, l.end, outlet, cleaning.templates)) add(p.start, p.end, "boilerplate");
    inlineRules(text, lines, add, outlet);
    repeatRules(text, lines, add, title);
  }
  const textUnits = genericRules(text, lines, cleaning, add);
  captionRules(text, lines, add, normalize(spans), cleaning.learned);
  const covered = normalize(spans);
  for (let at = text.indexOf("©"); at >= 0; at = text.indexOf("©", at + 1)) {
    // "Ã©" is é read as windows-1252 (mojibake inside a word), not a credit.
    if (!insideAny(covered, at) && text[at - 1] !== "Ã") add(at, creditEnd(text, at, lineEndAt(text, at)), "credit");
  }
  const chrome = cleaning.keep.size ? normalize(spans).filter((c) => !cleaning.keep.has(c.category)) : normalize(spans);
  for (const s of chrome) {
    if (s.category !== "comment_policy" && s.category !== "legal" && s.category !== "share_follow") continue;
    const piece = text.slice(s.start, s.end);
    for (const [re, outlet] of OUTLET_ALIASES) if (re.test(piece)) outlets.push({ pos: s.start, outlet });
  }
  outlets.sort((a, b) => a.pos - b.pos);
  footers.sort((a, b) => a - b);
  return { chrome, datelines, outlets, footers, lines, textUnits };
}

function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? text.length : nl;
}

function nextDateline(text: string, datelines: readonly Dateline[], pos: number): number {
  return datelines.find((d) => d.start > pos)?.start ?? text.length;
}

function findDatelines(text: string): Dateline[] {
  const out: Dateline[] = [];
  // Neither regex has a literal prefix the engine can scan for, so each tries
  // every position: skip them on the many pages that lack a literal each needs.
  const timeOfDay = text.includes(":");
  const dateWord = text.includes("date");
  for (const m of timeOfDay ? text.matchAll(DATETIME) : []) {
    const published = isoDate(m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1]));
    if (published) out.push({ start: m.index, end: m.index + m[0].length, published });
  }
  for (const m of dateWord ? text.matchAll(DATE_LINE) : []) {
    const published = isoDate(m[1]!, Number(m[2]), Number(m[3]));
    if (published) out.push({ start: m.index, end: m.index + m[0].length, published });
  }
  return out.sort((a, b) => a.start - b.start);
}

function atLineStart(text: string, pos: number): boolean {
  while (pos > 0 && (text[pos - 1] === " " || text[pos - 1] === "\t")) pos--;
  return pos === 0 || text[pos - 1] === "\n";
}

function isoDate(year: string, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Start of one or two bare words between a sentence end and a share line ("… developments. Recap You can share"), or -1. */
function widgetStart(text: string, shareStart: number): number {
  let k = shareStart;
  let words = 0;
  for (;;) {
    while (k > 0 && (text[k - 1] === " " || text[k - 1] === "\t")) k--;
    if (k === 0 || text[k - 1] === "\n" || /[.!?…”"]/.test(text[k - 1]!)) return words > 0 ? k : -1;
    if (words === 2) return -1;
    const end = k;
    while (k > 0 && /\p{L}/u.test(text[k - 1]!)) k--;
    if (k === end || k < end - 20) return -1;
    words++;
  }
}

/** Sorts spans and removes overlaps (an overlapping span is clipped to start where the previous ends). */
function normalize(spans: ChromeSpan[]): ChromeSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ChromeSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      if (s.end <= prev.end) continue;
      out.push({ ...s, start: prev.end });
    } else out.push({ ...s });
  }
  return out;
}

function insideAny(sorted: ChromeSpan[], pos: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}
