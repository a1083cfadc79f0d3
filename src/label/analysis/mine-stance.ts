// Mining the stance predicate classes (issue 19) from unlabelled news:
// PolNeAR train's article texts and the AllSides corpus. A class is given by a
// few seed verbs (STANCE_SEEDS); the miner counts, for every verb form of the
// corpora, the frames it occurs in and the seeds it is coordinated with, and
// puts a verb in a class by these counts:
//   - polarity (support, oppose): coordination with the seeds of one polarity
//     ("supported and defended", "condemning and rejecting"; conjoined verbs
//     share their polarity, Hatzivassiloglou & McKeown 1997), at least
//     MIN_COORD times and POLARITY_RATIO times as often as with the other;
//   - heads (intent, failure): a to-infinitive head ("vowed to …", "failed to …") in at least MIN_FRAME_RATE of
//     its occurrences whose complement verbs are nearest (cosine ≥ MIN_COSINE, by COSINE_MARGIN) to that class's
//     seeds' complement verbs;
//   - control ("urged X to …"): an object then a to-infinitive in at least MIN_CONTROL_RATE of its occurrences,
//     those to-verbs at cosine ≥ MIN_CONTROL_COSINE to the control seeds';
//   - proposal: the seeds only.
// Only verbs are mined (a form in -ed seen MIN_FORM times) that occur MIN_OCCURRENCES times.
// Pure and deterministic: counts come from the texts in the order given, and
// every list written is sorted by its own keys.

/** A stance class of data/lexicons/stance_classes.csv. */
export type StanceClass = "support" | "oppose" | "intent" | "failure" | "proposal" | "control";
export const STANCE_CLASSES: readonly StanceClass[] = ["support", "oppose", "intent", "failure", "proposal", "control"];

/** The seeds of each class, by stem (stemOf): the only hand-given part. */
export const STANCE_SEEDS: Readonly<Record<StanceClass, readonly string[]>> = {
  support: ["support", "endors", "back", "champion", "defend", "prais", "embrac", "welcom", "favor", "advocat"],
  oppose: ["oppos", "reject", "condemn", "denounc", "criticiz", "fight", "resist", "block", "attack", "slam"],
  intent: ["vow", "pledg", "promis", "plan", "intend"],
  failure: ["fail", "neglect"],
  proposal: ["propos", "suggest", "recommend"],
  control: ["urg", "encourag", "press"],
};

export const MIN_COORD = 10;
export const POLARITY_RATIO = 3;
/** A polarity candidate occurs at least this often (rare words coordinate by accident). */
export const MIN_OCCURRENCES = 100;
export const MIN_FRAME_RATE = 0.25;
export const MIN_CONTROL_RATE = 0.2;
/** Cosine of a head's complements to its class's seeds'; for intent vs failure, by this margin over the other. */
export const MIN_COSINE = 0.5;
export const COSINE_MARGIN = 0.1;
/** Cosine of a control candidate's object + to-complements to the control seeds'. */
export const MIN_CONTROL_COSINE = 0.75;
/** A form counts (as a form of the stem, as evidence that it is a verb) when seen this often. */
export const MIN_FORM = 5;

