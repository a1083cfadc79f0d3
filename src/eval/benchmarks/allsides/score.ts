// The AllSides benchmark's figures over a set of gold items: the gold
// scorer's figures (src/label/score.ts: actor name match, stance, target_text
// head, hedged sentence, hedge type sets) plus what the issue-19 table adds —
// actor type where both have an actor, attributed precision/recall, and each
// hedge type — and the leave-one-outlet-group-out summary (mean and worst
// group per figure). A figure whose set lacks what it measures (a class F1
// with no gold item of the class, hedged F1 with every or no item hedged) is
// null: "not scored", as eval's degenerate.ts, never a 0 or 1 that says
// nothing.
import { prf, scoreAgainstGold, type GoldError, type GoldItem, type LabelledSentence, type Prf } from "../../../label/index.ts";
import { HEDGE_TYPES, type HedgeType } from "../../../schema.ts";

export interface Share {
  items: number;
  correct: number;
  /** null when `items` is 0 (not scored). */
  value: number | null;
}

export interface AllSidesScore {
  items: number;
  actor: Share;
  /** Actor by the same-entity match (sameEntity): the article's form of gold's entity counts; null without article texts. */
  actorSameEntity: Share | null;
  /** Items where gold and labeller both name an actor: same type (person, organization, country, unnamed). */
  actorType: Share;
  /** "Has an actor" as a yes/no label: precision over the labeller's attributed items, recall over gold's. */
  attributed: Prf;
  stance: Share;
  /** Per stance class; recall counts are the "support 8/15". */
  stanceClass: Record<"support" | "oppose" | "neutral", Prf>;
  targetTextHead: Share;
  /** "Has any hedge" as a yes/no label. */
  hedged: Prf;
  /** Sets of hedge types per sentence, pooled (the gold scorer's hedge type P/R/F1). */
  hedgeType: Prf;
  byHedgeType: Record<HedgeType, Prf>;
  /** Gold items per stance class and hedged/not, for the not-scored checks. */
  support: { support: number; oppose: number; neutral: number; hedged: number; unhedged: number; attributed: number };
  /** The gold scorer's wrong items (fields that differ). */
  errors: GoldError[];
}

export type Lookup = (item: GoldItem) => LabelledSentence;
/** The text of an item's article (its sentences joined), or null when it was not read. */
export type ArticleText = (item: GoldItem) => string | null;

const fold = (name: string) => name.normalize("NFKC").toLowerCase().replace(/^the\s+/, "").replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
/** Generational suffixes and single-letter middle initials are not part of the name the article uses. */
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/;
const nameWords = (name: string) => fold(name).split(" ").filter((w, i, ws) => !SUFFIX.test(w.replace(/,$/, "")) && !(i > 0 && i < ws.length - 1 && /^\p{L}\.$/u.test(w))).map((w) => w.replace(/,$/, ""));
/** Party and its members' plural: "Democrats" is how the article names the Democratic Party. */
const PARTY_MEMBERS: Readonly<Record<string, string>> = { "democratic party": "democrats", "republican party": "republicans" };

/**
 * The same-entity actor match (bench/labels.md, "actor match"): the labeller's name counts for gold's when both are
 * null, or after case folding and dropping a leading "the" they are equal, or equal without middle initials and
 * generational suffixes ("Anthony D. Elonis" = "Anthony Elonis"), or — only when gold's canonical name does not occur
 * in the article, so the article could not give it — the labeller's name is the article's form of gold's entity: a
 * person's surname ("Sondland" for "Gordon Sondland"), a party's members ("Democrats" for "Democratic Party").
 */
export function sameEntity(gold: string | null, got: string | null, article: string | null): boolean {
  if (gold === null || got === null) return gold === got;
  if (fold(gold) === fold(got)) return true;
  const g = nameWords(gold);
  const p = nameWords(got);
  if (g.join(" ") === p.join(" ")) return true;
  const inArticle = article !== null && fold(article).includes(fold(gold));
  if (inArticle) return false;
  if (p.length === 1 && g.length >= 2 && g[g.length - 1] === p[0]) return true;
  return PARTY_MEMBERS[fold(gold)] === fold(got);
}

