// Noun phrases that can be a claim's source: capitalised name chains with
// their titles ("Russian Foreign Minister Sergey Lavrov"), role nouns
// ("the Russian president"), pronouns and unnamed groups ("officials").
// This module finds and parses name chains; noun-phrases.ts finds the phrase
// before or after a cue; entities.ts resolves them to actors.
import type { ActorEntry, Gender, Lexicons, TitleEntry } from "../lexicon/lexicons.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { DETERMINERS, NAME_LINK_IDS, NAME_PARTICLES, NOT_NAME, isAcronym, isGluedHyphen, isNameWordTok, isWord, markedWord, tokAt } from "../tokens/words.ts";

export interface SentenceCtx {
  text: string;
  toks: readonly Tok[];
  lex: Lexicons;
  /** Position of the sentence in its article. */
  index: number;
  /** PhraseTrie flags of the sentence's words ORed (vocab.ts firstWordFlags); -1 or absent = not known. */
  firstFlags?: number;
  /** Memo of inChain per token (0 = not computed, 1 = no, 2 = yes); filled lazily. */
  chainMemo?: Int8Array;
  /** Memo of subjects.ts mainSubject (undefined = not computed). */
  mainSubjectMemo?: NounPhrase | null;
}

export interface NounPhrase {
  kind: "name" | "role" | "pronoun" | "group" | "anaphor";
  /** Token range [start, end) of the whole phrase, determiner included. */
  start: number;
  end: number;
  /** Start of the name proper; equals `end` for role nouns. */
  nameStart: number;
  /** Lower-case role words without country qualifiers ("foreign ministry spokeswoman"). */
  roleWords: string[];
  /** Country named by a qualifier ("Russian", "US", "Russia's"). */
  country: string | null;
  /** A capitalised organisation or person qualifying a role ("Kremlin spokesman", "Mr Blair's spokesman"). */
  qualifier: { start: number; end: number } | null;
  honorific: boolean;
  /** Gender implied by an honorific or gendered title ("Mrs", "spokeswoman"). */
  gender: Gender | null;
}

/** The role words of a phrase without any: shared, and never added to (parseChain fills only lists of its own). */
export const NO_ROLE_WORDS: string[] = Object.freeze([]) as unknown as string[];

/** A word of titles.csv (an office, a modifier of one, or an honorific). */
export function isTitleWord(ctx: SentenceCtx, t: Tok | undefined): boolean {
  return titleKind(ctx, t) !== undefined;
}

type TitleKind = "head" | "modifier" | "honorific";

function titleKind(ctx: SentenceCtx, t: Tok | undefined): TitleKind | undefined {
  if (t === undefined || t.kind !== "word") return undefined;
  const byId = ctx.lex.titleKindById;
  return t.id < byId.length ? byId[t.id] : undefined;
}

/** Can this token be in a chain at all, judged alone and without hyphens next to it? (inChainUncached's false cases.) */
function mayChain(ctx: SentenceCtx, t: Tok): boolean {
  if (t.kind !== "word") return t.raw === "." || t.raw === "&" || t.raw === "'" || t.raw === "’" || t.raw === "-";
  if (t.cap || t.id === 0) return t.cap;
  const chainWordIds = ctx.lex.chainWordIds;
  return t.id < chainWordIds.length && chainWordIds[t.id] === 1;
}

/** Match filters, shared so that no closure is made per token. */
export const isCountry = (a: ActorEntry): boolean => a.type === "country";
const isOffice = (v: TitleEntry): boolean => v.kind !== "modifier";

/** A capitalised word that can belong to a name. */
export function isNameWord(t: Tok | undefined): boolean {
  return isNameWordTok(t); // (t.cap && !NOT_NAME.has(t.low)) || t.acro, by word id
}

export function hasNoun(ctx: SentenceCtx, t: Tok | undefined, kind: "org_head" | "group" | "audience" | "org_ref"): boolean {
  // compileLexicons interns every noun: a token of id 0 is none of them.
  return t !== undefined && t.id !== 0 && ctx.lex.nouns.get(t.low)?.has(kind) === true;
}

function joinsKnownNames(ctx: SentenceCtx, hyphen: number): boolean {
  const { aliases } = ctx.lex;
  return aliases.valuesEndingAt(ctx.toks, hyphen - 1, hyphen) !== null && aliases.valuesEndingAt(ctx.toks, hyphen + 1, hyphen + 2) !== null;
}

