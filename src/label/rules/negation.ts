// Negation before a predicate ("did not reject", "never backed", a negation
// row of the predicate lexicon such as "refused to"): one helper for the
// stance rules (rules/stance.ts) and the open positions (open-targets.ts).
import type { SentenceCtx } from "../grammar/names.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { wordSet } from "../tokens/words.ts";

/** At most this many tokens between a negation and its predicate. */
export const NEGATION_GAP = 2;
export const NEGATION_WORDS = wordSet("not never");

export interface NegationOptions {
  /**
   * Also a "not"/"never" word up to NEGATION_GAP tokens before, across the tokens `through` lets pass (adverbs,
   * auxiliaries); a token it stops at ends the search: not negated.
   */
  through?: (t: Tok) => boolean;
  /** A clause boundary between a negation row and the predicate cancels it. */
  boundary?: (from: number, to: number) => boolean;
}

/** Is the predicate starting at token `start` negated? `matches`: the sentence's predicate matches (negation rows among them). */
export function negatedAt(ctx: SentenceCtx, matches: readonly { end: number; values: readonly { polarity: string }[] }[], start: number, options: NegationOptions = {}): boolean {
  const { through, boundary } = options;
  if (through)
    for (let k = start - 1; k >= 0 && start - 1 - k <= NEGATION_GAP; k--) {
      const t = ctx.toks[k]!;
      if (NEGATION_WORDS.has(t.low)) return true;
      if (!through(t)) return false;
    }
  return matches.some((n) => n.values.some((v) => v.polarity === "negation") && n.end <= start && start - n.end <= NEGATION_GAP && !(boundary && boundary(n.end, start)));
}
