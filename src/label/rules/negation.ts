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

/** Words that may stand between a failure head's "to" and its predicate ("failed to even consider"). */
const FAILURE_FILLER = wordSet("even ever really fully");

/**
 * Is the predicate starting at token `start` the complement of a failure head ("failed to embrace X", "neglected to
 * disclose X"; the failure class of stance_classes.csv)? Then it takes no position: not doing X is neither support
 * nor opposition.
 */
export function failedAt(ctx: SentenceCtx, start: number): boolean {
  const failure = ctx.lex.failureWords;
  if (failure.size === 0) return false;
  let k = start - 1;
  while (k >= 0 && FAILURE_FILLER.has(ctx.toks[k]!.low)) k--;
  if (k < 1 || ctx.toks[k]!.low !== "to") return false;
  const head = ctx.toks[k - 1]!.low;
  return failure.has(head) || (k >= 2 && /ly$/.test(head) && failure.has(ctx.toks[k - 2]!.low));
}
