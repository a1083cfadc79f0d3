// From one input document to articles of sentences.
//
// Article boundaries (plain-text files only; a CSV/JSONL row is one article):
// - a dateline stamp ("18 Aug, 2025 19:26", " date 2025-09-01 ") starts an article;
// - a standfirst starts an article, in a page that opens with one (the layout
//   of pages that concatenate articles; elsewhere such lines are subheadings,
//   pull quotes or link teasers): a one-line paragraph (blank or chrome-only
//   lines around it) holding one sentence-case sentence of at least
//   STANDFIRST_WORDS words, with no colon and no final punctuation (it ends in
//   a letter or digit), after a paragraph that ends with final punctuation (the
//   previous article's end) and before a lead paragraph that has it. Shorter
//   such lines are section headings ("Peace through strength") and stay in the
//   article as sentences;
// - after a legal footer ("LEGAL WARNING: …") every remaining line is a
//   separate news item and starts an article.
// A start with no sentence before the next one (a dateline right before a
// standfirst) merges into the next article, which inherits its date/outlet.
// doc_id: the document path without ".txt" (relative to the folder input, so
// same-named files in different subfolders stay apart), with "#k" (0-based)
// when the file holds several articles; a CSV/JSONL row's doc_id is its docId.
// Metadata: the input's own (InputDocument.source: --outlet-field, --date-field,
// --title-field, --url-field, their CSV columns, --outlet-from parent) first;
// a date field, when given, is the only source of `published`. Otherwise
// `published` comes from the article's own dateline only. `outlet`
// comes from the article's own chrome ("Follow RT on", "(ILKHA)", a footer
// alias), else from the first outlet named anywhere in the document: the
// items after an ILKHA footer are that page's own news list, so they are ILKHA's.
import type { Article, Sentence } from "../schema.ts";
import { findPageMarks, type PageMarks } from "./chrome.ts";
import { matchChrome, type ChromeCategory } from "./chrome-lexicon.ts";
import { resolveCleaning, type Cleaning, type CleaningSpec } from "./cleaning.ts";
import { CodePointOffsets } from "./offsets.ts";
import type { InputDocument } from "./read.ts";
import { FINAL_PUNCT, headingKinds } from "./headings.ts";
import { isWs, segmentRegion, type SentenceSpan } from "./segment.ts";
import { featuresAt, modelAsked, pageContext, type PageContext } from "./cleaning/features.ts";
import { chromeScore, loadChromeModel, type ChromeModel } from "./cleaning/model.ts";
import { tweetCredits, type TweetCredit } from "./cleaning/tweets.ts";
import { sentenceNote } from "./cleaning/inline.ts";
import type { Line } from "./chrome-lines.ts";

const STANDFIRST_WORDS = 8;
const LEAD_WORDS = 12;

/** One dropped chrome piece, for chrome.jsonl: its text (whitespace collapsed) and where it was (code points). */
export interface DroppedChrome {
  text: string;
  category: ChromeCategory;
  start: number;
  end: number;
  /** The segment model's score (category `model` only). */
  score?: number;
}

const MAX_DROPPED_TEXT = 300;

export interface ExtractResult {
  articles: Article[];
  /** Dropped chrome pieces by category (see chrome.ts). */
  chrome: Record<string, number>;
  /** Every dropped piece, in text order. */
  dropped: DroppedChrome[];
  /** Exact in-article duplicate sentences dropped. */
  duplicateSentences: number;
}

interface Segment {
  pos: number;
  published: string | null;
  outlet: string | null;
  spans: SentenceSpan[];
}

export function extractArticles(doc: InputDocument, spec?: CleaningSpec): ExtractResult {
  const text = doc.text;
  const cleaning = resolveCleaning(spec);
  // The outlet the input names (metadata field or column): its templates apply (cleaning/templates.ts).
  const marks = findPageMarks(text, cleaning, doc.source?.outlet ?? null, doc.source?.title ?? null);
  const chrome: Record<string, number> = {};
  const dropped: DroppedChrome[] = [];
  const spans: SentenceSpan[] = [];
  const offsets = new CodePointOffsets(text);
  // A title from the input's metadata ends a sentence: a body line glued to it ("… 51st state He released …") or
  // a lower-case line after it ("congress Republicans …") is not part of the headline record.
  const titleEnd = doc.titleChars ?? 0;
  const segment = (a: number, b: number): void => {
    if (titleEnd > a && titleEnd < b) {
      segmentRegion(text, a, titleEnd, spans);
      segmentRegion(text, titleEnd, b, spans);
    } else segmentRegion(text, a, b, spans);
  };
  let pos = 0;
  for (const c of marks.chrome) {
    chrome[c.category] = (chrome[c.category] ?? 0) + 1;
    dropped.push({ text: auditText(text.slice(c.start, c.end)), category: c.category, start: offsets.toCodePoint(c.start), end: offsets.toCodePoint(c.end) });
    if (c.start > pos) segment(pos, c.start);
    pos = Math.max(pos, c.end);
  }
  if (pos < text.length) segment(pos, text.length);

  const segments: Segment[] = [{ pos: -1, published: null, outlet: null, spans: [] }];
  if (doc.kind === "txt") {
    for (const m of articleStarts(text, marks)) {
      const last = segments[segments.length - 1]!;
      if (m.pos === last.pos) last.published ??= m.published;
      else segments.push({ ...m, outlet: null, spans: [] });
    }
  } else {
    segments[0]!.published = marks.datelines[0]?.published ?? null;
  }
  let k = 0;
  for (const s of spans) {
    while (k + 1 < segments.length && s.start >= segments[k + 1]!.pos) k++;
    segments[k]!.spans.push(s);
  }
  k = 0;
  for (const o of marks.outlets) {
    while (k + 1 < segments.length && o.pos >= segments[k + 1]!.pos) k++;
    segments[k]!.outlet ??= o.outlet;
  }
  return assemble(doc, segments, marks.outlets[0]?.outlet ?? null, cleaning, marks, chrome, dropped);
}

