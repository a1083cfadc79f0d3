// Leakage-free train/test assignment (spec section 6).
//
// Records are grouped into connected components of the graph whose nodes are
// articles and whose edges are near-duplicate clusters shared by two articles:
// every sentence of an article, and every near-duplicate of it, lands on the
// same side. Components are visited in a seeded hash order and each goes to
// the side that keeps the test share of every stance closest to the ratio
// (greedy stratification), so test is close to the ratio and its stance
// distribution close to train's.
import { createHash } from "node:crypto";
import { STANCES, type SplitName, type Stance } from "../schema.ts";
import { UnionFind } from "./union-find.ts";

export interface SplitInput {
  /** Article index of each record (0-based, in input order). */
  recordArticle: Int32Array;
  /** Near-duplicate cluster id of each record. */
  recordCluster: Int32Array;
  /** Stance of each record, as an index into STANCES. */
  recordStance: Uint8Array;
  /** doc_id of each article index: the component's sort key is its first article's doc_id. */
  articleDocIds: readonly string[];
}

export interface SplitOptions {
  seed: number;
  testRatio: number;
}

export interface SplitResult {
  /** 0 = train, 1 = test, per record. */
  recordSplit: Uint8Array;
  components: number;
  largestComponent: number;
}

export const STANCE_INDEX: Record<Stance, number> = { support: 0, oppose: 1, neutral: 2 };
export const SPLIT_NAMES: readonly SplitName[] = ["train", "test"];

function seededOrderKey(seed: number, key: string): string {
  return createHash("sha256").update(`${seed}\u0000${key}`).digest("hex").slice(0, 16);
}

export function assignSplits(input: SplitInput, opts: SplitOptions): SplitResult {
  const n = input.recordArticle.length;
  const articles = new UnionFind(input.articleDocIds.length);
  for (let a = 0; a < input.articleDocIds.length; a++) articles.add();
  const clusterArticle = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const art = input.recordArticle[i]!;
    const cl = input.recordCluster[i]!;
    const first = clusterArticle.get(cl);
    if (first === undefined) clusterArticle.set(cl, art);
    else articles.union(first, art);
  }

  // Per component (keyed by its root article = its first article): size per stance.
  const componentCounts = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = articles.find(input.recordArticle[i]!);
    let counts = componentCounts.get(root);
    if (!counts) componentCounts.set(root, (counts = new Array<number>(STANCES.length).fill(0)));
    counts[input.recordStance[i]!]!++;
  }
  const order = [...componentCounts.keys()]
    .map((root) => ({ root, key: seededOrderKey(opts.seed, input.articleDocIds[root]!) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.root - y.root));

  const totals = new Array<number>(STANCES.length).fill(0);
  for (const counts of componentCounts.values()) counts.forEach((c, s) => (totals[s]! += c));
  const targets = totals.map((t) => t * opts.testRatio);
  const targetAll = n * opts.testRatio;
  const inTest = new Array<number>(STANCES.length).fill(0);
  let testAll = 0;
  const testRoots = new Set<number>();
  let largest = 0;

  const cost = (add: number[] | null): number => {
    let c = 0;
    let all = testAll;
    for (let s = 0; s < STANCES.length; s++) {
      const v = inTest[s]! + (add ? add[s]! : 0);
      c += (v - targets[s]!) ** 2;
      if (add) all += add[s]!;
    }
    return c + (all - targetAll) ** 2;
  };

  for (const { root } of order) {
    const counts = componentCounts.get(root)!;
    const size = counts.reduce((a, b) => a + b, 0);
    largest = Math.max(largest, size);
    if (cost(counts) < cost(null)) {
      testRoots.add(root);
      counts.forEach((c, s) => (inTest[s]! += c));
      testAll += size;
    }
  }

  const recordSplit = new Uint8Array(n);
  for (let i = 0; i < n; i++) recordSplit[i] = testRoots.has(articles.find(input.recordArticle[i]!)) ? 1 : 0;
  return { recordSplit, components: componentCounts.size, largestComponent: largest };
}
