// Sentences read at test time from the AllSides corpus (../shared/corpora, never copied into the project): a test
// names an article id and the opening words of a sentence, and gets the sentence from the article's text. Tests that
// use it are skipped when the corpus is absent.
import { existsSync } from "node:fs";
import { readArticlesById } from "../../src/eval/benchmarks/allsides/corpus.ts";
import type { InputDocument } from "../../src/extract/index.ts";
import { allsidesSubsetOf } from "../helpers/allsides.ts";

export const ALLSIDES_CORPUS = "../shared/corpora/allsides/articles.jsonl.gz";

/**
 * The articles of these ids, read by the project's reader (readArticlesById) from the corpus's lines of these
 * ids (test/helpers/allsides.ts: one gunzip of the corpus per machine, not one per test file), or null when the
 * corpus is absent.
 */
export function allsidesArticles(ids: Iterable<string>): Promise<Map<string, InputDocument>> | null {
  if (!existsSync(ALLSIDES_CORPUS)) return null;
  const want = new Set(ids);
  return allsidesSubsetOf(want).then((file) => readArticlesById(file!, want));
}

/** The sentence of `text` starting with `opening`, to its closing punctuation (abbreviations like "Sen." do not end it). */
export function sentenceOf(text: string, opening: string): string {
  const i = text.indexOf(opening);
  if (i < 0) throw new Error(`"${opening}" not in the article`);
  const m = /^[\s\S]*?[.?!][”"’]?(?=\s+[A-Z“"‘]|\s*$)/.exec(text.slice(i).replace(/\b(Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St|[A-Z])\.(?=\s)/g, "$1\u0000"));
  return (m ? m[0] : text.slice(i)).replace(/\u0000/g, ".");
}
