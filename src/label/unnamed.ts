// Unnamed sources are sources: "the source added", "officials said", "critics
// say", "a person familiar with the matter told Reuters". They get an actor of
// type "unnamed" whose name is the noun phrase without its determiner
// ("source", "officials", "person familiar with the matter") and whose mention
// is the phrase as written, so anonymous sourcing stays apart from narration
// (actor null).
import type { ArticleMemory, Resolved } from "./entities.ts";
import type { SentenceCtx } from "./names.ts";
import { collapseSpaces } from "./text.ts";

/** Determiners and quantifiers left out of an unnamed source's name. */
const LEADING = new Set(["the", "a", "an", "some", "many", "several", "other", "most", "few", "two", "three", "four", "both", "all", "one", "these", "those", "this", "that", "another"]);

/** An unnamed actor for tokens [start, end) of the sentence, or null when nothing is left once the determiners go. */
export function unnamedSource(ctx: SentenceCtx, mem: ArticleMemory, start: number, end: number): Resolved | null {
  const t = ctx.toks;
  let s = start;
  while (s < end && LEADING.has(t[s]!.low)) s++;
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
