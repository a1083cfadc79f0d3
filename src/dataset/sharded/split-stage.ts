// Stage "split" (1 task): the article-level split of split.ts over the
// sharded build's files. Articles are joined when a record's cluster
// representative lies in another article (the representative is the
// cluster's smallest global position, so its article is the cluster's first,
// as in one pass); components are ordered by the same seeded hash of their
// first article's doc_id and assigned by the same greedy. Memory: typed
// arrays per article (start, union-find parent, 3 stance counts, split,
// order key: ~33 B per article); records are streamed shard by shard.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { STANCES } from "../../schema.ts";
import { UnionFind } from "../union-find.ts";
import { loadClusters, shardRepresentatives } from "./dedup.ts";
import { keptArticles, type Ids } from "./ids.ts";
import type { ShardArticles } from "./process.ts";
import { readJson, readUint8, writeJson, writeTyped } from "./task-dir.ts";

export interface SplitSummary {
  components: number;
  largestComponent: number;
}

const K = STANCES.length;

export async function splitTask(
  processDirs: string[], keyDirs: string[], clusterDir: string, ids: Ids, opts: { seed: number; testRatio: number }, dir: string,
): Promise<void> {
  const A = ids.articles;
  const articleStart = new Int32Array(A + 1);
  let a = 0;
  for (let s = 0; s < processDirs.length; s++) {
    const art = await readJson<ShardArticles>(join(processDirs[s]!, "articles.json"));
    const kept = keptArticles(art, ids.shards[s]!);
    let g = ids.shards[s]!.recordStart;
    art.counts.forEach((n, i) => {
      if (!kept[i]) return;
      articleStart[a++] = g;
      g += n;
    });
  }
  articleStart[A] = ids.records;
  const articleOf = (g: number): number => {
    let lo = 0;
    let hi = A - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (articleStart[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sets = new UnionFind(A);
  for (let i = 0; i < A; i++) sets.add();
  const counts = new Float64Array(A * K);
  const clusters = await loadClusters(clusterDir);
  for (let s = 0; s < processDirs.length; s++) {
    const stance = await readUint8(join(processDirs[s]!, "stance.u8"));
    let cur = ids.shards[s]!.articleStart;
    await shardRepresentatives(processDirs[s]!, keyDirs, ids, s, clusters, (g, rep, _local, raw) => {
      while (articleStart[cur + 1]! <= g) cur++;
      if (rep !== g) sets.union(articleOf(rep), cur);
      counts[cur * K + stance[raw]!]!++;
    });
  }
  // Component sizes per stance, at the root (its smallest article).
  for (let i = 0; i < A; i++) {
    const r = sets.find(i);
    if (r !== i) for (let k = 0; k < K; k++) counts[r * K + k]! += counts[i * K + k]!;
  }
  const rootCount = (() => {
    let n = 0;
    for (let i = 0; i < A; i++) if (sets.find(i) === i) n++;
    return n;
  })();
  const roots = new Int32Array(rootCount);
  const keyHigh = new Uint32Array(A);
  const keyLow = new Uint32Array(A);
  a = 0;
  let r = 0;
  for (let s = 0; s < processDirs.length; s++) {
    const art = await readJson<ShardArticles>(join(processDirs[s]!, "articles.json"));
    const kept = keptArticles(art, ids.shards[s]!);
    art.docIds.forEach((id, i) => {
      if (!kept[i]) return;
      if (sets.find(a) === a) {
        const hex = createHash("sha256").update(`${opts.seed}\u0000${id}`).digest("hex");
        keyHigh[a] = parseInt(hex.slice(0, 8), 16);
        keyLow[a] = parseInt(hex.slice(8, 16), 16);
        roots[r++] = a;
      }
      a++;
    });
  }
  roots.sort((x, y) => keyHigh[x]! - keyHigh[y]! || keyLow[x]! - keyLow[y]! || x - y);

  const totals = new Array<number>(K).fill(0);
  for (const root of roots) for (let k = 0; k < K; k++) totals[k]! += counts[root * K + k]!;
  const n = ids.records;
  const targets = totals.map((t) => t * opts.testRatio);
  const targetAll = n * opts.testRatio;
  const inTest = new Array<number>(K).fill(0);
  let testAll = 0;
  const cost = (root: number): number => {
    let c = 0;
    let all = testAll;
    for (let k = 0; k < K; k++) {
      const v = inTest[k]! + (root >= 0 ? counts[root * K + k]! : 0);
      c += (v - targets[k]!) ** 2;
      if (root >= 0) all += counts[root * K + k]!;
    }
    return c + (all - targetAll) ** 2;
  };
  const split = new Uint8Array(A);
  let largest = 0;
  for (const root of roots) {
    let size = 0;
    for (let k = 0; k < K; k++) size += counts[root * K + k]!;
    largest = Math.max(largest, size);
    if (cost(root) < cost(-1)) {
      split[root] = 1;
      for (let k = 0; k < K; k++) inTest[k]! += counts[root * K + k]!;
      testAll += size;
    }
  }
  for (let i = 0; i < A; i++) split[i] = split[sets.find(i)]!;
  for (let s = 0; s < processDirs.length; s++) {
    const sh = ids.shards[s]!;
    await writeTyped(join(dir, `split-${s}.u8`), split.subarray(sh.articleStart, sh.articleStart + sh.articles));
  }
  await writeJson(join(dir, "split.json"), { components: rootCount, largestComponent: largest } satisfies SplitSummary);
}
