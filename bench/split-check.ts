// Leakage check of a build's split: the test share, test records whose
// dup_group (near-duplicate cluster) also has records in train, and test
// records whose text equals a train record's once case, punctuation, quote
// style and spacing are folded (letters and digits only, lower-cased: the
// exact-repeat key's folding, src/dataset/sentence-hashes.ts).
//   npx tsx bench/split-check.ts OUT_DIR [--test-ratio 0.2]
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";

export const foldText = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\uD800-\uDFFF]/gu, "");

async function* lines(path: string): AsyncGenerator<{ text: string; dup_group: string }> {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line) yield JSON.parse(line) as { text: string; dup_group: string };
}

export async function splitCheck(out: string): Promise<{ train: number; test: number; share: number; sharedClusters: number; foldedRepeats: number }> {
  const groups = new Set<string>();
  const folded = new Set<string>();
  let train = 0;
  for await (const r of lines(join(out, "train.jsonl"))) {
    train++;
    groups.add(r.dup_group);
    folded.add(foldText(r.text));
  }
  let test = 0;
  let sharedClusters = 0;
  let foldedRepeats = 0;
  for await (const r of lines(join(out, "test.jsonl"))) {
    test++;
    if (groups.has(r.dup_group)) sharedClusters++;
    if (folded.has(foldText(r.text))) foldedRepeats++;
  }
  return { train, test, share: test / (train + test), sharedClusters, foldedRepeats };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await splitCheck(process.argv[2]!)));
