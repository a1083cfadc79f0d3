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
import type { CleaningOptions } from "../extract/cleaning.ts";
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
}

/** Every file a build writes in --out (under a temporary name first). */
export const OUTPUT_NAMES = [
  "train.jsonl", "test.jsonl", "network.csv", "claim-record.schema.json", "skipped.jsonl", "labeller-report.json", "labeller-report.md",
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
  const pool = workers > 0 ? new WorkerPool(workers, { lexicons: opts.lexicons, targets: opts.targets, targetsAdd: opts.targetsAdd }) : null;
  const spool = out.scratch("records.spool");
  try {
    const labeller = await LabelStage.create(opts);
    // The boilerplate pre-pass reads every input once before the per-document work (cleaning.ts).
    const cleaning = await prepareCleaning(opts.inputs, opts.read, { ...opts.cleaning, lexicons: opts.lexicons });
    pool?.configure([...labeller.wanted], cleaning);
    const local: WorkContext = { lex: labeller.lex, wanted: wantedIndex(labeller.wanted), sentKeys: new KeyIntMap(), cleaning };
    const c = new Collector(labeller, spool);
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
