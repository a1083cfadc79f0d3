// The tagger's attribution for a sentence the rules leave without an actor:
// its cue run, the source run next to it resolved to an actor with the rules'
// own machinery (name chains, roles, pronouns; any other noun phrase is an
// unnamed source), and its content run. Rule id actor.model, content.model.
import { ATTRIBUTION_TIER, type AttributionProposal } from "../rules/attribution.ts";
import { C, S, T, runsOf, tagSentence, viewSentence, type TaggerModel } from "./model.ts";
import { cueClasses, cueCounts, type CueClasses } from "../lexicon/cue-classes.ts";
import type { ArticleMemory, Resolved } from "../grammar/entities.ts";
import type { SentenceCtx } from "../grammar/names.ts";
import { phraseEndingAt, phraseStartingAt, tagBefore } from "../grammar/noun-phrases.ts";
import { nounWord, repairSourceRun } from "../grammar/source-run.ts";
import { resolveSubject } from "../grammar/subjects.ts";
import { gateMemo, memoOf } from "./word-memo.ts";
import { unnamedSource } from "../grammar/unnamed.ts";
import { BE_FORMS, PRONOUNS, RELATIVE_PRONOUNS, WEEKDAYS, isLyAdverb } from "../tokens/words.ts";

export interface ModelAttribution {
  proposal: AttributionProposal;
  /** Token range of the content, or null when the tagger marked none. */
  content: { start: number; end: number } | null;
}

interface Pair {
  cue: { start: number; end: number };
  /** The source the run stands for (nominalSource). */
  src: { start: number; end: number };
  /** The tagger's source run, which the gaps are measured from. */
  run: { start: number; end: number };
  gap: number;
}

/** How much more cue-like (cues.csv rate) another cue of the same source must be to be taken instead of the nearest. */
const CUE_RATE_MARGIN = 0.2;

/** The highest cues.csv rate among the words of a cue run. */
function cueRunRate(ctx: SentenceCtx, cue: { start: number; end: number }, rates: ReadonlyMap<string, number>): number {
  let best = 0;
  for (let k = cue.start; k < cue.end; k++) best = Math.max(best, rates.get(ctx.toks[k]!.low) ?? 0);
  return best;
}

/** Most tokens between a cue run and its source run. */
const MAX_GAP = 8;

/** Tokens between a source run and a cue run (0 when they touch or overlap). */
function gapBetween(src: { start: number; end: number }, cue: { start: number; end: number }): number {
  return src.end <= cue.start ? cue.start - src.end : src.start >= cue.end ? src.start - cue.end : 0;
}

/**
 * `withheld`: token ranges of "unconfirmed" hedges ("declined to comment", "has yet to confirm"): PolNeAR counts
 * them as attributions, the project's contract does not (no claim is made), so a model cue there is not taken.
 */
