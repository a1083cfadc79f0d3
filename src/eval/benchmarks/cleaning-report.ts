// The Markdown report of the `cleaning` benchmark: targets, before → after per
// corpus, chrome dropped by category, and the seed records that changed.
import type { CorpusFigures } from "./cleaning-measure.ts";
import type { BenchmarkResult } from "./registry.ts";

export interface SeedRecord {
  id: string;
  kind: string;
  text: string;
}

export interface SeedChanges {
  removed: SeedRecord[];
  added: SeedRecord[];
  /** Same text, other kind. */
  kindChanged: { text: string; before: string; after: string }[];
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(2)}%`);

export function seedChanges(before: readonly SeedRecord[], after: readonly SeedRecord[]): SeedChanges {
  const key = (r: SeedRecord) => `${r.id.replace(/#\d+$/, "")}\u0000${r.text}`;
  const beforeKeys = new Map(before.map((r) => [key(r), r]));
  const afterKeys = new Map(after.map((r) => [key(r), r]));
  const kindChanged: SeedChanges["kindChanged"] = [];
  for (const [k, r] of afterKeys) {
    const b = beforeKeys.get(k);
    if (b && b.kind !== r.kind) kindChanged.push({ text: r.text, before: b.kind, after: r.kind });
  }
  return {
    removed: before.filter((r) => !afterKeys.has(key(r))),
    added: after.filter((r) => !beforeKeys.has(key(r))),
    kindChanged,
  };
}

function row(label: string, f: (c: CorpusFigures) => string, before: CorpusFigures | undefined, after: CorpusFigures): string {
  return `| ${label} | ${before ? f(before) : "–"} | ${f(after)} |`;
}

export function renderCleaningReport(
  summary: BenchmarkResult, corpora: Record<string, CorpusFigures>,
  before: { corpora: Record<string, CorpusFigures>; seeds: SeedRecord[] } | null, seeds: SeedRecord[],
): { markdown: string; seedChanges: SeedChanges | null } {
  const out: string[] = [
    "# Cleaning benchmark (issue 14)",
    "",
    `Reproduce: \`${summary.command}\`. Records are built in-process by the extract stage with default flags (the records build-dataset writes, one per sentence, before labelling). "Before" is the code at the start of this work (main 3c6256d), kept in \`bench/labels/cleaning-before.json\`.`,
    "",
    "Definitions: *final punctuation* = the record ends with . ! ? … : ; (optionally followed by closing quotes or brackets) or with a closing quote; *lower-case fragment* = starts with a lower-case letter and has no final punctuation; *chrome-lexicon match* = the whole record matches a `text` or `regex` row of data/lexicons/chrome.csv; *Content coverage* = non-whitespace characters inside gold Content spans (first .ann file per article) that lie inside some record.",
    "",
    "## Targets",
    "",
    "| figure | target | value |",
    "| --- | --- | --- |",
  ];
  const target = (metric: string): string =>
    metric.includes("chrome lexicon") ? "0" : metric.includes("fragments") ? "≤ 0.0005" : metric.includes("without final") ? "< 0.02" : "≥ 0.995";
  for (const fig of summary.figures) out.push(`| ${fig.metric} | ${target(fig.metric)} | ${fig.value} (of ${fig.records}) |`);
  for (const [name, after] of Object.entries(corpora)) {
    const b = before?.corpora[name];
    out.push("", `## ${name}`, "", "| figure | before | after |", "| --- | --- | --- |");
    out.push(row("records", (c) => String(c.records), b, after));
    out.push(row("headline records", (c) => String(c.headlines), b, after));
    out.push(row("records matching the chrome lexicon", (c) => String(c.chromeMatches), b, after));
    out.push(row("lower-case fragments", (c) => `${c.lowerNoFinal} (${pct(c.lowerNoFinal, c.records)})`, b, after));
    out.push(row("body records without final punctuation", (c) => `${c.noFinalBody} (${pct(c.noFinalBody, c.bodyRecords)})`, b, after));
    if (after.contentChars) out.push(row("gold Content characters in records", (c) => `${c.contentCovered} / ${c.contentChars} (${pct(c.contentCovered ?? 0, c.contentChars ?? 0)})`, b, after));
    const cats = [...new Set([...Object.keys(after.chrome), ...Object.keys(b?.chrome ?? {})])].sort();
    for (const k of cats) out.push(row(`chrome dropped: ${k}`, (c) => String(c.chrome[k] ?? 0), b, after));
    if (after.examples.chrome.length) out.push("", "Records still matching the chrome lexicon (first ones):", "", ...after.examples.chrome.map((t) => `- ${JSON.stringify(t)}`));
    if (after.examples.lowerNoFinal.length) out.push("", "Lower-case fragments left (first ones):", "", ...after.examples.lowerNoFinal.map((t) => `- ${JSON.stringify(t)}`));
  }
  const changes = before ? seedChanges(before.seeds, seeds) : null;
  out.push("", "## Seed records that changed", "");
  if (!changes) out.push("No before file.");
  else {
    out.push(`${seeds.length} seed records now (${before!.seeds.length} before): ${changes.removed.length} removed, ${changes.added.length} added, ${changes.kindChanged.length} marked with another kind.`, "");
    for (const r of changes.removed) out.push(`- removed ${r.id}: ${JSON.stringify(r.text)}`);
    for (const r of changes.added) out.push(`- added ${r.id} (${r.kind}): ${JSON.stringify(r.text)}`);
    for (const r of changes.kindChanged) out.push(`- ${r.before} → ${r.after}: ${JSON.stringify(r.text.slice(0, 160))}`);
  }
  out.push("");
  return { markdown: out.join("\n"), seedChanges: changes };
}
