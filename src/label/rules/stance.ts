// Target + stance rules. Targets come from the topic lexicon's trigger
// phrases; a stance predicate ("rejected", "is ready to", "ruled out")
// governs the nearest target after it (or one just before it), negation
// flips it ("did not rule out" → support), a predicate chained onto another
// composes with it ("refused to accept" → oppose), and "no NATO" opposes.
// Without a governing predicate the sentence only mentions its target: neutral.
// A sentence with no topic position may still take an open one (open-targets.ts):
// the phrase a predicate governs is its target_text, `target` the topic of a
// trigger inside that phrase, or null.
import type { Stance } from "../../schema.ts";
import type { StanceEntry, TargetEntry } from "../lexicon/lexicons.ts";
import type { SentenceCtx } from "../grammar/names.ts";
import { BE_FORMS, wordSet } from "../tokens/words.ts";
import { clausesToComma, findOpenStance, inZones, scanPredicates, type OpenStanceFinding } from "./open-targets.ts";
import { failedAt, negatedAt } from "./negation.ts";

export type TargetRule = "target.governed" | "target.trigger" | "target.open";
export type StanceRule = "stance.predicate" | "stance.negated_predicate" | "stance.composed_predicate" | "stance.absence";

export interface Span {
  start: number;
  end: number;
}

export interface StanceCandidate {
  rule: StanceRule;
  stance: Exclude<Stance, "neutral">;
  target: string;
  predicate: Span;
  trigger: Span;
  cost: number;
}

export interface TargetStanceFindings {
  /** The sentence's most salient trigger (highest weight, then earliest). */
  salient: { target: string; span: Span } | null;
  /** Each stance rule's best (lowest-cost) pairing, in rule order. */
  candidates: StanceCandidate[];
  /** Predicates that pair with some target (their subjects take a position): token start → end. */
  governing: ReadonlyMap<number, number>;
  /** Open positions (open-targets.ts), left to right. */
  open: readonly OpenStanceFinding[];
  /** The topic triggers the sentence may use. */
  triggers: readonly TriggerMatch[];
}

const MAX_AFTER = 8;
const MAX_BEFORE = 8;
/** An evaluation without a copula sits right after its target ("called the talks positive"). */
const EVALUATION_GAP = 2;
const CHAIN_GAP = 2;
const ABSENCE_GAP = 2;
const BOUNDARY = new Set([";", ":", "but", "while", "although", "though", "whereas", "however", "meanwhile", "yet"]);

interface PredicateMatch extends Span {
  values: readonly StanceEntry[];
}
export interface TriggerMatch extends Span {
  entry: TargetEntry;
}

/** Shared result of the sentences without triggers (most); callers never mutate it. */
// Frozen: shared, so a caller that pushes onto it throws rather than leaks into later sentences.
export const NO_TRIGGERS: TriggerMatch[] = Object.freeze([]) as unknown as TriggerMatch[];

/** Trigger phrases of the topic lexicon, leftmost-longest. */
export function findTriggers(ctx: SentenceCtx): TriggerMatch[] {
  const found = ctx.lex.targets.matches(ctx.toks);
  return found.length === 0 ? NO_TRIGGERS : found.map((m) => ({ start: m.start, end: m.end, entry: m.value }));
}

const CONDITIONAL_OPENERS = wordSet("if unless");
/** Conditional clauses take no position ("If Putin does not commit to talks, …"): from "if"/"unless" to the next comma. */
export function conditionalClauses(ctx: SentenceCtx): Span[] {
  return clausesToComma(ctx, CONDITIONAL_OPENERS);
}

function hasBeForm(ctx: SentenceCtx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (BE_FORMS.has(ctx.toks[k]!.low)) return true;
  return false;
}

function hasBoundary(ctx: SentenceCtx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (BOUNDARY.has(ctx.toks[k]!.low)) return true;
  return false;
}

/**
 * `suppressed` lists token ranges where predicates report no position
 * ("did not say if he would accept …": the clause after an unsupported cue).
 */
