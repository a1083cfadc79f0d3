// The Hugging Face dataset card (dataset-card.md): YAML front matter that
// `datasets` reads (configs/data_files, features with class labels, split
// sizes), then the provenance a reader needs to trust the numbers.
import type { GiantSplit } from "./split.ts";
import { HEDGE_TYPES, STANCES, ACTOR_TYPES, SPLITS, KINDS } from "../schema.ts";
import type { CorpusStats } from "./corpus-stats.ts";
import { MAX_YEAR, MIN_YEAR } from "../extract/dates.ts";

export interface SplitStats {
  records: number;
  articles: number;
  stance: Record<string, number>;
  target: Record<string, number>;
  hedgeType: Record<string, number>;
  hedged: number;
  attributed: number;
}

export interface CardInput {
  command: string;
  seed: number;
  testRatio: number;
  sources: { path: string; documents: number; articles: number; sentences: number }[];
  sourcesOmitted: number;
  chrome: Record<string, number>;
  skipped: number;
  duplicateSentences: number;
  nearDuplicateClusters: number;
  components: number;
  /** Set when the largest component was split by near-duplicate cluster (src/dataset/split.ts). */
  giant?: GiantSplit | null;
  splits: Record<string, SplitStats>;
  /** Rows of network.csv (actor–target edges); undefined = not written. */
  networkEdges?: number;
  /** network.csv's period (--network-period). */
  networkPeriod?: string;
  /** Rows of network-outlets.csv. */
  outletEdges?: number;
  /** Dates, outlets, months, headline records (corpus-stats.ts). */
  corpus?: CorpusStats;
  /** The topic list used (build.ts describeTopics). */
  topicList?: string;
  /** Was the labeller report scored against a gold set? */
  goldScored?: boolean;
  /** Topics in topics.draft.csv (--suggest-topics), or null. */
  suggestedTopics?: number | null;
}

/** Outlets the card lists by name (the most records first); the rest are summed. */
const MAX_LISTED_OUTLETS = 60;

const s = (name: string) => `  - name: ${name}\n    dtype: string`;
const classLabel = (name: string, names: readonly string[], indent = "  ") =>
  `${indent}- name: ${name}\n${indent}  dtype:\n${indent}    class_label:\n${indent}      names:\n` +
  names.map((n, i) => `${indent}        '${i}': ${n}`).join("\n");

function featuresYaml(): string {
  const span = (name: string) =>
    `    - name: ${name}\n      struct:\n      - name: start\n        dtype: int64\n      - name: end\n        dtype: int64`;
  return [
    s("id"),
    s("doc_id"),
    "  - name: source\n    struct:\n    - name: path\n      dtype: string\n    - name: outlet\n      dtype: string\n    - name: published\n      dtype: string\n    - name: title\n      dtype: string\n    - name: url\n      dtype: string",
    "  - name: sentence_index\n    dtype: int64",
    "  - name: start\n    dtype: int64",
    "  - name: end\n    dtype: int64",
    classLabel("kind", KINDS),
    s("text"),
    "  - name: actor\n    struct:\n    - name: name\n      dtype: string\n    - name: mention\n      dtype: string\n" +
      classLabel("type", ACTOR_TYPES, "    ") +
      "\n    - name: affiliation\n      dtype: string",
    s("cue"),
    "  - name: content\n    struct:\n    - name: start\n      dtype: int64\n    - name: end\n      dtype: int64",
    s("target"),
    s("target_text"),
    s("target_entity"),
    classLabel("stance", STANCES),
    "  - name: hedges\n    list:\n    - name: cue\n      dtype: string\n" +
      classLabel("type", HEDGE_TYPES, "    ") +
      "\n    - name: start\n      dtype: int64\n    - name: end\n      dtype: int64",
    "  - name: hedged\n    dtype: bool",
    "  - name: rules\n    sequence: string",
    "  - name: evidence\n    struct:\n" + ["actor", "cue", "target", "stance"].map(span).join("\n"),
    s("dup_group"),
    classLabel("split", SPLITS),
  ].join("\n");
}

function table(rows: [string, ...number[]][], header: string[]): string {
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  return lines.join("\n");
}

