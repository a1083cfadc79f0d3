// The build-dataset pipeline: read → clean → segment → label → cluster →
// split → write. Records are spooled to a temporary file as they are made, so
// memory holds only a few integers per record, not the records themselves;
// the split needs every record's cluster, so a second pass over the spool
// writes train/test once the clusters are final.
import { createReadStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { createInterface } from "node:readline";
import { extractArticles } from "../extract/index.ts";
import { readInputs, type ReadOptions } from "../extract/read.ts";
import { InputError } from "../errors.ts";
import { ClaimRecord, STANCES, toJsonSchema, type Article, type SentenceLabels } from "../schema.ts";
import { renderCard, type SplitStats } from "./card.ts";
import { NearDuplicateIndex } from "./near-duplicates.ts";
import { OutputSet } from "./output.ts";
import { SPLIT_NAMES, STANCE_INDEX, assignSplits } from "./split.ts";
import { GrowableInt32 } from "./growable.ts";
import { LabelStage, type LabelStageOptions } from "./label-stage.ts";

export interface BuildOptions extends LabelStageOptions {
  inputs: string[];
  out: string;
  seed: number;
  testRatio: number;
  read: ReadOptions;
  /** The command line as the card shows it. */
  command: string;
}

export interface BuildSummary {
  documents: number;
  articles: number;
  sentences: number;
  chromeDropped: number;
  duplicateSentences: number;
  nearDuplicateClusters: number;
  skipped: number;
  records: Record<string, number>;
  labellerHeadline: string[];
}

const MAX_LISTED_SOURCES = 200;

type SpooledRecord = Omit<ClaimRecord, "dup_group" | "split">;

function emptyStats(): SplitStats {
  return { records: 0, articles: 0, stance: {}, target: {}, hedgeType: {}, hedged: 0, attributed: 0 };
}

export async function buildDataset(opts: BuildOptions): Promise<BuildSummary> {
  const out = new OutputSet(opts.out, String(process.pid));
  await out.checkWritable();
  const labeller = await LabelStage.create(opts);
  const spool = out.scratch("records.spool");
  try {
    const nearDups = new NearDuplicateIndex();
    const recordArticle = new GrowableInt32();
    const recordDistinct = new GrowableInt32();
    const recordStance: number[] = [];
    const articleDocIds: string[] = [];
    const docIds = new Set<string>();
    const skipped: { location: string; reason: string }[] = [];
    const chrome: Record<string, number> = {};
    const sources = new Map<string, { documents: number; articles: number; sentences: number }>();
    let documents = 0;
    let duplicateSentences = 0;

    for await (const item of readInputs(opts.inputs, opts.read)) {
      if ("reason" in item) {
        skipped.push(item);
        continue;
      }
      documents++;
      const extracted = extractArticles(item);
      for (const [k, v] of Object.entries(extracted.chrome)) chrome[k] = (chrome[k] ?? 0) + v;
      duplicateSentences += extracted.duplicateSentences;
      const src = sources.get(item.path.replace(/:[^:/]*$/, "")) ?? { documents: 0, articles: 0, sentences: 0 };
      sources.set(item.path.replace(/:[^:/]*$/, ""), src);
      src.documents++;
      for (const article of extracted.articles) {
        if (article.sentences.length === 0) continue;
        if (docIds.has(article.doc_id)) {
          skipped.push({ location: item.location, reason: `duplicate doc_id ${JSON.stringify(article.doc_id)}` });
          continue;
        }
        docIds.add(article.doc_id);
        const articleIdx = articleDocIds.push(article.doc_id) - 1;
        src.articles++;
        src.sentences += article.sentences.length;
        const labels = labeller.label(article);
        for (let i = 0; i < article.sentences.length; i++) {
          const sentence = article.sentences[i]!;
          const rec = toSpooled(article, i, labels[i]!);
          recordArticle.push(articleIdx);
          recordDistinct.push(nearDups.add(sentence.words));
          recordStance.push(STANCE_INDEX[rec.stance]);
          await spool.write(JSON.stringify(rec) + "\n");
        }
      }
    }
    await spool.close();
    if (recordStance.length === 0) throw new InputError(`${opts.inputs.join(", ")}: no sentences found in the input`);

    const n = recordStance.length;
    const recordCluster = new Int32Array(n);
    const distinct = recordDistinct.view();
    const clusterSizes = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = (recordCluster[i] = nearDups.clusterOf(distinct[i]!));
      clusterSizes.set(c, (clusterSizes.get(c) ?? 0) + 1);
    }
    const split = assignSplits(
      { recordArticle: recordArticle.view(), recordCluster, recordStance: Uint8Array.from(recordStance), articleDocIds },
      { seed: opts.seed, testRatio: opts.testRatio },
    );

    const stats = await writeSplits(out, spool.tempPath, recordCluster, split.recordSplit);
    await out.writeWhole("claim-record.schema.json", JSON.stringify(toJsonSchema(), null, 2) + "\n");
    await out.writeWhole("skipped.jsonl", skipped.map((s) => JSON.stringify(s) + "\n").join(""));
    const sourceRows = [...sources.entries()].map(([path, v]) => ({ path, ...v }));
    const report = labeller.report();
    await out.writeWhole("labeller-report.json", JSON.stringify(report.json, null, 2) + "\n");
    await out.writeWhole("labeller-report.md", report.markdown);
    const nearDuplicateClusters = [...clusterSizes.values()].filter((s) => s > 1).length;
    await out.writeWhole(
      "dataset-card.md",
      renderCard({
        command: opts.command,
        seed: opts.seed,
        testRatio: opts.testRatio,
        sources: sourceRows.slice(0, MAX_LISTED_SOURCES),
        sourcesOmitted: Math.max(0, sourceRows.length - MAX_LISTED_SOURCES),
        chrome,
        skipped: skipped.length,
        duplicateSentences,
        nearDuplicateClusters,
        components: split.components,
        splits: stats,
      }),
    );
    await unlink(spool.tempPath);
    await out.commit();
    return {
      documents,
      articles: articleDocIds.length,
      sentences: n,
      chromeDropped: Object.values(chrome).reduce((a, b) => a + b, 0),
      duplicateSentences,
      nearDuplicateClusters,
      skipped: skipped.length,
      records: Object.fromEntries(SPLIT_NAMES.map((s) => [s, stats[s]?.records ?? 0])),
      labellerHeadline: report.headline,
    };
  } catch (e) {
    await out.abort();
    throw e;
  }
}

