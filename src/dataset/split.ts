// Leakage-free train/test assignment (spec section 6).
//
// Records are grouped into connected components of the graph whose nodes are
// articles and whose edges are near-duplicate clusters shared by two articles:
// every sentence of an article, and every near-duplicate of it, lands on the
// same side. Components are visited in a seeded hash order and each goes to
// the side that keeps the test share of every stance closest to the ratio
// (greedy stratification), so test is close to the ratio and its stance
// distribution close to train's.
//
// A giant component (wire copy, syndication, recombined text: every article
// linked to every other through shared sentences) leaves nothing to balance:
// the one-process build of the 100k-article stress corpus had test = 0. When
// the largest component holds more than GIANT_SHARE of the records, links at
// least GIANT_MIN_ARTICLES articles, and the article-level split misses the
// ratio by more than RATIO_TOLERANCE, that
// component is split by near-duplicate cluster instead (each cluster one
// unit, in the same seeded order and greedy): no near-duplicate is on both
// sides still, but an article of that component may have sentences on both
// sides. The card and the summary say so and count them.
//
// Everything per article, component or cluster is in typed arrays (no JS Map
// or Set: V8 caps those at 2^24 entries): ~33 B per article, plus 4 B per
// cluster of a giant component. The one-process build (build.ts) and the
// sharded split stage (sharded/split-stage.ts) drive the same ArticleSplitter.
import { createHash } from "node:crypto";
import { STANCES, type SplitName, type Stance } from "../schema.ts";
import { findSorted } from "./u32-map.ts";
import { UnionFind } from "./union-find.ts";

export interface SplitInput {
  /** Article index of each record (0-based, in input order). */
  recordArticle: Int32Array;
  /** Near-duplicate cluster id of each record (any non-negative ids below the record count). */
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

/** Set when the giant-component fallback ran. */
export interface GiantSplit {
  records: number;
  articles: number;
  /** Articles of the giant component with sentences on both sides. */
  articlesOnBothSides: number;
  /** Its share of all records. */
  share: number;
}

export interface SplitSummary {
  components: number;
  largestComponent: number;
  giant: GiantSplit | null;
}

export interface SplitResult extends SplitSummary {
  /** 0 = train, 1 = test, per record. */
  recordSplit: Uint8Array;
  /** Position of the first record of each record's cluster. */
  recordRep: Int32Array;
}

export const STANCE_INDEX: Record<Stance, number> = { support: 0, oppose: 1, neutral: 2 };
export const SPLIT_NAMES: readonly SplitName[] = ["train", "test"];
/** A component of more than this share of the records decides the split alone (see above). */
export const GIANT_SHARE = 0.5;
/**
 * ...and it links at least this many articles: a group of a few articles is a
 * small corpus, not syndication, and keeps the article guarantee (one long
 * article stays on one side).
 */
export const GIANT_MIN_ARTICLES = 10;
/** The article-level split may miss --test-ratio by this much before a giant component is split by cluster. */
export const RATIO_TOLERANCE = 0.02;

const K = STANCES.length;
/** articleSide value of a giant-component article: each record goes by its cluster. */
const BY_CLUSTER = 2;

/** The seeded order key of a unit (its first article's doc_id, or its first record's id) as two 32-bit halves. */
function orderKey(seed: number, key: string): [number, number] {
  const hex = createHash("sha256").update(`${seed}\u0000${key}`).digest("hex");
  return [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8, 16), 16)];
}

/**
 * The split in steps the caller drives, so the records can be streamed (from
 * memory or from shard files): record() for every record in order, then the
 * doc_id of each root (setRootDocId), assign(); when it asks for the giant
 * component's clusters, giantRecord() for every record again, the id of each
 * giant cluster's first record (setClusterId), assignGiant(). `rep` is the
 * global position of the record's cluster's first record.
 */