/**
 * "Paul King", "Mr King", "Jane Judge": a one-word capitalised office that ends the chain right after an honorific or a
 * plain given name is a surname, not an office. "Ukrainian President", "Kremlin Spokesman", "Bank Governor" stay offices.
 */
function surnameLikeTitle(ctx: SentenceCtx, start: number, k: number, titleEnd: number, end: number): boolean {
  const toks = ctx.toks;
  if (titleEnd !== end || titleEnd - k !== 1 || k <= start || !toks[k]!.cap) return false;
  const prev = toks[k - 1]!;
  const prevKind = titleKind(ctx, prev);
  if (prevKind === "honorific") return true;
  if (!isNameWord(prev) || prev.acro || prevKind !== undefined || hasNoun(ctx, prev, "org_head")) return false;
  return ctx.lex.adjectives.longestAt(toks, k - 1) === null && !ctx.lex.aliases.anyAt(toks, k - 1);
}

/** Heads of a body's name that may contain "and" ("Securities and Exchange Commission"); not places or parties. */
const ORG_BODY_HEADS = new Set(["ministry", "commission", "department", "committee", "council", "agency", "authority", "institute", "association", "office", "board", "bureau", "service"]);

/** Can token i sit inside a name chain (given its neighbours)? Memoised per sentence: the answer depends on the tokens only. */
function inChain(ctx: SentenceCtx, i: number): boolean {
  if (i < 0 || i >= ctx.toks.length) return false;
  // Most tokens: punctuation, or a lower-case word that is not a title, "'s", "and", "of", "for" or particle, away from hyphens.
  const t = ctx.toks[i]!;
  if (!mayChain(ctx, t) && (t.kind !== "word" || ((i + 1 === ctx.toks.length || ctx.toks[i + 1]!.raw !== "-") && (i === 0 || ctx.toks[i - 1]!.raw !== "-")))) return false;
  const memo = (ctx.chainMemo ??= new Int8Array(ctx.toks.length));
  const known = memo[i]!;
  if (known !== 0) return known === 2;
  const r = inChainUncached(ctx, i);
  memo[i] = r ? 2 : 1;
  return r;
}

