// Component "topics": topic trigger phrases (targets.csv) per sentence, and
// whether the article is on topic. The lexicon's anchored topics count only
// in an article that names a topic anchor (`_topic` rows), so a story about a
// council "deal" or another war's cease-fire gets no target; a topic list
// without anchors (a researcher's --targets file) is about every article.
import type { Component } from "../component.ts";
import type { SentenceCtx } from "../grammar/names.ts";
import { findTriggers } from "../rules/stance.ts";

/** Does any topic anchor occur in the sentence? */
function mentionsAnchor(ctx: SentenceCtx): boolean {
  const anchors = ctx.lex.topicAnchors;
  if (!anchors.mayOccur(ctx.firstFlags)) return false;
  for (let i = 0; i < ctx.toks.length; i++) if (anchors.anyAt(ctx.toks, i)) return true;
  return false;
}

export const topics: Component = {
  name: "topics",
  adds: "topic triggers per sentence; whether the article names a topic anchor",
  article(doc) {
    doc.onTopic = doc.lex.topicAnchors.count === 0;
    for (const s of doc.sentences) {
      if (!doc.onTopic && mentionsAnchor(s.ctx)) doc.onTopic = true;
      // Most sentences hold no word that starts a trigger phrase: their scan is skipped.
      if (doc.lex.targets.mayOccur(s.ctx.firstFlags)) s.triggers = findTriggers(s.ctx);
    }
  },
};