const DETERMINERS = new Set("the a an his her their its our my your this that these those him them me us you it some any every each all no".split(" "));
const WORD = /^[a-z][a-z'-]*$/;
/** Function words, which a crude stem can make look like verbs ("not" of "noted", "will" of "willed"). */
const FUNCTION_WORDS = new Set("not but will can could would should may might must shall far long best more most also just only even still".split(" "));

/** A crude stem that joins a verb's regular forms: vowed, vowing, vows → vow; urged, urges → urg; stopped → stop. */
export function stemOf(form: string): string {
  let s = form;
  if (s.length > 5 && s.endsWith("ies")) s = s.slice(0, -3) + "y";
  else if (s.length > 5 && s.endsWith("ied")) s = s.slice(0, -3) + "y";
  else if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  else if (s.length > 4 && s.endsWith("es") && !s.endsWith("ses")) s = s.slice(0, -1);
  else if (s.length > 3 && s.endsWith("s") && !s.endsWith("ss")) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
  // Doubled final consonant of -ed/-ing forms: stopp → stop.
  if (s.length > 3 && s[s.length - 1] === s[s.length - 2] && !/[aeiousl]/.test(s[s.length - 1]!)) s = s.slice(0, -1);
  return s;
}

/** Verb-like inflected forms only take part in coordination ("supported and defended", not "support and training"). */
const isVerbForm = (w: string) => w.length > 4 && (w.endsWith("ed") || w.endsWith("ing"));

/** Tokens of a text: lower-cased words, and punctuation as single tokens (frames never cross them). */
export function mineTokens(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z][a-z'-]*|[0-9]+|[.,;:!?()"“”—–]/g) ?? [];
}

interface StemCounts {
  occurrences: number;
  to: number;
  objectTo: number;
  that: number;
  forms: Map<string, number>;
  /** Coordination with each class's seeds. */
  coord: Map<StanceClass, number>;
  /** Verbs of its to-complements. */
  complements: Map<string, number>;
  /** Verbs of its object + to-complements ("urged Congress to act"). */
  objectComplements: Map<string, number>;
}

/** Counts over texts; add() every text of a corpus, then rows(). */
export class StanceMiner {
  private readonly stems = new Map<string, StemCounts>();
  private readonly seedClass = new Map<string, StanceClass>();
  readonly corpusTokens: Record<string, number> = {};

  constructor() {
    for (const c of STANCE_CLASSES) for (const s of STANCE_SEEDS[c]) this.seedClass.set(s, c);
  }

  private at(stem: string): StemCounts {
    let c = this.stems.get(stem);
    if (!c) this.stems.set(stem, (c = { occurrences: 0, to: 0, objectTo: 0, that: 0, forms: new Map(), coord: new Map(), complements: new Map(), objectComplements: new Map() }));
    return c;
  }

  add(corpus: string, text: string): void {
    const t = mineTokens(text);
    this.corpusTokens[corpus] = (this.corpusTokens[corpus] ?? 0) + t.length;
    for (let i = 0; i < t.length; i++) {
      const w = t[i]!;
      if (!WORD.test(w) || w.length < 3) continue;
      const stem = stemOf(w);
      const c = this.at(stem);
      c.occurrences++;
      c.forms.set(w, (c.forms.get(w) ?? 0) + 1);
      const n1 = t[i + 1];
      if (n1 === "that") c.that++;
      // "vowed to fight": to + a word that is no determiner or pronoun (not "gave it to the court").
      if (n1 === "to" && t[i + 2] !== undefined && WORD.test(t[i + 2]!) && !DETERMINERS.has(t[i + 2]!)) {
        c.to++;
        c.complements.set(stemOf(t[i + 2]!), (c.complements.get(stemOf(t[i + 2]!)) ?? 0) + 1);
      } else if (n1 !== undefined && n1 !== "to" && WORD.test(n1)) {
        // "urged Congress to act", "pressed the Fed to cut": an object of one to four words, then to + verb.
        for (let k = i + 2; k <= i + 5 && k + 1 < t.length; k++) {
          if (!WORD.test(t[k]!)) break;
          if (t[k] === "to") {
            if (WORD.test(t[k + 1]!) && !DETERMINERS.has(t[k + 1]!)) {
              c.objectTo++;
              const v = stemOf(t[k + 1]!);
              c.objectComplements.set(v, (c.objectComplements.get(v) ?? 0) + 1);
            }
            break;
          }
        }
      }
      // "supported and defended": conjoined verb forms of the same inflection.
      if ((n1 === "and" || n1 === "or") && t[i + 2] !== undefined && isVerbForm(w) && isVerbForm(t[i + 2]!) && w.slice(-2) === t[i + 2]!.slice(-2)) {
        const other = stemOf(t[i + 2]!);
        if (other !== stem) {
          const a = this.seedClass.get(other);
          if (a) c.coord.set(a, (c.coord.get(a) ?? 0) + 1);
          const b = this.seedClass.get(stem);
          if (b) {
            const o = this.at(other);
            o.coord.set(b, (o.coord.get(b) ?? 0) + 1);
          }
        }
      }
    }
  }

  /** The class rows: seeds and mined members, with their counts; sorted by class, then evidence, then frequency. */
  rows(): StanceClassRow[] {
    const out: StanceClassRow[] = [];
    const centroid = (classes: readonly StanceClass[], of: (c: StemCounts) => ReadonlyMap<string, number>) => {
      const sum = new Map<string, number>();
      for (const cls of classes)
        for (const s of STANCE_SEEDS[cls]) {
          const c = this.stems.get(s);
          if (c) for (const [k, v] of unit(of(c))) sum.set(k, (sum.get(k) ?? 0) + v);
        }
      return unit(sum);
    };
    // Heads that pass a position on (intent) and heads whose complement is not done (failure) are told apart by their
    // to-complements ("vowed to fight", "failed to disclose"); control verbs by their object + to-complements.
    const toCentroids = new Map<StanceClass, Map<string, number>>([
      ["intent", centroid(["intent"], (c) => c.complements)],
      ["failure", centroid(["failure"], (c) => c.complements)],
    ]);
    const controlCentroid = centroid(["control"], (c) => c.objectComplements);
    for (const stem of [...this.stems.keys()].sort()) {
      const c = this.stems.get(stem)!;
      const seed = this.seedClass.get(stem);
      const coord = (k: StanceClass) => c.coord.get(k) ?? 0;
      let cls: StanceClass | undefined = seed;
      let evidence = seed ? "seed" : "";
      // Only verbs are mined: a form in -ed seen at least MIN_FORM times ("vowed", "urged"; not "likely", "effort").
      const cosControl = dot(unit(c.objectComplements), controlCentroid);
      const cosIntent = dot(unit(c.complements), toCentroids.get("intent")!);
      const cosFailure = dot(unit(c.complements), toCentroids.get("failure")!);
      const verb = [...c.forms.entries()].some(([f, n]) => f.endsWith("ed") && n >= MIN_FORM);
      if (!cls && verb && !FUNCTION_WORDS.has(stem) && c.occurrences >= MIN_OCCURRENCES) {
        const toRate = c.to / c.occurrences;
        const controlRate = c.objectTo / c.occurrences;
        const sup = coord("support");
        const opp = coord("oppose");
        if (controlRate >= MIN_CONTROL_RATE && cosControl >= MIN_CONTROL_COSINE) {
          cls = "control";
          evidence = "object_to";
        } else if (toRate >= MIN_FRAME_RATE) {
          const v = unit(c.complements);
          const scored = [...toCentroids.entries()].map(([h, m]) => ({ h, cos: dot(v, m) })).sort((a, b) => b.cos - a.cos || a.h.localeCompare(b.h));
          if (scored[0]!.cos >= MIN_COSINE && scored[0]!.cos - scored[1]!.cos >= COSINE_MARGIN) {
            cls = scored[0]!.h;
            evidence = "to";
          }
        }
        if (!cls && sup >= MIN_COORD && sup >= POLARITY_RATIO * opp) {
          cls = "support";
          evidence = "coordination";
        } else if (!cls && opp >= MIN_COORD && opp >= POLARITY_RATIO * sup) {
          cls = "oppose";
          evidence = "coordination";
        }
      }
      if (!cls) continue;
      const forms = [...c.forms.entries()].filter(([, n]) => n >= MIN_FORM).map(([f]) => f).sort();
      if (forms.length === 0) continue;
      out.push({
        stem, class: cls, evidence, forms, occurrences: c.occurrences, to: c.to, object_to: c.objectTo, that: c.that,
        coord_support: coord("support"), coord_oppose: coord("oppose"),
        cos_intent: round3(cosIntent), cos_failure: round3(cosFailure), cos_control: round3(cosControl),
      });
    }
    return out.sort((a, b) => STANCE_CLASSES.indexOf(a.class) - STANCE_CLASSES.indexOf(b.class) || (a.evidence === "seed" ? 0 : 1) - (b.evidence === "seed" ? 0 : 1) || b.occurrences - a.occurrences || a.stem.localeCompare(b.stem));
  }
}

export interface StanceClassRow {
  stem: string;
  class: StanceClass;
  /** seed (hand-given), coordination, complements (nearest seeds' to-complements). */
  evidence: string;
  /** The forms seen at least 5 times. */
  forms: string[];
  occurrences: number;
  to: number;
  object_to: number;
  that: number;
  coord_support: number;
  coord_oppose: number;
  /** Cosines of its to-complements to the intent and failure seeds', of its object + to-complements to the control seeds'. */
  cos_intent: number;
  cos_failure: number;
  cos_control: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function unit(m: ReadonlyMap<string, number> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!m) return out;
  let n = 0;
  for (const v of m.values()) n += v * v;
  n = Math.sqrt(n);
  if (n === 0) return out;
  for (const k of [...m.keys()].sort()) out.set(k, m.get(k)! / n);
  return out;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const [k, v] of a) s += v * (b.get(k) ?? 0);
  return s;
}

export const STANCE_CLASS_COLUMNS = ["stem", "class", "evidence", "forms", "occurrences", "to", "object_to", "that", "coord_support", "coord_oppose", "cos_intent", "cos_failure", "cos_control"] as const;

/** The CSV text of the rows (forms |-separated). */
export function stanceClassesCsv(rows: readonly StanceClassRow[], header: readonly string[]): string {
  const lines = [...header.map((h) => `# ${h}`), STANCE_CLASS_COLUMNS.join(",")];
  for (const r of rows) lines.push([r.stem, r.class, r.evidence, r.forms.join("|"), r.occurrences, r.to, r.object_to, r.that, r.coord_support, r.coord_oppose, r.cos_intent, r.cos_failure, r.cos_control].join(","));
  return lines.join("\n") + "\n";
}
