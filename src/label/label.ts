// labelArticle: runs every rule over each sentence of one article, in order
// (the article memory needs earlier sentences for pronouns, role nouns and
// surnames), then resolves the proposals per field with a fixed priority:
//   actor/cue — ATTRIBUTION_TIER (closing "…, X said" > other reporting
//               patterns > stance-verb subject > participle clause > dash
//               credit > quote continuation), earlier cue first within a tier;
//   target/stance — cheapest predicate–target pairing (decideTargetStance),
//               else the most salient trigger with stance neutral;
//   hedges    — every cue found (longest match at each position).
import type { Article, HedgeType, SentenceLabels, Span as SchemaSpan } from "../schema.ts";
import { ATTRIBUTION_TIER, attributionProposals, type AttributionProposal } from "./attribution.ts";
import { ArticleMemory, type Resolved } from "./entities.ts";
import { findHedges, type HedgeFinding } from "./hedges.ts";
import type { Lexicons } from "./lexicons.ts";
import type { PhraseTrie } from "./phrases.ts";
import type { SentenceCtx } from "./names.ts";
import { findQuoteChains } from "./quotes.ts";
import { decideTargetStance, findTargetStance, findTriggers, type Span, type TargetStanceFindings, type TriggerMatch } from "./stance.ts";
import { codePointOffsets, tokenizeSentence, type Tok } from "./tokenize.ts";

export type VoteField = "actor" | "cue" | "target" | "stance" | "hedge";

/** One non-abstaining rule's proposal for one field of one sentence (Snorkel's label-function output). */
export interface RuleVote {
  rule: string;
  field: VoteField;
  value: string | null;
  /** Code points within the sentence text. */
  start?: number;
  end?: number;
}

export interface LabelledSentence {
  labels: SentenceLabels;
  votes: RuleVote[];
}

/** After this many sentences a quote that never closed is assumed to be a typo, not a long quote. */
const MAX_QUOTE_SENTENCES = 8;
const NO_TRIGGERS: readonly TriggerMatch[] = [];

interface Pass1 {
  ctx: SentenceCtx;
  proposals: AttributionProposal[];
  winner: AttributionProposal | null;
  startsInQuote: boolean;
  endsInQuote: boolean;
  hedges: HedgeFinding[];
  ts: TargetStanceFindings;
}

// Hot helpers are module-level functions, not closures: tsx names every closure at each call (keepNames).
function tierKey(p: AttributionProposal): number {
  return ATTRIBUTION_TIER[p.rule] * 2 + (p.negated ? 1 : 0);
}

function pickAttribution(ps: readonly AttributionProposal[], toks: readonly Tok[]): AttributionProposal | null {
  let win: AttributionProposal | null = null;
  for (const p of ps) if (!win || tierKey(p) < tierKey(win) || (tierKey(p) === tierKey(win) && p.at < win.at)) win = p;
  // Nested attribution: an earlier speaker with a that-clause keeps the claim ("the U.S. president also raised
  // concerns that …, the White House said" is Obama's claim).
  if (win && ATTRIBUTION_TIER[win.rule] === 1) {
    const inner = ps.find((p) => p.actor && p.at < win!.at && ATTRIBUTION_TIER[p.rule] === 2 && toks[p.cue.end]?.low === "that");
    if (inner) win = inner;
  }
  // "Kirsty Williams … added: “…,” she said": a pronoun co-refers with the person the same sentence names.
  if (win?.actor?.resolution === "resolve.pronoun") {
    const pronoun = toks[win.actor.mention.start]?.low;
    const clash = pronoun === "he" ? "f" : pronoun === "she" ? "m" : "";
    const named = ps.find(
      (p) => p !== win && p.actor && p.actor.resolution !== "resolve.pronoun" && p.actor.entity.type === "person" && p.actor.entity.gender !== clash && ATTRIBUTION_TIER[p.rule] <= 2,
    );
    if (named) win = { ...win, actor: { ...named.actor!, mention: win.actor.mention, resolution: "resolve.pronoun" } };
  }
  return win;
}

