// Open targets: the phrase a stance predicate of open_stance.csv governs,
// whatever the topic lexicon knows ("Christie endorsed Trump", "would not
// support mass deportation", "This proposal was rejected by 64 percent …",
// "urged him not to run", "vowed to scrap Obamacare"). The stance comes from
// the predicate: negation flips it, a predicate chained onto another composes
// with it, a control verb ("urged X [not] to …") takes its complement, and a
// passive ("was rejected by …") governs its subject. Phrases of the `none`
// polarity ("accepting support from", "against the dollar", "that favors")
// are not predicates and hide the shorter predicates inside them.
import type { SentenceCtx } from "../grammar/names.ts";
import type { OpenStanceEntry } from "../lexicon/lexicons.ts";
import type { ScanMatch, PhraseTrie } from "../lexicon/phrases.ts";
import type { Tok } from "../tokens/tokenize.ts";
import { headIndex } from "../grammar/target-entity.ts";
import { BE_FORMS, isLyAdverb, isWord, wordSet } from "../tokens/words.ts";
import { failedAt, NEGATION_WORDS, negatedAt, type NegationOptions } from "./negation.ts";

export type OpenStanceRule = "stance.open_neutral" | "stance.open_predicate" | "stance.open_negated" | "stance.open_composed" | "stance.open_control" | "stance.open_passive";

export interface OpenSpan {
  start: number;
  end: number;
}

export interface OpenStanceFinding {
  rule: OpenStanceRule;
  /** neutral: a report of a position that takes none ("declined to take a position on the bill"). */
  stance: "support" | "oppose" | "neutral";
  /** Token range of the predicate (with the head it composes with). */
  predicate: OpenSpan;
  /** Token range of the governed phrase. */
  phrase: OpenSpan;
  /** The predicate's subject takes the position (active voice): attribution may credit it. */
  active: boolean;
  /** Token index of the phrase's head (target-entity.ts headIndex). */
  head: number;
}

/** A governed phrase is at most this many tokens ("a ban on Muslims entering the United States"). */
const MAX_PHRASE = 9;
const CHAIN_GAP = 2;
/** "urged Republican leaders not to …": the object between a control verb and its "to". */
const MAX_CONTROL_OBJECT = 5;
const MAX_PASSIVE_SUBJECT = 6;

/** Words that end a governed phrase: clause links, conjunctions, reporting words, time words. */
const PHRASE_STOP = wordSet(`
  and or but nor that which who whom whose because after before when while if as since until unless although though whereas
  than so yet said says saying told tells according where whether amid despite just including following
  is was were are be been being has have had will would could should can may might must do does did
  yesterday today tonight tomorrow last earlier later recently now again then instead too also
  monday tuesday wednesday thursday friday saturday sunday
  — – ; : , . ! ? ( ) [ ] “ ” " ‘ ’
`);
/** Words after which a phrase may not start: the predicate took a clause ("denied that …") or nothing. */
const NO_PHRASE_START = wordSet(`that whether if what how why when where because as and or but by of for to , . ; : ! ? — – ) “ ” "
  in on at with from into over about under during after before since until through across within without
  is was were are be been being has have had will would could should can may might must not
  he she they we i you there`);
/** Words that may stand between two predicates that compose ("refused to even consider"). */
const CHAIN_FILLER = wordSet("to not never even also ever really work try help seek move fight continue");
/** After a participle, words that make a passive of it ("was criticised over …", "has been endorsed by …"). */
const PASSIVE_NEXT = wordSet("by over for as after amid in at on during because when since following from , . ; : ! ? — –");
const TIME_NOUNS = wordSet(`monday tuesday wednesday thursday friday saturday sunday week weekend month year morning afternoon evening night
  january february march april may june july august september october november december`);
const PREPOSITIONS = wordSet("on in at for by to from with during over about of into against under");
/** Phrase-final words that are not part of a target ("rejected it outright"). */
const TRAILING = wordSet(`the a an his her their its our my your this these those of in on at for by to from with about into very more most
  outright strongly publicly repeatedly openly again altogether entirely completely immediately now 's`);
const SUBJECT_PRONOUNS = wordSet("he she they we i");
/** Short capitalised abbreviations whose dot ends no phrase ("Mrs. Clinton", "Sen. Sanders"). */
const ABBREVIATION = /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|sgt|st|jr|sr|prof|rev|hon|pres|capt|maj|adm|u\.s|d\.c)$/;

