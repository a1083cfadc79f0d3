// `npm run benchmark -- gold`: the in-repo gold set (data/gold/*.jsonl),
// scored by the labeller per gold file. It reuses the labeller report's
// scoring (src/label/score.ts, report.ts through the build's LabelStage): the
// input articles (default seeds/) are extracted and labelled as the build
// does, gold items found among their sentences are scored in their article
// context, and the rest (the corpus items) are labelled from their own
// context sentences, so the figures are the by-file rows of
// data/labeller-report.json.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseFlags } from "../../cli/main.ts";
import { LabelStage, labelWith, wantedIndex } from "../../dataset/label-stage.ts";
import { extractArticles, isSkipped, readInputs } from "../../extract/index.ts";
import { ensureDir, writeAtomic } from "../io.ts";
import { roundNumbers } from "../report-types.ts";
import type { Benchmark, BenchmarkFigure, BenchmarkResult } from "./registry.ts";

const DEFAULT_GOLD = "data/gold";
const DEFAULT_INPUT = "seeds";
const HELP = `Usage: npm run benchmark -- gold [--gold DIR] [--input PATH] [--lexicons DIR]

Scores the labeller on every gold file of DIR (default ${DEFAULT_GOLD}), the
items found in PATH's articles (default ${DEFAULT_INPUT}/) in their article
context. Writes gold.md and gold.json. heldout.jsonl is never tuned on: its
rows are the fairest estimate for unseen text.
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

export const gold: Benchmark = {
  name: "gold",
  summary: "the labeller on the in-repo gold set, per gold file (actor, target+stance, stance, hedge types)",
  defaultArgv: () => (existsSync(DEFAULT_GOLD) && existsSync(DEFAULT_INPUT) ? [] : null),
  async run({ argv, outDir }) {
    const f = parseFlags(argv, { gold: { type: "string" }, input: { type: "string" }, lexicons: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (f.help) {
      process.stdout.write(HELP);
      return { benchmark: "gold", split: "", command: "", figures: [], reports: [] };
    }
    const goldDir = f.gold ?? DEFAULT_GOLD;
    const input = f.input ?? DEFAULT_INPUT;
    const stage = await LabelStage.create({ gold: goldDir, ...(f.lexicons ? { lexicons: f.lexicons } : {}) });
    const wanted = wantedIndex(stage.wanted);
    for await (const doc of readInputs([input])) {
      if (isSkipped(doc)) continue;
      for (const article of extractArticles(doc).articles) {
        if (article.sentences.length === 0) continue;
        const labelled = labelWith(stage.lex, wanted, article);
        stage.accept(
          article.source.path,
          labelled,
          labelled.goldHits.map((i) => article.sentences[i]!.text),
        );
      }
    }
    const report = stage.report();
    const json = report.json as { gold: { by_file: Record<string, FileRow> } & Record<string, unknown> | null };
    const byFile = json.gold?.by_file ?? {};
    const files = Object.keys(byFile).sort();
    const figures: BenchmarkFigure[] = [];
    for (const file of files)
      for (const [key, label, guarded] of FIGURES) {
        const value = byFile[file]![key] as number | null;
        // A file that does not annotate a field (stance-news*.jsonl: no hedges) has no figure for it.
        if (value === null || value === undefined) continue;
        figures.push({ metric: label, value, records: byFile[file]!.items, guarded, split: file });
      }
    const command = ["npm run benchmark -- gold", ...(f.gold ? ["--gold", f.gold] : []), ...(f.input ? ["--input", f.input] : []), ...(f.lexicons ? ["--lexicons", f.lexicons] : [])].join(" ");
    const md = join(outDir, "gold.md");
    const js = join(outDir, "gold.json");
    const summary: BenchmarkResult = roundNumbers({ benchmark: "gold", split: files.join(", "), command, figures, reports: [md, js] });
    const head = [
      "# Gold set: the labeller per gold file",
      "",
      `\`${command}\` — gold ${goldDir}/ (${files.join(", ")}), items found in ${input}/ labelled in their article context, the others from their own context sentences. heldout.jsonl is never tuned on.`,
      "",
      "| gold file | items | actor accuracy | target+stance accuracy | stance macro-F1 | hedge type F1 | hedged-sentence F1 |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...files.map((file) => {
        const r = byFile[file]!;
        return `| ${file} | ${r.items} | ${[r.actor_accuracy, r.target_stance_accuracy, r.stance_macro_f1, r.hedge_type_f1, r.hedged_sentence_f1].map((x) => (x === null || x === undefined ? "–" : x.toFixed(4))).join(" | ")} |`;
      }),
      "",
      "Guarded (CI fails on a drop of more than 0.01): every figure but hedged-sentence F1. The labeller report over all gold files follows.",
      "",
    ];
    const body = report.markdown.replace(/^# Labeller report\n/, "## Labeller report (input articles and all gold files)\n");
    await ensureDir(outDir);
    await writeAtomic([
      [md, head.join("\n") + body],
      [js, JSON.stringify({ summary, gold: json.gold }, null, 2) + "\n"],
    ]);
    return summary;
  },
};
