// The measurements of the `cleaning` benchmark on one corpus: the records the
// extract stage makes (one per sentence, as build-dataset writes them, without
// labelling), and what is wrong with them — chrome-lexicon matches, fragments
// cut at a line break, sentences with no final punctuation — plus, for
// PolNeAR, how much of the gold Content text is still inside some record.
import { dirname } from "node:path";
import { readBratFolder } from "./brat.ts";
import { extractArticles, readInputs, type ReadOptions } from "../../extract/index.ts";
import { matchChrome, type ChromeLexicon } from "../../extract/chrome-lexicon.ts";
import type { CleaningOptions } from "../../extract/cleaning.ts";
import { prepareCleaning } from "../../dataset/boilerplate.ts";

/** Sentence-final punctuation: . ! ? … : ; (optionally closed by quotes or brackets), or a closing quote. */
export const FINAL_PUNCT = /[.!?…:;][”’"')\]»]*$|[”"]$/;
const LOWER_START = /^\p{Ll}/u;

export interface CorpusSpec {
  name: string;
  inputs: string[];
  read: ReadOptions;
  /** PolNeAR: the attributions folder whose Content spans the coverage figure scores. */
  polnearAnnotations?: string;
}

export interface CorpusFigures {
  corpus: string;
  records: number;
  headlines: number;
  chromeMatches: number;
  lowerNoFinal: number;
  /** Body records (headlines excluded) without sentence-final punctuation. */
  noFinalBody: number;
  bodyRecords: number;
  /** What the body records without final punctuation are (noFinalShape). */
  noFinalShapes: Record<string, number>;
  chrome: Record<string, number>;
  contentChars?: number;
  contentCovered?: number;
  /** Non-space characters of the documents, and of them those inside some record (issue 20: text lost). */
  textChars?: number;
  recordChars?: number;
  examples: { chrome: string[]; lowerNoFinal: string[]; learned?: string[] };
}

/** Chrome categories only the learned cleaning (issue 20) drops: their pieces are listed in the report. */
const LEARNED_CATEGORIES = new Set(["model", "hover_card", "promo"]);

const MAX_EXAMPLES = 12;
const MAX_LEARNED_EXAMPLES = 60;

/** Non-space characters before each code point offset (length: code points + 1). */
function nonWsPrefix(text: string): Int32Array {
  const cps = [...text];
  const out = new Int32Array(cps.length + 1);
  for (let k = 0; k < cps.length; k++) out[k + 1] = out[k]! + (/\s/.test(cps[k]!) ? 0 : 1);
  return out;
}

export async function measureCorpus(spec: CorpusSpec, lexicon: ChromeLexicon, opts: CleaningOptions): Promise<CorpusFigures> {
  const cleaning = await prepareCleaning(spec.inputs, spec.read, opts);
  const f: CorpusFigures = {
    corpus: spec.name, records: 0, headlines: 0, chromeMatches: 0, lowerNoFinal: 0, noFinalBody: 0, bodyRecords: 0, noFinalShapes: {}, chrome: {},
    textChars: 0, recordChars: 0, examples: { chrome: [], lowerNoFinal: [], learned: [] },
  };
  const spans = new Map<string, [number, number][]>(); // document path → record spans (code points)
  for await (const doc of readInputs(spec.inputs, spec.read)) {
    if ("reason" in doc) continue;
    const r = extractArticles(doc, cleaning);
    for (const [k, v] of Object.entries(r.chrome)) f.chrome[k] = (f.chrome[k] ?? 0) + v;
    for (const d of r.dropped)
      if (LEARNED_CATEGORIES.has(d.category) && f.examples.learned!.length < MAX_LEARNED_EXAMPLES)
        f.examples.learned!.push(`${d.category}${d.score === undefined ? "" : ` ${d.score}`}: ${d.text.slice(0, 140)}`);
    const nonWs = nonWsPrefix(doc.text);
    f.textChars! += nonWs[nonWs.length - 1]!;
    const docSpans: [number, number][] = [];
    for (const a of r.articles) {
      for (const s of a.sentences) {
        f.records++;
        docSpans.push([s.start, s.end]);
        f.recordChars! += nonWs[s.end]! - nonWs[s.start]!;
        const final = FINAL_PUNCT.test(s.text);
        if (s.kind === "headline") f.headlines++;
        else {
          f.bodyRecords++;
          if (!final) {
            f.noFinalBody++;
            const shape = noFinalShape(s.text);
            f.noFinalShapes[shape] = (f.noFinalShapes[shape] ?? 0) + 1;
          }
        }
        if (matchChrome(lexicon, s.text) !== null) {
          f.chromeMatches++;
          if (f.examples.chrome.length < MAX_EXAMPLES) f.examples.chrome.push(s.text.slice(0, 160));
        }
        if (!final && LOWER_START.test(s.text)) {
          f.lowerNoFinal++;
          if (f.examples.lowerNoFinal.length < MAX_EXAMPLES) f.examples.lowerNoFinal.push(s.text.slice(0, 160));
        }
      }
    }
    if (spec.polnearAnnotations) spans.set(doc.path.replace(/\.txt$/i, ""), docSpans);
  }
  if (spec.polnearAnnotations) Object.assign(f, await contentCoverage(spec.polnearAnnotations, spans));
  f.chrome = Object.fromEntries(Object.entries(f.chrome).sort(([a], [b]) => (a < b ? -1 : 1)));
  return f;
}