/** Does any phrase of `trie` occur in the sentence (trie.findAll(toks) is not empty)? */
function mentionsAny(trie: PhraseTrie<unknown>, toks: readonly Tok[]): boolean {
  for (let i = 0; i < toks.length; i++) if (trie.anyAt(toks, i)) return true;
  return false;
}

/** Token ranges after an unsupported/unconfirmed cue that ends in "if"/"whether": the claim is withheld there. */
function withheldClauses(ctx: SentenceCtx, hedges: readonly HedgeFinding[]): Span[] {
  const out: Span[] = [];
  for (const h of hedges) {
    if (h.type !== "unsupported" && h.type !== "unconfirmed") continue;
    const last = ctx.toks[h.end - 1]?.low;
    const next = ctx.toks[h.end]?.low;
    if (last === "if" || last === "whether" || next === "if" || next === "whether") out.push({ start: h.end, end: ctx.toks.length });
  }
  return out;
}

export function labelArticle(article: Article, lex: Lexicons): LabelledSentence[] {
  // Pass 0: tokens and topic triggers. Triggers count only in an article that names a topic anchor
  // (targets.csv `_topic` rows), so a story about a council "deal" or another war's cease-fire gets no target.
  const tokenized: { ctx: SentenceCtx; startsInQuote: boolean; endsInQuote: boolean }[] = [];
  // The memory sees every name of the article first: role nouns may be named further down.
  const mem = new ArticleMemory();
  const triggers: TriggerMatch[][] = [];
  let carried = 0;
  let onTopic = false;
  for (const s of article.sentences) {
    const startsInQuote = carried > 0 && carried <= MAX_QUOTE_SENTENCES;
    const { toks, quoteOpenAtEnd } = tokenizeSentence(s.text, startsInQuote);
    const ctx: SentenceCtx = { text: s.text, toks, lex, index: tokenized.length };
    tokenized.push({ ctx, startsInQuote, endsInQuote: quoteOpenAtEnd });
    mem.observe(ctx);
    const found = findTriggers(ctx);
    if (!onTopic && mentionsAny(lex.topicAnchors, toks)) onTopic = true;
    triggers.push(found);
    carried = quoteOpenAtEnd ? carried + 1 : 0;
  }
  // Pass 1: every rule, sentence by sentence (pronouns need the actors credited before).
  const pass1: Pass1[] = tokenized.map((s, i) => {
    const ctx = s.ctx;
    const hedges = findHedges(ctx);
    const usable = onTopic ? triggers[i]! : NO_TRIGGERS;
    const ts = findTargetStance(ctx, withheldClauses(ctx, hedges), usable);
    const proposals = attributionProposals(ctx, mem, ts.governing);
    const winner = pickAttribution(proposals, ctx.toks);
    if (winner?.actor) mem.recordActor(winner.actor.entity, i);
    return { ctx, proposals, winner, startsInQuote: s.startsInQuote, endsInQuote: s.endsInQuote, hedges, ts };
  });
  // Pass 2: quote continuation needs the sentences after a quote too.
  const continued = findQuoteChains(pass1);
  return pass1.map((p, i) => buildLabels(p, continued.get(i) ?? null));
}

