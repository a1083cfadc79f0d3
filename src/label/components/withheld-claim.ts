// Component "withheld_claim": a cue that lies inside a withheld claim — an unconfirmed cue of inability, an unsupported
// cue with no verb of saying, an impersonal passive — credits nobody (docs/claim-records.md §3: "an unconfirmed cue ('declined to comment', 'has yet to
// confirm') credits nobody"; data/gold/README.md: no actor for "unconfirmed/unsupported cues" and "credit-less
// passives"). "The Seattle Times couldn't confirm if …", "Bamberg gave no details on what the wife saw", "A convert
// to Islam, it is believed that he was radicalized": nobody claims anything there. It drops the proposals whose cue
// starts in such a hedge (before the resolver) and keeps the ranges on the sentence, where the tagger does not take
// a cue either. "Kim said without elaborating" still credits Kim: the cue "said" is outside the hedge.
import type { Component } from "../component.ts";
import type { SentenceState } from "../doc.ts";
import type { HedgeFinding } from "../rules/hedges.ts";
import type { TokRange } from "../rules/content.ts";
import { insideAny } from "../grammar/clauses.ts";

/** Words of an inability to verify ("couldn't confirm", "cannot verify", "unable to confirm"). */
const INABILITY = new Set(["could", "can", "cannot", "unable"]);
/** Verbs of saying inside an unsupported cue: "would not say whether", "did not specify" still report the speaker's act. */
const SAYING = new Set(["say", "said", "tell", "specify", "explain", "elaborate", "clarify", "disclose", "indicate", "reveal", "identify", "announce", "detail", "state", "comment"]);

/**
 * Is the hedge a withheld claim? An unconfirmed cue of inability ("The Seattle Times couldn't confirm if …": the
 * writer's failed check), an unsupported cue with no verb of saying ("gave no details", "offered no evidence"), an
 * impersonal passive ("it is believed"). Not a speaker's non-commitment, which the gold credits to the speaker:
 * "Psaki would not say whether …", "he stopped short of confirming whether …".
 */
function withholds(s: SentenceState, h: HedgeFinding): boolean {
  const t = s.ctx.toks;
  if (h.type === "vague") return h.rule === "hedge.phrase" && t[h.start]!.low === "it";
  if (h.type !== "unconfirmed" && h.type !== "unsupported") return false;
  let inability = false;
  let saying = false;
  for (let k = h.start; k < h.end; k++) {
    if (INABILITY.has(t[k]!.low)) inability = true;
    if (SAYING.has(t[k]!.low)) saying = true;
  }
  return h.type === "unconfirmed" ? inability : !saying;
}

/** Token ranges of the sentence's withheld claims. */
export function withheldRanges(s: SentenceState): TokRange[] {
  const out: TokRange[] = [];
  for (const h of s.hedges) if (withholds(s, h)) out.push({ start: h.start, end: h.end });
  return out;
}

export const withheldClaim: Component = {
  name: "withheld_claim",
  adds: "drops the proposals whose cue starts in a withheld claim: an unconfirmed cue of inability, an unsupported cue without a verb of saying, an impersonal passive",
  sentence(_doc, s) {
    const ranges = withheldRanges(s);
    if (ranges.length === 0) return;
    if (s.proposals.some((p) => insideAny(ranges, p.cue.start))) s.proposals = s.proposals.filter((p) => !insideAny(ranges, p.cue.start));
  },
};