export function modelAttribution(ctx: SentenceCtx, mem: ArticleMemory, model: TaggerModel, startsInQuote: boolean, withheld: readonly { start: number; end: number }[]): ModelAttribution | null {
  const classes = cueClasses();
  if (!mayAttribute(ctx, model, classes)) return null;
  const tags = tagsOf(model, ctx.lex, ctx.text, ctx.toks, startsInQuote);
  const cues: { start: number; end: number; by: number }[] = [];
  for (const run of runsOf(tags, C)) {
    const r = withoutTime(ctx.toks, run, "leading");
    if (ctx.toks[r.start]!.quoted || withheld.some((x) => x.start < r.end && r.start < x.end) || !cueCounts(classes, ctx.toks, r.start, r.end)) continue;
    // "drawing criticism from the West", "has faced sharp criticism", "enjoyed tremendous support": the subject of a
    // verb of receiving is the target of the reaction, not its source.
    if (receivedCue(ctx, r) === AGENTLESS) continue;
    const by = passive(ctx, r);
    if (by !== NOT_PASSIVE && by !== AGENTLESS) cues.push({ start: r.start, end: r.end, by });
    else if (by === NOT_PASSIVE) cues.push({ start: r.start, end: r.end, by: -1 });
  }
  if (cues.length === 0) return null;
  const sources = runsOf(tags, S);
  // The cue whose source is nearest (before or after it); a passive cue's source is its agent ("was rebuked by opponents").
  let best: Pair | null = null;
  /** Each cue's nearest source, for the nested-report check below. */
  const pairs: Pair[] = [];
  for (const cue of cues) {
    const owner = cue.by < 0 ? possessorRun(ctx, cue.start) : null;
    const candidates = owner ? [owner] : cue.by < 0 ? sources : [agentRun(ctx, cue.by, sources)].filter((x) => x !== null);
    let mine: Pair | null = null;
    for (const run of candidates) {
      if (cue.by < 0 && run.start >= cue.end && reducedPassive(ctx, cue)) continue;
      const gap = gapBetween(run, cue);
      if (gap <= MAX_GAP && (!mine || gap < mine.gap)) mine = { cue: { start: cue.start, end: cue.end }, src: run, run, gap };
    }
    if (!mine) continue;
    // The nearest run must name someone; a cue whose nearest run names nothing has no source (not a farther one).
    const src = nominalSource(ctx, mine.run, cue);
    if (!src) continue;
    mine.src = src;
    pairs.push(mine);
    if (!best || mine.gap < best.gap) best = mine;
  }
  if (!best) return null;
  // "A Quinnipiac University poll … found that 74 percent of likely voters said …": a report inside another's
  // that-clause is part of what the outer source claims; the outer one is the sentence's attribution.
  const outer = pairs.find((p) => p.cue.end <= best!.src.start && p.cue.end < best!.cue.start && ctx.toks[p.cue.end]?.low === "that" && p.src.end <= p.cue.start);
  if (outer) best = outer;
  // Several cues of one source ("A reporter … spotted Stein … and reported her presence", "A report released last year
  // found"): the most cue-like one (cues.csv rate of its words) is the report; actions and participles rarely are.
  if (model.cueRate) {
    let rate = cueRunRate(ctx, best.cue, model.cueRate);
    for (const cue of cues) {
      if (cue.start === best.cue.start || cue.by >= 0) continue;
      const { src, run }: Pair = best;
      const gap = gapBetween(run, cue);
      const r = cueRunRate(ctx, cue, model.cueRate);
      if (gap <= MAX_GAP && r > rate + CUE_RATE_MARGIN && !(run.start >= cue.end && reducedPassive(ctx, cue))) {
        rate = r;
        best = { cue: { start: cue.start, end: cue.end }, src, run, gap };
      }
    }
  }
  if (conceded(ctx, best.src, best.cue)) return null;
  const run = repairSourceRun(ctx, best.src, best.cue);
  const actor = resolveRun(ctx, mem, run.start, run.end);
  if (!actor) return null;
  const contents = runsOf(tags, T);
  let content: { start: number; end: number } | null = null;
  if (contents.length > 0) content = { start: contents[0]!.start, end: contents[contents.length - 1]!.end };
  return { proposal: { rule: "actor.model", tier: ATTRIBUTION_TIER["actor.model"], at: best.cue.start, actor, cue: best.cue, negated: false }, content };
}

/**
 * The tags of a sentence. They are a function of its text and whether it starts inside a quote (its tokens are:
 * tokenizeSentence), the model and the lexicons; wire copy repeats sentences verbatim (7% of the tagged sentences of
 * FNC-1), so a repeated sentence is not tagged again (the model's memo, word-memo.ts). The memo is cleared when it
 * is full.
 */
const TAG_MEMO_SIZE = 50_000;

/** `toks`: tokenizeSentence(text, startsInQuote).toks. The array returned is shared: not to be written. */
export function tagsOf(model: TaggerModel, lex: SentenceCtx["lex"], text: string, toks: SentenceCtx["toks"], startsInQuote: boolean): Uint8Array {
  const memo = memoOf(model);
  if (memo.tagsLex !== lex) (memo.tagsLex = lex), memo.tags.clear();
  const key = (startsInQuote ? "1" : "0") + text;
  let tags = memo.tags.get(key);
  if (tags === undefined) {
    tags = tagSentence(model, viewSentence(toks, lex, startsInQuote, model.cueRate, memo));
    if (memo.tags.size >= TAG_MEMO_SIZE) memo.tags.clear();
    memo.tags.set(key, tags);
  }
  return tags;
}

