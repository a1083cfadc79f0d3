// brat standoff reader for attribution annotations (PolNeAR's .ann files).
// `T<n>\t<Type> <start> <end>[;<start> <end>…]\t<text>` declares a span (a
// discontinuous span lists several fragments; the text may run over a line
// break, so the lines after a T line that start with neither T, E, A, R nor #
// belong to its text); `E<n>\tAttribution:T.. Source:T.. Cue:T.. Content:T..`
// ties one attribution's roles together (`Attribution-no-source` when it has
// none). Offsets are code points of the article's .txt (PolNeAR's are).
import { readFile, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { InputError } from "../../errors.ts";
import { extractArticles } from "../../extract/index.ts";
import type { CleaningSpec } from "../../extract/cleaning.ts";
import type { Article } from "../../schema.ts";
import type { TrainingArticle } from "../../label/tagger/train.ts";

/** A half-open [start, end) range of code points in the article text. */
export type Fragment = [start: number, end: number];

export interface BratSpan {
  id: string;
  type: string;
  fragments: Fragment[];
  text: string;
}

export interface Attribution {
  /** The E line's id ("E3"). */
  id: string;
  /** false for `Attribution-no-source` ("it was reported that …"). */
  hasSource: boolean;
  source: Fragment[];
  cue: Fragment[];
  /** Content and Content2 fragments together. */
  content: Fragment[];
  /** Surface text of the cue (fragments joined by a space), for grouping misses. */
  cueText: string;
  sourceText: string;
}

export interface BratDocument {
  spans: Map<string, BratSpan>;
  attributions: Attribution[];
}

const SPAN_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const EVENT_LINE = /^(E\d+)\t(.*)$/;

/** Parses one .ann file's text; `file` names it in errors ("x.ann:12: …"). */
export function parseBrat(text: string, file: string): BratDocument {
  const spans = new Map<string, BratSpan>();
  const events: { id: string; line: number; args: [string, string][] }[] = [];
  const lines = text.split("\n");
  let last: BratSpan | null = null;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, "");
    if (/^T\d+\t/.test(line)) {
      const m = SPAN_LINE.exec(line);
      if (!m) throw new InputError(`${file}:${n + 1}: malformed span line`);
      const fragments = m[3]!.split(";").map((f) => f.split(" ").map(Number) as Fragment);
      if (fragments.some(([s, e]) => e < s)) throw new InputError(`${file}:${n + 1}: span end before start`);
      last = { id: m[1]!, type: m[2]!, fragments, text: m[4]! };
      spans.set(last.id, last);
    } else if (/^E\d+\t/.test(line)) {
      const m = EVENT_LINE.exec(line)!;
      const args = m[2]!.trim().split(/\s+/).map((a) => {
        const cut = a.lastIndexOf(":");
        if (cut < 1) throw new InputError(`${file}:${n + 1}: malformed event argument ${JSON.stringify(a)}`);
        return [a.slice(0, cut), a.slice(cut + 1)] as [string, string];
      });
      events.push({ id: m[1]!, line: n + 1, args });
      last = null;
    } else if (/^[ARN#*]\S*\t/.test(line)) {
      last = null; // attributes, relations, notes: not used
    } else if (last) {
      last.text += "\n" + line; // a span's text that ran over a line break
    }
  }
  const attributions: Attribution[] = [];
  for (const e of events) {
    const trigger = e.args[0]![0];
    if (trigger !== "Attribution" && trigger !== "Attribution-no-source") continue;
    const a: Attribution = { id: e.id, hasSource: trigger === "Attribution", source: [], cue: [], content: [], cueText: "", sourceText: "" };
    for (const [role, ref] of e.args.slice(1)) {
      const span = spans.get(ref);
      if (!span) throw new InputError(`${file}:${e.line}: ${e.id} refers to unknown span ${ref}`);
      // The span's own type decides: a few E lines give a span the wrong role ("Source:T.." on a Cue span).
      const kind = ["Source", "Cue", "Content"].includes(span.type) ? span.type : role.replace(/\d+$/, "");
      if (kind === "Source") {
        a.source.push(...span.fragments);
        a.sourceText = a.sourceText ? `${a.sourceText} ${span.text}` : span.text;
      } else if (kind === "Cue") {
        a.cue.push(...span.fragments);
        a.cueText = a.cueText ? `${a.cueText} ${span.text}` : span.text;
      } else if (kind === "Content") a.content.push(...span.fragments);
    }
    for (const f of [a.source, a.cue, a.content]) f.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    attributions.push(a);
  }
  return { spans, attributions };
}

export interface AnnotatedArticle {
  /** File name without .txt. */
  name: string;
  textPath: string;
  text: string;
  /** The .ann file scored against: the first annotator's in sorted order. */
  annPath: string;
  annotators: string[];
  doc: BratDocument;
}

/** The pipeline's articles of an annotated .txt (extracted as build-dataset extracts a .txt file), whose offsets are the annotations'. */
export function extractAnnotated(a: AnnotatedArticle, cleaning?: CleaningSpec): Article[] {
  return extractArticles({ path: `${a.name}.txt`, text: a.text, kind: "txt", location: a.textPath }, cleaning).articles;
}

/**
 * The cleaning the tagger's training views are extracted with: the chrome lexicon's, without the learned
 * cleaning (per-outlet templates, inline cuts, the segment model, which is itself trained from the rules by
 * train-chrome). It keeps the two learned parts independent: a change to the learned cleaning needs no retrain
 * of the tagger. The benchmarks and builds label with the full cleaning.
 */
const TRAINING_CLEANING: CleaningSpec = { boilerplate: [], keep: [], learned: false };

/**
 * The articles of a PolNeAR split folder (`text/*.txt`, `attributions/<name>_<annotator>.ann`), in sorted order.
 * An article with several annotators' files is scored against the first in sorted order.
 */
export async function readBratFolder(dir: string): Promise<AnnotatedArticle[]> {
  const list = async (sub: string) => {
    try {
      return (await readdir(join(dir, sub))).sort();
    } catch {
      throw new InputError(`${join(dir, sub)}: not a folder (expected a PolNeAR split with text/ and attributions/)`);
    }
  };
  const texts = (await list("text")).filter((f) => f.endsWith(".txt"));
  const anns = (await list("attributions")).filter((f) => f.endsWith(".ann"));
  const byName = new Map<string, string[]>();
  for (const a of anns) {
    const name = a.replace(/_[^_]*\.ann$/, "");
    byName.set(name, [...(byName.get(name) ?? []), a]);
  }
  const out: AnnotatedArticle[] = [];
  for (const t of texts) {
    const name = basename(t, ".txt");
    const files = byName.get(name);
    if (!files) continue; // an article nobody annotated is not scored
    const textPath = join(dir, "text", t);
    const annPath = join(dir, "attributions", files[0]!);
    const text = await readFile(textPath, "utf8");
    const doc = parseBrat(await readFile(annPath, "utf8"), annPath);
    out.push({ name, textPath, text, annPath, annotators: files.map((f) => f.slice(name.length + 1, -4)), doc });
  }
  if (out.length === 0) throw new InputError(`${dir}: no annotated article found`);
  return out;
}

/** What the tagger trains on from one annotated article (src/label/tagger/train.ts): its text, attributions and the pipeline's sentences. */
export function trainingArticle(a: AnnotatedArticle): TrainingArticle {
  return { text: a.text, attributions: a.doc.attributions, extracted: extractAnnotated(a, TRAINING_CLEANING) };
}