export class ArticleSplitter {
  private readonly sets: UnionFind;
  private readonly counts: Float64Array;
  private readonly keyHigh: Uint32Array;
  private readonly keyLow: Uint32Array;
  readonly articleSide: Uint8Array;
  private roots: Int32Array | null = null;
  private giantRoot = -1;
  private largest = 0;
  private giantReps: Int32Array = new Int32Array(0);
  private giantUsed = 0;
  private giantCounts = new Float64Array(0);
  private giantKeyHigh = new Uint32Array(0);
  private giantKeyLow = new Uint32Array(0);
  private giantSide = new Uint8Array(0);
  private giantRecords = 0;
  private articleSeen: Uint8Array | null = null;
  private summary: SplitSummary | null = null;

  constructor(
    readonly articles: number,
    readonly records: number,
    private readonly opts: SplitOptions,
    /** The article holding global position g (records of an article are contiguous). */
    private readonly articleOf: (g: number) => number,
  ) {
    this.sets = new UnionFind(articles);
    for (let a = 0; a < articles; a++) this.sets.add();
    this.counts = new Float64Array(articles * K);
    this.keyHigh = new Uint32Array(articles);
    this.keyLow = new Uint32Array(articles);
    this.articleSide = new Uint8Array(articles);
  }

  record(g: number, article: number, rep: number, stance: number): void {
    if (rep !== g) this.sets.union(this.articleOf(rep), article);
    this.counts[article * K + stance]!++;
  }

  /** The root articles (a component's smallest article), ascending; sums each component's counts at its root. */
  rootArticles(): Int32Array {
    if (this.roots) return this.roots;
    const { sets, counts } = this;
    let n = 0;
    for (let a = 0; a < this.articles; a++) {
      const r = sets.find(a);
      if (r === a) n++;
      else for (let k = 0; k < K; k++) counts[r * K + k]! += counts[a * K + k]!;
    }
    const roots = new Int32Array(n);
    n = 0;
    for (let a = 0; a < this.articles; a++) if (sets.find(a) === a) roots[n++] = a;
    return (this.roots = roots);
  }

  isRoot(a: number): boolean {
    return this.sets.find(a) === a;
  }

  setRootDocId(a: number, docId: string): void {
    [this.keyHigh[a], this.keyLow[a]] = orderKey(this.opts.seed, docId);
  }

  private size(counts: Float64Array, i: number): number {
    let s = 0;
    for (let k = 0; k < K; k++) s += counts[i * K + k]!;
    return s;
  }

  /** The article-level split; true when the giant component must be split by cluster (then giantRecord…). */
  assign(): boolean {
    const roots = Int32Array.from(this.rootArticles());
    const { keyHigh, keyLow, counts } = this;
    roots.sort((x, y) => keyHigh[x]! - keyHigh[y]! || keyLow[x]! - keyLow[y]! || x - y);
    const units = roots.length;
    const side = greedy(units, (u, k) => counts[roots[u]! * K + k]!, this.records, this.opts.testRatio);
    let test = 0;
    for (let u = 0; u < units; u++) {
      const size = this.size(counts, roots[u]!);
      if (size > this.largest) {
        this.largest = size;
        this.giantRoot = roots[u]!;
      }
      this.articleSide[roots[u]!] = side[u]!;
      if (side[u]) test += size;
    }
    let giantArticles = 0;
    for (let a = 0; a < this.articles; a++) if (this.sets.find(a) === this.giantRoot) giantArticles++;
    const giant =
      this.records > 0 &&
      this.largest / this.records > GIANT_SHARE &&
      giantArticles >= GIANT_MIN_ARTICLES &&
      Math.abs(test / this.records - this.opts.testRatio) > RATIO_TOLERANCE;
    for (let a = 0; a < this.articles; a++) {
      const r = this.sets.find(a);
      this.articleSide[a] = giant && r === this.giantRoot ? BY_CLUSTER : this.articleSide[r]!;
    }
    this.summary = { components: units, largestComponent: this.largest, giant: null };
    if (giant) {
      this.giantReps = new Int32Array(1024);
      this.giantCounts = new Float64Array(1024 * K);
      this.articleSeen = new Uint8Array(this.articles);
    }
    return giant;
  }

