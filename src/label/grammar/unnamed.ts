// Unnamed sources are sources: "the source added", "officials said", "critics
// say", "a person familiar with the matter told Reuters". They get an actor of
// type "unnamed" whose name is the noun phrase without its determiner
// ("source", "officials", "person familiar with the matter") and whose mention
// is the phrase as written, so anonymous sourcing stays apart from narration
// (actor null).
import type { ArticleMemory, Resolved } from "./entities.ts";
import type { SentenceCtx } from "./names.ts";
import { collapseSpaces } from "../tokens/text.ts";

/** Determiners and quantifiers left out of an unnamed source's name. */
const LEADING = new Set(["the", "a", "an", "some", "many", "several", "other", "most", "few", "two", "three", "four", "both", "all", "one", "these", "those", "this", "that", "another"]);

const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your"]);
/** Quantity words before "of" in a partitive source ("a majority of voters", "54.6 percent of the electorate"). */
const QUANTITY = new Set(["percent", "%", "majority", "minority", "plurality", "third", "thirds", "half", "quarter", "share", "number", "portion", "average", "dozens", "hundreds", "thousands", "millions", "none", "each", "about", "nearly", "almost", "roughly", "only", "just", "over", "more", "than", "of", "out", "in", "an", "a", "the", "some", "many", "most", "few", "all", "both", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]);

/**
 * The index after the quantity of a partitive phrase at [s, end) ("percent of", "four out of 10", "nine in 10"), or -1.
 * The quantity is numbers and QUANTITY words up to "of" (or "out of N" / "in N" before the group).
 */
function partitiveEnd(t: SentenceCtx["toks"], s: number, end: number): number {
  let k = s;
  let sawQuantity = false;
  while (k < end - 1 && (t[k]!.kind === "num" || QUANTITY.has(t[k]!.low))) {
    const w = t[k]!.low;
    if (w === "out" && t[k + 1]?.low === "of" && t[k + 2]?.kind === "num" && sawQuantity) return k + 3;
    if (w === "of" && sawQuantity) return k + 1;
    if ((w === "in" || (w === "of" && t[k - 1]?.low === "out")) && sawQuantity && t[k + 1]?.kind === "num") return k + 2;
    if (t[k]!.kind === "num" || (w !== "about" && w !== "nearly" && w !== "almost" && w !== "roughly" && w !== "out" && w !== "in" && w !== "of")) sawQuantity = true;
    k++;
  }
  return -1;
}

/** An unnamed actor for tokens [start, end) of the sentence, or null when nothing is left once the determiners go. */
export function unnamedSource(ctx: SentenceCtx, mem: ArticleMemory, start: number, end: number): Resolved | null {
  const t = ctx.toks;
  let s = start;
  while (s < end && LEADING.has(t[s]!.low)) s++;
  // "54.6 percent of the electorate", "about four out of 10 voters", "nine in 10", "some of his rivals": the group
  // named after the quantity is the source's name (the mention keeps the whole phrase).
  const of = partitiveEnd(t, start, end);
  if (of > s) {
    s = of;
    while (s < end && (LEADING.has(t[s]!.low) || POSSESSIVES.has(t[s]!.low))) s++;
  }
  let e = end;
  while (e > s && t[e - 1]!.kind !== "word" && t[e - 1]!.kind !== "num") e--;
  if (e <= s || !t.slice(s, e).some((x) => x.kind === "word")) return null;
  let name = collapseSpaces(ctx.text.slice(t[s]!.start, t[e - 1]!.end));
  // "Officials said": a capital that only starts the sentence is not part of the name.
  const first = t[s]!;
  const sentenceStart = s === 0 || t[s - 1]!.kind === "open_quote";
  // Not a demonym, a known name ("American officials", "Pentagon sources") or a word the article capitalises mid-sentence ("Opec").
  const proper = first.acro || ctx.lex.adjectives.anyAt(t, s) || ctx.lex.aliases.anyAt(t, s) || mem.isMidCap(first.low);
  if (sentenceStart && first.cap && !proper && first.raw.slice(1) === first.raw.slice(1).toLowerCase()) name = name[0]!.toLowerCase() + name.slice(1);
  return {
    entity: { name, type: "unnamed", affiliation: null, gender: null, roles: [] },
    resolution: "resolve.unnamed",
    mention: { start, end: e },
  };
}
