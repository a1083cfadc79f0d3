// The labeller report: Snorkel's labelling-function summary over the whole
// corpus (coverage, overlaps, conflicts per rule) plus the gold-set scores.
// JSON keys are built in a fixed order and numbers rounded to 4 places, so
// the same run gives byte-identical files.
import type { LabelledSentence, RuleVote, VoteField } from "../labels.ts";
import type { GoldScore, Prf } from "./score.ts";

interface RuleCounts {
  field: VoteField;
  votes: number;
  covered: number;
  overlaps: number;
  conflicts: number;
  values: Map<string, number>;
  decided: number;
}

/** Do two votes of one field meet? Hedge rules only where their spans overlap; other fields are one value per sentence. */
function meets(field: VoteField, a: RuleVote, b: RuleVote): boolean {
  return field !== "hedge" || ((a.start ?? 0) < (b.end ?? 0) && (b.start ?? 0) < (a.end ?? 0));
}

/** Accumulates rule statistics sentence by sentence, so a large corpus need not be held in memory. */
export class LfSummary {
  sentences = 0;
  attributed = 0;
  hedged = 0;
  stanced = 0;
  targeted = 0;
  readonly rules = new Map<string, RuleCounts>();

  add(s: LabelledSentence): void {
    this.sentences++;
    if (s.labels.actor) this.attributed++;
    if (s.labels.hedged) this.hedged++;
    if (s.labels.target) this.targeted++;
    if (s.labels.stance !== "neutral") this.stanced++;
    const byRule = new Map<string, RuleVote[]>();
    for (const v of s.votes) {
      const list = byRule.get(v.rule) ?? [];
      list.push(v);
      byRule.set(v.rule, list);
    }
    for (const [rule, votes] of byRule) {
      const field = votes[0]!.field;
      const own = votes.filter((v) => v.field === field);
      const others = s.votes.filter((v) => v.rule !== rule && v.field === field);
      let overlap = false;
      let conflict = false;
      for (const a of own)
        for (const b of others)
          if (meets(field, a, b)) {
            overlap = true;
            if (a.value !== b.value) conflict = true;
          }
      const c = this.rules.get(rule) ?? { field, votes: 0, covered: 0, overlaps: 0, conflicts: 0, values: new Map(), decided: 0 };
      c.votes += own.length;
      c.covered++;
      if (overlap) c.overlaps++;
      if (conflict) c.conflicts++;
      for (const v of own) c.values.set(String(v.value), (c.values.get(String(v.value)) ?? 0) + 1);
      if (s.labels.rules.includes(rule)) c.decided++;
      this.rules.set(rule, c);
    }
  }
}

const TOP_VALUES = 8;
const r4 = (x: number) => Math.round(x * 10000) / 10000;
const prfJson = (p: Prf) => ({ precision: r4(p.precision), recall: r4(p.recall), f1: r4(p.f1), tp: p.tp, fp: p.fp, fn: p.fn });

export interface LabellerReport {
  json: unknown;
  markdown: string;
  headline: string[];
}

/** Builds the report from the corpus statistics and, when a gold set was given, its score. */
/** One gold file's own score, so a held-out file is read apart from the files the rules were tuned on. */
export interface GoldFileScore {
  file: string;
  score: GoldScore;
}

// Figures of fields a file does not annotate are null (JSON) and "–" (Markdown), not 0.
const fileRow = (g: GoldScore) => ({
  items: g.items,
  actor_accuracy: r4(g.actorAccuracy),
  target_stance_accuracy: g.targetStanceItems === 0 ? null : r4(g.targetStanceAccuracy),
  stance_macro_f1: r4(g.stanceMacroF1),
  stance_accuracy: r4(g.stanceAccuracy),
  support_f1: r4(g.stancePerClass.support.f1),
  oppose_f1: r4(g.stancePerClass.oppose.f1),
  target_text_head: { items: g.targetTextHead.items, accuracy: r4(g.targetTextHead.accuracy) },
  target_entity: { items: g.targetEntity.items, accuracy: r4(g.targetEntity.accuracy) },
  hedge_type_f1: g.hedgeItems === 0 ? null : r4(g.hedgeType.f1),
  hedged_sentence_f1: g.hedgeItems === 0 ? null : r4(g.hedgedSentence.f1),
});

