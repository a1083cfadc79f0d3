// `npm run benchmark -- cleaning`: how clean the records are on corpora the
// chrome rules were not written for (issue 14). For PolNeAR dev and train,
// FNC-1 (both body files), horne2017 and BBC it builds the records in-process
// (extract stage, default cleaning) and reports records that still match the
// chrome lexicon, fragments (lower-case start, no final punctuation), FNC-1's
// share of body records without final punctuation, the share of PolNeAR gold
// Content characters still inside some record, and chrome dropped by
// category; and which seed records changed. The figures of the code before
// this work are kept in bench/labels/cleaning-before.json (written once with
// --write-before) and shown next to the current ones.
// Issue 20 (learned cleaning): each corpus is also built with the learned
// cleaning off ("before issue 20", CleaningOptions learned: false) to show
// what it changed, and AllSides articles with hand-marked chrome
// (data/gold/chrome/: the held-out eval file, and the train file used for
// tuning) give the junk-record and kept-text figures (cleaning-allsides.ts).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { extractArticles, readInputs } from "../../extract/index.ts";
import { loadChromeLexicon } from "../../extract/chrome-lexicon.ts";
import { prepareCleaning } from "../../dataset/boilerplate.ts";
import { parseFlags } from "../../flags.ts";
import { r4 } from "../report-types.ts";
import { lostSinceBefore, measureCorpus, type CorpusFigures, type CorpusSpec } from "./cleaning-measure.ts";
import { renderCleaningReport, type SeedRecord } from "./cleaning-report.ts";
import { loadGoldArticles, measureAllSides, modelAgainstGold, prepareCleaningFor, type AllSidesFigures } from "./cleaning-allsides.ts";
import { renderLearnedSection, type LearnedFigures } from "./cleaning-learned-report.ts";
import type { Benchmark, BenchmarkFigure, BenchmarkFlags, BenchmarkResult } from "./registry.ts";

const DEFAULT_CORPORA = "../shared/corpora";
const BEFORE_FILE = "cleaning-before.json";
/** The figures at the start of the second cleaning round (headings, captions, embedded posts; commit dfac984). */
const ROUND2_BEFORE_FILE = "cleaning-round2-before.json";

export function corpusSpecs(root: string): CorpusSpec[] {
  const p = (...parts: string[]) => join(root, ...parts);
  return [
    { name: "polnear-dev", inputs: [p("polnear/dev/text")], read: {}, polnearAnnotations: p("polnear/dev/attributions") },
    { name: "polnear-train", inputs: [p("polnear/train/text")], read: {}, polnearAnnotations: p("polnear/train/attributions") },
    {
      name: "fnc1",
      inputs: [p("fnc1/train_bodies.csv"), p("fnc1/competition_test_bodies.csv")],
      read: { textColumn: "articleBody", idColumn: "Body ID" },
    },
    { name: "horne2017", inputs: [p("horne2017")], read: { encoding: "auto" } },
    { name: "bbc", inputs: [p("bbc_news")], read: {} },
  ];
}

const share = (n: number, d: number) => (d === 0 ? 0 : r4(n / d));

export function headlineFigures(c: Record<string, CorpusFigures>): BenchmarkFigure[] {
  const f: BenchmarkFigure[] = [];
  for (const name of ["polnear-dev", "fnc1", "horne2017"]) {
    const x = c[name];
    if (!x) continue;
    f.push({ metric: `${name} records matching the chrome lexicon`, value: x.chromeMatches, records: x.records, guarded: false });
    f.push({ metric: `${name} lower-case fragments share`, value: share(x.lowerNoFinal, x.records), records: x.records, guarded: false });
  }
  if (c.fnc1) f.push({ metric: "fnc1 body records without final punctuation share", value: share(c.fnc1.noFinalBody, c.fnc1.bodyRecords), records: c.fnc1.bodyRecords, guarded: false });
  for (const name of ["polnear-dev", "polnear-train"]) {
    const x = c[name];
    if (x?.contentChars) f.push({ metric: `${name} gold Content characters in records`, value: share(x.contentCovered!, x.contentChars), records: x.contentChars, guarded: true });
  }
  return f;
}

/** Corpora without gold whose text lost since before issue 20 is broken down by the category that drops it. */
const LOST_BREAKDOWN = new Set(["fnc1", "bbc", "horne2017"]);

const OUTLET_MIN_DOCS_SWEEP = [0, 2, 3, 5, 10];

export const CHROME_GOLD = { eval: "data/gold/chrome/chrome-allsides-eval.jsonl", train: "data/gold/chrome/chrome-allsides-train.jsonl" } as const;

/** The AllSides figures of one hand-marked file, before and after issue 20, with the model against the marks; null without the corpus or file. */
async function allSidesFigures(root: string, file: string): Promise<LearnedFigures["allsides"][string] | null> {
  const g = await loadGoldArticles(root, file);
  if (!g) return null;
  const before = measureAllSides(g.gold, g.docs, await prepareCleaningFor(g.outletDocs, { learned: false }));
  const spec = await prepareCleaningFor(g.outletDocs);
  const after: AllSidesFigures = measureAllSides(g.gold, g.docs, spec);
  const sweep: { outletMinDocs: number; junk: number; records: number; kept: number; chars: number }[] = [];
  // The template threshold is chosen on the train file only (never on the held-out eval file).
  if (file === CHROME_GOLD.train)
    for (const outletMinDocs of OUTLET_MIN_DOCS_SWEEP) {
      const f = measureAllSides(g.gold, g.docs, await prepareCleaningFor(g.outletDocs, { outletMinDocs }));
      sweep.push({ outletMinDocs, junk: f.junkRecords, records: f.records, kept: f.textKept, chars: f.textChars });
    }
  return { file, before, after, model: modelAgainstGold(g.gold, g.docs, spec), sweep };
}

