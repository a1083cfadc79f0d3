// eval-report.md: the metrics as Markdown tables (from the rounded metrics,
// so every number matches metrics.json).
import { TASK_LABELS, type Task } from "./data.ts";
import type { MetricsReport, ScoreBlock, TaskReport } from "./report-types.ts";
import { roundNumbers } from "./report-types.ts";

export const CONVENTIONS = [
  "Precision of a class that is never predicted is 0; recall of a class without support is 0; F1 is 0 when both are 0.",
  "Macro-F1 averages per-class F1 over the classes present in the true or predicted labels (scikit-learn's default).",
  "F_avg (stance) is the SemEval-2016 Task 6 score: the mean F1 of support and oppose.",
  "95% CIs: percentile bootstrap, resamples drawn with the seeded mulberry32 PRNG; every model on one set sees the same resamples.",
  "Gold scores count only gold sentences that are neither training sentences nor near-duplicates of one (word 3-shingle Jaccard ≥ 0.5).",
];

export function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? "–" : x.toFixed(4);
}

export function ci(c: [number, number] | undefined): string {
  return c ? `[${fmt(c[0])}, ${fmt(c[1])}]` : "";
}

export function table(head: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(head), `| ${head.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function modelRows(task: Task, models: Record<string, ScoreBlock | null>): Array<Array<string | number>> {
  return Object.entries(models).map(([name, b]) => {
    const row: Array<string | number> = [name, b ? b.n : 0, b ? `${fmt(b.accuracy)} ${ci(b.accuracy_ci95)}` : "–", b ? `${fmt(b.macro_f1)} ${ci(b.macro_f1_ci95)}` : "–"];
    if (task === "stance") row.push(b ? fmt(b.f_avg) : "–");
    return row;
  });
}

function modelHead(task: Task): string[] {
  const head = ["model", "n", "accuracy [95% CI]", "macro-F1 [95% CI]"];
  if (task === "stance") head.push("F_avg");
  return head;
}

function detail(task: Task, name: string, b: ScoreBlock): string {
  const labels = TASK_LABELS[task];
  const perClass = table(
    ["class", "precision", "recall", "F1", "support"],
    labels.map((l) => {
      const s = b.per_class[l]!;
      return [l, fmt(s.precision), fmt(s.recall), fmt(s.f1), s.support];
    }),
  );
  const confusion = table(
    ["true \\ predicted", ...labels],
    labels.map((l, i) => [l, ...b.confusion[i]!]),
  );
  return `Per class (${name}):\n\n${perClass}\n\nConfusion matrix (${name}; rows true, columns predicted):\n\n${confusion}`;
}

function taskSection(task: Task, t: TaskReport, classifier: string): string {
  const out: string[] = [`## Task: ${task}`, ""];
  out.push(`Labels: ${t.labels.join(", ")}. Majority label in train: \`${t.majority_label}\`.`);
  if (t.fit) {
    const fits = t.fit.map((f) => `${f.iterations} iterations (${f.evaluations} evaluations), ${f.converged ? "converged" : "NOT converged"} by ${f.stop_reason}`);
    out.push(`Fit (L-BFGS): ${fits.join("; ")}.`);
  }
  const testN = Object.values(t.test)[0]?.n ?? 0;
  out.push("", `### Silver test split (n = ${testN})`, "", table(modelHead(task), modelRows(task, t.test)));
  const main = t.test[classifier];
  if (main) out.push("", detail(task, classifier, main));
  out.push("", "### Gold set", "");
  if (!t.gold) {
    out.push("No gold: the gold folder is missing or holds no `*.jsonl` file.");
    return out.join("\n");
  }
  const g = t.gold;
  out.push(
    `${g.items} gold items: ${g.in_train} in train (same text), ${g.near_duplicate_of_train} near-duplicates of a training sentence, **${g.eligible}** scored. ` +
      `The rule labeller is scored on the scored items found among the dataset records (its own silver labels).`,
    "",
    table(modelHead(task), modelRows(task, g.models)),
  );
  const all = g.rule_labeller_all_gold;
  out.push("", `Rule labeller on every gold item found in the dataset (n = ${all?.n ?? 0}): accuracy ${fmt(all?.accuracy)}, macro-F1 ${fmt(all?.macro_f1)}${task === "stance" ? `, F_avg ${fmt(all?.f_avg)}` : ""}.`);
  const gm = g.models[classifier];
  if (gm) out.push("", detail(task, `${classifier}, gold`, gm));
  return out.join("\n");
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
    for (const l of TASK_LABELS[task as Task]) rows.push([task, l, dist.train[l] ?? 0, dist.test[l] ?? 0, dist.gold ? (dist.gold[l] ?? 0) : "–"]);
  }
  out.push(table(["task", "label", "train", "test", "gold"], rows), "");
  for (const [task, t] of Object.entries(r.tasks)) if (t) out.push(taskSection(task as Task, t, classifier), "");
  out.push("## Conventions", "", ...CONVENTIONS.map((c) => `- ${c}`), "");
  return out.join("\n");
}
