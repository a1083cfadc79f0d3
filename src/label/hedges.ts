// Hedge rules: every cue of hedges.csv on token (word) boundaries, longest
// match first at each position, one left-to-right pass (linear time).
// Conditions keep the spec's non-hedges out: "may" only as a verb (never
// "May 2025"), "claims" only as a verb (not "Japan's claims"), and unnamed
// sources only as the subject of a reporting verb ("sources said").
import type { HedgeType } from "../schema.ts";
import type { HedgeEntry } from "./lexicons.ts";
import type { SentenceCtx } from "./names.ts";
import { NOT_NAME, NOUN_SIGNALS, PRONOUNS } from "./words.ts";

export type HedgeRule = "hedge.phrase" | "hedge.verb_only" | "hedge.vague_source";


export interface HedgeFinding {
  rule: HedgeRule;
  type: HedgeType;
  /** Token range [start, end). */
  start: number;
  end: number;
}

const AUX_BEFORE_VERB = new Set(["have", "has", "had", "also", "would", "will", "now", "privately", "reportedly"]);

/** Is token i used as a verb here? */
function verbUse(ctx: SentenceCtx, i: number): boolean {
  const t = ctx.toks[i]!;
  const prev = ctx.toks[i - 1];
  const next = ctx.toks[i + 1];
  const sentenceInitial = prev === undefined || prev.kind === "open_quote";
  if (t.cap && !sentenceInitial) return false; // "in May", "Theresa May", "Claims Court"
  if (next?.kind === "num") return false; // "May 2025"
  return prev === undefined || !NOUN_SIGNALS.has(prev.low);
}

/** Is token i used as an adjective before a noun ("reported proposals", "potential breakthrough"), not as a verb or noun? */
function adjectiveUse(ctx: SentenceCtx, i: number): boolean {
  const prev = ctx.toks[i - 1];
  const next = ctx.toks[i + 1];
  if (!next || next.kind !== "word" || next.cap || NOT_NAME.has(next.low)) return false;
  // "sources reported …" is a verb after its subject, "some potential results" an adjective.
  const pluralSource = prev !== undefined && prev.low.endsWith("s") && ctx.lex.nouns.get(prev.low)?.has("group") === true;
  return prev === undefined || (!prev.cap && !PRONOUNS.has(prev.low) && !pluralSource);
}

/** Token end of the reporting verb that follows a source noun ending at `end`, or -1. */
function reportingVerbAfter(ctx: SentenceCtx, end: number): number {
  let i = end;
  while (i < ctx.toks.length && AUX_BEFORE_VERB.has(ctx.toks[i]!.low)) i++;
  const verb = ctx.toks[i];
  if (!verb || verb.cap) return -1;
  const m = ctx.lex.reporting.longestAt(ctx.toks, i, (v) => v.kind !== "according");
  return m ? m.end : -1;
}

export function findHedges(ctx: SentenceCtx): HedgeFinding[] {
  const { toks, lex } = ctx;
  const accept = (v: HedgeEntry, s: number, e: number): boolean => {
    if (v.condition === "verb") return verbUse(ctx, s);
    if (v.condition === "adjective") return adjectiveUse(ctx, s);
    if (v.condition === "before_reporting") return reportingVerbAfter(ctx, e) > 0;
    return true;
  };
  const out: HedgeFinding[] = [];
  for (const m of lex.hedges.findAll(toks, accept)) {
    const type = m.value.type;
    if (type === "none") continue; // a listed non-hedge: it only blocks shorter cues
    const rule: HedgeRule = m.value.condition === "verb" || m.value.condition === "adjective" ? "hedge.verb_only" : m.value.condition === "before_reporting" ? "hedge.vague_source" : "hedge.phrase";
    // "sources said", "officials alleging": the unnamed source and its verb are one vague cue.
    const end = m.value.condition === "before_reporting" ? reportingVerbAfter(ctx, m.end) : m.end;
    out.push({ rule, type, start: m.start, end });
  }
  // An extended vague cue may cover the start of a later cue; the earlier, longer cue wins.
  return out.filter((h, k) => k === 0 || h.start >= out[k - 1]!.end);
}
