// `npm run benchmark -- polnear --dir ../shared/corpora/polnear/dev`: the
// labeller on PolNeAR (Newell, Margolin & Ruths, LREC 2018), political news
// whose attributions other people annotated. Every article goes through the
// real pipeline in-process (extract → label, no gold); records are aligned
// with the brat annotations by code-point offsets (polnear-score.ts).
// Writes polnear-<split>.md + .json; a committed polnear-<split>-before.json
// in the same folder adds a "before" column.
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { labelArticle, loadLexicons, prf } from "../../label/index.ts";
import { parseFlags } from "../../flags.ts";
import { FULL_PIPELINE } from "../../label/pipeline.ts";
import { ensureDir, writeAtomic } from "../io.ts";
import { r4 } from "../report-types.ts";
import { mdCell as esc } from "../report-rows.ts";
import { extractAnnotated, readBratFolder } from "./brat.ts";
import { emptyCounts, scoreArticle, type Counts, type ScoredSentence, type SentenceOutcome } from "./polnear-score.ts";
import type { Benchmark, BenchmarkFigure, BenchmarkResult } from "./registry.ts";

const DEFAULT_DIR = "../shared/corpora/polnear/dev";
const TOP_MISSES = 40;
const EXAMPLES = 3;

interface Example {
  article: string;
  text: string;
  actor?: string | null;
  rule?: string | null;
  /** Mismatches: the record's actor mention and cue, the gold sources and cues. */
  mention?: string;
  cue?: string | null;
  gold_sources?: string;
  gold_cues?: string;
}

/** Found sentences whose source is wrong or whose cue misses every gold cue, per deciding rule. */
interface Mismatch {
  found: number;
  source_wrong: number;
  cue_scored: number;
  cue_missed: number;
  examples: Example[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function figuresOf(c: Counts): BenchmarkFigure[] {
  const att = prf(c.found, c.predicted - c.found, c.gold - c.found);
  const content = prf(c.contentBoth, c.contentPredicted - c.contentBoth, c.contentGold - c.contentBoth);
  const f = (metric: string, value: number, records: number, guarded: boolean): BenchmarkFigure => ({ metric, value: r4(value), records, guarded });
  return [
    f("attribution_f1", att.f1, c.gold, true),
    f("attribution_precision", att.precision, c.predicted, true),
    f("attribution_recall", att.recall, c.gold, true),
    f("source_right_of_found", ratio(c.sourceOverlap, c.found), c.found, true),
    f("source_exact_of_found", ratio(c.sourceExact, c.found), c.found, false),
    f("source_right_end_to_end", ratio(c.sourceOverlap, c.gold), c.gold, false),
    f("cue_overlap_of_found", ratio(c.cueOverlap, c.foundWithCue), c.foundWithCue, true),
    f("cue_exact_of_found", ratio(c.cueExact, c.foundWithCue), c.foundWithCue, false),
    f("content_token_f1", content.f1, c.contentGold, true),
    f("content_token_precision", content.precision, c.contentPredicted, false),
    f("content_token_recall", content.recall, c.contentGold, false),
  ];
}

export const polnear: Benchmark = {
  name: "polnear",
  summary: "attribution (actor, cue, content) against PolNeAR's hand annotations (--dir SPLIT)",
  defaultArgv: () => (existsSync(join(DEFAULT_DIR, "attributions")) ? ["--dir", DEFAULT_DIR] : null),
  async run({ argv, outDir, pipeline = FULL_PIPELINE }): Promise<BenchmarkResult> {
    const flags = parseFlags(argv, { dir: { type: "string" }, lexicons: { type: "string" } });
    const dir = flags.dir ?? DEFAULT_DIR;
    const split = basename(resolve(dir));
    const lex = await loadLexicons(flags.lexicons);
    const articles = await readBratFolder(dir);
    const c = emptyCounts();
    const misses = new Map<string, { misses: number; occurrences: number; examples: Example[] }>();
    const fps = new Map<string, { count: number; examples: Example[] }>();
    const mismatches = new Map<string, Mismatch>();
    for (const a of articles) {
      const cps = [...a.text];
      const sentences: ScoredSentence[] = [];
      for (const art of extractAnnotated(a)) {
        const labelled = labelArticle(art, lex, pipeline);
        art.sentences.forEach((s, i) => sentences.push({ start: s.start, end: s.end, text: s.text, labels: labelled[i]!.labels }));
      }
      const outcomes: SentenceOutcome[] = scoreArticle(cps, a.doc.attributions, sentences, c);
      outcomes.forEach((o, i) => {
        const s = sentences[i]!;
        if (o.gold) {
          const m = misses.get(o.goldCue!) ?? { misses: 0, occurrences: 0, examples: [] };
          m.occurrences++;
          if (!o.predicted) {
            m.misses++;
            if (m.examples.length < EXAMPLES) m.examples.push({ article: a.name, text: s.text });
          }
          misses.set(o.goldCue!, m);
          if (o.predicted) {
            const key = o.rule ?? "(none)";
            const mm = mismatches.get(key) ?? { found: 0, source_wrong: 0, cue_scored: 0, cue_missed: 0, examples: [] };
            mm.found++;
            if (!o.sourceOk) mm.source_wrong++;
            if (o.cueScored) mm.cue_scored++;
            if (o.cueScored && !o.cueOk) mm.cue_missed++;
            if ((!o.sourceOk || (o.cueScored && !o.cueOk)) && mm.examples.length < EXAMPLES)
              mm.examples.push({ article: a.name, text: s.text, mention: s.labels.actor!.mention, cue: s.labels.cue, gold_sources: o.goldSources, gold_cues: o.goldCues });
            mismatches.set(key, mm);
          }
        } else if (o.predicted) {
          const key = o.rule ?? "(none)";
          const fp = fps.get(key) ?? { count: 0, examples: [] };
          fp.count++;
          if (fp.examples.length < EXAMPLES) fp.examples.push({ article: a.name, text: s.text, actor: s.labels.actor?.name ?? null, rule: o.rule });
          fps.set(key, fp);
        }
      });
    }
    const command = `npm run benchmark -- polnear --dir ${dir}`;
    const stem = `polnear-${split}`;
    const reports = [join(outDir, `${stem}.md`), join(outDir, `${stem}.json`)];
    const summary: BenchmarkResult = { benchmark: "polnear", split, command, figures: figuresOf(c), reports };
    const byCount = <T,>(m: Map<string, T>, key: (v: T) => number) =>
      [...m.entries()].sort((x, y) => key(y[1]) - key(x[1]) || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const topMisses = byCount(misses, (v) => v.misses).filter(([, v]) => v.misses > 0).slice(0, TOP_MISSES);
    const fpRules = byCount(fps, (v) => v.count);
    const beforePath = join(outDir, `${stem}-before.json`);
    const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, "utf8")) as { summary: BenchmarkResult }).summary : null;
    const json = {
      summary,
      articles: articles.length,
      counts: c,
      recall_by_kind: { cue_inside: r4(ratio(c.foundByCue, c.goldByCue)), content_only: r4(ratio(c.foundByContent, c.goldByContent)) },
      misses_by_cue: topMisses.map(([cue, v]) => ({ cue, ...v })),
      false_positives_by_rule: fpRules.map(([rule, v]) => ({ rule, ...v })),
      mismatches_by_rule: byCount(mismatches, (v) => v.source_wrong + v.cue_missed).map(([rule, v]) => ({ rule, ...v })),
    };
    await ensureDir(outDir);
    await writeAtomic([
      [reports[0]!, renderMarkdown(summary, json, before)],
      [reports[1]!, JSON.stringify(json, null, 2) + "\n"],
    ]);
    return summary;
  },
};

