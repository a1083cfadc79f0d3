// `annotate report`: the labeller (the labels in the sampled records) and any
// --predictions file (eval's format, docs/predictions.md) against each
// annotator's imported gold — per-field accuracy and F1 with bootstrap 95%
// CIs over items, per-rule accuracy (the Snorkel table, on this corpus),
// the errors grouped by the rule that fired — and the annotators' agreement.
// Markdown, HTML in eval's report style (src/eval/report-html.ts), JSON.
import { InputError } from "../errors.ts";
import { readJsonl } from "../eval/io.ts";
import { macroF1 } from "../eval/metrics.ts";
import type { PredictionSpec } from "../eval/predictions.ts";
import { esc, REPORT_CSS } from "../eval/report-html.ts";
import { HEDGE_TYPES, STANCES } from "../schema.ts";
import { agreementMarkdown, bootstrapCI, CATEGORICAL, fmtFigure, measureAgreement, SPANS, tokenF1, tokens, tokenSet, type Agreement, type Figure } from "./agreement.ts";
import { attributedOf, labelsOfRecord, type ItemLabels, type SampleItem } from "./item.ts";

export interface ReportOptions {
  predictions: PredictionSpec[];
  seed: number;
  resamples: number;
  command: string;
}

interface Row {
  metric: string;
  items: number;
  figure: Figure;
}

interface RuleRow {
  rule: string;
  field: string;
  items: number;
  correct: number;
  accuracy: Figure;
}

interface ErrorGroup {
  rule: string;
  items: { id: string; text: string; wrong: Record<string, { gold: string; labeller: string }> }[];
}

interface AnnotatorReport {
  annotator: string;
  items: number;
  systems: { system: string; rows: Row[] }[];
  rules: RuleRow[];
  errors: ErrorGroup[];
}

/** One external system's labels per item id (eval's tasks). */
interface External {
  name: string;
  byId: Map<string, { stance?: string; hedged?: boolean; attributed?: string; hedge_type?: string[] }>;
}

async function loadExternal(spec: PredictionSpec, ids: ReadonlySet<string>): Promise<External> {
  const byId: External["byId"] = new Map();
  for await (const { line, value } of readJsonl(spec.file)) {
    const v = value as Record<string, unknown>;
    const at = `${spec.file}:${line}`;
    if (typeof v !== "object" || v === null || typeof v.id !== "string") throw new InputError(`${at}: expected an object with a string "id"`);
    if (!ids.has(v.id)) continue; // predictions for records outside the sample are not scored
    if (byId.has(v.id)) throw new InputError(`${at}: id ${v.id} predicted twice (one line per record: eval's --predictions format)`);
    const row: NonNullable<ReturnType<External["byId"]["get"]>> = {};
    if (v.stance !== undefined) {
      if (!(STANCES as readonly unknown[]).includes(v.stance)) throw new InputError(`${at}: stance: unknown label ${JSON.stringify(v.stance)}`);
      row.stance = v.stance as string;
    }
    if (v.hedged !== undefined) {
      if (typeof v.hedged !== "boolean") throw new InputError(`${at}: hedged: expected true | false`);
      row.hedged = v.hedged;
    }
    if (v.attributed !== undefined) {
      if (!["named", "unnamed", "none"].includes(v.attributed as string)) throw new InputError(`${at}: attributed: unknown label ${JSON.stringify(v.attributed)}`);
      row.attributed = v.attributed as string;
    }
    if (v.hedge_type !== undefined) {
      if (!Array.isArray(v.hedge_type) || !v.hedge_type.every((t) => (HEDGE_TYPES as readonly unknown[]).includes(t))) throw new InputError(`${at}: hedge_type: expected an array of hedge types`);
      row.hedge_type = v.hedge_type as string[];
    }
    byId.set(v.id, row);
  }
  return { name: spec.name, byId };
}

/** Micro F1 of per-item label sets (hedge types). */
function setF1(gold: readonly string[][], got: readonly string[][]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = got[i]!;
    for (const x of p) if (g.includes(x)) tp++;
    else fp++;
    for (const x of g) if (!p.includes(x)) fn++;
  });
  return tp === 0 ? (fp + fn === 0 ? NaN : 0) : (2 * tp) / (2 * tp + fp + fn);
}

function binaryF1(gold: readonly boolean[], got: readonly boolean[]): number {
  return setF1(gold.map((g) => (g ? ["y"] : [])), got.map((g) => (g ? ["y"] : [])));
}

type Scorer = (idx: ArrayLike<number>) => number;

