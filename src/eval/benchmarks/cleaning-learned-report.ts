// The issue 20 section of the cleaning report: the learned cleaning
// (src/extract/cleaning/) before → after on AllSides articles with
// hand-marked chrome, on PolNeAR, FNC-1, BBC and horne2017, and the seed
// records it changed.
import type { AllSidesFigures } from "./cleaning-allsides.ts";
import type { CorpusFigures } from "./cleaning-measure.ts";
import { seedChanges, type SeedChanges, type SeedRecord } from "./cleaning-report.ts";
import { OUTLET_MIN_DOCS, OUTLET_MIN_SHARE } from "../../extract/cleaning/templates.ts";
import { DEFAULT_CHROME_MODEL } from "../../extract/cleaning/model.ts";
import { existsSync, readFileSync } from "node:fs";

export interface LearnedFigures {
  /** `lost`: non-space characters in records before issue 20 and in none after, by the category that drops them. */
  corpora: Record<string, { before: CorpusFigures; after: CorpusFigures; lost?: Record<string, number> }>;
  allsides: Record<string, { file: string; before: AllSidesFigures; after: AllSidesFigures; model: { dropped: number; droppedJunk: number; junk: number; precision: number; recall: number };
    /** The train file only: figures for other per-outlet template thresholds (0 = templates off). */
    sweep: { outletMinDocs: number; junk: number; records: number; kept: number; chars: number }[] }>;
  seeds: { before: SeedRecord[]; after: SeedRecord[] };
}

/**
 * The segment model's own figures (data/models/chrome-classifier.json `trained`): cross-validation by outlet on
 * the training outlets, and train-chrome's held-out AllSides outlets; plus the figures before round 3 (issue 20's
 * third round: more hand labels, more features, threshold by cross-validation).
 */
function modelSummary(): string[] {
  if (!existsSync(DEFAULT_CHROME_MODEL)) return [];
  const m = JSON.parse(readFileSync(DEFAULT_CHROME_MODEL, "utf8")) as { threshold: number; trained: Record<string, any> };
  const t = m.trained;
  const pr = (x: { precision: number; recall: number; positives: number; examples: number } | undefined) =>
    x ? `precision ${x.precision}, recall ${x.recall} (${x.positives} chrome of ${x.examples})` : "–";
  return [
    `Segment model (data/models/chrome-classifier.json, \`npm run train-chrome\`): ${t.sentences} training sentences (${t.hand_sentences} hand-labelled: ` +
      `the train gold file's marks and data/gold/chrome/chrome-lines-hand.jsonl), L2 ${t.l2}, threshold ${m.threshold}, both chosen by ` +
      `${t.folds}-fold cross-validation by outlet on the training outlets — out-of-fold on hand labels: ${pr(t.cross_validation_hand)}; ` +
      `on train-chrome's ${t.held_out?.outlets} held-out AllSides outlets: hand labels ${pr(t.held_out?.hand)}, weak labels ${pr(t.held_out?.weak)}. ` +
      "Before round 3 (same eval file): the model dropped 0 records of either AllSides file (eval junk 44 / 2511 = 1.75%, kept 99.822%; " +
      "train kept 99.164%), and on FNC-1 / BBC / horne2017 17 / 2 / 7 pieces (482 / 40 / 241 characters: 'Our ruling', 'Lansdowne Road, Dublin' among them).",
    "",
  ];
}

