// Loading the dataset splits: every line validated with the ClaimRecord
// schema, tokenised once with words(), and reduced to what evaluation needs
// (token lists and labels), so memory is a small multiple of the text.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { InputError } from "../errors.ts";
import { ClaimRecord, HEDGE_TYPES, type SplitName } from "../schema.ts";
import { words } from "../tokens.ts";
import { describeIssue, readJsonl } from "./io.ts";
import type { Label } from "./metrics.ts";

export type Task = "stance" | "hedged" | "attributed" | "hedge_type";
/** Every task, in report order (the default --task). */
export const TASKS: readonly Task[] = ["stance", "hedged", "attributed", "hedge_type"];
/** Tasks with one label per item; hedge_type is multi-label (a set of hedge types per item). */
export const MULTI_LABEL: ReadonlySet<Task> = new Set<Task>(["hedge_type"]);

/**
 * Label set of each task, in report order. For hedge_type these are the
 * types; an item's label is the set of its types (see labelOf).
 */
export const TASK_LABELS: Record<Task, readonly Label[]> = {
  stance: ["support", "oppose", "neutral"],
  hedged: ["true", "false"],
  attributed: ["none", "named", "unnamed"],
  hedge_type: HEDGE_TYPES,
};

/** The fields every labelled item (record or gold) provides. */
export interface Labelled {
  stance: Label;
  hedged: boolean;
  /** none (actor null), unnamed (actor.type "unnamed"), named (any other actor). */
  attributed: Label;
  /** Distinct hedge types, in HEDGE_TYPES order. */
  hedgeTypes: readonly string[];
}

export function attributedOf(actor: { type?: string | undefined } | null | undefined): Label {
  if (!actor) return "none";
  return actor.type === "unnamed" ? "unnamed" : "named";
}

/** Distinct hedge types of `hedges`, in HEDGE_TYPES order. */
export function hedgeTypesOf(hedges: ReadonlyArray<{ type: string }>): string[] {
  return HEDGE_TYPES.filter((t) => hedges.some((h) => h.type === t));
}

/** The separator of a hedge_type label: the item's types joined in HEDGE_TYPES order ("" = no hedge). */
export const TYPE_SEP = "+";

export function labelOf(task: Task, item: Labelled): Label {
  switch (task) {
    case "stance":
      return item.stance;
    case "hedged":
      return String(item.hedged);
    case "attributed":
      return item.attributed;
    case "hedge_type":
      return item.hedgeTypes.join(TYPE_SEP);
  }
}

/** The types in a hedge_type label. */
export function typesOf(label: Label): string[] {
  return label === "" ? [] : label.split(TYPE_SEP);
}

/** Labelled fields of a claim record. */
export function recordLabels(r: ClaimRecord): Labelled {
  return { stance: r.stance, hedged: r.hedged, attributed: attributedOf(r.actor), hedgeTypes: hedgeTypesOf(r.hedges) };
}

export interface SplitData {
  split: SplitName;
  /** Path as given (for messages). */
  file: string;
  sha256: string;
  /** Record ids, in file order. */
  ids: string[];
  /** words() of each record's text. */
  words: string[][];
  labels: Labelled[];
}

/** Called for each valid record, in file order, with its tokens. */
export type RecordVisitor = (record: ClaimRecord, tokens: string[]) => void;

/**
 * Streams `file`, validating each line as a ClaimRecord whose `split` is
 * `split`. Throws InputError `<file>:<line>: <what>` on the first bad line,
 * and `<file>: no records` for a train file without any (an empty test
 * split is a degenerate scored set, reported as "not scored").
 */
export async function loadSplit(file: string, split: SplitName, visit?: RecordVisitor): Promise<SplitData> {
  if (!existsSync(file)) throw new InputError(`${file}: no such file (build the dataset first: npm run build-dataset)`);
  const hash = createHash("sha256");
  const out: SplitData = { split, file, sha256: "", ids: [], words: [], labels: [] };
  for await (const { line, value } of readJsonl(file, hash)) {
    const parsed = ClaimRecord.safeParse(value);
    if (!parsed.success) throw new InputError(`${file}:${line}: ${describeIssue(parsed.error.issues)}`);
    const r = parsed.data;
    if (r.split !== split) throw new InputError(`${file}:${line}: split is "${r.split}" in the ${split} file`);
    const tokens = words(r.text);
    out.ids.push(r.id);
    out.words.push(tokens);
    out.labels.push(recordLabels(r));
    visit?.(r, tokens);
  }
  out.sha256 = hash.digest("hex");
  if (out.labels.length === 0 && split === "train") throw new InputError(`${file}: no records`);
  return out;
}

/**
 * Label counts of `items` for `task`, in the task's label order. For
 * hedge_type: items carrying each type, and "(none)" for items without a hedge.
 */
export function labelCounts(task: Task, items: readonly Labelled[]): Record<Label, number> {
  return countLabels(task, items.map((item) => labelOf(task, item)));
}

export const NO_TYPE = "(none)";

/** labelCounts over labels already extracted with labelOf. */
export function countLabels(task: Task, labels: readonly Label[]): Record<Label, number> {
  const counts: Record<Label, number> = {};
  const multi = MULTI_LABEL.has(task);
  for (const l of TASK_LABELS[task]) counts[l] = 0;
  if (multi) counts[NO_TYPE] = 0;
  for (const l of labels) {
    const keys = multi ? (l === "" ? [NO_TYPE] : typesOf(l)) : [l];
    for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