/** The field a rule votes on, from its id prefix (actor.*, resolve.* → actor; content.*; target.*; stance.*; hedge.*). */
function ruleField(rule: string): string {
  const p = rule.slice(0, rule.indexOf(".") >>> 0);
  return p === "resolve" ? "actor" : ["actor", "content", "target", "stance", "hedge"].includes(p) ? p : "item";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the labeller got a field right (the fields rules vote on). */
function fieldCorrect(field: string, got: ItemLabels, gold: ItemLabels): boolean {
  switch (field) {
    case "actor":
      return (got.actor?.name ?? null) === (gold.actor?.name ?? null);
    case "content":
      return same(got.content, gold.content);
    case "target":
      return got.target === gold.target && (got.target_text ?? "").toLowerCase() === (gold.target_text ?? "").toLowerCase();
    case "stance":
      return got.stance === gold.stance;
    case "hedge":
      return same(got.hedges.map((h) => [h.start, h.end, h.type]), gold.hedges.map((h) => [h.start, h.end, h.type]));
    default:
      return ["actor", "content", "target", "stance", "hedge"].every((f) => fieldCorrect(f, got, gold));
  }
}

const show = (field: string, l: ItemLabels): string => {
  switch (field) {
    case "actor":
      return l.actor ? `${l.actor.name} (${l.actor.type})` : "—";
    case "content":
      return l.content ? `${l.content.start}-${l.content.end}` : "—";
    case "target":
      return l.target_text || l.target ? `${l.target ?? "—"} / ${l.target_text ?? "—"}` : "—";
    case "stance":
      return l.stance;
    default:
      return l.hedges.map((h) => `${h.type}:"${h.cue}"`).join(", ") || "—";
  }
};

function scoreAnnotator(annotator: string, items: readonly SampleItem[], gold: ReadonlyMap<string, ItemLabels>, externals: readonly External[], opts: ReportOptions): AnnotatorReport {
  const scored = items.filter((it) => gold.has(it.id));
  const g = scored.map((it) => gold.get(it.id)!);
  const lab = scored.map((it) => labelsOfRecord(it.record));
  const n = scored.length;
  const all = scored.map((_, i) => i);
  const figure = (stat: Scorer): Figure => ({ value: stat(all), ci: bootstrapCI(n, stat, opts.resamples, opts.seed) });
  const pick = <T>(xs: readonly T[], idx: ArrayLike<number>) => Array.from(idx, (i) => xs[i]!);
  const acc = (a: readonly string[], b: readonly string[]): Scorer => (idx) => {
    let ok = 0;
    for (const i of Array.from(idx)) if (a[i] === b[i]) ok++;
    return idx.length === 0 ? NaN : ok / idx.length;
  };
  const labRows: Row[] = [];
  for (const [field, value] of CATEGORICAL) labRows.push({ metric: `${field} accuracy`, items: n, figure: figure(acc(g.map(value), lab.map(value))) });
  const gs = g.map((l) => l.stance as string);
  const ls = lab.map((l) => l.stance as string);
  labRows.push({ metric: "stance macro-F1", items: n, figure: figure((idx) => macroF1(pick(gs, idx), pick(ls, idx))) });
  const gh = g.map((l) => l.hedges.length > 0);
  const lh = lab.map((l) => l.hedges.length > 0);
  labRows.push({ metric: "hedged F1", items: n, figure: figure((idx) => binaryF1(pick(gh, idx), pick(lh, idx))) });
  const gt = g.map((l) => [...new Set(l.hedges.map((h) => h.type as string))]);
  const lt = lab.map((l) => [...new Set(l.hedges.map((h) => h.type as string))]);
  labRows.push({ metric: "hedge type F1", items: n, figure: figure((idx) => setF1(pick(gt, idx), pick(lt, idx))) });
  const toks = scored.map((it) => tokens(it.record.text));
  for (const [field, spansOf] of SPANS) {
    const a = g.map((l, i) => tokenSet(toks[i]!, spansOf(l)));
    const b = lab.map((l, i) => tokenSet(toks[i]!, spansOf(l)));
    labRows.push({ metric: `${field} token F1`, items: n, figure: figure((idx) => tokenF1(pick(a, idx), pick(b, idx))) });
  }
  const systems = [{ system: "rule labeller", rows: labRows }];
  for (const ext of externals) {
    const rows: Row[] = [];
    const have = scored.map((it, i) => [ext.byId.get(it.id), i] as const).filter(([p]) => p !== undefined);
    const sub = (key: "stance" | "hedged" | "attributed" | "hedge_type") => have.filter(([p]) => p![key] !== undefined);
    const subFigure = (m: number, stat: Scorer): Figure => ({ value: stat(Array.from({ length: m }, (_, i) => i)), ci: bootstrapCI(m, stat, opts.resamples, opts.seed) });
    const st = sub("stance");
    if (st.length > 0) {
      const y = st.map(([, i]) => gs[i]!);
      const p = st.map(([x]) => x!.stance!);
      rows.push({ metric: "stance accuracy", items: st.length, figure: subFigure(st.length, acc(y, p)) });
      rows.push({ metric: "stance macro-F1", items: st.length, figure: subFigure(st.length, (idx) => macroF1(pick(y, idx), pick(p, idx))) });
    }
    const at = sub("attributed");
    if (at.length > 0) rows.push({ metric: "attributed accuracy", items: at.length, figure: subFigure(at.length, acc(at.map(([, i]) => attributedOf(g[i]!)), at.map(([x]) => x!.attributed!))) });
    const hd = sub("hedged");
    if (hd.length > 0) {
      const y = hd.map(([, i]) => gh[i]!);
      const p = hd.map(([x]) => x!.hedged!);
      rows.push({ metric: "hedged F1", items: hd.length, figure: subFigure(hd.length, (idx) => binaryF1(pick(y, idx), pick(p, idx))) });
    }
    const ht = sub("hedge_type");
    if (ht.length > 0) {
      const y = ht.map(([, i]) => gt[i]!);
      const p = ht.map(([x]) => x!.hedge_type!);
      rows.push({ metric: "hedge type F1", items: ht.length, figure: subFigure(ht.length, (idx) => setF1(pick(y, idx), pick(p, idx))) });
    }
    systems.push({ system: ext.name, rows });
  }
  // Per rule: the items it fired on and whether the field it votes on is right.
  const byRule = new Map<string, number[]>();
  scored.forEach((it, i) => {
    for (const rule of new Set(it.record.rules)) {
      if (!byRule.has(rule)) byRule.set(rule, []);
      byRule.get(rule)!.push(i);
    }
  });
  const rules: RuleRow[] = [...byRule]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([rule, is]) => {
      const field = ruleField(rule);
      const ok = is.map((i) => fieldCorrect(field, lab[i]!, g[i]!));
      const stat: Scorer = (idx) => (idx.length === 0 ? NaN : Array.from(idx).filter((k) => ok[k]).length / idx.length);
      return { rule, field, items: is.length, correct: ok.filter(Boolean).length, accuracy: { value: stat(ok.map((_, k) => k)), ci: bootstrapCI(is.length, stat, opts.resamples, opts.seed) } };
    });
  // Errors by rule: each wrong field goes to the rules that voted on it, else to "(no rule)".
  const groups = new Map<string, ErrorGroup["items"]>();
  scored.forEach((it, i) => {
    for (const field of ["actor", "content", "target", "stance", "hedge"]) {
      if (fieldCorrect(field, lab[i]!, g[i]!)) continue;
      const voters = [...new Set(it.record.rules)].filter((r) => ruleField(r) === field);
      for (const rule of voters.length > 0 ? voters : [`(no ${field} rule fired)`]) {
        if (!groups.has(rule)) groups.set(rule, []);
        const list = groups.get(rule)!;
        const last = list.at(-1);
        const entry = last && last.id === it.id ? last : { id: it.id, text: it.record.text, wrong: {} };
        entry.wrong[field] = { gold: show(field, g[i]!), labeller: show(field, lab[i]!) };
        if (entry !== last) list.push(entry);
      }
    }
  });
  const errors = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).map(([rule, items]) => ({ rule, items }));
  return { annotator, items: n, systems, rules, errors };
}

