// `npm run benchmark -- allsides`: the labeller on the AllSides gold (issue
// 19; data/gold/allsides/, method in data/gold/README.md), scored on the tuning
// file and the held-out file separately (held-out figures guarded), plus a
// leave-one-outlet-group-out table over the five outlet groups. Every item is
// labelled in its whole corpus article, read by id from
// ../shared/corpora/allsides/articles.jsonl.gz and extracted + labelled as
// build-dataset does (gold-articles.ts); an item whose article is missing or
// whose text the article's segmentation does not produce falls back to its
// context labelling and is counted. Skipped when the corpus is not present.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseFlags } from "../../../flags.ts";
import { FULL_PIPELINE } from "../../../label/pipeline.ts";
import { InputError } from "../../../errors.ts";
import { loadLexicons, makeGoldLookup, type GoldItem } from "../../../label/index.ts";
import { HEDGE_TYPES } from "../../../schema.ts";
import { ensureDir, writeAtomic } from "../../io.ts";
import { roundNumbers } from "../../report-types.ts";
import { mdCell } from "../../report-rows.ts";
import { inArticleLookup, labelDoc, resolveCorpora, type LabelledDoc } from "../gold-articles.ts";
import type { Benchmark, BenchmarkFigure, BenchmarkResult, NotScored } from "../registry.ts";
import { loadAllSidesGold, parseAllSidesSource, parseOutletGroups, readArticlesById } from "./corpus.ts";
import { figuresOf, leaveOneGroupOut, memoLookup, scoreAllSides, type AllSidesScore, type Figure } from "./score.ts";

const DEFAULT_GOLD = "data/gold/allsides";
const DEFAULT_CORPORA = "../shared/corpora";
const CORPUS = "allsides/articles.jsonl.gz";
const GROUPS_FILE = "allsides-outlet-groups.json";
/** The two files, tuning first; only the held-out file's figures are guarded. */
const FILES = [
  { file: "allsides-tune.jsonl", heldout: false },
  { file: "allsides-heldout.jsonl", heldout: true },
] as const;
const LOGO_SPLIT = "5 outlet groups (tune+heldout)";

const HELP = `Usage: npm run benchmark -- allsides [--gold DIR] [--corpora DIR] [--lexicons DIR]

Scores the labeller on the AllSides gold of DIR (default ${DEFAULT_GOLD}/):
allsides-tune.jsonl (tuned on) and allsides-heldout.jsonl (outlets never tuned
on; its figures are guarded), each separately, and a leave-one-outlet-group-out
table over the groups of ${GROUPS_FILE} (each group scored alone: mean and
worst group per figure). Items are labelled in their article, read by id from
the corpora folder's ${CORPUS} (--corpora, default ${DEFAULT_CORPORA}) and
extracted and labelled whole as build-dataset does; an item whose article is
missing or whose text is not a sentence of the article's segmentation is
labelled from its context sentences instead and counted ("fell back").
Writes allsides.md and allsides.json.
`;

const LABELS: Record<string, string> = {
  actor_accuracy: "actor accuracy (exact name, null = null)",
  actor_same_entity: "actor accuracy (same entity: the article's form of gold's name counts)",
  actor_type_agreement: "actor type, where both have an actor",
  attributed_precision: "attributed precision",
  attributed_recall: "attributed recall",
  stance_accuracy: "stance accuracy",
  support_f1: "support F1",
  oppose_f1: "oppose F1",
  target_text_head: "target_text head match (non-neutral items)",
  hedged_f1: "hedged F1 (has any hedge)",
  hedged_precision: "hedged precision",
  hedged_recall: "hedged recall",
  hedge_type_f1: "hedge type F1 (type sets per sentence)",
};

