// What the clean step needs besides one document: the chrome lexicon
// (chrome-lexicon.ts), the categories a researcher asked to keep
// (--keep-chrome), and the corpus's boilerplate — lines repeated verbatim
// (after case and whitespace normalisation) across many documents.
//
// Boilerplate rule (docs/claim-records.md section 1 says why): a line unit is
// boilerplate when it occurs in at least `boilerplateMinDocs` documents
// (default BOILERPLATE_MIN_DOCS; 0 turns the rule off), unless
//   - it quotes or attributes (a double quote, or a reporting verb such as
//     said / says / told / according): several articles may legitimately
//     repeat a claim; the near-duplicate clustering keeps such repeats on one
//     side of the split instead; or
//   - it is part of a copied story: in most of the documents holding it, at
//     least 4 other lines also occur in another document (FNC-1 and
//     BBC hold copies of the same article; their prose repeats but is text).
// The corpus pre-pass that finds them is src/dataset/boilerplate.ts; this
// module has the line units and their hash, which extraction shares.
import type { ChromeCategory, ChromeLexicon } from "./chrome-lexicon.ts";
import { loadChromeLexicon } from "./chrome-lexicon.ts";
import { isWs } from "./ws.ts";

export const BOILERPLATE_MIN_DOCS = 5;
const MAX_UNIT = 1000;

export interface CleaningOptions {
  /** Lexicon folder (its chrome.csv if present, else the project's). */
  lexicons?: string;
  /** Documents a line must occur in to be boilerplate; 0 = off. */
  boilerplateMinDocs?: number;
  /** Chrome categories not removed. */
  keepChrome?: readonly ChromeCategory[];
  /** Documents of one outlet a line, prefix or suffix must occur in to be a template (cleaning/templates.ts); 0 = off. */
  outletMinDocs?: number;
  /** false: none of the learned cleaning (templates, inline rules, segment model, tweet credits): the rules before issue 20. */
  learned?: boolean;
}

/** Plain data (sent to worker processes as is). */
export interface CleaningSpec {
  lexicons?: string;
  /** Hashes (unitHash) of the boilerplate line units, sorted. */
  boilerplate: number[];
  keep: ChromeCategory[];
  /** Per-outlet template keys (cleaning/templates.ts templateKey), sorted. */
  templates?: number[];
  /** Line units in at least two documents (unitHash), sorted: the segment model's corpus-repetition feature. */
  repeated?: number[];
  /** false = the cleaning of before issue 20 (benchmark "before" figures). */
  learned?: boolean;
}

export interface Cleaning {
  lexicon: ChromeLexicon;
  boilerplate: ReadonlySet<number>;
  keep: ReadonlySet<ChromeCategory>;
  templates: ReadonlySet<number>;
  repeated: ReadonlySet<number>;
  learned: boolean;
}

const resolved = new WeakMap<CleaningSpec, Cleaning>();

export function resolveCleaning(spec: CleaningSpec | undefined): Cleaning {
  const s = spec ?? DEFAULT_SPEC;
  let c = resolved.get(s);
  if (!c)
    resolved.set(s, (c = {
      lexicon: loadChromeLexicon(s.lexicons), boilerplate: new Set(s.boilerplate), keep: new Set(s.keep),
      templates: new Set(s.templates ?? []), repeated: new Set(s.repeated ?? []), learned: s.learned ?? true,
    }));
  return c;
}

const DEFAULT_SPEC: CleaningSpec = { boilerplate: [], keep: [] };

/** Line units of text[start, end): the line cut after a closing quote glued to the next sentence (`side.”Editor's note`). */
export function lineUnits(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let a = start;
  for (let k = start + 1; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    // ” right after . ! ? … and right before an upper-case letter (a straight " could open the next quote)
    if (c === 0x201d && isTerminatorCode(text.charCodeAt(k - 1)) && isUpper(text, k + 1)) {
      out.push([a, k + 1]);
      a = k + 1;
    }
  }
  out.push([a, end]);
  return out;
}

function isTerminatorCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

const UPPER = /\p{Lu}/u;
function isUpper(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return UPPER.test(text[k]!);
}

/** 53-bit FNV-1a hash of a unit after case and whitespace normalisation, or -1 when it has no letter or digit or is too long. */
export function unitHash(text: string, start: number, end: number): number {
  while (start < end && isWs(text.charCodeAt(start))) start++;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  if (end - start > MAX_UNIT || end === start) return -1;
  // ASCII units (most of them) are hashed in one pass without building the normalised string; the
  // result is the same as the general path's (lower case, whitespace runs as one space).
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let alnum = false;
  let space = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return unitHashGeneral(text, start, end);
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (space) continue;
      space = true;
      c = 32;
    } else {
      space = false;
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) alnum = true;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  if (!alnum) return -1;
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

function unitHashGeneral(text: string, start: number, end: number): number {
  const s = text.slice(start, end).toLowerCase().replace(/\s+/g, " ");
  if (!/[\p{L}\p{N}]/u.test(s)) return -1;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
