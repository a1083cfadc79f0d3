// Component "tagger": the attribution tagger (tagger/) fills sentences the
// rules leave without an actor — not those inside a quote, which quote
// continuation credits; the sentence that closes a long quote may credit it
// ("They are 100 percent wrong,” said 9/11 widow Terry Strada.").
import type { Component } from "../component.ts";
import type { SentenceState } from "../doc.ts";
import type { TokRange } from "../rules/content.ts";
import { withheldRanges } from "./withheld-claim.ts";
import { taggerDecision } from "../tagger/decision.ts";

/**
 * Where the tagger takes no cue: every "unconfirmed" hedge ("declined to comment", "has yet to confirm"), the withheld
 * claims ("gave no details", "it is believed": component withheld_claim) and the writer's clauses (component
 * "writer_clause").
 */
function unconfirmedRanges(s: SentenceState): TokRange[] {
  const out: TokRange[] = [...s.writerClauses, ...withheldRanges(s)];
  for (const h of s.hedges) if (h.type === "unconfirmed") out.push({ start: h.start, end: h.end });
  return out;
}

export const tagger: Component = {
  name: "tagger",
  adds: "the tagger's actor, cue and content where the rules found no actor",
  sentence(doc, s) {
    if (doc.tagger === null || (s.startsInQuote && s.endsInQuote)) return;
    const tagged = taggerDecision(s.ctx, doc.memory, doc.tagger, s.startsInQuote, unconfirmedRanges(s), s.proposals, s.winner);
    if (!tagged) return;
    s.winner = tagged.winner;
    s.content = tagged.content;
    s.contentRule = tagged.contentRule;
  },
};
