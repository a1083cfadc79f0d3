// Hedged share of a built dataset, by type and by cue: how often the hedge
// rules fire on news narration (a jump after a lexicon change is a warning).
//   npx tsx bench/hedged-share.ts DIR [--cues N]
// DIR holds train.jsonl and test.jsonl as build-dataset writes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, flag, n] = process.argv.slice(2);
if (!dir) throw new Error("usage: npx tsx bench/hedged-share.ts DIR [--cues N]");
const topCues = flag === "--cues" ? Number(n) : 30;

let records = 0;
let hedged = 0;
const byType = new Map<string, number>();
const byCue = new Map<string, number>();
for (const split of ["train.jsonl", "test.jsonl"]) {
  for (const line of readFileSync(join(dir, split), "utf8").split("\n")) {
    if (line === "") continue;
    const r = JSON.parse(line) as { hedged: boolean; hedges: { cue: string; type: string }[] };
    records++;
    if (r.hedged) hedged++;
    for (const t of new Set(r.hedges.map((h) => h.type))) byType.set(t, (byType.get(t) ?? 0) + 1);
    for (const c of new Set(r.hedges.map((h) => `${h.type}\t${h.cue.toLowerCase()}`))) byCue.set(c, (byCue.get(c) ?? 0) + 1);
  }
}
const pct = (x: number): string => `${((100 * x) / records).toFixed(2)}%`;
console.log(`${records} records, hedged ${hedged} (${pct(hedged)})`);
for (const [t, c] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`  ${t}: ${c} (${pct(c)})`);
console.log(`top ${topCues} cues (records):`);
for (const [k, c] of [...byCue].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, topCues)) console.log(`  ${c}\t${k.replace("\t", "  ")}`);