  /** Second pass (giant component only), every record in order. */
  giantRecord(g: number, article: number, rep: number, stance: number): void {
    if (this.articleSide[article] !== BY_CLUSTER) return;
    this.giantRecords++;
    let c: number;
    if (rep === g) {
      // A cluster's first record comes first: the reps arrive ascending.
      if (this.giantUsed === this.giantReps.length) {
        const reps = new Int32Array(this.giantUsed * 2);
        reps.set(this.giantReps);
        this.giantReps = reps;
        const counts = new Float64Array(this.giantUsed * 2 * K);
        counts.set(this.giantCounts);
        this.giantCounts = counts;
      }
      c = this.giantUsed++;
      this.giantReps[c] = g;
    } else c = this.clusterIndex(rep);
    this.giantCounts[c * K + stance]!++;
  }

  /** The first records of the giant component's clusters (global positions, ascending): setClusterId for each. */
  giantClusters(): Int32Array {
    this.giantReps = this.giantReps.slice(0, this.giantUsed);
    this.giantKeyHigh = new Uint32Array(this.giantUsed);
    this.giantKeyLow = new Uint32Array(this.giantUsed);
    return this.giantReps;
  }

  setClusterId(c: number, recordId: string): void {
    [this.giantKeyHigh[c], this.giantKeyLow[c]] = orderKey(this.opts.seed, recordId);
  }

  /** Splits the giant component by cluster: its clusters and the other components, in one seeded order. */
  assignGiant(): void {
    const roots = this.rootArticles();
    const others = roots.filter((r) => r !== this.giantRoot);
    const clusters = this.giantUsed;
    // Units 0..others-1: components; the rest: clusters of the giant component.
    const n = others.length + clusters;
    const hi = (u: number) => (u < others.length ? this.keyHigh[others[u]!]! : this.giantKeyHigh[u - others.length]!);
    const lo = (u: number) => (u < others.length ? this.keyLow[others[u]!]! : this.giantKeyLow[u - others.length]!);
    const order = Int32Array.from({ length: n }, (_, u) => u);
    order.sort((x, y) => hi(x) - hi(y) || lo(x) - lo(y) || x - y);
    const count = (i: number, k: number) => {
      const u = order[i]!;
      return u < others.length ? this.counts[others[u]! * K + k]! : this.giantCounts[(u - others.length) * K + k]!;
    };
    const side = greedy(n, count, this.records, this.opts.testRatio);
    this.giantSide = new Uint8Array(clusters);
    for (let i = 0; i < n; i++) {
      const u = order[i]!;
      if (u < others.length) this.articleSide[others[u]!] = side[i]!;
      else this.giantSide[u - others.length] = side[i]!;
    }
    for (let a = 0; a < this.articles; a++) {
      const s = this.articleSide[a]!;
      if (s !== BY_CLUSTER) this.articleSide[a] = this.articleSide[this.sets.find(a)]!;
    }
    this.summary!.giant = { records: this.giantRecords, articles: 0, articlesOnBothSides: 0, share: this.giantRecords / this.records };
  }

  /** The side of a record (after assign, and assignGiant when asked). */
  sideOf(article: number, rep: number): number {
    const s = this.articleSide[article]!;
    return s === BY_CLUSTER ? this.giantSide[this.clusterIndex(rep)]! : s;
  }

  /** Counts the giant component's articles with sentences on both sides; call with every record in order (giant only). */
  countMixed(article: number, side: number): void {
    if (this.articleSide[article] !== BY_CLUSTER) return;
    const seen = this.articleSeen!;
    const giant = this.summary!.giant!;
    const was = seen[article]!;
    if (was === 0) giant.articles++;
    const bit = side ? 2 : 1;
    if ((was | bit) === 3 && was !== 3) giant.articlesOnBothSides++;
    seen[article] = was | bit;
  }

