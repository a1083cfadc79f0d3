// labelArticle: runs every rule over each sentence of one article, in order
// (the article memory needs earlier sentences for pronouns, role nouns and
// surnames), then resolves the proposals per field with a fixed priority:
//   actor/cue — ATTRIBUTION_TIER (closing "…, X said" > other reporting
//               patterns > stance-verb subject > participle clause > dash
//               credit > quote continuation), earlier cue first within a tier;
//   target/stance — cheapest predicate–target pairing (decideTargetStance),
//               else the first open position (open-targets.ts: the phrase
//               a predicate governs, its entity, the topic covering its
//               head), else the most salient trigger with stance neutral;
//   hedges    — every cue found (longest match at each position).
import type { Article, HedgeType, SentenceLabels, Span as SchemaSpan } from "../schema.ts";
import { ATTRIBUTION_TIER, attributionProposals, type AttributionProposal } from "./rules/attribution.ts";
import { loadTagger, type TaggerModel } from "./tagger/model.ts";
import { contentOf, quotedPart, type TokRange } from "./rules/content.ts";
import { taggerDecision } from "./tagger/decision.ts";
import { ArticleMemory, type Resolved } from "./grammar/entities.ts";
import { findHedges, NO_HEDGES, type HedgeFinding } from "./rules/hedges.ts";
import type { Lexicons } from "./lexicon/lexicons.ts";
import type { PhraseTrie } from "./lexicon/phrases.ts";
import type { SentenceCtx } from "./grammar/names.ts";
import { findQuoteChains } from "./rules/quotes.ts";
import { decideTargetStance, findTargetStance, findTriggers, NO_TRIGGERS, type Span, type TargetStanceFindings, type TriggerMatch } from "./rules/stance.ts";
import { targetEntity } from "./grammar/target-entity.ts";
import { MAX_QUOTE_SENTENCES, codePointOffset, hasAstral, tokenizeSentence, type Tok } from "./tokens/tokenize.ts";
import { firstWordFlags } from "./lexicon/vocab.ts";

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

/** The PhraseTrie flags of the sentence's words (SentenceCtx.firstFlags). */
function sentenceFlags(toks: readonly Tok[]): number {
  let flags = 0;
  for (let i = 0; i < toks.length; i++) flags |= firstWordFlags(toks[i]!.id);
  return flags;
}

interface Pass1 {
  ctx: SentenceCtx;
  proposals: AttributionProposal[];
  winner: AttributionProposal | null;
  /** Token range of what the winner's actor claims, and the rule that found it. */
  content: TokRange | null;
  contentRule: string | null;
  startsInQuote: boolean;
  endsInQuote: boolean;
  hedges: HedgeFinding[];
  ts: TargetStanceFindings;
  decided: ReturnType<typeof decideTargetStance>;
  /** Canonical name of the entity the target phrase names (target-entity.ts), or null. */
  entity: string | null;
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
    // Written out rather than spread: the same object shapes as every other proposal and resolution.
    if (named) win = { rule: win.rule, at: win.at, actor: { entity: named.actor!.entity, resolution: "resolve.pronoun", mention: win.actor.mention }, cue: win.cue, negated: win.negated };
  }
  return win;
}

/** Does any phrase of `trie` occur in the sentence (trie.findAll(toks) is not empty)? */
function mentionsAny(trie: PhraseTrie<unknown>, toks: readonly Tok[]): boolean {
  for (let i = 0; i < toks.length; i++) if (trie.anyAt(toks, i)) return true;
  return false;
}

const NO_SPANS: readonly Span[] = [];

/** Token ranges after an unsupported/unconfirmed cue that ends in "if"/"whether": the claim is withheld there. */
function withheldClauses(ctx: SentenceCtx, hedges: readonly HedgeFinding[]): readonly Span[] {
  if (hedges.length === 0) return NO_SPANS;
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
  const sentences = article.sentences;
  // Pass 0: tokens and topic triggers. Triggers count only in an article that names a topic anchor
  // (targets.csv `_topic` rows), so a story about a council "deal" or another war's cease-fire gets no target.
  // The per-sentence work is in functions of their own: called once per sentence, they are optimised early,
  // while this function runs once per article.
  const read: Pass0[] = [];
  // The memory sees every name of the article first: role nouns may be named further down.
  const mem = new ArticleMemory();
  let carried = 0;
  // A topic list without anchors (a researcher's --targets file) is about every article.
  let onTopic = lex.topicAnchors.count === 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = readSentence(sentences[i]!.text, i, carried > 0 && carried <= MAX_QUOTE_SENTENCES, lex, mem);
    if (!onTopic && lex.topicAnchors.mayOccur(s.ctx.firstFlags) && mentionsAny(lex.topicAnchors, s.ctx.toks)) onTopic = true;
    read.push(s);
    carried = s.endsInQuote ? carried + 1 : 0;
  }
  // Pass 1: every rule, sentence by sentence (pronouns need the actors credited before).
  const pass1: Pass1[] = [];
  const model = loadTagger();
  for (let i = 0; i < read.length; i++) pass1.push(applyRules(read[i]!, onTopic, mem, model));
  // Pass 2: quote continuation needs the sentences after a quote too.
  const continued = findQuoteChains(pass1);
  const out: LabelledSentence[] = [];
  for (let i = 0; i < pass1.length; i++) out.push(buildLabels(pass1[i]!, continued.size === 0 ? null : (continued.get(i) ?? null)));
  return out;
}