function distribution(splits: Record<string, SplitStats>, pick: (s: SplitStats) => Record<string, number>, keys: string[]): string {
  const names = SPLITS.filter((n) => splits[n]);
  const rows = keys.map((k) => [k, ...names.map((n) => pick(splits[n]!)[k] ?? 0)] as [string, ...number[]]);
  return table(rows, ["label", ...names]);
}

export function renderCard(c: CardInput): string {
  const names = SPLITS.filter((n) => c.splits[n]);
  const targets = [...new Set(names.flatMap((n) => Object.keys(c.splits[n]!.target)))].sort();
  const chromeRows = Object.keys(c.chrome)
    .sort()
    .map((k) => [k, c.chrome[k]!] as [string, number]);
  const yaml = [
    "---",
    "pretty_name: claimstance claim records",
    "language:",
    "- en",
    "task_categories:",
    "- text-classification",
    "configs:",
    "- config_name: default",
    "  data_files:",
    ...names.map((n) => `  - split: ${n}\n    path: ${n}.jsonl`),
    "dataset_info:",
    "  features:",
    featuresYaml(),
    "  splits:",
    ...names.map((n) => `  - name: ${n}\n    num_examples: ${c.splits[n]!.records}`),
    "---",
  ].join("\n");
  const body = [
    "# claimstance claim records",
    "",
    "One record per sentence of article prose: who makes the claim (actor — a named person, organisation or country, or an `unnamed` source such as \"officials\" — and cue), what is claimed (content, a span of the text), what it takes a position on (target_text, the phrase a stance predicate governs; target_entity, its canonical person, organisation or country; target, its topic id or null) with which stance, and how it is hedged. Field definitions: `claim-record.schema.json` and the labelling guide (`docs/claim-records.md` in the claimstance repository). Labels are silver labels from the rule labeller and its attribution tagger (`actor.model` in `rules`); " + (c.goldScored === false ? "`labeller-report.md` gives the rules' statistics over these records (coverage, overlaps, conflicts); no gold set was scored for this build, so it gives no accuracy figure (rebuild with `--gold DIR` to score a hand-annotated gold set of this corpus)." : "see `labeller-report.md` for their accuracy on the hand-annotated gold set."),
    "",
    "## How it was built",
    "",
    "```",
    c.command,
    "```",
    "",
    `Seed ${c.seed}, test ratio ${c.testRatio}. Splits are grouped: no article and no near-duplicate cluster (word 3-shingle Jaccard >= 0.5) is on both sides (${c.components} groups, ${c.nearDuplicateClusters} clusters of more than one record (exact or near-duplicate repeats)).`,
    ...(c.giant
      ? [
          "",
          `**Giant component.** One group of articles linked by shared sentences held ${c.giant.records} records (${(c.giant.share * 100).toFixed(1)}% of all, ${c.giant.articles} articles): split by article it would leave the test share far from ${c.testRatio}. That group was split by near-duplicate cluster instead: still no near-duplicate cluster is on both sides, but ${c.giant.articlesOnBothSides} of its articles have sentences on both sides.`,
        ]
      : []),
    "",
    "## Source files",
    "",
    table(
      c.sources.map((x) => [x.path, x.documents, x.articles, x.sentences]),
      ["path", "documents", "articles", "sentences"],
    ) + (c.sourcesOmitted ? `\n\n(${c.sourcesOmitted} more source files not listed.)` : ""),
    "",
    "## Cleaning",
    "",
    chromeRows.length ? table(chromeRows, ["page chrome dropped", "pieces"]) : "No page chrome found.",
    "",
    "Every distinct piece dropped is listed in `chrome.jsonl` (text, category, count, example locations); rebuild with `--keep-chrome CATEGORY[,...]` to keep a category, `--boilerplate-min-docs 0` to keep lines repeated across documents. Records of an article's title line, standfirst/subtitle or in-body sub-headings have `kind` `headline`, all others `body`: filter on it to keep or drop headings.",
    "",
    `Exact duplicate sentences dropped inside an article: ${c.duplicateSentences}. Inputs skipped: ${c.skipped} (listed in \`skipped.jsonl\`).`,
    "",
    ...(c.networkEdges === undefined
      ? []
      : [
          "## Actor–target network",
          "",
          `\`network.csv\`: ${c.networkEdges} edges, one row per (${c.networkPeriod && c.networkPeriod !== "none" ? `period — the ${c.networkPeriod} of the record's \`source.published\`, \`undated\` without one — ` : ""}actor, target) — the target is the record's \`target_entity\` when it names a person, organisation or country (\`target_kind\` entity), else its topic id (topic) — with support, oppose and neutral counts and up to 3 example record ids, over both splits. Records without an actor or without either target are not edges. An edge list for discourse-network analysis (DNA, Gephi, networkx).${c.outletEdges === undefined ? "" : ` \`network-outlets.csv\`: ${c.outletEdges} rows, the same edges per outlet (\`source.outlet\`, empty when unknown) with support, oppose and neutral counts.`}`,
          "",
        ]),
    ...(c.topicList === undefined
      ? []
      : [
          "## Topics",
          "",
          `Topic list (the \`target\` ids): ${c.topicList}.${c.suggestedTopics === null || c.suggestedTopics === undefined ? "" : ` \`topics.draft.csv\`: ${c.suggestedTopics} topics suggested for this corpus (--suggest-topics): edit it, then rebuild with \`--targets topics.draft.csv\`.`}`,
          "",
        ]),
    ...(c.corpus ? metadataSection(c.corpus) : []),
    "## Label distributions",
    "",
    table(
      names.map((n) => [n, c.splits[n]!.records, c.splits[n]!.articles, c.splits[n]!.attributed, c.splits[n]!.hedged] as [string, ...number[]]),
      ["split", "records", "articles", "with actor", "hedged"],
    ),
    "",
    "### Stance",
    "",
    distribution(c.splits, (x) => x.stance, [...STANCES]),
    "",
    "### Target",
    "",
    distribution(c.splits, (x) => x.target, targets),
    "",
    "### Hedge cues by type",
    "",
    distribution(c.splits, (x) => x.hedgeType, [...HEDGE_TYPES]),
    "",
  ].join("\n");
  return `${yaml}\n${body}`;
}

const pct = (n: number, d: number) => (d === 0 ? "0.0" : ((100 * n) / d).toFixed(1));

/** Dates, records per outlet and per month, headline records. */
function metadataSection(m: CorpusStats): string[] {
  const out = ["## Outlets and dates", ""];
  out.push(`Records with an outlet: ${m.recordsWithOutlet} of ${m.records} (${pct(m.recordsWithOutlet, m.records)}%); with a publication date: ${m.recordsWithDate} (${pct(m.recordsWithDate, m.records)}%). Articles with a headline record: ${m.articlesWithHeadline} of ${m.articles} (${pct(m.articlesWithHeadline, m.articles)}%).`, "");
  const d = m.dates;
  if (d.dated + d.empty + d.malformed > 0) {
    const examples = m.malformedExamples.map((x) => `\`${x.replace(/`/g, "'")}\``).join(", ");
    out.push(
      `Input dates (date field/column), by document: ${d.dated} dated, ${d.empty} undated (missing or empty), ${d.malformed} malformed${examples ? ` (${examples}${d.malformed > m.malformedExamples.length ? ", …" : ""})` : ""}. An undated or malformed date is null in \`source.published\`, never guessed: a date is ISO 8601, RFC 2822, "Month D, YYYY", "D Month YYYY" or "M/D/YYYY" with a four-digit year from ${MIN_YEAR} to ${MAX_YEAR}.`,
      "",
    );
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (m.recordsByOutlet.size > 0) {
    const outlets = [...m.recordsByOutlet.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    const rows: [string, number][] = outlets.slice(0, MAX_LISTED_OUTLETS).map(([o, n]) => [o.replace(/\|/g, "\\|"), n]);
    const rest = outlets.slice(MAX_LISTED_OUTLETS);
    if (rest.length) rows.push([`(${rest.length} more outlets)`, rest.reduce((a, [, n]) => a + n, 0)]);
    if (m.records > m.recordsWithOutlet) rows.push(["(no outlet)", m.records - m.recordsWithOutlet]);
    out.push(`### Records per outlet (${m.recordsByOutlet.size} outlets)`, "", table(rows, ["outlet", "records"]), "");
  }
  if (m.recordsByMonth.size > 1 || !m.recordsByMonth.has("undated")) {
    const months = [...m.recordsByMonth.entries()].sort((a, b) => cmp(a[0], b[0]));
    out.push("### Records per month", "", table(months, ["month", "records"]), "");
  }
  return out;
}