const SAME_ENTITY_RULE = "*Actor match.* The strict figure (guarded) needs gold's canonical name exactly. The gold gives canonical names the article may not contain: full names of people the article names by surname only (\"Sondland\" → Gordon Sondland), \"Democratic Party\" for \"Democrats\". *Same entity* (not guarded, shown beside the strict one) also counts the labeller's name when, after case folding and dropping a leading \"the\", it equals gold's, or equals it without middle initials and Jr./III (\"Anthony D. Elonis\" = Anthony Elonis), or — only when gold's name does not occur in the article — it is the article's form of gold's entity: a person's surname, a party's members (\"Democrats\"). A surname where the article gives the full name, or a name with extra words (\"Republican Shelley Moore Capito\"), stays wrong (score.ts sameEntity).";
const fmt = (v: number | null) => (v === null ? "not scored" : v.toFixed(4));
const prfRow = (name: string, p: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
  `| ${name} | ${fmt(p.precision)} | ${fmt(p.recall)} | ${fmt(p.f1)} | ${p.tp} | ${p.fp} | ${p.fn} |`;

/** Benchmark figures of one split: numbers as figures, null ones as not scored. */
function toFigures(figs: readonly Figure[], split: string, guard: boolean): { figures: BenchmarkFigure[]; notScored: NotScored[] } {
  const figures: BenchmarkFigure[] = [];
  const notScored: NotScored[] = [];
  for (const f of figs) {
    if (f.value === null) notScored.push({ metric: f.metric, split, records: f.records, reason: f.why ?? "not scored" });
    else figures.push({ metric: f.metric, value: f.value, records: f.records, guarded: guard && f.guarded, split });
  }
  return { figures, notScored };
}

export const allsides: Benchmark = {
  name: "allsides",
  summary: "the labeller on the AllSides gold (issue 19): tuning and held-out outlets in their corpus articles, leave-one-outlet-group-out",
  defaultArgv: () => (existsSync(join(DEFAULT_CORPORA, CORPUS)) && existsSync(join(DEFAULT_GOLD, FILES[1].file)) ? [] : null),
  async run({ argv, outDir, pipeline = FULL_PIPELINE }): Promise<BenchmarkResult> {
    const f = parseFlags(argv, { gold: { type: "string" }, corpora: { type: "string" }, lexicons: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (f.help) {
      process.stdout.write(HELP);
      return { benchmark: "allsides", split: "", command: "", figures: [], reports: [] };
    }
    const goldDir = f.gold ?? DEFAULT_GOLD;
    const corpora = resolveCorpora(f.corpora, DEFAULT_CORPORA);
    if (corpora === null) throw new InputError(`allsides: no corpora folder ${DEFAULT_CORPORA} (the items are labelled in their ${CORPUS} articles; pass --corpora DIR)`);
    const golds = await Promise.all(FILES.map((x) => loadAllSidesGold(join(goldDir, x.file))));
    const groupsPath = join(goldDir, GROUPS_FILE);
    const groupOf = parseOutletGroups(groupsPath, await readFile(groupsPath, "utf8").catch(() => { throw new InputError(`${groupsPath}: not found`); }));
    const lex = await loadLexicons(f.lexicons);

    // Each cited article read once (one pass per corpus file), extracted and labelled whole.
    const all = golds.flatMap((g) => g.items);
    const wanted = new Map<string, Set<string>>();
    for (const g of all) {
      const c = parseAllSidesSource(g.source);
      if (c) wanted.set(c.file, (wanted.get(c.file) ?? new Set()).add(c.id));
    }
    const articles = new Map<string, LabelledDoc>();
    for (const file of [...wanted.keys()].sort()) {
      const docs = await readArticlesById(join(corpora, file), wanted.get(file)!);
      for (const id of [...docs.keys()].sort()) articles.set(`${file}:id ${id}`, labelDoc(docs.get(id)!, lex, pipeline));
    }
    const inArticle = inArticleLookup(makeGoldLookup([], lex, pipeline), articles, () => false);
    const lookup = memoLookup(inArticle);
    // The article's text for the same-entity actor match (score.ts sameEntity): its sentences joined.
    const articleText = (g: GoldItem) => articles.get(g.source)?.texts.join(" ") ?? null;

    const figures: BenchmarkFigure[] = [];
    const notScored: NotScored[] = [];
    const scores: { file: string; heldout: boolean; score: AllSidesScore; figs: Figure[]; fallback: { missing: string[]; not_found: string[] } }[] = [];
    FILES.forEach((x, i) => {
      const score = scoreAllSides(golds[i]!.items, lookup, articleText);
      const figs = figuresOf(score);
      const out = toFigures(figs, x.file, x.heldout);
      figures.push(...out.figures);
      notScored.push(...out.notScored);
      const gids = golds[i]!.items.map((g) => g.gid);
      scores.push({ file: x.file, heldout: x.heldout, score, figs, fallback: { missing: gids.filter((g) => inArticle.missing.has(g)), not_found: gids.filter((g) => inArticle.notFound.has(g)) } });
    });

    // Leave-one-outlet-group-out over both files.
    const groups = new Map<string, GoldItem[]>();
    for (const [i, gold] of golds.entries())
      for (const g of gold.items) {
        const outlet = gold.outlet.get(g.gid)!;
        const group = groupOf.get(outlet);
        if (group === undefined) throw new InputError(`${g.at}: outlet "${outlet}" is in no group of ${groupsPath} (${FILES[i]!.file})`);
        groups.set(group, [...(groups.get(group) ?? []), g]);
      }
    const logo = leaveOneGroupOut(groups, lookup, articleText);
    for (const s of logo.summary) {
      if (s.mean !== null) figures.push({ metric: `${s.metric} group mean`, value: s.mean, records: all.length, guarded: false, split: LOGO_SPLIT });
      if (s.worst !== null) figures.push({ metric: `${s.metric} worst group (${s.worst.group})`, value: s.worst.value, records: groups.get(s.worst.group)!.length, guarded: false, split: LOGO_SPLIT });
    }

    const command = ["npm run benchmark -- allsides", ...(f.gold ? ["--gold", f.gold] : []), ...(f.corpora ? ["--corpora", f.corpora] : []), ...(f.lexicons ? ["--lexicons", f.lexicons] : [])].join(" ");
    const md = join(outDir, "allsides.md");
    const js = join(outDir, "allsides.json");
    // A committed allsides-before.json beside the report (the labeller before issue 19's mechanisms) adds "before" columns.
    const beforePath = join(outDir, "allsides-before.json");
    const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, "utf8")) as { summary: BenchmarkResult; note?: string }) : null;
    const beforeOf = (metric: string, split: string) => {
      if (!before) return "";
      const b = before.summary.figures.find((x) => x.metric === metric && x.split === split);
      return b ? `${b.value.toFixed(4)} → ` : before.summary.notScored?.some((x) => x.metric === metric && x.split === split) ? "not scored → " : "– → ";
    };
    const cellOf = (x: Figure, split: string) => `${beforeOf(x.metric, split)}${fmt(x.value)} (${x.records})`;
    const mainRows = scores[0]!.figs.map((x, k) => {
      const h = scores[1]!.figs[k]!;
      return `| ${LABELS[x.metric] ?? x.metric}${h.guarded ? " *" : ""} | ${cellOf(x, FILES[0].file)} | ${cellOf(h, FILES[1].file)} |`;
    });
    const beforeLine = before ? [`*a → b*: before → now; before = \`${beforePath}\`${before.note ? ` (${before.note})` : ""}.`, ""] : [];
    const logoRows = logo.summary.map((s) => `| ${LABELS[s.metric] ?? s.metric} | ${fmt(s.mean)} | ${s.worst ? `${s.worst.value.toFixed(4)} (group ${s.worst.group})` : "not scored"} |`);
    const section = [
      "## AllSides gold (issue 19)",
      "",
      `The labeller on US political news from outlets it was never tuned on (data/gold/allsides/; \`${command}\`, details in [labels/allsides.md](labels/allsides.md)). Each item is labelled in its whole corpus article. *tune* = allsides-tune.jsonl (${golds[0]!.items.length} items; may be tuned on); *held-out* = allsides-heldout.jsonl (${golds[1]!.items.length} items from other outlets; never tuned on; * = guarded).`,
      "",
      "| figure | tune | held-out |",
      "| --- | ---: | ---: |",
      ...mainRows,
      "",
      SAME_ENTITY_RULE,
      "",
      ...beforeLine,
      `Leave one outlet group out (both files, ${groups.size} groups, each scored alone):`,
      "",
      "| figure | mean | worst |",
      "| --- | ---: | ---: |",
      ...logoRows,
      "",
    ].join("\n");
    const summary: BenchmarkResult = roundNumbers({
      benchmark: "allsides",
      split: "allsides-heldout.jsonl (guarded), allsides-tune.jsonl",
      command,
      figures,
      reports: [md, js],
      ...(notScored.length > 0 ? { notScored } : {}),
      section,
    });

    const groupNames = [...groups.keys()].sort();
    const outletsOf = (group: string) => [...groupOf].filter(([, g]) => g === group).map(([o]) => o).sort();
    const lines = [
      "# AllSides gold: the labeller on outlets nobody tuned on (issue 19)",
      "",
      `\`${command}\` — gold ${goldDir}/ (method: data/gold/README.md, "AllSides gold"). *tune* = allsides-tune.jsonl (${golds[0]!.items.length} items, ${new Set(golds[0]!.outlet.values()).size} outlets; rules may be tuned on it); *held-out* = allsides-heldout.jsonl (${golds[1]!.items.length} items, ${new Set(golds[1]!.outlet.values()).size} other outlets; never tuned on; its figures are guarded: CI fails on a drop of more than 0.01).`,
      "",
      `Every item is labelled in its whole article, read by id from ${corpora}/${CORPUS}, extracted and labelled as build-dataset does (one article at a time), and gets the sentence with its exact text. *fell back*: items labelled from their own context sentences instead — article missing / text not a sentence of the article's segmentation — counted, never dropped.`,
      "",
      "| figure | tune | held-out |",
      "| --- | ---: | ---: |",
      ...mainRows,
      `| items / fell back (missing / text not found) | ${scores.map((s) => `${s.score.items} / ${s.fallback.missing.length + s.fallback.not_found.length} (${s.fallback.missing.length} / ${s.fallback.not_found.length})`).join(" | ")} |`,
      "",
      "In parentheses: the items a figure is counted over (precision: the labeller's positives; recall: gold's). * = guarded on the held-out file. Actor: exact canonical name as the gold scorer (src/label/score.ts) matches it; *attributed*: has an actor at all.",
      "",
      SAME_ENTITY_RULE,
      "",
      ...beforeLine,
      ...scores.flatMap((s) => [
        `## ${s.file} (${s.heldout ? "held-out" : "tune"}): per class`,
        "",
        "| | precision | recall | F1 | tp | fp | fn |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        prfRow("stance support", s.score.stanceClass.support),
        prfRow("stance oppose", s.score.stanceClass.oppose),
        prfRow("stance neutral", s.score.stanceClass.neutral),
        prfRow("attributed", s.score.attributed),
        prfRow("hedged", s.score.hedged),
        prfRow("hedge type (pooled)", s.score.hedgeType),
        ...HEDGE_TYPES.map((t) => prfRow(`hedge type ${t}`, s.score.byHedgeType[t])),
        "",
        `Actor types agree on ${s.score.actorType.correct} of ${s.score.actorType.items} items where both have an actor.`,
        "",
      ]),
      "## Leave one outlet group out",
      "",
      `The outlets of both files in the five groups of ${GROUPS_FILE}. The rules learn nothing from the other groups, so leaving a group out is scoring it alone; *mean* is over the groups where the figure is scored, *worst* the lowest group. Not guarded (the groups hold tuning outlets).`,
      "",
      `| figure | ${groupNames.map((g) => `group ${g} (${groups.get(g)!.length})`).join(" | ")} | mean | worst (group) |`,
      `| --- | ${groupNames.map(() => "---:").join(" | ")} | ---: | ---: |`,
      ...logo.summary.map((s) => `| ${LABELS[s.metric] ?? s.metric} | ${groupNames.map((g) => fmt(s.byGroup[g] ?? null)).join(" | ")} | ${fmt(s.mean)} | ${s.worst ? `${s.worst.value.toFixed(4)} (${s.worst.group})` : "not scored"} |`),
      "",
      ...groupNames.map((g) => `- group ${g}: ${outletsOf(g).map(mdCell).join(", ")}`),
      "",
    ];
    // Errors are listed for the tuning file only: listing the held-out ones would invite tuning on them.
    const detail = Object.fromEntries(scores.map((s) => [s.file, {
      items: s.score.items,
      fallback: s.fallback,
      score: s.score,
      errors: s.heldout ? s.score.errors.length : s.score.errors.map((e) => ({ gid: e.gid, text: e.text, wrong: e.wrong })),
    }]));
    await ensureDir(outDir);
    await writeAtomic([
      [md, lines.join("\n")],
      [js, JSON.stringify(roundNumbers({ summary, corpora, files: detail, leave_one_group_out: { groups: Object.fromEntries(groupNames.map((g) => [g, { items: groups.get(g)!.length, outlets: outletsOf(g), figures: logo.figures[g] }])), summary: logo.summary } }), null, 2) + "\n"],
    ]);
    return summary;
  },
};
