// Hedge rules: every cue of hedges.csv on token (word) boundaries, longest
// match first at each position, one left-to-right pass (linear time).
// Conditions keep the spec's non-hedges out: "may" only as a verb (never
// "May 2025"), "claims" only as a verb (not "Japan's claims"), and unnamed
// sources only as the subject of a reporting verb ("sources said"), quantified
// subjects only before a reporting or cognition verb ("many scholars believe").
import type { HedgeType } from "../../schema.ts";
import type { HedgeEntry, ReportingEntry } from "../lexicon/lexicons.ts";
import { isNameWord, type SentenceCtx } from "../grammar/names.ts";
import { vagueSubject, verbEnd } from "./vague-subjects.ts";
import { weaselSubject } from "./weasel-subjects.ts";
import { NOT_NAME, NOUN_SIGNALS, PRONOUNS, tokAt } from "../tokens/words.ts";

export type HedgeRule = "hedge.phrase" | "hedge.verb_only" | "hedge.vague_source" | "hedge.vague_subject" | "hedge.weasel_subject" | "hedge.unnamed_source";


export interface HedgeFinding {
  rule: HedgeRule;
  type: HedgeType;
  /** Token range [start, end). */
  start: number;
  end: number;
}

const AUX_BEFORE_VERB = new Set(["have", "has", "had", "also", "would", "will", "now", "privately", "reportedly"]);

/** After a plural in -s these words make it a noun: "claims of discrimination", "claims made", "claims defining the invention". */
const AFTER_PLURAL_NOUN = new Set(["of", "about", "against", "made", "based", "for", "filed", "defining", "were", "are", "have", "had", "should", "can", "must", "will", "would", "could", "may", "might"]);

const NUMBER_WORDS = new Set(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "dozen", "dozens", "hundreds", "thousands", "several", "many", "numerous"]);
/** Is token i used as a verb here? */
function verbUse(ctx: SentenceCtx, i: number): boolean {
  const t = ctx.toks[i]!;
  const prev = tokAt(ctx.toks, i - 1);
  const next = tokAt(ctx.toks, i + 1);
  if (t.low.endsWith("s") && next !== undefined && AFTER_PLURAL_NOUN.has(next.low)) return false;
  // "staked twelve claims", "chose the six claims": a counted plural is a noun. (A plural that ends its clause is not
  // always one: "…, the firm claims." is a verb.)
  if (t.low.endsWith("s") && prev !== undefined && (prev.kind === "num" || NUMBER_WORDS.has(prev.low))) return false;
  const sentenceInitial = prev === undefined || prev.kind === "open_quote";
  if (t.cap && !sentenceInitial) return false; // "in May", "Theresa May", "Claims Court"
  if (next?.kind === "num") return false; // "May 2025"
  if (prev === undefined) return true;
  // "played down claims", "rejected claims": after a phrasal particle or a past-tense verb the word is a noun.
  if (prev.kind === "word" && !prev.cap && (prev.low === "down" || prev.low === "up" || (prev.low.length > 4 && prev.low.endsWith("ed")))) return false;
  return !NOUN_SIGNALS.has(prev.low);
}

/** Is token i used as an adjective before a noun ("reported proposals", "potential breakthrough"), not as a verb or noun? */
function adjectiveUse(ctx: SentenceCtx, i: number): boolean {
  const prev = tokAt(ctx.toks, i - 1);
  const next = tokAt(ctx.toks, i + 1);
  if (!next || next.kind !== "word" || next.cap || NOT_NAME.has(next.low)) return false;
  // A participle ("reported") is an adjective after a determiner, possessive, preposition or another verb ("his
  // reported views", "rejected reported proposals"), not after its subject or an auxiliary ("retailers have already
  // reported poor figures", "13 reported growth", "The company reported strong revenue growth").
  if (ctx.toks[i]!.low.endsWith("ed") && prev !== undefined && (prev.kind === "num" || (prev.kind === "word" && !NOUN_SIGNALS.has(prev.low) && !(prev.low.length > 4 && prev.low.endsWith("ed")))))
    return false;
  // "sources reported …" is a verb after its subject, "some potential results" an adjective.
  const pluralSource = prev !== undefined && prev.low.endsWith("s") && ctx.lex.nouns.get(prev.low)?.has("group") === true;
  return prev === undefined || (!prev.cap && !PRONOUNS.has(prev.low) && !pluralSource);
}

const isVerbOfSaying = (v: ReportingEntry): boolean => v.kind !== "according";