function inChainUncached(ctx: SentenceCtx, i: number): boolean {
  const toks = ctx.toks;
  const t = tokAt(toks, i);
  if (!t) return false;
  if (t.kind !== "word") {
    // "Dr. Herriot", "Duncan D. Hunter": the dot of an honorific or of a middle initial stays inside the name.
    if (t.raw === ".") {
      const a = tokAt(toks, i - 1);
      const b = tokAt(toks, i + 1);
      if (!isWord(a) || a.end !== t.start || b === undefined || !isNameWord(b) || b.start === t.end) return false;
      const initial = a.raw.length === 1 && a.cap && isNameWord(tokAt(toks, i - 2));
      // "Sen. John McCain", "Gov. Andy Beshear": the dot of an abbreviated office too.
      return initial || titleKind(ctx, a) === "honorific" || (a.cap && a.raw.length <= 4 && titleKind(ctx, a) === "head");
    }
    // "B&B", "M&S", "Marks & Spencer": an ampersand between two capitalised words joins one name.
    if (t.raw === "&") return isNameWord(tokAt(toks, i - 1)) && isNameWord(tokAt(toks, i + 1));
    // "the British Bankers' Association": a plural possessive apostrophe inside a name.
    if ((t.raw === "'" || t.raw === "’") && t.kind === "punct") {
      const a = tokAt(toks, i - 1);
      return isNameWord(a) && a!.end === t.start && a!.low.endsWith("s") && isNameWord(tokAt(toks, i + 1)) && toks[i + 1]!.start > t.end;
    }
    if (t.raw !== "-" || !isGluedHyphen(toks, i)) return false;
    // "Jong-un", "Al-Aqsa" are one name; "Trump-Putin", "Russia-Ukraine" join two known names and are not.
    if (isNameWord(tokAt(toks, i - 1))) return !joinsKnownNames(ctx, i);
    const prev = toks[i - 1]!.low;
    if (isGluedHyphen(toks, i - 2) && isNameWord(tokAt(toks, i - 3)) && isNameWord(tokAt(toks, i + 1))) return true; // "Henley-on-Thames"
    // "co-chairman", "vice-president"; "al-Bredi".
    return titleKind(ctx, tokAt(toks, i + 1)) === "head" || (NAME_PARTICLES.has(prev) && isNameWord(tokAt(toks, i + 1)));
  }
  if ((t.cap || t.acro) && isNameWord(t)) return true;
  if (titleKind(ctx, t) !== undefined) return true;
  if (t.low === "'s") return isNameWord(tokAt(toks, i - 1)) && (isNameWord(tokAt(toks, i + 1)) || titleKind(ctx, tokAt(toks, i + 1)) !== undefined);
  const glued = isGluedHyphen(toks, i + 1);
  if (glued && (titleKind(ctx, tokAt(toks, i + 2)) === "head" || (NAME_PARTICLES.has(t.low) && isNameWord(tokAt(toks, i + 2))))) return true;
  if (isGluedHyphen(toks, i - 1)) {
    if (isNameWord(tokAt(toks, i - 2))) return !joinsKnownNames(ctx, i - 1);
    // "Henley-on-Thames": a lower-case link between two glued names.
    return isWord(tokAt(toks, i - 2)) && isGluedHyphen(toks, i - 3) && isNameWord(tokAt(toks, i - 4));
  }
  // "Trade and Industry Secretary": "and" inside an office that ends in a title head; "the Securities and Exchange
  // Commission", "the Finance and Economy Ministry": "and" inside a body's name that ends in an organisation word.
  if ((t.low === "and" || t.raw === "&") && (isNameWord(tokAt(toks, i - 1)) || t.raw === "&") && isNameWord(tokAt(toks, i + 1))) {
    for (let k = i + 1; k <= i + 3; k++) if (titleKind(ctx, tokAt(toks, k)) === "head") return toks[k]!.cap || k > i + 1;
    if (hasNoun(ctx, tokAt(toks, i - 1), "org_head")) return false;
    for (let k = i + 2; k <= i + 3 && isNameWord(tokAt(toks, k - 1)); k++) if (tokAt(toks, k)?.cap && hasNoun(ctx, tokAt(toks, k), "org_head") && ORG_BODY_HEADS.has(toks[k]!.low)) return true;
    return false;
  }
  if (markedWord(NAME_LINK_IDS, t)) {
    // "of", "for" or a name particle
    const a = tokAt(toks, i - 1);
    return (isNameWord(a) || titleKind(ctx, a) !== undefined) && isNameWord(tokAt(toks, i + 1));
  }
  return false;
}

/** Maximal chain [start, end) containing token i, or null if i cannot be in one. */
export function chainAround(ctx: SentenceCtx, i: number): { start: number; end: number } | null {
  if (!inChain(ctx, i)) return null;
  let s = i;
  while (s > 0 && inChain(ctx, s - 1)) s--;
  let e = i + 1;
  while (e < ctx.toks.length && inChain(ctx, e)) e++;
  return { start: s, end: e };
}

/**
 * Parses the chain [start, end) into descriptor and name. `start` may be
 * moved right by the caller (e.g. to stop at a comma); the determiner before
 * the chain, if any, is included in the phrase.
 */
