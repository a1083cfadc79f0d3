// The stress corpus of `npm run bench`: 100,000 articles (~200 MB) made by
// shuffling and recombining the paragraphs of the FNC-1 bodies and the BBC
// articles with a seeded generator (no Math.random), written as one JSONL file
// ({"id","text"} per line) outside the repository. Same seed, same bytes.
//   npx tsx bench/stress-corpus.ts OUT.jsonl [articles] [seed]
import { createWriteStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { mulberry32 } from "../src/rng.ts";

// The shared corpora sit beside the repository (../shared/corpora); CLAIMSTANCE_CORPORA overrides.
export const CORPORA = process.env.CLAIMSTANCE_CORPORA ?? fileURLToPath(new URL("../../shared/corpora", import.meta.url));
export const FNC_FILES = [`${CORPORA}/fnc1/train_bodies.csv`, `${CORPORA}/fnc1/competition_test_bodies.csv`];
export const BBC_DIR = `${CORPORA}/bbc_news`;

/** mulberry32 (shared with the eval bootstrap): the stream depends only on the seed. */
export const prng = mulberry32;

async function txtFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await txtFiles(p)));
    else if (e.name.endsWith(".txt")) out.push(p);
  }
  return out;
}

const paragraphsOf = (text: string) => text.split(/\r?\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 40);

/** Every paragraph (≥ 40 characters) of the FNC-1 bodies and the BBC articles, in a fixed order. */
export async function sourceParagraphs(): Promise<string[]> {
  const out: string[] = [];
  for (const f of FNC_FILES) {
    const rows = Papa.parse<Record<string, string>>(await readFile(f, "utf8"), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) out.push(...paragraphsOf(r.articleBody ?? ""));
  }
  for (const f of await txtFiles(BBC_DIR)) out.push(...paragraphsOf(await readFile(f, "utf8")));
  return out;
}

/** Writes the corpus; returns its size in bytes and the number of articles. */
export async function writeStressCorpus(out: string, articles = 100_000, seed = 20250901): Promise<{ bytes: number; articles: number }> {
  const paras = await sourceParagraphs();
  const rand = prng(seed);
  // A shuffled deck of paragraphs, reshuffled whenever it runs out, so every paragraph is used about equally often.
  const deck = paras.map((_, i) => i);
  let next = deck.length;
  const draw = (): string => {
    if (next === deck.length) {
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [deck[i], deck[j]] = [deck[j]!, deck[i]!];
      }
      next = 0;
    }
    return paras[deck[next++]!]!;
  };
  const stream = createWriteStream(out);
  let bytes = 0;
  let chunk: string[] = [];
  for (let a = 0; a < articles; a++) {
    const target = 500 + Math.floor(rand() * 2300); // 500–2800 characters: ~2 KB per article with the last paragraph
    const body: string[] = [];
    let len = 0;
    while (len < target) {
      const p = draw();
      body.push(p);
      len += p.length + 2;
    }
    const line = JSON.stringify({ id: `stress-${String(a).padStart(6, "0")}`, text: body.join("\n\n") }) + "\n";
    bytes += Buffer.byteLength(line);
    chunk.push(line);
    if (chunk.length === 512) {
      if (!stream.write(chunk.join(""))) await new Promise<void>((r) => stream.once("drain", () => r()));
      chunk = [];
    }
  }
  stream.write(chunk.join(""));
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { bytes, articles };
}

if (process.argv[1]?.endsWith("stress-corpus.ts")) {
  const [out, n, seed] = process.argv.slice(2);
  if (!out) {
    console.error("usage: tsx bench/stress-corpus.ts OUT.jsonl [articles] [seed]");
    process.exit(2);
  }
  const r = await writeStressCorpus(out, n ? Number(n) : undefined, seed ? Number(seed) : undefined);
  console.log(`${out}: ${r.articles} articles, ${(r.bytes / 1e6).toFixed(1)} MB`);
}