type Match = ScanMatch<OpenStanceEntry>;

/**
 * Leftmost-longest matches of a predicate trie (stance.csv, open_stance.csv: a `none` phrase hides the predicates
 * inside it). A match glued to a hyphen before it ("Clinton-backed", "U.S.-brokered") is an adjective, not a position
 * taken: it is dropped, and still hides what it covers.
 */
export function scanPredicates<V>(ctx: SentenceCtx, trie: PhraseTrie<V>): ScanMatch<V>[] {
  const out: ScanMatch<V>[] = [];
  const toks = ctx.toks;
  trie.scan(toks, (m) => {
    const glued = toks[m.start - 1]?.raw === "-" && toks[m.start - 1]!.end === toks[m.start]!.start;
    if (!glued) out.push(m);
  });
  return out;
}

const polarOf = (m: Match) => m.values.find((v) => v.polarity === "support" || v.polarity === "oppose");
const signOf = (e: OpenStanceEntry) => (e.polarity === "support" ? 1 : -1);

/** "not"/"never" (or a negation row) at most two words before, with nothing but adverbs/auxiliaries between. */
const OPEN_NEGATION: NegationOptions = { through: (t) => isWord(t) && !PHRASE_STOP.has(t.low) };

/** Does the quote opening at `k` close at the sentence's end (only punctuation after its closing mark)? */
function quoteEndsSentence(toks: readonly Tok[], k: number): boolean {
  let e = k + 1;
  while (e < toks.length && toks[e]!.kind !== "close_quote") e++;
  if (e >= toks.length) return true;
  for (let j = e + 1; j < toks.length; j++) if (toks[j]!.kind === "word" || toks[j]!.kind === "num") return false;
  return true;
}

/** Does the phrase end here: a stop word, a time phrase ("last week", "on Monday"), the sentence end? */
function endsAt(toks: readonly Tok[], k: number, start: number): boolean {
  const t = toks[k];
  if (!t) return true;
  // Quote marks are transparent ("a “blanket policy” of …"); phraseAfter trims them at the ends.
  // …except a quote that closes the sentence after a phrase already begun: "fight the news media “tooth and nail.”" (a
  // quoted manner phrase after the object), not "a “blanket policy” of", "the nascent “Neocons For Hillary” movement".
  if (t.kind === "open_quote" && k > start + 1 && toks[k - 1]!.kind === "word" && !TRAILING.has(toks[k - 1]!.low) && !PREPOSITIONS.has(toks[k - 1]!.low) && quoteEndsSentence(toks, k)) return true;
  if (t.kind === "open_quote" || t.kind === "close_quote") return false;
  const prev = toks[k - 1];
  const glued = prev !== undefined && prev.end === t.start;
  if (t.raw === "." && glued && k > start && ABBREVIATION.test(prev.low)) return false;
  // "Sanders’ approach": an apostrophe glued to a word in -s is a possessive.
  if ((t.raw === "’" || t.raw === "'") && glued && k > start && /s$/i.test(prev.raw) && toks[k + 1]?.kind === "word") return false;
  if (PHRASE_STOP.has(t.low) || t.kind === "punct") return !(t.raw === "-" && k > start) && !(t.low === "'s");
  // "dismissed reports he told …": a subject pronoun starts a clause.
  if (k > start && SUBJECT_PRONOUNS.has(t.low)) return true;
  const next = toks[k + 1];
  if ((t.low === "this" || t.low === "next") && next && TIME_NOUNS.has(next.low)) return true;
  if (PREPOSITIONS.has(t.low) && next && (TIME_NOUNS.has(next.low) || next.kind === "num")) return true;
  return false;
}

