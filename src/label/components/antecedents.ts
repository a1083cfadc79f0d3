// Component "antecedents": the sentence's speaker becomes the antecedent of a
// later "he", "she" or "they" (pronouns are resolved against the speakers
// credited before). An unnamed source is no antecedent.
import type { Component } from "../component.ts";

export const antecedents: Component = {
  name: "antecedents",
  adds: "the sentence's speaker in the memory, for later pronouns",
  sentence(doc, s) {
    const actor = s.winner?.actor;
    if (actor && actor.entity.type !== "unnamed") doc.memory.recordActor(actor.entity, s.ctx.index);
  },
};
