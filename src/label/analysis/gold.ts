// The hand-annotated gold set (data/gold/*.jsonl): loading, validation and
// the lookup that pairs each gold item with the labeller's output for it.
// One JSON object per line; every problem is `<file>:<line>: <what>`.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { z } from "zod";
import { InputError } from "../../errors.ts";
import { ActorType, HedgeType, Stance, type Article } from "../../schema.ts";
import type { LabelledSentence } from "../labels.ts";
import { FULL_PIPELINE, labelArticle, type Pipeline } from "../pipeline.ts";
import type { Lexicons } from "../lexicon/lexicons.ts";

/** Fields a gold item may annotate. */
export const GOLD_FIELDS = ["actor", "cue", "target", "stance", "hedges", "target_text", "target_entity"] as const;
export type GoldField = (typeof GOLD_FIELDS)[number];
/** What an item annotates when it does not say (files annotated before open targets). */
export const LEGACY_FIELDS: readonly GoldField[] = ["actor", "cue", "target", "stance", "hedges"];

const GoldActor = z
  .object({ name: z.string().min(1), type: ActorType, affiliation: z.string().min(1).nullable(), mention: z.string().optional() })
  .strict();
const GoldHedgeRow = z.object({ cue: z.string().min(1), type: HedgeType, start: z.number().int().min(0).optional() }).strict();

export const GoldItemRow = z
  .object({
    gid: z.string().min(1),
    source: z.string().min(1),
    text: z.string().min(1),
    context: z.array(z.string()).optional(),
    actor: GoldActor.nullable(),
    cue: z.string().min(1).nullable(),
    target: z.string().min(1).nullable(),
    stance: Stance,
    hedges: z.array(GoldHedgeRow).optional(),
    /** The phrase the stance is taken on (stance gold files); absent in files annotated before open targets. */
    target_text: z.string().min(1).nullable().optional(),
    target_entity: z.string().min(1).nullable().optional(),
    /** The fields the annotator labelled (absent = all of actor, cue, target, stance, hedges). */
    annotated: z.array(z.enum(GOLD_FIELDS)).optional(),
    note: z.string().nullable().optional(),
  })
  .strict()
  .refine((g) => g.target !== null || g.target_text != null || g.stance === "neutral", { message: "stance must be neutral when target and target_text are null" })
  .refine((g) => g.hedges !== undefined || (g.annotated !== undefined && !g.annotated.includes("hedges")), { message: "hedges missing (or leave it out of annotated)" });

export interface GoldHedge {
  cue: string;
  type: HedgeType;
  /** Code points within `text`. */
  start: number;
  end: number;
}

export interface GoldItem {
  gid: string;
  source: string;
  text: string;
  context: string[];
  actor: z.infer<typeof GoldActor> | null;
  cue: string | null;
  target: string | null;
  stance: Stance;
  hedges: GoldHedge[];
  /** null when the file predates open targets: its stance is the stance toward a topic of the lexicon. */
  targetText?: string | null | undefined;
  targetEntity?: string | null | undefined;
  /** The fields the annotator labelled (undefined = actor, cue, target, stance, hedges); the scorer skips the others. */
  annotated?: ReadonlySet<GoldField> | undefined;
  note: string | null;
  /** Where the item was read from, for messages. */
  at: string;
}

