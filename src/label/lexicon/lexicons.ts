// The labeller's knowledge lives in CSV files (data/lexicons/, or a
// researcher's own directory via --lexicons DIR); this module reads them,
// validates every row, and compiles them once into token tries so labelling
// never builds a regex or walks a word list per sentence.
// Columns are documented in data/lexicons/README.md.
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../../errors.ts";
import { HEDGE_TYPES, type ActorType, type HedgeType } from "../../schema.ts";
import { readCsvTable, type CsvRow } from "./csv-table.ts";
import { expandPattern, phraseTokens, PhraseTrie } from "./phrases.ts";
import { Vocab } from "./vocab.ts";
import { FIXED_WORDS, NAME_LINK_IDS, NOT_NAME } from "../tokens/words.ts";

export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL("../../../data/lexicons/", import.meta.url));

export type Gender = "m" | "f";

export interface ActorEntry {
  name: string;
  type: ActorType;
  affiliation: string | null;
  gender: Gender | null;
  /** Role phrases the actor holds (lower-case), e.g. "foreign minister". */
  roles: readonly string[];
}
export interface TitleEntry {
  kind: "honorific" | "title" | "modifier";
  gender: Gender | null;
}
export type NounKind = "org_head" | "group" | "audience" | "org_ref";
export interface ReportingEntry {
  kind: "say" | "tell" | "according";
  /** An -ing form ("…, saying that …"): the subject is the main clause's. */
  participle: boolean;
}
export type StancePolarity = "support" | "oppose" | "negation" | "absence";
export interface StanceEntry {
  polarity: StancePolarity;
  /** Where the governed target may stand: after the predicate (or before it in a passive/copula), only before it, or either side. */
  side: "after" | "before" | "either";
}
/** A predicate of open_stance.csv: any phrase it governs is a target (open_targets.ts). */
export interface OpenStanceEntry {
  /** failure: a head whose complement takes no position ("failed to embrace X"; stance_classes.csv class failure). */
  polarity: "support" | "oppose" | "neutral" | "negation" | "none" | "failure";
  /** "control": "urged X [not] to …" takes the to-complement when there is one; "complement": a position only after another predicate ("urged him to drop out"). */
  frame: "object" | "control" | "complement" | "chain" | "against";
  /** A row of the mined stance_classes.csv, not of open_stance.csv: a mined control verb takes a position only with its to-complement. */
  mined?: true;
}
export type HedgeCondition = "" | "verb" | "adjective" | "before_reporting" | "vague_subject" | "no_agent" | "not_proposal" | "participle";
export interface HedgeEntry {
  /** "none": a phrase that is not a hedge, listed so its words do not match a shorter cue ("could not take it"). */
  type: HedgeType | "none";
  condition: HedgeCondition;
}
export interface TargetEntry {
  target: string;
  /** -1 when endorsing the phrase means opposing the target ("bloc neutrality" vs nato_membership). */
  polarity: 1 | -1;
  weight: number;
  /** From the lexicon's targets.csv: counts only in an article that names a `_topic` anchor (user topic files count everywhere). */
  anchored: boolean;
}

