// The gold benchmark's "in article" labelling: the corpus articles the gold
// items cite (`bbc_news/politics/001.txt`, `fnc1/train_bodies.csv:Body ID
// 2081`, relative to the corpora folder) are read through the project's
// readers (src/extract, as build-dataset reads them), extracted and labelled
// whole, and each item gets the labels of the sentence with its exact text in
// its article. An item whose article is missing or whose text the article's
// segmentation does not produce falls back to its context labelling, counted.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors.ts";
import { extractArticles, isSkipped, readInputs, type InputDocument } from "../../extract/index.ts";
import { labelWith } from "../../dataset/label-stage.ts";
import { FULL_PIPELINE, type Pipeline } from "../../label/pipeline.ts";
import type { GoldItem, GoldLookup, LabelledSentence, Lexicons } from "../../label/index.ts";

/** FNC-1's layout: the text column of a cited CSV (its id column is named in the citation). */
export const CSV_TEXT_COLUMN = "articleBody";

/** A cited article: a .txt file, or one row of a CSV (`file.csv:<id column> <id>`). */
export interface Citation {
  file: string;
  row?: { column: string; id: string };
}

export function parseCitation(source: string): Citation {
  const m = /^(.+\.csv):(.+) (\S+)$/i.exec(source);
  return m ? { file: m[1]!, row: { column: m[2]!, id: m[3]! } } : { file: source };
}

/** One labelled article: its sentences' texts and labels, in order. */
export interface LabelledDoc {
  texts: string[];
  results: LabelledSentence[];
}

/** Extracts and labels one document as the build does (extract → segment → label). */
export function labelDoc(doc: InputDocument, lex: Lexicons, pipeline: Pipeline): LabelledDoc {
  const out: LabelledDoc = { texts: [], results: [] };
  for (const article of extractArticles(doc).articles) {
    if (article.sentences.length === 0) continue;
    const { results } = labelWith(lex, new Map(), article, pipeline);
    article.sentences.forEach((s, i) => {
      out.texts.push(s.text);
      out.results.push(results[i]!);
    });
  }
  return out;
}

/** The corpora folder to read: `--corpora DIR` (must be a folder: else a one-line error), else `fallback` if it is one, else null. */
export function resolveCorpora(flag: string | undefined, fallback: string): string | null {
  if (flag !== undefined) {
    if (!existsSync(flag) || !statSync(flag).isDirectory()) throw new InputError(`--corpora ${flag}: no such folder`);
    return flag;
  }
  return existsSync(fallback) && statSync(fallback).isDirectory() ? fallback : null;
}

/**
 * Reads and labels every article the items cite (each file once, sorted by
 * path; a CSV is read once for all its cited rows). Keyed by the citation.
 * A cited file or row that is not there is simply absent from the map.
 */
export async function labelCitedArticles(dir: string, items: readonly GoldItem[], lex: Lexicons, pipeline: Pipeline = FULL_PIPELINE): Promise<Map<string, LabelledDoc>> {
  const byFile = new Map<string, Map<string, string>>();
  for (const g of items) {
    const c = parseCitation(g.source);
    let rows = byFile.get(c.file);
    if (!rows) byFile.set(c.file, (rows = new Map()));
    if (c.row) rows.set(`${c.row.column}\u0000${c.row.id}`, g.source);
  }
  const out = new Map<string, LabelledDoc>();
  for (const file of [...byFile.keys()].sort()) {
    const path = join(dir, file);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    const rows = byFile.get(file)!;
    if (rows.size === 0) {
      // .txt: per-file encoding detection (horne2017 mixes UTF-8 and Windows-1252), as `--encoding auto`.
      for await (const doc of readInputs([path], { encoding: "auto" })) if (!isSkipped(doc)) out.set(file, labelDoc(doc, lex, pipeline));
      continue;
    }
    for (const column of [...new Set([...rows.keys()].map((k) => k.split("\u0000")[0]!))].sort()) {
      for await (const doc of readInputs([path], { textColumn: CSV_TEXT_COLUMN, idColumn: column })) {
        if (isSkipped(doc)) continue;
        const source = rows.get(`${column}\u0000${doc.docId}`);
        if (source !== undefined) out.set(source, labelDoc(doc, lex, pipeline));
      }
    }
  }
  return out;
}

export interface InArticleLookup extends GoldLookup {
  /** gids labelled from their context because their cited article was not read (missing file or row). */
  readonly missing: ReadonlySet<string>;
  /** gids labelled from their context because their text is not a sentence of their article. */
  readonly notFound: ReadonlySet<string>;
}

/**
 * Items found in the build's own input (`inBuild`, e.g. seeds/) keep the
 * base lookup's labels; the others get their sentence in their cited
 * article, or the base lookup's context labelling, counted as a fallback.
 */
export function inArticleLookup(base: GoldLookup, articles: ReadonlyMap<string, LabelledDoc>, inBuild: (g: GoldItem) => boolean): InArticleLookup {
  const missing = new Set<string>();
  const notFound = new Set<string>();
  const lookup = (g: GoldItem): LabelledSentence => {
    if (inBuild(g)) return base(g);
    const doc = articles.get(g.source);
    const i = doc ? doc.texts.indexOf(g.text) : -1;
    if (doc && i >= 0) return doc.results[i]!;
    (doc ? notFound : missing).add(g.gid);
    return base(g);
  };
  return Object.assign(lookup, { isolated: base.isolated, missing, notFound });
}
