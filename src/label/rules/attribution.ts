// Actor + cue rules. Each rule looks at one sentence (outside quotation
// marks: a verb inside a quote belongs to the quoted content, not to the
// attribution) and proposes who is credited and by which cue, or abstains.
// Each family is a pipeline component (components/); the resolver
// (components/attribution.ts) picks one proposal by tier, then position.
import type { ArticleMemory, Resolved } from "../grammar/entities.ts";
import { parseChain, chainAround, isNameWord, type SentenceCtx } from "../grammar/names.ts";
import { phraseEndingAt, phraseStartingAt } from "../grammar/noun-phrases.ts";
import type { ReportingEntry } from "../lexicon/lexicons.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { mainSubject, resolveSubject, subjectBefore } from "../grammar/subjects.ts";
import { unnamedSource } from "../grammar/unnamed.ts";
import { BE_FORMS, COORDINATORS, RELATIVE_PRONOUNS, isEndPunct, isLyAdverb, isSpacedDash, isWord, tokAt } from "../tokens/words.ts";

export type AttributionRule =
  | "actor.trailing_reporting"
  | "actor.inverted_reporting"
  | "actor.subject_reporting"
  | "actor.according_to"
  | "actor.passive_agent"
  | "actor.told_outlet"
  | "actor.colon_quote"
  | "actor.stance_subject"
  | "actor.participle_clause"
  | "actor.dash_credit"
  | "actor.quote_continuation"
  | "actor.model";

/** The tier table of the rule families here (each proposal carries its tier): lower tier wins; within a tier the earlier cue wins. */
export const ATTRIBUTION_TIER: Readonly<Record<AttributionRule, number>> = {
  "actor.trailing_reporting": 1,
  "actor.inverted_reporting": 1,
  "actor.subject_reporting": 2,
  "actor.according_to": 2,
  "actor.passive_agent": 2,
  "actor.told_outlet": 2,
  "actor.colon_quote": 2,
  "actor.stance_subject": 3,
  "actor.participle_clause": 4,
  "actor.dash_credit": 5,
  "actor.quote_continuation": 6,
  "actor.model": 7,
};

export interface AttributionProposal {
  /** A rule id of AttributionRule, or a new family's own ("actor.<name>"). */
  rule: string;
  /** Resolver priority (ATTRIBUTION_TIER for the rules here): lower wins; within a tier the earlier cue. */
  tier: number;
  /** Token index of the cue, for ordering. */
  at: number;
  /** null: the source is unnamed or cannot be identified ("officials said", "they said"). */
  actor: Resolved | null;
  cue: { start: number; end: number };
  /** A negated report ("has not commented") yields to a positive one in the same tier. Always set: one object shape. */
  negated: boolean;
}


const ADVERBS_BEFORE_PARTICIPLE = new Set(["once", "again", "also", "further", "thereby", "even", "then"]);
/** "…, saying", "before adding:", "while insisting": an -ing report after these takes the main clause's subject. */
const PARTICIPLE_OPENERS = new Set([",", "and", "but", "before", "after", "while", "when", "by", "in", "without"]);
const AFTER_TRAILING_VERB = new Set(["on", "in", "at", "last", "late", "earlier", "later", "this", "during", "without", "adding", "referring", "while", "after", "before", "when", "according", "yesterday", "today", "recently", "previously", "also", "however", "though", "but", "and", ",", ".", "!", "?", ";", "”", '"']);

function toks(ctx: SentenceCtx) {
  return ctx.toks;
}

/** Is a reporting verb at [v, e) the sentence's closing attribution ("…, Lavrov added.")? */
function isTrailing(ctx: SentenceCtx, npStart: number, verbEnd: number): boolean {
  const t = toks(ctx);
  const before = tokAt(t, npStart - 1);
  if (!before || !(before.low === "," || before.kind === "close_quote")) return false;
  const after = tokAt(t, verbEnd);
  return after === undefined || AFTER_TRAILING_VERB.has(after.low);
}

/** Most lower-case words after a possessive "'s" in a possessed source ("Obama's longtime detractors"). */
const MAX_POSSESSED = 3;
/**
 * The end of "'s" + lower-case words ending in a plural noun after a name ending at `at`, closing the phrase (a comma,
 * the sentence's end): "Obama's longtime detractors," — or -1.
 */