/**
 * The tagger runs only on a sentence with a cue-like word outside quotes (cues.csv rate at least MIN_CUE_RATE, of a
 * class whose cues are taken), a colon or a dash: its cost is per token, and a sentence with none of them is almost never an attribution.
 */
const MIN_CUE_RATE = 0.1;

export function mayAttribute(ctx: Pick<SentenceCtx, "toks" | "lex">, model: TaggerModel, classes: CueClasses): boolean {
  const rates = model.cueRate;
  if (!rates) return true;
  // A lexicon word's verdict is looked up once per model and vocabulary (word-memo.ts).
  const pass = gateMemo(memoOf(model), ctx.lex.vocab, rates, classes).pass;
  for (const t of ctx.toks) {
    if (t.quoted) continue;
    if (t.kind === "punct") {
      if (t.raw === ":" || t.raw === "—" || t.raw === "―" || t.raw === "–") return true;
    } else if (t.id !== 0) {
      if (pass[t.id] === 0) pass[t.id] = letsThrough(rates, classes, t.low) ? 2 : 1;
      if (pass[t.id] === 2) return true;
    } else if (letsThrough(rates, classes, t.low)) return true;
  }
  return false;
}

/**
 * Whether a word outside quotes makes a sentence a candidate: "has", "also", "made", words whose cue would not be
 * taken (cue-classes.csv), do not; these frequent words let most news sentences through and cost tagging time for nothing.
 */
function letsThrough(rates: ReadonlyMap<string, number>, classes: CueClasses, low: string): boolean {
  if ((rates.get(low) ?? 0) < MIN_CUE_RATE) return false;
  const c = classes.get(low);
  return c === undefined || c === "yes";
}

/**
 * "despite the church declaring a break": a report inside the writer's concessive phrase is the writer's
 * background, not a claim of the sentence (PolNeAR counts it; the contract does not).
 */
function conceded(ctx: SentenceCtx, src: { start: number; end: number }, cue: { start: number; end: number }): boolean {
  const lo = Math.min(src.start, cue.start);
  for (let k = lo - 1; k >= 0 && k >= lo - 2; k--) if (ctx.toks[k]!.low === "despite") return true;
  return false;
}

/**
 * "was accused of", "have been blamed for", "is widely expected to", "isn't expected": a passive cue's subject is not
 * its source; nor is the noun a reduced passive follows ("the celebrations, described as the largest", "a program
 * called …"). passive() gives NOT_PASSIVE, AGENTLESS (the cue is not taken), or the index of the "by" that introduces
 * the agent ("has been criticized by some of his rivals": the source is the agent, not the subject).
 */
const NOT_PASSIVE = -1;
const AGENTLESS = -2;
/** Past participles of reporting verbs: regular ones and the irregular ("is said to", "was told", "are thought"). */
const PARTICIPLE = /(?:ed|^said|^told|^thought|^known|^seen|^shown|^written)$/;
/** Words between a form of "be" and its participle: "is widely expected", "isn't expected", "was also told". */
const BETWEEN_BE_AND_PARTICIPLE = new Set(["not", "once", "n't", "also", "still", "widely", "long", "already", "never", "often", "now", "being", "been", "generally", "largely", "increasingly", "previously", "repeatedly", "reportedly", "first"]);

function passive(ctx: SentenceCtx, r: { start: number; end: number }): number {
  const t = ctx.toks;
  const first = t[r.start]!;
  if (r.start > 0 && t[r.start - 1]!.raw === "," && /ed$/.test(first.low) && t[r.start + 1]?.low === "as") return AGENTLESS;
  // The form of "be" may be just before the run ("Trump/S is/O expected/C") or inside it; the participle is inside it.
  for (let k = Math.max(0, r.start - 1); k < r.end - 1; k++) {
    if (!BE_FORMS.has(t[k]!.low)) continue;
    let j = k + 1;
    while (j < r.end - 1 && BETWEEN_BE_AND_PARTICIPLE.has(t[j]!.low)) j++;
    if (!PARTICIPLE.test(t[j]!.low) || (j >= r.end && k < r.start)) continue;
    const by = t[j + 1]?.low === "by" ? j + 1 : t[r.end]?.low === "by" ? r.end : -1;
    return by >= 0 ? by : AGENTLESS;
  }
  return NOT_PASSIVE;
}

