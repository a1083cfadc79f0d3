// Component "writer_clause": a report inside the writer's subordinate or
// relative clause credits nobody (docs/claim-records.md §3; grammar/clauses.ts):
// "The raid comes two weeks after Kimberly Gardner vowed to …" has no actor,
// "Sanders, who has avoided attacking Clinton, has been pushing back" credits
// the main clause. It drops the proposals whose cue lies in such a clause
// (before the resolver) and keeps the clauses on the sentence, where the
// tagger does not look for a cue either.
import type { Component } from "../component.ts";
import { insideAny, writerClauses } from "../grammar/clauses.ts";

export const writerClause: Component = {
  name: "writer_clause",
  adds: "the writer's subordinate and relative clauses; drops the proposals whose cue lies in one",
  sentence(_doc, s) {
    const clauses = writerClauses(s.ctx);
    if (clauses.length === 0) return;
    s.writerClauses = clauses;
    if (s.proposals.some((p) => insideAny(clauses, p.cue.start))) s.proposals = s.proposals.filter((p) => !insideAny(clauses, p.cue.start));
  },
};
