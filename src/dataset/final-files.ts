// The files a build writes after the splits (schema, chrome.jsonl,
// network.csv, network-outlets.csv, topics.draft.csv, skipped.jsonl, labeller
// report, card) and its summary, from
// the collected sums: one writer for the one-process build (build.ts) and the
// sharded finalize stage (sharded/write-stage.ts), so an output added here
// exists, byte-identical, in both.
import { toJsonSchema } from "../schema.ts";
import type { SkippedInput } from "../extract/index.ts";
import type { BuildSummary } from "./build.ts";
import { renderCard, type SplitStats } from "./card.ts";
import type { ChromeAudit } from "./chrome-audit.ts";
import type { SourceCounts } from "./collect.ts";
import type { LabelStage } from "./label-stage.ts";
import type { NetworkTally } from "./network.ts";
import type { CorpusStats } from "./corpus-stats.ts";
import type { NetworkPeriod } from "../extract/dates.ts";
import { topicsCsv, type SuggestedTopic } from "../label/analysis/suggest.ts";
import type { OutputSet } from "./output.ts";
import { SPLIT_NAMES, type SplitSummary } from "./split.ts";

const MAX_LISTED_SOURCES = 200;
const MAX_LISTED_SKIPS = 20;

export interface FinalSums {
  command: string;
  seed: number;
  testRatio: number;
  documents: number;
  articles: number;
  records: number;
  chrome: Record<string, number>;
  chromeAudit: ChromeAudit;
  network: NetworkTally;
  skipped: readonly SkippedInput[];
  sources: ReadonlyMap<string, SourceCounts>;
  labeller: LabelStage;
  duplicateSentences: number;
  nearDuplicateClusters: number;
  split: SplitSummary;
  stats: Record<string, SplitStats>;
  networkPeriod: NetworkPeriod;
  corpus: CorpusStats;
  /** The topic list used, as the card names it. */
  topicList: string;
  /** topics.draft.csv's topics, or null when not asked for (one-process build only). */
  suggested: SuggestedTopic[] | null;
}

export async function writeFinalFiles(out: OutputSet, c: FinalSums): Promise<BuildSummary> {
  await out.writeWhole("claim-record.schema.json", JSON.stringify(toJsonSchema(), null, 2) + "\n");
  await out.writeWhole("chrome.jsonl", c.chromeAudit.jsonl());
  await out.writeWhole("network.csv", c.network.toCsv());
  await out.writeWhole("network-outlets.csv", c.network.outletsCsv());
  if (c.suggested) await out.writeWhole("topics.draft.csv", topicsCsv(c.suggested));
  await out.writeWhole("skipped.jsonl", c.skipped.map((s) => JSON.stringify(s) + "\n").join(""));
  const sourceRows = [...c.sources.entries()].map(([path, v]) => ({ path, ...v }));
  const report = c.labeller.report();
  await out.writeWhole("labeller-report.json", JSON.stringify(report.json, null, 2) + "\n");
  await out.writeWhole("labeller-report.md", report.markdown);
  await out.writeWhole(
    "dataset-card.md",
    renderCard({
      command: c.command,
      seed: c.seed,
      testRatio: c.testRatio,
      sources: sourceRows.slice(0, MAX_LISTED_SOURCES),
      sourcesOmitted: Math.max(0, sourceRows.length - MAX_LISTED_SOURCES),
      chrome: c.chrome,
      skipped: c.skipped.length,
      duplicateSentences: c.duplicateSentences,
      nearDuplicateClusters: c.nearDuplicateClusters,
      components: c.split.components,
      giant: c.split.giant,
      splits: c.stats,
      networkEdges: c.network.size,
      networkPeriod: c.networkPeriod,
      outletEdges: c.network.outletRows,
      corpus: c.corpus,
      topicList: c.topicList,
      goldScored: c.labeller.goldItems.length > 0,
      suggestedTopics: c.suggested?.length ?? null,
    }),
  );
  return {
    documents: c.documents,
    articles: c.articles,
    sentences: c.records,
    chromeDropped: Object.values(c.chrome).reduce((a, b) => a + b, 0),
    chrome: Object.fromEntries(Object.keys(c.chrome).sort().map((k) => [k, c.chrome[k]!])),
    duplicateSentences: c.duplicateSentences,
    nearDuplicateClusters: c.nearDuplicateClusters,
    skipped: c.skipped.length,
    skippedFirst: c.skipped.slice(0, MAX_LISTED_SKIPS),
    records: Object.fromEntries(SPLIT_NAMES.map((s) => [s, c.stats[s]?.records ?? 0])),
    giant: c.split.giant,
    labellerHeadline: report.headline,
    goldScored: c.labeller.goldItems.length > 0,
    topicList: c.topicList,
    suggestedTopics: c.suggested?.length ?? null,
  };
}
