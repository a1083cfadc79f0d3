// Component "attribution": the resolver of the actor/cue rule families (the
// components before it push their proposals onto the sentence): lower tier
// (each proposal carries it; rules/attribution.ts ATTRIBUTION_TIER is the table
// of the built-in families) wins, a negated
// report yields to a positive one in its tier, then the earlier cue.
import type { Component } from "../component.ts";
import type { AttributionProposal } from "../rules/attribution.ts";
import type { Tok } from "../tokens/tokenize.ts";

function tierKey(p: AttributionProposal): number {
  return p.tier * 2 + (p.negated ? 1 : 0);
}

/** The resolver: the proposal whose actor and cue the sentence gets. */
export function pickAttribution(ps: readonly AttributionProposal[], toks: readonly Tok[]): AttributionProposal | null {
  let win: AttributionProposal | null = null;
  for (const p of ps) if (!win || tierKey(p) < tierKey(win) || (tierKey(p) === tierKey(win) && p.at < win.at)) win = p;
  // Nested attribution: an earlier speaker with a that-clause keeps the claim ("the U.S. president also raised
  // concerns that …, the White House said" is Obama's claim).
  if (win && win.tier === 1) {
    const inner = ps.find((p) => p.actor && p.at < win!.at && p.tier === 2 && toks[p.cue.end]?.low === "that");
    if (inner) win = inner;
  }
  // "Kirsty Williams … added: “…,” she said": a pronoun co-refers with the person the same sentence names.
  if (win?.actor?.resolution === "resolve.pronoun") {
    const pronoun = toks[win.actor.mention.start]?.low;
    const clash = pronoun === "he" ? "f" : pronoun === "she" ? "m" : "";
    const named = ps.find(
      (p) => p !== win && p.actor && p.actor.resolution !== "resolve.pronoun" && p.actor.entity.type === "person" && p.actor.entity.gender !== clash && p.tier <= 2,
    );
    if (named) win = { rule: win.rule, tier: win.tier, at: win.at, actor: { entity: named.actor!.entity, resolution: "resolve.pronoun", mention: win.actor.mention }, cue: win.cue, negated: win.negated };
  }
  return win;
}

export const attribution: Component = {
  name: "attribution",
  adds: "the actor/cue proposal the tier table picks (the sentence's attribution)",
  sentence(_doc, s) {
    s.winner = pickAttribution(s.proposals, s.ctx.toks);
  },
};
