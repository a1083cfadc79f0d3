// Component "names": the article's memory sees every name chain, role noun
// and title of every sentence first (a role noun may be named further down).
import type { Component } from "../component.ts";

export const names: Component = {
  name: "names",
  adds: "the article's memory of names, roles and titles (grammar/entities.ts)",
  sentence(doc, s) {
    doc.memory.observe(s.ctx);
  },
};
