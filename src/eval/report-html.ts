// eval-report.html: one self-contained page (inline CSS and SVG, no script,
// no network asset), at most 900 px wide: label-distribution bar charts per
// split and confusion-matrix heat maps, beside the same tables as the
// Markdown report.
import { MULTI_LABEL, TASK_LABELS, type Task } from "./data.ts";
import { CONVENTIONS, distributionLabels, fmt } from "./report-md.ts";
import { COMPARISON_HEAD, COMPARISON_NOTE, comparisonRows, modelHead, modelRows } from "./report-rows.ts";
import type { MetricsReport, ScoreBlock, SetReport, TaskReport } from "./report-types.ts";
import { roundNumbers } from "./report-types.ts";

const SPLIT_COLOURS: Record<string, string> = { train: "#4c72b0", test: "#dd8452", gold: "#55a868" };

/** The rules every self-contained report page shares (eval's, annotate's). */
export const REPORT_CSS = `body { font: 14px/1.45 system-ui, sans-serif; color: #111; margin: 0 auto; padding: 16px; max-width: 900px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
th { background: #f3f3f3; }
svg { max-width: 100%; height: auto; }`;

export function esc(s: string | number): string {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function htmlTable(head: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Grouped bar chart: share of each label per split (bar height = percentage, label = count). */
function distributionChart(task: Task, dist: Record<string, Record<string, number> | null>): string {
  const labels = distributionLabels(task);
  const splits = Object.entries(dist).filter((e): e is [string, Record<string, number>] => e[1] !== null);
  const W = 420;
  const H = 220;
  const left = 40;
  const bottom = 30;
  const top = 24;
  const plotH = H - bottom - top;
  const groupW = (W - left - 10) / labels.length;
  const barW = Math.min(36, (groupW - 16) / Math.max(1, splits.length));
  const parts: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const y = top + plotH - (plotH * t) / 4;
    parts.push(`<line x1="${left}" y1="${y}" x2="${W - 10}" y2="${y}" stroke="#ddd"/><text x="${left - 4}" y="${y + 4}" text-anchor="end" font-size="10">${t * 25}%</text>`);
  }
  labels.forEach((label, li) => {
    const gx = left + li * groupW + (groupW - barW * splits.length) / 2;
    splits.forEach(([split, counts], si) => {
      let total = 0;
      for (const v of Object.values(counts)) total += v;
      const n = counts[label] ?? 0;
      const share = total === 0 ? 0 : n / total;
      const h = plotH * share;
      const x = gx + si * barW;
      const y = top + plotH - h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${SPLIT_COLOURS[split] ?? "#888"}"><title>${esc(`${split} ${label}: ${n} (${(share * 100).toFixed(1)}%)`)}</title></rect>`,
        `<text x="${(x + (barW - 2) / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" font-size="9">${n}</text>`,
      );
    });
    parts.push(`<text x="${(left + li * groupW + groupW / 2).toFixed(1)}" y="${H - 10}" text-anchor="middle" font-size="12">${esc(label)}</text>`);
  });
  const legend = splits
    .map(([split], i) => `<rect x="${left + i * 70}" y="4" width="10" height="10" fill="${SPLIT_COLOURS[split] ?? "#888"}"/><text x="${left + i * 70 + 14}" y="13" font-size="11">${split}</text>`)
    .join("");
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`${task} label distribution`)}">${legend}${parts.join("")}</svg>`;
}