/**
 * "a telephone call placed to Mr. Foley's family", "a website called …": a participle right after a noun, with the
 * tagger's source after it, modifies that noun; the phrase after it is no source ("…, said Macron" has a comma).
 */
function reducedPassive(ctx: SentenceCtx, cue: { start: number; end: number }): boolean {
  const t = ctx.toks;
  if (cue.end - cue.start !== 1 || cue.start === 0 || !PARTICIPLE.test(t[cue.start]!.low)) return false;
  const prev = t[cue.start - 1]!;
  // "a record penalty imposed by the Consumer Financial Protection Bureau": the agent is the source.
  if (t[cue.end]?.low === "by") return false;
  return prev.kind === "word" && !prev.cap && !PRONOUNS.has(prev.low) && !RELATIVE_PRONOUNS.has(prev.low);
}

/**
 * "Donald Trump’s claim that …", "Mr. Obama's announcement": a statement noun's source is its possessor (not a
 * commitment or plan: "Kiev's promise to ensure human rights" is a term of a settlement, seeds/).
 */
const STATEMENT_NOUNS = new Set(["claim", "claims", "statement", "statements", "assertion", "announcement", "remarks", "comments", "comment", "argument", "accusation", "accusations", "allegation", "allegations", "warning", "warnings", "suggestion", "insistence", "contention", "belief", "assessment", "criticism", "denial", "admission", "testimony", "explanation", "complaint", "charge", "charges", "tweet", "tweets", "words", "view", "views", "prediction", "boast", "insinuation"]);

function possessorRun(ctx: SentenceCtx, cueStart: number): { start: number; end: number } | null {
  if (cueStart < 2 || ctx.toks[cueStart - 1]!.low !== "'s" || !STATEMENT_NOUNS.has(ctx.toks[cueStart]!.low)) return null;
  const np = phraseEndingAt(ctx, cueStart - 1);
  return np && np.kind !== "group" ? { start: np.start, end: np.end } : null;
}

/** Verbs whose object is a report their subject receives ("faced criticism", "drew praise", "won the support of"). */
const RECEIVING = new Set(["face", "faces", "faced", "facing", "fielded", "fielding", "draw", "draws", "drew", "drawn", "drawing", "receive", "receives", "received", "receiving", "earn", "earns", "earned", "earning", "attract", "attracts", "attracted", "attracting", "enjoy", "enjoys", "enjoyed", "enjoying", "garnered", "garnering", "weathered"]);

/**
 * AGENTLESS for a cue after a verb of receiving (within two words: "faced sharp criticism"), else -1. Not even "from"
 * gives it a source: "attracting criticism from the West" reports a reaction, it quotes no claim (seeds/ gold).
 */
function receivedCue(ctx: SentenceCtx, r: { start: number; end: number }): number {
  const t = ctx.toks;
  let k = r.start - 1;
  if (k >= 0 && RECEIVING.has(t[r.start]!.low)) return -1; // the verb itself is in the run: its object follows
  for (let n = 0; k >= 0 && n < 2 && !RECEIVING.has(t[k]!.low) && t[k]!.kind === "word"; n++) k--;
  return k >= 0 && RECEIVING.has(t[k]!.low) ? AGENTLESS : -1;
}

/** A passive cue's agent: the tagger's source run after "by" (index `by`), else the words after "by" up to a clause or phrase boundary. */
function agentRun(ctx: SentenceCtx, by: number, sources: readonly { start: number; end: number }[]): { start: number; end: number } | null {
  const marked = sources.find((s) => s.start > by && s.start <= by + 2);
  if (marked) return marked;
  const t = ctx.toks;
  let e = by + 1;
  while (e < t.length && e - by <= MAX_GAP && t[e]!.kind === "word" && !AGENT_STOP.has(t[e]!.low)) e++;
  return e > by + 1 ? { start: by + 1, end: e } : null;
}

/** Words that end a passive's agent phrase ("by some of his rivals for failing", "by opponents who …"). */
const AGENT_STOP = new Set(["for", "who", "which", "that", "in", "on", "at", "after", "before", "over", "as", "because", "and", "but", "to", "while", "during", "since"]);