export function buildLabellerReport(input: { lf: LfSummary | Iterable<LabelledSentence>; gold?: GoldScore | null; goldByFile?: readonly GoldFileScore[] }): LabellerReport {
  let lf: LfSummary;
  if (input.lf instanceof LfSummary) lf = input.lf;
  else {
    lf = new LfSummary();
    for (const s of input.lf) lf.add(s);
  }
  const gold = input.gold ?? null;
  const n = Math.max(1, lf.sentences);
  const ruleNames = [...lf.rules.keys()].sort();
  const rules = ruleNames.map((name) => {
    const c = lf.rules.get(name)!;
    const acc = gold?.ruleAccuracy.get(name);
    return {
      rule: name,
      field: c.field,
      votes: c.votes,
      coverage: r4(c.covered / n),
      overlaps: r4(c.overlaps / n),
      conflicts: r4(c.conflicts / n),
      decided: c.decided,
      // The most frequent values (a rule naming actors can propose thousands).
      top_values: Object.fromEntries([...c.values.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, TOP_VALUES)),
      gold_votes: acc?.votes ?? 0,
      gold_accuracy: acc && acc.votes > 0 ? r4(acc.correct / acc.votes) : null,
    };
  });
  const goldJson = gold && {
    items: gold.items,
    isolated: gold.isolated,
    actor_accuracy: r4(gold.actorAccuracy),
    target_accuracy: r4(gold.targetAccuracy),
    target_stance_accuracy: r4(gold.targetStanceAccuracy),
    stance_macro_f1: r4(gold.stanceMacroF1),
    stance_f_avg: r4(gold.stanceFavg),
    stance_accuracy: r4(gold.stanceAccuracy),
    target_text_head: { items: gold.targetTextHead.items, accuracy: r4(gold.targetTextHead.accuracy) },
    target_entity: { items: gold.targetEntity.items, accuracy: r4(gold.targetEntity.accuracy) },
    stance_per_class: { support: prfJson(gold.stancePerClass.support), oppose: prfJson(gold.stancePerClass.oppose), neutral: prfJson(gold.stancePerClass.neutral) },
    hedge_span: prfJson(gold.hedgeSpan),
    hedge_type: prfJson(gold.hedgeType),
    hedged_sentence: prfJson(gold.hedgedSentence),
    by_file: Object.fromEntries((input.goldByFile ?? []).map((f) => [f.file, fileRow(f.score)])),
    errors: gold.errors.map((e) => ({ gid: e.gid, source: e.source, text: e.text, wrong: e.wrong, note: e.note })),
  };
  const json = {
    corpus: {
      sentences: lf.sentences,
      attributed: r4(lf.attributed / n),
      targeted: r4(lf.targeted / n),
      stanced: r4(lf.stanced / n),
      hedged: r4(lf.hedged / n),
    },
    rules,
    gold: goldJson,
  };
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const headline = [
    `labeller: ${lf.sentences} sentences, ${pct(lf.attributed / n)} attributed, ${pct(lf.targeted / n)} with a target, ${pct(lf.hedged / n)} hedged, ${rules.length} rules`,
  ];
  if (gold) {
    headline.push(
      `gold (${gold.items} items): actor acc ${gold.actorAccuracy.toFixed(4)}, target+stance acc ${gold.targetStanceAccuracy.toFixed(4)}, stance macro-F1 ${gold.stanceMacroF1.toFixed(4)}, F_avg ${gold.stanceFavg.toFixed(4)}`,
      `gold hedges: type F1 ${gold.hedgeType.f1.toFixed(4)}, span F1 ${gold.hedgeSpan.f1.toFixed(4)}, hedged-sentence F1 ${gold.hedgedSentence.f1.toFixed(4)}; ${gold.errors.length} items with errors`,
    );
  }
  for (const f of input.goldByFile ?? [])
    headline.push(
      f.score.targetTextHead.items > 0
        ? `  ${f.file} (${f.score.items}): stance acc ${f.score.stanceAccuracy.toFixed(4)}, support F1 ${f.score.stancePerClass.support.f1.toFixed(4)}, oppose F1 ${f.score.stancePerClass.oppose.f1.toFixed(4)}, target_text head ${f.score.targetTextHead.accuracy.toFixed(4)}, target_entity ${f.score.targetEntity.accuracy.toFixed(4)}`
        : `  ${f.file} (${f.score.items}): actor ${f.score.actorAccuracy.toFixed(4)}, target+stance ${f.score.targetStanceAccuracy.toFixed(4)}, hedge type F1 ${f.score.hedgeType.f1.toFixed(4)}`,
    );
  return { json, markdown: renderMarkdown(json, gold, input.goldByFile ?? []), headline };
}

const cell = (v: unknown) => String(v ?? "–").replace(/\|/g, "\\|").replace(/\n/g, " ");

