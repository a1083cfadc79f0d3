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
