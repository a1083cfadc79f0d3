// Scores `hedged` against sentence-level uncertainty labels: P/R/F1 overall,
// per hedge type, per cue (its precision on this corpus), the distancing
// firings counted apart (right by our spec, "certain" by CoNLL's), and the
// commonest word n-grams of the uncertain sentences the labeller misses.
import { HEDGE_TYPES, type Hedge, type HedgeType } from "../../schema.ts";
import { prf, type Prf } from "../../label/analysis/score.ts";
import { words } from "../../tokens.ts";

export interface CueCount {
  cue: string;
  type: HedgeType;
  /** Sentences the cue fires on, by gold label. */
  uncertain: number;
  certain: number;
  precision: number;
}

export interface TypeCount {
  type: HedgeType;
  uncertain: number;
  certain: number;
  precision: number;
  /** Share of all uncertain sentences this type fires on. */
  recall: number;
}

export interface NgramCount {
  ngram: string;
  /** Missed uncertain sentences containing it. */
  missed: number;
  /** Certain sentences containing it (how much a cue on it would cost). */
  certain: number;
}

export interface UncertaintyScore {
  sentences: number;
  uncertain: number;
  hedged: Prf;
  /** Every sentence called uncertain (the trivial baseline). */
  allUncertain: Prf;
  /** Certain sentences whose only cues are distancing ("so-called", "alleged"): spec-right, CoNLL-wrong. */
  distancingOnlyOnCertain: number;
  /** hedged with those firings not counted as false positives. */
  hedgedWithoutDistancingFp: Prf;
  /** Certain sentences whose only cues are the modal verbs may / might / could (CoNLL's Wikipedia labels mostly leave them certain). */
  modalOnlyOnCertain: number;
  /** Missed uncertain sentences holding a bare vague quantifier ("many cultivars", "some areas"): a vague quantity, no hedge by the spec. */
  missedWithQuantifier: number;
  /** Of those, the ones whose quantifier (within two words) governs a people noun of vague_sources.csv ("many Arab leaders encouraged"): a weasel only as the subject of a generic or opinion predicate. */
  missedWithQuantifierOverPeople: number;
  /** Missed uncertain sentences with no bare quantifier but a peacock term ("his most notable work", "one of the finest"): praise, which the spec does not hedge. */
  missedWithPeacockOnly: number;
  /** What-ifs for the error analysis, not labellers: modal-only firings dropped; bare vague quantifiers counted as cues too (and both). */
  whatIf: { withoutModals: Prf; withQuantifiers: Prf; withQuantifiersWithoutModals: Prf };
  byType: TypeCount[];
  /** The same by hedge rule id (hedge.phrase, hedge.vague_subject …): which rule a firing comes from. */
  byRule: (Omit<TypeCount, "type"> & { rule: string })[];
  cues: CueCount[];
  missedNgrams: NgramCount[][];
  /** A few missed uncertain and falsely hedged sentences (first rows), for reading. */
  missedExamples: string[];
  falseExamples: string[];
}