/** Confusion-matrix heat map: cell shade = share of the true row, text = count. */
function heatmap(title: string, labels: readonly string[], cm: readonly (readonly number[])[]): string {
  const cell = 64;
  const left = 80;
  const top = 52;
  const W = left + cell * labels.length + 10;
  const H = top + cell * labels.length + 10;
  const parts: string[] = [`<text x="${left}" y="14" font-size="12" font-weight="bold">${esc(title)}</text>`];
  parts.push(`<text x="${left + (cell * labels.length) / 2}" y="32" text-anchor="middle" font-size="10">predicted</text>`);
  labels.forEach((l, j) => parts.push(`<text x="${left + j * cell + cell / 2}" y="${top - 4}" text-anchor="middle" font-size="11">${esc(l)}</text>`));
  labels.forEach((l, i) => {
    const row = cm[i] ?? [];
    let total = 0;
    for (const v of row) total += v;
    parts.push(`<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end" font-size="11">${esc(l)}</text>`);
    labels.forEach((_, j) => {
      const v = row[j] ?? 0;
      const share = total === 0 ? 0 : v / total;
      const light = Math.round(97 - share * 60);
      parts.push(
        `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 2}" height="${cell - 2}" fill="hsl(215,60%,${light}%)"><title>${esc(`true ${l}, predicted ${labels[j]}: ${v} (${(share * 100).toFixed(1)}% of row)`)}</title></rect>`,
        `<text x="${left + j * cell + cell / 2 - 1}" y="${top + i * cell + cell / 2 + 4}" text-anchor="middle" font-size="12" fill="${share > 0.55 ? "#fff" : "#111"}">${v}</text>`,
      );
    });
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">${parts.join("")}</svg>`;
}

function modelTable(task: Task, models: Record<string, ScoreBlock | null>): string {
  return htmlTable(modelHead(task), modelRows(task, models));
}

function perClassTable(task: Task, b: ScoreBlock): string {
  return htmlTable(
    [MULTI_LABEL.has(task) ? "type" : "class", "precision", "recall", "F1", "support"],
    TASK_LABELS[task].map((l) => {
      const s = b.per_class[l]!;
      return [l, fmt(s.precision), fmt(s.recall), fmt(s.f1), s.support];
    }),
  );
}

function setSection(task: Task, sr: SetReport, classifier: string): string[] {
  if (sr.not_scored) return [`<p><b>${esc(sr.not_scored)}</b></p>`];
  const out = [modelTable(task, sr.models)];
  if (sr.comparisons.length > 0) out.push(`<h4>Paired comparisons</h4>`, htmlTable(COMPARISON_HEAD, comparisonRows(sr.comparisons)), `<p class="note">${esc(COMPARISON_NOTE)}</p>`);
  const main = sr.models[classifier];
  if (main) out.push(`<div class="row"><div>${perClassTable(task, main)}</div></div>`);
  return out;
}

function taskSection(task: Task, t: TaskReport, classifier: string): string {
  const out: string[] = [`<h2>Task: ${esc(task)}</h2>`];
  if (t.not_scored || !t.test) {
    out.push(`<p><b>${esc(t.not_scored ?? "not scored")}</b></p>`);
    return out.join("\n");
  }
  out.push(`<h3>Silver test split (n = ${t.test.n})</h3>`, ...setSection(task, t.test, classifier));
  const maps: string[] = [];
  const main = t.test.models[classifier];
  if (main?.confusion) maps.push(heatmap(`${task} · ${classifier} · test`, t.labels, main.confusion));
  const gm = t.gold?.models[classifier];
  if (gm?.confusion) maps.push(heatmap(`${task} · ${classifier} · gold`, t.labels, gm.confusion));
  out.push(`<h3>Gold set</h3>`);
  if (!t.gold) out.push(`<p>No gold: the gold folder is missing or holds no <code>*.jsonl</code> file.</p>`);
  else {
    const g = t.gold;
    out.push(
      `<p>${g.items} gold items: ${g.in_train} in train (same text), ${g.near_duplicate_of_train} near-duplicates of a training sentence, <b>${g.eligible}</b> scored. The rule labeller is scored on those found among the dataset records; on every gold item found in the dataset (n = ${g.rule_labeller_all_gold?.n ?? 0}) its macro-F1 is ${fmt(g.rule_labeller_all_gold?.macro_f1)}.</p>`,
      ...setSection(task, g, classifier),
    );
  }
  if (maps.length) out.push(`<h3>Confusion matrices</h3><p class="note">Rows: true label; columns: predicted; shade: share of the row.</p><div class="row">${maps.join("")}</div>`);
  return out.join("\n");
}

export function renderHtml(report: MetricsReport): string {
  const r = roundNumbers(report);
  const classifier = String((r.params["classifier"] as { name: string }).name);
  const d = r.data;
  const files = htmlTable(
    ["file", "records", "sha256"],
    [
      [d.train.file, d.train.records, d.train.sha256],
      [d.test.file, d.test.records, d.test.sha256],
      ...(d.gold ? d.gold.files.map((f) => [`gold/${f.file}`, f.items, f.sha256]) : []),
    ],
  );
  const charts = Object.entries(r.label_distribution)
    .filter((e) => e[1])
    .map(([task, dist]) => `<figure>${distributionChart(task as Task, { train: dist!.train, test: dist!.test, gold: dist!.gold })}<figcaption>${esc(task)}: label share per split (counts on bars)</figcaption></figure>`)
    .join("");
  const sections = Object.entries(r.tasks)
    .filter((e) => e[1])
    .map(([task, t]) => taskSection(task as Task, t!, classifier));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimstance evaluation report</title>
<style>
${REPORT_CSS}
.row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; } figcaption, .note { font-size: 12px; color: #555; }
pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: 12px; }
</style>
</head>
<body>
<h1>claimstance evaluation report</h1>
${files}
<p>Seed: ${r.seed}. Same data and seed give a byte-identical <code>metrics.json</code>.</p>
<details><summary>Parameters</summary><pre>${esc(JSON.stringify(r.params, null, 2))}</pre></details>
<h2>Label distribution</h2>
<div class="row">${charts}</div>
${sections.join("\n")}
<h2>Conventions</h2>
<ul>${CONVENTIONS.map((c) => `<li>${esc(c)}</li>`).join("")}</ul>
</body>
</html>
`;
}
