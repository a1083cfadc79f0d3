// Closed-class English words the rules need. These are grammar, not domain
// knowledge, so they live in code; everything domain-specific (names, verbs,
// cues, topics) is in the lexicon CSVs.
import type { Tok } from "./tokenize.ts";

/** A word list written as one whitespace-separated string. */
export const wordSet = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w !== ""));

/**
 * A list of fixed words as marks by word id for the hottest checks: `marks[t.id] === 1` exactly when the list has
 * `t.low`. The words are FIXED_WORDS, whose ids are the same in every vocabulary (vocab.ts), so the marks are constants.
 */
function idMarks(words: Iterable<string>): Uint8Array {
  const ids = [...words].map((w) => {
    const id = FIXED_IDS.get(w);
    if (id === undefined) throw new Error(`idMarks: "${w}" is not in FIXED_WORDS`);
    return id;
  });
  const marks = new Uint8Array(Math.max(0, ...ids) + 1);
  for (const id of ids) marks[id] = 1;
  return marks;
}

/** Is the token's word in the list whose marks (idMarks) are `marks`? */
export function markedWord(marks: Uint8Array, t: Tok): boolean {
  return t.id < marks.length && marks[t.id] === 1;
}

/** Capitalised words that are never part of a name (sentence starters, function words, calendar words). */
export const NOT_NAME = wordSet(`
  the a an this that these those his her its their our my your some any each every no all both either neither another other
  he she it they we i you him them us me who whom whose which what where when why how
  and but or nor so yet for if then than as because although though while whereas unless until since
  in on at by of to from with without into onto over under after before during about against between among through
  however meanwhile moreover furthermore also still now today yesterday tomorrow instead indeed thus hence nevertheless
  earlier later last next first finally there here such not never only even just already again once
  speaking following despite according asked speaking read more share follow please dear
  one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands
  million millions dozens several many most few is was are were do does did has have had should would could
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
`);


export const WEEKDAYS = wordSet("monday tuesday wednesday thursday friday saturday sunday");

/** Words allowed between a subject and its reporting verb ("Putin has also said", "Trump on Tuesday said"). */
export const BETWEEN_SUBJECT_AND_VERB = wordSet(`
  has have had is was were are been being will would shall should can could may might must did does do
  also further since recently previously earlier repeatedly later then again once always still never not just already
  first now publicly privately reportedly allegedly apparently personally himself herself itself themselves
  subsequently initially immediately simply only even yesterday today last week month year
  too consistently long
`);

export const BE_FORMS = wordSet("is was were are be been being am");

export const PRONOUNS = wordSet("he she it they we i you");
export const RELATIVE_PRONOUNS = wordSet("who which that");
export const DETERMINERS = wordSet("the a an one another this that these those");
export const COORDINATORS = wordSet("and but");

/** Tokens after which a word is a noun, not a verb ("the claims", "his claim", "in May"). */
export const NOUN_SIGNALS = wordSet(`
  the a an this these those his her its their our my your such any no every each some several many
  's of in on at for by from since until till early late mid last next this territorial false unfounded
  ‘ ’ ' " “ ” (
`);

/** Words a sentence-initial introductory phrase starts with ("Speaking at …, Putin said"). */
export const INTRO_STARTERS = wordSet(`
  in on at after before during following despite speaking while when since as with without amid
  however meanwhile moreover earlier later last yesterday today also then but and yet so although though
  according for by from under over through ahead once if
`);

/** Adverbial words that may sit between commas without being an appositive (", meanwhile,"). */
export const PARENTHETICAL = wordSet(`
  however meanwhile though therefore moreover too also instead in particular for his her its their part turn
  then again once earlier later on monday tuesday wednesday thursday friday saturday sunday last week
  in turn of course furthermore nevertheless separately similarly additionally notably
`);

/** Name particles kept inside a personal name ("Ursula von der Leyen"). */
export const NAME_PARTICLES = wordSet("von der van den de del della di da dos du la le bin al ibn");
/** "of", "for" and the name particles: the lower-case words that may link two parts of a name. */
const NAME_LINK_WORDS = ["of", "for", ...NAME_PARTICLES];

/**
 * The words every vocabulary interns first, in this order (vocab.ts Vocab), so that their ids are the same constants
 * in every vocabulary: NOT_NAME, the name links, and "'s" and "and", which name chains compare (grammar/names.ts).
 */
export const FIXED_WORDS: readonly string[] = [...new Set([...NOT_NAME, ...NAME_LINK_WORDS, "'s", "and"])];
const FIXED_IDS: ReadonlyMap<string, number> = new Map(FIXED_WORDS.map((w, k) => [w, k + 1]));

const NOT_NAME_IDS = idMarks(NOT_NAME);
export const NAME_LINK_IDS = idMarks(NAME_LINK_WORDS);

/** toks[k], or undefined outside the list: reading past either end of an array is a slow path in optimised code. */
export function tokAt(toks: readonly Tok[], k: number): Tok | undefined {
  return k >= 0 && k < toks.length ? toks[k] : undefined;
}

export function isWord(t: Tok | undefined): t is Tok {
  return t !== undefined && t.kind === "word";
}

/** Lower-case adverb in -ly ("repeatedly"), allowed between subject and verb. */
export function isLyAdverb(t: Tok | undefined): boolean {
  return t !== undefined && t.kind === "word" && !t.cap && t.low.length > 4 && t.low.endsWith("ly");
}

/** An all-capital acronym of two or more letters ("NATO", "U.S.", "RT"). */
export function isAcronym(t: Tok): boolean {
  return t.acro;
}

export function isDash(t: Tok | undefined): boolean {
  // "―" (horizontal bar): HuffPost's quote credits ("…shame.” ― Sonya Herridge").
  return t !== undefined && (t.raw === "–" || t.raw === "—" || t.raw === "-" || t.raw === "--" || t.raw === "―");
}

/** A dash with whitespace around it (a parenthetical dash, not a hyphen). */
export function isSpacedDash(text: string, t: Tok | undefined): boolean {
  if (!t || !isDash(t)) return false;
  // In bounds only: reading a string past either end is a slow path in optimised code.
  const before = t.start > 0 ? text[t.start - 1] : undefined;
  const after = t.end < text.length ? text[t.end] : undefined;
  // "…people he knows.”― Pamela Padilla": a credit bar may follow the closing quote mark directly.
  const spacedBefore = before === undefined || /\s/.test(before) || (t.raw === "―" && /[”"’']/.test(before));
  return spacedBefore && (after === undefined || /\s/.test(after));
}

/** Glued hyphen between two word tokens ("Jong-un", "US-led"). */
export function isGluedHyphen(toks: readonly Tok[], i: number): boolean {
  // Bounds first: reading past either end of an array is a slow path in V8.
  if (i < 1 || i >= toks.length - 1) return false;
  const t = toks[i]!;
  if (t.raw !== "-") return false;
  const a = toks[i - 1]!;
  const b = toks[i + 1]!;
  return a.end === t.start && t.end === b.start;
}

/** A capitalised word that can belong to a name (names.ts isNameWord). */
export function isNameWordTok(t: Tok | undefined): boolean {
  return t !== undefined && t.kind === "word" && ((t.cap && !markedWord(NOT_NAME_IDS, t)) || t.acro);
}

export function isEndPunct(t: Tok | undefined): boolean {
  return t === undefined || t.raw === "." || t.raw === "!" || t.raw === "?" || t.raw === "…";
}