// "an official report says": after an article the source word may be an adjective of another noun.
const DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "these", "those", "this", "that", "our", "my", "your"]);
const OBJECT_OF = new Set(["of", "for", "to", "with", "by", "from", "among", "between", "about", "against"]);
/** Words of an of-phrase between an unnamed source and its verb: "critics of the measure argue". */
const MAX_OF_PHRASE = 4;

/**
 * Token end of the reporting verb after a source noun [s, end), or -1; the verb may follow a short of-phrase without
 * punctuation when no determiner makes the source definite ("opponents of the bill said", "Critics of this
 * interpretation argue"; not "the two remaining members of the group said").
 */
function reportingVerbAfter(ctx: SentenceCtx, end: number, s = end): number {
  const direct = reportingVerbRightAfter(ctx, end);
  if (direct > 0) return direct;
  const definite = DETERMINERS.has(tokAt(ctx.toks, s - 1)?.low ?? "");
  // "Scholars have long argued", "Historians now generally think": a cognition verb of vague_sources.csv after adverbs;
  // not the object of a preposition ("any definite community of researchers think").
  const cognition = definite || OBJECT_OF.has(tokAt(ctx.toks, s - 1)?.low ?? "") ? -1 : verbEnd(ctx, end);
  if (cognition > 0) return cognition;
  if (tokAt(ctx.toks, end)?.low !== "of" || definite) return -1;
  for (let k = end + 1; k <= end + MAX_OF_PHRASE && k < ctx.toks.length; k++) {
    if (ctx.toks[k]!.kind !== "word") return -1;
    const v = k > end + 1 ? reportingVerbRightAfter(ctx, k) : -1;
    if (v > 0) return v;
  }
  return -1;
}

/** Token end of the reporting verb that follows a source noun ending at `end` (auxiliaries skipped), or -1. */
function reportingVerbRightAfter(ctx: SentenceCtx, end: number): number {
  let i = end;
  while (i < ctx.toks.length && AUX_BEFORE_VERB.has(ctx.toks[i]!.low)) i++;
  const verb = tokAt(ctx.toks, i);
  if (!verb || verb.cap) return -1;
  const m = ctx.lex.reporting.longestAt(ctx.toks, i, isVerbOfSaying);
  return m ? m.end : -1;
}

const INDEFINITE = new Set(["a", "an", "one", "another"]);
/** Lower-case words allowed between "a" and an office: "a company spokesman", "a police spokeswoman". */
const MAX_OFFICE_MODIFIERS = 2;

/**
 * An office noun (a titles.csv head that is not an unnamed-group noun: "spokesman") is an unnamed source only
 * with an indefinite article ("a spokesman said", "a company spokesperson told"); "a Kremlin spokesman" speaks
 * for the Kremlin and "the spokesman" is the one named before.
 */
function unnamedVoice(ctx: SentenceCtx, s: number, e: number): boolean {
  // "Ottawa Police said", "the Syrian Observatory … Sources": a capitalised source noun ending a name is named.
  if (s > 0 && ctx.toks[s]!.cap && isNameWord(tokAt(ctx.toks, s - 1))) return false;
  const low = ctx.toks[e - 1]!.low;
  if (e - s !== 1 || ctx.lex.titleWords.get(low) !== "head" || ctx.lex.nouns.get(low)?.has("group")) return true;
  for (let k = s - 1; k >= 0 && s - k <= MAX_OFFICE_MODIFIERS + 1; k--) {
    const w = ctx.toks[k]!;
    if (INDEFINITE.has(w.low)) return true;
    if (w.kind !== "word" || w.cap) return false;
  }
  return false;
}

const PURPOSE_MODALS = new Set(["could", "might"]);
/**
 * "so they could attempt to reattach it", "so that she could charge": a modal of purpose after "so (that)" and a
 * pronoun subject states an intention, not a doubt. "so it could be thinner" (a possibility) stays a hedge.
 */
function purposeModal(ctx: SentenceCtx, i: number): boolean {
  const t = ctx.toks;
  if (!PURPOSE_MODALS.has(t[i]!.low) || !PRONOUNS.has(tokAt(t, i - 1)?.low ?? "")) return false;
  const so = tokAt(t, i - 2)?.low === "that" ? i - 3 : i - 2;
  if (tokAt(t, so)?.low !== "so" || tokAt(t, so - 1)?.low === ",") return false;
  const next = tokAt(t, i + 1)?.low;
  return next !== undefined && next !== "be" && next !== "have" && next !== "not";
}

