// Repairs the attribution tagger's source run before it is resolved to an
// actor (tagger/proposal.ts): the tagger often marks part of a noun phrase.
// - "Donald/S Trump", "Mrs/S . Clinton", "Israeli Prime/S Minister Benjamin
//   Netanyahu": a run that stops inside a name chain (names.ts) takes the
//   whole chain, so the name machinery resolves the full canonical name.
// - "Human/S rights groups have criticized", "One Kurdish/S activist said":
//   a run followed, up to its cue, only by lower-case content words is the
//   head-less start of the noun phrase that ends at the cue.
import { chainAround, isNameWord, type SentenceCtx } from "./names.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { BE_FORMS, DETERMINERS, NOT_NAME, PRONOUNS, RELATIVE_PRONOUNS } from "../tokens/words.ts";

export interface TokRun {
  start: number;
  end: number;
}

/** Most lower-case words a run is extended by towards its cue. */
const MAX_HEAD_WORDS = 3;

/** Lower-case words that cannot be part of a source noun phrase before its cue ("Trump also said", "police have found"). */
const NOT_IN_NP = new Set(["also", "long", "once", "again", "even", "never", "ever", "only", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "not", "never", "still", "just", "now", "then", "later", "and", "or", "but", "who", "which", "that", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as"]);

/** Past tenses that are no noun ("The leaders made little secret of …"), and the possessive clitic. */
const IRREGULAR_VERBS = new Set(["made", "took", "gave", "told", "said", "went", "came", "got", "saw", "put", "ran", "left", "kept", "felt", "held", "brought", "thought", "'s"]);

/** The source run [start, end) widened to the whole name or noun phrase it is part of; `cue` is the run's cue. */
export function repairSourceRun(ctx: SentenceCtx, run: TokRun, cue: TokRun): TokRun {
  const t = ctx.toks;
  let { start, end } = run;
  // "the state funding system, which advocates say": a run over a comma or a relative pronoun keeps the part at its cue.
  for (let k = end - 1; k > start; k--)
    if (t[k]!.low === "," || RELATIVE_PRONOUNS.has(t[k]!.low)) {
      if (cue.start >= end && k + 1 < end) start = k + 1;
      else if (cue.end <= start) end = k;
      if (cue.start >= run.end) break;
    }
  if (isNameWord(t[end - 1])) {
    const chain = chainAround(ctx, end - 1);
    if (chain && chain.end > end && chain.end <= cue.start) end = chain.end;
  }
  if (isNameWord(t[start])) {
    const chain = chainAround(ctx, start);
    if (chain && chain.start < start && (cue.end <= chain.start || cue.end <= start)) start = Math.max(chain.start, cue.end <= start ? cue.end : 0);
  }
  // "an Iraqi/O official/S", "Clinton/O aides/S": the names that modify a lower-case head before its cue.
  if (start > 0 && nounWord(t[start]) && cue.start >= run.end) {
    let k = start;
    // A capital that only opens the sentence ("Let me", "Whatever his …") is no name unless the lexicons know it.
    while (k > 0 && start - k < MAX_HEAD_WORDS && isNameWord(t[k - 1]) && (k - 1 > 0 || t[k - 1]!.acro || ctx.lex.adjectives.anyAt(t, k - 1) || ctx.lex.aliases.anyAt(t, k - 1))) k--;
    start = k;
  }
  // "Human rights groups": content words between the run and the cue right after it.
  if (end < cue.start && cue.start - end <= MAX_HEAD_WORDS) {
    let ok = true;
    for (let k = end; k < cue.start && ok; k++) ok = nounWord(t[k]);
    if (ok) end = cue.start;
  }
  return { start, end };
}

/** A lower-case word that may stand inside a noun phrase after a name ("Clinton aides", "Human rights groups"), not a verb, adverb or function word. */
export function nounWord(w: Tok | undefined): boolean {
  return w !== undefined && w.kind === "word" && !w.cap && !w.quoted && !NOT_IN_NP.has(w.low) && !BE_FORMS.has(w.low) && !PRONOUNS.has(w.low) && !RELATIVE_PRONOUNS.has(w.low) && !DETERMINERS.has(w.low) && !NOT_NAME.has(w.low) && !/(?:ly|ed)$/.test(w.low) && !IRREGULAR_VERBS.has(w.low);
}