async function seedRecords(opts: { learned?: boolean } = {}): Promise<SeedRecord[]> {
  const out: SeedRecord[] = [];
  const spec = await prepareCleaning(["seeds/"], {}, opts);
  for await (const doc of readInputs(["seeds/"])) {
    if ("reason" in doc) continue;
    for (const a of extractArticles(doc, spec).articles)
      a.sentences.forEach((s, i) => out.push({ id: `${a.doc_id}#${i}`, kind: s.kind, text: s.text }));
  }
  return out;
}

const OPTIONS = {
  corpora: { type: "string" },
  "write-before": { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** Issue 20's headline figures: AllSides eval junk and kept text, text kept on the other corpora. */
export function learnedFigures(l: LearnedFigures): BenchmarkFigure[] {
  const f: BenchmarkFigure[] = [];
  const e = l.allsides.eval;
  if (e) {
    f.push({ metric: "allsides-eval junk records share", value: share(e.after.junkRecords, e.after.records), records: e.after.records, guarded: false });
    f.push({ metric: "allsides-eval records that are not chrome share", value: share(e.after.records - e.after.junkRecords, e.after.records), records: e.after.records, guarded: true });
    f.push({ metric: "allsides-eval non-chrome characters in records", value: share(e.after.textKept, e.after.textChars), records: e.after.textChars, guarded: true });
    f.push({ metric: "allsides-eval segment model precision", value: e.model.precision, records: e.model.dropped, guarded: false });
    f.push({ metric: "allsides-eval segment model recall", value: e.model.recall, records: e.model.junk, guarded: false });
  }
  for (const name of ["fnc1", "bbc", "horne2017"]) {
    const c = l.corpora[name]?.after;
    if (c?.textChars) f.push({ metric: `${name} text characters in records`, value: share(c.recordChars!, c.textChars), records: c.textChars, guarded: false });
  }
  return f;
}

async function run({ argv, outDir }: BenchmarkFlags): Promise<BenchmarkResult> {
  const f = parseFlags(argv, OPTIONS);
  const root = f.corpora ?? DEFAULT_CORPORA;
  const lexicon = loadChromeLexicon();
  const corpora: Record<string, CorpusFigures> = {};
  const learned: LearnedFigures = { corpora: {}, allsides: {}, seeds: { before: [], after: [] } };
  for (const spec of corpusSpecs(root)) {
    if (!existsSync(spec.inputs[0]!)) continue;
    corpora[spec.name] = await measureCorpus(spec, lexicon, {});
    learned.corpora[spec.name] = { before: await measureCorpus(spec, lexicon, { learned: false }), after: corpora[spec.name]! };
    if (LOST_BREAKDOWN.has(spec.name)) learned.corpora[spec.name]!.lost = await lostSinceBefore(spec);
  }
  const seeds = await seedRecords();
  learned.seeds = { before: await seedRecords({ learned: false }), after: seeds };
  for (const [split, file] of Object.entries(CHROME_GOLD)) {
    const a = await allSidesFigures(root, file);
    if (a) learned.allsides[split] = a;
  }
  const command = `npm run benchmark -- cleaning${f.corpora ? ` --corpora ${JSON.stringify(f.corpora)}` : ""}`;
  await mkdir(outDir, { recursive: true });
  const figures = [...headlineFigures(corpora), ...learnedFigures(learned)];
  if (f["write-before"]) {
    const file = join(outDir, BEFORE_FILE);
    await writeFile(file, JSON.stringify({ figures, corpora, seeds }, null, 2) + "\n");
    return { benchmark: "cleaning", split: "polnear dev+train, fnc1, horne2017, bbc", command, figures, reports: [file] };
  }
  const beforePath = join(outDir, BEFORE_FILE);
  const before = existsSync(beforePath)
    ? (JSON.parse(await readFile(beforePath, "utf8")) as { figures: BenchmarkFigure[]; corpora: Record<string, CorpusFigures>; seeds: SeedRecord[] })
    : null;
  const round2Path = join(outDir, ROUND2_BEFORE_FILE);
  const round2 = existsSync(round2Path)
    ? (JSON.parse(await readFile(round2Path, "utf8")) as { corpora: Record<string, CorpusFigures>; seeds: SeedRecord[] })
    : null;
  const md = join(outDir, "cleaning.md");
  const json = join(outDir, "cleaning.json");
  const summary: BenchmarkResult = { benchmark: "cleaning", split: "polnear dev+train, fnc1, horne2017, bbc", command, figures, reports: [md, json] };
  const report = renderCleaningReport(summary, corpora, before, seeds, round2);
  const section = renderLearnedSection(learned);
  await writeFile(md, report.markdown.replace(/\n## Targets\n/, `\n${section.markdown}\n## Targets (issue 14)\n`));
  await writeFile(json, JSON.stringify({
    summary, corpora, before: before?.corpora ?? null, round2Before: round2?.corpora ?? null, seedChanges: report.seedChanges,
    learned: { before: Object.fromEntries(Object.entries(learned.corpora).map(([k, v]) => [k, v.before])), allsides: learned.allsides, seedChanges: section.seedChanges },
  }, null, 2) + "\n");
  return summary;
}

export const cleaning: Benchmark = {
  name: "cleaning",
  summary: "chrome, markup and line-break fragments left in records (PolNeAR, FNC-1, horne2017, BBC)",
  defaultArgv: () => (existsSync(join(DEFAULT_CORPORA, "polnear")) ? [] : null),
  run,
};
