// Agreement between annotators, per field: Cohen's kappa (two annotators; the
// mean over pairs with more), Krippendorff's alpha (nominal, any number of
// annotators, missing values) and, for spans, token F1 — each with a
// percentile bootstrap 95% CI over items (src/eval/bootstrap.ts: one seeded
// mulberry32 stream). The metrics are plain functions of their inputs.
import { forEachResample, percentileInterval } from "../eval/bootstrap.ts";
import { attributedOf, cps, type CpSpan, type ItemLabels, type SampleItem } from "./item.ts";

const NONE = "(none)";

// ---- metrics -------------------------------------------------------------------------------------------

/** Cohen's kappa of two annotators' values over the items both labelled (null = missing). NaN when chance agreement is 1. */
export function cohenKappa(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  const counts = new Map<string, [number, number]>();
  let n = 0;
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) continue;
    n++;
    if (x === y) agree++;
    if (!counts.has(x)) counts.set(x, [0, 0]);
    if (!counts.has(y)) counts.set(y, [0, 0]);
    counts.get(x)![0]++;
    counts.get(y)![1]++;
  }
  if (n === 0) return NaN;
  let pe = 0;
  for (const [p, q] of counts.values()) pe += (p / n) * (q / n);
  const po = agree / n;
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data: `units[u][c]` is annotator c's value
 * for unit u, null when missing; units with fewer than two values are not
 * pairable and drop out. alpha = 1 - D_o / D_e from the coincidence matrix
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). NaN when
 * every pairable value is the same (no expected disagreement).
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null)[])[]): number {
  const nc = new Map<string, number>();
  let n = 0;
  let disagree = 0;
  for (const unit of units) {
    const cnt = new Map<string, number>();
    let m = 0;
    for (const v of unit) if (v != null) {
      cnt.set(v, (cnt.get(v) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    let same = 0;
    for (const [v, k] of cnt) {
      same += k * k;
      nc.set(v, (nc.get(v) ?? 0) + k);
    }
    n += m;
    disagree += (m * m - same) / (m - 1);
  }
  if (n < 2) return NaN;
  let sq = 0;
  for (const k of nc.values()) sq += k * k;
  const expected = (n * n - sq) / (n * (n - 1));
  if (expected === 0) return NaN;
  return 1 - disagree / n / expected;
}

/** Word and punctuation tokens of `text` as code-point [start, end) ranges. */
export function tokens(text: string): CpSpan[] {
  const out: CpSpan[] = [];
  let start = -1;
  let word = false;
  const c = cps(text);
  for (let i = 0; i <= c.length; i++) {
    const ch = c[i];
    const isWord = ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
    if (start >= 0 && (!word || !isWord)) {
      out.push({ start, end: i });
      start = -1;
    }
    if (ch !== undefined && !/\s/u.test(ch) && start < 0) {
      start = i;
      word = isWord;
    }
  }
  return out;
}

/** The indices of the tokens a set of spans overlaps, each tagged (`tag:index`). */
export function tokenSet(toks: readonly CpSpan[], spans: ReadonlyArray<{ span: CpSpan; tag?: string }>): Set<string> {
  const out = new Set<string>();
  for (const { span, tag } of spans) toks.forEach((t, i) => {
    if (t.start < span.end && span.start < t.end) out.add(`${tag ?? ""}:${i}`);
  });
  return out;
}

/** Token F1 of two annotators' token sets over items (micro: summed overlaps). NaN when neither marks a token. */
export function tokenF1(a: readonly ReadonlySet<string>[], b: readonly ReadonlySet<string>[]): number {
  let both = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    for (const t of a[i]!) if (b[i]!.has(t)) both++;
    total += a[i]!.size + b[i]!.size;
  }
  return total === 0 ? NaN : (2 * both) / total;
}

/** Percentile bootstrap 95% CI of `stat` over resamples of n items (NaN resamples dropped). */
export function bootstrapCI(n: number, stat: (idx: ArrayLike<number>) => number, resamples: number, seed: number): [number, number] | null {
  const values: number[] = [];
  forEachResample(n, resamples, seed, (idx) => {
    const v = stat(idx);
    if (!Number.isNaN(v)) values.push(v);
  });
  return values.length === 0 ? null : percentileInterval(values, 0.95);
}

// ---- fields --------------------------------------------------------------------------------------------

/** Categorical fields compared between annotators (and against the labeller in the report). */
export const CATEGORICAL: ReadonlyArray<[string, (l: ItemLabels) => string]> = [
  ["actor", (l) => l.actor?.name ?? NONE],
  ["actor_type", (l) => l.actor?.type ?? NONE],
  ["attributed", (l) => attributedOf(l)],
  ["cue", (l) => l.cue?.toLowerCase() ?? NONE],
  ["target", (l) => l.target ?? NONE],
  ["target_entity", (l) => l.target_entity ?? NONE],
  ["stance", (l) => l.stance],
  ["hedged", (l) => String(l.hedges.length > 0)],
  ["hedge_types", (l) => [...new Set(l.hedges.map((h) => h.type))].sort().join("+") || NONE],
];

/** Span fields: the spans of each, tagged (hedges by type). */
export const SPANS: ReadonlyArray<[string, (l: ItemLabels) => { span: CpSpan; tag?: string }[]]> = [
  ["actor span", (l) => (l.actor_span ? [{ span: l.actor_span }] : [])],
  ["cue span", (l) => (l.cue_span ? [{ span: l.cue_span }] : [])],
  ["content span", (l) => (l.content ? [{ span: l.content }] : [])],
  ["target span", (l) => (l.target_span ? [{ span: l.target_span }] : [])],
  ["hedge spans (typed)", (l) => l.hedges.map((h) => ({ span: { start: h.start, end: h.end }, tag: h.type }))],
];

export interface Figure {
  value: number;
  ci: [number, number] | null;
}

export interface FieldAgreement {
  field: string;
  /** Items with at least two annotators' values. */
  items: number;
  kappa: Figure | null;
  alpha: Figure | null;
  token_f1: Figure | null;
}

export interface Agreement {
  annotators: string[];
  items: number;
  seed: number;
  resamples: number;
  fields: FieldAgreement[];
}

const pairs = <T>(xs: readonly T[]): [T, T][] => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y] as [T, T]));
const mean = (xs: number[]) => {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length === 0 ? NaN : ok.reduce((a, b) => a + b, 0) / ok.length;
};

