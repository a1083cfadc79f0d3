// Parenthetical party tags and ages never become names (issue 19): "Sen. Charles Schumer (D., N.Y.) pushed for …"
// credits Charles Schumer, across the tag, in the subject rules (grammar/noun-phrases.ts tagBefore) and in the
// tagger's source runs (tagger/proposal.ts). Sentences are read at test time from the AllSides corpus
// (../shared/corpora, never copied into the project; an article of the tuning file's outlets); skipped when absent.
import test from "ava";
import { allsidesArticles } from "./corpus-sentences.ts";
import { tagBefore } from "../../src/label/grammar/noun-phrases.ts";
import { tokenizeSentence } from "../../src/label/tokens/tokenize.ts";
import { labelLast, lexicons } from "./helpers.ts";

const ID = "UWmPnJlOqyFFdZjt";
const OPENING = "Sen. Charles Schumer (D., N.Y.) pushed";

const articles = allsidesArticles(new Set([ID]));

/** The sentence of the article's text starting with `opening`, to the first ". " after its tag. */
function sentenceOf(text: string, opening: string): string {
  const i = text.indexOf(opening);
  if (i < 0) throw new Error(`"${opening}" not in the article`);
  const rest = text.slice(i + opening.length);
  const m = /^[\s\S]*?[.?!](?=\s|$)/.exec(rest);
  return opening + (m ? m[0] : rest);
}

(articles ? test : test.skip)("a party tag between a name and its verb is skipped: the name is the actor", async (t) => {
  const text = sentenceOf((await articles!).get(ID)!.text, OPENING);
  const labels = await labelLast(text);
  t.is(labels.actor?.name, "Charles Schumer", text);
  t.is(labels.actor?.type, "person");
});

(articles ? test : test.skip)("tagBefore: a party tag or an age ends a name; a parenthetical that names someone does not", async (t) => {
  const text = sentenceOf((await articles!).get(ID)!.text, OPENING);
  const lex = await lexicons();
  const ctxOf = (s: string) => ({ text: s, toks: tokenizeSentence(s, lex.vocab, false).toks, lex, index: 0 });
  const c = ctxOf(text);
  const close = c.toks.findIndex((x) => x.raw === ")");
  t.is(tagBefore(c, close + 1), c.toks.findIndex((x) => x.raw === "("));
  // The same sentence with a name in the brackets: no tag.
  const named = ctxOf(text.replace("(D., N.Y.)", "(Chuck Schumer)"));
  t.is(tagBefore(named, named.toks.findIndex((x) => x.raw === ")") + 1), -1);
});
