// Scores labelled sentences against PolNeAR attributions (brat.ts), by
// code-point offsets into the article text. Definitions (docs/claim-records.md
// section 3):
// - a sentence is gold-attributed when an attribution's cue lies inside it
//   (every cue fragment), or an attribution's content covers at least half of
//   its code points; those attributions are "the sentence's";
// - it is predicted when the record's actor is not null;
// - source: the actor mention (evidence.actor) against the sentence's gold
//   sources, exact span or overlap; failing that (a quote continuation has no
//   mention in the sentence) it is right when the gold source text holds the
//   mention's words or the actor's name's last word; pronoun mentions are
//   counted apart; a gold source that is a bare relative pronoun ("Jeb Bush,
//   who announced …": PolNeAR marks "who") is matched through its antecedent:
//   the actor mention ending right before it (spaces and a comma between),
//   counted apart too;
// - cue: evidence.cue against the sentence's gold cues; a continuation's cue
//   (in another sentence) is not counted;
// - content: word tokens of the record's content span against word tokens
//   covered by any gold content, micro-averaged over all sentences.
import type { SentenceLabels } from "../../schema.ts";
import type { Attribution, Fragment } from "./brat.ts";

export interface ScoredSentence {
  /** Code points in the article text. */
  start: number;
  end: number;
  text: string;
  labels: SentenceLabels;
}

export interface Counts {
  sentences: number;
  gold: number;
  predicted: number;
  found: number;
  goldByCue: number;
  foundByCue: number;
  goldByContent: number;
  foundByContent: number;
  sourceExact: number;
  sourceOverlap: number;
  sourcePronoun: number;
  sourceByName: number;
  sourceRelative: number;
  foundWithCue: number;
  cueExact: number;
  cueOverlap: number;
  contentPredicted: number;
  contentGold: number;
  contentBoth: number;
}

export function emptyCounts(): Counts {
  return {
    sentences: 0, gold: 0, predicted: 0, found: 0, goldByCue: 0, foundByCue: 0, goldByContent: 0, foundByContent: 0,
    sourceExact: 0, sourceOverlap: 0, sourcePronoun: 0, sourceByName: 0, sourceRelative: 0, foundWithCue: 0, cueExact: 0, cueOverlap: 0,
    contentPredicted: 0, contentGold: 0, contentBoth: 0,
  };
}

export interface SentenceOutcome {
  gold: boolean;
  predicted: boolean;
  /** Lower-cased cue of the sentence's first attribution ("said"), or null when not gold-attributed. */
  goldCue: string | null;
  /** First rule id of the record, or null. */
  rule: string | null;
  sourceOk: boolean;
  cueOk: boolean;
  /** Found sentences: whether the cue was scored (evidence.cue in the sentence), and the gold sources and cues ("; "-joined). */
  cueScored: boolean;
  goldSources: string;
  goldCues: string;
}

const overlaps = (a: Fragment, b: Fragment) => a[0] < b[1] && b[0] < a[1];
const inside = (f: Fragment, s: number, e: number) => f[0] >= s && f[1] <= e;

/** Whether the hull of `fs` (first start to last end) is exactly `span`. */
function hullIs(fs: readonly Fragment[], span: Fragment): boolean {
  return fs.length > 0 && fs[0]![0] === span[0] && Math.max(...fs.map((f) => f[1])) === span[1];
}

function coveredLength(fs: readonly Fragment[], s: number, e: number): number {
  let n = 0;
  let upTo = s; // fragments may overlap (Content and Content2): count each code point once
  for (const f of fs) {
    const a = Math.max(f[0], upTo);
    const b = Math.min(f[1], e);
    if (b > a) {
      n += b - a;
      upTo = b;
    }
  }
  return n;
}

/** The attributions a sentence [s, e) carries (see the definitions above). */
export function sentenceAttributions(attrs: readonly Attribution[], s: number, e: number): { byCue: Attribution[]; byContent: Attribution[] } {
  const byCue: Attribution[] = [];
  const byContent: Attribution[] = [];
  for (const a of attrs) {
    if (a.cue.length > 0 && a.cue.every((f) => inside(f, s, e))) byCue.push(a);
    else if (a.content.length > 0 && coveredLength(a.content, s, e) * 2 >= e - s) byContent.push(a);
  }
  return { byCue, byContent };
}

