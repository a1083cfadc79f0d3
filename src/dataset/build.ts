// The build-dataset pipeline: read → clean → segment → label → cluster →
// split → write. The per-document work (extract, label, validate, hash) runs
// in worker processes when opts.workers > 0, else in-process: the same code,
// and its results are consumed in input order either way (collect.ts), so the
// outputs are byte-identical whatever the number of workers. Records are
// spooled to a temporary file as they are made, so memory holds only a few
// integers per record, not the records themselves; the split needs every
// record's cluster, so a second pass over the spool writes train/test once
// the clusters are final (write-splits.ts).
import { unlink } from "node:fs/promises";
import { readInputs, type InputDocument, type ReadOptions, type SkippedInput } from "../extract/index.ts";
import type { CleaningOptions, CleaningSpec } from "../extract/cleaning.ts";
import { prepareCleaning } from "./boilerplate.ts";
import { InputError } from "../errors.ts";
import { addChildPeakRss } from "../rss.ts";
import { Collector } from "./collect.ts";
import { LabelStage, wantedIndex, type LabelStageOptions } from "./label-stage.ts";
import { OutputSet } from "./output.ts";
import { WorkerPool } from "./pool.ts";
import { assignSplits, type GiantSplit } from "./split.ts";
import { KeyIntMap } from "./u32-map.ts";
import { processBatch, type BatchResult, type WorkContext } from "./work.ts";
import { writeFinalFiles } from "./final-files.ts";
import { idLiteral, writeSplits } from "./write-splits.ts";
import { anchorMatcher, TopicFit, TOPIC_FIT_SHARE, type DefaultTopics } from "./topic-fit.ts";
import type { NetworkPeriod } from "../extract/dates.ts";
import { TargetMiner } from "../label/analysis/suggest.ts";

export interface BuildOptions extends LabelStageOptions {
  inputs: string[];
  out: string;
  seed: number;
  testRatio: number;
  read: ReadOptions;
  /** The command line as the card shows it. */
  command: string;
  /** Worker processes for the per-document work (pool.ts); 0 or undefined = in-process. Never changes the outputs. */
  workers?: number;
  /** Boilerplate threshold and kept chrome categories (the chrome lexicon comes from `lexicons`). */
  cleaning?: Omit<CleaningOptions, "lexicons">;
  /** Period of network.csv rows (default month). */
  networkPeriod?: NetworkPeriod;
  /** Whether the lexicon's default topic list counts: auto (default) = when the corpus is about its story (topic-fit.ts). */
  defaultTopics?: DefaultTopics;
  /** Write topics.draft.csv with this many topics suggested for the corpus (suggest.ts); 0/undefined = none. */
  suggestTopics?: number;
  /** Called after each batch is taken and once when reading ends (for src/cli/progress.ts); never changes the outputs. */
  onProgress?: (p: BuildProgress) => void;
}

/** Counts so far: documents read, UTF-8 bytes of their decoded texts, records made. */
export interface BuildProgress {
  phase: "read" | "write";
  documents: number;
  bytes: number;
  records: number;
}

export interface BuildSummary {
  documents: number;
  articles: number;
  sentences: number;
  chromeDropped: number;
  /** Chrome pieces dropped by category (chrome.jsonl lists each distinct piece). */
  chrome: Record<string, number>;
  duplicateSentences: number;
  nearDuplicateClusters: number;
  skipped: number;
  /** The first skipped inputs (location and reason), for the summary; skipped.jsonl has them all. */
  skippedFirst: { location: string; reason: string }[];
  records: Record<string, number>;
  /** Set when a giant component was split by near-duplicate cluster (split.ts). */
  giant: GiantSplit | null;
  labellerHeadline: string[];
  /** Was a gold set scored in the labeller report? */
  goldScored: boolean;
  /** The topic list used, as the card names it. */
  topicList: string;
  /** topics.draft.csv: the topics written, or null when not asked for. */
  suggestedTopics: number | null;
}

