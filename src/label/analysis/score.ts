// Scores the labeller against the gold set: actor exact match, target+stance
// pairs, stance macro-F1 and SemEval F_avg, hedge spans and types, hedged
// sentences, per-rule accuracy — and lists every item it gets wrong.
import type { Stance } from "../../schema.ts";
import { LEGACY_FIELDS, type GoldField, type GoldItem, type GoldLookup } from "./gold.ts";
import type { LabelledSentence, RuleVote } from "../labels.ts";
import { sameHead } from "../grammar/target-head.ts";

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

export interface GoldError {
  gid: string;
  source: string;
  text: string;
  /** Only the fields that differ. */
  wrong: Record<string, { expected: unknown; got: unknown }>;
  note: string | null;
}

export interface GoldScore {
  items: number;
  /** Items labelled out of their article context (no matching pipeline sentence). */
  isolated: number;
  actorAccuracy: number;
  targetStanceAccuracy: number;
  targetAccuracy: number;
  stanceMacroF1: number;
  /** Items annotated with target and stance (the target+stance denominator), and with hedges. */
  targetStanceItems: number;
  hedgeItems: number;
  /** Items whose stance was annotated, and the share the labeller gets right. */
  stanceItems: number;
  stanceAccuracy: number;
  /** Non-neutral items with a gold target_text: the labeller's target_text has the same head (target-head.ts). */
  targetTextHead: { items: number; correct: number; accuracy: number };
  /** Items whose target_entity was annotated: exact canonical name (null = null). */
  targetEntity: { items: number; correct: number; accuracy: number };
  /** SemEval-2016 F_avg: mean F1 of support and oppose. */
  stanceFavg: number;
  stancePerClass: Record<Stance, Prf>;
  hedgeSpan: Prf;
  hedgeType: Prf;
  hedgedSentence: Prf;
  /** Per rule: votes on gold items and how many matched the gold value of the voted field. */
  ruleAccuracy: Map<string, { votes: number; correct: number }>;
  errors: GoldError[];
}

const STANCE_CLASSES: readonly Stance[] = ["support", "oppose", "neutral"];
const norm = (s: string | null | undefined) => (s == null ? null : s.trim().toLowerCase());

const LEGACY: ReadonlySet<GoldField> = new Set(LEGACY_FIELDS);
const annotated = (g: GoldItem, f: GoldField) => (g.annotated ?? LEGACY).has(f);
/** Files annotated before open targets hold the stance toward a topic only: an open position (target null) is neutral there. */
const opensTargets = (g: GoldItem) => annotated(g, "target_text");
const isOpenRule = (rule: string) => rule === "target.open" || rule.startsWith("stance.open_");
const ratio = (correct: number, items: number) => ({ items, correct, accuracy: items === 0 ? 0 : correct / items });

function voteCorrect(v: RuleVote, g: GoldItem): boolean {
  switch (v.field) {
    case "actor":
      return v.value === (g.actor?.name ?? null);
    case "cue":
      return norm(v.value) === norm(g.cue);
    case "target":
      return v.value === g.target;
    case "stance":
      return v.value === g.stance;
    case "hedge":
      return g.hedges.some((h) => h.start === v.start && h.end === v.end && h.type === v.value);
  }
}