interface ModelContext {
  model: ChromeModel;
  /** The page's first line (the title): never asked about. */
  title: Line | null;
  /** The page context of the features, built on first use: most pages have no sentence to score. */
  page(): PageContext;
}

/** The segment model and the page context its features need, or null when the model is off (--keep-chrome model, no model file). */
function modelContext(text: string, cleaning: Cleaning, lines: readonly Line[], outlet: string | null): ModelContext | null {
  if (!cleaning.learned || cleaning.keep.has("model")) return null;
  const model = loadChromeModel();
  if (!model) return null;
  let page: PageContext | null = null;
  return { model, title: lines.find((l) => l.end > l.start) ?? null, page: () => (page ??= pageContext(text, lines, outlet)) };
}

function auditText(s: string): string {
  const t = s.trim().replace(/\s+/g, " ");
  return t.length > MAX_DROPPED_TEXT ? t.slice(0, MAX_DROPPED_TEXT) : t;
}

/**
 * The assembled articles: each segment's sentences minus in-article repeats
 * and minus sentences that are chrome as a whole (the lexicon's rules, tried
 * again on sentences: a widget line glued to prose on one line is its own
 * sentence here), the title, standfirst and sub-heading lines marked
 * `headline` (headings.ts).
 */
function assemble(
  doc: InputDocument, segments: Segment[], pageOutlet: string | null, cleaning: Cleaning, marks: PageMarks,
  chrome: Record<string, number>, dropped: DroppedChrome[],
): ExtractResult {
  const textUnits = marks.textUnits;
  const offsets = new CodePointOffsets(doc.text);
  const modelCtx = modelContext(doc.text, cleaning, marks.lines, doc.source?.outlet ?? null);
  const credits = cleaning.learned ? tweetCredits(doc.text, marks.lines, marks.chrome) : [];
  const sentenceDrops: DroppedChrome[] = [];
  const articles: Array<Omit<Article, "doc_id">> = [];
  let duplicateSentences = 0;
  let carried: { published: string | null; outlet: string | null } = { published: null, outlet: null };
  for (const seg of segments) {
    if (seg.spans.length === 0) {
      carried = { published: carried.published ?? seg.published, outlet: carried.outlet ?? seg.outlet };
      continue;
    }
    const seen = new Set<string>();
    const sentences: Sentence[] = [];
    const kept: SentenceSpan[] = [];
    for (const [index, s] of seg.spans.entries()) {
      const sentenceText = doc.text.slice(s.start, s.end);
      const category = textUnits.get(s.start) === s.end ? null : (matchChrome(cleaning.lexicon, sentenceText) ?? (cleaning.learned ? sentenceNote(sentenceText) : null));
      if (category !== null && !cleaning.keep.has(category)) {
        chrome[category] = (chrome[category] ?? 0) + 1;
        sentenceDrops.push({ text: auditText(sentenceText), category, start: offsets.toCodePoint(s.start), end: offsets.toCodePoint(s.end) });
        continue;
      }
      if (modelCtx && modelAsked(sentenceText, s.start, modelCtx.title)) {
        const features = featuresAt(doc.text, s, index, seg.spans.length, modelCtx.page(), cleaning.repeated, seg.spans[index - 1] ?? null, seg.spans[index + 1] ?? null);
        const score = chromeScore(modelCtx.model, features);
        if (score >= modelCtx.model.threshold) {
          chrome.model = (chrome.model ?? 0) + 1;
          sentenceDrops.push({ text: auditText(sentenceText), category: "model", start: offsets.toCodePoint(s.start), end: offsets.toCodePoint(s.end), score: Math.round(score * 1000) / 1000 });
          continue;
        }
      }
      if (seen.has(sentenceText)) {
        duplicateSentences++;
        continue;
      }
      seen.add(sentenceText);
      kept.push(s);
      const sentence: Sentence = { text: sentenceText, start: offsets.toCodePoint(s.start), end: offsets.toCodePoint(s.end), kind: "body", words: s.words };
      const credit = credits.length ? creditOf(credits, s) : null;
      if (credit) sentence.credit = { actor: credit.actor, handle: credit.handle, cue: credit.cue };
      sentences.push(sentence);
    }
    const headings = headingKinds(doc.text, kept, doc.kind === "txt");
    // The title the input's metadata gives (read.ts titleChars) is a heading whatever its shape.
    const titleChars = doc.titleChars ?? 0;
    for (let i = 0; i < sentences.length; i++) if (headings[i] || kept[i]!.end <= titleChars) sentences[i]!.kind = "headline";
    const meta = doc.source;
    articles.push({
      source: {
        path: doc.path,
        outlet: meta?.outlet ?? seg.outlet ?? carried.outlet ?? pageOutlet,
        // A date field/column given is the date: one it lacks or cannot read is null, not the text's dateline.
        published: meta && meta.date !== null ? meta.published : (seg.published ?? carried.published),
        title: meta?.title ?? null,
        url: meta?.url ?? null,
      },
      sentences,
    });
    carried = { published: null, outlet: null };
  }
  const base = doc.kind === "txt" ? doc.path.replace(/\.txt(\.gz)?$/i, "") : (doc.docId ?? doc.path);
  return {
    articles: articles.map((a, i) => ({ doc_id: articles.length === 1 ? base : `${base}#${i}`, ...a })),
    chrome,
    dropped: sentenceDrops.length === 0 ? dropped : [...dropped, ...sentenceDrops].sort((a, b) => a.start - b.start),
    duplicateSentences,
  };
}