function buildLabels(p: Pass1, continuation: { from: Pass1 } | null): LabelledSentence {
  const { ctx } = p;
  const cp = codePointOffsets(ctx.text);
  const votes: RuleVote[] = [];
  const rules: string[] = [];

  for (const prop of p.proposals) {
    votes.push(prop.actor ? spanVote(prop.rule, "actor", prop.actor.entity.name, spanOf(ctx, cp, prop.actor.mention)) : { rule: prop.rule, field: "actor", value: null });
    votes.push(spanVote(prop.rule, "cue", surfaceOf(ctx, prop.cue), spanOf(ctx, cp, prop.cue)));
  }
  let actor: SentenceLabels["actor"] = null;
  let cue: string | null = null;
  let actorSpan: SchemaSpan | null = null;
  let cueSpan: SchemaSpan | null = null;
  if (p.winner?.actor) {
    actor = toActor(p.winner.actor, ctx);
    cue = surfaceOf(ctx, p.winner.cue);
    actorSpan = spanOf(ctx, cp, p.winner.actor.mention);
    cueSpan = spanOf(ctx, cp, p.winner.cue);
    rules.push(p.winner.rule, p.winner.actor.resolution);
  } else if (p.winner) {
    rules.push(p.winner.rule);
  } else if (continuation?.from.winner?.actor) {
    const from = continuation.from;
    const w = from.winner!;
    actor = toActor(w.actor!, from.ctx);
    cue = from.ctx.text.slice(from.ctx.toks[w.cue.start]!.start, from.ctx.toks[w.cue.end - 1]!.end);
    votes.push({ rule: "actor.quote_continuation", field: "actor", value: actor.name }, { rule: "actor.quote_continuation", field: "cue", value: cue });
    rules.push("actor.quote_continuation", w.actor!.resolution);
  }

  const { hedges, ts } = p;
  if (ts.salient) votes.push(spanVote("target.trigger", "target", ts.salient.target, spanOf(ctx, cp, ts.salient.span)));
  for (const c of ts.candidates) votes.push(spanVote(c.rule, "stance", c.stance, spanOf(ctx, cp, c.predicate)));
  const decided = decideTargetStance(ts);
  if (decided.rules[0] === "target.governed" && decided.targetSpan)
    votes.push(spanVote("target.governed", "target", decided.target, spanOf(ctx, cp, decided.targetSpan)));
  rules.push(...decided.rules);

  const hedgeLabels = hedges.map((h) => {
    const at = spanOf(ctx, cp, h);
    return { cue: surfaceOf(ctx, h), type: h.type as HedgeType, start: at.start, end: at.end };
  });
  hedges.forEach((h, k) => votes.push({ rule: h.rule, field: "hedge", value: h.type, start: hedgeLabels[k]!.start, end: hedgeLabels[k]!.end }));
  if (hedges.length > 0) for (const r of [...new Set(hedges.map((h) => h.rule))].sort()) rules.push(r);

  const labels: SentenceLabels = {
    actor,
    cue: actor ? cue : null,
    target: decided.target,
    stance: decided.target === null ? "neutral" : decided.stance,
    hedges: hedgeLabels,
    hedged: hedgeLabels.length > 0,
    rules: uniqueInOrder(rules),
    evidence: {
      actor: actorSpan,
      cue: actor ? cueSpan : null,
      target: decided.targetSpan ? spanOf(ctx, cp, decided.targetSpan) : null,
      stance: decided.stanceSpan ? spanOf(ctx, cp, decided.stanceSpan) : null,
    },
  };
  return { labels, votes };
}

function spanOf(ctx: SentenceCtx, cp: (utf16: number) => number, s: Span): SchemaSpan {
  return { start: cp(ctx.toks[s.start]!.start), end: cp(ctx.toks[s.end - 1]!.end) };
}

/** `xs` without repeats, first occurrences in order ([...new Set(xs)] for the handful of rule ids of a sentence). */
function uniqueInOrder(xs: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** A vote with its code-point span (keys in the order the reports print them). */
function spanVote(rule: string, field: VoteField, value: string | null, at: SchemaSpan): RuleVote {
  return { rule, field, value, start: at.start, end: at.end };
}

function surfaceOf(ctx: SentenceCtx, s: Span): string {
  return ctx.text.slice(ctx.toks[s.start]!.start, ctx.toks[s.end - 1]!.end);
}

function toActor(r: Resolved, c: SentenceCtx): NonNullable<SentenceLabels["actor"]> {
  return {
    name: r.entity.name,
    mention: c.text.slice(c.toks[r.mention.start]!.start, c.toks[r.mention.end - 1]!.end),
    type: r.entity.type,
    affiliation: r.entity.affiliation,
  };
}