/** Scores every gold item against what `lookup` returns for it. */
export function scoreAgainstGold(gold: readonly GoldItem[], lookup: GoldLookup | ((item: GoldItem) => LabelledSentence)): GoldScore {
  let actorOk = 0;
  let pairOk = 0;
  let targetOk = 0;
  const stanceCounts = new Map<Stance, { tp: number; fp: number; fn: number }>(STANCE_CLASSES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const span = { tp: 0, fp: 0, fn: 0 };
  const type = { tp: 0, fp: 0, fn: 0 };
  const hedged = { tp: 0, fp: 0, fn: 0 };
  const ruleAccuracy = new Map<string, { votes: number; correct: number }>();
  const errors: GoldError[] = [];
  let actorN = 0;
  let targetN = 0;
  let pairN = 0;
  let stanceN = 0;
  let stanceOk = 0;
  let headN = 0;
  let headOk = 0;
  let entityN = 0;
  let entityOk = 0;
  let hedgeN = 0;
  for (const g of gold) {
    const { labels, votes } = lookup(g);
    const wrong: GoldError["wrong"] = {};
    const gotActor = labels.actor?.name ?? null;
    const expActor = g.actor?.name ?? null;
    if (annotated(g, "actor")) {
      actorN++;
      if (gotActor === expActor) actorOk++;
      else wrong.actor = { expected: expActor, got: gotActor };
    }
    const stance = opensTargets(g) || labels.target !== null ? labels.stance : "neutral";
    if (annotated(g, "target")) {
      targetN++;
      if (labels.target === g.target) targetOk++;
      else wrong.target = { expected: g.target, got: labels.target };
    }
    if (annotated(g, "target") && annotated(g, "stance")) {
      pairN++;
      if (labels.target === g.target && stance === g.stance) pairOk++;
    }
    if (annotated(g, "stance")) {
      stanceN++;
      if (stance === g.stance) stanceOk++;
      else wrong.stance = { expected: g.stance, got: stance };
      for (const c of STANCE_CLASSES) {
        const k = stanceCounts.get(c)!;
        if (stance === c && g.stance === c) k.tp++;
        else if (stance === c) k.fp++;
        else if (g.stance === c) k.fn++;
      }
    }
    if (annotated(g, "target_text") && g.stance !== "neutral" && g.targetText) {
      headN++;
      if (sameHead(g.targetText, labels.target_text)) headOk++;
      else wrong.target_text = { expected: g.targetText, got: labels.target_text };
    }
    if (annotated(g, "target_entity")) {
      entityN++;
      if ((g.targetEntity ?? null) === labels.target_entity) entityOk++;
      else wrong.target_entity = { expected: g.targetEntity ?? null, got: labels.target_entity };
    }
    const hedgesAnnotated = annotated(g, "hedges");
    if (hedgesAnnotated) {
      hedgeN++;
      // Hedge cue spans: exact start and end.
      const goldSpans = new Set(g.hedges.map((h) => `${h.start}:${h.end}`));
      const gotSpans = new Set(labels.hedges.map((h) => `${h.start}:${h.end}`));
      for (const s of gotSpans) if (goldSpans.has(s)) span.tp++;
      else span.fp++;
      for (const s of goldSpans) if (!gotSpans.has(s)) span.fn++;
      // Hedge types: the set of types per sentence.
      const goldTypes = new Set(g.hedges.map((h) => h.type));
      const gotTypes = new Set(labels.hedges.map((h) => h.type));
      for (const t of gotTypes) if (goldTypes.has(t)) type.tp++;
      else type.fp++;
      for (const t of goldTypes) if (!gotTypes.has(t)) type.fn++;
      const expHedged = g.hedges.length > 0;
      if (labels.hedged && expHedged) hedged.tp++;
      else if (labels.hedged) hedged.fp++;
      else if (expHedged) hedged.fn++;
      const hedgeKey = (hs: readonly { cue: string; type: string; start: number }[]) =>
        hs.map((h) => `${h.type}:${h.cue}@${h.start}`).sort().join(" ");
      if (hedgeKey(g.hedges) !== hedgeKey(labels.hedges))
        wrong.hedges = { expected: g.hedges.map(({ cue, type, start }) => ({ cue, type, start })), got: labels.hedges.map(({ cue, type, start }) => ({ cue, type, start })) };
    }
    // Per-rule accuracy on the scored fields; the cue is provenance, not a scored label. An item without hedge
    // annotations scores the votes of the fields it annotates; one with them every vote but an open rule's in a file
    // annotated before open targets.
    for (const v of votes) {
      if (v.field === "cue") continue;
      if (hedgesAnnotated ? isOpenRule(v.rule) && !opensTargets(g) : v.field === "hedge" || !annotated(g, v.field === "actor" ? "actor" : v.field === "target" ? "target" : "stance")) continue;
      const acc = ruleAccuracy.get(v.rule) ?? { votes: 0, correct: 0 };
      acc.votes++;
      if (voteCorrect(v, g)) acc.correct++;
      ruleAccuracy.set(v.rule, acc);
    }
    if (Object.keys(wrong).length > 0) errors.push({ gid: g.gid, source: g.source, text: g.text, wrong, note: g.note });
  }
  const n = gold.length;
  const perClass = Object.fromEntries(STANCE_CLASSES.map((c) => { const k = stanceCounts.get(c)!; return [c, prf(k.tp, k.fp, k.fn)]; })) as Record<Stance, Prf>;
  // Macro-F1 over the classes present in gold or predictions (an absent class would add an arbitrary 0 or 1).
  const present = STANCE_CLASSES.filter((c) => { const k = perClass[c]; return k.tp + k.fp + k.fn > 0; });
  const macro = present.length === 0 ? 0 : present.reduce((a, c) => a + perClass[c].f1, 0) / present.length;
  return {
    items: n,
    isolated: "isolated" in lookup ? lookup.isolated.size : 0,
    actorAccuracy: actorN === 0 ? 0 : actorOk / actorN,
    targetStanceAccuracy: pairN === 0 ? 0 : pairOk / pairN,
    targetAccuracy: targetN === 0 ? 0 : targetOk / targetN,
    stanceMacroF1: macro,
    targetStanceItems: pairN,
    hedgeItems: hedgeN,
    stanceItems: stanceN,
    stanceAccuracy: stanceN === 0 ? 0 : stanceOk / stanceN,
    targetTextHead: ratio(headOk, headN),
    targetEntity: ratio(entityOk, entityN),
    stanceFavg: (perClass.support.f1 + perClass.oppose.f1) / 2,
    stancePerClass: perClass,
    hedgeSpan: prf(span.tp, span.fp, span.fn),
    hedgeType: prf(type.tp, type.fp, type.fn),
    hedgedSentence: prf(hedged.tp, hedged.fp, hedged.fn),
    ruleAccuracy,
    errors,
  };
}
