// Stage "process" (one task per shard): extract → label → record lines →
// near-duplicate hashes for the documents of one shard, the per-document work
// of build.ts in one process (the tasks themselves run in parallel). Writes:
//   spool.jsonl          the record lines (without dup_group and split)
//   keys.f64, stance.u8, stat.i32   per record: exact key, stance, label summary id
//   articles.json        doc_id and record count of each candidate article
//                        (articles whose doc_id repeats one earlier in this
//                        shard are dropped here; ones repeating an earlier
//                        shard's are found by the ids stage)
//   h-keys-P.f64, h-count-P.u32, h-shingles-P.u32, h-bands-P.u32
//                        shingles and LSH bands of each distinct key of the
//                        shard (its first occurrence, dropped articles too),
//                        one set per key partition P (dedup.ts keyPart), so
//                        a keys task reads its partition's only
//   partial.json         sums for the card (corpus stats too), chrome.jsonl, network.csv, network-outlets.csv,
//                        labeller report, skipped.jsonl (in input order)
// `drop` (local candidate article indexes) reruns the shard without the
// articles the ids stage found to repeat an earlier shard's doc_id.
import { join } from "node:path";
import type { InputDocument, ReadOptions, SkippedInput } from "../../extract/index.ts";
import { resolveCleaning } from "../../extract/cleaning.ts";
import type { NetworkPeriod } from "../../extract/dates.ts";
import type { Prepass } from "../build.ts";
import { CorpusStats, type CorpusPartial } from "../corpus-stats.ts";
import { ChromeAudit } from "../chrome-audit.ts";
import type { SourceCounts } from "../collect.ts";
import { LabelStage, wantedIndex, type LabelPartial, type LabelStageOptions } from "../label-stage.ts";
import { LSH_BANDS } from "../near-duplicates.ts";
import { NetworkTally, type NetworkPartial } from "../network.ts";
import { TempFile } from "../output.ts";
import { STANCE_INDEX } from "../split.ts";
import { KeyIntMap } from "../u32-map.ts";
import { keyPart } from "./dedup.ts";
import { processBatch, type BatchResult, type WorkContext } from "../work.ts";
import { RecordStats } from "../write-splits.ts";
import { DocIdSet } from "./doc-ids.ts";
import { shardItems, type ShardRange } from "./plan.ts";
import { growFloat64, growInt32, growUint32, growUint8, writeJson, writeTyped } from "./task-dir.ts";

export interface ShardPartial {
  documents: number;
  duplicateSentences: number;
  chrome: Record<string, number>;
  chromeAudit: ReturnType<ChromeAudit["partial"]>;
  network: NetworkPartial;
  corpus: CorpusPartial;
  sources: [string, SourceCounts][];
  skipped: SkippedInput[];
  labels: LabelPartial;
}

export interface ShardArticles {
  docIds: string[];
  counts: number[];
}

const BATCH_CHARS = 128 * 1024;
const BATCH_DOCS = 64;

export interface ProcessOptions extends LabelStageOptions {
  inputs: string[];
  read: ReadOptions;
  /** The boilerplate stage's decisions over all shards (build.ts runPrepass). */
  prepass: Prepass;
  networkPeriod?: NetworkPeriod;
  /** Key partitions of the keys stage (= shards); the hashes are written per partition. */
  keyParts?: number;
}