/** A rough shape of a record without final punctuation, to say what is left. */
export function noFinalShape(text: string): string {
  const words = text.split(/\s+/).length;
  if (/#\w|@\w|pic\.twitter|https?:\/\//.test(text)) return "tweet or link";
  if (/^\p{Lu}[\p{L}'’ -]{0,30}: /u.test(text) && words > 5) return "label: caption";
  if (text.length >= 990) return "cut at the sentence length cap";
  return words <= 10 ? "line of at most 10 words (sub-heading, label, list item)" : "longer line (caption, standfirst, list item)";
}

/**
 * Non-whitespace characters of gold Content spans (Content and Content2, from
 * the PolNeAR brat reader: the first .ann file of each article in sorted
 * order, code-point offsets into the .txt), and how many lie inside some record.
 */
async function contentCoverage(
  annDir: string, spans: Map<string, [number, number][]>,
): Promise<{ contentChars: number; contentCovered: number }> {
  let contentChars = 0;
  let contentCovered = 0;
  for (const article of await readBratFolder(dirname(annDir))) {
    const recorded = spans.get(article.name);
    if (!recorded) continue;
    const text = [...article.text.replace(/^\uFEFF/, "")];
    const inRecord = new Uint8Array(text.length + 1);
    for (const [a, b] of recorded) inRecord.fill(1, a, b);
    const inContent = new Uint8Array(text.length + 1);
    for (const attribution of article.doc.attributions)
      for (const [a, b] of attribution.content) inContent.fill(1, a, Math.min(b, text.length));
    for (let k = 0; k < text.length; k++) {
      if (!inContent[k] || /\s/.test(text[k]!)) continue;
      contentChars++;
      if (inRecord[k]) contentCovered++;
    }
  }
  return { contentChars, contentCovered };
}

/**
 * Issue 20: the non-space characters that were inside a record with the learned cleaning off ("before") and are in
 * none with it on, by the chrome category whose drop covers them ("?": in no dropped piece, e.g. a sentence that
 * became an exact in-article repeat). Says which of the text lost since before issue 20 is chrome the issue names.
 */
export async function lostSinceBefore(spec: CorpusSpec): Promise<Record<string, number>> {
  const before = await prepareCleaning(spec.inputs, spec.read, { learned: false });
  const after = await prepareCleaning(spec.inputs, spec.read, {});
  const lost: Record<string, number> = {};
  for await (const doc of readInputs(spec.inputs, spec.read)) {
    if ("reason" in doc) continue;
    const cps = [...doc.text];
    const inRecords = (r: ReturnType<typeof extractArticles>) => {
      const m = new Uint8Array(cps.length);
      for (const a of r.articles) for (const s of a.sentences) m.fill(1, s.start, s.end);
      return m;
    };
    const b = inRecords(extractArticles(doc, before));
    const ra = extractArticles(doc, after);
    const a = inRecords(ra);
    const category = new Array<string | undefined>(cps.length);
    for (const d of ra.dropped) for (let k = d.start; k < d.end; k++) category[k] = d.category;
    for (let k = 0; k < cps.length; k++) {
      if (!b[k] || a[k] || /\s/.test(cps[k]!)) continue;
      const c = category[k] ?? "?";
      lost[c] = (lost[c] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(lost).sort(([x], [y]) => (x < y ? -1 : 1)));
}
