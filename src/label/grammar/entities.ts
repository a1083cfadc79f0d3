// What the labeller remembers while reading one article: every name it has
// seen (for "Mr Blair" → Tony Blair and "the foreign minister" → the minister
// named earlier) and every actor it has credited (for "he said"). Names no
// lexicon knows become article-local entities (the generic fallback).
// Over 300 lines because ArticleMemory is one class whose indexes (surnames,
// initials, roles, genders) are private state shared by all its resolvers.
import type { ActorType } from "../../schema.ts";
import type { ActorEntry, Gender } from "../lexicon/lexicons.ts";
import { isCountry, isNameWord, nameChains, type NounPhrase, type SentenceCtx } from "./names.ts";
import { collapseSpaces, hasLetter, initialsOf } from "../tokens/text.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { BETWEEN_SUBJECT_AND_VERB, NOT_NAME, isAcronym, isGluedHyphen } from "../tokens/words.ts";

export interface Entity {
  name: string;
  type: ActorType;
  affiliation: string | null;
  gender: Gender | null;
  roles: readonly string[];
}

/** How a phrase was tied to its entity — recorded in `rules` for provenance. */
export type Resolution =
  | "resolve.lexicon"
  | "resolve.metonym"
  | "resolve.surname"
  | "resolve.article"
  | "resolve.generic"
  | "resolve.role_article"
  | "resolve.role_lexicon"
  | "resolve.role_qualifier"
  | "resolve.pronoun"
  | "resolve.unnamed";

export interface Resolved {
  entity: Entity;
  resolution: Resolution;
  /** Token range of the surface mention in the sentence. */
  mention: { start: number; end: number };
}

interface Mention {
  entity: Entity;
  sentence: number;
  tok: number;
}

const GOVERNMENT_WORDS = new Set(["government", "authorities", "administration", "regime", "state"]);
const RETIRED_ROLE = /^(former|ex|then|outgoing|late)\b/;
const PRONOUN_WINDOW = 6;
/**
 * The shape of a common word: an -ly adverb ("Separately", "Apparently"), a plural of a person noun ("Prosecutors",
 * "Traders", "Economists", "Companies"), an abstract noun ("Speculation") or an unnamed-source noun of nouns.csv.
 * A capitalised sentence opener of this shape that the article never capitalises elsewhere is not a name; an opener
 * of another shape ("Glaxo says", "Allianz has said") still is.
 */
const COMMON_WORD_SHAPE = /(?:.{3}ly|.(?:er|or|ist|ian|ant|ent|ee)s|.ies|.ues|.(?:tion|sion|ment|ness|ity|ional|ical))$/;
function commonWordShape(ctx: SentenceCtx, low: string): boolean {
  return COMMON_WORD_SHAPE.test(low) || ctx.lex.nouns.get(low)?.has("group") === true;
}
/** Start of the hyphenated word that ends at token `end` ("Henin - Hardenne"), or end - 1 when it is not hyphenated. */
function compoundStart(toks: readonly Tok[], end: number): number {
  let k = end - 1;
  while (k >= 2 && isGluedHyphen(toks, k - 1) && toks[k - 2]!.kind === "word") k -= 2;
  return k;
}
const compoundKey = (toks: readonly Tok[], start: number, end: number) => toks.slice(start, end).map((t) => t.low).join("");
const isEndPunctTok = (raw: string) => raw === "." || raw === "!" || raw === "?" || raw === "…";
const mentionedBefore = (x: Mention, sentence: number, tok: number) => x.sentence < sentence || (x.sentence === sentence && x.tok < tok);
const mentionedAfter = (x: Mention, sentence: number, tok: number) => x.sentence > sentence || (x.sentence === sentence && x.tok >= tok);
/** "it said" / "the company said" look this many sentences back for the body. */
const BODY_WINDOW = 4;

