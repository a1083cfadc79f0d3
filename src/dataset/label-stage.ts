// The labelling stage as the pipeline sees it, in two halves so that the
// labelling itself can run in worker processes:
// - labelWith(): labels one article (pure: the same article and lexicons give
//   the same labels in any thread) and notes which of its sentences the gold
//   set asks about;
// - LabelStage.accept(): on the main thread, in input order, feeds the rule
//   statistics (Snorkel's LF summary) and keeps only the labelled sentences
//   the gold set asks about, so memory stays flat.
import { basename } from "node:path";
import { stat } from "node:fs/promises";
import {
  LfSummary,
  buildLabellerReport,
  labelArticle,
  loadGold,
  loadLexicons,
  makeGoldLookup,
  scoreAgainstGold,
  type GoldItem,
  type GoldLookup,
  type LabelledSentence,
  type LabellerReport,
  type LabelledText,
  type Lexicons,
  Pipeline,
} from "../label/index.ts";
import type { Article } from "../schema.ts";
import { TRIE_FLAGS } from "../label/lexicon/lexicons.ts";
import { PhraseTrie } from "../label/lexicon/phrases.ts";

export interface LabelStageOptions {
  /** Lexicon folder; undefined = the project's data/lexicons/. */
  lexicons?: string;
  /** A topics CSV replacing the lexicon's targets.csv (--targets). */
  targets?: string;
  /** Topics CSV files extending it (--targets-add). */
  targetsAdd?: readonly string[];
  /** Gold folder or file; null = no gold scoring; undefined = the project's data/gold/ if present. */
  gold?: string | null;
  /** Pipeline components switched off by name (--disable; src/label/pipeline.ts). */
  disable?: readonly string[];
}

/** The topic files of a run (--targets, --targets-add) and whether the lexicon's default topic list counts (topic-fit.ts). */
export interface RunTopics {
  replace?: string | undefined;
  add?: readonly string[] | undefined;
  /** false: the default list is left out (the corpus is not about its story); undefined = true. */
  defaults?: boolean | undefined;
}

/** The lexicons of a run: without the default topic list when it does not fit the corpus (--targets-add files still count). */
export async function loadRunLexicons(dir: string | undefined, topics: RunTopics): Promise<Lexicons> {
  if (topics.defaults !== false || topics.replace) return loadLexicons(dir, { replace: topics.replace, add: topics.add });
  // A replacing file drops the default list, anchors included: the first added file takes that place.
  const [first, ...rest] = topics.add ?? [];
  if (first !== undefined) return loadLexicons(dir, { replace: first, add: rest });
  const lex = await loadLexicons(dir);
  return { ...lex, targets: new PhraseTrie(lex.vocab, TRIE_FLAGS.targets), topicAnchors: new PhraseTrie(lex.vocab, TRIE_FLAGS.topicAnchors), targetNames: [] };
}

export const DEFAULT_GOLD_DIR = new URL("../../data/gold/", import.meta.url).pathname;

export const goldKey = (path: string, text: string) => `${basename(path.replace(/:.*$/, ""))}\u0000${text}`;

export { loadLexicons, type Lexicons, type LabelledSentence };

/** LabelStage's statistics as plain data (see partial/absorb). */
export interface LabelPartial {
  counts: number[];
  rules: [string, Record<string, unknown> & { values: [string, number][] }][];
  captured: LabelledText[];
}

export interface LabelledArticle {
  results: LabelledSentence[];
  /** Indexes of the sentences whose (file, text) the gold set asks about. */
  goldHits: number[];
}

/** Gold keys (see goldKey) as text → source files, so a sentence is checked without building its key. */
export function wantedIndex(keys: Iterable<string>): Map<string, Set<string>> {
  const byText = new Map<string, Set<string>>();
  for (const key of keys) {
    const cut = key.indexOf("\u0000");
    const text = key.slice(cut + 1);
    let files = byText.get(text);
    if (!files) byText.set(text, (files = new Set()));
    files.add(key.slice(0, cut));
  }
  return byText;
}

/** Lengths of the gold texts per index (and its size when measured): a sentence of another length is not looked up. */
const wantedLengths = new WeakMap<ReadonlyMap<string, ReadonlySet<string>>, { size: number; lengths: ReadonlySet<number> }>();

function lengthsOf(wanted: ReadonlyMap<string, ReadonlySet<string>>): ReadonlySet<number> {
  let known = wantedLengths.get(wanted);
  if (!known || known.size !== wanted.size) wantedLengths.set(wanted, (known = { size: wanted.size, lengths: new Set([...wanted.keys()].map((t) => t.length)) }));
  return known.lengths;
}

