// Features of one sentence for the segment model (model.ts): what page
// furniture looks like on any outlet, no list of phrases — length, function
// word share, capitalisation, final punctuation, a verb, link / handle /
// e-mail / photo-agency tokens, position in the article, likeness to the
// title (the document's first line), repetition in the corpus, plus a small
// hashed bag of its words (the weights learn that "newsletter" or "follow" is
// furniture from the corpus's own labelled lines, not from a list).
import { unitHash } from "../cleaning.ts";
import type { Line } from "../chrome-lines.ts";
import { QUOTE_OR_REPORT } from "./templates.ts";

export const DENSE_FEATURES = [
  "log_length", "words_le_3", "words_le_8", "words_ge_25", "stopword_share", "capitalised_share", "all_caps_share",
  "final_punct", "no_verb", "url", "handle", "email", "photo_agency", "digit_share", "pipe_or_copyright", "colon",
  "quote", "first", "last", "relative_position", "title_likeness", "repeated_in_corpus", "whole_line", "bracketed",
  // Issue 20, round 3: position from the end, the neighbours, and shapes of furniture no token gives away.
  "near_end", "words_le_12", "prev_no_final", "next_no_final", "prev_short", "next_short", "no_prev", "no_next",
  "name_only", "bio_shape", "caps_label", "second_person", "names_outlet",
] as const;
export const HASH_BUCKETS = 1024;
export const FEATURE_COUNT = DENSE_FEATURES.length + HASH_BUCKETS;

