// Where a task stops being a task. A score on a set with one class (BBC
// politics: 9,149 of 9,150 records neutral) says nothing about a model, so
// such a task is reported as "not scored: …" with its class counts, never as
// a number. The line:
// - train: at least MIN_TRAIN_CLASS_ITEMS items in each of at least two
//   classes (multi-label: at least one type with that many items carrying it
//   and that many without), or there is nothing to learn;
// - a scored set (test split, gold): not empty, and at least two classes
//   present (multi-label: at least one item with a hedge type and one
//   without). A rare class in the scored set is reported, not hidden: its
//   per-class row shows the support.
import { MULTI_LABEL, NO_TYPE, TASK_LABELS, type Task } from "./data.ts";
import type { Label } from "./metrics.ts";

export const MIN_TRAIN_CLASS_ITEMS = 5;

/** Class counts as "label n, label n" (also the reports' set headings). */
export function describeCounts(counts: Record<Label, number>): string {
  return Object.entries(counts)
    .map(([l, n]) => `${l} ${n}`)
    .join(", ");
}

/** Why training on these class counts is degenerate, or null when it is not. */
export function trainDegenerate(task: Task, counts: Record<Label, number>, total: number): string | null {
  const min = MIN_TRAIN_CLASS_ITEMS;
  if (MULTI_LABEL.has(task)) {
    const usable = TASK_LABELS[task].filter((t) => (counts[t] ?? 0) >= min && total - (counts[t] ?? 0) >= min);
    if (usable.length > 0) return null;
    return `not scored: no hedge type is on at least ${min} and missing from at least ${min} training items (train: ${describeCounts(counts)})`;
  }
  const usable = Object.values(counts).filter((n) => n >= min).length;
  if (usable >= 2) return null;
  return `not scored: train has ${usable} class${usable === 1 ? "" : "es"} with at least ${min} items, a task needs 2 (train: ${describeCounts(counts)})`;
}

/** Why scoring on a set with these class counts is degenerate, or null when it is not. */
export function setDegenerate(task: Task, setName: string, counts: Record<Label, number>, total: number): string | null {
  if (total === 0) return `not scored: the ${setName} set is empty`;
  if (MULTI_LABEL.has(task)) {
    const none = counts[NO_TYPE] ?? 0;
    if (none > 0 && none < total) return null;
    return `not scored: ${none === total ? "no" : "every"} ${setName} item has a hedge type (${setName}: ${describeCounts(counts)})`;
  }
  const present = Object.values(counts).filter((n) => n > 0).length;
  if (present >= 2) return null;
  return `not scored: the ${setName} set has one class (${setName}: ${describeCounts(counts)})`;
}