function possessedPeople(ctx: SentenceCtx, at: number): number {
  const t = ctx.toks;
  if (tokAt(t, at)?.low !== "'s" && tokAt(t, at)?.low !== "’s") return -1;
  let e = at + 1;
  while (e < t.length && e - at - 1 < MAX_POSSESSED && t[e]!.kind === "word" && !t[e]!.cap) e++;
  const head = tokAt(t, e - 1);
  const closes = e === t.length || t[e]!.kind === "punct";
  return e > at + 1 && closes && head !== undefined && /[^s]s$/.test(head.low) ? e : -1;
}

/** Most tokens of the outlet in "quoted by OUTLET as saying". */
const MAX_QUOTING_OUTLET = 6;
/**
 * "X was quoted as saying", "X is quoted saying", "X has been quoted as saying": for the participle at `start`, the
 * index of the "be" form before "quoted" (the subject ends right before it), or -1.
 */
function quotedAsSaying(t: readonly Tok[], start: number): number {
  let k = start - 1;
  if (tokAt(t, k)?.low === "as") k--;
  // "Putin was quoted by Interfax as saying": the agent is the outlet that quotes, not the speaker.
  for (let j = k - 1; j >= Math.max(0, k - MAX_QUOTING_OUTLET) && tokAt(t, k)?.low !== "quoted"; j--)
    if (t[j]!.low === "quoted" && tokAt(t, j + 1)?.low === "by") k = j;
  if (tokAt(t, k)?.low !== "quoted") return -1;
  k--;
  while (k >= 0 && (isLyAdverb(t[k]) || t[k]!.low === "also")) k--;
  if (!BE_FORMS.has(tokAt(t, k)?.low ?? "")) return -1;
  if (t[k]!.low === "been" && (tokAt(t, k - 1)?.low === "has" || tokAt(t, k - 1)?.low === "have")) k--;
  return k;
}

/** The audience of "told": "RT", "CNN", "reporters", "the Associated Press". Returns the token end of the cue. */
function audienceEnd(ctx: SentenceCtx, from: number): number {
  const t = toks(ctx);
  let i = from;
  if (t[i]?.low === "the") i++;
  const w = t[i];
  if (!isWord(w)) return from;
  if (ctx.lex.nouns.get(w.low)?.has("audience")) return i + 1;
  if (isNameWord(w)) {
    const chain = chainAround(ctx, i);
    return chain && chain.start === i ? chain.end : i + 1;
  }
  return from;
}

