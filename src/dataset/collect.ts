// The main thread's half of a build: takes the batch results in input order
// and keeps what the later stages need — a few integers per record (article,
// near-duplicate sentence, stance, label summary), the counts for the card and
// the summary, the skipped inputs — while the record lines go to the spool.
import type { InputDocument, SkippedInput } from "../extract/index.ts";
import { ChromeAudit } from "./chrome-audit.ts";
import { STANCE_INDEX } from "./split.ts";
import { GrowableInt32 } from "./growable.ts";
import type { LabelStage } from "./label-stage.ts";
import { LSH_BANDS, NearDuplicateIndex } from "./near-duplicates.ts";
import type { TempFile } from "./output.ts";
import type { BatchResult } from "./work.ts";
import type { BatchHashes } from "./sentence-hashes.ts";
import { NetworkTally } from "./network.ts";
import { CorpusStats } from "./corpus-stats.ts";
import type { NetworkPeriod } from "../extract/dates.ts";
import type { TargetMiner } from "../label/analysis/suggest.ts";
import { RecordStats } from "./write-splits.ts";
import { DocIdSet } from "./sharded/doc-ids.ts";

export interface SourceCounts {
  documents: number;
  articles: number;
  sentences: number;
}

interface Orphan {
  shingles: Uint32Array;
  bands: Uint32Array | null;
}

export class Collector {
  readonly nearDups = new NearDuplicateIndex();
  readonly recordArticle = new GrowableInt32();
  readonly recordDistinct = new GrowableInt32();
  readonly recordStance = new GrowableInt32();
  readonly recordStat = new GrowableInt32();
  readonly stats = new RecordStats();
  readonly network: NetworkTally;
  readonly corpus = new CorpusStats();
  readonly articleDocIds: string[] = [];
  readonly skipped: SkippedInput[] = [];
  readonly chrome: Record<string, number> = {};
  readonly chromeAudit = new ChromeAudit();
  readonly sources = new Map<string, SourceCounts>();
  documents = 0;
  duplicateSentences = 0;
  private readonly docIds = new DocIdSet();
  /** Hashes of sentences seen only in skipped articles: a worker sends a key's hashes once (see work.ts BatchHashes). */
  private readonly orphans = new Map<number, Orphan>();

  constructor(
    private readonly labels: LabelStage,
    private readonly spool: TempFile,
    networkPeriod: NetworkPeriod = "month",
    /** Fed every record for --suggest-topics (suggest.ts), else null. */
    private readonly miner: TargetMiner | null = null,
  ) {
    this.network = new NetworkTally(networkPeriod);
  }

  /** One batch: `items` as read (skips included), `result` the work on its documents, in the same order. */
  async take(items: readonly (InputDocument | SkippedInput)[], result: BatchResult): Promise<void> {
    const h = result.hashes;
    const lines: string[] = [];
    let d = 0;
    let s = 0; // sentence index in the batch's hashes
    for (const item of items) {
      if ("reason" in item) {
        this.skipped.push(item);
        continue;
      }
      const doc = result.docs[d++]!;
      this.documents++;
      this.corpus.addDocument(item.source);
      for (const [k, v] of Object.entries(doc.chrome)) this.chrome[k] = (this.chrome[k] ?? 0) + v;
      this.chromeAudit.add(item.location, doc.dropped);
      this.duplicateSentences += doc.duplicateSentences;
      const sourceKey = item.path.replace(/:[^:/]*$/, "");
      const src = this.sources.get(sourceKey) ?? { documents: 0, articles: 0, sentences: 0 };
      this.sources.set(sourceKey, src);
      src.documents++;
      for (const article of doc.articles) {
        if (!this.docIds.add(article.docId)) {
          this.skipped.push({ location: item.location, reason: `duplicate doc_id ${JSON.stringify(article.docId)}` });
          for (let i = 0; i < article.sentences; i++) this.keepOrphan(h, s + i);
          s += article.sentences;
          continue;
        }
        const articleIdx = this.articleDocIds.push(article.docId) - 1;
        src.articles++;
        this.corpus.addArticle(article.outlet, article.published, article.sentences, article.headlines);
        src.sentences += article.sentences;
        const results = article.labelled.results;
        // The miner needs a sentence's text only where it takes a position (its examples): those lines alone are parsed.
        const recordLines = this.miner ? article.lines.split("\n") : null;
        for (let i = 0; i < article.sentences; i++, s++) {
          const labels = results[i]!.labels;
          this.recordArticle.push(articleIdx);
          this.recordDistinct.push(this.distinctOf(h, s));
          this.recordStance.push(STANCE_INDEX[labels.stance]);
          this.recordStat.push(this.stats.idOf(labels));
          if (this.miner) this.miner.add(labels.stance !== "neutral" && labels.target_text !== null ? (JSON.parse(recordLines![i]!) as { text: string }).text : "", labels);
          if (labels.actor) this.network.add(`${article.docId}#${i}`, article.outlet, article.published, labels);
        }
        this.labels.accept(article.sourcePath, article.labelled, article.goldTexts);
        lines.push(article.lines);
      }
    }
    if (lines.length) await this.spool.write(lines.join(""));
  }

  get records(): number {
    return this.recordArticle.size;
  }

  private distinctOf(h: BatchHashes, s: number): number {
    const key = h.keys[s]!;
    const known = this.nearDups.lookup(key);
    if (known >= 0) return known;
    const data = h.data[s]!;
    if (data !== 0) {
      const bandsAt = data === 2 ? s * LSH_BANDS : -1;
      return this.nearDups.insertRange(key, h.shingles, h.shingleStarts[s]!, h.shingleStarts[s + 1]!, h.bands, bandsAt);
    }
    const orphan = this.orphans.get(key);
    if (!orphan) throw new Error("near-duplicate hashes missing for a sentence");
    this.orphans.delete(key);
    return this.nearDups.insert(key, orphan.shingles, orphan.bands);
  }

  private keepOrphan(h: BatchHashes, s: number): void {
    const key = h.keys[s]!;
    if (h.data[s] === 0 || this.nearDups.has(key) || this.orphans.has(key)) return;
    const [shingles, bands] = this.hashesAt(h, s);
    this.orphans.set(key, { shingles: shingles.slice(), bands: bands && bands.slice() });
  }

  private hashesAt(h: BatchHashes, s: number): [Uint32Array, Uint32Array | null] {
    const shingles = h.shingles.subarray(h.shingleStarts[s]!, h.shingleStarts[s + 1]!);
    return [shingles, h.data[s] === 2 ? h.bands.subarray(s * LSH_BANDS, (s + 1) * LSH_BANDS) : null];
  }
}
