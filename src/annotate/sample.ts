// `annotate sample`: the records worth an annotator's hour. Stratified by
// field and class — attributed (named / unnamed / none), stance (support /
// oppose / neutral), hedge type (none or each of the five) — in turns: each
// turn takes the field's class drawn least so far and its next record, so the
// rare classes are filled first and every class present is represented.
// Within a class the order is a seeded hash of the record id (no Math.random),
// or, with `informative`, records carrying more signals first: two rules of
// one field (the rules overlapped or conflicted), the attribution tagger
// deciding (actor.model / content.model: the records carry no margin, the
// tagger's involvement is the closest signal they keep), a rule that fired
// rarely in this dataset, a rule whose votes often conflicted with another
// rule's (CONFLICT_RATE, from the build's labeller-report.json when present).
// Never two records of one near-duplicate cluster (dup_group), with the same
// normalised text or near-duplicates by the spec's measure (word 3-shingle
// Jaccard >= 0.5, src/shingles.ts).
import { createHash } from "node:crypto";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { describeIssue, readJsonl } from "../eval/io.ts";
import { ClaimRecord, HEDGE_TYPES, STANCES } from "../schema.ts";
import { jaccard, NEAR_DUP_THRESHOLD, shingles } from "../shingles.ts";
import { attributedOf, type SampleItem } from "./item.ts";

export interface SampleOptions {
  n: number;
  seed: number;
  /** Sentences of context before and after (same doc_id, by sentence_index). */
  context: number;
  informative: boolean;
  /** Per rule, the share of its votes that conflicted with another rule (the build's labeller-report.json), if known. */
  conflictRates?: ReadonlyMap<string, number>;
}

/** Rules whose votes conflicted this often count as an informative signal. */
export const CONFLICT_RATE = 0.05;

/** Conflict rate per rule from a labeller-report.json (conflicts and votes are Snorkel's LF summary: share of sentences, count). */
export function conflictRatesOf(report: unknown): Map<string, number> {
  const r = report as { corpus?: { sentences?: number }; rules?: { rule: string; votes: number; conflicts: number }[] };
  const sentences = r.corpus?.sentences ?? 0;
  const out = new Map<string, number>();
  for (const rule of r.rules ?? []) if (rule.votes > 0) out.set(rule.rule, (rule.conflicts * sentences) / rule.votes);
  return out;
}

type Field = "attributed" | "stance" | "hedge";
const CLASSES: Record<Field, readonly string[]> = {
  attributed: ["named", "unnamed", "none"],
  stance: STANCES,
  hedge: ["none", ...HEDGE_TYPES],
};
const FIELDS = Object.keys(CLASSES) as Field[];

function classesOf(r: ClaimRecord): Record<Field, string[]> {
  return {
    attributed: [attributedOf(r)],
    stance: [r.stance],
    hedge: r.hedges.length === 0 ? ["none"] : [...new Set(r.hedges.map((h) => h.type))],
  };
}

/** Reads train.jsonl and test.jsonl of a dataset folder (or the given JSONL files), validating every record. */
export async function readRecords(paths: readonly string[]): Promise<ClaimRecord[]> {
  const out: ClaimRecord[] = [];
  for (const file of paths) {
    for await (const { line, value } of readJsonl(file)) {
      const p = ClaimRecord.safeParse(value);
      if (!p.success) throw new InputError(`${file}:${line}: ${describeIssue(p.error.issues)}`);
      out.push(p.data);
    }
  }
  return out;
}

export const datasetFiles = (dir: string): string[] => [join(dir, "train.jsonl"), join(dir, "test.jsonl")];

const textKey = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** A seeded 48-bit hash of the id: the order within a class. */
function rank(seed: number, id: string): number {
  return parseInt(createHash("sha256").update(`${seed}\u0000${id}`).digest("hex").slice(0, 12), 16);
}

/** The informative signals of each record (see the file head). */
export function signalsOf(records: readonly ClaimRecord[], conflictRates: ReadonlyMap<string, number> = new Map()): string[][] {
  const freq = new Map<string, number>();
  for (const r of records) for (const rule of new Set(r.rules)) freq.set(rule, (freq.get(rule) ?? 0) + 1);
  const rareAt = Math.max(3, Math.floor(records.length * 0.005));
  return records.map((r) => {
    const s: string[] = [];
    const byField = new Map<string, number>();
    for (const rule of r.rules) {
      const f = rule.slice(0, rule.indexOf(".") >>> 0);
      byField.set(f, (byField.get(f) ?? 0) + 1);
    }
    for (const [f, k] of [...byField].sort()) if (k > 1) s.push(`overlap:${f}`);
    for (const rule of [...new Set(r.rules)].sort()) if ((conflictRates.get(rule) ?? 0) >= CONFLICT_RATE) s.push(`conflicts:${rule}`);
    if (r.rules.includes("actor.model") || r.rules.includes("content.model")) s.push("tagger");
    for (const rule of [...new Set(r.rules)].sort()) if ((freq.get(rule) ?? 0) <= rareAt) s.push(`rare:${rule}`);
    return s;
  });
}