const NAME_WORDS = new Set(["hope", "hopes", "apparent"]);
function titleCaseMidSentence(ctx: SentenceCtx, i: number): boolean {
  const prev = tokAt(ctx.toks, i - 1);
  // After a word or a comma only: after a bracket, colon or quote a new sentence may start ("} Perhaps not surprisingly").
  return prev !== undefined && (prev.kind === "word" || prev.low === ",") && /^\p{Lu}\p{Ll}/u.test(ctx.toks[i]!.raw);
}

/** "according to a spokesman for Microsoft": an office followed by "for"/"at"/"of" and a name speaks for that body. */
function speaksForNamedBody(ctx: SentenceCtx, end: number): boolean {
  const t = ctx.toks;
  if (ctx.lex.titleWords.get(t[end - 1]!.low) !== "head") return false;
  const link = tokAt(t, end)?.low;
  if (link !== "for" && link !== "at" && link !== "of") return false;
  const k = tokAt(t, end + 1)?.low === "the" ? end + 2 : end + 1;
  return isNameWord(tokAt(t, k));
}

/** Words after a passive in which its agent may still come: "was criticised at the time by Michael Johnson". */
const MAX_AGENT_DISTANCE = 5;
/**
 * No "by" follows the passive cue ending at `e` in its clause: the criticism names no critic. Quotes do not end the
 * clause nor numbers count as words ("have been described as "idle speculation" by Downing Street", "was hailed as the
 * album of 2003 by many critics").
 */
function noAgent(ctx: SentenceCtx, e: number): boolean {
  for (let k = e, n = 0; k < ctx.toks.length && n < MAX_AGENT_DISTANCE; k++) {
    const t = ctx.toks[k]!;
    if (t.kind === "open_quote" || t.kind === "close_quote" || t.kind === "num") continue;
    if (t.kind !== "word") return true;
    if (t.low === "by") return false;
    n++;
  }
  return true;
}

/** Words after "suggested" in which a proposal's "should" comes: "suggested that new studios should make games". */
const MAX_PROPOSAL_DISTANCE = 8;
/** A finite verb or modal that is the reported clause's own: "suggest the Tories were such a shower that we should …". */
const CLAUSE_VERBS = new Set(["is", "are", "was", "were", "would", "could", "will", "can", "may", "might", "had", "has", "have", "must"]);
/**
 * "suggested they should get Trevor Beattie …", "suggests there should be income tax relief": a proposal, not a
 * tentative claim; a "should" before any other finite verb of the clause.
 */
function proposal(ctx: SentenceCtx, e: number): boolean {
  for (let k = e, n = 0; k < ctx.toks.length && n < MAX_PROPOSAL_DISTANCE; k++) {
    const t = ctx.toks[k]!;
    if (t.kind === "open_quote" || t.kind === "close_quote") continue;
    if (t.kind !== "word") return false;
    if (t.low === "should") return true;
    if (CLAUSE_VERBS.has(t.low)) return false;
    n++;
  }
  return false;
}

/** Subject pronouns and perfect auxiliaries: before "accused of" they make it the active verb with a fronted object ("whom they accused of"). */
const ACTIVE_BEFORE = new Set(["i", "we", "you", "he", "she", "they", "it", "has", "have", "had", "who", "whom", "which", "that"]);
/**
 * A participle used as a participle or adjective, not as the finite verb with its object: "accused child molester Roy
 * Moore" (before a lower-case noun, as `adjective`), "the candidate accused of preying on …", "are accused of" (right
 * before "of": the active verb has its object first, "Nunes accused Ukraine of …"); not after a subject pronoun or an
 * auxiliary of the perfect ("whom they accused of being anti-coal", "has accused of").
 */
function participleUse(ctx: SentenceCtx, i: number): boolean {
  if (adjectiveUse(ctx, i)) return true;
  if (tokAt(ctx.toks, i + 1)?.low !== "of") return false;
  const prev = tokAt(ctx.toks, i - 1);
  return prev !== undefined && !ACTIVE_BEFORE.has(prev.low);
}

/** Does the cue [s, e) meet its hedges.csv condition here? */
function conditionHolds(ctx: SentenceCtx, v: HedgeEntry, s: number, e: number): boolean {
  if (v.condition === "verb") return verbUse(ctx, s);
  if (v.condition === "adjective") return adjectiveUse(ctx, s);
  if (v.condition === "participle") return participleUse(ctx, s);
  if (v.condition === "before_reporting") return reportingVerbAfter(ctx, e, s) > 0 && unnamedVoice(ctx, s, e);
  if (v.condition === "no_agent") return noAgent(ctx, e);
  if (v.condition === "not_proposal") return !proposal(ctx, e);
  if (v.condition === "vague_subject") return vagueSubject(ctx, s, e) !== null || (e - s === 1 && weaselSubject(ctx, s) !== null);
  return true;
}

