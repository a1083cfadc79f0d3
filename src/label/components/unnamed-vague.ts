// Component "unnamed_vague": every unnamed source is a vague source
// (docs/claim-records.md §3: "officials said", "a former anchor told him",
// "according to a high-ranking official" are credited to an unnamed actor AND
// hedged `vague`). A mechanism over the attribution's winner, not a list of
// phrases: when the sentence's actor was resolved as unnamed (grammar/unnamed.ts),
// its source phrase — with the reporting cue when the cue is next to it —
// becomes a vague hedge (rule hedge.unnamed_source). Not vague: a singular
// definite phrase ("The governor of Kentucky says", "The opinion said"), which
// points at one holder the article names; a poll share ("55 percent of voters
// think"), which is a measured group.
import type { Component } from "../component.ts";
import type { SentenceState } from "../doc.ts";
import { isTitleWord, type SentenceCtx } from "../grammar/names.ts";
import type { HedgeFinding } from "../rules/hedges.ts";
import type { Tok } from "../tokens/tokenize.ts";

/** Determiners of a singular source that is no one in particular. */
const INDEFINITE = new Set(["a", "an", "another", "one", "some", "someone", "somebody"]);
/** Determiners of a group the article has identified ("both sides", "all three senators"). */
const IDENTIFIED = new Set(["both", "all", "each", "either", "neither"]);
/** Capitalised words before a source's head that name no body: parties and ideologies ("top Democratic staffer"). */
const GROUP_ADJECTIVES = new Set(["democratic", "republican", "democrat", "gop", "conservative", "liberal", "progressive", "labour", "tory", "federal", "state", "senior", "top", "former"]);
const DEFINITE = new Set(["the", "this", "that", "his", "her", "its", "their", "our", "my", "your"]);
/** Words that end a source's head noun phrase ("officials with knowledge of …", "lawyers for the plaintiffs"). */
const AFTER_HEAD = new Set(["of", "with", "for", "from", "in", "at", "on", "familiar", "who", "close", "inside", "within", "to", ",", "and", "or"]);
/** The possessive clitic. */
const POSSESSIVE = new Set(["'s", "’s"]);
/** Plurals not in -s. */
const PLURAL_HEADS = new Set(["people", "staff", "men", "women", "children", "folks", "personnel", "clergy", "faculty"]);
/** Words in -s that are singular. */
const SINGULAR_S = new Set(["press", "congress", "news", "campus", "bus", "boss", "counsel", "class"]);
/** Measured groups: a share of a poll is no vague source. */
const MEASURE = new Set(["percent", "%", "percentage", "poll", "survey"]);
/** Agent nouns of people ("staffer", "strategist", "spokeswoman"); not the documents among them. */
const PERSON_SUFFIX = /(?:er|or|ist|ian|person|man|woman)$/;
const NOT_PERSON = new Set(["letter", "paper", "order", "filer", "number", "matter", "chapter", "poster", "memorandum", "monitor", "sector", "factor", "error", "report", "study", "poll"]);
const isPersonNoun = (w: string): boolean => PERSON_SUFFIX.test(w) && !NOT_PERSON.has(w);
/** Quantifiers that make a group no one in particular ("many journalists", "several analysts"). */
const QUANTIFIERS = new Set(["many", "several", "most", "few", "numerous", "various", "other", "others", "certain"]);
/** Words that open a relative clause. */
const RELATIVE = new Set(["who", "which", "that", "whom"]);
/** The most tokens between the source phrase and a cue after it ("officials this week said"). */
const MAX_GAP = 3;

/** The head noun of a source phrase [start, end): the word before its first post-modifier. */
function headOf(toks: readonly Tok[], start: number, end: number): Tok | null {
  let head: Tok | null = null;
  for (let k = start; k < end; k++) {
    const t = toks[k]!;
    if (k > start && AFTER_HEAD.has(t.low)) break;
    if (t.kind === "word") head = t;
  }
  return head;
}

function isPlural(head: Tok): boolean {
  const w = head.low;
  if (PLURAL_HEADS.has(w)) return true;
  return w.length > 3 && w.endsWith("s") && !SINGULAR_S.has(w) && !/(?:ss|us|is)$/.test(w);
}

