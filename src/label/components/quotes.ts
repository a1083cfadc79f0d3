// Component "quotes": a sentence inside a multi-sentence quote inherits the
// speaker of the quote (rules/quotes.ts); needs the sentences after a quote
// too, so it runs on the whole document.
import type { Component } from "../component.ts";
import { findQuoteChains } from "../rules/quotes.ts";

export const quotes: Component = {
  name: "quotes",
  adds: "quote continuation: the speaker a sentence inside a long quote inherits",
  article(doc) {
    doc.continued = findQuoteChains(doc.sentences);
  },
};