/** Every file a build writes in --out (under a temporary name first). */
export const OUTPUT_NAMES = [
  "train.jsonl", "test.jsonl", "network.csv", "network-outlets.csv", "topics.draft.csv", "claim-record.schema.json", "skipped.jsonl", "labeller-report.json", "labeller-report.md",
  "dataset-card.md", "chrome.jsonl", "records.spool",
];
/** A batch closes at this many characters of text or documents. */
const BATCH_CHARS = 128 * 1024;
const BATCH_DOCS = 64;

type Item = InputDocument | SkippedInput;
interface Job {
  items: Item[];
  promise?: Promise<BatchResult>;
  result?: BatchResult;
}

export async function buildDataset(opts: BuildOptions): Promise<BuildSummary> {
  const out = new OutputSet(opts.out, String(process.pid));
  await out.checkWritable();
  await out.removeStale(OUTPUT_NAMES);
  const workers = opts.workers ?? 0;
  // Workers start first: their start-up overlaps the main thread's.
  const pool = workers > 0 ? new WorkerPool(workers, { lexicons: opts.lexicons, targets: opts.targets, targetsAdd: opts.targetsAdd, disable: opts.disable }) : null;
  const spool = out.scratch("records.spool");
  try {
    const { cleaning, defaultTopics, topicList } = await runPrepass(opts);
    const labeller = await LabelStage.create(opts, defaultTopics);
    pool?.configure([...labeller.wanted], cleaning, defaultTopics);
    const local: WorkContext = { lex: labeller.lex, pipeline: labeller.pipeline, wanted: wantedIndex(labeller.wanted), sentKeys: new KeyIntMap(), cleaning };
    const miner = opts.suggestTopics ? new TargetMiner() : null;
    const c = new Collector(labeller, spool, opts.networkPeriod ?? "month", miner);
    // Batches in input order, done by the workers (or here, in-process); the
    // results are taken in the same order, at most maxInFlight ahead.
    const inFlight: Job[] = [];
    const maxInFlight = workers * 4;
    let items: Item[] = [];
    let docs: InputDocument[] = [];
    let chars = 0;
    let bytes = 0;
    const progress = opts.onProgress;
    const takeReady = async (): Promise<void> => {
      while (inFlight.length > 0 && (inFlight[0]!.result || inFlight.length >= maxInFlight)) {
        const job = inFlight.shift()!;
        await c.take(job.items, job.result ?? (await job.promise!));
      }
      progress?.({ phase: "read", documents: c.documents, bytes, records: c.records });
    };
    const flush = async (): Promise<void> => {
      if (items.length === 0) return;
      if (pool) {
        const job: Job = { items, promise: pool.run(docs) };
        job.promise!.then((r) => (job.result = r), () => undefined);
        inFlight.push(job);
      } else inFlight.push({ items, result: processBatch(local, docs) });
      items = [];
      docs = [];
      chars = 0;
      await takeReady();
    };
    for await (const item of readInputs(opts.inputs, opts.read)) {
      items.push(item);
      if (!("reason" in item)) {
        docs.push(item);
        chars += item.text.length;
        if (progress) bytes += Buffer.byteLength(item.text);
      }
      if (chars >= BATCH_CHARS || docs.length >= BATCH_DOCS) await flush();
    }
    await flush();
    for (const job of inFlight.splice(0)) await c.take(job.items, job.result ?? (await job.promise!));
    if (pool) addChildPeakRss(await pool.close());
    await spool.close();
    const n = c.records;
    progress?.({ phase: "write", documents: c.documents, bytes, records: n });
    if (n === 0) throw new InputError(`${opts.inputs.join(", ")}: no sentences found in the input`);

    const recordCluster = new Int32Array(n);
    const distinct = c.recordDistinct.view();
    // Records per cluster (clusters are distinct-sentence indexes): typed, not a Map per cluster.
    const clusterSize = new Int32Array(c.nearDups.distinctCount);
    for (let i = 0; i < n; i++) clusterSize[(recordCluster[i] = c.nearDups.clusterOf(distinct[i]!))]!++;
    let nearDuplicateClusters = 0;
    for (const size of clusterSize) if (size > 1) nearDuplicateClusters++;
    const recordArticle = c.recordArticle.view();
    const split = assignSplits(
      { recordArticle, recordCluster, recordStance: Uint8Array.from(c.recordStance.view()), articleDocIds: c.articleDocIds },
      { seed: opts.seed, testRatio: opts.testRatio },
    );
    const articleStart = new Int32Array(c.articleDocIds.length);
    for (let i = n - 1; i >= 0; i--) articleStart[recordArticle[i]!] = i;
    const rep = split.recordRep;

    const stats = await writeSplits(out, {
      spoolPath: spool.tempPath,
      recordDupGroup: (i, buf, start, end) => {
        const g = rep[i]!;
        if (g === i) return idLiteral(buf, start, end);
        const a = recordArticle[g]!;
        return Buffer.from(JSON.stringify(`${c.articleDocIds[a]}#${g - articleStart[a]!}`));
      },
      recordSplit: split.recordSplit,
      recordArticle,
      recordStat: c.recordStat.view(),
      stats: c.stats,
    });
    const summary = await writeFinalFiles(out, {
      command: opts.command,
      seed: opts.seed,
      testRatio: opts.testRatio,
      documents: c.documents,
      articles: c.articleDocIds.length,
      records: n,
      chrome: c.chrome,
      chromeAudit: c.chromeAudit,
      network: c.network,
      skipped: c.skipped,
      sources: c.sources,
      labeller,
      duplicateSentences: c.duplicateSentences,
      nearDuplicateClusters,
      split,
      stats,
      networkPeriod: opts.networkPeriod ?? "month",
      corpus: c.corpus,
      topicList,
      suggested: miner ? miner.draft(opts.suggestTopics!) : null,
    });
    await unlink(spool.tempPath);
    await out.commit();
    return summary;
  } catch (e) {
    pool?.kill();
    await out.abort();
    throw e;
  }
}