/** "H.R." / "J." before another name word: dotted initials of at most three letters, not the last word. */
function isInitials(words: readonly Tok[], k: number): boolean {
  const w = words[k]!;
  return k + 1 < words.length && /^(?:\p{Lu}\.){1,3}$/u.test(w.raw) && !isAcronym(words[k + 1]!);
}

/** Person pronouns after a name in its own sentence ("McConnell acknowledged his mistake") — evidence of a person. */
const PERSON_PRONOUNS: Readonly<Record<string, Gender>> = { he: "m", his: "m", him: "m", himself: "m", she: "f", her: "f", herself: "f" };
/** How many tokens after a bare name its pronoun may stand, with no other name between. */
const PRONOUN_EVIDENCE_WINDOW = 8;

/**
 * The gender of a person pronoun after a one-word name that is its clause's subject, in its own clause ("McConnell
 * acknowledged his mistake", "Sondland said he communicated …"; no other name, quote or semicolon between): the
 * article's own evidence that the name is a person's. Null without one ("Google said its profits rose").
 */
function personPronounAfter(ctx: SentenceCtx, np: NounPhrase): Gender | null {
  if (!isClauseSubject(ctx, np)) return null;
  const toks = ctx.toks;
  for (let k = np.end; k < Math.min(toks.length, np.end + PRONOUN_EVIDENCE_WINDOW); k++) {
    const t = toks[k]!;
    if (t.quoted || t.low === ";" || t.kind === "open_quote" || isNameWord(t)) return null;
    const g = PERSON_PRONOUNS[t.low];
    if (g) return g;
  }
  return null;
}

/** Is the name followed by a verb-like word ("Trump met", "Trump has sought"), not by a preposition or "'s"? */
function isClauseSubject(ctx: SentenceCtx, np: NounPhrase): boolean {
  const next = ctx.toks[np.end];
  if (!next || next.kind !== "word" || next.cap || next.low === "'s" || ctx.toks[np.start]!.quoted) return false;
  // An auxiliary ("is", "has", "will") or a word that is not a function word ("met", "described").
  return BETWEEN_SUBJECT_AND_VERB.has(next.low) || !NOT_NAME.has(next.low);
}

export class ArticleMemory {
  private readonly generic = new Map<string, Entity>();
  /**
   * What each name phrase resolved to the first time ("sentence:start:nameStart:end"): the memory observes a phrase
   * and a rule credits it later, when the memory knows more of the article; the later call gets the first answer
   * (the same entity object), as the labels have always been made.
   */
  private readonly resolved = new Map<string, Resolved | null>();
  private readonly surnames = new Map<string, Entity>();
  /** Initials of multi-word bodies seen ("North Korea Intellectuals Solidarity" → NKIS), first one wins. */
  private readonly initials = new Map<string, Entity>();
  /** Bodies whose initials are not in `initials` yet, in order: filled only when an acronym is looked up (rarely). */
  private readonly initialsPending: Entity[] = [];
  /** "(NKIS)" after a name: the acronym stands for that name in this article. */
  private readonly acronyms = new Map<string, Entity>();
  /** Given names of persons seen, for "Sir Digby" → Digby Jones (knights go by their first name). */
  private readonly givenNames = new Map<string, Entity>();
  private readonly articleRoles = new Map<Entity, Set<string>>();
  /** Capitalised words seen inside a sentence (after a word), to tell a name from a capitalised sentence opener. */
  private readonly midCaps = new Set<string>();
  /** Sentences whose words are not in midCaps yet: the set is filled only when asked (most articles never ask), see isMidCap. */
  private readonly midCapsPending: SentenceCtx[] = [];
  /** Last word of a "The …" body ("The Washington Post" → "post"), for a later "The Post". */
  private readonly theTails = new Map<string, Entity>();
  private readonly genders = new Map<Entity, Gender>();
  private readonly mentions: Mention[] = [];
  private readonly actors: { entity: Entity; sentence: number }[] = [];
  /** Persons named as the subject of a clause ("Trump met Putin"), for pronouns. */
  private readonly subjects: Mention[] = [];
  /** Bodies named as the subject of a clause ("Sony cut its forecast"), for "it said" / "the company said". */
  private readonly bodySubjects: Mention[] = [];

