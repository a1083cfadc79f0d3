// Component "content": what the winning actor claims — the reported clause
// after (or before) the cue (rules/content.ts), when the tagger gave none.
import type { Component } from "../component.ts";
import { contentOf } from "../rules/content.ts";

export const content: Component = {
  name: "content",
  adds: "the content span of the sentence's claim",
  sentence(_doc, s) {
    if (!s.winner?.actor || s.content) return;
    s.content = contentOf(s.ctx, s.winner);
    s.contentRule = s.content ? "content.reported" : null;
  },
};
