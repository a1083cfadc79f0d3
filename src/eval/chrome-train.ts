// Training data and fit of the segment model (src/extract/cleaning/model.ts):
// sentences of AllSides articles, labelled chrome (1) or text (0).
// Weak labels: a sentence is chrome when at least half of its non-space
// characters lie in what the rules drop (the chrome lexicon, the line rules,
// the per-outlet templates, the inline rules), with the model itself off;
// articles hand-marked in data/gold/chrome-allsides-train.jsonl use the hand
// marks instead. Outlets are split by a hash of their name: HELDOUT_SHARE of
// them are held out for the precision / recall report, the eval gold file's
// articles and outlets are never used. Hand-labelled sentences
// (data/gold/chrome/chrome-lines-hand.jsonl, AllSides and FNC-1) override the
// weak labels. The threshold is chosen by cross-validation by outlet (FOLDS
// folds) on the training outlets: the lowest whose out-of-fold precision on
// hand-labelled sentences reaches MIN_PRECISION.
// Deterministic: input order, hashed folds, L-BFGS from zero.
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
  /** Labelled by hand (the train gold file's marks or a hand-labelled line), not by the rules. */
  hand: boolean;
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

/**
 * The sentences of one document as examples: the rules' drops (spec with the
 * model off) or the hand marks as labels; `lines` (hand-labelled sentences of
 * this document, text → label) override either, and with `onlyLines` only
 * they are returned.
 */
export function documentExamples(
  doc: OutletDocument, spec: CleaningSpec, gold: ChromeGold | null, lines: ReadonlyMap<string, 0 | 1> | null = null, onlyLines = false,
): Example[] {
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
  const page = pageContext(doc.text, trimmedLines(doc.text), doc.source?.outlet ?? null);
  const utf16 = utf16Offsets(doc.text);
  const repeated = new Set(spec.repeated ?? []);
  const out: Example[] = [];
  for (const a of all.articles) {
    a.sentences.forEach((s, i) => {
      const handLabel = lines?.get(s.text);
      if (onlyLines && handLabel === undefined) return;
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
      const at = (k: number) => {
        const t = a.sentences[k];
        return t ? { start: utf16[t.start]!, end: utf16[t.end]! } : null;
      };
      const f = featuresAt(doc.text, span, i, a.sentences.length, page, repeated, at(i - 1), at(i + 1));
      const label: 0 | 1 = handLabel ?? (inChrome * 2 >= chars ? 1 : 0);
      out.push({ outlet: doc.outlet, label, hand: handLabel !== undefined || gold !== null, cols: f.cols, vals: f.vals, text: s.text });
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
  return scoreRows(examples.map((e) => ({ label: e.label, yes: probability(model, e) >= threshold })));
}

/**
 * Thresholds tried; the lowest whose out-of-fold precision (cross-validation
 * by outlet over the training outlets, FOLDS folds) reaches MIN_PRECISION on
 * the hand-labelled sentences is kept (against weak labels precision is
 * understated: most "false positives" there are furniture no rule lists).
 */
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];
export const MIN_PRECISION = 0.95;
export const FOLDS = 5;

/** Fold of an outlet in the cross-validation (a hash of its name). */
export function foldOf(outlet: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < outlet.length; i++) h = Math.imul(h ^ outlet.charCodeAt(i), 0x01000193);
  return Math.floor(((h >>> 0) % 1000) / (1000 / FOLDS));
}

function fitWeights(train: readonly Example[], l2: number, handWeight: number): { intercept: number; weights: Float64Array } {
  const b = new CsrBuilder(FEATURE_COUNT);
  const y: string[] = [];
  // A hand-labelled sentence counts handWeight times (copies: the solver takes no sample weights).
  for (const e of train)
    for (let c = 0; c < (e.hand ? handWeight : 1); c++) {
      b.addRow(e.cols, e.vals);
      y.push(String(e.label));
    }
  const lr = new SparseLogisticRegression({ l2, maxIter: 300 });
  lr.fit(b.build(), y);
  // classes are sorted [0, 1]: the one binary model scores class 1 (chrome).
  return { intercept: lr.intercept[0]!, weights: lr.coef[0]! };
}

export function fitChromeModel(
  train: readonly Example[], l2: number, handWeight: number, trained: Record<string, unknown>,
): { file: ChromeModelFile; crossValidation: Scores } {
  // Out-of-fold scores: each fold's outlets scored by a model fitted on the other folds' outlets.
  const oof: { e: Example; p: number }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const m = fitWeights(train.filter((e) => foldOf(e.outlet) !== k), l2, handWeight);
    for (const e of train) if (foldOf(e.outlet) === k) oof.push({ e, p: probability(m, e) });
  }
  const hand = oof.filter((o) => o.e.hand);
  const at = (rows: typeof oof, t: number): Scores => scoreRows(rows.map((o) => ({ label: o.e.label, yes: o.p >= t })));
  let threshold = THRESHOLDS[THRESHOLDS.length - 1]!;
  for (const t of THRESHOLDS) if (at(hand, t).precision >= MIN_PRECISION) { threshold = t; break; }
  const model = fitWeights(train, l2, handWeight);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const crossValidation = at(hand, threshold);
  return {
    file: {
      format: CHROME_MODEL_FORMAT, features: [...DENSE_FEATURES], buckets: HASH_BUCKETS, threshold,
      intercept: round(model.intercept), weights: [...model.weights].map(round),
      trained: { ...trained, l2, hand_weight: handWeight, folds: FOLDS, cross_validation_hand: crossValidation, cross_validation_weak: at(oof.filter((o) => !o.e.hand), threshold) },
    },
    crossValidation,
  };
}

function probability(model: { intercept: number; weights: Float64Array }, e: Example): number {
  let z = model.intercept;
  for (let i = 0; i < e.cols.length; i++) z += model.weights[e.cols[i]!]! * e.vals[i]!;
  return 1 / (1 + Math.exp(-z));
}

function scoreRows(rows: readonly { label: 0 | 1; yes: boolean }[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    if (r.yes && r.label) tp++;
    else if (r.yes) fp++;
    else if (r.label) fn++;
  }
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return { precision: r4(tp + fp ? tp / (tp + fp) : 1), recall: r4(tp + fn ? tp / (tp + fn) : 1), positives: tp + fn, examples: rows.length };
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