  /** Records every name of the sentence. Call it for every sentence of the article, in order, before any rule runs. */
  observe(ctx: SentenceCtx): void {
    this.midCapsPending.push(ctx);
    for (const np of nameChains(ctx)) {
      // A lone capitalised sentence opener ("Residents …") is usually an ordinary word.
      if (np.start === 0 && np.nameStart === 0 && np.end === 1 && !this.lexiconMatch(ctx, np)) continue;
      const r = this.resolveName(ctx, np);
      if (!r) continue;
      this.mentions.push({ entity: r.entity, sentence: ctx.index, tok: np.nameStart });
      const open = ctx.toks[np.end];
      const acro = ctx.toks[np.end + 1];
      if (open?.raw === "(" && acro?.acro && ctx.toks[np.end + 2]?.raw === ")" && np.end - np.nameStart > 1 && !this.acronyms.has(acro.low)) this.acronyms.set(acro.low, r.entity);
      if (isClauseSubject(ctx, np)) (r.entity.type === "person" ? this.subjects : this.bodySubjects).push({ entity: r.entity, sentence: ctx.index, tok: np.nameStart });
      if (np.roleWords.length > 0) this.addRoles(r.entity, np.roleWords);
      if (np.gender && r.entity.gender === null) this.genders.set(r.entity, np.gender);
      this.personEvidence(np, r);
    }
  }

  /**
   * A bare one-word name no lexicon knows, first seen without evidence ("Sondland said"), is typed organization; a
   * later mention with a title or honorific ("Sen. McConnell", "Mr. Mnuchin") shows it is a person: the entity becomes
   * one (of the title's gender), and its word a surname for later mentions.
   */
  private personEvidence(np: NounPhrase, r: Resolved): void {
    const e = r.entity;
    if (e.type !== "organization" || r.resolution !== "resolve.article" || !(np.honorific || np.roleWords.length > 0) || !this.bareGeneric(e)) return;
    this.makePerson(e, np.gender);
  }

  /** The article showed that a bare generic name is a person's: type, gender, and its word a surname. */
  private makePerson(e: Entity, gender: Gender | null): void {
    e.type = "person";
    if (gender && this.genderOf(e) === null) this.genders.set(e, gender);
    const low = e.name.toLowerCase();
    if (!this.surnames.has(low)) this.surnames.set(low, e);
  }

  /** A generic entity of one word that is no acronym and holds no organisation word. */
  private bareGeneric(e: Entity): boolean {
    return this.generic.get(e.name) === e && !/[\s.]/.test(e.name) && !/^\p{Lu}{2,}$/u.test(e.name);
  }

  /** Has `low` been seen capitalised inside a sentence so far? */
  isMidCap(low: string): boolean {
    for (const ctx of this.midCapsPending)
      for (let k = 1; k < ctx.toks.length; k++) {
        const t = ctx.toks[k]!;
        const prev = ctx.toks[k - 1]!;
        if (t.kind === "word" && t.cap && prev.kind !== "open_quote" && prev.raw !== ":" && !isEndPunctTok(prev.raw)) this.midCaps.add(t.low);
      }
    this.midCapsPending.length = 0;
    return this.midCaps.has(low);
  }

  recordActor(entity: Entity, sentence: number): void {
    this.actors.push({ entity, sentence });
  }

  genderOf(e: Entity): Gender | null {
    return e.gender ?? this.genders.get(e) ?? null;
  }

  private addRoles(e: Entity, words: readonly string[]): void {
    const set = this.articleRoles.get(e) ?? new Set<string>();
    const phrase = words.join(" ");
    set.add(phrase);
    // "Russian Foreign Minister X" also makes X "the minister"; a former office does not.
    if (!RETIRED_ROLE.test(phrase)) for (let k = 1; k < words.length; k++) set.add(words.slice(k).join(" "));
    this.articleRoles.set(e, set);
  }

