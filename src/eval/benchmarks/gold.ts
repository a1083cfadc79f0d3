// `npm run benchmark -- gold`: the in-repo gold set (data/gold/*.jsonl),
// scored by the labeller per gold file. It reuses the labeller report's
// scoring (src/label/analysis/score.ts, report.ts through the build's LabelStage): the
// input articles (default seeds/) are extracted and labelled as the build
// does and gold items found among their sentences are scored in their article.
// The rest (the corpus items) are scored twice: "in article" — in the corpus
// article they cite, read from the corpora folder (gold-articles.ts) — and
// "context only" — labelled from their own context sentences, so the
// context-only figures are the by-file rows of data/labeller-report.json.
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { parseFlags } from "../../flags.ts";
import { InputError } from "../../errors.ts";
import { FULL_PIPELINE } from "../../label/pipeline.ts";
import { goldKey, LabelStage, labelWith, wantedIndex } from "../../dataset/label-stage.ts";
import { extractArticles, isSkipped, readInputs } from "../../extract/index.ts";
import type { GoldItem } from "../../label/index.ts";
import { ensureDir, writeAtomic } from "../io.ts";
import { CSV_TEXT_COLUMN, inArticleLookup, labelCitedArticles, resolveCorpora, type InArticleLookup } from "./gold-articles.ts";
import { roundNumbers } from "../report-types.ts";
import { fmt } from "../report-rows.ts";
import { countLabels } from "../data.ts";
import { setDegenerate } from "../degenerate.ts";
import type { Benchmark, BenchmarkFigure, BenchmarkResult, NotScored } from "./registry.ts";

const DEFAULT_GOLD = "data/gold";
const DEFAULT_INPUT = "seeds";
const DEFAULT_CORPORA = "../shared/corpora";
const HELP = `Usage: npm run benchmark -- gold [--gold DIR | --dir DIR] [--input PATH] [--corpora DIR] [--lexicons DIR]

Scores the labeller on every gold file of DIR (default ${DEFAULT_GOLD}). Items
found in PATH's articles (default ${DEFAULT_INPUT}/) are labelled in their
article. --dir DIR is the same as --gold DIR, for a folder of gold files
written by \`annotate import\` (one file per annotator: one row each). Two
figures per gold file:
  in article    the other items' cited articles are read from the corpora
                folder (--corpora, default ${DEFAULT_CORPORA} when it exists;
                sources are paths relative to it, "file.csv:Body ID N" a row
                of a CSV with text column ${CSV_TEXT_COLUMN}; .txt files decoded
                as --encoding auto), extracted and labelled whole as
                build-dataset does (one article at a time: no cross-document
                boilerplate pass), and each item gets the sentence with its
                exact text. A cited file or row that is missing, or a text the
                article's segmentation does not produce, falls back to the
                context labelling and is counted per gold file.
  context only  every other item labelled as a tiny article of its context
                sentences + text (the figures quoted before in-article ones).
A --corpora that is not a folder is an error; with no corpora folder only the
context-only figures are written (check-benchmarks then skips the in-article
ones). Writes gold.md and gold.json. heldout.jsonl
is never tuned on: its rows are the fairest estimate for unseen text.
`;

/** The per-file rows of the labeller report (report.ts fileRow), as this benchmark reads them. */
interface FileRow {
  items: number;
  actor_accuracy: number;
  target_stance_accuracy: number;
  stance_macro_f1: number;
  hedge_type_f1: number;
  hedged_sentence_f1: number;
}

/** Figures per gold file: [metric key, label, guarded]. */
const FIGURES: ReadonlyArray<[keyof FileRow, string, boolean]> = [
  ["actor_accuracy", "actor accuracy", true],
  ["target_stance_accuracy", "target+stance accuracy", true],
  ["stance_macro_f1", "stance macro-F1", true],
  ["hedge_type_f1", "hedge type F1", true],
  ["hedged_sentence_f1", "hedged-sentence F1", false],
];
const CONTEXT_ONLY = " (context only)";

type ByFile = Record<string, FileRow>;
const byFileOf = (json: unknown): ByFile => (json as { gold: { by_file: ByFile } | null }).gold?.by_file ?? {};

/** Gold file → why its stance macro-F1 is not scored: the stances it annotates are one class (eval's degenerate.ts), so the mean F1 is over one class and reads 1 or 0.5 whatever the labeller does. */
export function stanceNotScored(items: readonly GoldItem[]): Map<string, string> {
  const stances = new Map<string, string[]>();
  for (const g of items) {
    if (g.annotated && !g.annotated.has("stance")) continue;
    const file = basename(g.at.replace(/:\d+$/, ""));
    stances.set(file, [...(stances.get(file) ?? []), g.stance]);
  }
  const out = new Map<string, string>();
  for (const [file, s] of [...stances].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const why = setDegenerate("stance", file, countLabels("stance", s), s.length);
    if (why) out.set(file, why);
  }
  return out;
}