const NOTHING: TargetStanceFindings = { salient: null, candidates: [], governing: new Map(), open: [], triggers: [] };

/** The open positions of a sentence, their active predicates added to `governing` (their subjects take a position). */
function withOpen(ctx: SentenceCtx, zones: readonly Span[], base: TargetStanceFindings, governing: Map<number, number>): TargetStanceFindings {
  const open = findOpenStance(ctx, zones);
  if (open.length === 0) return base;
  for (const o of open) if (o.active && !governing.has(o.predicate.start)) governing.set(o.predicate.start, o.predicate.end);
  return { salient: base.salient, candidates: base.candidates, governing, open, triggers: base.triggers };
}

const isPolar = (v: StanceEntry) => v.polarity === "support" || v.polarity === "oppose";

/** Each rule keeps its first position in the sentence (the cheapest pairing for that predicate). */
function offer(best: Map<StanceRule, StanceCandidate>, c: StanceCandidate): void {
  const cur = best.get(c.rule);
  if (!cur || c.predicate.start < cur.predicate.start || (c.predicate.start === cur.predicate.start && c.cost < cur.cost)) best.set(c.rule, c);
}


export function findTargetStance(ctx: SentenceCtx, suppressed: readonly Span[] = [], triggers: readonly TriggerMatch[] = findTriggers(ctx)): TargetStanceFindings {
  // No topic: only an open position, if the sentence takes one.
  if (triggers.length === 0) {
    // Most sentences hold no word that starts an open predicate (findOpenStance's own skip): their zones are not needed.
    if (ctx.lex.openStance.count === 0 || !ctx.lex.openStance.mayOccur(ctx.firstFlags)) return NOTHING;
    return withOpen(ctx, [...suppressed, ...conditionalClauses(ctx)], NOTHING, new Map());
  }
  // "Western-backed", "U.S.-brokered" are adjectives, not positions taken (scanPredicates drops them).
  const preds: PredicateMatch[] = scanPredicates(ctx, ctx.lex.stance);
  // The first trigger is the sentence's topic when no predicate takes a position on one.
  const salient = triggers[0]!;
  const best = new Map<StanceRule, StanceCandidate>();
  const governing = new Map<number, number>();
  const zones = [...suppressed, ...conditionalClauses(ctx)];
  for (const p of preds) {
    // "failed to reach a deal" takes no position on the deal.
    if (inZones(zones, p.start) || failedAt(ctx, p.start)) continue;
    if (p.values.some((v) => v.polarity === "absence")) {
      for (const t of triggers) {
        if (t.start < p.end || t.start - p.end > ABSENCE_GAP) continue;
        offer(best, { rule: "stance.absence", stance: t.entry.polarity > 0 ? "oppose" : "support", target: t.entry.target, predicate: p, trigger: t, cost: t.start - p.end });
      }
    }
    const polar = p.values.find(isPolar);
    if (!polar) continue;
    let sign = polar.polarity === "support" ? 1 : -1;
    let rule: StanceRule = "stance.predicate";
    let span: Span = p;
    if (negatedAt(ctx, preds, p.start, { boundary: (from, to) => hasBoundary(ctx, from, to) })) {
      sign = -sign;
      rule = "stance.negated_predicate";
    }
    // "refused to accept", "ready to join": compose with a predicate ending just before.
    const head = preds.find((q) => q !== p && q.end <= p.start && p.start - q.end <= CHAIN_GAP && q.values.some(isPolar));
    if (head) {
      const headSign = (head.values.find(isPolar)!.polarity === "support" ? 1 : -1) * (negatedAt(ctx, preds, head.start, { boundary: (from, to) => hasBoundary(ctx, from, to) }) ? -1 : 1);
      sign *= headSign;
      rule = "stance.composed_predicate";
      span = { start: head.start, end: p.end };
    }
    let pair: StanceCandidate | null = null;
    for (const t of triggers) {
      // A researcher's topics (--targets) take their stance from the open predicates only (decideTargetStance):
      // stance.csv's predicates are tuned to the lexicon's own topics.
      if (!t.entry.anchored) continue;
      // A verb that is part of the topic phrase ("aspirations to join NATO") only describes the topic,
      // unless it is negated ("would not join NATO").
      if (p.start >= t.start && p.end <= t.end && rule !== "stance.negated_predicate") continue;
      let cost: number;
      if (t.start >= p.start) {
        const gap = Math.max(0, t.start - p.end);
        if (polar.side === "before" || gap > MAX_AFTER || hasBoundary(ctx, p.end, t.start)) continue;
        cost = gap;
      } else {
        // A target before its predicate: an evaluation ("called the talks positive") or, for verbs, a passive
        // or copula ("guarantees were rejected"); the subject of an active verb is not its object.
        const gap = p.start - t.end;
        const copula = hasBeForm(ctx, t.end, p.start);
        if (gap < 0 || gap > MAX_BEFORE || hasBoundary(ctx, t.end, p.start) || (!copula && (polar.side !== "either" || gap > EVALUATION_GAP))) continue;
        cost = 2 * gap + 3;
      }
      cost += 3 - t.entry.weight;
      const stance = sign * t.entry.polarity > 0 ? "support" : "oppose";
      if (!pair || cost < pair.cost) pair = { rule, stance, target: t.entry.target, predicate: span, trigger: t, cost };
    }
    if (pair) {
      governing.set(p.start, p.end);
      offer(best, pair);
    }
  }
  const order: StanceRule[] = ["stance.absence", "stance.composed_predicate", "stance.negated_predicate", "stance.predicate"];
  const candidates = order.flatMap((r) => (best.has(r) ? [best.get(r)!] : []));
  const found: TargetStanceFindings = { salient: { target: salient.entry.target, span: { start: salient.start, end: salient.end } }, candidates, governing, open: [], triggers };
  // A topic position decides; open positions matter only without one.
  return candidates.length > 0 ? found : withOpen(ctx, zones, found, governing);
}

