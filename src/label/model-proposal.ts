// The tagger's attribution for a sentence the rules leave without an actor:
// its cue run, the source run next to it resolved to an actor with the rules'
// own machinery (name chains, roles, pronouns; any other noun phrase is an
// unnamed source), and its content run. Rule id actor.model, content.model.
import type { AttributionProposal } from "./attribution.ts";
import { C, S, T, runsOf, tagSentence, viewSentence, type TaggerModel } from "./attribution-model.ts";
import type { ArticleMemory, Resolved } from "./entities.ts";
import type { SentenceCtx } from "./names.ts";
import { phraseEndingAt, phraseStartingAt } from "./noun-phrases.ts";
import { resolveSubject } from "./subjects.ts";
import { unnamedSource } from "./unnamed.ts";
import { PRONOUNS } from "./words.ts";

export interface ModelAttribution {
  proposal: AttributionProposal;
  /** Token range of the content, or null when the tagger marked none. */
  content: { start: number; end: number } | null;
}

/** Most tokens between a cue run and its source run. */
const MAX_GAP = 8;

export function modelAttribution(ctx: SentenceCtx, mem: ArticleMemory, model: TaggerModel, startsInQuote: boolean): ModelAttribution | null {
  const tags = tagSentence(model, viewSentence(ctx.toks, ctx.lex, startsInQuote));
  const cues = runsOf(tags, C).filter((r) => !ctx.toks[r.start]!.quoted);
  if (cues.length === 0) return null;
  const sources = runsOf(tags, S);
  // The cue whose source is nearest (before or after it).
  let best: { cue: { start: number; end: number }; src: { start: number; end: number }; gap: number } | null = null;
  for (const cue of cues)
    for (const src of sources) {
      const gap = src.end <= cue.start ? cue.start - src.end : src.start >= cue.end ? src.start - cue.end : 0;
      if (gap <= MAX_GAP && (!best || gap < best.gap)) best = { cue, src, gap };
    }
  if (!best) return null;
  const actor = resolveRun(ctx, mem, best.src.start, best.src.end);
  if (!actor) return null;
  const contents = runsOf(tags, T);
  let content: { start: number; end: number } | null = null;
  if (contents.length > 0) content = { start: contents[0]!.start, end: contents[contents.length - 1]!.end };
  return { proposal: { rule: "actor.model", at: best.cue.start, actor, cue: best.cue, negated: false }, content };
}

/** The actor of source tokens [start, end): a name, role or pronoun the rules resolve, else an unnamed source. */
function resolveRun(ctx: SentenceCtx, mem: ArticleMemory, start: number, end: number): Resolved | null {
  const np = phraseEndingAt(ctx, end) ?? phraseStartingAt(ctx, start);
  if (np && np.kind !== "group" && np.start >= start - 1 && np.end <= end + 1) {
    const r = resolveSubject(ctx, mem, np);
    if (r) return r;
    // A pronoun nobody can be found for ("I", "we" in a headline) credits no one.
    if (np.kind === "pronoun") return null;
  }
  if (end - start === 1 && PRONOUNS.has(ctx.toks[start]!.low)) return null;
  return unnamedSource(ctx, start, end);
}