const MACRO: keyof FileRow = "stance_macro_f1";

function figuresOf(byFile: ByFile, suffix: string, notScored: ReadonlyMap<string, string>): BenchmarkFigure[] {
  const figures: BenchmarkFigure[] = [];
  for (const file of Object.keys(byFile).sort())
    for (const [key, label, guarded] of FIGURES) {
      const value = byFile[file]![key] as number | null;
      // A file that does not annotate a field (stance-news*.jsonl: no hedges) has no figure for it.
      if (value === null || value === undefined) continue;
      if (key === MACRO && notScored.has(file)) continue;
      figures.push({ metric: label + suffix, value, records: byFile[file]!.items, guarded, split: file });
    }
  return figures;
}

const notScoredOf = (byFile: ByFile, suffix: string, notScored: ReadonlyMap<string, string>): NotScored[] =>
  Object.keys(byFile).sort().flatMap((file) => (notScored.has(file) ? [{ metric: "stance macro-F1" + suffix, split: file, records: byFile[file]!.items, reason: notScored.get(file)! }] : []));

/** The three gold files issues quote together as "all-gold" (the stance-news files came later and annotate no hedges). */
const ORIGINAL_FILES = ["corpora.jsonl", "heldout.jsonl", "seeds.jsonl"];

/** Actor accuracy over the original files pooled (accuracy × items summed: the share of all their items right), or null. */
export function pooledActor(byFile: ByFile): { value: number; items: number } | null {
  const rows = ORIGINAL_FILES.map((f) => byFile[f]).filter((r) => r !== undefined);
  if (rows.length !== ORIGINAL_FILES.length) return null;
  const items = rows.reduce((n, r) => n + r.items, 0);
  return { value: rows.reduce((n, r) => n + r.actor_accuracy * r.items, 0) / items, items };
}

function pooledFigure(byFile: ByFile, suffix: string): BenchmarkFigure[] {
  const p = pooledActor(byFile);
  return p ? [{ metric: "actor accuracy" + suffix, value: p.value, records: p.items, guarded: false, split: ORIGINAL_FILES.join("+") }] : [];
}

const pooledLine = (byFile: ByFile) => {
  const p = pooledActor(byFile);
  return p ? [`${ORIGINAL_FILES.join(" + ")} pooled ("all-gold" in issues 1–9): actor accuracy ${p.value.toFixed(4)} over ${p.items} items (not guarded: its files are).`, ""] : [];
};

const rowCells = (r: FileRow, oneClass: boolean) =>
  [fmt(r.actor_accuracy), fmt(r.target_stance_accuracy), oneClass ? "not scored (one class)" : fmt(r.stance_macro_f1), fmt(r.hedge_type_f1), fmt(r.hedged_sentence_f1)].join(" | ");
const COLUMNS = "actor accuracy | target+stance accuracy | stance macro-F1 | hedge type F1 | hedged-sentence F1";