export interface Lexicons {
  dir: string;
  /** The words of these lexicons by id (vocab.ts): sentences labelled with them are tokenized with it. */
  vocab: Vocab;
  /** Canonical name → entry. */
  actors: ReadonlyMap<string, ActorEntry>;
  aliases: PhraseTrie<ActorEntry>;
  /** Demonyms and country adjectives → canonical country name. */
  adjectives: PhraseTrie<string>;
  /** Role phrase, exactly as listed → persons holding it. */
  roleHolders: ReadonlyMap<string, readonly ActorEntry[]>;
  titles: PhraseTrie<TitleEntry>;
  /** Every word of a title phrase → "head" when some title ends with it, else its kind ("modifier", "honorific"). */
  titleWords: ReadonlyMap<string, "head" | "modifier" | "honorific">;
  /** titleWords without the NOT_NAME words, by word id (vocab.ts): one array read per token (grammar/names.ts). */
  titleKindById: readonly ("head" | "modifier" | "honorific" | undefined)[];
  /** 1 for the ids of lower-case words that may sit in a name chain away from hyphens: titles, "'s", "and", NAME_LINK_IDS. */
  chainWordIds: Uint8Array;
  /** Lower-case word → its kinds (a word may be both, e.g. "press"). */
  nouns: ReadonlyMap<string, ReadonlySet<NounKind>>;
  reporting: PhraseTrie<ReportingEntry>;
  stance: PhraseTrie<StanceEntry>;
  openStance: PhraseTrie<OpenStanceEntry>;
  /** Forms of the proposal class of stance_classes.csv ("suggested", "proposes"): the clause after one takes no position. */
  proposalWords: ReadonlySet<string>;
  /** Forms of the failure class of stance_classes.csv ("failed", "neglects"): "failed to embrace X" takes no position on X. */
  failureWords: ReadonlySet<string>;
  hedges: PhraseTrie<HedgeEntry>;
  /** vague_sources.csv: human and group nouns of a vague subject ("critics", "scholars"), nouns.csv group nouns included. */
  vagueGroups: ReadonlySet<string>;
  /** vague_sources.csv: reporting and cognition verbs a vague subject hedges ("believe", "have argued", "hold that"). */
  vagueVerbs: PhraseTrie<true>;
  /** Human plural nouns of a weasel generalisation ("some people avoid …"): vague_sources.csv role people. */
  vaguePeople: ReadonlySet<string>;
  /** vague_sources.csv agent rows: participles a vague agent after "by" makes a vague source ("seen by many"). */
  vagueAgentVerbs: PhraseTrie<true>;
  targets: PhraseTrie<TargetEntry>;
  /** Phrases that only mark an article as on-topic (targets.csv rows with target `_topic`). */
  topicAnchors: PhraseTrie<true>;
  targetNames: readonly string[];
  /** places.csv (optional): a place's name, lower-cased → its kind ("country", "state", "region"). */
  places: ReadonlyMap<string, PlaceKind>;
}

export type PlaceKind = "country" | "state" | "region";

const list = z.string().transform((s) => (s === "" ? [] : s.split("|").map((x) => x.trim()).filter((x) => x !== "")));
const optional = <T extends z.ZodType>(t: T) => z.literal("").transform(() => null).or(t);
const phrase = z.string().min(1, "empty phrase");

const ActorRow = z.object({
  name: z.string().min(1, "empty name"),
  type: z.enum(["person", "organization", "country"]),
  affiliation: optional(z.string()),
  gender: optional(z.enum(["m", "f"])),
  aliases: list,
  roles: list,
  adjectives: list,
});
const TitleRow = z.object({ title: phrase, kind: z.enum(["honorific", "title", "modifier"]), gender: optional(z.enum(["m", "f"])) });
const NounRow = z.object({ noun: z.string().regex(/^[^\s|()[\]]+$/, "one word per row"), kind: z.enum(["org_head", "group", "audience", "org_ref"]) });
const ReportingRow = z.object({ phrase, kind: z.enum(["say", "tell", "according"]) });
const StanceRow = z.object({ phrase, polarity: z.enum(["support", "oppose", "negation", "absence"]), side: z.enum(["", "after", "before", "either"]) });
const OpenStanceRow = z.object({ phrase, polarity: z.enum(["support", "oppose", "neutral", "negation", "none"]), frame: z.enum(["", "object", "control", "complement", "chain", "against"]) });
const STANCE_CLASS = z.enum(["support", "oppose", "intent", "failure", "proposal", "control"]);
const StanceClassRow = z.object({ stem: z.string().min(1), class: STANCE_CLASS, evidence: z.enum(["seed", "coordination", "to", "object_to"]), forms: list });
const HedgeRow = z.object({ cue: phrase, type: z.enum([...HEDGE_TYPES, "none"]), condition: z.enum(["", "verb", "adjective", "before_reporting", "vague_subject", "no_agent", "not_proposal", "participle"]) });
const VagueRow = z.object({ phrase, role: z.enum(["group", "verb", "agent", "people"]) });
const PlaceRow = z.object({ name: z.string().min(1, "empty name"), kind: z.enum(["country", "state", "region"]) });
const TargetRow = z.object({
  target: z.string().regex(/^(?:_topic|[a-z][a-z0-9_]*)$/, "target must be a snake_case id (or _topic)"),
  trigger: phrase,
  polarity: z.enum(["", "+", "-"]),
  weight: z.literal("").transform(() => 2).or(z.coerce.number().int().min(1).max(3)),
});

