// eval-report.md: the metrics as Markdown tables (from the rounded metrics,
// so every number matches metrics.json).
import { MULTI_LABEL, NO_TYPE, TASK_LABELS, type Task } from "./data.ts";
import { describeCounts, MIN_TRAIN_CLASS_ITEMS } from "./degenerate.ts";
import { ci, COMPARISON_HEAD, COMPARISON_NOTE, comparisonRows, fmt, modelHead, modelRows } from "./report-rows.ts";
import type { MetricsReport, ScoreBlock, SetReport, TaskReport } from "./report-types.ts";
import { roundNumbers } from "./report-types.ts";

export const CONVENTIONS = [
  "Precision of a class that is never predicted is 0; recall of a class without support is 0; F1 is 0 when both are 0.",
  "Macro-F1 averages per-class F1 over the classes present in the true or predicted labels (scikit-learn's default).",
  "F_avg (stance) is the SemEval-2016 Task 6 score: the mean F1 of support and oppose.",
  "95% CIs: percentile bootstrap, resamples drawn with the seeded mulberry32 PRNG; every model on one set sees the same resamples.",
  "Gold scores count only gold sentences that are neither training sentences nor near-duplicates of one (word 3-shingle Jaccard ≥ 0.5).",
  "attributed: none = no actor, unnamed = actor of type unnamed, named = any other actor.",
  "hedge_type is multi-label (the set of hedge types of a sentence): per-type P/R/F1, micro-F1 pooled over the types, macro-F1 over the types present in the true or predicted sets, accuracy = exact set match. The baseline is one binary logistic regression per type.",
  `Not scored (never a number): a task whose train split has fewer than two classes with at least ${MIN_TRAIN_CLASS_ITEMS} items (hedge_type: no type on at least ${MIN_TRAIN_CLASS_ITEMS} and off at least ${MIN_TRAIN_CLASS_ITEMS} training items), or a set that is empty or holds one class (hedge_type: all or none of its items hedged).`,
];

export { ci, fmt };

export function table(head: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(head), `| ${head.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function detail(task: Task, name: string, b: ScoreBlock): string {
  const labels = TASK_LABELS[task];
  const perClass = table(
    [MULTI_LABEL.has(task) ? "type" : "class", "precision", "recall", "F1", "support"],
    labels.map((l) => {
      const s = b.per_class[l]!;
      return [l, fmt(s.precision), fmt(s.recall), fmt(s.f1), s.support];
    }),
  );
  if (!b.confusion) return `Per type (${name}):\n\n${perClass}`;
  const cm = b.confusion;
  const confusion = table(
    ["true \\ predicted", ...labels],
    labels.map((l, i) => [l, ...cm[i]!]),
  );
  return `Per class (${name}):\n\n${perClass}\n\nConfusion matrix (${name}; rows true, columns predicted):\n\n${confusion}`;
}

/** A scored set: the systems, the comparisons, the main model's detail; or the reason it is not scored. */
function setSection(task: Task, sr: SetReport, classifier: string, label: string): string[] {
  if (sr.not_scored) return [`**${sr.not_scored}**`];
  const out = [table(modelHead(task), modelRows(task, sr.models))];
  if (sr.comparisons.length > 0) out.push("", `Paired comparisons (${label}):`, "", table(COMPARISON_HEAD, comparisonRows(sr.comparisons)), "", COMPARISON_NOTE);
  const main = sr.models[classifier];
  if (main) out.push("", detail(task, `${classifier}, ${label}`, main));
  return out;
}

function taskSection(task: Task, t: TaskReport, classifier: string): string {
  const out: string[] = [`## Task: ${task}`, ""];
  if (t.not_scored || !t.test) {
    out.push(`**${t.not_scored ?? "not scored"}**`);
    return out.join("\n");
  }
  out.push(`Labels: ${t.labels.join(", ")}${MULTI_LABEL.has(task) ? " (multi-label)" : ""}. Majority label in train: \`${t.majority_label === "" ? NO_TYPE : t.majority_label}\`.`);
  if (t.fit) {
    const fits = t.fit.map((f) => `${f.iterations} iterations (${f.evaluations} evaluations), ${f.converged ? "converged" : "NOT converged"} by ${f.stop_reason}`);
    out.push(`Fit (L-BFGS): ${fits.join("; ")}.`);
  }
  out.push("", `### Silver test split (n = ${t.test.n}; ${describeCounts(t.test.class_counts)})`, "");
  out.push(...setSection(task, t.test, classifier, "test"));
  out.push("", "### Gold set", "");
  if (!t.gold) {
    out.push("No gold: the gold folder is missing or holds no `*.jsonl` file.");
    return out.join("\n");
  }
  const g = t.gold;
  out.push(
    `${g.items} gold items: ${g.in_train} in train (same text), ${g.near_duplicate_of_train} near-duplicates of a training sentence, **${g.eligible}** scored (${describeCounts(g.class_counts)}). ` +
      `The rule labeller is scored on the scored items found among the dataset records (its own silver labels).`,
    "",
    ...setSection(task, g, classifier, "gold"),
  );
  const all = g.rule_labeller_all_gold;
  if (!g.not_scored)
    out.push("", `Rule labeller on every gold item found in the dataset (n = ${all?.n ?? 0}): accuracy ${fmt(all?.accuracy)}, macro-F1 ${fmt(all?.macro_f1)}${task === "stance" ? `, F_avg ${fmt(all?.f_avg)}` : ""}.`);
  return out.join("\n");
}

/** The rows of a task's label distribution (hedge_type: the types, then items with none). */
export function distributionLabels(task: Task): readonly string[] {
  return MULTI_LABEL.has(task) ? [...TASK_LABELS[task], NO_TYPE] : TASK_LABELS[task];
}

export function renderMarkdown(report: MetricsReport): string {
  const r = roundNumbers(report);
  const classifier = String((r.params["classifier"] as { name: string }).name);
  const out: string[] = ["# claimstance evaluation report", ""];
  const d = r.data;
  out.push(
    table(
      ["file", "records", "sha256"],
      [
        [d.train.file, d.train.records, `\`${d.train.sha256}\``],
        [d.test.file, d.test.records, `\`${d.test.sha256}\``],
        ...(d.gold ? d.gold.files.map((f) => [`gold/${f.file}`, f.items, `\`${f.sha256}\``]) : []),
      ],
    ),
    "",
    `Seed: ${r.seed}. Parameters:`,
    "",
    "```json",
    JSON.stringify(r.params, null, 2),
    "```",
    "",
    "## Label distribution",
    "",
  );
  const rows: Array<Array<string | number>> = [];
  for (const [task, dist] of Object.entries(r.label_distribution)) {
    if (!dist) continue;
    for (const l of distributionLabels(task as Task)) rows.push([task, l, dist.train[l] ?? 0, dist.test[l] ?? 0, dist.gold ? (dist.gold[l] ?? 0) : "–"]);
  }
  out.push(table(["task", "label", "train", "test", "gold"], rows), "");
  for (const [task, t] of Object.entries(r.tasks)) if (t) out.push(taskSection(task as Task, t, classifier), "");
  out.push("## Conventions", "", ...CONVENTIONS.map((c) => `- ${c}`), "");
  return out.join("\n");
}
