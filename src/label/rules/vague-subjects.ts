// The vague-subject hedge (spec section 5, `vague`): a quantifier or
// indefinite with an optional human or group noun as the subject of a
// reporting or cognition verb — "some critics have maintained", "many
// scholars believe", "others argue", "those who believe" — or as the agent of
// one in a passive ("is seen by many as", "has been criticized by some").
// The quantifiers are hedges.csv rows with condition vague_subject; the nouns
// and verbs are vague_sources.csv. A quantifier on its own ("many parades",
// "some of the best players") is a vague quantity, not a vague source.
import type { SentenceCtx } from "../grammar/names.ts";
import { tokAt } from "../tokens/words.ts";

/** Words between the subject and its verb: auxiliaries and adverbs ("have long argued", "would also say"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  "have", "has", "had", "also", "would", "will", "still", "now", "even", "often", "long", "generally", "widely",
  "do", "did", "may", "might", "could", "strongly", "firmly", "sometimes", "usually", "however", "further", "later", "privately", "openly",
  "who", // "scholars who believe", "those who argue"
  "been", "are", "were", // "some people have been saying", "many are said to"
  "continue", "continued", "tend", "tended", // "others continue to assert" ("to" only after these)
]);
const BEFORE_TO = new Set(["continue", "continued", "tend", "tended"]);
/** Not modifiers of a group noun: "by many and people" is two phrases. */
const NOT_MODIFIER = new Set([
  "and", "or", "but", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "from", "as", "that", "which", "who",
  "his", "her", "their", "its", "our", "my", "your", "this", "these", // "seen by his people": a definite group
]);
/** Quantifiers that are a subject on their own ("some argue", "others claim", "many of them believe"); "most", "certain", "a number of" need a noun. */
const STANDALONE = new Set(["some", "many", "several", "others", "few", "who", "them", "these", "those"]);
const MAX_BETWEEN = 3;
/** "many modern historians", "some Western scholars": modifiers allowed before the group noun. */
const MAX_MODIFIERS = 2;

/** Token end of a vague verb starting at or after `i` (auxiliaries skipped), or -1. */
export function verbEnd(ctx: SentenceCtx, i: number): number {
  // "Others, however, contend that …": the one aside allowed between a subject and its verb.
  if (tokAt(ctx.toks, i)?.low === "," && tokAt(ctx.toks, i + 1)?.low === "however" && tokAt(ctx.toks, i + 2)?.low === ",") i += 3;
  for (let k = 0; k <= MAX_BETWEEN && i < ctx.toks.length; k++, i++) {
    const t = ctx.toks[i]!;
    if (t.kind !== "word" || t.cap) return -1;
    const m = ctx.lex.vagueVerbs.longestAt(ctx.toks, i);
    if (m) return m.end;
    if (!BETWEEN_SUBJECT_AND_VERB.has(t.low) && !(t.low === "to" && BEFORE_TO.has(tokAt(ctx.toks, i - 1)?.low ?? ""))) return -1;
  }
  return -1;
}

/** Token end of the group noun of a subject starting at `i` ("critics", "modern historians"), or -1. */
function groupEnd(ctx: SentenceCtx, i: number): number {
  for (let k = 0; k <= MAX_MODIFIERS; k++) {
    const t = tokAt(ctx.toks, i + k);
    if (!t || t.kind !== "word") return -1;
    if (ctx.lex.vagueGroups.has(t.low)) {
      // "by many people": nouns.csv lists "many", "some", "others" as group nouns too; the noun after one is the head.
      const next = tokAt(ctx.toks, i + k + 1);
      const head = STANDALONE.has(t.low) && next !== undefined && next.kind === "word" && ctx.lex.vagueGroups.has(next.low);
      return head ? i + k + 2 : i + k + 1;
    }
    if (NOT_MODIFIER.has(t.low) || ctx.lex.vagueVerbs.longestAt(ctx.toks, i + k)) return -1;
  }
  return -1;
}

/** Words between an agent participle and its "by": "seen as a necessity by many", "regarded as disappointing by many". */
const MAX_AGENT_GAP = 5;

/**
 * The start of the agent participle ("seen", "regarded") of a "by" at token `by`: right before it, or up to five
 * words before it with an "as" complement between ("seen as a necessity by many"; not "said the land was bought
 * by many"); -1 when there is none.
 */
function agentParticiple(ctx: SentenceCtx, by: number): number {
  for (let s = by - 1; s >= 0 && by - s <= MAX_AGENT_GAP + 1; s--) {
    const t = ctx.toks[s]!;
    if (t.kind !== "word") return -1; // a comma or bracket ends the clause
    const m = ctx.lex.vagueAgentVerbs.longestAt(ctx.toks, s);
    if (m && (m.end === by || (m.end < by && ctx.toks[m.end]!.low === "as"))) return s;
  }
  return -1;
}