interface Pass0 {
  ctx: SentenceCtx;
  startsInQuote: boolean;
  endsInQuote: boolean;
  triggers: readonly TriggerMatch[];
}

/** Pass 0 of one sentence: tokens, the memory's names, topic triggers. */
function readSentence(text: string, index: number, startsInQuote: boolean, lex: Lexicons, mem: ArticleMemory): Pass0 {
  const tokenized = tokenizeSentence(text, startsInQuote);
  const toks = tokenized.toks;
  const firstFlags = sentenceFlags(toks);
  // Every memo field is present from the start: one object shape for every rule that reads the context.
  const ctx: SentenceCtx = { text, toks, lex, index, firstFlags, chainMemo: undefined, mainSubjectMemo: undefined };
  mem.observe(ctx);
  // Most sentences hold no word that starts a trigger phrase: their scan is skipped.
  const triggers = lex.targets.mayOccur(firstFlags) ? findTriggers(ctx) : NO_TRIGGERS;
  return { ctx, startsInQuote, endsInQuote: tokenized.quoteOpenAtEnd, triggers };
}

/** Pass 1 of one sentence: hedges, target and stance, attribution (crediting the winner in the memory). */
function applyRules(s: Pass0, onTopic: boolean, mem: ArticleMemory, model: TaggerModel | null): Pass1 {
  const ctx = s.ctx;
  const hedges = ctx.lex.hedges.mayOccur(ctx.firstFlags) ? findHedges(ctx) : NO_HEDGES;
  // Topics of the lexicon's targets.csv count only in an on-topic article; a researcher's topic files everywhere.
  const usable = onTopic || s.triggers.length === 0 ? s.triggers : s.triggers.filter((t) => !t.entry.anchored);
  const ts = findTargetStance(ctx, withheldClauses(ctx, hedges), usable);
  const decided = decideTargetStance(ts);
  const entity = decided.targetSpan ? targetEntity(ctx, mem, decided.targetSpan) : null;
  const proposals = attributionProposals(ctx, mem, ts.governing);
  let winner = pickAttribution(proposals, ctx.toks);
  let content: TokRange | null = null;
  let contentRule: string | null = null;
  // The tagger fills sentences the rules leave without an actor (not those inside a quote: quote continuation's; the
  // sentence that closes a long quote may credit it: "They are 100 percent wrong,” said 9/11 widow Terry Strada.").
  const tagged = model !== null && (!s.startsInQuote || !s.endsInQuote) ? taggerDecision(ctx, mem, model, s.startsInQuote, unconfirmedRanges(hedges), proposals, winner) : null;
  if (tagged) {
    winner = tagged.winner;
    content = tagged.content;
    contentRule = tagged.contentRule;
  }
  if (winner?.actor && !content) {
    content = contentOf(ctx, winner);
    contentRule = content ? "content.reported" : null;
  }
  // An unnamed source is no antecedent for a later "he" or "they".
  if (winner?.actor && winner.actor.entity.type !== "unnamed") mem.recordActor(winner.actor.entity, ctx.index);
  return { ctx, proposals, winner, content, contentRule, startsInQuote: s.startsInQuote, endsInQuote: s.endsInQuote, hedges, ts, decided, entity };
}

/** "Unconfirmed" hedges ("declined to comment", "has yet to confirm"): no claim is made there (see modelAttribution). */
function unconfirmedRanges(hedges: readonly HedgeFinding[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const h of hedges) if (h.type === "unconfirmed") out.push({ start: h.start, end: h.end });
  return out;
}

function buildLabels(p: Pass1, continuation: { from: Pass1 } | null): LabelledSentence {
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
  if (p.winner?.actor) {
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