export interface AnnotateReport {
  markdown: string;
  html: string;
  json: { command: string; seed: number; resamples: number; annotators: AnnotatorReport[]; agreement: Agreement };
}

const ERRORS_SHOWN = 8;

export async function buildReport(items: readonly SampleItem[], gold: ReadonlyMap<string, ReadonlyMap<string, ItemLabels>>, opts: ReportOptions): Promise<AnnotateReport> {
  const ids = new Set(items.map((it) => it.id));
  const externals: External[] = [];
  for (const p of opts.predictions) externals.push(await loadExternal(p, ids));
  const annotators = [...gold.keys()].sort().map((a) => scoreAnnotator(a, items, gold.get(a)!, externals, opts));
  const agreement = measureAgreement(items, gold, opts);
  const json = { command: opts.command, seed: opts.seed, resamples: opts.resamples, annotators, agreement };
  return { markdown: toMarkdown(json), html: toHtml(json), json };
}

const intro = (j: AnnotateReport["json"]) =>
  `\`${j.command}\`. Bootstrap 95% CIs over items (${j.resamples} resamples, seed ${j.seed}). The sample is stratified (rare classes drawn first), so the figures describe the sample, not the corpus's class mix. Per-rule accuracy: a rule is right when the field it votes on (actor.*/resolve.* → actor, content.* → content span, target.* → topic and target text, stance.*, hedge.* → hedge spans and types) matches the annotator.`;