const STOPWORDS = new Set(
  ("a an the of to in on at for from by with and or but if as is are was were be been being it its this that these those he she they we you i " +
    "his her their our your my not no so than then there here who whom which what when where why how will would can could should may might " +
    "has have had do does did about into over after before up out more most also just only all any some such other").split(" "),
);
/** Auxiliaries and frequent verbs: a sentence of prose almost always has one, or a word ending in -ed / -ing. */
const VERBS = new Set(
  ("is are was were be been being am has have had do does did will would can could should may might must said says say told tell " +
    "make made get got go went come came take took give gave see saw know knew think thought want wants need needs call called " +
    "show shows find found become became keep kept seem seems leave left put set run ran").split(" "),
);
const PHOTO_AGENCY = /\b(?:AP|AFP|Getty|Reuters|EPA|Photo|Photograph|Photographer|Images|Pool|Shutterstock|iStock)\b/;
const FINAL = /[.!?…:;][”’"')\]»]*$|[”"]$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A name (and maybe a title or outlet) alone: capitalised words, initials, "and", commas ("Jeva Lange", "Tom McTague, The Atlantic"). */
const NAME_ONLY = /^(?:\p{Lu}[\p{L}.'’-]*|and|of|the|,)(?:[ ,]+(?:\p{Lu}[\p{L}.'’-]*|and|of|the))*[.]?$/u;
/** An author bio's opening: "<Name> is a/an/the …", "<Name> has been …". */
const BIO = /^(?:[—–-]\s*)?(?:\p{Lu}[\p{L}.'’-]*,?\s+){1,4}(?:\([^)]{1,40}\)\s+)?(?:is|was|has been|serves as|writes)\s+(?:a|an|the|senior|editor|professor|author|director|president|founder|co-)\b/u;
/** An all-caps label and a colon opening the sentence ("RELATED:", "SEE ALSO:", "NOW WATCH:"). */
const CAPS_LABEL = /^[(\[]?\p{Lu}[\p{Lu}\p{N} '’&-]{1,30}:/u;

export interface SentenceContext {
  /** Index of the sentence in its article and the article's sentence count. */
  index: number;
  count: number;
  /** Lower-case words of the document's first line (the title, on most scraped pages). */
  titleWords: ReadonlySet<string>;
  /** The sentence is a whole line of the text. */
  wholeLine: boolean;
  repeated: ReadonlySet<number>;
  /** The sentences before and after it in the article (null at its edges). */
  prev?: string | null;
  next?: string | null;
  /** Lower-case name of the document's outlet (its metadata), or null. */
  outlet?: string | null;
}

/** Sparse feature vector: column indexes (ascending within the dense part, then hashed buckets) and values. */
export function sentenceFeatures(text: string, ctx: SentenceContext): { cols: number[]; vals: number[] } {
  const cols: number[] = [];
  const vals: number[] = [];
  const put = (name: (typeof DENSE_FEATURES)[number], v: number) => {
    if (v !== 0) {
      cols.push(DENSE_FEATURES.indexOf(name));
      vals.push(v);
    }
  };
  const words = text.match(WORD) ?? [];
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  let stop = 0;
  let caps = 0;
  let allCaps = 0;
  let verb = false;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const l = lower[i]!;
    if (STOPWORDS.has(l)) stop++;
    if (/^\p{Lu}/u.test(w)) caps++;
    if (w.length > 1 && /^[\p{Lu}\p{N}'’-]+$/u.test(w) && /\p{Lu}/u.test(w)) allCaps++;
    if (isVerb(l)) verb = true;
  }
  let digits = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
  }
  put("log_length", Math.log1p(text.length) / 7);
  put("words_le_3", n <= 3 ? 1 : 0);
  put("words_le_8", n <= 8 ? 1 : 0);
  put("words_ge_25", n >= 25 ? 1 : 0);
  put("stopword_share", n ? stop / n : 0);
  put("capitalised_share", n ? caps / n : 0);
  put("all_caps_share", n ? allCaps / n : 0);
  put("final_punct", FINAL.test(text) ? 1 : 0);
  put("no_verb", verb ? 0 : 1);
  put("url", /https?:\/\/|www\.|\.com\b/.test(text) ? 1 : 0);
  put("handle", /(?:^|\s|\()@\w/.test(text) ? 1 : 0);
  put("email", /\S@\S+\.\w/.test(text) ? 1 : 0);
  put("photo_agency", PHOTO_AGENCY.test(text) ? 1 : 0);
  put("digit_share", text.length ? Math.min(1, (4 * digits) / text.length) : 0);
  put("pipe_or_copyright", /[|©]/.test(text) ? 1 : 0);
  put("colon", text.includes(":") ? 1 : 0);
  put("quote", /["“”]/.test(text) ? 1 : 0);
  put("first", ctx.index === 0 ? 1 : 0);
  put("last", ctx.index === ctx.count - 1 ? 1 : 0);
  put("relative_position", ctx.count > 1 ? ctx.index / (ctx.count - 1) : 0);
  let shared = 0;
  const distinct = new Set(lower);
  for (const w of distinct) if (ctx.titleWords.has(w)) shared++;
  const union = distinct.size + ctx.titleWords.size - shared;
  put("title_likeness", union ? shared / union : 0);
  // Only a short line: in a corpus holding the same article twice (BBC) every sentence repeats, furniture or not.
  put("repeated_in_corpus", n <= 12 && ctx.repeated.size && ctx.repeated.has(unitHash(text, 0, text.length)) ? 1 : 0);
  put("whole_line", ctx.wholeLine ? 1 : 0);
  put("bracketed", /^[([]/.test(text) && /[)\]][.]?$/.test(text) ? 1 : 0);
  put("near_end", ctx.count - 1 - ctx.index <= 2 ? 1 : 0);
  put("words_le_12", n <= 12 ? 1 : 0);
  const prev = ctx.prev ?? null;
  const next = ctx.next ?? null;
  put("prev_no_final", prev !== null && !FINAL.test(prev) ? 1 : 0);
  put("next_no_final", next !== null && !FINAL.test(next) ? 1 : 0);
  put("prev_short", prev !== null && wordsIn(prev) <= 8 ? 1 : 0);
  put("next_short", next !== null && wordsIn(next) <= 8 ? 1 : 0);
  put("no_prev", prev === null ? 1 : 0);
  put("no_next", next === null ? 1 : 0);
  put("name_only", n >= 2 && n <= 6 && !verb && NAME_ONLY.test(text) ? 1 : 0);
  put("bio_shape", BIO.test(text) ? 1 : 0);
  put("caps_label", CAPS_LABEL.test(text) ? 1 : 0);
  put("second_person", /\byou(?:r|rs)?\b/i.test(text) ? 1 : 0);
  put("names_outlet", ctx.outlet && ctx.outlet.length >= 3 && text.toLowerCase().includes(ctx.outlet) ? 1 : 0);
  const buckets = new Set<number>();
  for (const w of distinct) buckets.add(DENSE_FEATURES.length + (bucketOf(w) % HASH_BUCKETS));
  // The first word has a bucket of its own ("Follow", "Contributing", "RELATED": furniture opens with them).
  if (n > 0) buckets.add(DENSE_FEATURES.length + (bucketOf(`^${lower[0]}`) % HASH_BUCKETS));
  for (const b of [...buckets].sort((a, b) => a - b)) {
    cols.push(b);
    vals.push(1);
  }
  return { cols, vals };
}

function wordsIn(s: string): number {
  return (s.match(WORD) ?? []).length;
}

/** FNV-1a of a word: its hashed bag-of-words bucket (stable across machines). */
function bucketOf(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Lower-case words of a line (the title words of SentenceContext). */
export function wordSet(line: string): Set<string> {
  return new Set((line.match(WORD) ?? []).map((w) => w.toLowerCase()));
}

/** What the features need about the page: its first line (the title) and its lines' bounds. */
export interface PageContext {
  title: Line | null;
  titleWords: ReadonlySet<string>;
  /** Non-empty lines, start → end (UTF-16). */
  lineEnds: ReadonlyMap<number, number>;
  /** Lower-case outlet name from the document's metadata (its parenthesised part and " - …" suffix cut: "fox news (online)" → "fox news"), or null. */
  outlet: string | null;
}

export function pageContext(text: string, lines: readonly Line[], outlet: string | null = null): PageContext {
  const title = lines.find((l) => l.end > l.start) ?? null;
  const lineEnds = new Map<number, number>();
  for (const l of lines) if (l.end > l.start) lineEnds.set(l.start, l.end);
  const name = outlet === null ? null : outlet.toLowerCase().replace(/\s*\(.*$/, "").replace(/\s+-\s.*$/, "").trim();
  return { title, titleWords: title ? wordSet(text.slice(title.start, Math.min(title.end, title.start + 400))) : new Set(), lineEnds, outlet: name || null };
}

const EMPTY: ReadonlySet<string> = new Set();

/** The features of sentence `index` of `count` at UTF-16 span s of the page. */
export function featuresAt(
  text: string, s: { start: number; end: number }, index: number, count: number, page: PageContext, repeated: ReadonlySet<number>,
  prev: { start: number; end: number } | null = null, next: { start: number; end: number } | null = null,
): { cols: number[]; vals: number[] } {
  // The title line itself is compared with nothing (its likeness to itself says nothing).
  const inTitle = page.title !== null && s.start >= page.title.start && s.start < page.title.end;
  return sentenceFeatures(text.slice(s.start, s.end), {
    index, count, titleWords: inTitle ? EMPTY : page.titleWords, wholeLine: page.lineEnds.get(s.start) === s.end, repeated,
    prev: prev ? text.slice(prev.start, prev.end) : null, next: next ? text.slice(next.start, next.end) : null, outlet: page.outlet,
  });
}

/** Longest sentence (words) the model may drop: longer ones are prose even when they look odd. */
export const MODEL_MAX_WORDS = 25;

/**
 * Whether the clean step asks the model about a sentence: not when it quotes
 * or attributes (a claim is never dropped on a guess), not on the title line
 * (a heading, kept as kind headline), not when longer than MODEL_MAX_WORDS;
 * then only when it holds a furniture token (link, handle, e-mail, ©, |) or
 * is short (SHORT_WORDS) and does not read as prose (PROSE_WORDS).
 * (Issue 20 round 3 tried asking about the last three sentences and
 * unpunctuated lines up to 25 words too: on BBC, horne2017 and PolNeAR the
 * model then dropped closing prose sentences and list items.)
 */
export function modelAsked(sentence: string, start: number, title: Line | null): boolean {
  // Cheapest tests first: this runs on every sentence of a build.
  if (sentence.length > MODEL_MAX_CHARS) return false;
  if (title !== null && start >= title.start && start < title.end) return false;
  const furniture = FURNITURE_TOKEN.test(sentence);
  if (!furniture) {
    const n = wordCount(sentence);
    if (n > SHORT_WORDS || (n >= PROSE_WORDS && FINAL.test(sentence))) return false;
  } else if (wordCount(sentence) > MODEL_MAX_WORDS) return false;
  // An embedded tweet's text (a t.co / pic.twitter link, or a hashtag, after words) is a record: the author's words.
  if ((sentence.includes("#") || sentence.includes("t.co/") || sentence.includes("pic.twitter")) && TWEET_TEXT.test(sentence)) return false;
  return !QUOTE_OR_REPORT.test(sentence);
}

const TWEET_TEXT = /\p{L}{2,}[^\n]*?(?:\b(?:t\.co|pic\.twitter\.com)\/\w|(?:^|\s)#\p{L})/u;

/** A sentence longer than this many UTF-16 units has more than MODEL_MAX_WORDS words in any text the model was trained on. */
const MODEL_MAX_CHARS = 400;

/** Whitespace-separated runs that hold a letter or digit (the WORD count, without building the words). */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127)) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** Without a link, handle, e-mail, © or |, only lines of at most this many words are asked (longer ones are standfirsts, captions, list items: the caption rules' business). */
export const SHORT_WORDS = 12;

/** A sentence of at least this many words with final punctuation and no link, handle, e-mail, © or | reads as prose: never asked (on FNC-1 and BBC the model's guesses among such sentences were as often prose as furniture). */
export const PROSE_WORDS = 6;
const FURNITURE_TOKEN = /https?:\/\/|www\.|\S@\S|(?:^|\s)@\w|[©|]/;

function isVerb(l: string): boolean {
  return VERBS.has(l) || (l.length > 4 && /(?:ed|ing)$/.test(l));
}

