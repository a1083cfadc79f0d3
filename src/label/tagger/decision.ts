// How the tagger's proposal (proposal.ts) is combined with the rules' winner for one sentence:
// - the rules named nobody: the tagger's attribution, unless a lower-tier rule named an actor there;
// - a rule's report lies inside the complement clause of an earlier report the tagger finds: the outer one.
import type { AttributionProposal } from "../rules/attribution.ts";
import type { TaggerModel } from "./model.ts";
import type { TokRange } from "../rules/content.ts";
import type { ArticleMemory } from "../grammar/entities.ts";
import { modelAttribution, type ModelAttribution } from "./proposal.ts";
import type { SentenceCtx } from "../grammar/names.ts";

export interface TaggerDecision {
  winner: AttributionProposal;
  /** The tagger's content, or null (the caller then takes the rules' content of the winner). */
  content: TokRange | null;
  contentRule: string | null;
}

/**
 * The sentence's attribution after the tagger (null: the rules' winner stands). A proposal the tagger adds is pushed
 * to `proposals` (its votes are reported like the rules').
 */
export function taggerDecision(ctx: SentenceCtx, mem: ArticleMemory, model: TaggerModel, startsInQuote: boolean, withheld: readonly { start: number; end: number }[], proposals: AttributionProposal[], winner: AttributionProposal | null): TaggerDecision | null {
  if (winner?.actor) {
    const outer = outerAttribution(ctx, mem, model, startsInQuote, withheld, winner);
    if (!outer) return null;
    proposals.push(outer.proposal);
    return { winner: outer.proposal, content: outer.content, contentRule: "content.model" };
  }
  const learned = modelAttribution(ctx, mem, model, startsInQuote, withheld);
  if (!learned) return null;
  // The tagger agrees the sentence is an attribution; a rule that named an actor there names it better.
  const ruled = ruledActor(proposals);
  if (ruled) return { winner: ruled, content: null, contentRule: null };
  proposals.push(learned.proposal);
  return { winner: learned.proposal, content: learned.content, contentRule: learned.content ? "content.model" : null };
}

/**
 * When the tagger finds an attribution in a sentence whose winning rule named nobody ("the minister also confirmed"
 * with an unresolved subject), a lower-tier rule's actor there ("Erin Brockovich, …, endorsed …, saying") is taken
 * before the tagger's: the rules resolve names better than the tagger's source runs.
 */
function ruledActor(proposals: readonly AttributionProposal[]): AttributionProposal | null {
  let best: AttributionProposal | null = null;
  for (const p of proposals) if (p.actor && (!best || p.tier < best.tier || (p.tier === best.tier && p.at < best.at))) best = p;
  return best;
}

/** Rules whose subject–verb match may sit inside another report's complement clause. */
const EMBEDDABLE = new Set(["actor.subject_reporting", "actor.stance_subject", "actor.participle_clause"]);
/** Words that open a complement clause ("noted that", "went on to explain how", "would know exactly what"). */
const COMPLEMENTIZERS = new Set(["that", "how", "what", "whether", "why"]);

/**
 * "Regulators and environmental groups worried that …, Patriot could threaten to …", "Ham went on to explain how he
 * believes …": a rule's report inside the complement clause of an earlier report is part of that report's content.
 * When the tagger finds the outer report (its cue before the clause, its content over the rule's cue), it is taken.
 */
function outerAttribution(ctx: SentenceCtx, mem: ArticleMemory, model: TaggerModel, startsInQuote: boolean, withheld: readonly { start: number; end: number }[], winner: AttributionProposal): ModelAttribution | null {
  if (!winner.actor || !EMBEDDABLE.has(winner.rule)) return null;
  const t = ctx.toks;
  const subject = Math.min(winner.actor.mention.start, winner.cue.start);
  let clause = -1;
  for (let k = subject - 1; k > 0 && clause < 0; k--) if (COMPLEMENTIZERS.has(t[k]!.low) && !t[k]!.quoted) clause = k;
  if (clause < 0) return null;
  const outer = modelAttribution(ctx, mem, model, startsInQuote, withheld);
  if (!outer || !outer.content || outer.proposal.cue.end > clause || outer.proposal.actor!.mention.end > outer.proposal.cue.start) return null;
  return outer.content.start <= winner.cue.start && outer.content.end >= winner.cue.end ? outer : null;
}