/** What the pre-pass decides for the per-document work: the cleaning spec, whether the default topics count, the topic list as the card names it. */
export interface Prepass {
  cleaning: CleaningSpec;
  defaultTopics: boolean;
  topicList: string;
}

export type PrepassOptions = Pick<BuildOptions, "inputs" | "read" | "cleaning" | "lexicons" | "targets" | "targetsAdd" | "defaultTopics">;

/**
 * The pre-pass over every input before the per-document work: boilerplate, per-outlet templates and
 * repeated units (cleaning.ts), and whether the default topic list fits the corpus (topic-fit.ts) unless
 * a --targets file replaces it. One function for the one-process build and the sharded boilerplate stage.
 */
export async function runPrepass(opts: PrepassOptions): Promise<Prepass> {
  const topicMode = opts.defaultTopics ?? "auto";
  const fit = opts.targets === undefined && topicMode === "auto" ? new TopicFit(await anchorMatcher(opts.lexicons)) : null;
  const cleaning = await prepareCleaning(opts.inputs, opts.read, { ...opts.cleaning, lexicons: opts.lexicons }, fit ? (text) => fit.add(text) : undefined);
  const defaultTopics = opts.targets === undefined && (fit ? fit.decide("auto") : topicMode === "on");
  return { cleaning, defaultTopics, topicList: describeTopics(opts, topicMode, fit, defaultTopics) };
}

/** The topic list of a run, as the card and the summary name it. */
export function describeTopics(opts: PrepassOptions, mode: DefaultTopics, fit: TopicFit | null, defaults: boolean): string {
  const added = (opts.targetsAdd ?? []).map((f) => `\`${f}\``);
  const plus = added.length ? ` plus ${added.join(", ")} (--targets-add)` : "";
  if (opts.targets !== undefined) return `\`${opts.targets}\` (--targets)${plus}`;
  const list = "the lexicon's default list (`targets.csv`: the Ukraine war)";
  const measured = fit ? `${fit.naming} of ${fit.documents} documents name its story (${(100 * fit.share).toFixed(1)}%; it counts from ${100 * TOPIC_FIT_SHARE}%)` : "";
  if (defaults) return `${list}${mode === "on" ? " (--default-topics on)" : `: ${measured}`}${plus}`;
  const why = mode === "off" ? "--default-topics off" : `it does not fit this corpus: ${measured}`;
  return `${added.length ? added.join(", ") + " (--targets-add)" : "none"}; ${list} left out (${why})`;
}
