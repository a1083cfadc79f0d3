// What is claimed: the content span of an attributed sentence, as a token
// range. For a rule's attribution it is the side of the sentence away from
// the source and cue — the reported clause after "X said (that)", the quote
// before "…,” X said", the words after a headline colon, before a dash
// credit; for a sentence inside a multi-sentence quote, its quoted part.
import type { AttributionProposal } from "./attribution.ts";
import type { SentenceCtx } from "../grammar/names.ts";
import type { Tok } from "../tokens/tokenize.ts";

export interface TokRange {
  start: number;
  end: number;
}

/** Words that open a reported clause and are not part of it. */
const CLAUSE_OPENERS = new Set(["that", ":", ",", "to", "—", "–", "-"]);
/** How far into the words after the cue a "that" may open the clause ("said in a statement on Monday that"). */
const MAX_THAT_DISTANCE = 8;

const isContentTok = (t: Tok) => t.kind === "word" || t.kind === "num" || t.kind === "open_quote" || t.kind === "close_quote";

/** [start, end) shrunk to its first and last word, number or quote mark; null when none is left. */
export function trimRange(toks: readonly Tok[], start: number, end: number): TokRange | null {
  while (start < end && !isContentTok(toks[start]!)) start++;
  while (end > start && !isContentTok(toks[end - 1]!)) end--;
  for (let k = start; k < end; k++) if (toks[k]!.kind === "word" || toks[k]!.kind === "num") return { start, end };
  return null;
}

function words(toks: readonly Tok[], start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) if (toks[k]!.kind === "word" || toks[k]!.kind === "num") n++;
  return n;
}

/** The content of a rule's attribution: the larger side of the sentence outside the source and cue. */
export function contentOf(ctx: SentenceCtx, p: AttributionProposal): TokRange | null {
  const t = ctx.toks;
  if (p.rule === "actor.dash_credit") return trimRange(t, 0, p.cue.start);
  const m = p.actor?.mention;
  const inSentence = m && m.end <= t.length && m.start < m.end;
  const a = Math.min(p.cue.start, inSentence ? m.start : p.cue.start);
  const b = Math.max(p.cue.end, inSentence ? m.end : p.cue.end);
  let after = b;
  for (let k = b; k < Math.min(t.length, b + MAX_THAT_DISTANCE); k++)
    if (t[k]!.low === "that" && !t[k]!.quoted) {
      after = k + 1;
      break;
    }
  while (after < t.length && CLAUSE_OPENERS.has(t[after]!.low)) after++;
  const before = words(t, 0, a);
  const rest = words(t, after, t.length);
  if (p.rule === "actor.colon_quote" || rest >= before) return trimRange(t, after, t.length) ?? trimRange(t, 0, a);
  return trimRange(t, 0, a);
}

/** A sentence inside a multi-sentence quote: its quoted words (the whole sentence when the quote marks are elsewhere). */
export function quotedPart(ctx: SentenceCtx): TokRange | null {
  const t = ctx.toks;
  let start = -1;
  let end = -1;
  for (let k = 0; k < t.length; k++) if (t[k]!.quoted) (start = start < 0 ? k : start), (end = k + 1);
  return start < 0 ? trimRange(t, 0, t.length) : trimRange(t, start, end);
}
