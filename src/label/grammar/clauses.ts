// Clauses of the writer's own sentence that hold a report credited to nobody
// (docs/claim-records.md §3; data/gold/README.md, "the writer's relative,
// time or subordinate clause credits nobody"): "The raid comes two weeks after
// Kimberly Gardner vowed to …", "When Ronald Reagan quipped …, the joke was
// truer …", "a left-wing partisan who in the past has derided …", "Sanders, who
// has avoided attacking Clinton, has been pushing back". A report there is the
// writer's narration of an event, not a claim the sentence makes; the main
// clause's report ("When Obamacare was promoted, Nancy Pelosi said …") stands.
import type { TokRange } from "../rules/content.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { PRONOUNS, isSpacedDash, wordSet } from "../tokens/words.ts";
import type { SentenceCtx } from "./names.ts";

/**
 * Words that open an adverbial clause of time or condition. Not "as" ("as the Times noted" credits), and not cause
 * or concession ("although the U.S. has long opposed …", "because he will not support …"): the gold of the stance
 * files credits the position taken there.
 */
export const SUBORDINATORS = wordSet("after before when whenever until once if unless");
/**
 * Openers that are also complementizers ("did not say if he would …", "asked when …"): a condition only where a clause
 * starts — at the start of the sentence, after a comma or after "and"/"but".
 */
const CLAUSE_INITIAL_ONLY = wordSet("if unless when");
/** Words after which a clause may start (CLAUSE_INITIAL_ONLY). */
const CLAUSE_STARTS = wordSet(", ; : and but — –");
/** Relative pronouns that open a clause about a noun of the writer's ("that" is left out: it is mostly a complementizer). */
const RELATIVES = wordSet("who whom whose which");
/** How many tokens a relative clause without a comma before it spans at most ("who" + its verb group). */
const RESTRICTIVE_WORDS = 6;
/** A finite clause after a subordinator starts with its subject: a determiner or possessive, a pronoun, or a name. */
const SUBJECT_OPENERS = wordSet("the a an his her their its this these those that some many several one two three our my your");

function closes(ctx: SentenceCtx, t: Tok): boolean {
  return !t.quoted && (t.low === "," || t.low === ";" || t.low === ":" || t.raw === "(" || isSpacedDash(ctx.text, t));
}

/** Words a hypothetical question opens with before "if": "What if the leadership … believes …?", "And what if …". */
const QUESTION_OPENERS = wordSet("what so and but");
/**
 * "What if X believes …?": a hypothetical the writer poses credits nobody — the "if" opens a condition though
 * "What" comes before it (only at the start of the sentence, after "and"/"but"/"so" at most).
 */
function hypotheticalQuestion(t: readonly Tok[], i: number): boolean {
  if (t[i - 1]?.low !== "what") return false;
  for (let k = i - 2; k >= 0; k--) if (t[k]!.kind === "word" && !QUESTION_OPENERS.has(t[k]!.low)) return false;
  return true;
}

/** Does a finite clause (its own subject) start at token k? "after saying" / "when asked" have none: the main subject's. */
function opensFiniteClause(t: readonly Tok[], k: number): boolean {
  const w = t[k];
  if (w === undefined || w.kind !== "word" || w.quoted) return false;
  return w.cap || PRONOUNS.has(w.low) || SUBJECT_OPENERS.has(w.low);
}

/**
 * Token ranges of the writer's subordinate and relative clauses: from the opening word to the next comma, semicolon,
 * colon, bracket or spaced dash outside quotes, or to the end of the sentence. A relative clause opens after a noun or
 * a comma ("X, who …", "a partisan who …"); an adverbial one needs a subject after its opener ("after he floated",
 * not "after saying"). Words inside quotation marks belong to the quoted content and open no clause.
 */
export function writerClauses(ctx: SentenceCtx): TokRange[] {
  const t = ctx.toks;
  const out: TokRange[] = [];
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    if (w.kind !== "word" || w.quoted) continue;
    // Only an object relative: "who Trump officials have called …" is the writer's description of the antecedent
    // through someone else's words. A subject relative ("Trump, who has repeatedly claimed …") still credits its
    // antecedent, as every gold file here has it.
    const relative = RELATIVES.has(w.low) && i > 0 && !w.acro && opensFiniteClause(t, i + 1);
    const initialOnly = CLAUSE_INITIAL_ONLY.has(w.low) && i > 0 && !CLAUSE_STARTS.has(t[i - 1]!.low) && !hypotheticalQuestion(t, i);
    const adverbial = SUBORDINATORS.has(w.low) && !initialOnly && opensFiniteClause(t, i + 1);
    if (!relative && !adverbial) continue;
    // A restrictive relative inside a subject ("Officials who spoke on condition of anonymity said") holds only its
    // own verb: it ends at a comma or after a few words, so the main clause's verb stays outside.
    const restrictive = relative && t[i - 1]!.low !== ",";
    const limit = restrictive ? Math.min(t.length, i + RESTRICTIVE_WORDS) : t.length;
    let end = i + 1;
    while (end < limit && !closes(ctx, t[end]!)) end++;
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

/** Is token k inside one of the ranges? */
export function insideAny(ranges: readonly TokRange[], k: number): boolean {
  for (const r of ranges) if (k >= r.start && k < r.end) return true;
  return false;
}
