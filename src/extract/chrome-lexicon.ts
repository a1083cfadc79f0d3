// Generic page chrome as data: data/lexicons/chrome.csv (or chrome.csv in a
// researcher's --lexicons DIR) lists the lines and patterns that are chrome
// on any outlet's pages — video and poll widgets, comment and newsletter
// prompts, social follow lines, bylines and credits, section labels, markup
// and code remnants. Columns (data/lexicons/README.md):
//   category  a chrome category (CHROME_CATEGORIES)
//   match     `text`: the whole line or sentence is this phrase (case, spacing
//             and surrounding punctuation ignored); `regex`: a JavaScript
//             regular expression the whole line or sentence matches
//             (case-insensitive); `regex_case`: the same, case-sensitive (for
//             rules that need a capitalised name); `lead`: a case-insensitive
//             regex matched at the start of a line — the matched part is
//             chrome, the rest of the line is kept; `tail`: the same at the end
//             of a line (an embedded tweet's "pic.twitter.com/…" link or
//             "— Name (@handle) Month d, yyyy" signature after its text)
//   pattern   the phrase or regex
// Loaded synchronously (readFileSync) so workers and tests get the same rules
// from the same file without an async set-up step.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { InputError } from "../errors.ts";
import { parseCsvTable } from "../label/lexicon/csv-table.ts";
import { chromeGate, gateOpen, startsWithClass, type ChromeGate } from "./chrome-gates.ts";

export const CHROME_CATEGORIES = [
  "dateline", "breadcrumb", "header", "credit", "read_more", "caption", "share_follow", "widget", "comment_policy",
  "legal", "agency_tag", "byline", "advert", "newsletter", "section_label", "markup", "boilerplate", "social",
  "hover_card", "promo", "repeat", "model",
] as const;
export type ChromeCategory = (typeof CHROME_CATEGORIES)[number];

export const CHROME_FILE = "chrome.csv";
export const DEFAULT_CHROME_LEXICON = fileURLToPath(new URL(`../../data/lexicons/${CHROME_FILE}`, import.meta.url));

/** Lines and sentences longer than this are prose: no whole-unit rule is tried on them. */
export const MAX_CHROME_UNIT = 600;

export interface ChromeLexicon {
  file: string;
  /** Normalised phrase (normalizeChrome) → category. */
  texts: ReadonlyMap<string, ChromeCategory>;
  regexes: readonly { re: RegExp; category: ChromeCategory; pattern: string }[];
  leads: readonly { re: RegExp; category: ChromeCategory; gate: ChromeGate | null }[];
  tails: readonly { re: RegExp; category: ChromeCategory; gate: ChromeGate | null }[];
  /** Longest `text` phrase: a longer unit skips the phrase lookup (and its normalisation). */
  maxTextLength: number;
  /** The ungated whole-unit regexes as one alternation per case mode: one call rejects a unit (most are prose). */
  anyInsensitive: RegExp | null;
  anySensitive: RegExp | null;
  /** The other whole-unit regexes, each tried only when its gate is open. */
  gated: readonly { re: RegExp; gate: ChromeGate }[];
}

const ChromeRow = z.object({
  category: z.enum(CHROME_CATEGORIES),
  match: z.enum(["text", "regex", "regex_case", "lead", "tail"]),
  pattern: z.string().min(1, "empty pattern"),
});
const COLUMNS = ["category", "match", "pattern"] as const;

/** Lower case, whitespace collapsed, typographic apostrophes as ', leading/trailing punctuation and symbols dropped. */
export function normalizeChrome(s: string): string {
  const fast = normalizeAscii(s);
  if (fast !== null) return fast;
  return s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "");
}

/**
 * normalizeChrome of a printable-ASCII string in one pass, or null for any other string (the general path):
 * every ASCII character that is not a letter, digit or space is punctuation or a symbol (\p{P} or \p{S}).
 */
function normalizeAscii(s: string): string | null {
  let a = 0;
  let b = s.length;
  for (let i = 0; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c > 126 || (c < 32 && (c < 9 || c > 13))) return null;
  }
  const edge = (c: number) => !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
  while (a < b && edge(s.charCodeAt(a))) a++;
  while (b > a && edge(s.charCodeAt(b - 1))) b--;
  let out = "";
  let space = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (!space) out += " ";
      space = true;
    } else {
      out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
      space = false;
    }
  }
  return out;
}