// Report-only: n-grams made only of these words say nothing about which cue is missing.
const FUNCTION_WORDS = new Set(
  "the a an of and or in on at to for by with from as is are was were be been being it its this that these those which who whom whose he she they his her their there than then also not no but if so such into over under about after before between during s".split(" "),
);
const MAX_N = 3;
const MODALS = new Set(["may", "might", "could"]);
// Report-only: the error analysis counts missed sentences with one of these (a vague quantity the spec does not hedge).
// "the most famous", "his most notable work": a superlative (a peacock term), not a quantifier.
const VAGUE_QUANTIFIERS = /\b(?:some|many|several|(?<!\b(?:the|'s|his|her|its|their|and|one of the) )most(?! (?:notable|famous|important|popular|influential|prominent|successful|significant|celebrated|renowned|acclaimed|respected|common|commonly|often|likely|widely)\b)|various|numerous|few|a number of|countless)\b/i;
// Report-only: peacock terms (Wikipedia's "peacock" weasels: praise without a source), counted apart in the error analysis.
const PEACOCK = /\b(?:most (?:notable|famous|important|popular|influential|prominent|successful|significant|celebrated|renowned|acclaimed|respected|beautiful|exciting)|one of the (?:most|best|greatest|finest|largest|leading|first)|best[- ]known|well[- ]known|renowned|famous|acclaimed|legendary|prestigious|celebrated|greatest|notable|outstanding|remarkable|masterful(?:ly)?|excellent|great)\b/i;
const TOP_NGRAMS = 25;
const EXAMPLES = 20;

/** Accumulates one labelled sentence at a time. */
export class UncertaintyTally {
  private n = 0;
  private pos = 0;
  private tp = 0;
  private fp = 0;
  private distancingFp = 0;
  private modalFp = 0;
  private missedQuantifier = 0;
  private missedQuantifierPeople = 0;
  private missedPeacock = 0;

  /** `people`: the people nouns of vague_sources.csv, for the error analysis's quantifier-over-people count. */
  constructor(private readonly people: ReadonlySet<string> = new Set()) {}

  /** Does a vague quantifier in the words `w` govern a people noun within two words ("many Arab leaders")? */
  private quantifiesPeople(w: readonly string[]): boolean {
    for (let i = 0; i < w.length; i++) {
      if (!/^(?:some|many|several|most|various|numerous|few|countless)$/.test(w[i]!) || (w[i] === "most" && w[i - 1] === "the")) continue;
      for (let k = i + 1; k <= i + 3 && k < w.length; k++) if (this.people.has(w[k]!)) return true;
    }
    return false;
  }
  /** [tp, fp] of the what-ifs, in whatIf's order. */
  private readonly whatIfCounts = [[0, 0], [0, 0], [0, 0]];
  private readonly types = new Map<HedgeType, { u: number; c: number }>();
  private readonly rules = new Map<string, { u: number; c: number }>();
  private readonly cues = new Map<string, { cue: string; type: HedgeType; u: number; c: number }>();
  private readonly missed = Array.from({ length: MAX_N }, () => new Map<string, number>());
  private readonly certainNgrams = Array.from({ length: MAX_N }, () => new Map<string, number>());
  private readonly missedExamples: string[] = [];
  private readonly falseExamples: string[] = [];

  /** `rules`: the sentence's rule ids (labels.rules); its hedge.* ids are counted. */
  add(text: string, uncertain: boolean, hedges: readonly Hedge[], rules: readonly string[] = []): void {
    this.n++;
    const hedged = hedges.length > 0;
    const nonModal = hedges.some((h) => !MODALS.has(h.cue.toLowerCase()));
    const quantifier = VAGUE_QUANTIFIERS.test(text);
    [nonModal, hedged || quantifier, nonModal || quantifier].forEach((called, k) => {
      if (called) this.whatIfCounts[k]![uncertain ? 0 : 1]!++;
    });
    if (uncertain) this.pos++;
    if (hedged && uncertain) this.tp++;
    if (hedged && !uncertain) {
      this.fp++;
      if (hedges.every((h) => MODALS.has(h.cue.toLowerCase()))) this.modalFp++;
      if (hedges.every((h) => h.type === "distancing")) this.distancingFp++;
      else if (this.falseExamples.length < EXAMPLES) this.falseExamples.push(`${text}  ← ${hedges.map((h) => `${h.cue} (${h.type})`).join(", ")}`);
    }
    for (const type of new Set(hedges.map((h) => h.type))) bump(this.types, type, () => ({ u: 0, c: 0 }), uncertain);
    for (const rule of rules) if (rule.startsWith("hedge.")) bump(this.rules, rule, () => ({ u: 0, c: 0 }), uncertain);
    for (const key of new Set(hedges.map((h) => `${h.type}\t${h.cue.toLowerCase()}`))) {
      const [type, cue] = key.split("\t") as [HedgeType, string];
      bump(this.cues, key, () => ({ cue, type, u: 0, c: 0 }), uncertain);
    }
    if (uncertain && hedged) return;
    // n-grams of the certain sentences too, so each missed n-gram shows what a cue on it would cost.
    const into = uncertain ? this.missed : this.certainNgrams;
    if (uncertain && this.missedExamples.length < EXAMPLES) this.missedExamples.push(text);
    const w = words(text);
    if (uncertain && quantifier) {
      this.missedQuantifier++;
      if (this.quantifiesPeople(w)) this.missedQuantifierPeople++;
    } else if (uncertain && PEACOCK.test(text)) this.missedPeacock++;
    for (let n = 1; n <= MAX_N; n++) {
      const seen = new Set<string>();
      for (let i = 0; i + n <= w.length; i++) {
        const gram = w.slice(i, i + n);
        if (gram.every((x) => FUNCTION_WORDS.has(x) || !/\p{L}/u.test(x))) continue;
        seen.add(gram.join(" "));
      }
      const m = into[n - 1]!;
      for (const g of seen) m.set(g, (m.get(g) ?? 0) + 1);
    }
  }

  result(): UncertaintyScore {
    const fn = this.pos - this.tp;
    const byType: TypeCount[] = [];
    for (const type of HEDGE_TYPES) {
      const t = this.types.get(type) ?? { u: 0, c: 0 };
      byType.push({ type, uncertain: t.u, certain: t.c, precision: ratio(t.u, t.u + t.c), recall: ratio(t.u, this.pos) });
    }
    const byRule = [...this.rules.entries()]
      .sort((a, b) => cmp(a[0], b[0]))
      .map(([rule, r]) => ({ rule, uncertain: r.u, certain: r.c, precision: ratio(r.u, r.u + r.c), recall: ratio(r.u, this.pos) }));
    const cues = [...this.cues.values()]
      .map((c) => ({ cue: c.cue, type: c.type, uncertain: c.u, certain: c.c, precision: ratio(c.u, c.u + c.c) }))
      .sort((a, b) => b.uncertain + b.certain - (a.uncertain + a.certain) || cmp(a.type + a.cue, b.type + b.cue));
    const missedNgrams = this.missed.map((m, k) =>
      [...m.entries()]
        .map(([ngram, missed]) => ({ ngram, missed, certain: this.certainNgrams[k]!.get(ngram) ?? 0 }))
        .sort((a, b) => b.missed - a.missed || a.certain - b.certain || cmp(a.ngram, b.ngram))
        .slice(0, TOP_NGRAMS),
    );
    return {
      sentences: this.n,
      uncertain: this.pos,
      hedged: prf(this.tp, this.fp, fn),
      allUncertain: prf(this.pos, this.n - this.pos, 0),
      distancingOnlyOnCertain: this.distancingFp,
      hedgedWithoutDistancingFp: prf(this.tp, this.fp - this.distancingFp, fn),
      modalOnlyOnCertain: this.modalFp,
      missedWithQuantifier: this.missedQuantifier,
      missedWithQuantifierOverPeople: this.missedQuantifierPeople,
      missedWithPeacockOnly: this.missedPeacock,
      whatIf: {
        withoutModals: prf(this.whatIfCounts[0]![0]!, this.whatIfCounts[0]![1]!, this.pos - this.whatIfCounts[0]![0]!),
        withQuantifiers: prf(this.whatIfCounts[1]![0]!, this.whatIfCounts[1]![1]!, this.pos - this.whatIfCounts[1]![0]!),
        withQuantifiersWithoutModals: prf(this.whatIfCounts[2]![0]!, this.whatIfCounts[2]![1]!, this.pos - this.whatIfCounts[2]![0]!),
      },
      byType,
      byRule,
      cues,
      missedNgrams,
      missedExamples: this.missedExamples,
      falseExamples: this.falseExamples,
    };
  }
}

/** Counts one firing under `key`, on an uncertain (u) or a certain (c) sentence; `fresh` makes a key's first entry. */
function bump<K, V extends { u: number; c: number }>(m: Map<K, V>, key: K, fresh: () => V, uncertain: boolean): void {
  const v = m.get(key) ?? fresh();
  if (uncertain) v.u++;
  else v.c++;
  m.set(key, v);
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
/** Code-unit order, not localeCompare: the same order on every machine. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