export function parseChain(ctx: SentenceCtx, start: number, end: number): NounPhrase | null {
  const toks = ctx.toks;
  if (end <= start) return null;
  // The name proper follows the last title (a phrase of titles.csv ending in an office, e.g. "secretary of state"),
  // honorific or possessive: "Russian Foreign Minister |Sergey Lavrov", "Ukraine's |Zelensky". Modifiers alone are
  // not a title ("The Kremlin", "Russian Foreign Ministry" stay whole). A chain ending in a title is a role noun.
  let nameStart = start;
  for (let k = start; k < end; k++) {
    if (toks[k]!.low === "'s") nameStart = k + 1;
    const title = ctx.lex.titles.longestAt(toks, k, isOffice);
    if (title && title.end <= end && !surnameLikeTitle(ctx, start, k, title.end, end)) nameStart = Math.max(nameStart, title.end);
  }
  // "the health minister for Wales": one name after an office and "for"/"of" is its remit, not a person.
  const link = tokAt(toks, nameStart)?.low;
  if (nameStart > start && nameStart + 2 === end && (link === "for" || link === "of")) nameStart = end;
  // "Rep. Michael McCaul of Texas", "Dr. Jane Doe of Harvard": after an office or honorific the name is a person's,
  // and "of …" after it is where they are from, not part of the name.
  if (nameStart > start)
    for (let k = nameStart + 1; k < end - 1; k++)
      if (toks[k]!.low === "of" && isNameWord(toks[k - 1]) && !ctx.lex.titles.longestAt(toks, nameStart)) {
        end = k;
        break;
      }
  if (nameStart === start) {
    // No title at all: leading lower-case words are descriptors, not part of the name.
    while (nameStart < end && !toks[nameStart]!.cap && !isAcronym(toks[nameStart]!)) nameStart++;
  }
  // Skip connectors left dangling at the start of the name ("of"), but keep a particle glued to it ("al-Bredi").
  while (nameStart < end && !isNameWord(tokAt(toks, nameStart)) && !(NAME_PARTICLES.has(toks[nameStart]!.low) && isGluedHyphen(toks, nameStart + 1))) nameStart++;
  let honorific = false;
  let gender: Gender | null = null;
  // Most chains are a bare name: no descriptor words, and no list made for them.
  const roleWords: string[] = nameStart > start ? [] : NO_ROLE_WORDS;
  let country: string | null = null;
  let qualifier: { start: number; end: number } | null = null;
  for (let k = start; k < nameStart; ) {
    const t = toks[k]!;
    const adj = ctx.lex.adjectives.longestAt(toks, k);
    const alias = ctx.lex.aliases.longestAt(toks, k, isCountry);
    const countryEnd = adj && adj.end <= nameStart ? adj.end : alias && alias.end <= nameStart ? alias.end : -1;
    if (countryEnd > 0 && isNameWord(t)) {
      country = adj && adj.end === countryEnd ? adj.value : alias!.value.name;
      k = countryEnd;
      if (tokAt(toks, k)?.low === "'s") k++;
      continue;
    }
    // A capitalised run naming a body qualifies the role: "Cabinet Office spokeswoman", "Kremlin spokesman".
    if (isNameWord(t)) {
      let q = k;
      while (q < nameStart && (isNameWord(tokAt(toks, q)) || (toks[q]!.raw === "&" && q > k)) && titleKind(ctx, tokAt(toks, q)) !== "head" && titleKind(ctx, tokAt(toks, q)) !== "honorific") q++;
      let body = false;
      for (let j = k; j < q && !body; j++) body = hasNoun(ctx, tokAt(toks, j), "org_head");
      body ||= ctx.lex.aliases.valuesEndingAt(toks, k, q) !== null;
      if (q > k && (body || !ctx.lex.titles.longestAt(toks, k))) {
        qualifier = { start: k, end: q };
        for (let j = k; j < q; j++) roleWords.push(toks[j]!.low);
        k = q;
        continue;
      }
    }
    const title = ctx.lex.titles.longestAt(toks, k);
    if (title && title.end <= nameStart) {
      if (title.value.kind === "honorific") honorific = true;
      else for (let j = k; j < title.end; j++) roleWords.push(toks[j]!.low);
      gender ??= title.value.gender;
      k = title.end;
      continue;
    }
    if (t.low === "'s") {
      k++;
      continue;
    }
    roleWords.push(t.low);
    k++;
  }
  // Role words start at the office itself: a qualifier followed by "'s" is a possessor, not part of the role.
  if (qualifier && tokAt(toks, qualifier.end)?.low === "'s") roleWords.splice(0, qualifier.end - qualifier.start);
  const before = tokAt(toks, start - 1);
  const det = before !== undefined && DETERMINERS.has(before.low) && before.quoted === toks[start]!.quoted;
  const phraseStart = det ? start - 1 : start;
  if (nameStart < end) return { kind: "name", start: phraseStart, end, nameStart, roleWords, country, qualifier, honorific, gender };
  if (roleWords.length === 0) return null;
  return { kind: "role", start: phraseStart, end, nameStart: end, roleWords, country, qualifier, honorific, gender };
}

/** Every name chain of the sentence, left to right (for the article's mention memory). */
export function nameChains(ctx: SentenceCtx): NounPhrase[] {
  const out: NounPhrase[] = [];
  for (let i = 0; i < ctx.toks.length; ) {
    const chain = chainAround(ctx, i);
    if (!chain) {
      i++;
      continue;
    }
    const np = parseChain(ctx, chain.start, chain.end);
    if (np && np.kind === "name") out.push(np);
    i = chain.end;
  }
  return out;
}
