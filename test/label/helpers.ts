// Shared test helpers: the default lexicons (loaded once) and Articles built
// directly from sentence texts (the extract stage is tested on its own).
import type { LabelledSentence } from "../../src/label/labels.ts";
import { labelArticle } from "../../src/label/pipeline.ts";
import { loadLexicons, type Lexicons } from "../../src/label/lexicon/lexicons.ts";
import type { Article } from "../../src/schema.ts";
import { words } from "../../src/tokens.ts";

let cached: Promise<Lexicons> | null = null;

export function lexicons(): Promise<Lexicons> {
  cached ??= loadLexicons();
  return cached;
}

export function article(texts: readonly string[], path = "seeds/test.txt"): Article {
  let offset = 0;
  return {
    doc_id: "test",
    source: { path, outlet: null, published: null },
    sentences: texts.map((text) => {
      const start = offset;
      const end = start + [...text].length;
      offset = end + 1;
      return { text, start, end, kind: "body" as const, words: words(text) };
    }),
  };
}

/** Labels consecutive sentences as one article; returns every sentence's result. */
export async function labelAll(...texts: string[]): Promise<LabelledSentence[]> {
  return labelArticle(article(texts), await lexicons());
}

/** Labels consecutive sentences as one article; returns the last sentence's labels. */
export async function labelLast(...texts: string[]): Promise<LabelledSentence["labels"]> {
  return (await labelAll(...texts)).at(-1)!.labels;
}

/** Code-point offset of `part` in `text`. */
export function cpIndex(text: string, part: string): number {
  const i = text.indexOf(part);
  if (i < 0) throw new Error(`"${part}" not in "${text}"`);
  return [...text.slice(0, i)].length;
}