  private lexiconMatch(ctx: SentenceCtx, np: NounPhrase): ActorEntry | null {
    for (let k = np.start; k <= np.nameStart; k++) {
      const entry = ctx.lex.aliases.valuesEndingAt(ctx.toks, k, np.end)?.[0];
      if (entry) return entry;
    }
    return null;
  }

  /** Resolves a name phrase: article surname, lexicon alias, same name earlier, or a new generic entity. */
  resolveName(ctx: SentenceCtx, np: NounPhrase): Resolved | null {
    const key = `${ctx.index}:${np.start}:${np.nameStart}:${np.end}`;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    const r = this.resolveNameUncached(ctx, np);
    this.resolved.set(key, r);
    return r;
  }

  private resolveNameUncached(ctx: SentenceCtx, np: NounPhrase): Resolved | null {
    const toks = ctx.toks;
    const mention = { start: np.nameStart, end: np.end };
    // A bare single token may be the surname of a person named earlier in the article.
    if (np.end - np.nameStart === 1) {
      const low = toks[np.nameStart]!.low;
      const known = this.surnames.get(low) ?? (np.honorific ? this.givenNames.get(low) : undefined) ?? this.acronyms.get(low);
      if (known) return { entity: known, resolution: "resolve.surname", mention };
    } else if (compoundStart(toks, np.end) === np.nameStart) {
      // A hyphenated surname alone: "Henin-Hardenne" after "Justine Henin-Hardenne".
      const known = this.surnames.get(compoundKey(toks, np.nameStart, np.end));
      if (known) return { entity: known, resolution: "resolve.surname", mention };
    }
    for (let k = np.start; k <= np.nameStart; k++) {
      const entry = ctx.lex.aliases.valuesEndingAt(toks, k, np.end)?.[0];
      if (!entry) continue;
      const surface = ctx.text.slice(toks[k]!.start, toks[np.end - 1]!.end);
      const metonym = entry.type === "country" && surface !== entry.name && !isAcronym(toks[k]!) && np.end - k === 1;
      if (entry.type === "organization" && entry.name.startsWith("The ")) {
        const tail = entry.name.slice(entry.name.lastIndexOf(" ") + 1).toLowerCase();
        if (!this.theTails.has(tail)) this.theTails.set(tail, entry);
      }
      return { entity: entry, resolution: metonym ? "resolve.metonym" : "resolve.lexicon", mention: { start: Math.min(k, np.nameStart), end: np.end } };
    }
    // "The North Korean government", "the British authorities": the state itself.
    const state = ctx.lex.adjectives.longestAt(toks, np.nameStart) ?? ctx.lex.aliases.longestAt(toks, np.nameStart, isCountry);
    if (state) {
      let k = state.end;
      while (k < np.end && GOVERNMENT_WORDS.has(toks[k]!.low)) k++;
      const country = ctx.lex.actors.get(typeof state.value === "string" ? state.value : state.value.name);
      if (k === np.end && k > state.end && country) return { entity: country, resolution: "resolve.metonym", mention };
    }
    // A lone capitalised opener that the article never capitalises elsewhere is an ordinary word ("Separately, …",
    // "Police said", "Apparently"), not a name. Acronyms and lexicon names were handled above.
    const first = toks[np.nameStart]!;
    let opener = np.end - np.nameStart === 1;
    for (let k = 0; k < np.nameStart && opener; k++) opener = toks[k]!.kind !== "word" && toks[k]!.kind !== "num";
    if (opener && !first.acro && !np.honorific && np.roleWords.length === 0 && commonWordShape(ctx, first.low) && !this.isMidCap(first.low)) return null;
    // A bare demonym ("Chinese", "Russian") names nobody.
    if (state && state.end === np.end && ctx.lex.adjectives.longestAt(toks, np.nameStart)?.end === np.end) return null;
    const bare = collapseSpaces(ctx.text.slice(toks[np.nameStart]!.start, toks[np.end - 1]!.end));
    if (!hasLetter(bare)) return null;
    // "in The Daily Courier": a capitalised "The" inside a sentence belongs to the name ("The Daily Courier", like
    // "The New York Times" in actors.csv); at the start of a sentence it does only when the article wrote it so elsewhere.
    const det = toks[np.start]!;
    const theForm = np.start + 1 === np.nameStart && det.raw === "The" ? `The ${bare}` : null;
    const midSentence = np.start > 0 && toks[np.start - 1]!.kind !== "open_quote";
    const name = theForm !== null && (midSentence || this.generic.has(theForm)) ? theForm : bare;
    // "The Post" after "The Washington Post": the last word of a "The …" body seen before.
    if (np.end - np.nameStart === 1 && np.start + 1 === np.nameStart && det.low === "the") {
      const tail = this.theTails.get(toks[np.nameStart]!.low);
      if (tail && !this.generic.has(`The ${bare}`)) return { entity: tail, resolution: "resolve.surname", mention };
    }
    // "the NKIS said" after "The North Korea Intellectuals Solidarity reported": an acronym of a name seen before.
    if (np.end - np.nameStart === 1 && toks[np.nameStart]!.acro) {
      const expanded = this.byInitials(toks[np.nameStart]!.raw.replace(/\./g, ""));
      if (expanded) return { entity: expanded, resolution: "resolve.article", mention };
    }
    const seen = this.generic.get(name);
    if (seen) {
      // A bare name first seen without evidence ("McConnell’s claim …") and now with a person pronoun in its clause.
      if (seen.type === "organization" && np.end - np.nameStart === 1 && this.bareGeneric(seen)) {
        const g = personPronounAfter(ctx, np);
        if (g) this.makePerson(seen, g);
      }
      return { entity: seen, resolution: "resolve.article", mention };
    }
    const entity = this.newEntity(ctx, np, name);
    this.generic.set(name, entity);
    // "the New York Post" / "The Daily Courier" → a later "the Post" / "The Courier".
    if (det.low === "the" && np.start + 1 === np.nameStart && entity.type !== "person" && np.end - np.nameStart >= 2 && !this.theTails.has(toks[np.end - 1]!.low))
      this.theTails.set(toks[np.end - 1]!.low, entity);
    if (entity.type !== "person") this.initialsPending.push(entity);
    if (entity.type === "person" && np.end - np.nameStart >= 2) {
      // The first full name wins: the memory sees the whole article, and a story introduces its people first.
      const surname = toks[np.end - 1]!.low;
      if (!this.surnames.has(surname)) this.surnames.set(surname, entity);
      const from = compoundStart(toks, np.end);
      if (from > np.nameStart && from < np.end - 1) {
        const key = compoundKey(toks, from, np.end);
        if (!this.surnames.has(key)) this.surnames.set(key, entity);
      }
      if (!this.givenNames.has(toks[np.nameStart]!.low)) this.givenNames.set(toks[np.nameStart]!.low, entity);
    }
    return { entity, resolution: "resolve.generic", mention };
  }