interface ReportJson {
  articles: number;
  counts: Counts;
  recall_by_kind: Record<string, number>;
  misses_by_cue: { cue: string; misses: number; occurrences: number; examples: Example[] }[];
  false_positives_by_rule: { rule: string; count: number; examples: Example[] }[];
  mismatches_by_rule: ({ rule: string } & Mismatch)[];
}

function renderMarkdown(s: BenchmarkResult, j: ReportJson, before: BenchmarkResult | null): string {
  const c = j.counts;
  const lines = [
    `# PolNeAR attribution benchmark (${s.split})`,
    "",
    `Command: \`${s.command}\``,
    "",
    `${j.articles} articles, ${c.sentences} sentences, ${c.gold} gold-attributed (${c.goldByCue} with the cue inside, ${c.goldByContent} by content only), ${c.predicted} predicted (actor not null). Definitions: docs/claim-records.md section 3; guarded figures fail CI when they drop more than 0.01 below this report.`,
    "",
    before ? "| metric | before | now | over | guarded |" : "| metric | value | over | guarded |",
    before ? "| --- | --- | --- | --- | --- |" : "| --- | --- | --- | --- |",
  ];
  for (const f of s.figures) {
    const b = before?.figures.find((x) => x.metric === f.metric);
    const cells = [f.metric, ...(before ? [b ? b.value.toFixed(4) : "–"] : []), f.value.toFixed(4), String(f.records), f.guarded ? "yes" : "no"];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    `Recall by kind: cue inside the sentence ${j.recall_by_kind.cue_inside!.toFixed(4)}, content only (inside a multi-sentence quote) ${j.recall_by_kind.content_only!.toFixed(4)}.`,
    `Source matches: ${c.sourceExact} exact span, ${c.sourceOverlap} right in all (${c.sourcePronoun} through a resolved pronoun mention, ${c.sourceByName} by name with no mention in the sentence, ${c.sourceRelative} through the antecedent of a relative-pronoun gold source).`,
    "",
    `## Misses by gold cue (top ${TOP_MISSES})`,
    "",
    "| cue | missed | of | example |",
    "| --- | --- | --- | --- |",
  );
  for (const m of j.misses_by_cue) lines.push(`| ${esc(m.cue)} | ${m.misses} | ${m.occurrences} | ${esc(m.examples[0]?.text ?? "")} |`);
  lines.push("", "## False positives by rule", "", "| rule | count | example (actor) |", "| --- | --- | --- |");
  for (const f of j.false_positives_by_rule) lines.push(`| ${f.rule} | ${f.count} | ${esc(f.examples[0]?.text ?? "")} (${esc(f.examples[0]?.actor ?? "")}) |`);
  lines.push(
    "",
    "## Mismatches of found sentences by rule",
    "",
    "Found sentences (gold-attributed, actor not null) whose actor mention matches no gold source of the sentence, or whose cue overlaps none of its gold cues (cue counted only where it lies in the sentence). Example: the record's mention and cue → the gold sources and cues.",
    "",
    "| rule | found | source wrong | cue scored | cue missed | example |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const m of j.mismatches_by_rule) {
    const x = m.examples[0];
    const ex = x ? `${esc(x.text)} (${esc(x.mention ?? "")} / ${esc(x.cue ?? "–")} → ${esc(x.gold_sources || "–")} / ${esc(x.gold_cues || "–")})` : "";
    lines.push(`| ${m.rule} | ${m.found} | ${m.source_wrong} | ${m.cue_scored} | ${m.cue_missed} | ${ex} |`);
  }
  return lines.join("\n") + "\n";
}