const pct = (n: number, d: number, digits = 2) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(digits)}%`);
const yes = (ok: boolean) => (ok ? "yes" : "no");

export function renderLearnedSection(l: LearnedFigures): { markdown: string; seedChanges: SeedChanges } {
  const out: string[] = [
    "## Issue 20: cleaning learned from the corpus",
    "",
    "What it adds (src/extract/cleaning/README.md): per-outlet templates (lines, line prefixes and suffixes repeated across " +
      `one outlet's articles: at least ${OUTLET_MIN_DOCS} documents and ${OUTLET_MIN_SHARE * 100}% of the outlet's documents), inline chrome cut out of prose ` +
      "(hover cards, promos, datelines, glued captions, closing notes, author bios), a segment model (category `model`, " +
      "`--keep-chrome model` turns it off) and tweet signatures credited to the tweet text; in a second round, chrome by shape " +
      "on any outlet (agency-style photo captions, author bios, prompts, copyright lines) and in-page repeats (category `repeat`: a " +
      "title repeated as a body line). \"Before\" = the same code with all of it off (CleaningOptions `learned: false`).",
    "",
    "On FNC-1, BBC and horne2017 (no chrome gold) *text characters in records* counts chrome and prose alike, so every piece " +
      "of chrome the issue asks to cut (a dateline on a lead, an author bio, a promo) lowers it: the row *in records before, in " +
      "none after* breaks what was lost since before issue 20 down by the category that drops it (`?`: in no dropped piece: " +
      "a sentence that became an exact in-article repeat of a kept one, so its text is still in a record — on FNC-1 all of it: five " +
      "sentences, embedded tweets' texts and a quote the article repeats, equal to a kept sentence once a tweet's signature or link is cut), and the pieces are listed below.",
    "",
    "AllSides figures: articles whose chrome an independent annotator marked by hand before seeing any output " +
      "(data/gold/chrome/, see chrome-allsides.md there); the pre-pass runs over every corpus article of the file's outlets, " +
      "each document with its outlet. *Junk record*: at least half of its non-space characters are marked chrome. *Kept text*: " +
      "non-space characters outside marked chrome that lie inside some record. The **eval** file is held out (never used to " +
      "train or tune: its outlets and web sites are excluded from train-chrome); the **train** file's outlets were used to " +
      "choose the thresholds and rules (its figures are optimistic).",
    "",
    ...templateSweep(l),
    ...modelSummary(),
    "| set | figure | target | before | after | met |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const [split, a] of Object.entries(l.allsides)) {
    const b = a.before;
    const f = a.after;
    const name = `AllSides ${split} (${f.articles} articles, ${f.outlets} outlets)`;
    out.push(`| ${name} | records | – | ${b.records} | ${f.records} | |`);
    out.push(`| ${name} | junk records | ≤ 1% | ${b.junkRecords} (${pct(b.junkRecords, b.records)}) | ${f.junkRecords} (${pct(f.junkRecords, f.records)}) | ${yes(f.junkRecords <= 0.01 * f.records)} |`);
    out.push(`| ${name} | non-chrome characters in records | ≥ 99.5% | ${pct(b.textKept, b.textChars, 3)} | ${pct(f.textKept, f.textChars, 3)} (${f.textKept} / ${f.textChars}) | ${yes(f.textKept >= 0.995 * f.textChars)} |`);
    out.push(`| ${name} | segment model: dropped records that are junk (precision) | – | – | ${a.model.droppedJunk} / ${a.model.dropped} (${a.model.precision}) | |`);
    out.push(`| ${name} | segment model: junk records left by the rules it drops (recall) | – | – | ${a.model.droppedJunk} / ${a.model.junk} (${a.model.recall}) | |`);
  }
  const dev = l.corpora["polnear-dev"];
  if (dev) {
    out.push(`| PolNeAR dev | records matching the chrome lexicon | ≤ 3 | ${dev.before.chromeMatches} | ${dev.after.chromeMatches} | ${yes(dev.after.chromeMatches <= 3)} |`);
    if (dev.after.contentChars)
      out.push(`| PolNeAR dev | gold Content characters in records | ≥ 99.9% | ${pct(dev.before.contentCovered!, dev.before.contentChars!, 3)} | ${pct(dev.after.contentCovered!, dev.after.contentChars, 3)} | ${yes(dev.after.contentCovered! >= 0.999 * dev.after.contentChars)} |`);
  }
  const train = l.corpora["polnear-train"];
  if (train?.after.contentChars)
    out.push(`| PolNeAR train | gold Content characters in records | no less than before | ${pct(train.before.contentCovered!, train.before.contentChars!, 3)} | ${pct(train.after.contentCovered!, train.after.contentChars, 3)} | ${yes(train.after.contentCovered! >= train.before.contentCovered!)} |`);
  for (const name of ["fnc1", "bbc", "horne2017"]) {
    const c = l.corpora[name];
    if (!c) continue;
    out.push(`| ${name} | records | – | ${c.before.records} | ${c.after.records} | |`);
    out.push(`| ${name} | text characters in records | (what was dropped is listed below) | ${pct(c.before.recordChars!, c.before.textChars!, 3)} | ${pct(c.after.recordChars!, c.after.textChars!, 3)} | |`);
    if (c.lost) {
      const total = Object.values(c.lost).reduce((x, y) => x + y, 0);
      const parts = Object.entries(c.lost).map(([k, v]) => `${k} ${v}`).join(", ");
      out.push(`| ${name} | text characters in records before, in none after, by what drops them | – | – | ${total} (${pct(total, c.after.textChars!, 3)}): ${parts} | |`);
    }
  }
  for (const [name, c] of Object.entries(l.corpora)) {
    const cats = [...new Set([...Object.keys(c.before.chrome), ...Object.keys(c.after.chrome)])].sort().filter((k) => (c.before.chrome[k] ?? 0) !== (c.after.chrome[k] ?? 0));
    if (cats.length === 0) continue;
    out.push("", `### ${name}: chrome dropped, before → after issue 20`, "", cats.map((k) => `${k} ${c.before.chrome[k] ?? 0} → ${c.after.chrome[k] ?? 0}`).join("; ") + ".");
    if (c.after.examples.learned?.length) out.push("", "Pieces only the learned cleaning drops (model with its score, hover cards, promos; first ones):", "", ...c.after.examples.learned.map((t) => `- ${JSON.stringify(t)}`));
  }
  for (const [split, a] of Object.entries(l.allsides)) {
    if (a.after.junkExamples.length) out.push("", `### AllSides ${split}: junk records left`, "", ...a.after.junkExamples.map((t) => `- ${JSON.stringify(t)}`));
    if (a.after.lostExamples.length) out.push("", `### AllSides ${split}: non-chrome text not in any record`, "", ...a.after.lostExamples.map((t) => `- ${JSON.stringify(t)}`));
  }
  const changes = seedChanges(l.seeds.before, l.seeds.after);
  out.push("", "### Seed records changed by issue 20", "", `${changes.removed.length} removed, ${changes.added.length} added, ${changes.kindChanged.length} marked with another kind.`);
  for (const r of changes.removed) out.push(`- removed ${r.id}: ${JSON.stringify(r.text)}`);
  for (const r of changes.added) out.push(`- added ${r.id} (${r.kind}): ${JSON.stringify(r.text)}`);
  out.push("");
  return { markdown: out.join("\n"), seedChanges: changes };
}

/** The template threshold sweep on the train file, as report lines. */
function templateSweep(l: LearnedFigures): string[] {
  const sweep = l.allsides.train?.sweep ?? [];
  if (sweep.length === 0) return [];
  const rows = sweep.map((x) => `${x.outletMinDocs === 0 ? "off" : x.outletMinDocs} → junk ${pct(x.junk, x.records)}, kept ${pct(x.kept, x.chars, 3)}`);
  return [
    `Per-outlet template threshold (minimum documents of the outlet; the share stays ${OUTLET_MIN_SHARE * 100}%), chosen on the train file, all other cleaning on: ${rows.join("; ")}. The default is ${OUTLET_MIN_DOCS}.`,
    "",
  ];
}