  private byInitials(acronym: string): Entity | null {
    for (const e of this.initialsPending) {
      const { key, count } = initialsOf(e.name);
      if (count >= 2 && !this.initials.has(key)) this.initials.set(key, e);
    }
    this.initialsPending.length = 0;
    return this.initials.get(acronym) ?? null;
  }

  private newEntity(ctx: SentenceCtx, np: NounPhrase, name: string): Entity {
    const toks = ctx.toks;
    const words = [];
    for (let k = np.nameStart; k < np.end; k++) if (isNameWord(toks[k])) words.push(toks[k]!);
    let orgWord = false;
    // Initials before a surname ("H.R. McMaster", "J.D. Vance") are a person's, not an acronym's.
    for (let k = 0; k < words.length && !orgWord; k++) orgWord = ctx.lex.nouns.get(words[k]!.low)?.has("org_head") === true || (isAcronym(words[k]!) && !isInitials(words, k));
    // "the Liberal Democrats": a name that takes an article is a body, not a person.
    const determiner = np.start < np.nameStart && !isNameWord(toks[np.start]) && np.roleWords.length === 0 && !np.honorific;
    // "Australian Open", "British Airways": a name that starts with a demonym and carries no title is not a person.
    const demonymFirst = np.roleWords.length === 0 && !np.honorific && ctx.lex.adjectives.longestAt(toks, np.nameStart) !== null;
    const pronoun = words.length === 1 && !orgWord && !determiner && !demonymFirst ? personPronounAfter(ctx, np) : null;
    const person = !orgWord && !determiner && !demonymFirst && (np.honorific || np.roleWords.length > 0 || (words.length >= 2 && words.length <= 4) || pronoun !== null);
    let affiliation = np.country;
    // "Nicaraguan Institute …" is Nicaragua's; "Mike German" is not Germany's.
    if (affiliation === null && !person)
      for (let k = np.nameStart; k < np.end && affiliation === null; k++) affiliation = ctx.lex.adjectives.longestAt(toks, k)?.value ?? null;
    if (affiliation === null && np.qualifier) {
      const q = ctx.lex.aliases.longestAt(toks, np.qualifier.start);
      affiliation = q?.value.affiliation ?? null;
    }
    // A place is typed by the place list, not by its shape ("South Dakota", "Bay Area" are no persons).
    const place = ctx.lex.places.get(name.replace(/^The /, "").toLowerCase());
    if (place && !np.honorific && np.roleWords.length === 0) return { name, type: place === "country" ? "country" : "organization", affiliation: place === "country" ? name : affiliation, gender: null, roles: [] };
    return { name, type: person ? "person" : "organization", affiliation, gender: person ? (np.gender ?? pronoun) : null, roles: [] };
  }

