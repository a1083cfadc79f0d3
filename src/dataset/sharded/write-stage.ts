// Stages "write" (one task per shard) and "finalize" (1 task). A write task
// gives each of its shard's record lines dup_group (the id of its cluster's
// first record, which may sit in an earlier shard: resolved from the earlier
// shards' article lists, streamed) and split, into its own train/test parts,
// with the split statistics. A shard with articles the ids stage dropped is
// processed again without them first, so its records, sums and skipped list
// are exactly the one-pass build's. finalize concatenates the parts in shard
// order and merges the sums in shard order into the same files as build.ts.
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT_NAMES, type BuildSummary } from "../build.ts";
import type { SplitStats } from "../card.ts";
import { ChromeAudit } from "../chrome-audit.ts";
import type { SourceCounts } from "../collect.ts";
import { LabelStage, type LabelStageOptions } from "../label-stage.ts";
import { NetworkTally } from "../network.ts";
import { CorpusStats } from "../corpus-stats.ts";
import type { NetworkPeriod } from "../../extract/dates.ts";
import type { Prepass } from "../build.ts";
import { OutputSet } from "../output.ts";
import { SPLIT_NAMES } from "../split.ts";
import { STANCES } from "../../schema.ts";
import { writeFinalFiles } from "../final-files.ts";
import { writeSplits } from "../write-splits.ts";
import type { RecordStats } from "../write-splits.ts";
import { findSorted, loadClusters, shardRepresentatives, sortedUnique } from "./dedup.ts";
import { keptArticles, recordIds, type Ids } from "./ids.ts";
import { processShard, type ProcessOptions, type ShardArticles, type ShardPartial } from "./process.ts";
import type { ShardRange } from "./plan.ts";
import type { SplitSummary } from "./split-stage.ts";
import { readInt32, readJson, readUint8, writeJson } from "./task-dir.ts";

export interface StageDirs {
  process: string[];
  keys: string[];
  cluster: string;
  split: string;
  write: string[];
}

export async function writeTask(opts: ProcessOptions, range: ShardRange, dirs: StageDirs, ids: Ids, s: number, dir: string): Promise<void> {
  const sh = ids.shards[s]!;
  let src = dirs.process[s]!;
  if (sh.drop.length > 0) {
    src = join(dir, "redo");
    await mkdir(src);
    await processShard(opts, range, src, new Set(sh.drop));
  }
  const clusters = await loadClusters(dirs.cluster);
  const n = sh.records;
  const reps = new Int32Array(n);
  const recordArticle = new Int32Array(n);
  const articles = await readJson<ShardArticles>(join(dirs.process[s]!, "articles.json"));
  const kept = keptArticles(articles, sh);
  {
    let r = 0;
    let local = 0;
    articles.counts.forEach((c, i) => {
      if (!kept[i]) return;
      recordArticle.fill(local++, r, r + c);
      r += c;
    });
  }
  await shardRepresentatives(dirs.process[s]!, dirs.keys, ids, s, clusters, (_g, rep, local) => (reps[local] = rep));
  const uniq = sortedUnique(reps);
  const literals: Buffer[] = new Array(uniq.length);
  await recordIds(dirs.process, ids, uniq, (k, id) => (literals[k] = Buffer.from(JSON.stringify(id))));
  const recordSplit = await readUint8(join(dirs.split, `side-${s}.u8`));
  const out = new OutputSet(dir, "part");
  const summaries = await readJson<RecordStats["summaries"]>(join(src, "stats.json"));
  const stats = await writeSplits(out, {
    spoolPath: join(src, "spool.jsonl"),
    recordDupGroup: (i) => literals[findSorted(uniq, reps[i]!)]!,
    recordSplit,
    recordArticle,
    recordStat: await readInt32(join(src, "stat.i32")),
    stats: { summaries } as RecordStats,
  });
  await out.commit();
  await writeJson(join(dir, "split-stats.json"), stats);
  await copyFile(join(src, "partial.json"), join(dir, "partial.json"));
  if (src !== dirs.process[s]) await rm(src, { recursive: true, force: true });
}