function toMarkdown(j: AnnotateReport["json"]): string {
  const out = ["# Label quality on your corpus", "", intro(j), ""];
  for (const a of j.annotators) {
    out.push(`## Against ${a.annotator} (${a.items} items)`, "");
    for (const s of a.systems) {
      out.push(`### ${s.system}`, "", "| metric | items | value [95% CI] |", "| --- | ---: | --- |", ...s.rows.map((r) => `| ${r.metric} | ${r.items} | ${fmtFigure(r.figure)} |`), "");
    }
    out.push("### Per rule (rule labeller)", "", "| rule | field | items | correct | accuracy [95% CI] |", "| --- | --- | ---: | ---: | --- |", ...a.rules.map((r) => `| ${r.rule} | ${r.field} | ${r.items} | ${r.correct} | ${fmtFigure(r.accuracy)} |`), "");
    out.push("### Errors by rule", "");
    if (a.errors.length === 0) out.push("None.", "");
    for (const e of a.errors) {
      out.push(`**${e.rule}** (${e.items.length})`, "");
      for (const it of e.items.slice(0, ERRORS_SHOWN))
        out.push(`- \`${it.id}\` ${it.text.replace(/\s+/g, " ")} — ${Object.entries(it.wrong).map(([f, w]) => `${f}: gold ${w.gold}, labeller ${w.labeller}`).join("; ")}`);
      if (e.items.length > ERRORS_SHOWN) out.push(`- … ${e.items.length - ERRORS_SHOWN} more in report.json`);
      out.push("");
    }
  }
  out.push(agreementMarkdown(j.agreement).replace(/^## /, "## "));
  return out.join("\n");
}

function table(head: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n")}\n</tbody></table>`;
}

/** A horizontal bar with its CI as a whisker (0–1 scale). */
function bar(f: Figure): string {
  if (Number.isNaN(f.value)) return "";
  const W = 160;
  const x = (v: number) => (Math.max(0, Math.min(1, v)) * W).toFixed(1);
  const ci = f.ci ? `<line x1="${x(f.ci[0])}" y1="7" x2="${x(f.ci[1])}" y2="7" stroke="#111"/>` : "";
  return `<svg viewBox="0 0 ${W} 14" width="${W}" height="14" role="img" aria-label="${esc(fmtFigure(f))}"><rect x="0" y="2" width="${x(f.value)}" height="10" fill="#4c72b0"/>${ci}</svg>`;
}

function toHtml(j: AnnotateReport["json"]): string {
  const parts: string[] = [];
  for (const a of j.annotators) {
    parts.push(`<h2>Against ${esc(a.annotator)} (${a.items} items)</h2>`);
    for (const s of a.systems) {
      const rows = s.rows.map((r) => `<tr><td>${esc(r.metric)}</td><td>${r.items}</td><td>${esc(fmtFigure(r.figure))}</td><td>${bar(r.figure)}</td></tr>`).join("\n");
      parts.push(`<h3>${esc(s.system)}</h3><table><thead><tr><th>metric</th><th>items</th><th>value [95% CI]</th><th></th></tr></thead><tbody>\n${rows}\n</tbody></table>`);
    }
    parts.push("<h3>Per rule (rule labeller)</h3>", table(["rule", "field", "items", "correct", "accuracy [95% CI]"], a.rules.map((r) => [r.rule, r.field, r.items, r.correct, fmtFigure(r.accuracy)])));
    parts.push("<h3>Errors by rule</h3>");
    for (const e of a.errors)
      parts.push(
        `<details><summary>${esc(e.rule)} (${e.items.length})</summary><ul>${e.items
          .slice(0, ERRORS_SHOWN)
          .map((it) => `<li><code>${esc(it.id)}</code> ${esc(it.text)} — ${esc(Object.entries(it.wrong).map(([f, w]) => `${f}: gold ${w.gold}, labeller ${w.labeller}`).join("; "))}</li>`)
          .join("")}</ul></details>`,
      );
  }
  const ag = j.agreement;
  parts.push(`<h2>Agreement between annotators</h2><p>Annotators: ${esc(ag.annotators.join(", "))}; ${ag.items} items labelled by at least two.</p>`);
  if (ag.annotators.length >= 2) parts.push(table(["field", "Cohen's κ [95% CI]", "Krippendorff's α [95% CI]", "token F1 [95% CI]"], ag.fields.map((f) => [f.field, fmtFigure(f.kappa), fmtFigure(f.alpha), fmtFigure(f.token_f1)])));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimstance: label quality on your corpus</title>
<style>
${REPORT_CSS}
.note { font-size: 12px; color: #555; }
</style>
</head>
<body>
<h1>Label quality on your corpus</h1>
<p class="note">${esc(intro(j).replace(/`/g, ""))}</p>
${parts.join("\n")}
</body>
</html>
`;
}

