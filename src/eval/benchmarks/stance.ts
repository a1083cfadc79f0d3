// `npm run benchmark -- stance`: stance on any target (issue 10) against the stance gold — the
// labeller's stance, support/oppose F1, target_text head match and target_entity accuracy per file
// (data/gold/stance-news.jsonl, tuned on; stance-news-heldout.jsonl, never tuned on, guarded).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic, ensureDir } from "../io.ts";
import { r4 } from "../report-types.ts";
import { loadGold, makeGoldLookup, scoreAgainstGold } from "../../label/index.ts";
import { loadLexicons } from "../../label/lexicon/lexicons.ts";
import type { GoldScore } from "../../label/analysis/score.ts";
import { parseFlags } from "../../flags.ts";
import { FULL_PIPELINE } from "../../label/pipeline.ts";
import type { Benchmark, BenchmarkFigure, BenchmarkResult } from "./registry.ts";

const GOLD_DIR = new URL("../../../data/gold/", import.meta.url).pathname;
const FILES = [
  { file: "stance-news.jsonl", split: "train", guarded: false },
  { file: "stance-news-heldout.jsonl", split: "heldout", guarded: true },
] as const;

/** Metric names carry the split ("heldout.stance_accuracy"): one result holds both files' figures. */
function figures(s: GoldScore, split: string, guarded: boolean): BenchmarkFigure[] {
  return [
    { metric: `${split}.stance_accuracy`, value: r4(s.stanceAccuracy), records: s.stanceItems, guarded },
    { metric: `${split}.support_f1`, value: r4(s.stancePerClass.support.f1), records: s.stanceItems, guarded },
    { metric: `${split}.oppose_f1`, value: r4(s.stancePerClass.oppose.f1), records: s.stanceItems, guarded },
    { metric: `${split}.target_text_head`, value: r4(s.targetTextHead.accuracy), records: s.targetTextHead.items, guarded },
    { metric: `${split}.target_entity_accuracy`, value: r4(s.targetEntity.accuracy), records: s.targetEntity.items, guarded },
  ];
}

export const stance: Benchmark = {
  name: "stance",
  summary: "stance, target_text and target_entity on non-seed news (data/gold/stance-news*.jsonl)",
  defaultArgv: () => (FILES.every((f) => existsSync(join(GOLD_DIR, f.file))) ? [] : null),
  async run({ argv, outDir, pipeline = FULL_PIPELINE }): Promise<BenchmarkResult> {
    const flags = parseFlags(argv, { help: { type: "boolean" } });
    if (flags.help) {
      process.stdout.write("npm run benchmark -- stance: scores data/gold/stance-news.jsonl (train) and stance-news-heldout.jsonl (heldout, guarded)\n");
      return { benchmark: "stance", split: "", command: "npm run benchmark -- stance", figures: [], reports: [] };
    }
    const lex = await loadLexicons();
    const lookup = makeGoldLookup([], lex, pipeline);
    const figs: BenchmarkFigure[] = [];
    const detail: Record<string, unknown> = {};
    for (const f of FILES) {
      const s = scoreAgainstGold(await loadGold(join(GOLD_DIR, f.file)), lookup);
      figs.push(...figures(s, f.split, f.guarded));
      // Errors only for the file the rules are tuned on: listing the held-out ones would invite tuning on them.
      detail[f.file] = { items: s.items, errors: f.guarded ? s.errors.length : s.errors.map((e) => ({ gid: e.gid, text: e.text, wrong: e.wrong })) };
    }
    await ensureDir(outDir);
    const reports = [join(outDir, "stance.json"), join(outDir, "stance.md")];
    const summary: BenchmarkResult = { benchmark: "stance", split: "stance-news-heldout.jsonl (guarded) and stance-news.jsonl", command: "npm run benchmark -- stance", figures: figs, reports };
    const md = [
      "# Stance on any target (issue 10)",
      "",
      "`npm run benchmark -- stance`: the labeller against the stance gold (PolNeAR train, BBC politics, Horne 2017 sentences; data/gold/README.md). Sentences are labelled with their gold context only. *train* = stance-news.jsonl (tuned on); *heldout* = stance-news-heldout.jsonl (never tuned on; its figures are guarded).",
      "",
      "| metric | value | over items | guarded |",
      "| --- | ---: | ---: | --- |",
      ...figs.map((f) => `| ${f.metric} | ${f.value.toFixed(4)} | ${f.records} | ${f.guarded ? "yes" : "no"} |`),
      "",
    ].join("\n");
    await writeAtomic([
      [reports[0]!, JSON.stringify({ summary, files: detail }, null, 2) + "\n"],
      [reports[1]!, md],
    ]);
    return summary;
  },
};