/** The decision of a sentence with no trigger (most); callers only read it. */
const UNDECIDED: { target: null; stance: Stance; targetSpan: null; stanceSpan: null; rules: string[] } = { target: null, stance: "neutral", targetSpan: null, stanceSpan: null, rules: Object.freeze([]) as unknown as string[] };

/** Resolver: the first position the sentence takes decides target and stance (ties: cheaper pairing, then rule order). */
export function decideTargetStance(f: TargetStanceFindings): { target: string | null; stance: Stance; targetSpan: Span | null; stanceSpan: Span | null; rules: string[] } {
  let win: StanceCandidate | null = null;
  for (const c of f.candidates) if (!win || c.predicate.start < win.predicate.start || (c.predicate.start === win.predicate.start && c.cost < win.cost)) win = c;
  if (win) return { target: win.target, stance: win.stance, targetSpan: win.trigger, stanceSpan: win.predicate, rules: ["target.governed", win.rule] };
  // The first open position on a topic (a trigger covering the head of the governed phrase: "a ban on all Muslims" is
  // about the ban, not about Muslims), else the first open position.
  const onTopic = (o: OpenStanceFinding) => {
    const head = o.head;
    return f.triggers.find((t) => t.start >= o.phrase.start && t.end <= o.phrase.end && t.start <= head && head < t.end);
  };
  // A position taken beats a neutral report of one ("declined to take a position on …").
  const polar = f.open.filter((o) => o.stance !== "neutral");
  const open = polar.find((o) => onTopic(o) !== undefined) ?? polar[0] ?? f.open.find((o) => onTopic(o) !== undefined) ?? f.open[0];
  if (open) {
    const inside = onTopic(open);
    return { target: inside ? inside.entry.target : null, stance: open.stance, targetSpan: open.phrase, stanceSpan: open.predicate, rules: ["target.open", open.rule] };
  }
  if (f.salient) return { target: f.salient.target, stance: "neutral", targetSpan: f.salient.span, stanceSpan: null, rules: ["target.trigger"] };
  return UNDECIDED;
}