  /** Is `e` a person holding `phrase` (from the lexicon or this article), of the role's country if it names one? */
  private holdsRole(e: Entity, np: NounPhrase, phrase: string): boolean {
    return e.type === "person" && (np.country === null || e.affiliation === np.country) && (e.roles.includes(phrase) || this.articleRoles.get(e)?.has(phrase) === true);
  }

  /** "the Russian president" → the latest person mentioned with that office, else the lexicon's only holder. */
  resolveRole(ctx: SentenceCtx, np: NounPhrase): Resolved | null {
    const mention = { start: np.start, end: np.end };
    // "a spokesman said": an indefinite office names nobody (an unnamed source), unless a body or country qualifies it.
    const det = ctx.toks[np.start]!.low;
    if ((det === "a" || det === "an") && np.qualifier === null && np.country === null) return null;
    const words = np.roleWords;
    // Shorter forms of the role ("foreign minister" → "minister") only when no named body qualifies it:
    // "a Cabinet Office spokeswoman" must not become some other spokeswoman.
    const tries = np.qualifier ? 1 : words.length;
    for (let k = 0; k < tries; k++) {
      const phrase = words.slice(k).join(" ");
      // The latest holder named before the phrase; failing that, the first named after it (a standfirst's
      // "the foreign minister has said" is named further down the article).
      for (let m = this.mentions.length - 1; m >= 0; m--) {
        const seen = this.mentions[m]!;
        if (mentionedBefore(seen, ctx.index, np.start) && this.holdsRole(seen.entity, np, phrase)) return { entity: seen.entity, resolution: "resolve.role_article", mention };
      }
      for (const seen of this.mentions)
        if (mentionedAfter(seen, ctx.index, np.end) && this.holdsRole(seen.entity, np, phrase))
          return { entity: seen.entity, resolution: "resolve.role_article", mention };
      // The lexicon alone decides only for the full role with a country or a multi-word office ("the Russian president").
      if (k > 0 || (np.country === null && words.length < 2)) continue;
      const holders = (ctx.lex.roleHolders.get(phrase) ?? []).filter((e) => this.holdsRole(e, np, phrase));
      if (holders.length === 1) return { entity: holders[0]!, resolution: "resolve.role_lexicon", mention };
    }
    // An unnamed spokesman of a named body speaks for it ("a Foreign Office spokesman said"); a body after
    // the office is its remit, not its voice ("the health minister for Wales").
    if (np.qualifier && np.qualifier.end < np.end && ctx.toks[np.qualifier.start - 1]?.low !== "for" && ctx.toks[np.qualifier.start - 1]?.low !== "of") {
      const q = { ...np, kind: "name" as const, start: np.qualifier.start, nameStart: np.qualifier.start, end: np.qualifier.end, roleWords: [] };
      const r = this.resolveName(ctx, q);
      if (r) return { entity: r.entity, resolution: "resolve.role_qualifier", mention };
    }
    return null;
  }