const cpLength = (s: string) => [...s].length;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Code-point span of `cue` in `text` on word boundaries: at `start` if given, else the first occurrence. */
export function locateCue(text: string, cue: string, start?: number): { start: number; end: number } | null {
  const cps = [...text];
  const want = [...cue.toLowerCase()];
  const matchesAt = (i: number) => {
    for (let k = 0; k < want.length; k++) if (cps[i + k]?.toLowerCase() !== want[k]) return false;
    return true;
  };
  if (start !== undefined) return matchesAt(start) ? { start, end: start + want.length } : null;
  let fallback: number | null = null;
  for (let i = 0; i + want.length <= cps.length; i++) {
    if (!matchesAt(i)) continue;
    const before = cps[i - 1];
    const after = cps[i + want.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return { start: i, end: i + want.length };
    fallback ??= i;
  }
  return fallback === null ? null : { start: fallback, end: fallback + want.length };
}

/** Parses one JSONL file's text. */
export function parseGold(file: string, text: string): GoldItem[] {
  const items: GoldItem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((raw, k) => {
    const line = raw.trim();
    if (line === "") return;
    const at = `${file}:${k + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new InputError(`${at}: not valid JSON`);
    }
    const parsed = GoldItemRow.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      throw new InputError(`${at}: ${where}${issue?.message ?? "invalid gold item"}`);
    }
    const g = parsed.data;
    const hedges = (g.hedges ?? []).map((h, i) => {
      const span = locateCue(g.text, h.cue, h.start);
      if (!span) throw new InputError(`${at}: hedges.${i}: cue "${h.cue}" not found in text${h.start !== undefined ? ` at ${h.start}` : ""}`);
      return { cue: h.cue, type: h.type, ...span };
    });
    items.push({ gid: g.gid, source: g.source, text: g.text, context: g.context ?? [], actor: g.actor, cue: g.cue, target: g.target, stance: g.stance, hedges,
      targetText: g.target_text, targetEntity: g.target_entity, annotated: new Set<GoldField>(g.annotated ?? LEGACY_FIELDS), note: g.note ?? null, at });
  });
  return items;
}

/** Loads a gold file, or every *.jsonl of a directory (sorted by name). Duplicate gids are an error. */
export async function loadGold(path: string): Promise<GoldItem[]> {
  let files: string[];
  try {
    files = (await stat(path)).isDirectory() ? (await readdir(path)).filter((f) => f.endsWith(".jsonl")).sort().map((f) => join(path, f)) : [path];
  } catch {
    throw new InputError(`${path}: gold set not found`);
  }
  const items: GoldItem[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    for (const item of parseGold(f, await readFile(f, "utf8"))) {
      const first = seen.get(item.gid);
      if (first) throw new InputError(`${item.at}: duplicate gid "${item.gid}" (first at ${first})`);
      seen.set(item.gid, item.at);
      items.push(item);
    }
  }
  return items;
}

/** A labelled sentence of the pipeline's run, keyed for gold lookup. */
export interface LabelledText {
  /** `source.path` of the record. */
  path: string;
  text: string;
  result: LabelledSentence;
}

export interface GoldLookup {
  (item: GoldItem): LabelledSentence;
  /** gids labelled out of their article (no pipeline sentence matched): context + text only. */
  readonly isolated: ReadonlySet<string>;
}

const sourceFile = (s: string) => basename(s.replace(/:.*$/, ""));

/**
 * Pairs gold items with labeller output: an item whose source file and exact
 * text match a sentence of the run gets that sentence's labels (labelled in its
 * real article context); any other item (corpus items, or text the pipeline
 * segmented differently) is labelled as a small article of `context` + `text`.
 */
export function makeGoldLookup(labelled: Iterable<LabelledText>, lex: Lexicons, pipeline: Pipeline = FULL_PIPELINE): GoldLookup {
  const byKey = new Map<string, LabelledSentence>();
  for (const l of labelled) {
    const key = `${sourceFile(l.path)}\u0000${l.text}`;
    if (!byKey.has(key)) byKey.set(key, l.result);
  }
  const isolated = new Set<string>();
  const lookup = (item: GoldItem): LabelledSentence => {
    const hit = byKey.get(`${sourceFile(item.source)}\u0000${item.text}`);
    if (hit) return hit;
    isolated.add(item.gid);
    const texts = [...item.context, item.text];
    const article: Article = {
      doc_id: `gold:${item.gid}`,
      source: { path: item.source, outlet: null, published: null },
      // The labeller reads only `text`; the extract stage's word list would cost a wink-tokenizer pass per sentence.
      sentences: texts.map((text) => ({ text, start: 0, end: cpLength(text), kind: "body" as const, words: [] })),
    };
    return labelArticle(article, lex, pipeline).at(-1)!;
  };
  return Object.assign(lookup, { isolated });
}