function reportingProposal(ctx: SentenceCtx, mem: ArticleMemory, start: number, end: number, entry: ReportingEntry): AttributionProposal | null {
  const t = toks(ctx);
  const verb = t[start]!;
  if (verb.cap && start > 0) return null;
  // "The NAO report said": a reporting word right before another reporting verb is a noun.
  if (ctx.lex.reporting.longestAt(t, end)) return null;
  if (entry.kind === "according") {
    const next = tokAt(t, end);
    if (!next || RELATIVE_PRONOUNS.has(next.low)) return null;
    let np = phraseStartingAt(ctx, end);
    // "according to Obama's longtime detractors": a possessor's people are an unnamed source, not the possessor.
    const possessed = np && np.kind === "name" ? possessedPeople(ctx, np.end) : -1;
    if (possessed > 0) {
      const unnamed = unnamedSource(ctx, mem, end, possessed);
      if (unnamed) return { rule: "actor.according_to", tier: ATTRIBUTION_TIER["actor.according_to"], at: start, actor: unnamed, cue: { start, end }, negated: false };
    }
    // "according to a 2013 article in The Daily Courier": the first name within the phrase.
    for (let k = end; (!np || np.kind === "group") && k < Math.min(t.length, end + 8) && t[k]!.low !== ","; k++) {
      const chain = isNameWord(tokAt(t, k)) ? chainAround(ctx, k) : null;
      if (chain) np = parseChain(ctx, chain.start, chain.end);
    }
    // "according to the data", "according to show insiders": no name, an unnamed source up to the clause's end.
    if (!np) {
      let e = end;
      while (e < t.length && e - end < 8 && (t[e]!.kind === "word" || t[e]!.kind === "num" || t[e]!.raw === "-")) e++;
      const unnamed = e > end && (e === t.length || t[e]!.kind === "punct") ? unnamedSource(ctx, mem, end, e) : null;
      return unnamed ? { rule: "actor.according_to", tier: ATTRIBUTION_TIER["actor.according_to"], at: start, actor: unnamed, cue: { start, end }, negated: false } : null;
    }
    return { rule: "actor.according_to", tier: ATTRIBUTION_TIER["actor.according_to"], at: start, actor: resolveSubject(ctx, mem, np), cue: { start, end }, negated: false };
  }
  // "Blair told to double aid" (a headline's passive) credits nobody.
  if (entry.kind === "tell" && tokAt(t, end)?.low === "to") return null;
  const cueEnd = entry.kind === "tell" ? audienceEnd(ctx, end) : end;
  const prev = tokAt(t, start - 1);
  let before = start - 1;
  while (before >= 0 && (isLyAdverb(tokAt(t, before)) || ADVERBS_BEFORE_PARTICIPLE.has(t[before]!.low))) before--;
  const prevWord = tokAt(t, before);
  const main = mainSubject(ctx);
  const usableMain = main !== null && main.start < start && main.kind !== "group";
  // "…, Mick Mulvaney was quoted as saying.": the passive "quoted (as) saying" reports its own subject's words.
  const quotedAt = entry.participle ? quotedAsSaying(t, start) : -1;
  if (quotedAt >= 0) {
    const np = phraseEndingAt(ctx, quotedAt);
    if (np && np.kind !== "group") {
      const rule = isTrailing(ctx, np.start, cueEnd) ? "actor.trailing_reporting" : "actor.subject_reporting";
      return { rule, tier: ATTRIBUTION_TIER[rule], at: start, actor: resolveSubject(ctx, mem, np), cue: { start: t.findIndex((x, k) => k > quotedAt && x.low === "quoted"), end: cueEnd }, negated: false };
    }
  }
  if (entry.participle && (prevWord === undefined || PARTICIPLE_OPENERS.has(prevWord.low) || prevWord.kind === "close_quote")) {
    if (!usableMain) return null;
    return { rule: "actor.participle_clause", tier: ATTRIBUTION_TIER["actor.participle_clause"], at: start, actor: resolveSubject(ctx, mem, main), cue: { start, end: cueEnd }, negated: false };
  }
  const subject = subjectBefore(ctx, start, verb);
  const next = tokAt(t, cueEnd);
  const reportsContent = next !== undefined && (next.low === ":" || next.low === "that" || next.kind === "open_quote");
  if (!subject && usableMain && (entry.participle ? reportsContent : tokAt(t, main.end)?.low === ",")) {
    // "Mr Houston was quoted in the Herald saying", "Mark Serwotka, from the PCS union said": the main subject.
    return { rule: entry.participle ? "actor.participle_clause" : "actor.subject_reporting", tier: ATTRIBUTION_TIER[entry.participle ? "actor.participle_clause" : "actor.subject_reporting"], at: start, actor: resolveSubject(ctx, mem, main), cue: { start, end: cueEnd }, negated: false };
  }
  const negated = tokAt(t, start - 1)?.low === "not" || tokAt(t, start - 1)?.low === "never";
  if (subject && "coordinated" in subject) return { rule: "actor.subject_reporting", tier: ATTRIBUTION_TIER["actor.subject_reporting"], at: start, actor: null, cue: { start, end: cueEnd }, negated: false };
  if (subject) {
    const rule = !subject.elided && isTrailing(ctx, subject.np.start, cueEnd) ? "actor.trailing_reporting" : entry.kind === "tell" ? "actor.told_outlet" : "actor.subject_reporting";
    return { rule, tier: ATTRIBUTION_TIER[rule], at: start, actor: resolveSubject(ctx, mem, subject.np), cue: { start, end: cueEnd }, negated };
  }
  // Passive with an agent: "proposals announced by the Trade and Industry Secretary Patricia Hewitt".
  if (!subject && tokAt(t, cueEnd)?.low === "by") {
    const agent = phraseStartingAt(ctx, cueEnd + 1);
    if (agent && (agent.kind === "name" || agent.kind === "role")) return { rule: "actor.passive_agent", tier: ATTRIBUTION_TIER["actor.passive_agent"], at: start, actor: resolveSubject(ctx, mem, agent), cue: { start, end: cueEnd }, negated: false };
  }
  // Inverted: "…,” said Macron." / "…, said the Russian president."
  if (prev && (prev.low === "," || prev.kind === "close_quote")) {
    const np = phraseStartingAt(ctx, end);
    // The phrase must close the clause ("…, said Macron." / "…, said X, a volcanologist"), not start one ("reveal Washington's sense").
    let after = np ? tokAt(t, np.end) : undefined;
    // "…, said the US Federal Communications Commission (FCC)." — the bracketed acronym belongs to the name.
    if (np && after?.raw === "(" && tokAt(t, np.end + 1)?.acro && tokAt(t, np.end + 2)?.raw === ")") after = tokAt(t, np.end + 3);
    const closes = after === undefined || AFTER_TRAILING_VERB.has(after.low);
    if (np && np.kind !== "pronoun" && closes) return { rule: "actor.inverted_reporting", tier: ATTRIBUTION_TIER["actor.inverted_reporting"], at: start, actor: resolveSubject(ctx, mem, np), cue: { start, end }, negated: false };
  }
  return null;
}