/**
 * The source a tagger's source run stands for, or null when it names nothing:
 * - "Some liberals, who ordinarily cast themselves as …, now want": a run that opens a relative clause after a comma,
 *   with the cue after the clause's closing comma, stands for the clause's antecedent, the noun phrase before the comma;
 * - "… disinfectant makers scrambled/S to warn": a run of lower-case -ly adverbs, -ed verbs and relative pronouns only
 *   names nothing; its cue has no source.
 * - "Kane, the American Civil Liberties Union and other supporters cheered": a list subject that opens the sentence
 *   with a person's name is credited to that first conjunct (data/gold/README.md: the first conjunct of a shared subject).
 */
function nominalSource(ctx: SentenceCtx, run: { start: number; end: number }, cue: { start: number; end: number }): { start: number; end: number } | null {
  const t = ctx.toks;
  if (RELATIVE_PRONOUNS.has(t[run.start]!.low) && run.start > 1 && t[run.start - 1]!.low === "," && closedBefore(t, run.end, cue.start)) {
    const np = phraseEndingAt(ctx, run.start - 1);
    if (np) return { start: np.start, end: np.end };
    // A common noun phrase ("Some liberals"): the words back to the clause's start, when they are words only.
    let k = run.start - 1;
    while (k > 0 && t[k - 1]!.kind === "word" && !RELATIVE_PRONOUNS.has(t[k - 1]!.low) && run.start - 1 - k < MAX_ANTECEDENT) k--;
    return k < run.start - 1 && (k === 0 || t[k - 1]!.low === ",") ? { start: k, end: run.start - 1 } : null;
  }
  let nominal = false;
  for (let k = run.start; k < run.end && !nominal; k++) nominal = t[k]!.kind === "word" && (t[k]!.cap || !(isLyAdverb(t[k]) || /ed$/.test(t[k]!.low) || RELATIVE_PRONOUNS.has(t[k]!.low)));
  if (!nominal) return null;
  const first = firstConjunct(ctx, run);
  return first ?? withoutTime(t, run, "trailing");
}

/** Words of a time adverbial between a subject and its verb ("officials this week said", "Trump on Monday told"). */
const TIME_WORDS = new Set(["this", "last", "next", "on", "earlier", "later", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "today", "yesterday", "tonight", ...WEEKDAYS]);

/**
 * The run without the time adverbial the tagger let into it: "Federal/S officials/S this/S week/C said/C" — the cue is
 * "said", the source "Federal officials". Leading words go from a cue run, trailing ones from a source run; a run made
 * only of them is kept as it is.
 */
function withoutTime(t: SentenceCtx["toks"], run: { start: number; end: number }, side: "leading" | "trailing"): { start: number; end: number } {
  let { start, end } = run;
  if (side === "leading") while (start < end - 1 && TIME_WORDS.has(t[start]!.low) && !t[start]!.cap === !WEEKDAYS.has(t[start]!.low)) start++;
  else while (end > start + 1 && TIME_WORDS.has(t[end - 1]!.low) && !t[end - 1]!.cap === !WEEKDAYS.has(t[end - 1]!.low)) end--;
  return start === run.start && end === run.end ? run : { start, end };
}

/** Most words of a common-noun antecedent ("Some liberals, who …"). */
const MAX_ANTECEDENT = 5;

/** Does a comma close the relative clause between its run and the cue ("…, who ordinarily cast …, now want")? */
function closedBefore(t: SentenceCtx["toks"], from: number, cueStart: number): boolean {
  for (let k = from; k < cueStart; k++) if (t[k]!.low === "," && !t[k]!.quoted) return true;
  return false;
}

/** The person's name that opens a list subject ending in the run ("Kane, the ACLU and other supporters"), or null. */
function firstConjunct(ctx: SentenceCtx, run: { start: number; end: number }): { start: number; end: number } | null {
  const t = ctx.toks;
  let hasAnd = false;
  for (let k = run.start; k < run.end; k++) if (t[k]!.low === "and") hasAnd = true;
  if (!hasAnd || run.start < 2 || t[run.start - 1]!.low !== ",") return null;
  const np = phraseEndingAt(ctx, run.start - 1);
  if (!np || np.kind !== "name" || np.start !== 0) return null;
  return { start: np.start, end: np.end };
}

