// Component "colon_quote": a headline-style quote holder ("Trump: “NO NATO”",
// a transcript's "WALLACE: …") is the source of what follows the colon.
import type { Component } from "../component.ts";
import { colonQuoteProposal } from "../rules/attribution.ts";

export const colonQuote: Component = {
  name: "colon_quote",
  adds: "actor/cue proposals: the name before a colon that opens a quote",
  sentence(doc, s) {
    const p = colonQuoteProposal(s.ctx, doc.memory);
    if (p) s.proposals.push(p);
  },
};