  /** Can `e` be what a pronoun of this kind refers to (a person or a body; of the pronoun's gender if known)? */
  private fitsPronoun(e: Entity, person: boolean, want: Gender | null): boolean {
    if ((e.type === "person") !== person) return false;
    const g = this.genderOf(e);
    return !person || want === null || g === null || g === want;
  }

  /** "he"/"she" → the latest credited person of compatible gender; "it"/"they" → the latest credited body, nearby. */
  resolvePronoun(pronoun: string, sentence: number): Entity | null {
    const want: Gender | null = pronoun === "he" ? "m" : pronoun === "she" ? "f" : null;
    // "person": a gender-neutral person anaphor ("the 26-year-old").
    const person = want !== null || pronoun === "person";
    if (!person && pronoun !== "it" && pronoun !== "they") return null;
    const window = person ? PRONOUN_WINDOW : BODY_WINDOW;
    // Credited actors first; a person who was the subject of a later sentence ("Trump met Putin …") is more recent.
    let best: { entity: Entity; sentence: number } | null = null;
    for (let k = this.actors.length - 1; k >= 0 && !best; k--) {
      const a = this.actors[k]!;
      if (sentence - a.sentence > window) break;
      if (this.fitsPronoun(a.entity, person, want)) best = a;
    }
    let unknownSubject: Mention | null = null;
    {
      const subjects = person ? this.subjects : this.bodySubjects;
      for (let k = subjects.length - 1; k >= 0; k--) {
        const m = subjects[k]!;
        if (m.sentence >= sentence) continue;
        if (sentence - m.sentence > window || (best && m.sentence <= best.sentence)) break;
        // Only a subject whose gender is known: an unknown name is too weak a clue against a credited speaker.
        if (this.fitsPronoun(m.entity, person, want) && (!person || this.genderOf(m.entity) !== null)) {
          best = m;
          break;
        }
        // A subject of unknown gender ("Justine Henin-Hardenne lost …") only when nobody was credited nearby.
        if (this.fitsPronoun(m.entity, person, want) && !best && !unknownSubject) unknownSubject = m;
      }
    }
    if (!best && unknownSubject) best = unknownSubject;
    // Nobody credited or acting as a subject nearby: the latest person mentioned before.
    if (!best && person)
      for (let k = this.mentions.length - 1; k >= 0 && !best; k--) {
        const m = this.mentions[k]!;
        if (m.sentence < sentence && sentence - m.sentence <= window && this.fitsPronoun(m.entity, person, want)) best = m;
      }
    if (!best) return null;
    // "She said …" about an unknown-gender name teaches its gender for later pronouns.
    if (want !== null && this.genderOf(best.entity) === null) this.genders.set(best.entity, want);
    return best.entity;
  }

}