function renderMarkdown(json: { corpus: Record<string, number>; rules: Record<string, unknown>[] }, gold: GoldScore | null, byFile: readonly GoldFileScore[]): string {
  const out: string[] = ["# Labeller report", ""];
  const c = json.corpus;
  out.push(`${c.sentences} sentences: ${c.attributed} attributed, ${c.targeted} with a target, ${c.stanced} with a stance, ${c.hedged} hedged (fractions).`, "");
  out.push("## Labelling functions", "", "Coverage, overlaps and conflicts are fractions of all sentences (Snorkel's LF summary); overlaps/conflicts compare with other rules voting on the same field (hedge rules: on overlapping spans). *decided*: sentences whose labels this rule decided.", "");
  out.push("| rule | field | votes | coverage | overlaps | conflicts | decided | gold votes | gold accuracy |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of json.rules) out.push(`| ${cell(r.rule)} | ${cell(r.field)} | ${cell(r.votes)} | ${cell(r.coverage)} | ${cell(r.overlaps)} | ${cell(r.conflicts)} | ${cell(r.decided)} | ${cell(r.gold_votes)} | ${cell(r.gold_accuracy)} |`);
  out.push("");
  if (!gold) {
    out.push("No gold set given.", "");
    return out.join("\n");
  }
  const f = (x: number) => x.toFixed(4);
  const row = (name: string, p: Prf) => `| ${name} | ${f(p.precision)} | ${f(p.recall)} | ${f(p.f1)} | ${p.tp} | ${p.fp} | ${p.fn} |`;
  out.push("## Against the gold set", "", `${gold.items} items (${gold.isolated} labelled outside their article context).`, "");
  out.push("| metric | value |", "| --- | ---: |");
  out.push(`| actor accuracy (exact canonical name, null = null) | ${f(gold.actorAccuracy)} |`, `| target accuracy | ${f(gold.targetAccuracy)} |`, `| target+stance accuracy | ${f(gold.targetStanceAccuracy)} |`, `| stance macro-F1 | ${f(gold.stanceMacroF1)} |`, `| stance F_avg (support, oppose) | ${f(gold.stanceFavg)} |`, "");
  out.push("| P/R/F1 | precision | recall | F1 | tp | fp | fn |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  out.push(row("stance support", gold.stancePerClass.support), row("stance oppose", gold.stancePerClass.oppose), row("stance neutral", gold.stancePerClass.neutral));
  out.push(row("hedge cue span (exact)", gold.hedgeSpan), row("hedge type (per sentence)", gold.hedgeType), row("hedged sentence", gold.hedgedSentence), "");
  if (byFile.length > 0) {
    out.push("### By gold file", "", "A file the rules were never tuned on (`heldout.jsonl`) is the fairest estimate for unseen text.", "");
    out.push("| file | items | actor | target+stance | stance macro-F1 | hedge type F1 | hedged F1 |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const { file, score: g } of byFile)
      out.push(`| ${cell(file)} | ${g.items} | ${f(g.actorAccuracy)} | ${g.targetStanceItems === 0 ? "–" : f(g.targetStanceAccuracy)} | ${f(g.stanceMacroF1)} | ${g.hedgeItems === 0 ? "–" : f(g.hedgeType.f1)} | ${g.hedgeItems === 0 ? "–" : f(g.hedgedSentence.f1)} |`);
    out.push("");
    out.push(
      "Stance on any target, per file. Files annotated before open targets (no `target_text`) score the stance toward a topic of the lexicon: an open position (target null) counts as neutral there. *target_text head*: non-neutral items with a gold target_text whose head (the last word before the first post-modifier, `src/label/target-head.ts`) the labeller's target_text shares. Fields an item does not annotate are not scored.",
      "",
      "| file | stance items | stance accuracy | support F1 | oppose F1 | target_text head (items) | target_entity (items) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const { file, score: g } of byFile)
      out.push(`| ${cell(file)} | ${g.stanceItems} | ${f(g.stanceAccuracy)} | ${f(g.stancePerClass.support.f1)} | ${f(g.stancePerClass.oppose.f1)} | ${g.targetTextHead.items === 0 ? "–" : `${f(g.targetTextHead.accuracy)} (${g.targetTextHead.items})`} | ${g.targetEntity.items === 0 ? "–" : `${f(g.targetEntity.accuracy)} (${g.targetEntity.items})`} |`);
    out.push("");
  }
  out.push(`## Gold items the labeller gets wrong (${gold.errors.length})`, "");
  for (const e of gold.errors) {
    out.push(`- **${cell(e.gid)}** (${cell(e.source)}): ${cell(e.text)}`);
    for (const [field, d] of Object.entries(e.wrong)) out.push(`  - ${field}: expected \`${cell(JSON.stringify(d.expected))}\`, got \`${cell(JSON.stringify(d.got))}\``);
    if (e.note) out.push(`  - note: ${cell(e.note)}`);
  }
  out.push("");
  return out.join("\n");
}
