// Table rows shared by eval-report.md and eval-report.html (from the rounded
// metrics, so every number matches metrics.json).
import { MULTI_LABEL, type Task } from "./data.ts";
import type { Comparison } from "./paired.ts";
import type { ScoreBlock } from "./report-types.ts";

export function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? "–" : x.toFixed(4);
}

/** A Markdown table cell: pipes escaped, line breaks as spaces. */
export function mdCell(s: string | number): string {
  return String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function ci(c: [number, number] | undefined): string {
  return c ? `[${fmt(c[0])}, ${fmt(c[1])}]` : "";
}

const METRIC_NAMES: Record<string, string> = { accuracy: "accuracy", micro_f1: "micro-F1", macro_f1: "macro-F1" };

export function modelHead(task: Task): string[] {
  const head = ["model", "n", MULTI_LABEL.has(task) ? "exact-match accuracy [95% CI]" : "accuracy [95% CI]"];
  if (MULTI_LABEL.has(task)) head.push("micro-F1 [95% CI]");
  head.push("macro-F1 [95% CI]");
  if (task === "stance") head.push("F_avg");
  return head;
}

export function modelRows(task: Task, models: Record<string, ScoreBlock | null>): string[][] {
  return Object.entries(models).map(([name, b]) => {
    const n = b ? (b.coverage && b.coverage.scored !== b.coverage.of ? `${b.n} of ${b.coverage.of}` : String(b.n)) : "0";
    const row = [name, n, b ? `${fmt(b.accuracy)} ${ci(b.accuracy_ci95)}` : "–"];
    if (MULTI_LABEL.has(task)) row.push(b ? `${fmt(b.micro_f1)} ${ci(b.micro_f1_ci95)}` : "–");
    row.push(b ? `${fmt(b.macro_f1)} ${ci(b.macro_f1_ci95)}` : "–");
    if (task === "stance") row.push(b ? fmt(b.f_avg) : "–");
    return row;
  });
}

export const COMPARISON_HEAD = ["A vs B", "n", "metric", "A", "B", "Δ = A − B", "95% CI of Δ", "p (paired bootstrap)", "p (McNemar exact)"];

/** One row per comparison and metric; McNemar's p (with the discordant counts) on the accuracy row. */
export function comparisonRows(comparisons: readonly Comparison[]): string[][] {
  const rows: string[][] = [];
  for (const c of comparisons)
    for (const m of c.metrics)
      rows.push([
        `${c.a} vs ${c.b}`,
        String(c.n),
        METRIC_NAMES[m.metric] ?? m.metric,
        fmt(m.a),
        fmt(m.b),
        fmt(m.delta),
        ci(m.delta_ci95),
        fmt(m.p),
        m.metric === "accuracy" ? `${fmt(c.mcnemar.p)} (${c.mcnemar.a_only} vs ${c.mcnemar.b_only})` : "",
      ]);
  return rows;
}

export const COMPARISON_NOTE =
  "Δ = A − B on the items both systems were scored on. 95% CI of Δ: percentile bootstrap over the same resamples as the CIs above. " +
  "p (paired bootstrap): (r + 1) / (B + 1), r = resamples with |Δ* − Δ| ≥ |Δ| (two-sided; Berg-Kirkpatrick et al. 2012). " +
  "p (McNemar exact): two-sided binomial test on the items exactly one system gets right (A right only vs B right only).";
