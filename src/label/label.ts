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

function pickAttribution(ps: readonly AttributionProposal[], toks: readonly Tok[]): AttributionProposal | null {
  const key = (p: AttributionProposal) => ATTRIBUTION_TIER[p.rule] * 2 + (p.negated ? 1 : 0);
  let win: AttributionProposal | null = null;
  for (const p of ps) if (!win || key(p) < key(win) || (key(p) === key(win) && p.at < win.at)) win = p;
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
    if (!onTopic && lex.topicAnchors.findAll(toks).length > 0) onTopic = true;
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
  const span = (s: Span): SchemaSpan => ({ start: cp(ctx.toks[s.start]!.start), end: cp(ctx.toks[s.end - 1]!.end) });
  const surface = (s: Span) => ctx.text.slice(ctx.toks[s.start]!.start, ctx.toks[s.end - 1]!.end);
  const votes: RuleVote[] = [];
  const rules: string[] = [];

  for (const prop of p.proposals) {
    const a = span(prop.actor?.mention ?? prop.cue);
    votes.push({ rule: prop.rule, field: "actor", value: prop.actor?.entity.name ?? null, ...(prop.actor ? a : {}) });
    votes.push({ rule: prop.rule, field: "cue", value: surface(prop.cue), ...span(prop.cue) });
  }
  let actor: SentenceLabels["actor"] = null;
  let cue: string | null = null;
  let actorSpan: SchemaSpan | null = null;
  let cueSpan: SchemaSpan | null = null;
  const toActor = (r: Resolved, c: SentenceCtx) => ({
    name: r.entity.name,
    mention: c.text.slice(c.toks[r.mention.start]!.start, c.toks[r.mention.end - 1]!.end),
    type: r.entity.type,
    affiliation: r.entity.affiliation,
  });
  if (p.winner?.actor) {
    actor = toActor(p.winner.actor, ctx);
    cue = surface(p.winner.cue);
    actorSpan = span(p.winner.actor.mention);
    cueSpan = span(p.winner.cue);
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
  if (ts.salient) votes.push({ rule: "target.trigger", field: "target", value: ts.salient.target, ...span(ts.salient.span) });
  for (const c of ts.candidates) votes.push({ rule: c.rule, field: "stance", value: c.stance, ...span(c.predicate) });
  const decided = decideTargetStance(ts);
  if (decided.rules[0] === "target.governed" && decided.targetSpan)
    votes.push({ rule: "target.governed", field: "target", value: decided.target, ...span(decided.targetSpan) });
  rules.push(...decided.rules);

  const hedgeLabels = hedges.map((h) => ({ cue: surface(h), type: h.type as HedgeType, ...span(h) }));
  hedges.forEach((h, k) => votes.push({ rule: h.rule, field: "hedge", value: h.type, start: hedgeLabels[k]!.start, end: hedgeLabels[k]!.end }));
  for (const r of [...new Set(hedges.map((h) => h.rule))].sort()) rules.push(r);

  const labels: SentenceLabels = {
    actor,
    cue: actor ? cue : null,
    target: decided.target,
    stance: decided.target === null ? "neutral" : decided.stance,
    hedges: hedgeLabels,
    hedged: hedgeLabels.length > 0,
    rules: [...new Set(rules)],
    evidence: {
      actor: actorSpan,
      cue: actor ? cueSpan : null,
      target: decided.targetSpan ? span(decided.targetSpan) : null,
      stance: decided.stanceSpan ? span(decided.stanceSpan) : null,
    },
  };
  return { labels, votes };
}