export const LEXICON_FILES = {
  actors: { file: "actors.csv", schema: ActorRow, columns: ["name", "type", "affiliation", "gender", "aliases", "roles", "adjectives"] },
  titles: { file: "titles.csv", schema: TitleRow, columns: ["title", "kind", "gender"] },
  nouns: { file: "nouns.csv", schema: NounRow, columns: ["noun", "kind"] },
  reporting: { file: "reporting_verbs.csv", schema: ReportingRow, columns: ["phrase", "kind"] },
  stance: { file: "stance.csv", schema: StanceRow, columns: ["phrase", "polarity", "side"] },
  openStance: { file: "open_stance.csv", schema: OpenStanceRow, columns: ["phrase", "polarity", "frame"] },
  hedges: { file: "hedges.csv", schema: HedgeRow, columns: ["cue", "type", "condition"] },
  vague: { file: "vague_sources.csv", schema: VagueRow, columns: ["phrase", "role"] },
  targets: { file: "targets.csv", schema: TargetRow, columns: ["target", "trigger", "polarity", "weight"] },
} as const;

/** The mined stance classes (npm run mine-stance): a stance_classes.csv in a --lexicons DIR replaces this folder's. */
export const STANCE_CLASSES_FILE = { file: "stance_classes.csv", schema: StanceClassRow, columns: ["stem", "class", "evidence", "forms"] } as const;

export interface LexiconTables {
  actors: CsvRow<z.infer<typeof ActorRow>>[];
  titles: CsvRow<z.infer<typeof TitleRow>>[];
  nouns: CsvRow<z.infer<typeof NounRow>>[];
  reporting: CsvRow<z.infer<typeof ReportingRow>>[];
  stance: CsvRow<z.infer<typeof StanceRow>>[];
  openStance: CsvRow<z.infer<typeof OpenStanceRow>>[];
  hedges: CsvRow<z.infer<typeof HedgeRow>>[];
  vague: CsvRow<z.infer<typeof VagueRow>>[];
  targets: CsvRow<z.infer<typeof TargetRow>>[];
  /** places.csv; absent in a --lexicons folder without one (then no name is typed as a place). */
  places?: CsvRow<z.infer<typeof PlaceRow>>[];
  /** stance_classes.csv (optional in a --lexicons DIR: this folder's is read then). */
  stanceClasses?: CsvRow<z.infer<typeof StanceClassRow>>[];
}

/** The optional place list (not one of the required files: a --lexicons folder may leave it out). */
export const PLACES_FILE = { file: "places.csv", schema: PlaceRow, columns: ["name", "kind"] } as const;

/** PhraseTrie flags: a sentence with no word that starts a phrase of the trie skips that trie's rules (vocab.ts firstWordFlags). */
export const TRIE_FLAGS = { reporting: 1, hedges: 2, targets: 4, topicAnchors: 8, openStance: 16 } as const;

/** A researcher's own topic files (--targets replaces targets.csv, --targets-add extends it). */
export interface TopicFiles {
  replace?: string | undefined;
  add?: readonly string[] | undefined;
}

/** One topic of a user topic file: `topic,patterns[,description]`, patterns `;`-separated in the lexicon's phrase syntax. */
export interface UserTopic {
  where: string;
  topic: string;
  patterns: string[];
}

const TopicRow = z.object({
  topic: z.string().regex(/^[a-z][a-z0-9_]*$/, "topic must be a snake_case id"),
  patterns: z.string().min(1, "no patterns").transform((s) => s.split(";").map((x) => x.trim()).filter((x) => x !== "")),
});

/** Reads a topics CSV (columns topic,patterns[,description]); InputError at file:line. */
export async function readTopicFile(file: string): Promise<UserTopic[]> {
  if (!(await stat(file).then((st) => st.isFile(), () => false))) throw new InputError(`${file}: topics file not found`);
  const rows = await readCsvTable(file, TopicRow, ["topic", "patterns"]);
  return rows.map(({ line, row }) => ({ where: `${file}:${line}`, topic: row.topic, patterns: row.patterns }));
}

