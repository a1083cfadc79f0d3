// Line-level chrome rules: lines that are chrome as a whole ("Read more"
// blocks, legal footers, bylines, bare breadcrumbs and share lines).
import type { ChromeCategory } from "./chrome.ts";
import { breadcrumbEnd } from "./chrome-ends.ts";
import { isWs } from "./segment.ts";

export interface Line {
  start: number; // trimmed content bounds
  end: number;
}

export type AddSpan = (start: number, end: number, category: ChromeCategory) => void;

export const READ_MORE_LINE = /^(?:Read more|READ MORE|Read also|READ ALSO|Also read|ALSO READ)[ \t]*[:»›>]?$/;

export const LEGAL_LINE = /^(?:LEGAL WARNING\b|(?:Copyright\b|©).{0,200}\ball rights reserved\b)/i;

const BYLINE_LINE = /^(?:(?:Author|By|Written by|Reporter)[ \t]*:|By[ \t]+\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}$)/u;

const SHARE_LINE = /^(?:Share (?:this|on)\b|Follow us\b)/;

/** Line-level rules: "Read more" blocks, legal footers, bylines, bare breadcrumb and share lines. */
export function lineRules(text: string, lines: readonly Line[], add: AddSpan, footers: number[]): void {
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    if (end === start) continue;
    const line = end - start > 400 ? text.slice(start, start + 400) : text.slice(start, end);
    if (READ_MORE_LINE.test(line)) {
      add(start, end, "read_more");
      i = readMoreBlock(text, lines, i, add);
    } else if (LEGAL_LINE.test(line)) {
      add(start, end, "legal");
      footers.push(end);
    } else if (end - start <= 120 && BYLINE_LINE.test(line)) {
      add(start, end, "byline");
    } else if (end - start <= 200 && SHARE_LINE.test(line)) {
      add(start, end, "share_follow");
    } else if (line.startsWith("Home ") && breadcrumbEnd(text, start) === end) {
      add(start, end, "breadcrumb");
    }
  }
}

/**
 * The teaser around a "Read more" line i; returns the last line index it used.
 * Layouts: the teaser headline on the line just before ("<headline>\n Read more\n<body>"),
 * on the line just after ("Read more\n<headline>"), or, after a blank line, a paragraph of
 * photo caption line(s) and the headline ("Read more\n\n<caption>.\n<headline>\n\n"), or a
 * list of headlines running into the body ("Read more:\n\n<headline>\n<headline>\n<body>").
 * A teaser headline is short and does not end with a period (body prose does).
 */
function readMoreBlock(text: string, lines: readonly Line[], i: number, add: AddSpan): number {
  const isBlank = (l: Line | undefined): boolean => !l || l.end === l.start;
  const headline = (l: Line): boolean => l.end - l.start <= 200 && text[l.end - 1] !== ".";
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (prev && !isBlank(prev) && headline(prev)) {
    add(prev.start, prev.end, "read_more");
    return i;
  }
  if (next && !isBlank(next)) {
    if (!headline(next)) return i;
    add(next.start, next.end, "read_more");
    return i + 1;
  }
  let j = i + 1;
  while (j < lines.length && isBlank(lines[j])) j++;
  let k = j;
  while (k < lines.length && !isBlank(lines[k])) k++;
  const last = lines[k - 1];
  if (k > j && k - j <= 3 && last && headline(last)) {
    for (let c = j; c < k - 1; c++) add(lines[c]!.start, lines[c]!.end, "caption");
    add(last.start, last.end, "read_more");
    return k - 1;
  }
  let h = j;
  for (; h < Math.min(k, j + 5) && headline(lines[h]!); h++) add(lines[h]!.start, lines[h]!.end, "read_more");
  return h > j ? h - 1 : i;
}

/** Every line of the text as trimmed content bounds (empty lines have start === end). */
export function trimmedLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let a = pos;
    let b = nl;
    while (a < b && isWs(text.charCodeAt(a))) a++;
    while (b > a && isWs(text.charCodeAt(b - 1))) b--;
    out.push({ start: a, end: b });
    pos = nl + 1;
  }
  return out;
}