export const gold: Benchmark = {
  name: "gold",
  summary: "the labeller on the in-repo gold set, per gold file, in the items' real articles and from context only (actor, target+stance, stance, hedge types)",
  defaultArgv: () => (existsSync(DEFAULT_GOLD) && existsSync(DEFAULT_INPUT) ? [] : null),
  async run({ argv, outDir, pipeline = FULL_PIPELINE }) {
    const f = parseFlags(argv, { gold: { type: "string" }, dir: { type: "string" }, input: { type: "string" }, corpora: { type: "string" }, lexicons: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (f.help) {
      process.stdout.write(HELP);
      return { benchmark: "gold", split: "", command: "", figures: [], reports: [] };
    }
    if (f.gold !== undefined && f.dir !== undefined) throw new InputError("--gold and --dir name the same folder: give one");
    f.gold ??= f.dir;
    const goldDir = f.gold ?? DEFAULT_GOLD;
    const input = f.input ?? DEFAULT_INPUT;
    const corpora = resolveCorpora(f.corpora, DEFAULT_CORPORA);
    const stage = await LabelStage.create({ gold: goldDir, disable: pipeline.disabled, ...(f.lexicons ? { lexicons: f.lexicons } : {}) });
    const wanted = wantedIndex(stage.wanted);
    const found = new Set<string>();
    for await (const doc of readInputs([input])) {
      if (isSkipped(doc)) continue;
      for (const article of extractArticles(doc).articles) {
        if (article.sentences.length === 0) continue;
        const labelled = labelWith(stage.lex, wanted, article, stage.pipeline);
        const texts = labelled.goldHits.map((i) => article.sentences[i]!.text);
        for (const t of texts) found.add(goldKey(article.source.path, t));
        stage.accept(article.source.path, labelled, texts);
      }
    }
    const report = stage.report();
    const json = report.json as { gold: ({ by_file: ByFile } & Record<string, unknown>) | null };
    const byFile = byFileOf(json);
    const files = Object.keys(byFile).sort();

    // In article: the items not found in the input, in the corpus articles they cite.
    let inArticle: { byFile: ByFile; fallback: Record<string, { missing: number; not_found: number }> } | null = null;
    if (corpora !== null) {
      const inBuild = (g: GoldItem) => found.has(goldKey(g.source, g.text));
      const articles = await labelCitedArticles(corpora, stage.goldItems.filter((g) => !inBuild(g)), stage.lex, stage.pipeline);
      let lookup: InArticleLookup | null = null;
      const rows = byFileOf(stage.report((base) => (lookup = inArticleLookup(base, articles, inBuild))).json);
      const fallback: Record<string, { missing: number; not_found: number }> = Object.fromEntries(files.map((file) => [file, { missing: 0, not_found: 0 }]));
      for (const g of stage.goldItems) {
        const counts = fallback[basename(g.at.replace(/:\d+$/, ""))]!;
        if (lookup!.missing.has(g.gid)) counts.missing++;
        if (lookup!.notFound.has(g.gid)) counts.not_found++;
      }
      inArticle = { byFile: rows, fallback };
    }

    const oneClass = stanceNotScored(stage.goldItems);
    const figures = [
      ...(inArticle ? [...figuresOf(inArticle.byFile, "", oneClass), ...pooledFigure(inArticle.byFile, "")] : []),
      ...figuresOf(byFile, CONTEXT_ONLY, oneClass),
      ...pooledFigure(byFile, CONTEXT_ONLY),
    ];
    const notScored = [...(inArticle ? notScoredOf(inArticle.byFile, "", oneClass) : []), ...notScoredOf(byFile, CONTEXT_ONLY, oneClass)];
    const command = ["npm run benchmark -- gold", ...(f.gold ? ["--gold", f.gold] : []), ...(f.input ? ["--input", f.input] : []), ...(f.corpora ? ["--corpora", f.corpora] : []), ...(f.lexicons ? ["--lexicons", f.lexicons] : [])].join(" ");
    const md = join(outDir, "gold.md");
    const js = join(outDir, "gold.json");
    const notMeasured = inArticle ? {} : { notMeasured: FIGURES.map(([, label]) => label) };
    const summary: BenchmarkResult = roundNumbers({ benchmark: "gold", split: files.join(", "), command, figures, reports: [md, js], ...notMeasured, ...(notScored.length > 0 ? { notScored } : {}) });
    const articleTable = inArticle
      ? [
          `## In article (corpus articles read from ${corpora}/)`,
          "",
          `Items found in ${input}/ keep their sentence there; every other item gets the sentence with its exact text in the article it cites, extracted and labelled whole as build-dataset does (one article at a time: no cross-document boilerplate pass). *fell back*: items labelled from their context instead — cited file or row missing / text not a sentence of its article.`,
          "",
          `| gold file | items | fell back (missing / text not found) | ${COLUMNS} |`,
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
          ...files.map((file) => {
            const r = inArticle!.byFile[file]!;
            const fb = inArticle!.fallback[file]!;
            return `| ${file} | ${r.items} | ${fb.missing + fb.not_found} (${fb.missing} / ${fb.not_found}) | ${rowCells(r, oneClass.has(file))} |`;
          }),
          "",
          ...pooledLine(inArticle.byFile),
        ]
      : [`## In article: not measured (no corpora folder: pass --corpora DIR or provide ${DEFAULT_CORPORA})`, ""];
    const head = [
      "# Gold set: the labeller per gold file",
      "",
      `\`${command}\` — gold ${goldDir}/ (${files.join(", ")}). heldout.jsonl and stance-news-heldout.jsonl are never tuned on.`,
      "",
      ...articleTable,
      "## Context only",
      "",
      `Items found in ${input}/ labelled in their article, the others from their own context sentences (metric names end in "${CONTEXT_ONLY.trim()}").`,
      "",
      `| gold file | items | ${COLUMNS} |`,
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...files.map((file) => `| ${file} | ${byFile[file]!.items} | ${rowCells(byFile[file]!, oneClass.has(file))} |`),
      "",
      ...pooledLine(byFile),
      ...[...oneClass].map(([file, why]) => `${file}: stance macro-F1 ${why}.`),
      ...(oneClass.size > 0 ? [""] : []),
      "Guarded (CI fails on a drop of more than 0.01): every figure but hedged-sentence F1, in article and context only. The labeller report over all gold files (context only) follows.",
      "",
    ];
    const body = report.markdown.replace(/^# Labeller report\n/, "## Labeller report (input articles and all gold files, context only)\n");
    await ensureDir(outDir);
    await writeAtomic([
      [md, head.join("\n") + body],
      [js, JSON.stringify({ summary, corpora, in_article: inArticle && { by_file: inArticle.byFile, fallback: inArticle.fallback }, gold: json.gold }, null, 2) + "\n"],
    ]);
    return summary;
  },
};
