// Component "stance": stance predicates paired with topic triggers, open
// positions (the phrase a predicate governs), and the resolver's decision:
// the cheapest predicate–target pairing, else the first open position, else
// the most salient trigger with stance neutral (rules/stance.ts). Then the
// entity the target phrase names.
import type { Component } from "../component.ts";
import type { SentenceCtx } from "../grammar/names.ts";
import { targetEntity } from "../grammar/target-entity.ts";
import type { HedgeFinding } from "../rules/hedges.ts";
import { decideTargetStance, findTargetStance, type Span } from "../rules/stance.ts";

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

export const stance: Component = {
  name: "stance",
  adds: "stance candidates, open positions, the decided target and stance, the target's entity",
  sentence(doc, s) {
    // Topics of the lexicon's targets.csv count only in an on-topic article; a researcher's topic files everywhere.
    const usable = doc.onTopic || s.triggers.length === 0 ? s.triggers : s.triggers.filter((t) => !t.entry.anchored);
    s.ts = findTargetStance(s.ctx, withheldClauses(s.ctx, s.hedges), usable);
    s.decided = decideTargetStance(s.ts);
    s.entity = s.decided.targetSpan ? targetEntity(s.ctx, doc.memory, s.decided.targetSpan) : null;
  },
};