/** Word tokens of text[s, e) as code-point ranges in the article (the text is the sentence, offset `base`). */
function wordTokens(cps: readonly string[], s: number, e: number): Fragment[] {
  const out: Fragment[] = [];
  let i = s;
  while (i < e) {
    if (!/[\p{L}\p{N}]/u.test(cps[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < e && /[\p{L}\p{N}]/u.test(cps[i]!)) i++;
    out.push([start, i]);
  }
  return out;
}

const RELATIVE = new Set(["who", "which", "that"]);
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"]);

/** Lower-cased letter-or-digit runs of `s`. */
const lowerWords = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function lastWord(s: string): string {
  return lowerWords(s).at(-1) ?? "";
}

/** Scores one article's sentences into `c`; `cps` is the article text as code points. */
export function scoreArticle(cps: readonly string[], attrs: readonly Attribution[], sentences: readonly ScoredSentence[], c: Counts): SentenceOutcome[] {
  const allContent = attrs.flatMap((a) => a.content).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: SentenceOutcome[] = [];
  for (const s of sentences) {
    c.sentences++;
    const { byCue, byContent } = sentenceAttributions(attrs, s.start, s.end);
    const mine = [...byCue, ...byContent];
    const gold = mine.length > 0;
    const l = s.labels;
    const predicted = l.actor !== null;
    if (gold) c.gold++;
    if (predicted) c.predicted++;
    if (byCue.length > 0) c.goldByCue++;
    else if (gold) c.goldByContent++;
    let sourceOk = false;
    let cueOk = false;
    let cueScored = false;
    if (gold && predicted) {
      c.found++;
      if (byCue.length > 0) c.foundByCue++;
      else c.foundByContent++;
      const sources = mine.flatMap((a) => a.source);
      const ev = l.evidence.actor;
      if (ev) {
        const span: Fragment = [s.start + ev.start, s.start + ev.end];
        const exact = mine.some((a) => hullIs(a.source, span));
        sourceOk = sources.some((f) => overlaps(f, span));
        if (exact) c.sourceExact++;
      }
      if (!sourceOk && ev) {
        const end = s.start + ev.end;
        sourceOk = mine.some((a) => a.source.length === 1 && RELATIVE.has(a.sourceText.toLowerCase().trim()) && a.source[0]![0] >= end && /^[\s,]*$/.test(cps.slice(end, a.source[0]![0]).join("")));
        if (sourceOk) c.sourceRelative++;
      }
      if (!sourceOk) {
        // No mention in the sentence (a quote continuation) or a mention elsewhere in it: the right actor all the same
        // when its mention, or its name's last word, is in the gold source text ("Caddell", "He" for "He said:", "Rep" of "Rep. G.K. Butterfield").
        const mention = lowerWords(l.actor!.mention);
        const name = lastWord(l.actor!.name);
        sourceOk = mine.some((a) => {
          const gold = lowerWords(a.sourceText);
          return (mention.length > 0 && mention.every((w) => gold.includes(w))) || (name !== "" && gold.includes(name));
        });
        if (sourceOk) c.sourceByName++;
      }
      if (sourceOk && PRONOUNS.has(l.actor!.mention.toLowerCase())) c.sourcePronoun++;
      if (sourceOk) c.sourceOverlap++;
      const cueEv = l.evidence.cue;
      // Cue figures are over the found sentences whose cue is in the sentence (a continuation's is in another one).
      if (cueEv) {
        cueScored = true;
        c.foundWithCue++;
        const span: Fragment = [s.start + cueEv.start, s.start + cueEv.end];
        const cues = mine.flatMap((a) => a.cue);
        if (mine.some((a) => hullIs(a.cue, span))) c.cueExact++;
        cueOk = cues.some((f) => overlaps(f, span));
        if (cueOk) c.cueOverlap++;
      }
    }
    // Content tokens.
    const toks = wordTokens(cps, s.start, s.end);
    const pc = l.content ? ([s.start + l.content.start, s.start + l.content.end] as Fragment) : null;
    for (const t of toks) {
      const g = allContent.some((f) => inside(t, f[0], f[1]));
      const p = pc !== null && inside(t, pc[0], pc[1]);
      if (g) c.contentGold++;
      if (p) c.contentPredicted++;
      if (g && p) c.contentBoth++;
    }
    // Misses are grouped by the cue in the sentence; a sentence inside a quote whose cue is elsewhere, apart.
    const first = byCue[0] ?? byContent[0];
    const cueText = first ? first.cueText.toLowerCase().replace(/\s+/g, " ").trim() || "(no cue)" : null;
    const joined = (xs: string[]) => xs.map((x) => x.replace(/\s+/g, " ").trim()).filter((x) => x !== "").join("; ");
    out.push({
      gold, predicted, goldCue: cueText === null ? null : byCue.length > 0 ? cueText : `(in a quote) ${cueText}`, rule: l.rules[0] ?? null, sourceOk, cueOk, cueScored,
      goldSources: joined(mine.map((a) => a.sourceText)), goldCues: joined(mine.map((a) => a.cueText)),
    });
  }
  return out;
}
