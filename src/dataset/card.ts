// The Hugging Face dataset card (dataset-card.md): YAML front matter that
// `datasets` reads (configs/data_files, features with class labels, split
// sizes), then the provenance a reader needs to trust the numbers.
import type { GiantSplit } from "./split.ts";
import { HEDGE_TYPES, STANCES, ACTOR_TYPES, SPLITS, KINDS } from "../schema.ts";

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
}

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
    "  - name: source\n    struct:\n    - name: path\n      dtype: string\n    - name: outlet\n      dtype: string\n    - name: published\n      dtype: string",
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
    "One record per sentence of article prose: who makes the claim (actor — a named person, organisation or country, or an `unnamed` source such as \"officials\" — and cue), what is claimed (content, a span of the text), what it takes a position on (target_text, the phrase a stance predicate governs; target_entity, its canonical person, organisation or country; target, its topic id or null) with which stance, and how it is hedged. Field definitions: `claim-record.schema.json` and the labelling guide (`docs/claim-records.md` in the claimstance repository). Labels are silver labels from the rule labeller and its attribution tagger (`actor.model` in `rules`); see `labeller-report.md` for their accuracy on the hand-annotated gold set.",
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
          `\`network.csv\`: ${c.networkEdges} edges, one row per (actor, target) — the target is the record's \`target_entity\` when it names a person, organisation or country (\`target_kind\` entity), else its topic id (topic) — with support, oppose and neutral counts and up to 3 example record ids, over both splits. Records without an actor or without either target are not edges. An edge list for discourse-network analysis (DNA, Gephi, networkx).`,
          "",
        ]),
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
