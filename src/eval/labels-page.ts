// bench/labels.md: the one label-quality page `npm run benchmark` (no
// argument) writes. One table of every benchmark's headline figures, links to
// the detailed reports, and the benchmarks skipped because their data is not
// present. Fixed by the results alone (no time, no machine), so the page is
// the same on every run over the same data.
import { dirname, relative } from "node:path";
import type { BenchmarkResult } from "./benchmarks/registry.ts";
import { mdCell as cell } from "./report-rows.ts";

/** The page's Markdown; `page` is where it is written (links are relative to it). */
export function labelsPage(results: readonly BenchmarkResult[], skipped: readonly string[], page: string): string {
  const out: string[] = [
    "# Label quality",
    "",
    "How well the rule labeller's labels match text annotated by people: every label benchmark the project has, as `npm run benchmark` (no argument) last ran them. " +
      "Each row says which split it is from; tuning is done on train splits and the in-repo gold's seeds/corpora files, never on held-out data. " +
      "A metric marked * is guarded: CI (`npm run check-benchmarks`) fails when it drops more than 0.01 below the committed figure.",
    "",
    "| benchmark | split | metric | figure | records | command |",
    "| --- | --- | --- | ---: | ---: | --- |",
  ];
  for (const r of results) {
    for (const f of r.figures)
      out.push(`| ${cell(r.benchmark)} | ${cell(f.split ?? r.split)} | ${cell(f.metric)}${f.guarded ? " *" : ""} | ${f.value.toFixed(4)} | ${f.records} | \`${cell(r.command)}\` |`);
    // A figure over a set with one class says nothing (eval's degenerate.ts): its reason, never a number.
    for (const f of r.notScored ?? [])
      out.push(`| ${cell(r.benchmark)} | ${cell(f.split ?? r.split)} | ${cell(f.metric)} | ${cell(f.reason)} | ${f.records} | \`${cell(r.command)}\` |`);
  }
  if (results.length === 0) out.push("| – | – | no benchmark ran | – | – | – |");
  for (const r of results) if (r.section) out.push("", r.section.trimEnd());
  out.push("", "## Detailed reports", "");
  for (const r of results) out.push(`- ${r.benchmark}: ${r.reports.map((p) => `[${relative(dirname(page), p)}](${relative(dirname(page), p)})`).join(", ")}`);
  if (skipped.length > 0) out.push("", `Not run (data not present): ${skipped.join(", ")}.`);
  out.push("");
  return out.join("\n");
}