/**
 * "criticized by environmentalists", "disputed by Christians"? A bare group noun (no determiner, so no one named) as
 * the agent of an opinion participle: the cue from the participle (or "by") to the noun, or null.
 */
function bareGroupAgent(ctx: SentenceCtx, by: number): VagueSubjectSpan | null {
  const p = agentParticiple(ctx, by);
  if (p < 0) return null;
  const g = groupEnd(ctx, by + 1);
  if (g < 0) return null;
  // "criticised by Amnesty International members": a capitalised modifier names the group.
  for (let k = by + 1; k < g - 1; k++) if (ctx.toks[k]!.cap) return null;
  const adjacent = ctx.lex.vagueAgentVerbs.longestAt(ctx.toks, p)!.end === by;
  return { start: adjacent ? p : by, end: g };
}

export interface VagueSubjectSpan {
  start: number;
  end: number;
}

/**
 * The cue of a vague subject whose quantifier spans tokens [s, e), or null when the quantifier is not the
 * subject (or agent) of a reporting or cognition verb. Subject: quantifier … verb. Agent: participle "by" quantifier [group].
 */
export function vagueSubject(ctx: SentenceCtx, s: number, e: number): VagueSubjectSpan | null {
  if (ctx.toks[s]!.low === "by") return bareGroupAgent(ctx, s);
  const before = tokAt(ctx.toks, s - 1);
  if (before?.low === "by") {
    const p = agentParticiple(ctx, s - 1);
    if (p >= 0) {
      const g = groupEnd(ctx, e);
      // "seen by many": one cue; "seen as a necessity by many": the agent alone ("by many").
      const adjacent = ctx.lex.vagueAgentVerbs.longestAt(ctx.toks, p)!.end === s - 1;
      return { start: adjacent ? p : s - 1, end: g > 0 ? g : e };
    }
  }
  // "the many critics who …", "his many followers": a determiner makes the quantifier an adjective of a definite group.
  if (before && before.kind === "word" && (before.low === "the" || before.low === "his" || before.low === "her" || before.low === "their" || before.low === "its")) return null;
  const g = groupEnd(ctx, e);
  if (g < 0 && !STANDALONE.has(ctx.toks[e - 1]!.low)) return pluralSubject(ctx, s, e);
  const v = verbEnd(ctx, g > 0 ? g : e);
  if (v > 0) return { start: s, end: v };
  return g < 0 ? pluralSubject(ctx, s, e) : null;
}

/** Auxiliaries after which a past form is a verb of the subject ("many cosmologists had thought"). */
const PERFECT_OR_DO = new Set(["have", "had", "do", "did", "would", "also", "still", "now", "generally", "often"]);
/** Words ending in -s that are no plural noun. */
const NOT_PLURAL = new Set(["is", "was", "has", "this", "its", "us", "thus", "his", "hers", "ours", "theirs", "yes", "as", "always", "perhaps", "sometimes", "whereas",
  // Spans of time and occasions: "over the last several days had indicated".
  "days", "weeks", "months", "years", "hours", "minutes", "times", "decades", "centuries", "occasions", "cases", "instances"]);
/** The quantifier words a plural subject may follow ("many investors", "a number of investors"); not "there are no rumors". */
const PLURAL_QUANTIFIERS = new Set(["some", "many", "most", "several", "numerous", "various", "countless", "certain", "of"]);

/**
 * "many investors believe", "some MPs argue", "most parents think": a quantifier, up to two modifiers and any plural
 * noun before a vague verb in a finite form. A bare past form right after the noun is a participle of a vague quantity
 * ("several occasions maintained", "most of the taxes claimed"), not a source's verb.
 */
function pluralSubject(ctx: SentenceCtx, s: number, e: number): VagueSubjectSpan | null {
  if (!PLURAL_QUANTIFIERS.has(ctx.toks[e - 1]!.low)) return null;
  for (let k = e; k <= e + MAX_MODIFIERS && k < ctx.toks.length; k++) {
    const t = ctx.toks[k]!;
    if (t.kind !== "word" || NOT_MODIFIER.has(t.low)) return null;
    // "serious", "business", "status": -s endings of adjectives and singular nouns.
    if (!t.low.endsWith("s") || /(?:ous|ss|us|is)$/.test(t.low) || t.low.length < 4 || NOT_PLURAL.has(t.low) || ctx.lex.vagueVerbs.longestAt(ctx.toks, k)) continue;
    const next = tokAt(ctx.toks, k + 1);
    if (!next || next.kind !== "word") return null;
    const direct = ctx.lex.vagueVerbs.longestAt(ctx.toks, k + 1);
    if (direct && /(ed|ought|elt|aid)$/.test(next.low)) return null;
    if (!direct && !PERFECT_OR_DO.has(next.low)) return null;
    // "Several deaths have been reported": a passive; what was reported is no source.
    if (tokAt(ctx.toks, k + 2)?.low === "been") return null;
    const v = verbEnd(ctx, k + 1);
    return v > 0 ? { start: s, end: v } : null;
  }
  return null;
}