/** Reads and compiles every lexicon file of `dir` (and any user topic files). Throws InputError naming file:line. */
export async function loadLexicons(dir: string = DEFAULT_LEXICON_DIR, topics: TopicFiles = {}): Promise<Lexicons> {
  const F = LEXICON_FILES;
  const path = (f: { file: string }) => join(dir, f.file);
  const tables: LexiconTables = {
    actors: await readCsvTable(path(F.actors), F.actors.schema, F.actors.columns),
    titles: await readCsvTable(path(F.titles), F.titles.schema, F.titles.columns),
    nouns: await readCsvTable(path(F.nouns), F.nouns.schema, F.nouns.columns),
    reporting: await readCsvTable(path(F.reporting), F.reporting.schema, F.reporting.columns),
    stance: await readCsvTable(path(F.stance), F.stance.schema, F.stance.columns),
    openStance: await readCsvTable(path(F.openStance), F.openStance.schema, F.openStance.columns),
    hedges: await readCsvTable(path(F.hedges), F.hedges.schema, F.hedges.columns),
    vague: await readCsvTable(path(F.vague), F.vague.schema, F.vague.columns),
    targets: await readCsvTable(path(F.targets), F.targets.schema, F.targets.columns),
    ...((await stat(path(PLACES_FILE)).then((st) => st.isFile(), () => false)) ? { places: await readCsvTable(path(PLACES_FILE), PLACES_FILE.schema, PLACES_FILE.columns) } : {}),
    stanceClasses: await readCsvTable(existsSync(path(STANCE_CLASSES_FILE)) ? path(STANCE_CLASSES_FILE) : join(DEFAULT_LEXICON_DIR, STANCE_CLASSES_FILE.file), STANCE_CLASSES_FILE.schema, STANCE_CLASSES_FILE.columns),
  };
  // --targets replaces the topic list, anchors included: a researcher's topics count in every article.
  if (topics.replace) tables.targets = [];
  const user: UserTopic[] = [];
  for (const f of [topics.replace, ...(topics.add ?? [])]) if (f) user.push(...(await readTopicFile(f)));
  return compileLexicons(dir, tables, user);
}

/** Adds every expansion of `pattern` to `trie`; bad syntax is an InputError at file:line. */
function addPattern<V>(vocab: Vocab, trie: PhraseTrie<V>, pattern: string, value: V, where: string): void {
  let phrases: string[];
  try {
    phrases = expandPattern(pattern);
  } catch (e) {
    throw new InputError(`${where}: bad phrase "${pattern}": ${(e as Error).message}`);
  }
  for (const p of phrases) trie.add(phraseTokens(p, vocab), value);
}