/** Prepositions that place people ("officials in Seoul"). */
const PLACING = new Set(["in", "from", "at"]);
/** Are tokens [start, nameStart) lower-case noun words ending in a placing preposition ("officials in")? */
function placedPeople(ctx: SentenceCtx, start: number, nameStart: number): boolean {
  const t = ctx.toks;
  if (nameStart - start < 2 || !PLACING.has(t[nameStart - 1]!.low)) return false;
  for (let k = start; k < nameStart - 1; k++) if (!nounWord(t[k]) && !(k === start && t[k]!.cap && t[k]!.kind === "word")) return false;
  return true;
}

/** Words a source run may not start or end with (the tagger's run can spill over a clause boundary). */
const EDGE_WORDS = new Set(["and", "or", "but", "who", "which", "that", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "is", "was", "are", "were", "has", "had", "have", "his", "her", "its", "their", "our", "my", "your", "'s"]);

/** The actor of source tokens [start, end): a name, role or pronoun the rules resolve, else an unnamed source. */
function resolveRun(ctx: SentenceCtx, mem: ArticleMemory, start: number, end: number): Resolved | null {
  const t = ctx.toks;
  // "who said", "which reported": the source is the relative clause's antecedent, which the tagger does not mark.
  if (end - start === 1 && RELATIVE_PRONOUNS.has(t[start]!.low)) return null;
  // "QUESTIONABLE MEDICAL CLAIMS —": a kicker in capitals is page furniture, not a source.
  if (end - start > 1 && t.slice(start, end).every((x) => x.kind !== "word" || x.acro)) return null;
  while (start < end && (t[start]!.kind !== "word" || (EDGE_WORDS.has(t[start]!.low) && end - start > 1))) start++;
  while (end > start && (t[end - 1]!.kind !== "word" || EDGE_WORDS.has(t[end - 1]!.low))) end--;
  if (end <= start) return null;
  // "Sen. John McCain (R-Ariz.) is beginning to …": a party tag or age in the run is no part of the name before it,
  // and a run inside one names that person.
  for (let k = Math.max(1, start - 1); k < end; k++) {
    if (t[k]!.raw !== "(") continue;
    let close = k + 1;
    while (close < t.length && close - k <= 8 && t[close]!.raw !== ")") close++;
    if (t[close]?.raw !== ")" || tagBefore(ctx, close + 1) !== k) continue;
    if (k <= start) {
      const named = phraseEndingAt(ctx, k);
      return named && named.kind === "name" ? resolveSubject(ctx, mem, named) : null;
    }
    end = k;
    break;
  }
  // "the church, which it accuses of …": a report inside the writer's relative clause credits nobody (the rules' reading).
  if (end - start === 1 && PRONOUNS.has(t[start]!.low) && start > 0 && RELATIVE_PRONOUNS.has(t[start - 1]!.low)) return null;
  const np = phraseEndingAt(ctx, end) ?? phraseStartingAt(ctx, start);
  // "Human rights groups", "Church groups", "One Kurdish activist": a name that only modifies the lower-case head
  // noun after it is part of an unnamed source, not the source.
  if (np && np.kind === "name" && np.end < end && t.slice(np.end, end).every((x) => nounWord(x))) return unnamedSource(ctx, mem, start, end);
  if (np && np.kind !== "group" && np.start >= start - 1 && np.end <= end + 1) {
    const r = resolveSubject(ctx, mem, np);
    // "officials in Seoul said", "diplomats from Russia": people placed by a location are an unnamed source, not the
    // country (a body's members count as the body: "investigators with the committee" is not a place).
    if (r && r.entity.type === "country" && placedPeople(ctx, start, np.start)) return unnamedSource(ctx, mem, start, end);
    if (r) return r;
    // A pronoun nobody can be found for ("I", "we" in a headline) credits no one.
    if (np.kind === "pronoun") return null;
  }
  if (end - start === 1 && PRONOUNS.has(t[start]!.low)) return null;
  return unnamedSource(ctx, mem, start, end);
}