/** Labels one article; `wanted` is the gold sentences' index (see wantedIndex). */
export function labelWith(lex: Lexicons, wanted: ReadonlyMap<string, ReadonlySet<string>>, article: Article, pipeline?: Pipeline): LabelledArticle {
  const results = labelArticle(article, lex, pipeline);
  const goldHits: number[] = [];
  if (wanted.size > 0) {
    const lengths = lengthsOf(wanted);
    let file: string | null = null;
    for (let i = 0; i < results.length; i++) {
      const text = article.sentences[i]!.text;
      const files = lengths.has(text.length) ? wanted.get(text) : undefined;
      if (files && files.has((file ??= basename(article.source.path.replace(/:.*$/, ""))))) goldHits.push(i);
    }
  }
  return { results, goldHits };
}

export class LabelStage {
  private readonly lf = new LfSummary();
  private readonly captured: LabelledText[] = [];
  /** The gold keys (see goldKey) whose labelled sentences are kept for scoring. */
  readonly wanted: Set<string>;

  private constructor(
    readonly lex: Lexicons,
    private readonly gold: GoldItem[] | null,
    readonly pipeline: Pipeline,
  ) {
    this.wanted = new Set((gold ?? []).map((g) => goldKey(g.source, g.text)));
  }

  static async create(opts: LabelStageOptions, defaultTopics = true): Promise<LabelStage> {
    const pipeline = new Pipeline(opts.disable);
    const lex = await loadRunLexicons(opts.lexicons, { replace: opts.targets, add: opts.targetsAdd, defaults: defaultTopics });
    let gold: GoldItem[] | null = null;
    if (opts.gold !== null) {
      const dir = opts.gold ?? DEFAULT_GOLD_DIR;
      const exists = await stat(dir).then(() => true, () => false);
      if (opts.gold !== undefined || exists) gold = await loadGold(dir);
    }
    return new LabelStage(lex, gold, pipeline);
  }

  /** Takes one article's labels (in input order, kept articles only) into the statistics and the gold capture. */
  accept(path: string, labelled: LabelledArticle, goldTexts: readonly string[]): void {
    for (const result of labelled.results) this.lf.add(result);
    labelled.goldHits.forEach((i, k) => this.captured.push({ path, text: goldTexts[k]!, result: labelled.results[i]! }));
  }

  /** The rule statistics and gold captures so far, as plain data (a sharded build's partial output). */
  partial(): LabelPartial {
    const lf = this.lf;
    return {
      counts: [lf.sentences, lf.attributed, lf.hedged, lf.stanced, lf.targeted],
      rules: [...lf.rules.entries()].map(([rule, c]) => [rule, { ...c, values: [...c.values.entries()] }]),
      captured: this.captured,
    };
  }

  /**
   * Adds a later shard's partial: counts summed, rules and values in first-seen
   * order (merging in shard order gives the insertion order of one pass).
   */
  absorb(p: LabelPartial): void {
    const lf = this.lf;
    [lf.sentences, lf.attributed, lf.hedged, lf.stanced, lf.targeted] = p.counts.map((v, i) => v + [lf.sentences, lf.attributed, lf.hedged, lf.stanced, lf.targeted][i]!) as [number, number, number, number, number];
    for (const [rule, c] of p.rules) {
      const mine = lf.rules.get(rule);
      if (!mine) {
        lf.rules.set(rule, { ...c, values: new Map(c.values) } as never);
        continue;
      }
      const m = mine as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(c)) if (typeof v === "number") m[k] = (m[k] as number) + v;
      for (const [k, v] of c.values) mine.values.set(k, (mine.values.get(k) ?? 0) + v);
    }
    this.captured.push(...p.captured);
  }

  /** The gold items scored (empty without a gold set). */
  get goldItems(): readonly GoldItem[] {
    return this.gold ?? [];
  }

  /** `wrap` replaces the lookup of the gold items (the gold benchmark's in-article labelling); default: the run's sentences, else context. */
  report(wrap?: (lookup: GoldLookup) => GoldLookup): LabellerReport {
    if (!this.gold) return buildLabellerReport({ lf: this.lf, gold: null });
    const base = makeGoldLookup(this.captured, this.lex, this.pipeline);
    const lookup = wrap ? wrap(base) : base;
    const files = new Map<string, GoldItem[]>();
    for (const g of this.gold) {
      const file = basename(g.at.replace(/:\d+$/, ""));
      files.set(file, [...(files.get(file) ?? []), g]);
    }
    const goldByFile = [...files.keys()].sort().map((file) => ({ file, score: scoreAgainstGold(files.get(file)!, lookup) }));
    return buildLabellerReport({ lf: this.lf, gold: scoreAgainstGold(this.gold, lookup), goldByFile });
  }
}