/** Proposals of the reporting-lexicon rules (reporting.csv phrases outside quotes, leftmost-longest): trailing, inverted and subject reporting, "according to", passive agents, "told", participle clauses. */
export function reportingProposals(ctx: SentenceCtx, mem: ArticleMemory, out: AttributionProposal[]): void {
  const t = toks(ctx);
  // Skipped when no word of the sentence starts a reporting phrase.
  if (!ctx.lex.reporting.mayOccur(ctx.firstFlags)) return;
  // A verb inside a quote belongs to the quoted content.
  ctx.lex.reporting.scan(t, (m) => {
    const p = reportingProposal(ctx, mem, m.start, m.end, m.value);
    if (p) out.push(p);
  }, { startAt: (i) => !t[i]!.quoted });
}

/** The subject of a stance verb is credited only when the verb takes a position on a target ("Zelensky rejected the buffer zone"). */
export function stanceSubjectProposals(ctx: SentenceCtx, mem: ArticleMemory, governing: ReadonlyMap<number, number>, out: AttributionProposal[]): void {
  const t = toks(ctx);
  for (const [start, end] of governing) {
    const verb = t[start]!;
    if (verb.quoted || verb.cap) continue;
    const subject = subjectBefore(ctx, start, verb);
    if (!subject) continue;
    const actor = "np" in subject ? resolveSubject(ctx, mem, subject.np) : null;
    out.push({ rule: "actor.stance_subject", tier: ATTRIBUTION_TIER["actor.stance_subject"], at: start, actor, cue: { start, end }, negated: false });
  }
}

/** Headline-style quote holder: "Trump: “NO NATO”". */
export function colonQuoteProposal(ctx: SentenceCtx, mem: ArticleMemory): AttributionProposal | null {
  const t = toks(ctx);
  for (let i = 1; i < t.length - 1; i++) {
    const w = t[i]!;
    // A transcript paragraph in quote marks opens with its speaker ("\"WALLACE: …"): that colon counts.
    if (w.low !== ":" || (w.quoted && !(i <= 4 && t[0]!.kind === "open_quote"))) continue;
    const next = t[i + 1]!;
    const quoted = next.kind === "open_quote" || next.raw === "‘" || next.raw === "'";
    const np = phraseEndingAt(ctx, i);
    if (!np || np.kind === "pronoun" || np.kind === "group") continue;
    if (np.start > 0 && t[np.start - 1]!.kind === "word") continue;
    // "Pence: Gennifer Flowers Won't Be at Debate", "\"WALLACE: Let's start …": a name opening the sentence (a
    // headline, a transcript's speaker) holds what follows the colon even without quote marks.
    const opens = np.start === 0 || (np.start === 1 && t[0]!.kind === "open_quote");
    if (!quoted && !(opens && np.kind === "name" && isWord(next) && (next.cap || next.kind === "word") && t.length - i > 3)) continue;
    const actor = resolveSubject(ctx, mem, np);
    if (actor) return { rule: "actor.colon_quote", tier: ATTRIBUTION_TIER["actor.colon_quote"], at: i, actor, cue: { start: i, end: i + 1 }, negated: false };
  }
  return null;
}

/** Headline credit after a dash: "Putin backs ‘security guarantees’ for Ukraine – Trump". */
export function dashCreditProposal(ctx: SentenceCtx, mem: ArticleMemory): AttributionProposal | null {
  const t = toks(ctx);
  let end = t.length;
  while (end > 0 && isEndPunct(t[end - 1]) && t[end - 1]!.kind === "punct") end--;
  for (let d = end - 2; d >= Math.max(1, end - 6); d--) {
    const w = t[d]!;
    if (!isSpacedDash(ctx.text, w) || w.quoted) continue;
    const chain = chainAround(ctx, d + 1);
    if (!chain || chain.start !== d + 1 || chain.end !== end) return null;
    const np = parseChain(ctx, chain.start, chain.end);
    if (!np || np.kind !== "name") return null;
    const actor = mem.resolveName(ctx, np);
    return actor ? { rule: "actor.dash_credit", tier: ATTRIBUTION_TIER["actor.dash_credit"], at: d, actor, cue: { start: d, end: d + 1 }, negated: false } : null;
  }
  return null;
}
