// Finding the subject of a reporting or stance verb: the noun phrase before
// it, past auxiliaries and adverbs ("Putin has also said"), parentheticals
// (", however,"), appositives ("the envoy, Steve Witkoff, said"), relative
// clauses ("Trump, who …, stressed") and coordination ("… but has said").
import { unnamedSource } from "./unnamed.ts";
import type { ArticleMemory, Resolved } from "./entities.ts";
import { isNameWord, isTitleWord, type NounPhrase, type SentenceCtx } from "./names.ts";
import { phraseEndingAt, phraseStartingAt } from "./noun-phrases.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { BETWEEN_SUBJECT_AND_VERB, BE_FORMS, COORDINATORS, DETERMINERS, INTRO_STARTERS, NOT_NAME, PARENTHETICAL, RELATIVE_PRONOUNS, WEEKDAYS, isLyAdverb, isSpacedDash, isWord, tokAt } from "../tokens/words.ts";

/** `elided`: the verb's subject is the main clause's ("…, but has previously said"). */
export type Subject = { np: NounPhrase; elided?: boolean } | { coordinated: true } | null;

const POSSESSIVE_DETERMINERS = new Set(["his", "her", "its", "their", "our", "my", "your"]);
const PREPOSITIONS = new Set(["of", "in", "at", "from", "for", "with", "by", "on", "to", "about", "into", "against", "between", "among"]);
const PAST_PARTICIPLE = /(?:ed|told|said|written|shown|known|given|seen)$/;
/** "is alleged to have said", "was reported to have told": the subject is the speaker. */
/** Offices that speak for the body after "for": "a spokesman for the Foreign Office". */
const VOICE_TITLES = new Set(["spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "attorney"]);
const SUBORDINATORS = new Set(["when", "while", "whilst", "after", "before", "as", "if", "although", "though", "because", "since", "once", "until", "unless"]);
const REPORTED_TO = new Set(["alleged", "reported", "said", "understood", "believed", "thought", "known", "expected"]);
/** "Putin in the call said": a short prepositional phrase between subject and verb. */
const SHORT_PP = new Set(["in", "at", "during", "on", "after"]);
/** Words that open an appositive after a name: "David Frost, director general of …", "Ed Balls, ex-chief …". */
const APPOSITIVE_OPENERS = new Set(["who", "ex", "former", "then", "now", "from", "of", "at"]);

function toks(ctx: SentenceCtx): readonly Tok[] {
  return ctx.toks;
}

function skipBetween(ctx: SentenceCtx, j: number): { j: number; sawBe: boolean } {
  const t = toks(ctx);
  let sawBe = false;
  while (j >= 0) {
    const w = t[j]!;
    if (w.kind === "word" && !w.cap && (BETWEEN_SUBJECT_AND_VERB.has(w.low) || isLyAdverb(w))) {
      if (BE_FORMS.has(w.low)) sawBe = true;
      j--;
    } else if (WEEKDAYS.has(w.low) && tokAt(t, j - 1)?.low === "on") j -= 2;
    else if (w.raw === ")" && tokAt(t, j - 1)?.acro && tokAt(t, j - 2)?.raw === "(" && isNameWord(tokAt(t, j - 3))) j -= 3; // "the British Bankers' Association (BBA) said"
    else if (w.raw === ")" && partyTagStart(t, j) >= 0) j = partyTagStart(t, j) - 1; // "Sen. David Perdue (R-Ga.) said"
    else if (w.low === "to" && REPORTED_TO.has(tokAt(t, j - 1)?.low ?? "") && BE_FORMS.has(tokAt(t, j - 2)?.low ?? "")) {
      j -= 3; // "Mr Houston is alleged to have said": active in meaning
      sawBe = false;
    } else if (w.kind === "word" && !w.cap && DETERMINERS.has(tokAt(t, j - 1)?.low ?? "") && SHORT_PP.has(tokAt(t, j - 2)?.low ?? "") && isNameWord(tokAt(t, j - 3))) {
      j -= 3; // "Putin in the call said"
    } else break;
  }
  return { j, sawBe };
}

/**
 * "Sen. David Perdue (R-Ga.)", "Elizabeth Warren (D-MA)", "Bernie Sanders (I-Vt.)": the index of the "(" of a party
 * and state tag that closes at `close` right after a name, or -1.
 */
export function partyTagStart(t: readonly Tok[], close: number): number {
  let open = -1;
  for (let k = close - 4; k >= 0 && k >= close - 5 && open < 0; k--) if (t[k]!.raw === "(") open = k;
  if (open < 1 || !isNameWord(t[open - 1])) return -1;
  return /^[RDI]$/.test(t[open + 1]!.raw) && t[open + 2]!.raw === "-" && /^\p{Lu}/u.test(t[open + 3]!.raw) ? open : -1;
}

function coordinated(ctx: SentenceCtx, np: NounPhrase): boolean {
  const t = toks(ctx);
  const c = tokAt(t, np.start - 1);
  return c !== undefined && (c.low === "and" || c.low === "&" || c.low === "or") && (isNameWord(tokAt(t, np.start - 2)) || tokAt(t, np.start - 2)?.low === "'s");
}

/** The subject whose noun phrase ends right before token `end`, or null when that phrase cannot be one. */
function subjectEndingAt(ctx: SentenceCtx, end: number): Subject {
  const t = toks(ctx);
  const np = phraseEndingAt(ctx, end);
  if (!np) return null;
  // "his Treasury post", "member of the Cabinet says": a name after a possessive or a preposition is not the subject.
  const before = tokAt(t, np.start - 1);
  // …except the body a spokesman speaks for ("A spokesman for the Foreign Office said").
  const speaksFor = before?.low === "for" && VOICE_TITLES.has(tokAt(t, np.start - 2)?.low ?? "");
  if (before && !speaksFor && (POSSESSIVE_DETERMINERS.has(before.low) || PREPOSITIONS.has(before.low))) return null;
  // "the church, which it accuses of …", "a video which it said showed …": a report inside the writer's relative clause.
  if ((np.kind === "pronoun" || np.kind === "anaphor") && before?.low === "which") return null;
  // "This old Soviet joke": a name after a lower-case modifier is part of a larger noun phrase.
  // …but a name after an organisation noun is in apposition to it ("Dutch firm Heineken", "research group ISAE").
  if (np.kind === "name" && np.nameStart === np.end - 1 && np.start === np.nameStart && before?.kind === "word" && !before.cap && !NOT_NAME.has(before.low) && !BETWEEN_SUBJECT_AND_VERB.has(before.low) && before.low !== "'s" && !ctx.lex.nouns.get(before.low)?.has("org_ref"))
    return null;
  // "When Ronald Reagan quipped …, the joke was …": a speaker inside the writer's subordinate clause.
  if (SUBORDINATORS.has(tokAt(t, 0)?.low ?? "") && np.start > 0 && !t.slice(0, np.start).some((x) => x.low === ",")) return null;
  if (!coordinated(ctx, np)) return { np };
  // "Both Russia and the US have ruled out …": the first conjunct speaks.
  const first = phraseEndingAt(ctx, np.start - 1);
  return first && first.kind === "name" ? { np: first } : { coordinated: true };
}

const isName = (x: Subject) => x !== null && "np" in x && x.np.kind === "name";

/** The subject of a verb starting at token v, looking left past auxiliaries, adverbs and parentheticals. */
export function subjectBefore(ctx: SentenceCtx, v: number, verb: Tok): Subject {
  const t = toks(ctx);
  const { j, sawBe } = skipBetween(ctx, v - 1);
  if (j < 0) return null;
  if (sawBe && PAST_PARTICIPLE.test(verb.low)) return null; // passive: "Trump was asked"
  const w = t[j]!;
  if (w.quoted) return null;
  if (w.low === "," || isSpacedDash(ctx.text, w)) {
    // "Mr Johnson, MP for Henley-on-Thames, Oxfordshire, said": the sentence's subject, set off by commas.
    const main = mainSubject(ctx);
    const firstComma = t.findIndex((x) => x.low === ",");
    if (main && main.kind === "name" && main.end === firstComma && main.end <= j && !coordinated(ctx, main)) return { np: main };
    let k = j - 1;
    while (k >= 0 && j - k < 40 && t[k]!.low !== "," && !isSpacedDash(ctx.text, t[k])) k--;
    if (k < 0) return null;
    const first = t[k + 1];
    if (first && RELATIVE_PRONOUNS.has(first.low) && first.low !== "that") return subjectEndingAt(ctx, k);
    let plain = true;
    for (let q = k + 1; q < j; q++) if (!PARENTHETICAL.has(t[q]!.low) && !isLyAdverb(t[q])) plain = false;
    if (plain) return subjectEndingAt(ctx, skipBetween(ctx, k - 1).j + 1);
    // Appositive: "the American special envoy, Steve Witkoff, said" / "Menzies Campbell, the … spokesman, said".
    // The phrase between the commas counts only if it is the whole segment; a proper name beats a role.
    // The segment must look like an appositive noun phrase, not a clause. The subject is the name before it
    // ("Colin Asplin, Blackpool Hotel Association, said"), else a name inside it ("the envoy, Steve Witkoff, said").
    const inner = subjectEndingAt(ctx, j);
    const whole = inner !== null && "np" in inner && inner.np.start <= k + 1;
    const opener = t[k + 1];
    const appositive = j - k <= 12 && opener !== undefined && (DETERMINERS.has(opener.low) || isNameWord(opener) || APPOSITIVE_OPENERS.has(opener.low) || isTitleWord(ctx, opener));
    if (!whole && !appositive) return null;
    const outer = subjectEndingAt(ctx, k);
    if (isName(outer)) return outer;
    if (whole && isName(inner) && "np" in inner) {
      // After an unusable head ("the plumber from Texas City, Texas, says") only a person's name is the subject.
      const personLike = inner.np.end - inner.np.nameStart >= 2 || inner.np.honorific || inner.np.roleWords.length > 0;
      return outer === null && phraseEndingAt(ctx, k) !== null && !personLike ? null : inner;
    }
    return whole ? inner : outer;
  }
  // "the WHO said" is the World Health Organization, not a relative pronoun.
  if (RELATIVE_PRONOUNS.has(w.low) && w.low !== "that" && !w.acro) return subjectEndingAt(ctx, t[j - 1]?.low === "," ? j - 1 : j);
  if (COORDINATORS.has(w.low)) {
    const main = mainSubject(ctx);
    return main && main.start < j ? { np: main, elided: true } : null;
  }
  return subjectEndingAt(ctx, j + 1);
}

/** The subject of the sentence's main clause, after an introductory phrase ("In her speech, Putin …"). */
export function mainSubject(ctx: SentenceCtx): NounPhrase | null {
  // Several rules ask for it; it depends on the sentence only.
  if (ctx.mainSubjectMemo === undefined) ctx.mainSubjectMemo = mainSubjectUncached(ctx);
  return ctx.mainSubjectMemo;
}

function mainSubjectUncached(ctx: SentenceCtx): NounPhrase | null {
  const t = toks(ctx);
  let i = 0;
  while (i < t.length && (t[i]!.kind === "open_quote" || t[i]!.quoted)) i++;
  const first = t[i];
  if (first && (INTRO_STARTERS.has(first.low) || /ing$/.test(first.low))) {
    while (i < t.length && t[i]!.low !== ",") i++;
    i++;
  }
  const np = phraseStartingAt(ctx, i);
  // "Dutch firm Heineken saw …": a bare demonym before lower-case descriptors is not the subject; the name after them is.
  const demonym = np !== null && np.kind === "name" && ctx.lex.adjectives.longestAt(t, np.nameStart)?.end === np.end && isWord(t[np.end]) && !t[np.end]!.cap;
  if (np && !demonym) return np;
  // "The terror group ISIS released …": a name after a few lower-case descriptor words.
  for (let k = i + 1; k < Math.min(t.length, i + 5) && t[k]!.kind === "word"; k++) if (isNameWord(t[k])) return phraseStartingAt(ctx, k);
  return null;
}

export function resolveSubject(ctx: SentenceCtx, mem: ArticleMemory, np: NounPhrase): Resolved | null {
  switch (np.kind) {
    case "pronoun": {
      const e = mem.resolvePronoun(ctx.toks[np.start]!.low, ctx.index);
      return e ? { entity: e, resolution: "resolve.pronoun", mention: { start: np.start, end: np.end } } : null;
    }
    case "anaphor": {
      // "the company said", "the paper reported": the body credited or acting most recently, like "it";
      // "the 26-year-old told": the person credited or acting most recently, of either gender.
      const e = mem.resolvePronoun(np.roleWords[0] === "year-old" ? "person" : "it", ctx.index);
      return e ? { entity: e, resolution: "resolve.pronoun", mention: { start: np.start, end: np.end } } : null;
    }
    case "group":
      return unnamedSource(ctx, mem, np.start, np.end);
    case "role":
      return mem.resolveRole(ctx, np);
    case "name": {
      // "Prosecutors allege …": a capitalised plural that only opens the sentence names nobody, but it is a source.
      const r = mem.resolveName(ctx, np);
      const t = ctx.toks[np.start]!;
      if (r || np.start !== 0 || np.end - np.start !== 1 || t.acro || !/[a-z]s$/.test(t.raw)) return r;
      return unnamedSource(ctx, mem, np.start, np.end);
    }
  }
}