/** Compiles validated rows (see LEXICON_FILES) into matchers. */
export function compileLexicons(dir: string, t: LexiconTables, userTopics: readonly UserTopic[] = []): Lexicons {
  const at = (key: keyof typeof LEXICON_FILES, line: number) => `${join(dir, LEXICON_FILES[key].file)}:${line}`;
  const vocab = new Vocab(FIXED_WORDS);
  const actors = new Map<string, ActorEntry>();
  const aliases = new PhraseTrie<ActorEntry>(vocab);
  const adjectives = new PhraseTrie<string>(vocab);
  const roleHolders = new Map<string, ActorEntry[]>();
  const countries = new Set(t.actors.filter((r) => r.row.type === "country").map((r) => r.row.name));
  for (const { line, row } of t.actors) {
    if (actors.has(row.name)) throw new InputError(`${at("actors", line)}: duplicate actor "${row.name}"`);
    if (row.affiliation !== null && !countries.has(row.affiliation))
      throw new InputError(`${at("actors", line)}: affiliation "${row.affiliation}" is not a country row of ${LEXICON_FILES.actors.file}`);
    if (row.gender !== null && row.type !== "person") throw new InputError(`${at("actors", line)}: gender is only for persons`);
    const entry: ActorEntry = {
      name: row.name,
      type: row.type,
      affiliation: row.affiliation ?? (row.type === "country" ? row.name : null),
      gender: row.gender,
      roles: row.roles.map((r) => r.toLowerCase()),
    };
    actors.set(row.name, entry);
    for (const a of [row.name, ...row.aliases]) addPattern(vocab, aliases, a, entry, at("actors", line));
    if (row.adjectives.length > 0 && row.type !== "country") throw new InputError(`${at("actors", line)}: adjectives are only for countries`);
    for (const adj of row.adjectives) addPattern(vocab, adjectives, adj, row.name, at("actors", line));
    for (const role of entry.roles) {
      const holders = roleHolders.get(role) ?? [];
      if (!holders.includes(entry)) holders.push(entry);
      roleHolders.set(role, holders);
    }
  }
  const titles = new PhraseTrie<TitleEntry>(vocab);
  const titleWords = new Map<string, "head" | "modifier" | "honorific">();
  for (const { line, row } of t.titles) {
    const entry: TitleEntry = { kind: row.kind, gender: row.gender };
    for (const p of expandOrThrow(row.title, at("titles", line))) {
      const toks = phraseTokens(p, vocab);
      titles.add(toks, entry);
      toks.forEach((w, k) => {
        // A head is a word that is a whole title by itself ("minister"); "state" in "secretary of state" is not.
        const kind = row.kind === "honorific" ? "honorific" : row.kind === "title" && toks.length === 1 ? "head" : "modifier";
        if (titleWords.get(w) !== "head") titleWords.set(w, kind);
      });
    }
  }
  const nouns = new Map<string, Set<NounKind>>();
  for (const { row } of t.nouns) {
    const key = row.noun.toLowerCase().replace(/’/g, "'");
    nouns.set(key, (nouns.get(key) ?? new Set<NounKind>()).add(row.kind));
  }
  // Every word a rule looks up has a word id, so a token of no lexicon word (id 0) skips the lookups.
  for (const w of titleWords.keys()) vocab.intern(w);
  for (const w of nouns.keys()) vocab.intern(w);
  const reporting = new PhraseTrie<ReportingEntry>(vocab, TRIE_FLAGS.reporting);
  for (const { line, row } of t.reporting)
    for (const p of expandOrThrow(row.phrase, at("reporting", line)))
      reporting.add(phraseTokens(p, vocab), { kind: row.kind, participle: /ing$/i.test(p.split(" ")[0] ?? "") });
  const stance = new PhraseTrie<StanceEntry>(vocab);
  for (const { line, row } of t.stance) addPattern(vocab, stance, row.phrase, { polarity: row.polarity, side: row.side === "" ? "after" : row.side }, at("stance", line));
  const openStance = new PhraseTrie<OpenStanceEntry>(vocab, TRIE_FLAGS.openStance);
  for (const { line, row } of t.openStance) addPattern(vocab, openStance, row.phrase, { polarity: row.polarity, frame: row.frame === "" ? "object" : row.frame }, at("openStance", line));
  const { proposalWords, failureWords } = addStanceClasses(vocab, openStance, t.openStance, t.stanceClasses ?? []);
  const hedges = new PhraseTrie<HedgeEntry>(vocab, TRIE_FLAGS.hedges);
  for (const { line, row } of t.hedges) addPattern(vocab, hedges, row.cue, { type: row.type, condition: row.condition }, at("hedges", line));
  const vagueGroups = new Set<string>();
  for (const [w, kinds] of nouns) if (kinds.has("group")) vagueGroups.add(w);
  const vagueVerbs = new PhraseTrie<true>(vocab);
  const vaguePeople = new Set<string>();
  const vagueAgentVerbs = new PhraseTrie<true>(vocab);
  for (const { line, row } of t.vague) {
    if (row.role === "verb" || row.role === "agent") {
      addPattern(vocab, row.role === "verb" ? vagueVerbs : vagueAgentVerbs, row.phrase, true, at("vague", line));
      continue;
    }
    // "people" and "group" rows: one-word nouns.
    const nounsOfRole = row.role === "people" ? vaguePeople : vagueGroups;
    for (const p of expandOrThrow(row.phrase, at("vague", line))) {
      const toks = phraseTokens(p, vocab);
      if (toks.length !== 1) throw new InputError(`${at("vague", line)}: a ${row.role} noun is one word, found "${p}"`);
      nounsOfRole.add(toks[0]!);
      vocab.intern(toks[0]!);
    }
  }
  const targets = new PhraseTrie<TargetEntry>(vocab, TRIE_FLAGS.targets);
  const targetNames = new Set<string>();
  const topicAnchors = new PhraseTrie<true>(vocab, TRIE_FLAGS.topicAnchors);
  for (const { line, row } of t.targets) {
    if (row.target === "_topic") {
      addPattern(vocab, topicAnchors, row.trigger, true, at("targets", line));
      continue;
    }
    targetNames.add(row.target);
    addPattern(vocab, targets, row.trigger, { target: row.target, polarity: row.polarity === "-" ? -1 : 1, weight: row.weight, anchored: true }, at("targets", line));
  }
  for (const u of userTopics) {
    targetNames.add(u.topic);
    for (const p of u.patterns) addPattern(vocab, targets, p, { target: u.topic, polarity: 1, weight: 2, anchored: false }, u.where);
  }
  const { titleKindById, chainWordIds } = titleIds(vocab, titleWords);
  const places = new Map<string, PlaceKind>();
  for (const { row } of t.places ?? []) if (!places.has(row.name.toLowerCase())) places.set(row.name.toLowerCase(), row.kind);
  return { places, dir, vocab, actors, aliases, adjectives, roleHolders, titles, titleWords, titleKindById, chainWordIds, nouns, reporting, stance, openStance, proposalWords, failureWords, hedges, vagueGroups, vagueVerbs, vaguePeople, vagueAgentVerbs, targets, topicAnchors, targetNames: [...targetNames].sort() };
}

