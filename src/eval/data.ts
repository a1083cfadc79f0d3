// Loading the dataset splits: every line validated with the ClaimRecord
// schema, tokenised once with words(), and reduced to what evaluation needs
// (token lists and labels), so memory is a small multiple of the text.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { InputError } from "../errors.ts";
import { ClaimRecord, type SplitName } from "../schema.ts";
import { words } from "../tokens.ts";
import { describeIssue, readJsonl } from "./io.ts";
import type { Label } from "./metrics.ts";

export type Task = "stance" | "hedged";
export const TASKS: readonly Task[] = ["stance", "hedged"];

/** Label set of each task, in report order. */
export const TASK_LABELS: Record<Task, readonly Label[]> = {
  stance: ["support", "oppose", "neutral"],
  hedged: ["true", "false"],
};

/** The fields every labelled item (record or gold) provides. */
export interface Labelled {
  stance: Label;
  hedged: boolean;
}

export function labelOf(task: Task, item: Labelled): Label {
  return task === "stance" ? item.stance : String(item.hedged);
}

export interface SplitData {
  split: SplitName;
  /** Path as given (for messages). */
  file: string;
  sha256: string;
  /** words() of each record's text. */
  words: string[][];
  labels: Labelled[];
}

/** Called for each valid record, in file order, with its tokens. */
export type RecordVisitor = (record: ClaimRecord, tokens: string[]) => void;

/**
 * Streams `file`, validating each line as a ClaimRecord whose `split` is
 * `split`. Throws InputError `<file>:<line>: <what>` on the first bad line,
 * and `<file>: no records` for a file without any.
 */
export async function loadSplit(file: string, split: SplitName, visit?: RecordVisitor): Promise<SplitData> {
  if (!existsSync(file)) throw new InputError(`${file}: no such file (build the dataset first: npm run build-dataset)`);
  const hash = createHash("sha256");
  const out: SplitData = { split, file, sha256: "", words: [], labels: [] };
  for await (const { line, value } of readJsonl(file, hash)) {
    const parsed = ClaimRecord.safeParse(value);
    if (!parsed.success) throw new InputError(`${file}:${line}: ${describeIssue(parsed.error.issues)}`);
    const r = parsed.data;
    if (r.split !== split) throw new InputError(`${file}:${line}: split is "${r.split}" in the ${split} file`);
    const tokens = words(r.text);
    out.words.push(tokens);
    out.labels.push({ stance: r.stance, hedged: r.hedged });
    visit?.(r, tokens);
  }
  out.sha256 = hash.digest("hex");
  if (out.labels.length === 0) throw new InputError(`${file}: no records`);
  return out;
}

/** Label counts of `items` for `task`, in the task's label order. */
export function labelCounts(task: Task, items: readonly Labelled[]): Record<Label, number> {
  const counts: Record<Label, number> = {};
  for (const l of TASK_LABELS[task]) counts[l] = 0;
  for (const item of items) {
    const l = labelOf(task, item);
    counts[l] = (counts[l] ?? 0) + 1;
  }
  return counts;
}
