// `npm run mine-stance [-- --corpora DIR]`: mines the stance predicate classes
// (src/label/analysis/mine-stance.ts) from PolNeAR train's article texts and
// the AllSides corpus, less the articles of the AllSides held-out gold (never
// tuned on, so never mined either), and writes data/lexicons/stance_classes.csv.
// Deterministic: files in sorted order, corpus lines in file order.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ALLSIDES_FILE, readAllSides } from "../eval/allsides.ts";
import { writeAtomic } from "../eval/io.ts";
import { InputError } from "../errors.ts";
import { StanceMiner, stanceClassesCsv } from "../label/analysis/mine-stance.ts";
import { parseFlags, runCli } from "./main.ts";

const POLNEAR_TRAIN = "polnear/train/text";
const HELDOUT_GOLD = "data/gold/allsides/allsides-heldout.jsonl";
export const STANCE_CLASSES_FILE = "data/lexicons/stance_classes.csv";

export async function mineStance(corpora: string, out: string): Promise<{ rows: number; tokens: Record<string, number> }> {
  const polnear = join(corpora, POLNEAR_TRAIN);
  const allsides = join(corpora, ALLSIDES_FILE);
  for (const p of [polnear, allsides]) if (!existsSync(p)) throw new InputError(`mine-stance: ${p}: not found (--corpora DIR)`);
  const heldout = new Set<string>();
  for (const line of readFileSync(HELDOUT_GOLD, "utf8").split("\n"))
    if (line.trim()) heldout.add(/:id (\S+)$/.exec((JSON.parse(line) as { source: string }).source)?.[1] ?? "");
  const miner = new StanceMiner();
  for (const f of readdirSync(polnear).filter((f) => f.endsWith(".txt")).sort()) miner.add("polnear-train", readFileSync(join(polnear, f), "utf8"));
  let skipped = 0;
  for await (const a of readAllSides(allsides)) {
    if (heldout.has(a.docId!)) {
      skipped++;
      continue;
    }
    miner.add("allsides", a.text);
  }
  const rows = miner.rows();
  const tokens = miner.corpusTokens;
  const header = [
    "Written by `npm run mine-stance` (src/label/analysis/mine-stance.ts): the stance predicate classes mined from",
    `PolNeAR train (${tokens["polnear-train"]} tokens) and the AllSides corpus less the ${skipped} held-out gold articles (${tokens["allsides"]} tokens).`,
    "Do not edit by hand: change the seeds or thresholds and rerun. Method and columns: data/lexicons/README.md.",
  ];
  writeAtomic([[out, stanceClassesCsv(rows, header)]]);
  return { rows: rows.length, tokens };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await runCli("mine-stance", async () => {
    const f = parseFlags(process.argv.slice(2), { corpora: { type: "string" }, out: { type: "string" } });
    const r = await mineStance(f.corpora ?? "../shared/corpora", f.out ?? STANCE_CLASSES_FILE);
    process.stdout.write(`mine-stance: ${r.rows} class rows from ${Object.entries(r.tokens).map(([k, v]) => `${k} ${v} tokens`).join(", ")}\n`);
  });