/** The phrase starting at token `s` (after a predicate): up to a clause boundary, a time phrase or MAX_PHRASE tokens. */
export function phraseAfter(ctx: SentenceCtx, s: number): OpenSpan | null {
  const toks = ctx.toks;
  while (isLyAdverb(toks[s])) s++;
  const first = toks[s];
  if (!first || NO_PHRASE_START.has(first.low) || (first.kind !== "word" && first.kind !== "num" && first.kind !== "open_quote")) return null;
  let e = s;
  while (e < toks.length && e - s < MAX_PHRASE && !endsAt(toks, e, s)) e++;
  // A quoted phrase is taken whole when it closes soon ("endorsed “Neocons for Hillary”").
  while (e > s && (TRAILING.has(toks[e - 1]!.low) || toks[e - 1]!.kind === "open_quote" || toks[e - 1]!.raw === "’" || toks[e - 1]!.raw === "'")) e--;
  while (s < e && toks[s]!.kind === "open_quote") s++;
  // An unbalanced closing quote at the end belongs to the sentence, not the phrase.
  if (e > s && toks[e - 1]!.kind === "close_quote" && !toks.slice(s, e - 1).some((t) => t.kind === "open_quote")) e--;
  if (e <= s || !toks.slice(s, e).some((t) => t.kind === "word")) return null;
  return { start: s, end: e };
}

/** The subject before a be-form at `be` ("This proposal was rejected"): back to a clause boundary. */
function subjectBefore(ctx: SentenceCtx, be: number): OpenSpan | null {
  const toks = ctx.toks;
  let s = be;
  while (s > 0 && be - s < MAX_PASSIVE_SUBJECT) {
    const t = toks[s - 1]!;
    if (t.kind !== "word" && !(t.raw === "-" && s - 1 > 0)) break;
    // "The Ministry of Defence has been criticised": "of" may link the subject's parts, other prepositions end it.
    if (PHRASE_STOP.has(t.low) || (PREPOSITIONS.has(t.low) && t.low !== "of") || t.low === "it" || t.low === "there") break;
    s--;
  }
  if (s === be) return null;
  // A relative pronoun or a lone pronoun subject names no target here.
  if (s === be - 1 && /^(he|she|they|we|i|you)$/.test(toks[s]!.low)) return null;
  return { start: s, end: be };
}

/** Index of the be-form of a passive ending right before `start` ("was rejected", "has been widely condemned"), or -1. */
function passiveBe(ctx: SentenceCtx, start: number): number {
  let k = start - 1;
  while (k >= 0 && (isLyAdverb(ctx.toks[k]) || ctx.toks[k]!.low === "also" || ctx.toks[k]!.low === "not" || ctx.toks[k]!.low === "never")) k--;
  if (k < 0 || !BE_FORMS.has(ctx.toks[k]!.low)) return -1;
  // "been" after "has"/"have": the subject is before the auxiliary.
  while (k > 0 && BE_FORMS.has(ctx.toks[k - 1]!.low)) k--;
  if (k > 0 && /^(has|have|had|will|would|could|should|may|might|must|can)$/.test(ctx.toks[k - 1]!.low)) k--;
  return k;
}

/** "was rejected by …", "was endorsed.": a participle after a be-form, followed by "by" or nothing governed. */
function isPassive(ctx: SentenceCtx, p: Match): boolean {
  const last = ctx.toks[p.end - 1]!.low;
  if (!/(?:ed|en|wn|lt|ught)$/.test(ctx.toks[p.start]!.low) || /^(to|for|of|with|on|from|against)$/.test(last)) return false;
  const next = ctx.toks[p.end];
  return next === undefined || PASSIVE_NEXT.has(next.low) || next.kind === "close_quote";
}

/** Does token `i` lie in one of `zones` (token ranges where predicates take no position)? */
export function inZones(zones: readonly OpenSpan[], i: number): boolean {
  for (const z of zones) if (i >= z.start && i < z.end) return true;
  return false;
}

/** Token ranges from each word of `openers` to the next comma (or the sentence end). */
export function clausesToComma(ctx: SentenceCtx, openers: ReadonlySet<string>): OpenSpan[] {
  const out: OpenSpan[] = [];
  for (let i = 0; i < ctx.toks.length; i++) {
    if (!openers.has(ctx.toks[i]!.low)) continue;
    let e = i + 1;
    while (e < ctx.toks.length && ctx.toks[e]!.low !== ",") e++;
    out.push({ start: i, end: e });
  }
  return out;
}

/** From "whether" to the next comma: an open question takes no position. */
const QUESTION_OPENERS = wordSet("whether");

/** Words that end a proposal's clause besides a comma: "He has proposed X and signaled support for Y" supports Y. */
const PROPOSAL_END = wordSet("and but ; : while whereas");

