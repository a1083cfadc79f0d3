// Component "tagger": the attribution tagger (tagger/) fills sentences the
// rules leave without an actor — not those inside a quote, which quote
// continuation credits; the sentence that closes a long quote may credit it
// ("They are 100 percent wrong,” said 9/11 widow Terry Strada.").
import type { Component } from "../component.ts";
import type { HedgeFinding } from "../rules/hedges.ts";
import { taggerDecision } from "../tagger/decision.ts";

/** "Unconfirmed" hedges ("declined to comment", "has yet to confirm"): no claim is made there (see modelAttribution). */
function unconfirmedRanges(hedges: readonly HedgeFinding[], writerClauses: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  // The writer's clauses (component "writer_clause") credit nobody either.
  const out: { start: number; end: number }[] = [...writerClauses];
  for (const h of hedges) if (h.type === "unconfirmed") out.push({ start: h.start, end: h.end });
  return out;
}

export const tagger: Component = {
  name: "tagger",
  adds: "the tagger's actor, cue and content where the rules found no actor",
  sentence(doc, s) {
    if (doc.tagger === null || (s.startsInQuote && s.endsInQuote)) return;
    const tagged = taggerDecision(s.ctx, doc.memory, doc.tagger, s.startsInQuote, unconfirmedRanges(s.hedges, s.writerClauses), s.proposals, s.winner);
    if (!tagged) return;
    s.winner = tagged.winner;
    s.content = tagged.content;
    s.contentRule = tagged.contentRule;
  },
};