/**
 * A vague phrase cue ("some critics") that is also the subject of a verb ("some critics have maintained"): the
 * subject cue spanning the verb, which is longer once extended, or null.
 */
function longerVagueSubject(ctx: SentenceCtx, m: { start: number; end: number; value: HedgeEntry }): { start: number; end: number; value: HedgeEntry } | null {
  if (m.value.type !== "vague" || m.value.condition === "vague_subject") return null;
  const q = ctx.lex.hedges.longestAt(ctx.toks, m.start, (v, s, e) => v.condition === "vague_subject" && conditionHolds(ctx, v, s, e));
  return q && (vagueSubject(ctx, q.start, q.end)?.end ?? -1) > m.end ? q : null;
}

/** Shared result of the sentences without hedges (most); callers never mutate it. */
// Frozen: shared by every sentence without hedges, so a caller that pushes onto it throws rather than leaks.
export const NO_HEDGES: HedgeFinding[] = Object.freeze([]) as unknown as HedgeFinding[];

export function findHedges(ctx: SentenceCtx): HedgeFinding[] {
  const { toks, lex } = ctx;
  const out: HedgeFinding[] = [];
  // Leftmost-longest cues whose condition holds; the scan goes on after the (possibly extended) cue.
  lex.hedges.scan(toks, (found) => {
    const m = longerVagueSubject(ctx, found) ?? found;
    const type = m.value.type;
    if (type === "none") {
      // A listed non-hedge only blocks shorter cues; one ending in "by" leaves "by" to a vague agent: "has been
      // criticised by the SNP" is no hedge, "have been disputed by Christians" is.
      return m.end - 1 > m.start && toks[m.end - 1]!.low === "by" ? m.end - 1 : m.end;
    }
    if (m.end - m.start === 1 && purposeModal(ctx, m.start)) return m.end;
    // "Liverpool Hope", "Bob Hope", "the Heir Apparent": a title-case noun or adjective cue mid-sentence is part of a name
    // (verbs and adverbs stay cues: headlines are in title case, "Terrorists Could Infiltrate").
    if (m.end - m.start === 1 && NAME_WORDS.has(toks[m.start]!.low) && titleCaseMidSentence(ctx, m.start)) return m.end;
    if (type === "vague" && speaksForNamedBody(ctx, m.end)) return m.end;
    const cond = m.value.condition;
    if (cond === "vague_subject") {
      // "many scholars believe", "seen by many": the quantified subject (or agent) and its verb are one vague cue.
      const span = vagueSubject(ctx, m.start, m.end);
      // "Some people avoid dairy products": no reporting verb, but a weasel generalisation; the cue is its subject.
      const cue = span ?? weaselSubject(ctx, m.start)!;
      out.push({ rule: span ? "hedge.vague_subject" : "hedge.weasel_subject", type, start: cue.start, end: Math.max(cue.end, m.end) });
      return m.end;
    }
    const rule: HedgeRule = cond === "verb" || cond === "adjective" || cond === "participle" ? "hedge.verb_only" : cond === "before_reporting" ? "hedge.vague_source" : "hedge.phrase";
    // "sources said", "officials alleging": the unnamed source and its verb are one vague cue.
    let end = cond === "before_reporting" ? reportingVerbAfter(ctx, m.end, m.start) : m.end;
    // "it has been suggested that", "is often seen as": the closing complementizer or "as" only marks what follows;
    // the cue is "it has been suggested", "is often seen".
    if (end - m.start > 1 && (toks[end - 1]!.low === "that" || toks[end - 1]!.low === "as")) end--;
    out.push({ rule, type, start: m.start, end });
    return m.end;
  }, { accept: (v, s, e) => conditionHolds(ctx, v, s, e) });
  if (out.length === 0) return NO_HEDGES;
  // An extended vague cue may cover the start of a later cue; the earlier, longer cue wins.
  let covered = false;
  for (let k = 1; k < out.length; k++) if (out[k]!.start < out[k - 1]!.end) covered = true;
  if (!covered) return out;
  const kept: HedgeFinding[] = [];
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k]!.start >= out[k - 1]!.end) kept.push(out[k]!);
  return kept;
}
