// A corpus K times the size of a JSONL corpus (default: AllSides x10, ~2.2 GB
// of text) for memory-growth runs of the sharded build: copy 0 is the corpus
// itself; copy k > 0 of each article gets id "ID~k" and, in every line, every
// third word (from a copy-dependent offset) replaced by another word of the
// same article drawn by a seeded generator. Every word 3-shingle of a copy
// holds a replaced word, so copies share almost no shingles with each other
// (not near-duplicates, Jaccard well below 0.5): the distinct-sentence count
// grows K times, unlike the repeated-paragraph stress corpus (stress-corpus.ts),
// whose recombined text hides memory growth. The text stays made of the
// article's own words, so per-MB labelling work is close to the original's.
//   npx tsx bench/scale-corpus.ts IN.jsonl[.gz] OUT.jsonl [K=10] [seed=7]
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { mulberry32, randInt } from "../src/rng.ts";

const WORD = /[A-Za-z][A-Za-z'’-]*/g;

export function perturb(text: string, copy: number, rng: () => number): string {
  const vocab = text.match(WORD) ?? [];
  if (vocab.length === 0 || copy === 0) return text;
  return text
    .split("\n")
    .map((line) => {
      let i = 0;
      return line.replace(WORD, (w) => ((i++ + copy) % 3 === 0 ? vocab[randInt(rng, vocab.length)]! : w));
    })
    .join("\n");
}

async function main(): Promise<void> {
  const [input, output, kRaw, seedRaw] = process.argv.slice(2);
  if (!input || !output) throw new Error("usage: scale-corpus.ts IN.jsonl[.gz] OUT.jsonl [K] [seed]");
  const K = Number(kRaw ?? 10);
  const seed = Number(seedRaw ?? 7);
  const out = createWriteStream(output);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  let articles = 0;
  let bytes = 0;
  for (let k = 0; k < K; k++) {
    const rng = mulberry32(seed * 1000 + k);
    const raw = createReadStream(input);
    const lines = createInterface({ input: input.endsWith(".gz") ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as Record<string, unknown> & { id: string; text: string };
      const text = perturb(String(a.text ?? ""), k, rng);
      const row = JSON.stringify({ ...a, id: k === 0 ? a.id : `${a.id}~${k}`, text }) + "\n";
      bytes += Buffer.byteLength(text);
      articles++;
      await write(row);
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  console.log(`${output}: ${articles} articles, ${(bytes / 1e6).toFixed(1)} MB of text (${K} copies)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