export interface FinalizeOptions {
  out: string;
  seed: number;
  testRatio: number;
  command: string;
  labels: LabelStageOptions;
  prepass: Prepass;
  networkPeriod: NetworkPeriod;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export async function finalizeTask(opts: FinalizeOptions, dirs: StageDirs, ids: Ids, clusterDir: string): Promise<BuildSummary> {
  const out = new OutputSet(opts.out, String(process.pid));
  await out.checkWritable();
  await out.removeStale(OUTPUT_NAMES);
  try {
    for (const name of SPLIT_NAMES) {
      const f = out.open(`${name}.jsonl`);
      for (const wd of dirs.write)
        for await (const chunk of createReadStream(join(wd, `${name}.jsonl`), { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) await f.write(chunk);
      await f.close();
    }
    const labeller = await LabelStage.create(opts.labels, opts.prepass.defaultTopics);
    const chromeAudit = new ChromeAudit();
    const network = new NetworkTally(opts.networkPeriod);
    const corpus = new CorpusStats();
    const chrome: Record<string, number> = {};
    const sources = new Map<string, SourceCounts>();
    const skipped: ShardPartial["skipped"] = [];
    let documents = 0;
    let duplicateSentences = 0;
    const stats: Record<string, SplitStats> = Object.fromEntries(
      SPLIT_NAMES.map((s) => [s, { records: 0, articles: 0, stance: {}, target: {}, hedgeType: {}, hedged: 0, attributed: 0 }]),
    );
    for (const wd of dirs.write) {
      const p = JSON.parse(await readFile(join(wd, "partial.json"), "utf8")) as ShardPartial;
      documents += p.documents;
      duplicateSentences += p.duplicateSentences;
      addCounts(chrome, p.chrome);
      chromeAudit.absorb(p.chromeAudit);
      network.absorb(p.network);
      corpus.absorb(p.corpus);
      for (const [k, v] of p.sources) {
        const mine = sources.get(k);
        if (!mine) sources.set(k, { ...v });
        else for (const f of ["documents", "articles", "sentences"] as const) mine[f] += v[f];
      }
      skipped.push(...p.skipped);
      labeller.absorb(p.labels);
      const st = await readJson<Record<string, SplitStats>>(join(wd, "split-stats.json"));
      for (const side of SPLIT_NAMES) {
        const a = stats[side]!;
        const b = st[side]!;
        a.records += b.records;
        a.articles += b.articles;
        a.hedged += b.hedged;
        a.attributed += b.attributed;
        addCounts(a.stance, b.stance);
        addCounts(a.target, b.target);
        addCounts(a.hedgeType, b.hedgeType);
      }
    }
    for (const s of STANCES) for (const side of SPLIT_NAMES) stats[side]!.stance[s] ??= 0;
    const split = await readJson<SplitSummary>(join(dirs.split, "split.json"));
    const { nearDuplicateClusters } = await readJson<{ nearDuplicateClusters: number }>(join(clusterDir, "cluster.json"));
    const summary = await writeFinalFiles(out, {
      command: opts.command,
      seed: opts.seed,
      testRatio: opts.testRatio,
      documents,
      articles: ids.articles,
      records: ids.records,
      chrome,
      chromeAudit,
      network,
      skipped,
      sources,
      labeller,
      duplicateSentences,
      nearDuplicateClusters,
      split,
      stats,
      networkPeriod: opts.networkPeriod,
      corpus,
      topicList: opts.prepass.topicList,
      suggested: null, // --suggest-topics is refused with --shards (src/cli/build-dataset.ts)
    });
    await out.commit();
    return summary;
  } catch (e) {
    await out.abort();
    throw e;
  }
}