  result(): SplitSummary {
    return this.summary!;
  }

  private clusterIndex(rep: number): number {
    const c = findSorted(this.giantReps.subarray(0, this.giantUsed), rep);
    if (c < 0) throw new Error(`cluster ${rep} of the giant component not found`);
    return c;
  }
}

/**
 * The greedy stratification: units in order, each to test when that brings
 * the test count of every stance and of all records closer to the ratio.
 */
function greedy(units: number, count: (u: number, k: number) => number, records: number, testRatio: number): Uint8Array {
  const totals = new Array<number>(K).fill(0);
  for (let u = 0; u < units; u++) for (let k = 0; k < K; k++) totals[k]! += count(u, k);
  const targets = totals.map((t) => t * testRatio);
  const targetAll = records * testRatio;
  const inTest = new Array<number>(K).fill(0);
  let testAll = 0;
  const add = new Array<number>(K).fill(0);
  const cost = (withAdd: boolean): number => {
    let c = 0;
    let all = testAll;
    for (let k = 0; k < K; k++) {
      const v = inTest[k]! + (withAdd ? add[k]! : 0);
      c += (v - targets[k]!) ** 2;
      if (withAdd) all += add[k]!;
    }
    return c + (all - targetAll) ** 2;
  };
  const side = new Uint8Array(units);
  for (let u = 0; u < units; u++) {
    let size = 0;
    for (let k = 0; k < K; k++) size += add[k] = count(u, k);
    if (cost(true) < cost(false)) {
      side[u] = 1;
      for (let k = 0; k < K; k++) inTest[k]! += add[k]!;
      testAll += size;
    }
  }
  return side;
}

/** The split of records held in memory (the one-process build and tests). */
export function assignSplits(input: SplitInput, opts: SplitOptions): SplitResult {
  const n = input.recordArticle.length;
  const A = input.articleDocIds.length;
  // First record of each cluster id (its representative) and of each article.
  let maxCluster = -1;
  for (let i = 0; i < n; i++) if (input.recordCluster[i]! > maxCluster) maxCluster = input.recordCluster[i]!;
  const clusterFirst = new Int32Array(maxCluster + 1).fill(-1);
  const rep = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = input.recordCluster[i]!;
    if (clusterFirst[c]! < 0) clusterFirst[c] = i;
    rep[i] = clusterFirst[c]!;
  }
  const articleStart = new Int32Array(A).fill(-1);
  for (let i = n - 1; i >= 0; i--) articleStart[input.recordArticle[i]!] = i;
  const splitter = new ArticleSplitter(A, n, opts, (g) => input.recordArticle[g]!);
  for (let i = 0; i < n; i++) splitter.record(i, input.recordArticle[i]!, rep[i]!, input.recordStance[i]!);
  for (const a of splitter.rootArticles()) splitter.setRootDocId(a, input.articleDocIds[a]!);
  if (splitter.assign()) {
    for (let i = 0; i < n; i++) splitter.giantRecord(i, input.recordArticle[i]!, rep[i]!, input.recordStance[i]!);
    const reps = splitter.giantClusters();
    for (let c = 0; c < reps.length; c++) {
      const g = reps[c]!;
      const a = input.recordArticle[g]!;
      splitter.setClusterId(c, `${input.articleDocIds[a]}#${g - articleStart[a]!}`);
    }
    splitter.assignGiant();
  }
  const recordSplit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    recordSplit[i] = splitter.sideOf(input.recordArticle[i]!, rep[i]!);
    splitter.countMixed(input.recordArticle[i]!, recordSplit[i]!);
  }
  return { recordSplit, recordRep: rep, ...splitter.result() };
}
