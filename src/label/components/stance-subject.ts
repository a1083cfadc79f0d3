// Component "stance_subject": the subject of a stance verb that takes a
// position on a target is its source ("Zelensky rejected the buffer zone");
// reads the predicates the stance component paired with a target.
import type { Component } from "../component.ts";
import { stanceSubjectProposals } from "../rules/attribution.ts";

export const stanceSubject: Component = {
  name: "stance_subject",
  adds: "actor/cue proposals: the subjects of governing stance predicates",
  sentence(doc, s) {
    stanceSubjectProposals(s.ctx, doc.memory, s.ts.governing, s.proposals);
  },
};