/**
 * The mined classes as open predicates, where open_stance.csv (hand-written, it wins) has no row of that phrase:
 * support/oppose verbs take a position only as the second of two predicates (frame complement: "vowed to fight X",
 * "urged X to resist Y"; alone a mined verb is too often something else), the control seeds take their
 * to-complement and nothing without one ("pressing X to deplatform Y", not "press briefings"), failure heads cancel
 * the predicate after them, and proposal verbs open a clause that takes no position. Mined intent heads and mined
 * control verbs are not used: as chain heads and control verbs they changed no item of the AllSides tuning file and
 * cost the held-out file an oppose and a support item (data/lexicons/README.md); the hand-written heads of
 * open_stance.csv (vow, pledge, promise, vote, refuse …) compose instead.
 */
function addStanceClasses(vocab: Vocab, trie: PhraseTrie<OpenStanceEntry>, rows: readonly CsvRow<z.infer<typeof OpenStanceRow>>[], classes: readonly CsvRow<z.infer<typeof StanceClassRow>>[]): { proposalWords: Set<string>; failureWords: Set<string> } {
  const written = new Set<string>();
  for (const { row } of rows) for (const p of expandPattern(row.phrase)) written.add(phraseTokens(p, vocab).join(" "));
  const proposalWords = new Set<string>();
  const failureWords = new Set<string>();
  const add = (tokens: string[], value: OpenStanceEntry) => {
    const key = tokens.join(" ");
    if (written.has(key)) return;
    written.add(key);
    trie.add(tokens, value);
  };
  for (const { row } of classes)
    for (const form of row.forms) {
      const w = form.toLowerCase();
      if (row.class === "proposal") proposalWords.add(w);
      else if (row.class === "failure") {
        failureWords.add(w);
        add([w, "to"], { polarity: "failure", frame: "object" });
      } else if (row.class === "intent") continue;
      else if (row.class === "control") {
        if (row.evidence === "seed") add([w], { polarity: "support", frame: "control", mined: true });
      } else add([w], { polarity: row.class, frame: "complement" });
    }
  return { proposalWords, failureWords };
}

function expandOrThrow(pattern: string, where: string): string[] {
  try {
    return expandPattern(pattern);
  } catch (e) {
    throw new InputError(`${where}: bad phrase "${pattern}": ${(e as Error).message}`);
  }
}

/** Title words and name-chain words by word id (after compileLexicons has interned every title word). */
function titleIds(vocab: Vocab, words: ReadonlyMap<string, "head" | "modifier" | "honorific">): { titleKindById: ("head" | "modifier" | "honorific" | undefined)[]; chainWordIds: Uint8Array } {
  const kept = [...words].filter(([w]) => !NOT_NAME.has(w) && vocab.wordId(w) !== 0);
  const titleKindById = new Array<"head" | "modifier" | "honorific" | undefined>(Math.max(0, ...kept.map(([w]) => vocab.wordId(w))) + 1).fill(undefined);
  for (const [w, kind] of kept) titleKindById[vocab.wordId(w)] = kind;
  const links = [vocab.intern("'s"), vocab.intern("and")];
  for (let id = 0; id < NAME_LINK_IDS.length; id++) if (NAME_LINK_IDS[id] === 1) links.push(id);
  const chainWordIds = new Uint8Array(Math.max(titleKindById.length, ...links) + 1);
  for (let id = 0; id < titleKindById.length; id++) if (titleKindById[id] !== undefined) chainWordIds[id] = 1;
  for (const id of links) chainWordIds[id] = 1;
  return { titleKindById, chainWordIds };
}
