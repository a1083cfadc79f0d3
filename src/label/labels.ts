// The labels of a finished document: for each sentence its labels (schema.ts
// SentenceLabels, spans in code points) and every non-abstaining rule's vote
// (Snorkel's label-function outputs, which the labeller report summarises).
// The winners were picked by the components (attribution's tier table,
// stance's resolver); here they become fields, spans and rule ids.
import type { HedgeType, SentenceLabels, Span as SchemaSpan } from "../schema.ts";
import type { Doc, SentenceState, SpanlessCredit } from "./doc.ts";
import type { Resolved } from "./grammar/entities.ts";
import type { SentenceCtx } from "./grammar/names.ts";
import type { TokRange } from "./rules/content.ts";
import { quotedPart } from "./rules/content.ts";
import type { HedgeFinding } from "./rules/hedges.ts";
import { codePointOffset, hasAstral } from "./tokens/tokenize.ts";

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

/** Labels and votes of every sentence of the document. */
export function toLabels(doc: Doc): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  for (let i = 0; i < doc.sentences.length; i++)
    out.push(sentenceLabels(doc.sentences[i]!, doc.continued.size === 0 ? null : (doc.continued.get(i) ?? null), doc.credited.size === 0 ? null : (doc.credited.get(i) ?? null)));
  return out;
}

function sentenceLabels(p: SentenceState, continuation: { from: SentenceState } | null, credit: SpanlessCredit | null): LabelledSentence {
  const { ctx } = p;
  const cp = hasAstral(ctx.text); // code points differ from UTF-16 offsets
  const votes: RuleVote[] = [];
  const rules: string[] = [];

  for (const prop of p.proposals) {
    votes.push(prop.actor ? spanVote(prop.rule, "actor", prop.actor.entity.name, spanOf(ctx, cp, prop.actor.mention.start, prop.actor.mention.end)) : { rule: prop.rule, field: "actor", value: null, start: undefined, end: undefined });
    votes.push(spanVote(prop.rule, "cue", surfaceOf(ctx, prop.cue.start, prop.cue.end), spanOf(ctx, cp, prop.cue.start, prop.cue.end)));
  }
  let actor: SentenceLabels["actor"] = null;
  let cue: string | null = null;
  let actorSpan: SchemaSpan | null = null;
  let cueSpan: SchemaSpan | null = null;
  let content: TokRange | null = null;
  let contentRule: string | null = null;
  if (credit) {
    // Credited from outside the text (an embedded tweet's signature): the whole sentence is what the actor claims;
    // actor and cue have no span in it (evidence null), the votes no offsets.
    actor = { name: credit.name, mention: credit.name, type: credit.type, affiliation: null };
    cue = credit.cue;
    votes.push({ rule: credit.rule, field: "actor", value: credit.name, start: undefined, end: undefined }, { rule: credit.rule, field: "cue", value: credit.cue, start: undefined, end: undefined });
    rules.push(credit.rule);
    content = ctx.toks.length > 0 ? { start: 0, end: ctx.toks.length } : null;
    contentRule = content ? "content.whole_sentence" : null;
  } else if (p.winner?.actor) {
    actor = toActor(p.winner.actor, ctx);
    cue = surfaceOf(ctx, p.winner.cue.start, p.winner.cue.end);
    actorSpan = spanOf(ctx, cp, p.winner.actor.mention.start, p.winner.actor.mention.end);
    cueSpan = spanOf(ctx, cp, p.winner.cue.start, p.winner.cue.end);
    rules.push(p.winner.rule, p.winner.actor.resolution);
    content = p.content;
    contentRule = p.contentRule;
  } else if (p.winner) {
    rules.push(p.winner.rule);
  } else if (continuation?.from.winner?.actor) {
    const from = continuation.from;
    const w = from.winner!;
    actor = toActor(w.actor!, from.ctx);
    cue = from.ctx.text.slice(from.ctx.toks[w.cue.start]!.start, from.ctx.toks[w.cue.end - 1]!.end);
    // start/end present but undefined (JSON drops them): every vote has one shape.
    votes.push({ rule: "actor.quote_continuation", field: "actor", value: actor.name, start: undefined, end: undefined }, { rule: "actor.quote_continuation", field: "cue", value: cue, start: undefined, end: undefined });
    rules.push("actor.quote_continuation", w.actor!.resolution);
    content = quotedPart(ctx);
    contentRule = content ? "content.quoted" : null;
  }
  if (contentRule) rules.push(contentRule);

  const { hedges, ts } = p;
  if (ts.salient) votes.push(spanVote("target.trigger", "target", ts.salient.target, spanOf(ctx, cp, ts.salient.span.start, ts.salient.span.end)));
  for (const c of ts.candidates) votes.push(spanVote(c.rule, "stance", c.stance, spanOf(ctx, cp, c.predicate.start, c.predicate.end)));
  const decided = p.decided;
  for (const o of ts.open) votes.push(spanVote(o.rule, "stance", o.stance, spanOf(ctx, cp, o.predicate.start, o.predicate.end)));
  if ((decided.rules[0] === "target.governed" || decided.rules[0] === "target.open") && decided.targetSpan)
    votes.push(spanVote(decided.rules[0], "target", decided.target, spanOf(ctx, cp, decided.targetSpan.start, decided.targetSpan.end)));
  for (const r of decided.rules) rules.push(r);

  const hedgeLabels: SentenceLabels["hedges"] = [];
  for (const h of hedges) {
    const at = spanOf(ctx, cp, h.start, h.end);
    hedgeLabels.push({ cue: surfaceOf(ctx, h.start, h.end), type: h.type as HedgeType, start: at.start, end: at.end });
    votes.push({ rule: h.rule, field: "hedge", value: h.type, start: at.start, end: at.end });
  }
  if (hedges.length > 0) for (const r of hedgeRules(hedges)) rules.push(r);

  const targetSpan = decided.targetSpan ? spanOf(ctx, cp, decided.targetSpan.start, decided.targetSpan.end) : null;
  const labels: SentenceLabels = {
    actor,
    cue: actor ? cue : null,
    content: actor && content ? spanOf(ctx, cp, content.start, content.end) : null,
    target: decided.target,
    target_text: targetSpan ? surfaceOf(ctx, decided.targetSpan!.start, decided.targetSpan!.end) : null,
    target_entity: p.entity,
    // A position needs something it is taken on (schema.ts: non-neutral only with target_text).
    stance: targetSpan === null ? "neutral" : decided.stance,
    hedges: hedgeLabels,
    hedged: hedgeLabels.length > 0,
    rules: uniqueInOrder(rules),
    evidence: {
      actor: actorSpan,
      cue: actor ? cueSpan : null,
      target: targetSpan,
      stance: decided.stanceSpan ? spanOf(ctx, cp, decided.stanceSpan.start, decided.stanceSpan.end) : null,
    },
  };
  return { labels, votes };
}