const share = (correct: number, items: number): Share => ({ items, correct, value: items === 0 ? null : correct / items });

/** Looks each gid up once: the figures of a file and of its outlet groups read the same labels. */
export function memoLookup(lookup: Lookup): Lookup {
  const seen = new Map<string, LabelledSentence>();
  return (g) => {
    let hit = seen.get(g.gid);
    if (!hit) seen.set(g.gid, (hit = lookup(g)));
    return hit;
  };
}

export function scoreAllSides(items: readonly GoldItem[], lookup: Lookup, articleText?: ArticleText): AllSidesScore {
  const s = scoreAgainstGold(items, lookup);
  const actorN = items.filter((g) => !g.annotated || g.annotated.has("actor")).length;
  let typeN = 0;
  let typeOk = 0;
  let sameN = 0;
  let sameOk = 0;
  const attributed = { tp: 0, fp: 0, fn: 0 };
  const perType = Object.fromEntries(HEDGE_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<HedgeType, { tp: number; fp: number; fn: number }>;
  const support = { support: 0, oppose: 0, neutral: 0, hedged: 0, unhedged: 0, attributed: 0 };
  for (const g of items) {
    const { labels } = lookup(g);
    const got = labels.actor ?? null;
    if (articleText && (!g.annotated || g.annotated.has("actor"))) {
      sameN++;
      if (sameEntity(g.actor?.name ?? null, got?.name ?? null, articleText(g))) sameOk++;
    }
    if (g.actor && got) {
      typeN++;
      if (g.actor.type === got.type) typeOk++;
    }
    if (g.actor) support.attributed++;
    if (got && g.actor) attributed.tp++;
    else if (got) attributed.fp++;
    else if (g.actor) attributed.fn++;
    if (!g.annotated || g.annotated.has("stance")) support[g.stance]++;
    if (g.annotated && !g.annotated.has("hedges")) continue;
    if (g.hedges.length > 0) support.hedged++;
    else support.unhedged++;
    const goldTypes = new Set(g.hedges.map((h) => h.type));
    const gotTypes = new Set(labels.hedges.map((h) => h.type));
    for (const t of HEDGE_TYPES) {
      if (goldTypes.has(t) && gotTypes.has(t)) perType[t].tp++;
      else if (gotTypes.has(t)) perType[t].fp++;
      else if (goldTypes.has(t)) perType[t].fn++;
    }
  }
  return {
    items: items.length,
    actor: share(Math.round(s.actorAccuracy * actorN), actorN),
    actorSameEntity: articleText ? share(sameOk, sameN) : null,
    actorType: share(typeOk, typeN),
    attributed: prf(attributed.tp, attributed.fp, attributed.fn),
    stance: share(Math.round(s.stanceAccuracy * s.stanceItems), s.stanceItems),
    stanceClass: s.stancePerClass,
    targetTextHead: share(s.targetTextHead.correct, s.targetTextHead.items),
    hedged: s.hedgedSentence,
    hedgeType: s.hedgeType,
    byHedgeType: Object.fromEntries(HEDGE_TYPES.map((t) => [t, prf(perType[t].tp, perType[t].fp, perType[t].fn)])) as Record<HedgeType, Prf>,
    support,
    errors: s.errors,
  };
}

/** One headline figure: value null = not scored (with why), `records` = the items it is counted over. */
export interface Figure {
  metric: string;
  value: number | null;
  records: number;
  /** Guarded on the held-out file (CI fails on a drop of more than 0.01). */
  guarded: boolean;
  why?: string;
}

const f1Of = (metric: string, p: Prf, n: number, present: number, what: string): Figure =>
  present === 0 ? { metric, value: null, records: n, guarded: true, why: `not scored: no gold item ${what}` } : { metric, value: p.f1, records: n, guarded: true };

/** The figures of the issue-19 table, in report order. */
export function figuresOf(s: AllSidesScore): Figure[] {
  const n = s.items;
  const twoWay = s.support.hedged > 0 && s.support.unhedged > 0;
  const hedgedWhy = `not scored: ${s.support.hedged === 0 ? "no" : "every"} gold item is hedged`;
  const hedged = (metric: string, value: number, records: number, guarded: boolean): Figure =>
    twoWay ? { metric, value, records, guarded } : { metric, value: null, records, guarded, why: hedgedWhy };
  return [
    { metric: "actor_accuracy", value: s.actor.value, records: s.actor.items, guarded: true },
    ...(s.actorSameEntity ? [{ metric: "actor_same_entity", value: s.actorSameEntity.value, records: s.actorSameEntity.items, guarded: false }] : []),
    { metric: "actor_type_agreement", value: s.actorType.value, records: s.actorType.items, guarded: true, ...(s.actorType.value === null ? { why: "not scored: no item where both have an actor" } : {}) },
    { metric: "attributed_precision", value: s.attributed.tp + s.attributed.fp === 0 ? null : s.attributed.precision, records: s.attributed.tp + s.attributed.fp, guarded: true, ...(s.attributed.tp + s.attributed.fp === 0 ? { why: "not scored: the labeller attributed no item" } : {}) },
    { metric: "attributed_recall", value: s.support.attributed === 0 ? null : s.attributed.recall, records: s.support.attributed, guarded: true, ...(s.support.attributed === 0 ? { why: "not scored: no gold item has an actor" } : {}) },
    { metric: "stance_accuracy", value: s.stance.value, records: s.stance.items, guarded: true },
    f1Of("support_f1", s.stanceClass.support, s.stance.items, s.support.support, "supports"),
    f1Of("oppose_f1", s.stanceClass.oppose, s.stance.items, s.support.oppose, "opposes"),
    { metric: "target_text_head", value: s.targetTextHead.value, records: s.targetTextHead.items, guarded: true, ...(s.targetTextHead.value === null ? { why: "not scored: no non-neutral item with a target_text" } : {}) },
    hedged("hedged_f1", s.hedged.f1, n, true),
    hedged("hedged_precision", s.hedged.precision, s.hedged.tp + s.hedged.fp, false),
    hedged("hedged_recall", s.hedged.recall, s.hedged.tp + s.hedged.fn, false),
    s.support.hedged === 0 ? { metric: "hedge_type_f1", value: null, records: n, guarded: true, why: "not scored: no gold item is hedged" } : { metric: "hedge_type_f1", value: s.hedgeType.f1, records: n, guarded: true },
  ];
}

export interface GroupSummary {
  metric: string;
  /** group → its figure (null = not scored there). */
  byGroup: Record<string, number | null>;
  /** Mean over the groups where the figure is scored; null when it is scored in none. */
  mean: number | null;
  /** The lowest scored group and its figure. */
  worst: { group: string; value: number } | null;
}

/**
 * Leave-one-outlet-group-out: each group's items scored on their own (the
 * rules learn nothing from the other groups, so leaving a group out of
 * training is scoring it alone), then per figure the mean and the worst group.
 */
export function leaveOneGroupOut(groups: ReadonlyMap<string, readonly GoldItem[]>, lookup: Lookup, articleText?: ArticleText): { figures: Record<string, Figure[]>; summary: GroupSummary[] } {
  const names = [...groups.keys()].sort();
  const figures = Object.fromEntries(names.map((g) => [g, figuresOf(scoreAllSides(groups.get(g)!, lookup, articleText))]));
  const metrics = names.length === 0 ? [] : figures[names[0]!]!.map((f) => f.metric);
  const summary = metrics.map((metric, i): GroupSummary => {
    const byGroup = Object.fromEntries(names.map((g) => [g, figures[g]![i]!.value]));
    const scored = names.filter((g) => byGroup[g] !== null);
    let worst: GroupSummary["worst"] = null;
    for (const g of scored) if (worst === null || byGroup[g]! < worst.value) worst = { group: g, value: byGroup[g]! };
    return { metric, byGroup, mean: scored.length === 0 ? null : scored.reduce((a, g) => a + byGroup[g]!, 0) / scored.length, worst };
  });
  return { figures, summary };
}