export function parseChromeLexicon(file: string, text: string): ChromeLexicon {
  const rows = parseCsvTable(file, text.replace(/^\uFEFF/, ""), ChromeRow, COLUMNS);
  const texts = new Map<string, ChromeCategory>();
  const regexes: { re: RegExp; category: ChromeCategory; pattern: string; ungated: boolean }[] = [];
  const gated: { re: RegExp; gate: ChromeGate }[] = [];
  const leads: { re: RegExp; category: ChromeCategory; gate: ChromeGate | null }[] = [];
  const tails: { re: RegExp; category: ChromeCategory; gate: ChromeGate | null }[] = [];
  for (const { line, row } of rows) {
    if (row.match === "text") {
      const key = normalizeChrome(row.pattern);
      if (key === "") throw new InputError(`${file}:${line}: column pattern: no letters or digits in the phrase`);
      texts.set(key, row.category);
      continue;
    }
    let re: RegExp;
    try {
      // Whole-unit regexes are anchored at both ends; a lead regex at the start only, a tail regex at the end only.
      const anchored = row.match === "lead" ? `^(?:${row.pattern})` : row.match === "tail" ? `(?:${row.pattern})$` : `^(?:${row.pattern})$`;
      re = new RegExp(anchored, row.match === "regex_case" ? "u" : "iu");
    } catch (e) {
      throw new InputError(`${file}:${line}: column pattern: bad regex (${(e as Error).message})`);
    }
    // Gates (chrome-gates.ts) for the rows that are slow to fail: a tail rule is tried at every position of
    // the line's end, a rule that starts with `.` or a class backtracks over most of a prose unit. A row that
    // starts with a literal fails at the first character and is cheaper without one.
    const gate = row.match === "tail" || startsWithClass(row.pattern) ? chromeGate(row.pattern, re.flags) : null;
    if (row.match === "lead") leads.push({ re, category: row.category, gate });
    else if (row.match === "tail") tails.push({ re, category: row.category, gate });
    else {
      regexes.push({ re, category: row.category, pattern: row.pattern, ungated: gate === null });
      if (gate) gated.push({ re, gate });
    }
  }
  const maxTextLength = Math.max(0, ...[...texts.keys()].map((k) => k.length));
  const any = (flags: string) => {
    const rs = regexes.filter((r) => r.re.flags === flags && r.ungated);
    // One top-level ^…$ (not one per alternative): V8 then tries position 0 only instead of every position.
    return rs.length ? new RegExp(`^(?:${rs.map((r) => `(?:${r.pattern})`).join("|")})$`, flags) : null;
  };
  return { file, texts, regexes, leads, tails, maxTextLength, anyInsensitive: any("iu"), anySensitive: any("u"), gated };
}

const cache = new Map<string, ChromeLexicon>();

/** The chrome lexicon of a lexicon folder: DIR/chrome.csv when it exists, else the project's. */
export function loadChromeLexicon(dir?: string): ChromeLexicon {
  const own = dir === undefined ? null : join(dir, CHROME_FILE);
  const file = own !== null && existsSync(own) ? own : DEFAULT_CHROME_LEXICON;
  let lex = cache.get(file);
  if (!lex) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    cache.set(file, (lex = parseChromeLexicon(file, text)));
  }
  return lex;
}

/** The category of a line or sentence that is chrome as a whole, or null. */
export function matchChrome(lex: ChromeLexicon, unit: string): ChromeCategory | null {
  if (unit.length > MAX_CHROME_UNIT) return null;
  const trimmed = unit.trim();
  // Surrounding punctuation and runs of spaces are ignored in the phrase lookup: allow some slack.
  if (trimmed.length <= lex.maxTextLength * 2 + 8) {
    const hit = lex.texts.get(normalizeChrome(trimmed));
    if (hit) return hit;
  }
  const possible =
    lex.anyInsensitive?.test(trimmed) ||
    lex.anySensitive?.test(trimmed) ||
    lex.gated.some((g) => gateOpen(g.gate, trimmed) && g.re.test(trimmed));
  if (!possible) return null;
  for (const r of lex.regexes) if (r.re.test(trimmed)) return r.category;
  return null;
}

/** Length of the chrome lead of a line (the part a `lead` rule matches) and its category, or null. */
export function matchLead(lex: ChromeLexicon, line: string): { length: number; category: ChromeCategory } | null {
  for (const r of lex.leads) {
    if (r.gate && !gateOpen(r.gate, line)) continue;
    const m = r.re.exec(line);
    if (m && m[0].length > 0 && m[0].length < line.length) return { length: m[0].length, category: r.category };
  }
  return null;
}

/** Start (offset into `line`) of the chrome tail of a line (the part a `tail` rule matches) and its category, or null. */
export function matchTail(lex: ChromeLexicon, line: string): { start: number; category: ChromeCategory } | null {
  for (const r of lex.tails) {
    if (r.gate && !gateOpen(r.gate, line)) continue;
    const m = r.re.exec(line);
    if (m && m[0].length > 0) return { start: m.index, category: r.category };
  }
  return null;
}