/**
 * The code-point span of tokens [start, end); `astral` is hasAstral(ctx.text). Callers pass numbers, not their span
 * objects: those come in several shapes (mentions, cues, trigger and predicate matches, hedges), which would make
 * this function's property reads polymorphic.
 */
function spanOf(ctx: SentenceCtx, astral: boolean, start: number, end: number): SchemaSpan {
  return { start: codePointOffset(ctx.text, astral, ctx.toks[start]!.start), end: codePointOffset(ctx.text, astral, ctx.toks[end - 1]!.end) };
}

/** The distinct rule ids of the hedges, sorted. */
function hedgeRules(hedges: readonly HedgeFinding[]): string[] {
  const out: string[] = [];
  for (const h of hedges) if (!out.includes(h.rule)) out.push(h.rule);
  return out.sort();
}

/** `xs` without repeats, first occurrences in order ([...new Set(xs)] for the handful of rule ids of a sentence). */
function uniqueInOrder(xs: string[]): string[] {
  if (xs.length < 2) return xs; // nothing to repeat (most sentences)
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** A vote with its code-point span (keys in the order the reports print them). */
function spanVote(rule: string, field: VoteField, value: string | null, at: SchemaSpan): RuleVote {
  return { rule, field, value, start: at.start, end: at.end };
}

/** The text of tokens [start, end) (numbers for the reason spanOf takes them). */
function surfaceOf(ctx: SentenceCtx, start: number, end: number): string {
  return ctx.text.slice(ctx.toks[start]!.start, ctx.toks[end - 1]!.end);
}

function toActor(r: Resolved, c: SentenceCtx): NonNullable<SentenceLabels["actor"]> {
  return {
    name: r.entity.name,
    mention: c.text.slice(c.toks[r.mention.start]!.start, c.toks[r.mention.end - 1]!.end),
    type: r.entity.type,
    affiliation: r.entity.affiliation,
  };
}
