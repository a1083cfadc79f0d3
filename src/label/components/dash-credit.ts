// Component "dash_credit": a headline credit after a spaced dash ("Putin backs
// ‘security guarantees’ for Ukraine – Trump") names the source.
import type { Component } from "../component.ts";
import { dashCreditProposal } from "../rules/attribution.ts";

export const dashCredit: Component = {
  name: "dash_credit",
  adds: "actor/cue proposals: a name credited after a closing dash",
  sentence(doc, s) {
    const p = dashCreditProposal(s.ctx, doc.memory);
    if (p) s.proposals.push(p);
  },
};