/** Draws the sample (deterministic for the same records and options, whatever their file order). */
export function drawSample(records: readonly ClaimRecord[], opts: SampleOptions): SampleItem[] {
  // Input order must not matter: work on the records sorted by id.
  const recs = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const signals = signalsOf(recs, opts.conflictRates);
  const ranks = recs.map((r) => rank(opts.seed, r.id));
  const order = recs.map((_, i) => i).sort((a, b) => (opts.informative ? signals[b]!.length - signals[a]!.length : 0) || ranks[a]! - ranks[b]! || a - b);
  const lists = new Map<string, number[]>();
  for (const i of order) {
    const cls = classesOf(recs[i]!);
    for (const f of FIELDS) for (const c of cls[f]) {
      const key = `${f}=${c}`;
      if (!lists.has(key)) lists.set(key, []);
      lists.get(key)!.push(i);
    }
  }
  const cursor = new Map<string, number>();
  const counts = new Map<string, number>();
  const usedGroups = new Set<string>();
  const usedTexts = new Set<string>();
  const picked: { i: number; stratum: string }[] = [];
  const pickedShingles: Set<string>[] = [];
  const shinglesOf = (i: number) => shingles(textKey(recs[i]!.text).split(" "));
  const blocked = (i: number) => {
    if (usedGroups.has(recs[i]!.dup_group) || usedTexts.has(textKey(recs[i]!.text))) return true;
    const mine = shinglesOf(i);
    return pickedShingles.some((p) => jaccard(p, mine) >= NEAR_DUP_THRESHOLD);
  };
  const next = (key: string): number | null => {
    const list = lists.get(key) ?? [];
    let k = cursor.get(key) ?? 0;
    while (k < list.length && blocked(list[k]!)) k++;
    cursor.set(key, k);
    return k < list.length ? list[k]! : null;
  };
  let idle = 0;
  for (let turn = 0; picked.length < opts.n && idle < FIELDS.length; turn++) {
    const f = FIELDS[turn % FIELDS.length]!;
    let best: { key: string; i: number } | null = null;
    for (const c of CLASSES[f]) {
      const key = `${f}=${c}`;
      const i = next(key);
      if (i === null) continue;
      if (best === null || (counts.get(key) ?? 0) < (counts.get(best.key) ?? 0)) best = { key, i };
    }
    if (best === null) {
      idle++;
      continue;
    }
    idle = 0;
    const r = recs[best.i]!;
    usedGroups.add(r.dup_group);
    usedTexts.add(textKey(r.text));
    pickedShingles.push(shinglesOf(best.i));
    const cls = classesOf(r);
    for (const g of FIELDS) for (const c of cls[g]) counts.set(`${g}=${c}`, (counts.get(`${g}=${c}`) ?? 0) + 1);
    picked.push({ i: best.i, stratum: best.key });
  }
  // Context: the records of the same article by sentence_index.
  const wanted = new Set(picked.map((p) => recs[p.i]!.doc_id));
  const byDoc = new Map<string, Map<number, string>>();
  for (const r of recs) {
    if (!wanted.has(r.doc_id)) continue;
    if (!byDoc.has(r.doc_id)) byDoc.set(r.doc_id, new Map());
    byDoc.get(r.doc_id)!.set(r.sentence_index, r.text);
  }
  return picked.map(({ i, stratum }, k) => {
    const r = recs[i]!;
    const doc = byDoc.get(r.doc_id)!;
    const around = (from: number, to: number) => {
      const out: string[] = [];
      for (let j = from; j <= to; j++) if (j >= 0 && doc.has(j)) out.push(doc.get(j)!);
      return out;
    };
    return {
      id: r.id,
      n: k + 1,
      record: r,
      context_before: around(r.sentence_index - opts.context, r.sentence_index - 1),
      context_after: around(r.sentence_index + 1, r.sentence_index + opts.context),
      stratum,
      signals: signals[i]!,
    };
  });
}

export const sampleJsonl = (items: readonly SampleItem[]): string => items.map((it) => JSON.stringify(it)).join("\n") + "\n";
