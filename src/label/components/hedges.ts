// Component "hedges": hedge cues (hedges.csv phrases, vague and weasel
// subjects; rules/hedges.ts), every cue found, longest match at each position.
import type { Component } from "../component.ts";
import { findHedges } from "../rules/hedges.ts";

export const hedges: Component = {
  name: "hedges",
  adds: "hedge cues with their type and rule (rules/hedges.ts)",
  sentence(doc, s) {
    if (doc.lex.hedges.mayOccur(s.ctx.firstFlags)) s.hedges = findHedges(s.ctx);
  },
};