export async function processShard(opts: ProcessOptions, range: ShardRange, dir: string, drop: ReadonlySet<number> = new Set()): Promise<void> {
  const labeller = await LabelStage.create(opts, opts.prepass.defaultTopics);
  const cleaning = opts.prepass.cleaning;
  resolveCleaning(cleaning);
  const ctx: WorkContext = { lex: labeller.lex, pipeline: labeller.pipeline, wanted: wantedIndex(labeller.wanted), sentKeys: new KeyIntMap(), cleaning };

  const spool = new TempFile(join(dir, "spool.jsonl"), "");
  const keys = growFloat64();
  const stance = growUint8();
  const stat = growInt32();
  const stats = new RecordStats();
  const network = new NetworkTally(opts.networkPeriod ?? "month");
  const corpus = new CorpusStats();
  const chromeAudit = new ChromeAudit();
  const chrome: Record<string, number> = {};
  const sources = new Map<string, SourceCounts>();
  const skipped: SkippedInput[] = [];
  const articles: ShardArticles = { docIds: [], counts: [] };
  const seen = new DocIdSet();
  const parts = opts.keyParts ?? 1;
  const hashes = Array.from({ length: parts }, () => ({ keys: growFloat64(), count: growUint32(), shingles: growUint32(), bands: growUint32() }));
  let documents = 0;
  let duplicateSentences = 0;
  let candidate = 0;

  const take = async (items: readonly (InputDocument | SkippedInput)[], result: BatchResult): Promise<void> => {
    const h = result.hashes;
    for (let s = 0; s < h.keys.length; s++) {
      if (h.data[s] === 0) continue;
      const key = h.keys[s]!;
      const out = hashes[keyPart(key, parts)]!;
      out.keys.push(key);
      const from = h.shingleStarts[s]!;
      const to = h.shingleStarts[s + 1]!;
      out.count.push(to - from);
      for (let k = from; k < to; k++) out.shingles.push(h.shingles[k]!);
      if (h.data[s] === 2) for (let b = 0; b < LSH_BANDS; b++) out.bands.push(h.bands[s * LSH_BANDS + b]!);
    }
    const lines: string[] = [];
    let d = 0;
    let s = 0; // sentence index in the batch's hashes
    for (const item of items) {
      if ("reason" in item) {
        skipped.push(item);
        continue;
      }
      const doc = result.docs[d++]!;
      documents++;
      corpus.addDocument(item.source);
      for (const [k, v] of Object.entries(doc.chrome)) chrome[k] = (chrome[k] ?? 0) + v;
      chromeAudit.add(item.location, doc.dropped);
      duplicateSentences += doc.duplicateSentences;
      const sourceKey = item.path.replace(/:[^:/]*$/, "");
      const src = sources.get(sourceKey) ?? { documents: 0, articles: 0, sentences: 0 };
      sources.set(sourceKey, src);
      src.documents++;
      for (const article of doc.articles) {
        // A repeat within the shard is no candidate; a candidate in `drop` repeats an earlier shard's doc_id.
        if (!seen.add(article.docId) || drop.has(candidate++)) {
          skipped.push({ location: item.location, reason: `duplicate doc_id ${JSON.stringify(article.docId)}` });
          s += article.sentences;
          continue;
        }
        articles.docIds.push(article.docId);
        articles.counts.push(article.sentences);
        src.articles++;
        corpus.addArticle(article.outlet, article.published, article.sentences, article.headlines);
        src.sentences += article.sentences;
        const results = article.labelled.results;
        for (let i = 0; i < article.sentences; i++, s++) {
          const labels = results[i]!.labels;
          keys.push(h.keys[s]!);
          stance.push(STANCE_INDEX[labels.stance]);
          stat.push(stats.idOf(labels));
          if (labels.actor) network.add(`${article.docId}#${i}`, article.outlet, article.published, labels);
        }
        labeller.accept(article.sourcePath, article.labelled, article.goldTexts);
        lines.push(article.lines);
      }
    }
    if (lines.length) await spool.write(lines.join(""));
  };

  let items: (InputDocument | SkippedInput)[] = [];
  let docs: InputDocument[] = [];
  let chars = 0;
  const flush = async (): Promise<void> => {
    if (items.length === 0) return;
    await take(items, processBatch(ctx, docs));
    items = [];
    docs = [];
    chars = 0;
  };
  for await (const item of shardItems(opts.inputs, opts.read, range)) {
    items.push(item);
    if (!("reason" in item)) {
      docs.push(item);
      chars += item.text.length;
    }
    if (chars >= BATCH_CHARS || docs.length >= BATCH_DOCS) await flush();
  }
  await flush();
  await spool.close();
  await writeTyped(join(dir, "keys.f64"), keys.view());
  await writeTyped(join(dir, "stance.u8"), stance.view());
  await writeTyped(join(dir, "stat.i32"), stat.view());
  await writeJson(join(dir, "stats.json"), stats.summaries);
  await writeJson(join(dir, "articles.json"), articles);
  for (let p = 0; p < parts; p++) {
    const out = hashes[p]!;
    await writeTyped(join(dir, `h-keys-${p}.f64`), out.keys.view());
    await writeTyped(join(dir, `h-count-${p}.u32`), out.count.view());
    await writeTyped(join(dir, `h-shingles-${p}.u32`), out.shingles.view());
    await writeTyped(join(dir, `h-bands-${p}.u32`), out.bands.view());
  }
  const partial: ShardPartial = {
    documents,
    duplicateSentences,
    chrome,
    chromeAudit: chromeAudit.partial(),
    network: network.partial(),
    corpus: corpus.partial(),
    sources: [...sources.entries()],
    skipped,
    labels: labeller.partial(),
  };
  await writeJson(join(dir, "partial.json"), partial);
}

