// One wink-tokenizer instance for the whole process: building one is costly,
// and tokenize() holds no state between calls.
import winkTokenizer, { type WinkToken } from "wink-tokenizer";

const tokenizer = winkTokenizer();

export type { WinkToken };

/** wink-tokenizer tokens of `text` (value + tag, no offsets). */
export function tokenize(text: string): WinkToken[] {
  return tokenizer.tokenize(text);
}

const WORDLIKE = new Set(["word", "number", "ordinal", "time", "hashtag", "mention", "email", "url", "currency"]);

/** The token's lower-cased value when it is word-like (a unit of wordsOf), else null. */
export function wordOf(t: WinkToken): string | null {
  return WORDLIKE.has(t.tag) ? t.value.toLowerCase() : null;
}

/** Lower-cased word-like token values: the unit for shingles and n-gram features. */
export function wordsOf(tokens: readonly WinkToken[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (WORDLIKE.has(t.tag)) out.push(t.value.toLowerCase());
  return out;
}

export function words(text: string): string[] {
  return wordsOf(tokenize(text));
}