function creditOf(credits: readonly TweetCredit[], s: { start: number; end: number }): TweetCredit | null {
  for (const c of credits) if (s.start >= c.start && s.end <= c.end) return c;
  return null;
}

interface Start {
  pos: number;
  published: string | null;
}

/** Article start positions of a plain-text page, sorted. */
function articleStarts(text: string, marks: PageMarks): Start[] {
  const starts: Start[] = marks.datelines.map((d) => ({ pos: d.start, published: d.published }));
  const lines = marks.lines;
  const blank: boolean[] = [];
  const clean: boolean[] = [];
  let ci = 0;
  for (const { start, end } of lines) {
    while (ci < marks.chrome.length && marks.chrome[ci]!.end <= start) ci++;
    let content = false;
    let p = start;
    let j = ci;
    for (; j < marks.chrome.length && marks.chrome[j]!.start < end; j++) {
      content ||= !allWs(text, p, marks.chrome[j]!.start);
      p = Math.max(p, marks.chrome[j]!.end);
    }
    content ||= p < end && !allWs(text, p, end);
    blank.push(!content);
    clean.push(content && j === ci);
  }
  const firstFooter = marks.footers[0] ?? Infinity;
  const content: number[] = []; // indexes of non-blank lines
  for (let i = 0; i < lines.length; i++) if (!blank[i]) content.push(i);
  const standfirstAt = (c: number): boolean => {
    const i = content[c]!;
    const next = content[c + 1];
    const prev = content[c - 1];
    return (
      clean[i]! && (i === 0 || blank[i - 1]!) && (i === lines.length - 1 || blank[i + 1]!) &&
      (prev === undefined || FINAL_PUNCT.test(lineTail(text, lines[prev]!))) &&
      next !== undefined && isLead(text, lines[next]!) && isStandfirst(text, lines[i]!)
    );
  };
  const splitAtStandfirsts = content.length > 0 && standfirstAt(0);
  for (let c = 0; c < content.length; c++) {
    const { start } = lines[content[c]!]!;
    if (start > firstFooter || (splitAtStandfirsts && standfirstAt(c))) starts.push({ pos: start, published: null });
  }
  return starts.sort((a, b) => a.pos - b.pos || Number(b.published !== null) - Number(a.published !== null));
}

const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
const INNER_TERMINATOR = /[.!?…][”’"')\]]*\s+\S/;

function lineTail(text: string, line: { start: number; end: number }): string {
  return text.slice(Math.max(line.start, line.end - 4), line.end);
}

/** One sentence-case sentence of at least STANDFIRST_WORDS words, without colon or final punctuation. */
function isStandfirst(text: string, { start, end }: { start: number; end: number }): boolean {
  if (end - start > 800 || !ENDS_IN_WORD.test(lineTail(text, { start, end }))) return false;
  const line = text.slice(start, end);
  if (!/^\p{Lu}/u.test(line) || line.includes(":") || INNER_TERMINATOR.test(line)) return false;
  const words = line.split(/\s+/);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= STANDFIRST_WORDS && capitalised < words.length * 0.6;
}

/** A lead paragraph: at least LEAD_WORDS words, ending with final punctuation. */
function isLead(text: string, line: { start: number; end: number }): boolean {
  return FINAL_PUNCT.test(lineTail(text, line)) && wordCount(text, line.start, Math.min(line.end, line.start + 2000)) >= LEAD_WORDS;
}

function allWs(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isWs(text.charCodeAt(k))) return false;
  return true;
}

function wordCount(text: string, a: number, b: number): number {
  let n = 0;
  let inWord = false;
  for (let k = a; k < b; k++) {
    const ws = isWs(text.charCodeAt(k));
    if (!ws && !inWord) n++;
    inWord = !ws;
  }
  return n;
}
