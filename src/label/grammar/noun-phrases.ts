// The noun phrase right before or right after an attribution cue ("Lavrov
// said", "said the Russian president"): pronouns, unnamed groups, definite
// anaphors ("the company", "the 26-year-old") and name chains (names.ts).
import { NO_ROLE_WORDS, chainAround, hasNoun, isCountry, isNameWord, parseChain, type NounPhrase, type SentenceCtx } from "./names.ts";
import { DETERMINERS, NOT_NAME, PRONOUNS, isGluedHyphen, isWord } from "../tokens/words.ts";

/**
 * Start of a parenthetical tag that ends right before `end` and names no one — a party tag ("(R-Ariz.)", "(D., N.Y.)",
 * "(R–Texas)", "(I)") or an age ("(45)") after a name — or -1.
 */
export function tagBefore(ctx: SentenceCtx, end: number): number {
  const toks = ctx.toks;
  if (toks[end - 1]?.raw !== ")") return -1;
  let open = end - 2;
  while (open >= 0 && end - 1 - open <= 8 && toks[open]!.raw !== "(") open--;
  if (open < 1 || toks[open]?.raw !== "(") return -1;
  const inner = toks.slice(open + 1, end - 1);
  if (inner.length === 0) return -1;
  if (inner.length === 1 && inner[0]!.kind === "num") return open; // an age
  const party = inner[0]!.raw;
  if (party !== "R" && party !== "D" && party !== "I") return -1;
  // The party letter alone, or followed by a dash, dot or comma and a state ("Ariz.", "N.Y.", "Texas", "S.C.").
  if (inner.length === 1) return open;
  if (!/^[-–.,]$/.test(inner[1]!.raw)) return -1;
  return inner.slice(2).every((t) => t.raw === "." || t.raw === "," || t.raw === "-" || t.cap) ? open : -1;
}

/** The noun phrase that ends right before token `end` (exclusive), or null. */
export function phraseEndingAt(ctx: SentenceCtx, end: number): NounPhrase | null {
  const toks = ctx.toks;
  // "Sen. Charles Schumer (D., N.Y.) pushed for …": a party tag or age after the name is no part of it.
  const tag = tagBefore(ctx, end);
  if (tag > 0) end = tag;
  const last = toks[end - 1];
  if (!isWord(last)) return null;
  if (PRONOUNS.has(last.low)) return simple("pronoun", end - 1, end);
  const anaphor = orgAnaphorEndingAt(ctx, end) ?? ageAnaphorAt(ctx, end - 5, end, false);
  if (anaphor) return anaphor;
  // "the Institute for Fiscal Studies", "Merseyside Residents": a capitalised group noun ending a name is part of the name.
  if (hasNoun(ctx, last, "group") && !last.quoted && !(last.cap && isNameWord(toks[end - 2]))) {
    let s = end - 1;
    while (s > 0 && (isNameWord(toks[s - 1]) || (isWord(toks[s - 1]) && !toks[s - 1]!.cap && /(?:al|an|ed|ic|ian|ish|ese|ern|ior|ing)$/.test(toks[s - 1]!.low)))) s--;
    if (s > 0 && DETERMINERS.has(toks[s - 1]!.low)) s--;
    return simple("group", s, end);
  }
  const chain = chainAround(ctx, end - 1);
  if (!chain) return null;
  return parseChain(ctx, chain.start, end);
}

/** The noun phrase that starts at token `start`, or null ("… said the Russian president"). */
export function phraseStartingAt(ctx: SentenceCtx, start: number): NounPhrase | null {
  const toks = ctx.toks;
  let s = start;
  if (toks[s] && DETERMINERS.has(toks[s]!.low)) s++;
  const first = toks[s];
  const age = s > start ? ageAnaphorAt(ctx, s, s + 5, true) : null;
  if (age) return { ...age, start };
  if (!isWord(first)) return null;
  if (s === start && PRONOUNS.has(first.low)) return simple("pronoun", s, s + 1);
  if (s > start && toks[start]!.low === "the" && hasNoun(ctx, first, "org_ref") && !isNameWord(toks[s + 1])) return simple("anaphor", start, s + 1);
  if (hasNoun(ctx, first, "group")) return simple("group", start, s + 1);
  const chain = chainAround(ctx, s);
  if (!chain) return null;
  const np = parseChain(ctx, s, chain.end);
  return np ? { ...np, start: Math.min(np.start, start) } : null;
}

/** Most words allowed between "the" and an organisation noun: "the Japanese firm", "the fast-food giant". */
const MAX_ANAPHOR_MODIFIERS = 3;

/**
 * "the company", "the firm", "the paper", "the Japanese electronics giant" ending right before `end`: a definite
 * organisation noun (nouns.csv `org_ref`) that refers back to a body named earlier, like "it".
 */
function orgAnaphorEndingAt(ctx: SentenceCtx, end: number): NounPhrase | null {
  const toks = ctx.toks;
  const last = toks[end - 1];
  if (!isWord(last) || last.cap || !hasNoun(ctx, last, "org_ref") || last.quoted) return null;
  for (let k = end - 2; k >= 0 && end - 1 - k <= MAX_ANAPHOR_MODIFIERS + 2; k--) {
    const w = toks[k]!;
    if (w.low === "the") return simple("anaphor", k, end);
    if (w.raw === "-" && isGluedHyphen(toks, k)) continue;
    // Modifiers are adjectives or noun modifiers, never function words or names of a body ("the Apple company" is a name).
    // "the Russian government" is the state (entities.ts), not an anaphor.
    if (!isWord(w) || NOT_NAME.has(w.low) || PRONOUNS.has(w.low) || (w.cap && (!(ctx.lex.adjectives.longestAt(toks, k) ?? ctx.lex.aliases.longestAt(toks, k, isCountry)) || last.low === "government"))) return null;
  }
  return null;
}

/** "the 26-year-old" (tokens "26 - year - old" at [start, end)), preceded by "the": a person named earlier. */
function ageAnaphorAt(ctx: SentenceCtx, start: number, end: number, headFollows: boolean): NounPhrase | null {
  const toks = ctx.toks;
  if (start < 1 || toks[start - 1]!.low !== "the" || toks[start]?.kind !== "num") return null;
  if (toks[start + 1]?.raw !== "-" || toks[start + 2]?.low !== "year" || toks[start + 3]?.raw !== "-" || toks[start + 4]?.low !== "old" || end !== start + 5) return null;
  // "the 26-year-old woman" is a description; only the bare phrase (or before a demonym, "the 24-year-old Swiss") is a person.
  const next = toks[end];
  if (headFollows && isWord(next) && !next.cap && !PRONOUNS.has(next.low) && !NOT_NAME.has(next.low) && !/(?:ed|s)$/.test(next.low)) return null;
  return { ...simple("anaphor", start - 1, end), gender: null, roleWords: ["year-old"] };
}

function simple(kind: "pronoun" | "group" | "anaphor", start: number, end: number): NounPhrase {
  return { kind, start, end, nameStart: start, roleWords: NO_ROLE_WORDS, country: null, qualifier: null, honorific: false, gender: null };
}
