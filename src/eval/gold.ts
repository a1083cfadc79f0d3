// The hand-annotated gold set (data/gold/*.jsonl) and the leakage filter:
// a gold item is scored only when its text is not a training sentence and
// not a near-duplicate of one (isNearDuplicate: word 3-shingle Jaccard
// ≥ 0.5). The filter is an inverted index from shingle to gold items, probed
// with each training record's shingles as train streams by: only pairs that
// share a shingle are compared, never all pairs.
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../errors.ts";
import { HedgeType, Stance } from "../schema.ts";
import { isNearDuplicate, shingles } from "../shingles.ts";
import { words } from "../tokens.ts";
import { attributedOf, hedgeTypesOf, type Labelled } from "./data.ts";
import { describeIssue, readJsonl } from "./io.ts";

/** A gold line: at least these fields (more are allowed). `hedged` is hedges.length > 0; `attributed` comes from actor (null = none). */
export const GoldLine = z
  .object({
    gid: z.union([z.string().min(1), z.number()]),
    source: z.unknown(),
    text: z.string().min(1),
    // Only the attributed task reads it; the project gold always has it (null = no actor).
    actor: z.looseObject({ type: z.string().optional() }).nullable().optional(),
    target: z.string().min(1).nullable(),
    stance: Stance,
    hedges: z.array(z.looseObject({ cue: z.string().min(1), type: HedgeType })),
  })
  .loose();

export interface GoldItem extends Labelled {
  gid: string;
  text: string;
  words: string[];
}

export interface GoldFile {
  file: string;
  sha256: string;
  items: number;
}

export interface GoldSet {
  files: GoldFile[];
  items: GoldItem[];
}

/** Loads every `*.jsonl` in `dir` (sorted by name). Returns null when the folder is missing or holds no gold file. */
export async function loadGold(dir: string): Promise<GoldSet | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".jsonl"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new InputError(`${dir}: cannot read gold folder (${code ?? String(err)})`);
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) return null;
  const set: GoldSet = { files: [], items: [] };
  const seen = new Set<string>();
  for (const name of names) {
    const file = join(dir, name);
    const hash = createHash("sha256");
    let count = 0;
    for await (const { line, value } of readJsonl(file, hash)) {
      const parsed = GoldLine.safeParse(value);
      if (!parsed.success) throw new InputError(`${file}:${line}: ${describeIssue(parsed.error.issues)}`);
      const g = parsed.data;
      const gid = String(g.gid);
      if (seen.has(gid)) throw new InputError(`${file}:${line}: duplicate gid ${JSON.stringify(gid)}`);
      seen.add(gid);
      set.items.push({
        gid,
        text: g.text,
        words: words(g.text),
        stance: g.stance,
        hedged: g.hedges.length > 0,
        attributed: attributedOf(g.actor),
        hedgeTypes: hedgeTypesOf(g.hedges),
      });
      count++;
    }
    set.files.push({ file: name, sha256: hash.digest("hex"), items: count });
  }
  return set;
}

/**
 * Watches the dataset records stream by and works out, for each gold item,
 * whether it leaks into train (exact text or near-duplicate) and which
 * silver labels the rule labeller gave the same sentence (first record with
 * that exact text, train before test).
 */
export class GoldMatcher {
  /** 1 when the exact text is a training sentence. */
  readonly inTrain: Uint8Array;
  /** 1 when not in train but a near-duplicate of a training sentence. */
  readonly nearDuplicate: Uint8Array;
  /** Silver labels of the first dataset record with the same text. */
  readonly silver: Array<Labelled | undefined>;
  private readonly byText = new Map<string, number[]>();
  private readonly byShingle = new Map<string, number[]>();

  constructor(readonly items: readonly GoldItem[]) {
    this.inTrain = new Uint8Array(items.length);
    this.nearDuplicate = new Uint8Array(items.length);
    this.silver = new Array<Labelled | undefined>(items.length).fill(undefined);
    items.forEach((g, i) => {
      push(this.byText, g.text, i);
      for (const s of shingles(g.words)) push(this.byShingle, s, i);
    });
  }

  /** A training record: flags the gold items it leaks. */
  observeTrain(text: string, tokens: readonly string[]): void {
    const exact = this.byText.get(text);
    if (exact)
      for (const i of exact) {
        this.inTrain[i] = 1;
        this.nearDuplicate[i] = 0;
      }
    const candidates = new Set<number>();
    for (const s of shingles(tokens)) {
      const hits = this.byShingle.get(s);
      if (hits) for (const i of hits) if (this.inTrain[i] === 0 && this.nearDuplicate[i] === 0) candidates.add(i);
    }
    for (const i of candidates) if (isNearDuplicate(this.items[i]!.words, tokens)) this.nearDuplicate[i] = 1;
  }

  /** Any dataset record (train or test): remembers its silver labels for the gold item with the same text. */
  observeRecord(text: string, labels: Labelled): void {
    const exact = this.byText.get(text);
    if (exact) for (const i of exact) if (this.silver[i] === undefined)
          this.silver[i] = { stance: labels.stance, hedged: labels.hedged, attributed: labels.attributed, hedgeTypes: labels.hedgeTypes };
  }

  /** Indices of the gold items that do not leak into train, in gold order. */
  eligible(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.items.length; i++) if (this.inTrain[i] === 0 && this.nearDuplicate[i] === 0) out.push(i);
    return out;
  }

  counts(): { items: number; in_train: number; near_duplicate_of_train: number; eligible: number } {
    let inTrain = 0;
    let near = 0;
    for (let i = 0; i < this.items.length; i++) {
      inTrain += this.inTrain[i]!;
      near += this.nearDuplicate[i]!;
    }
    return { items: this.items.length, in_train: inTrain, near_duplicate_of_train: near, eligible: this.items.length - inTrain - near };
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
