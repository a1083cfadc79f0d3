// Bag-of-n-grams features: lower-cased word unigrams and bigrams of
// `words()` (wink-tokenizer), binary presence values, vocabulary learnt from
// the training split only. A term's count is its document frequency (the
// number of training sentences that contain it); terms seen in fewer than
// `minCount` sentences are dropped, and at most `maxFeatures` are kept,
// ranked by count (descending) then by the term itself (code-unit order, so
// no locale enters). Column j is the j-th term of that ranking.
import { CsrBuilder, type CsrMatrix } from "./csr.ts";

export interface VectorizerOptions {
  /** Minimum document frequency in train (default 2). */
  minCount?: number;
  /** Vocabulary cap (default 50,000). */
  maxFeatures?: number;
}

export const DEFAULT_MIN_COUNT = 2;
export const DEFAULT_MAX_FEATURES = 50_000;

/** Distinct unigrams and bigrams ("w1 w2") of a token list, in first-occurrence order (unigrams first). */
export function ngrams(words: readonly string[]): string[] {
  const seen = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) seen.add(`${words[i]} ${words[i + 1]}`);
  return [...seen];
}

function compareTerms(a: [string, number], b: [string, number]): number {
  if (a[1] !== b[1]) return b[1] - a[1];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** scikit-learn-style vectorizer: fit on train token lists, transform any split to CSR with the train vocabulary. */
export class NgramVectorizer {
  readonly minCount: number;
  readonly maxFeatures: number;
  /** Column → term. */
  vocabulary: string[] = [];
  /** Column → document frequency in the training data. */
  counts: number[] = [];
  /** Distinct n-grams seen in training before min-count and cap. */
  termsSeen = 0;
  private index = new Map<string, number>();

  constructor(opts: VectorizerOptions = {}) {
    this.minCount = opts.minCount ?? DEFAULT_MIN_COUNT;
    this.maxFeatures = opts.maxFeatures ?? DEFAULT_MAX_FEATURES;
    if (!Number.isInteger(this.minCount) || this.minCount < 1) throw new Error("minCount must be an integer ≥ 1");
    if (!Number.isInteger(this.maxFeatures) || this.maxFeatures < 1) throw new Error("maxFeatures must be an integer ≥ 1");
  }

  fit(docs: Iterable<readonly string[]>): this {
    const df = new Map<string, number>();
    for (const words of docs) for (const term of ngrams(words)) df.set(term, (df.get(term) ?? 0) + 1);
    this.termsSeen = df.size;
    const kept: Array<[string, number]> = [];
    for (const entry of df) if (entry[1] >= this.minCount) kept.push(entry);
    kept.sort(compareTerms);
    if (kept.length > this.maxFeatures) kept.length = this.maxFeatures;
    this.vocabulary = kept.map((e) => e[0]);
    this.counts = kept.map((e) => e[1]);
    this.index = new Map(this.vocabulary.map((t, j) => [t, j]));
    return this;
  }

  /** Column of `term`, or undefined when it is not in the vocabulary. */
  column(term: string): number | undefined {
    return this.index.get(term);
  }

  /** One CSR row per token list: 1 where the row contains the column's n-gram; unseen n-grams are ignored. */
  transform(docs: Iterable<readonly string[]>): CsrMatrix {
    const b = new CsrBuilder(this.vocabulary.length);
    for (const words of docs) {
      const cols: number[] = [];
      for (const term of ngrams(words)) {
        const j = this.index.get(term);
        if (j !== undefined) cols.push(j);
      }
      b.addRow(cols);
    }
    return b.build();
  }
}
