// The per-document work of a build: extract → label → validated record lines
// → near-duplicate hashes. Pure given its inputs (documents, lexicons, gold
// keys), so it runs the same in a worker process (worker.ts) or in-process; the
// main process consumes the results in input order (build.ts), which is what
// keeps the outputs byte-identical whatever the number of workers.
import { extractArticles } from "../extract/index.ts";
import type { InputDocument } from "../extract/index.ts";
import { ClaimRecord, type Article, type SentenceLabels } from "../schema.ts";
import { bandHashes, exactKey, LSH_BANDS, shingleHashes } from "./near-duplicates.ts";
import { labelWith, type LabelledArticle, type Lexicons } from "./label-stage.ts";

export type SpooledRecord = Omit<ClaimRecord, "dup_group" | "split">;

export interface WorkContext {
  lex: Lexicons;
  /** The gold sentences whose labels the main thread keeps (label-stage.ts wantedIndex). */
  wanted: Map<string, Set<string>>;
  /** Exact keys whose hashes this context already sent: a repeat sends the key only (see BatchHashes). */
  sentKeys: Set<number>;
}

/** Above this many remembered keys a context forgets them all (it then re-sends hashes: harmless). */
const MAX_SENT_KEYS = 4_000_000;

export interface ArticleResult {
  docId: string;
  /** `source.path` of the article (gold capture). */
  sourcePath: string;
  sentences: number;
  labelled: LabelledArticle;
  /** Texts of the sentences in labelled.goldHits, in that order. */
  goldTexts: string[];
  /** One JSON line per sentence: the record without dup_group and split, already validated against the schema. */
  lines: string;
}

export interface DocResult {
  chrome: Record<string, number>;
  duplicateSentences: number;
  /** Articles with at least one sentence, in order. */
  articles: ArticleResult[];
}

/**
 * Near-duplicate hashes of every sentence of a batch, in order. `data[i]`:
 * 0 = key only (this context sent the hashes of the same key earlier, so the
 * main thread has them: results are consumed in order), 1 = shingles without
 * bands (no shingle), 2 = shingles and LSH band hashes.
 */
export interface BatchHashes {
  keys: Float64Array;
  data: Uint8Array;
  /** Sentence i's shingle hashes are shingles[shingleStarts[i], shingleStarts[i + 1]). */
  shingleStarts: Int32Array;
  shingles: Uint32Array;
  /** LSH_BANDS per sentence. */
  bands: Uint32Array;
}

export interface BatchResult {
  docs: DocResult[];
  hashes: BatchHashes;
}

export function toSpooled(article: Article, i: number, labels: SentenceLabels): SpooledRecord {
  const s = article.sentences[i]!;
  return {
    id: `${article.doc_id}#${i}`,
    doc_id: article.doc_id,
    source: article.source,
    sentence_index: i,
    start: s.start,
    end: s.end,
    text: s.text,
    actor: labels.actor,
    cue: labels.cue,
    target: labels.target,
    stance: labels.stance,
    hedges: labels.hedges,
    hedged: labels.hedged,
    rules: labels.rules,
    evidence: labels.evidence,
  };
}

/** The record as it will be written, with placeholders for dup_group (an id) and split: what the schema checks is the same. */
function validate(rec: SpooledRecord): void {
  const checked = ClaimRecord.safeParse({ ...rec, dup_group: rec.id, split: "train" });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`record ${rec.id} breaks the schema: ${issue?.path.join(".")} ${issue?.message}`);
  }
}

export function processBatch(ctx: WorkContext, docs: readonly InputDocument[]): BatchResult {
  // In phases over the whole batch (extract+label, then validate, then
  // serialise, then hash): each phase's code and data stay in the CPU caches,
  // which on a small VM is worth ~20% of the batch time (measured).
  const out: DocResult[] = [];
  const pending: { article: Article; result: ArticleResult }[] = [];
  for (const doc of docs) {
    const extracted = extractArticles(doc);
    const articles: ArticleResult[] = [];
    for (const article of extracted.articles) {
      if (article.sentences.length === 0) continue;
      const labelled = labelWith(ctx.lex, ctx.wanted, article);
      const result: ArticleResult = {
        docId: article.doc_id,
        sourcePath: article.source.path,
        sentences: article.sentences.length,
        labelled,
        goldTexts: labelled.goldHits.map((i) => article.sentences[i]!.text),
        lines: "",
      };
      articles.push(result);
      pending.push({ article, result });
    }
    out.push({ chrome: extracted.chrome, duplicateSentences: extracted.duplicateSentences, articles });
  }
  const records = pending.map(({ article, result }) =>
    article.sentences.map((_, i) => toSpooled(article, i, result.labelled.results[i]!.labels)),
  );
  for (const recs of records) for (const rec of recs) validate(rec);
  pending.forEach(({ result }, k) => (result.lines = records[k]!.map((r) => JSON.stringify(r)).join("\n") + "\n"));
  return { docs: out, hashes: hashSentences(ctx, pending.map((p) => p.article)) };
}

function hashSentences(ctx: WorkContext, articles: readonly Article[]): BatchHashes {
  const keys: number[] = [];
  const data: number[] = [];
  const shingleStarts: number[] = [0];
  const shingleRuns: Uint32Array[] = [];
  let shingleCount = 0;
  const bandRuns: Uint32Array[] = [];
  const noBands = new Uint32Array(LSH_BANDS);
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const words = sentence.words;
      const key = exactKey(words);
      keys.push(key);
      if (ctx.sentKeys.has(key)) {
        data.push(0);
        bandRuns.push(noBands);
      } else {
        if (ctx.sentKeys.size >= MAX_SENT_KEYS) ctx.sentKeys.clear();
        ctx.sentKeys.add(key);
        const sh = shingleHashes(words);
        shingleRuns.push(sh);
        shingleCount += sh.length;
        data.push(sh.length > 0 ? 2 : 1);
        bandRuns.push(sh.length > 0 ? bandHashes(sh) : noBands);
      }
      shingleStarts.push(shingleCount);
    }
  }
  const shingles = new Uint32Array(shingleCount);
  let at = 0;
  for (const run of shingleRuns) {
    shingles.set(run, at);
    at += run.length;
  }
  const bands = new Uint32Array(bandRuns.length * LSH_BANDS);
  bandRuns.forEach((b, i) => bands.set(b, i * LSH_BANDS));
  return { keys: Float64Array.from(keys), data: Uint8Array.from(data), shingleStarts: Int32Array.from(shingleStarts), shingles, bands };
}
