// The AllSides part of the `cleaning` benchmark (issue 20): articles whose
// chrome someone marked by hand, as verbatim substrings, before looking at
// the tool's output (data/gold/chrome-allsides-eval.jsonl: held out, never
// tuned on). The articles are read from the corpus (never copied into the
// project) with their outlet, and the pre-pass (corpus boilerplate,
// per-outlet templates) runs over every corpus article of the gold file's
// outlets, as a build over those outlets would. Figures:
//   junk records   records with at least half of their non-space characters
//                  inside marked chrome;
//   kept text      non-space characters outside marked chrome that lie
//                  inside some record.
// "before" is the same code with the learned cleaning off (CleaningOptions
// learned: false: the rules as they were before issue 20).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { extractArticles } from "../../extract/index.ts";
import type { CleaningOptions, CleaningSpec } from "../../extract/cleaning.ts";
import { prepareCleaningFromDocs } from "../../dataset/boilerplate.ts";
import { ALLSIDES_FILE, goldMask, readAllSides, readChromeGold, type ChromeGold, type OutletDocument } from "../allsides.ts";

export async function prepareCleaningFor(docs: readonly OutletDocument[], opts: CleaningOptions = {}): Promise<CleaningSpec> {
  return prepareCleaningFromDocs(docs, opts);
}

export interface AllSidesFigures {
  articles: number;
  outlets: number;
  records: number;
  junkRecords: number;
  textChars: number;
  textKept: number;
  chromeChars: number;
  /** Junk records left (first ones), with their outlet. */
  junkExamples: string[];
  /** Text outside marked chrome that no record holds (first pieces). */
  lostExamples: string[];
}

const MAX_EXAMPLES = 40;

export async function loadGoldArticles(corpora: string, goldFile: string): Promise<{ gold: ChromeGold[]; docs: Map<string, OutletDocument>; outletDocs: OutletDocument[] } | null> {
  const file = join(corpora, ALLSIDES_FILE);
  const gold = readChromeGold(goldFile);
  if (gold.length === 0 || !existsSync(file)) return null;
  const ids = new Set(gold.map((g) => g.id));
  const outlets = new Set(gold.map((g) => g.outlet));
  const docs = new Map<string, OutletDocument>();
  const outletDocs: OutletDocument[] = [];
  for await (const doc of readAllSides(file)) {
    if (!outlets.has(doc.outlet)) continue;
    outletDocs.push(doc);
    if (ids.has(doc.docId!)) docs.set(doc.docId!, doc);
  }
  return { gold, docs, outletDocs };
}

export function measureAllSides(gold: readonly ChromeGold[], docs: ReadonlyMap<string, OutletDocument>, spec: CleaningSpec): AllSidesFigures {
  const f: AllSidesFigures = { articles: 0, outlets: 0, records: 0, junkRecords: 0, textChars: 0, textKept: 0, chromeChars: 0, junkExamples: [], lostExamples: [] };
  const outlets = new Set<string>();
  for (const g of gold) {
    const doc = docs.get(g.id);
    if (!doc) continue;
    f.articles++;
    outlets.add(g.outlet);
    const mask = goldMask(doc.text, g);
    const cps = [...doc.text];
    const inRecord = new Uint8Array(cps.length);
    for (const a of extractArticles(doc, spec).articles) {
      for (const s of a.sentences) {
        f.records++;
        inRecord.fill(1, s.start, s.end);
        let chars = 0;
        let chrome = 0;
        for (let k = s.start; k < s.end; k++) {
          if (/\s/.test(cps[k]!)) continue;
          chars++;
          if (mask[k]) chrome++;
        }
        if (chars > 0 && chrome * 2 >= chars) {
          f.junkRecords++;
          if (f.junkExamples.length < MAX_EXAMPLES) f.junkExamples.push(`${g.outlet}: ${s.text.slice(0, 140)}`);
        }
      }
    }
    let run = "";
    for (let k = 0; k <= cps.length; k++) {
      const lost = k < cps.length && !mask[k] && !inRecord[k];
      if (k < cps.length && !/\s/.test(cps[k]!)) {
        if (mask[k]) f.chromeChars++;
        else {
          f.textChars++;
          if (inRecord[k]) f.textKept++;
        }
      }
      if (lost) run += cps[k];
      else if (run) {
        if (run.trim().length > 1 && f.lostExamples.length < MAX_EXAMPLES) f.lostExamples.push(`${g.outlet}: ${run.trim().slice(0, 140)}`);
        run = "";
      }
    }
  }
  f.outlets = outlets.size;
  return f;
}

/**
 * The segment model against the hand marks: among the records the rules
 * keep (the model off), the junk ones (marked chrome) and the ones the model
 * drops. Precision = dropped junk / dropped; recall = dropped junk / junk.
 */
export function modelAgainstGold(gold: readonly ChromeGold[], docs: ReadonlyMap<string, OutletDocument>, spec: CleaningSpec): { dropped: number; droppedJunk: number; junk: number; precision: number; recall: number } {
  let dropped = 0;
  let droppedJunk = 0;
  let junk = 0;
  const noModel: CleaningSpec = { ...spec, keep: [...new Set([...spec.keep, "model" as const])].sort() };
  for (const g of gold) {
    const doc = docs.get(g.id);
    if (!doc) continue;
    const mask = goldMask(doc.text, g);
    const cps = [...doc.text];
    const isJunk = (a: number, b: number) => {
      let chars = 0;
      let chrome = 0;
      for (let k = a; k < b; k++) {
        if (/\s/.test(cps[k]!)) continue;
        chars++;
        if (mask[k]) chrome++;
      }
      return chars > 0 && chrome * 2 >= chars;
    };
    const modelDrops = new Set(extractArticles(doc, spec).dropped.filter((d) => d.category === "model").map((d) => `${d.start}:${d.end}`));
    for (const a of extractArticles(doc, noModel).articles)
      for (const s of a.sentences) {
        const j = isJunk(s.start, s.end);
        const d = modelDrops.has(`${s.start}:${s.end}`);
        if (j) junk++;
        if (d) dropped++;
        if (d && j) droppedJunk++;
      }
  }
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return { dropped, droppedJunk, junk, precision: r4(dropped ? droppedJunk / dropped : 1), recall: r4(junk ? droppedJunk / junk : 1) };
}
