// Training data and fit of the segment model (src/extract/cleaning/model.ts):
// sentences of AllSides articles, labelled chrome (1) or text (0).
// Weak labels: a sentence is chrome when at least half of its non-space
// characters lie in what the rules drop (the chrome lexicon, the line rules,
// the per-outlet templates, the inline rules), with the model itself off;
// articles hand-marked in data/gold/chrome-allsides-train.jsonl use the hand
// marks instead. Outlets are split by a hash of their name: HELDOUT_SHARE of
// them are held out for the precision / recall report, the eval gold file's
// articles and outlets are never used. Deterministic: input order, sorted
// outlets, L-BFGS from zero.
import { extractArticles } from "../extract/index.ts";
import { CHROME_CATEGORIES, type ChromeCategory } from "../extract/chrome-lexicon.ts";
import { trimmedLines } from "../extract/chrome-lines.ts";
import { featuresAt, FEATURE_COUNT, modelAsked, pageContext, DENSE_FEATURES, HASH_BUCKETS } from "../extract/cleaning/features.ts";
import { CHROME_MODEL_FORMAT, type ChromeModelFile } from "../extract/cleaning/model.ts";
import { CodePointOffsets } from "../extract/offsets.ts";
import type { CleaningSpec } from "../extract/cleaning.ts";
import { CsrBuilder } from "./csr.ts";
import { SparseLogisticRegression } from "./logreg.ts";
import { goldMask, type ChromeGold, type OutletDocument } from "./allsides.ts";

export const HELDOUT_SHARE = 0.2;

export interface Example {
  outlet: string;
  label: 0 | 1;
  cols: number[];
  vals: number[];
  text: string;
}

/** Whether an outlet is held out (a hash of its name, stable across machines). */
export function heldOutOutlet(outlet: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < outlet.length; i++) h = Math.imul(h ^ outlet.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 1000 < HELDOUT_SHARE * 1000;
}

/** The sentences of one document as examples: the rules' drops (spec with the model off) or the hand marks as labels. */
export function documentExamples(doc: OutletDocument, spec: CleaningSpec, gold: ChromeGold | null): Example[] {
  const keepAll: CleaningSpec = { ...spec, keep: [...CHROME_CATEGORIES] };
  const all = extractArticles(doc, keepAll);
  const offsets = new CodePointOffsets(doc.text);
  let mask: Uint8Array;
  if (gold) mask = goldMask(doc.text, gold);
  else {
    const dropped = extractArticles(doc, { ...spec, keep: [...spec.keep, "model" as ChromeCategory] }).dropped;
    mask = new Uint8Array(offsets.toCodePoint(doc.text.length));
    for (const d of dropped) mask.fill(1, d.start, d.end);
  }
  const page = pageContext(doc.text, trimmedLines(doc.text));
  const utf16 = utf16Offsets(doc.text);
  const repeated = new Set(spec.repeated ?? []);
  const out: Example[] = [];
  for (const a of all.articles) {
    a.sentences.forEach((s, i) => {
      // The clean step never asks the model about these (modelAsked).
      if (!modelAsked(s.text, utf16[s.start]!, page.title)) return;
      let chars = 0;
      let inChrome = 0;
      const cps = [...s.text];
      for (let k = 0; k < cps.length; k++) {
        if (/\s/.test(cps[k]!)) continue;
        chars++;
        if (mask[s.start + k]) inChrome++;
      }
      if (chars === 0) return;
      const span = { start: utf16[s.start]!, end: utf16[s.end]! };
      const f = featuresAt(doc.text, span, i, a.sentences.length, page, repeated);
      out.push({ outlet: doc.outlet, label: inChrome * 2 >= chars ? 1 : 0, cols: f.cols, vals: f.vals, text: s.text });
    });
  }
  return out;
}

export interface Scores {
  precision: number;
  recall: number;
  positives: number;
  examples: number;
}

export function scoreAt(model: { intercept: number; weights: Float64Array }, examples: readonly Example[], threshold: number): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    let z = model.intercept;
    for (let i = 0; i < e.cols.length; i++) z += model.weights[e.cols[i]!]! * e.vals[i]!;
    const yes = 1 / (1 + Math.exp(-z)) >= threshold;
    if (yes && e.label) tp++;
    else if (yes) fp++;
    else if (e.label) fn++;
  }
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { precision: r(tp + fp ? tp / (tp + fp) : 1), recall: r(tp + fn ? tp / (tp + fn) : 1), positives: tp + fn, examples: examples.length };
}

/**
 * Thresholds tried; the lowest whose precision on the validation outlets
 * reaches MIN_PRECISION is kept. Against weak labels precision is understated:
 * most "false positives" are furniture no rule lists ("Follow Colvin on
 * Twitter at …", "© Copyright 2017 by Creators Syndicate Inc."); 0.9 keeps the
 * model's drops on FNC-1 and BBC to furniture and headings.
 */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];
const MIN_PRECISION = 0.9;

export function fitChromeModel(
  train: readonly Example[], validation: readonly Example[], l2: number, trained: Record<string, unknown>,
): { file: ChromeModelFile; validation: Scores } {
  const b = new CsrBuilder(FEATURE_COUNT);
  for (const e of train) b.addRow(e.cols, e.vals);
  const lr = new SparseLogisticRegression({ l2, maxIter: 300 });
  lr.fit(b.build(), train.map((e) => String(e.label)));
  // classes are sorted [0, 1]: the one binary model scores class 1 (chrome).
  const weights = lr.coef[0]!;
  const model = { intercept: lr.intercept[0]!, weights };
  let threshold = THRESHOLDS[THRESHOLDS.length - 1]!;
  for (const t of THRESHOLDS) if (scoreAt(model, validation, t).precision >= MIN_PRECISION) { threshold = t; break; }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    file: {
      format: CHROME_MODEL_FORMAT, features: [...DENSE_FEATURES], buckets: HASH_BUCKETS, threshold,
      intercept: round(model.intercept), weights: [...weights].map(round), trained: { ...trained, l2, validation: scoreAt(model, validation, threshold) },
    },
    validation: scoreAt(model, validation, threshold),
  };
}

/** UTF-16 offset of every code point offset of `text` (length: code points + 1). */
export function utf16Offsets(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    out[cp++] = u;
    const c = text.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00) u++;
  }
  out[cp] = text.length;
  return out.subarray(0, cp + 1);
}
