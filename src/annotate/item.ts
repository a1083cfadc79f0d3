// The unit of an annotation round: one sampled claim record with its context,
// and the labels an annotator can see and change on it (ItemLabels). Every
// exporter writes ItemLabels and every importer reads them back, so "export →
// import with no edits returns the labeller's labels" is an equality of
// ItemLabels. Spans are code points of the sentence `text`, like records.
import { z } from "zod";
import { InputError } from "../errors.ts";
import { readJsonl, describeIssue } from "../eval/io.ts";
import { ACTOR_TYPES, ClaimRecord, type ActorType, type HedgeType, type Stance } from "../schema.ts";

export interface CpSpan {
  start: number;
  end: number;
}

export interface ItemHedge {
  cue: string;
  type: HedgeType;
  start: number;
  end: number;
}

/** What an annotator labels on one sentence. */
export interface ItemLabels {
  actor: { name: string; type: ActorType; affiliation: string | null } | null;
  actor_span: CpSpan | null;
  cue: string | null;
  cue_span: CpSpan | null;
  content: CpSpan | null;
  /** Topic id (the lexicon's or --targets'), or null. */
  target: string | null;
  target_text: string | null;
  target_span: CpSpan | null;
  target_entity: string | null;
  stance: Stance;
  /** Sorted by start, end, type. */
  hedges: ItemHedge[];
}

export const SampleItem = z
  .object({
    /** The record id (`doc_id#sentence_index`). */
    id: z.string().min(1),
    /** 1-based position in the sample: names the brat files and Label Studio tasks. */
    n: z.number().int().min(1),
    record: ClaimRecord,
    context_before: z.array(z.string()),
    context_after: z.array(z.string()),
    /** Why it was drawn: the class it fills and the informative signals it carries. */
    stratum: z.string(),
    signals: z.array(z.string()),
  })
  .strict();
export type SampleItem = z.infer<typeof SampleItem>;

export const cps = (s: string): string[] => Array.from(s);
export const sliceCp = (text: string, s: CpSpan): string => cps(text).slice(s.start, s.end).join("");

const byHedge = (a: ItemHedge, b: ItemHedge) => a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
export const sortHedges = (hs: ItemHedge[]): ItemHedge[] => [...hs].sort(byHedge);

/** The labeller's labels of a record, as an annotator sees them pre-filled. */
export function labelsOfRecord(r: ClaimRecord): ItemLabels {
  const e = r.evidence;
  return {
    actor: r.actor && { name: r.actor.name, type: r.actor.type, affiliation: r.actor.affiliation },
    actor_span: r.actor ? e.actor : null,
    cue: e.cue ? sliceCp(r.text, e.cue) : r.cue,
    cue_span: e.cue,
    content: r.content,
    target: r.target,
    target_text: e.target ? sliceCp(r.text, e.target) : r.target_text,
    target_span: e.target,
    target_entity: r.target_entity,
    stance: r.stance,
    hedges: sortHedges(r.hedges.map((h) => ({ cue: h.cue, type: h.type, start: h.start, end: h.end }))),
  };
}

/** Attributed class of a labelled sentence: named / unnamed / none. */
export const attributedOf = (l: Pick<ItemLabels, "actor">): "named" | "unnamed" | "none" =>
  l.actor === null ? "none" : l.actor.type === "unnamed" ? "unnamed" : "named";

/** Reads a sample file written by `annotate sample`; every problem is `file:line: what`. */
export async function readSample(file: string): Promise<SampleItem[]> {
  const items: SampleItem[] = [];
  const seen = new Set<string>();
  for await (const { line, value } of readJsonl(file)) {
    const p = SampleItem.safeParse(value);
    if (!p.success) throw new InputError(`${file}:${line}: ${describeIssue(p.error.issues)}`);
    if (seen.has(p.data.id)) throw new InputError(`${file}:${line}: item ${p.data.id} listed twice`);
    seen.add(p.data.id);
    items.push(p.data);
  }
  if (items.length === 0) throw new InputError(`${file}: empty sample`);
  return items;
}

/** A name safe as a file name and a gid prefix. */
export function annotatorName(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^[._]+/, "");
  return s === "" ? "annotator" : s;
}

/** The non-span values an annotator gives (Label Studio text areas and choices, brat notes), by key. */
export interface LabelValues {
  actor?: string | undefined;
  actor_type?: string | undefined;
  affiliation?: string | undefined;
  cue?: string | undefined;
  target?: string | undefined;
  target_entity?: string | undefined;
}

/**
 * Labels from the spans (by label: Actor, Cue, Content, Target), hedge spans and values of one
 * annotation; an actor span without a name takes its text as the name. `where` names it in errors.
 */
export function assembleLabels(text: string, spans: ReadonlyMap<string, CpSpan>, hedges: ItemHedge[], v: LabelValues, stance: Stance, where: string): ItemLabels {
  const actorSpan = spans.get("Actor") ?? null;
  const name = v.actor ?? (actorSpan ? sliceCp(text, actorSpan) : null);
  let actor: ItemLabels["actor"] = null;
  if (name !== null) {
    if (v.actor_type === undefined) throw new InputError(`${where}: actor ${JSON.stringify(name)} has no actor_type`);
    if (!(ACTOR_TYPES as readonly string[]).includes(v.actor_type)) throw new InputError(`${where}: unknown label ${JSON.stringify(v.actor_type)} for actor_type`);
    actor = { name, type: v.actor_type as ActorType, affiliation: v.affiliation ?? null };
  }
  const cueSpan = spans.get("Cue") ?? null;
  const targetSpan = spans.get("Target") ?? null;
  return {
    actor,
    actor_span: actorSpan,
    cue: cueSpan ? sliceCp(text, cueSpan) : (v.cue ?? null),
    cue_span: cueSpan,
    content: spans.get("Content") ?? null,
    target: v.target ?? null,
    target_text: targetSpan ? sliceCp(text, targetSpan) : null,
    target_span: targetSpan,
    target_entity: v.target_entity ?? null,
    stance,
    hedges: sortHedges(hedges),
  };
}

/** Checks labels for what the record contract requires; returns a message or null. */
export function labelProblem(l: ItemLabels): string | null {
  if (l.stance !== "neutral" && l.target_text === null && l.target === null) return `stance ${l.stance} needs a Target span or a target topic`;
  if (l.content !== null && l.actor === null) return "a Content span needs an actor (actor name)";
  if (l.actor_span !== null && l.actor === null) return "an Actor span needs an actor name";
  return null;
}
