// The segment model: a logistic regression over sentenceFeatures (features.ts)
// that scores how likely a sentence is page chrome, trained by
// `npm run train-chrome` (src/cli/train-chrome.ts) and stored as data in
// data/models/chrome-classifier.json. The clean step drops a sentence the
// lexicon kept when its score reaches the file's threshold and it neither
// quotes nor attributes (a claim is never dropped on a guess); the drop is
// audited in chrome.jsonl with category `model` and the score.
// `--keep-chrome model` turns it off.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InputError } from "../../errors.ts";
import { DENSE_FEATURES, FEATURE_COUNT, HASH_BUCKETS } from "./features.ts";

export const DEFAULT_CHROME_MODEL = fileURLToPath(new URL("../../../data/models/chrome-classifier.json", import.meta.url));
export const CHROME_MODEL_FORMAT = "claimstance-chrome-logreg-2";

export interface ChromeModelFile {
  format: string;
  features: string[];
  buckets: number;
  /** Probability at or above which a sentence is dropped. */
  threshold: number;
  intercept: number;
  weights: number[];
  trained: Record<string, unknown>;
}

export interface ChromeModel {
  threshold: number;
  intercept: number;
  weights: Float64Array;
}

const cache = new Map<string, ChromeModel | null>();

/** The model file's weights, or null when the file does not exist (a project without a trained model cleans without it). */
export function loadChromeModel(file = DEFAULT_CHROME_MODEL): ChromeModel | null {
  if (cache.has(file)) return cache.get(file)!;
  let model: ChromeModel | null = null;
  if (existsSync(file)) {
    const m = JSON.parse(readFileSync(file, "utf8")) as ChromeModelFile;
    if (m.format !== CHROME_MODEL_FORMAT || m.buckets !== HASH_BUCKETS || m.weights.length !== FEATURE_COUNT || m.features.join() !== DENSE_FEATURES.join())
      throw new InputError(`${file}: not a chrome model of this version (format ${JSON.stringify(m.format)}); rerun npm run train-chrome`);
    model = { threshold: m.threshold, intercept: m.intercept, weights: Float64Array.from(m.weights) };
  }
  cache.set(file, model);
  return model;
}

/** P(chrome) of a feature vector. */
export function chromeScore(model: ChromeModel, f: { cols: number[]; vals: number[] }): number {
  let z = model.intercept;
  for (let i = 0; i < f.cols.length; i++) z += model.weights[f.cols[i]!]! * f.vals[i]!;
  return 1 / (1 + Math.exp(-z));
}