/** Is the unnamed source phrase [start, end) vague, i.e. no one the article can name? */
export function isVagueSource(ctx: SentenceCtx, start: number, end: number): boolean {
  const toks = ctx.toks;
  for (let k = start; k < end; k++) if (toks[k]!.kind === "num" || MEASURE.has(toks[k]!.low)) return false;
  const head = headOf(toks, start, end);
  if (!head) return false;
  // "Investigators with the House Foreign Affairs Committee": a capitalised head names a body.
  if (head.cap && head !== toks[start]) return false;
  // "the leadership of both major political parties": the phrase is part of a larger one.
  const before = start > 0 ? toks[start - 1]! : null;
  // "Islamic State insurgents": a capitalised word before it names the group.
  if (before && (before.low === "of" || DEFINITE.has(before.low) || (before.cap && before.kind === "word"))) return false;
  // "The protesters emphasized", "both leaders hailed", "The opinion said": a group or holder the article identifies.
  if (DEFINITE.has(toks[start]!.low) || IDENTIFIED.has(toks[start]!.low)) return false;
  // "Apple executives wanted": members of a named body count as that body (a party or demonym names no one).
  const sentenceStart = start === 0 || toks[start - 1]!.kind === "open_quote";
  const headAt = toks.indexOf(head, start);
  // ("Obama's longtime detractors": a possessor does not name the group.)
  for (let k = sentenceStart ? start + 1 : start; k < headAt; k++) if (!POSSESSIVE.has(toks[k + 1]!.low) && toks[k]!.cap && !GROUP_ADJECTIVES.has(toks[k]!.low) && !ctx.lex.adjectives.anyAt(toks, k)) return false;
  if (isPlural(head)) return true; // "officials", "Lawyers for the plaintiffs", "experimental studies"
  // Singular: only an indefinite person is no one ("a former anchor", "another activist"); "an official report says",
  // "according to an ongoing congressional investigation" are documents of a body.
  return INDEFINITE.has(toks[start]!.low) && (isTitleWord(ctx, head) || isPersonNoun(head.low) || (ctx.lex.vagueGroups.has(head.low) && !NOT_PERSON.has(head.low)));
}

/** Does the sentence credit a person by name ("Hakem al-Zameli, head of the committee, said …")? */
function namesPerson(s: SentenceState | undefined): boolean {
  const a = s?.winner?.actor;
  return a !== undefined && a !== null && a.entity.type === "person" && a.resolution !== "resolve.pronoun" && a.resolution !== "resolve.unnamed";
}

/** Is there a comma outside quotes in [from, to)? */
function commaBetween(toks: readonly Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (toks[k]!.low === "," && !toks[k]!.quoted) return true;
  return false;
}

/** Does a reporting verb (reporting_verbs.csv) start inside the cue [start, end)? */
function reports(ctx: SentenceCtx, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (ctx.lex.reporting.anyAt(ctx.toks, k)) return true;
  return false;
}

/**
 * The vague hedge of the sentence's unnamed source, or null. `next`: the sentence after it — "…, a senior lawmaker
 * disclosed." followed by a sentence crediting a named person introduces that person, who is no vague source.
 */
export function unnamedSourceHedge(s: SentenceState, next?: SentenceState): HedgeFinding | null {
  const w = s.winner;
  if (!w?.actor || w.actor.entity.type !== "unnamed" || w.actor.resolution !== "resolve.unnamed") return null;
  const { start, end } = w.actor.mention;
  const toks = s.ctx.toks;
  if (!isVagueSource(s.ctx, start, end)) return null;
  if (INDEFINITE.has(toks[start]!.low) && !isPlural(headOf(toks, start, end)!) && namesPerson(next)) return null;
  // A vague hedge already on the phrase ("some critics have maintained") says it.
  for (const h of s.hedges) if (h.type === "vague" && h.start < end && h.end > start) return null;
  // "shocked doctors who told him to …": a report in the writer's relative clause is no sourcing.
  // ("Some liberals, who ordinarily cast themselves as …, now want": a relative clause closed by a comma before the cue is
  // the writer's aside; the cue is the main clause's.)
  for (let k = end; k < w.cue.start; k++) if (RELATIVE.has(toks[k]!.low) && !commaBetween(toks, k + 1, w.cue.start)) return null;
  // A bare plural ("Investors had held high hopes of …") is a source only with a reporting verb ("Intelligence agencies
  // said", "Lawyers for the plaintiffs had said"); with any other predicate it is a group acting, not sourcing.
  if (!INDEFINITE.has(toks[start]!.low) && !QUANTIFIERS.has(toks[start]!.low) && !reports(s.ctx, w.cue.start, w.cue.end)) return null;
  let from = start;
  let to = end;
  if (w.cue.start >= end && w.cue.start - end <= MAX_GAP) to = w.cue.end; // "officials this week said"
  else if (w.cue.end <= start && start - w.cue.end <= 1) from = w.cue.start; // "according to the sources"
  return { rule: "hedge.unnamed_source", type: "vague", start: from, end: to };
}

export const unnamedVague: Component = {
  name: "unnamed_vague",
  adds: "a vague hedge on the source phrase of an unnamed actor (§3), unless the next sentence names them",
  article(doc) {
    const ss = doc.sentences;
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i]!;
      const h = unnamedSourceHedge(s, ss[i + 1]);
      if (h) s.hedges = [...s.hedges, h].sort((a, b) => a.start - b.start || a.end - b.end);
    }
  },
};