/** From each proposal verb (stance_classes.csv class proposal) to the next comma or coordinated clause: no position there. */
function proposalClauses(ctx: SentenceCtx): OpenSpan[] {
  const words = ctx.lex.proposalWords;
  if (words.size === 0) return [];
  const out: OpenSpan[] = [];
  for (let i = 0; i < ctx.toks.length; i++) {
    if (!words.has(ctx.toks[i]!.low)) continue;
    let e = i + 1;
    while (e < ctx.toks.length && ctx.toks[e]!.low !== "," && !PROPOSAL_END.has(ctx.toks[e]!.low)) e++;
    out.push({ start: i, end: e });
  }
  return out;
}

/** "urged Republicans not to nominate Trump": the object, then [not] to + a verb phrase within a few words. */
function controlComplement(ctx: SentenceCtx, p: Match): { to: number; negated: boolean } | null {
  const toks = ctx.toks;
  for (let k = p.end; k < toks.length && k - p.end <= MAX_CONTROL_OBJECT + 1; k++) {
    const t = toks[k]!;
    if (t.low === "to" && k > p.end) return { to: k, negated: NEGATION_WORDS.has(toks[k - 1]!.low) };
    if (!isWord(t) || (PHRASE_STOP.has(t.low) && t.low !== "not")) return null;
  }
  return null;
}

/** "warned the Fed against …": the index of "against" after the predicate and an object of a few words, or -1. */
function againstAfter(ctx: SentenceCtx, p: Match): number {
  const toks = ctx.toks;
  for (let k = p.end; k < toks.length && k - p.end <= MAX_CONTROL_OBJECT; k++) {
    const t = toks[k]!;
    if (t.low === "against") return k;
    if (!isWord(t) || PHRASE_STOP.has(t.low)) return -1;
  }
  return -1;
}

/** Is the to-complement of a control predicate [start, end) negated ("urged him not to …")? */
function negatedControl(ctx: SentenceCtx, pred: OpenSpan): boolean {
  return NEGATION_WORDS.has(ctx.toks[pred.end - 2]?.low ?? "");
}