/** Agreement of every annotator pair on the items at least two of them labelled. */
export function measureAgreement(sample: readonly SampleItem[], gold: ReadonlyMap<string, ReadonlyMap<string, ItemLabels>>, opts: { seed: number; resamples: number }): Agreement {
  const annotators = [...gold.keys()].sort();
  const units = sample.filter((it) => annotators.filter((a) => gold.get(a)!.has(it.id)).length >= 2);
  const labels = units.map((it) => annotators.map((a) => gold.get(a)!.get(it.id) ?? null));
  const fields: FieldAgreement[] = [];
  const n = units.length;
  const figure = (stat: (idx: ArrayLike<number>) => number): Figure => ({ value: stat(units.map((_, i) => i)), ci: bootstrapCI(n, stat, opts.resamples, opts.seed) });
  for (const [field, value] of CATEGORICAL) {
    const matrix = labels.map((row) => row.map((l) => (l ? value(l) : null)));
    const pick = (idx: ArrayLike<number>) => Array.from(idx, (i) => matrix[i]!);
    const kappa = (idx: ArrayLike<number>) => {
      const rows = pick(idx);
      return mean(pairs(annotators.map((_, c) => c)).map(([x, y]) => cohenKappa(rows.map((r) => r[x]!), rows.map((r) => r[y]!))));
    };
    fields.push({ field, items: n, kappa: n > 0 ? figure(kappa) : null, alpha: n > 0 ? figure((idx) => krippendorffAlphaNominal(pick(idx))) : null, token_f1: null });
  }
  const toks = units.map((it) => tokens(it.record.text));
  for (const [field, spansOf] of SPANS) {
    const sets = labels.map((row, u) => row.map((l) => (l ? tokenSet(toks[u]!, spansOf(l)) : null)));
    const f1 = (idx: ArrayLike<number>) =>
      mean(
        pairs(annotators.map((_, c) => c)).map(([x, y]) => {
          const rows = Array.from(idx, (i) => sets[i]!).filter((r) => r[x] && r[y]);
          return tokenF1(rows.map((r) => r[x]!), rows.map((r) => r[y]!));
        }),
      );
    fields.push({ field, items: n, kappa: null, alpha: null, token_f1: n > 0 ? figure(f1) : null });
  }
  return { annotators, items: n, seed: opts.seed, resamples: opts.resamples, fields };
}

export const fmt3 = (v: number) => (Number.isNaN(v) ? "—" : v.toFixed(3));
export const fmtFigure = (f: Figure | null) => (f === null ? "" : `${fmt3(f.value)}${f.ci ? ` [${fmt3(f.ci[0])}, ${fmt3(f.ci[1])}]` : ""}`);

export function agreementMarkdown(a: Agreement): string {
  const head = [
    "## Agreement between annotators",
    "",
    `Annotators: ${a.annotators.join(", ")}; ${a.items} items labelled by at least two. Bootstrap 95% CI over items (${a.resamples} resamples, seed ${a.seed}).` +
      (a.annotators.length > 2 ? " Cohen's kappa and token F1: mean over annotator pairs." : ""),
    "",
  ];
  if (a.annotators.length < 2) return [...head.slice(0, 2), "Only one annotator: no agreement to measure.", ""].join("\n");
  return [
    ...head,
    "| field | Cohen's κ [95% CI] | Krippendorff's α (nominal) [95% CI] | token F1 [95% CI] |",
    "| --- | --- | --- | --- |",
    ...a.fields.map((f) => `| ${f.field} | ${fmtFigure(f.kappa)} | ${fmtFigure(f.alpha)} | ${fmtFigure(f.token_f1)} |`),
    "",
    "— : not defined (every value the same, or no span marked).",
    "",
  ].join("\n");
}
