// Quote continuation: a sentence inside a multi-sentence quote carries no
// attribution of its own ("“This is one of the key points … consider." /
// "We are going to … who would do what.”"). It gets the speaker of the
// quote: the attribution on the sentence that opened it, on the sentence
// that closes it ("…,” he said."), or — when the quote starts right after an
// attributed quoted sentence — on that previous sentence; a dash credit
// right after the quote ("…” ― Christina Lastra.") credits it.
import type { AttributionProposal } from "./attribution.ts";
import type { SentenceCtx } from "../grammar/names.ts";

export interface QuoteState {
  ctx: SentenceCtx;
  winner: AttributionProposal | null;
  startsInQuote: boolean;
  endsInQuote: boolean;
}

function allQuoted(s: QuoteState): boolean {
  let words = 0;
  for (const t of s.ctx.toks) {
    if (t.kind !== "word" && t.kind !== "num") continue;
    if (!t.quoted) return false;
    words++;
  }
  return words > 0;
}

function hasQuote(s: QuoteState): boolean {
  return s.ctx.toks.some((t) => t.quoted) || s.ctx.toks.at(-1)?.low === ":";
}

const credited = (s: QuoteState | undefined): s is QuoteState => s?.winner?.actor != null;

const newSpeaker = (s: QuoteState): boolean => s.ctx.toks[0]?.kind === "open_quote" && credited(s);

/** Sentence index → the sentence whose attribution it inherits. */
export function findQuoteChains<S extends QuoteState>(sentences: readonly S[]): Map<number, { from: S }> {
  const out = new Map<number, { from: S }>();
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.winner || !(s.startsInQuote || allQuoted(s))) continue;
    // A credited sentence that opens with a quote mark while a quote is open starts a new quoted paragraph of its own
    // speaker (a transcript's "PENCE: …" after "WALLACE: …", neither closed): the chain stops there. An uncredited
    // one is the usual next paragraph of a long quote (each opens with a quote mark, only the last closes).
    let first = i;
    while (first > 0 && sentences[first]!.startsInQuote && !newSpeaker(sentences[first]!)) first--;
    let last = i;
    while (last + 1 < sentences.length && sentences[last]!.endsInQuote && sentences[last + 1]!.startsInQuote && !newSpeaker(sentences[last + 1]!)) last++;
    const candidates = [sentences[first], sentences[last]];
    for (let k = first; k <= last; k++) candidates.push(sentences[k]);
    let from = candidates.find((c) => c !== s && credited(c));
    const before = first > 0 ? sentences[first - 1] : undefined;
    // A quote that opens right after a credited sentence continues its speaker (a new quote paragraph
    // with no attribution: the speaker carries over).
    // A dash credit ("…” ― Christina Lastra.") credits the quote before it: the quote it closes may run over several
    // sentences, and a quote after one is not its speaker's (a list of readers' quotes, each with its credit).
    const after = sentences[last + 1];
    if (!from && credited(after) && after.winner!.rule === "actor.dash_credit") from = after;
    if (!from && credited(before) && before.winner!.rule !== "actor.dash_credit" && (hasQuote(before) || sentences[first]!.ctx.toks[0]?.kind === "open_quote")) from = before;
    if (from) out.set(i, { from });
  }
  return out;
}