function toSpooled(article: Article, i: number, labels: SentenceLabels): SpooledRecord {
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

/** Second pass: give each spooled record its cluster and split, validate it, and write it to its split. */
async function writeSplits(
  out: OutputSet,
  spoolPath: string,
  recordCluster: Int32Array,
  recordSplit: Uint8Array,
): Promise<Record<string, SplitStats>> {
  const files = SPLIT_NAMES.map((name) => out.open(`${name}.jsonl`));
  const stats: Record<string, SplitStats> = Object.fromEntries(SPLIT_NAMES.map((s) => [s, emptyStats()]));
  const clusterIds = new Map<number, string>();
  const lastDoc = SPLIT_NAMES.map(() => "");
  let i = 0;
  const lines = createInterface({ input: createReadStream(spoolPath, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    const spooled = JSON.parse(line) as SpooledRecord;
    const cluster = recordCluster[i]!;
    let dupGroup = clusterIds.get(cluster);
    if (dupGroup === undefined) clusterIds.set(cluster, (dupGroup = spooled.id));
    const sideIdx = recordSplit[i]!;
    const side = SPLIT_NAMES[sideIdx]!;
    const { evidence, ...rest } = spooled;
    const record = { ...rest, evidence, dup_group: dupGroup, split: side };
    const checked = ClaimRecord.safeParse(record);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`record ${spooled.id} breaks the schema: ${issue?.path.join(".")} ${issue?.message}`);
    }
    await files[sideIdx]!.write(JSON.stringify(record) + "\n");
    const st = stats[side]!;
    st.records++;
    if (lastDoc[sideIdx] !== record.doc_id) st.articles++;
    lastDoc[sideIdx] = record.doc_id;
    st.stance[record.stance] = (st.stance[record.stance] ?? 0) + 1;
    const t = record.target ?? "(none)";
    st.target[t] = (st.target[t] ?? 0) + 1;
    for (const h of record.hedges) st.hedgeType[h.type] = (st.hedgeType[h.type] ?? 0) + 1;
    if (record.hedged) st.hedged++;
    if (record.actor) st.attributed++;
    i++;
  }
  for (const f of files) await f.close();
  for (const s of STANCES) for (const side of SPLIT_NAMES) stats[side]!.stance[s] ??= 0;
  return stats;
}