/** Every open position the sentence takes, left to right; `zones` are token ranges where predicates take none. */
export function findOpenStance(ctx: SentenceCtx, given: readonly OpenSpan[]): OpenStanceFinding[] {
  // Most sentences hold no word that starts a predicate phrase: their scan is skipped.
  if (!ctx.lex.openStance.mayOccur(ctx.firstFlags)) return [];
  const matches = scanPredicates(ctx, ctx.lex.openStance);
  if (matches.length === 0) return [];
  // A proposal is no position ("suggested that the court could dismiss the case"): its clause takes none.
  const zones = [...given, ...clausesToComma(ctx, QUESTION_OPENERS), ...proposalClauses(ctx)];
  const out: OpenStanceFinding[] = [];
  const used = new Set<Match>();
  for (const p of matches) {
    if (p.values.some((v) => v.polarity === "neutral")) {
      const phrase = inZones(zones, p.start) ? null : phraseAfter(ctx, p.end);
      if (phrase) out.push({ rule: "stance.open_neutral", stance: "neutral", predicate: { start: p.start, end: p.end }, phrase, active: true, head: headIndex(ctx, phrase) });
      continue;
    }
    // "failed to embrace X": a failure head and the predicate it governs take no position.
    if (p.values.some((v) => v.polarity === "failure") || failedAt(ctx, p.start)) continue;
    const polar = polarOf(p);
    // A complement-only predicate ("drop out", "avoid") takes a position only after another ("urged him to drop out").
    if (!polar || polar.frame === "complement" || used.has(p) || inZones(zones, p.start)) continue;
    let sign = signOf(polar);
    let rule: OpenStanceRule = "stance.open_predicate";
    if (negatedAt(ctx, matches, p.start, OPEN_NEGATION)) {
      sign = -sign;
      rule = "stance.open_negated";
    }
    let pred: OpenSpan = { start: p.start, end: p.end };
    let from = p.end;
    /** The object of a control verb ("urged Republicans not to …"): the target when the complement has none ("… to drop out"). */
    let controlled: OpenSpan | null = null;
    /** The control verb's own sign, negation of its complement included ("urged him not to …"). */
    let controlSign = sign;
    if (polar.frame === "control") {
      const c = controlComplement(ctx, p);
      if (c) {
        if (c.negated) sign = -sign;
        controlSign = sign;
        rule = "stance.open_control";
        controlled = { start: p.end, end: c.negated ? c.to - 1 : c.to };
        from = c.to + 1;
        pred = { start: p.start, end: c.to + 1 };
      } else if (polar.mined) continue;
    }
    // "warned China against provocative behavior", "cautioned against drawing …": the position is on what follows
    // "against" (the object between, if any, is who is warned); with no "against" the verb takes none ("warned that …").
    if (polar.frame === "against") {
      const a = againstAfter(ctx, p);
      if (a < 0) continue;
      pred = { start: p.start, end: a + 1 };
      from = a + 1;
    }
    // "refused to accept", "vowed to scrap": compose with a predicate starting right after (only fillers between).
    // Right after a head that ends in a verb (not in "to", "for", "of" …) a predicate word is the head's object, not a
    // second predicate: "endorsed accused child molester Roy Moore", "criticised attempts to bring in …".
    const tail = matches.find((q) => q !== p && q.start >= from && q.start - from <= CHAIN_GAP && polarOf(q) !== undefined && !used.has(q) && !(q.start === from && !PREPOSITIONS.has(ctx.toks[from - 1]!.low)));
    if (tail && ctx.toks.slice(from, tail.start).every((t) => CHAIN_FILLER.has(t.low) || isLyAdverb(t))) {
      if (negatedAt(ctx, matches, tail.start, OPEN_NEGATION) && tail.start > from) sign = -sign;
      sign *= signOf(polarOf(tail)!);
      if (rule !== "stance.open_control") rule = "stance.open_composed";
      used.add(tail);
      pred = { start: p.start, end: tail.end };
      from = tail.end;
      // "refused to allow Trump to start building his wall": a control verb as the second predicate takes its complement.
      const tailFrame = polarOf(tail)!.frame;
      const tc = tailFrame === "control" ? controlComplement(ctx, tail) : null;
      if (tc) {
        if (tc.negated) sign = -sign;
        controlled = { start: tail.end, end: tc.negated ? tc.to - 1 : tc.to };
        controlSign = sign;
        from = tc.to + 1;
        pred = { start: p.start, end: tc.to + 1 };
      }
    }
    let phrase: OpenSpan | null = null;
    let active = true;
    const be = (rule === "stance.open_predicate" || rule === "stance.open_negated") && polar.frame !== "against" ? passiveBe(ctx, p.start) : -1;
    if (be >= 0 && isPassive(ctx, p)) {
      phrase = subjectBefore(ctx, be);
      active = false;
      rule = "stance.open_passive";
    } else if (controlled && !tail && !negatedControl(ctx, pred) && ctx.toks[p.end - 1]!.low === "for") {
      // "called for a special prosecutor to investigate …": what is called for is the object, not the errand.
      phrase = phraseAfter(ctx, p.end);
      rule = "stance.open_predicate";
    } else {
      phrase = phraseAfter(ctx, from);
      // "urged Trump to drop out of the race", "called on him to resign": a complement predicate with no object of
      // its own leaves the complement itself as the target, and the control verb's stance on it (claim-records §4:
      // "control verb: the complement"); with an object it composes ("urged X to avoid Y" opposes Y).
      if (!phrase && controlled && tail && polarOf(tail)!.frame === "complement") {
        phrase = phraseAfter(ctx, tail.start);
        sign = controlSign;
      }
      phrase ??= controlled && controlled.end > controlled.start ? controlled : null;
    }
    // A chain head ("voted to", "moved to") takes a position only through the predicate it composes with
    // ("voted to end X" opposes X; "voted to join Russia" takes none).
    // Negated, a chain head with no predicate after it refuses its complement: "will not vote to raise the debt
    // ceiling" opposes raising it.
    if (polar.frame === "chain" && !tail) {
      if (rule !== "stance.open_negated") continue;
      phrase = phraseAfter(ctx, from);
    }
    if (!phrase) continue;
    out.push({ rule, stance: sign > 0 ? "support" : "oppose", predicate: pred, phrase, active, head: headIndex(ctx, phrase) });
  }
  return out;
}
