// Component "reporting": actor/cue proposals around the reporting lexicon's
// phrases ("said", "according to", "told reporters", "…, saying"): trailing,
// inverted and subject reporting, passive agents, participle clauses
// (rules/attribution.ts reportingProposals).
import type { Component } from "../component.ts";
import { reportingProposals } from "../rules/attribution.ts";

export const reporting: Component = {
  name: "reporting",
  adds: "actor/cue proposals of the reporting-verb rules",
  sentence(doc, s) {
    reportingProposals(s.ctx, doc.memory, s.proposals);
  },
};
