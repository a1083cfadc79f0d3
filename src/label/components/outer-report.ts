// Component "outer_report": the outer report wins over an inner clause's
// subject (issue 19; data/gold/README.md, "The outer report wins"). In "Mr.
// Mnuchin thinks that … it would insist …" the sentence's main subject takes a
// that-clause, and whatever the clause's own subject says or does is part of
// what the main subject claims. A rule that credited the inner subject
// ("it … insist" → the Treasury) loses to the main subject: this component adds
// a proposal for the main subject's verb, in the tier of the best inner
// proposal, earlier in the sentence, so the resolver takes it. Runs after the
// proposal families and before writer_clause and the resolver.
import type { Component } from "../component.ts";
import { mainSubject, resolveSubject } from "../grammar/subjects.ts";
import { cueClasses } from "../lexicon/cue-classes.ts";
import type { AttributionProposal } from "../rules/attribution.ts";
import { BETWEEN_SUBJECT_AND_VERB, isWord, wordSet } from "../tokens/words.ts";

/** Words before "that" that make it no complement of the verb ("so that", "now that", "such that", "except that"). */
const NOT_COMPLEMENT = wordSet("so such now given except in provided assuming");
const OBJECT_PRONOUNS = wordSet("him her them us me");
/** At most this many object words between the verb and "that" ("told reporters that", "assured the public that"). */
const OBJECT_WORDS = 3;

export const outerReport: Component = {
  name: "outer_report",
  adds: "actor/cue proposals: the main subject whose that-clause holds another proposal's report",
  sentence(doc, s) {
    if (s.proposals.length === 0) return;
    const ctx = s.ctx;
    const t = ctx.toks;
    const main = mainSubject(ctx);
    // An expletive or a bare group ("It is clear that", "Officials who …") names nobody to credit.
    if (!main || main.kind === "group" || (main.kind === "pronoun" && t[main.start]!.low === "it")) return;
    // The main subject opens its clause (the sentence, an opening quote, or after an introductory phrase's comma), not a
    // name found after a verb ("The debate follows a Washington Post report that …").
    const before = t[main.start - 1];
    if (before !== undefined && before.low !== "," && before.kind !== "open_quote") return;
    let v = main.end;
    while (v < t.length && t[v]!.kind === "word" && !t[v]!.quoted && BETWEEN_SUBJECT_AND_VERB.has(t[v]!.low)) v++;
    const verb = t[v];
    // The verb is one of saying, thinking or evidence (cue-classes.csv, a class that counts), not an action
    // ("will follow that by …", "endorsed him against the advice …").
    if (!isWord(verb) || verb.cap || verb.quoted || cueClasses().get(verb.low) !== "yes") return;
    let that = v + 1;
    while (that < t.length && that - v <= OBJECT_WORDS && isWord(t[that]) && !t[that]!.quoted && t[that]!.low !== "that") that++;
    if (t[that]?.low !== "that" || t[that]!.quoted || NOT_COMPLEMENT.has(t[that - 1]!.low)) return;
    // Object words are an audience or a name ("told reporters that", "warned Congress that"), not a clause of their own.
    for (let k = v + 1; k < that; k++) if (!(t[k]!.cap || doc.lex.nouns.get(t[k]!.low)?.has("audience") || OBJECT_PRONOUNS.has(t[k]!.low) || t[k]!.low === "the")) return;
    // The inner proposals: a report whose subject and cue lie inside the that-clause.
    let inner: AttributionProposal | null = null;
    for (const p of s.proposals) {
      const from = p.actor ? Math.min(p.actor.mention.start, p.cue.start) : p.cue.start;
      if (p.cue.start <= that || from <= that) continue;
      if (!inner || p.tier < inner.tier) inner = p;
    }
    if (!inner || s.proposals.some((p) => p.cue.start === v)) return;
    const actor = resolveSubject(ctx, doc.memory, main);
    if (!actor) return;
    s.proposals.push({ rule: "actor.outer_report", tier: inner.tier, at: v, actor, cue: { start: v, end: v + 1 }, negated: false });
  },
};
