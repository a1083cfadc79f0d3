// Generated test corpora (written to temp folders at test time, never
// committed): seed paragraphs shuffled and recombined with a seeded PRNG.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mulberry32 } from "../../src/rng.ts";
import { SEEDS } from "./helpers.ts";

const prng = mulberry32;

export async function seedParagraphs(): Promise<string[]> {
  const out: string[] = [];
  for (const f of (await readdir(SEEDS)).sort()) {
    const text = await readFile(join(SEEDS, f), "utf8");
    for (const p of text.split(/\r?\n\s*\n|\r?\n/)) if (p.trim().length >= 60) out.push(p.trim());
  }
  return out;
}

/** A JSONL file of `articles` recombined seed articles ({"id","text"}); returns its size in bytes. */
export async function writeSeedJsonl(file: string, articles: number, seed = 7, minChars = 1500): Promise<number> {
  const paras = await seedParagraphs();
  const rand = prng(seed);
  const lines: string[] = [];
  for (let a = 0; a < articles; a++) {
    const body: string[] = [];
    let len = 0;
    while (len < minChars) {
      const p = paras[Math.floor(rand() * paras.length)]!;
      body.push(p);
      len += p.length;
    }
    lines.push(JSON.stringify({ id: `gen-${a}`, text: body.join("\n\n") }));
  }
  const content = lines.join("\n") + "\n";
  await writeFile(file, content);
  return Buffer.byteLength(content);
}
