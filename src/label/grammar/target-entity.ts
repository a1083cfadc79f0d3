// target_entity: when the governed phrase is a person, organisation or
// country ("endorsed Trump", "denounced the nascent Neocons For Hillary
// movement"), its canonical name, resolved by the actors' machinery
// (names.ts chains, entities.ts ArticleMemory), so "Mrs. Clinton",
// "Hillary Clinton" and "Clinton" agree. A phrase headed by a common noun
// ("Clinton's judgment", "mass deportation") names no entity.
import type { ArticleMemory } from "./entities.ts";
import { chainAround, hasNoun, parseChain, type SentenceCtx } from "./names.ts";
import { resolveSubject } from "./subjects.ts";
import { POST_MODIFIERS } from "./target-head.ts";

/** Common nouns that, after a name, still name that body ("the Neocons For Hillary movement", "the Sanders campaign"). */
const BODY_TAILS = new Set(["movement", "campaign", "group", "organization", "organisation", "party", "coalition", "caucus", "committee", "pac", "super-pac"]);

/** Token index of the phrase's head: the last word before its first post-modifier. */
export function headIndex(ctx: SentenceCtx, span: { start: number; end: number }): number {
  let head = -1;
  for (let k = span.start; k < span.end; k++) {
    const t = ctx.toks[k]!;
    if (head >= 0 && POST_MODIFIERS.has(t.low)) break;
    if (t.kind === "word" && t.low !== "'s" && !POST_MODIFIERS.has(t.low)) head = k;
  }
  return head;
}

/** The canonical name of the entity the phrase [start, end) names, or null. */
export function targetEntity(ctx: SentenceCtx, mem: ArticleMemory, span: { start: number; end: number }): string | null {
  let k = headIndex(ctx, span);
  if (k < 0) return null;
  const toks = ctx.toks;
  // "criticized him": a lone pronoun is the person the article credited or named last.
  if (span.end - span.start === 1 && (toks[k]!.low === "him" || toks[k]!.low === "her")) {
    const e = mem.resolvePronoun(toks[k]!.low === "him" ? "he" : "she", ctx.index);
    return e && e.type === "person" ? e.name : null;
  }
  if (!toks[k]!.cap && BODY_TAILS.has(toks[k]!.low) && k - 1 >= span.start) k--;
  const chain = chainAround(ctx, k);
  if (!chain) return null;
  // The whole name inside the phrase ("the Federal Bureau of Investigation (FBI)", "the Department of Education").
  const np = parseChain(ctx, Math.max(chain.start, span.start), Math.min(chain.end, span.end));
  if (!np || np.kind !== "name" || np.end <= k) return null;
  const r = resolveSubject(ctx, mem, np);
  if (!r) return null;
  // A name only this article knows is an entity when it looks like one: a person's name, or a body named with an
  // organisation noun (Ministry, Department, Party). "Schengen", "the Vietnam War", "Obamacare" are not.
  if (r.resolution !== "resolve.generic" && r.resolution !== "resolve.article") return r.entity.name;
  if (r.entity.type === "person") return r.entity.name;
  for (let j = np.nameStart; j < np.end; j++) if (hasNoun(ctx, toks[j], "org_head")) return r.entity.name;
  return null;
}
