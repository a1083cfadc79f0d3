// Stage "split" (1 task): the article-level split of split.ts over the
// sharded build's files. Articles are joined when a record's cluster
// representative lies in another article (the representative is the
// cluster's smallest global position, so its article is the cluster's first,
// as in one pass); components are ordered by the same seeded hash of their
// first article's doc_id and assigned by the same greedy. Memory: typed
// arrays per article (start, union-find parent, 3 stance counts, split,
// order key: ~33 B per article); records are streamed shard by shard.
import { join } from "node:path";
import { ArticleSplitter, type SplitSummary } from "../split.ts";
import { loadClusters, shardRepresentatives } from "./dedup.ts";
import { keptArticles, recordIds, type Ids } from "./ids.ts";
import type { ShardArticles } from "./process.ts";
import { readJson, readUint8, writeJson, writeTyped } from "./task-dir.ts";

export type { SplitSummary };

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
  const splitter = new ArticleSplitter(A, ids.records, opts, articleOf);
  const clusters = await loadClusters(clusterDir);
  /** Every kept record in order: (g, article, rep, stance). */
  const records = async (visit: (g: number, article: number, rep: number, stance: number, s: number, local: number) => void) => {
    for (let s = 0; s < processDirs.length; s++) {
      const stance = await readUint8(join(processDirs[s]!, "stance.u8"));
      let cur = ids.shards[s]!.articleStart;
      await shardRepresentatives(processDirs[s]!, keyDirs, ids, s, clusters, (g, rep, local, raw) => {
        while (articleStart[cur + 1]! <= g) cur++;
        visit(g, cur, rep, stance[raw]!, s, local);
      });
    }
  };
  await records((g, article, rep, stance) => splitter.record(g, article, rep, stance));
  splitter.rootArticles();
  a = 0;
  for (let s = 0; s < processDirs.length; s++) {
    const art = await readJson<ShardArticles>(join(processDirs[s]!, "articles.json"));
    const kept = keptArticles(art, ids.shards[s]!);
    art.docIds.forEach((id, i) => {
      if (!kept[i]) return;
      if (splitter.isRoot(a)) splitter.setRootDocId(a, id);
      a++;
    });
  }
  if (splitter.assign()) {
    await records((g, article, rep, stance) => splitter.giantRecord(g, article, rep, stance));
    await recordIds(processDirs, ids, splitter.giantClusters(), (c, id) => splitter.setClusterId(c, id));
    splitter.assignGiant();
  }
  // The side of every record, per shard (what the write tasks read).
  const sides = ids.shards.map((sh) => new Uint8Array(sh.records));
  await records((_g, article, rep, _stance, s, local) => {
    const side = splitter.sideOf(article, rep);
    sides[s]![local] = side;
    splitter.countMixed(article, side);
  });
  for (let s = 0; s < sides.length; s++) await writeTyped(join(dir, `side-${s}.u8`), sides[s]!);
  await writeJson(join(dir, "split.json"), splitter.result());
}
