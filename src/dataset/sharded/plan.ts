// Stage "plan" (1 task) and the shard reader. A shard is a contiguous range of
// the input order [first, first + count) of the items readInputs yields
// (documents and skipped inputs), so the global order is (shard, position)
// and "first in input order" is "smallest global position". Shards are cut at
// equal shares of text characters. The plan reads the inputs once and records
// where each shard's reader starts: its input, and in a JSONL input its first
// line, so a shard task passes over the earlier inputs and lines without
// parsing them (a gzip input is still unpacked up to there: its newlines are
// counted in the raw blocks); a CSV, folder or .txt input is streamed from
// its start. The reader's own state — the explicit ids seen — is handed over:
// the ids of earlier shards that the shard repeats, so it skips the same
// "duplicate doc_id" items as one pass.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { withoutGz } from "../../extract/decode.ts";
import { readInputs, type InputDocument, type ReadOptions, type ReadStart, type SkippedInput } from "../../extract/index.ts";
import { DocIdFirst } from "./doc-ids.ts";
import { growFloat64, readJson, writeJson } from "./task-dir.ts";

export interface ShardRange {
  first: number;
  count: number;
  /** Where the reader starts for this shard, and how many of its items come before the shard's first. */
  start?: ReadStart;
  skip?: number;
}

export interface Plan {
  items: number;
  shards: ShardRange[];
}

const DUPLICATE_ID = 'duplicate doc_id "';

export async function planShards(inputs: string[], read: ReadOptions, shards: number, dir: string): Promise<void> {
  const chars = growFloat64(); // one number per item: 8 B per document (the plan is one small task)
  // Per item: its input, its line (a JSONL input: where a shard can start), its index among its input's items.
  const inputOf = growFloat64();
  const lineOf = growFloat64();
  const firstOfInput: number[] = [];
  const jsonl: boolean[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    jsonl.push(info !== null && info.isFile() && withoutGz(input).toLowerCase().endsWith(".jsonl"));
  }
  // Explicit ids: the first item of each; a later item the reader skipped as a repeat of one (the shard it
  // starts in must know the id).
  const explicit = (item: InputDocument) => (item.kind === "jsonl" ? read.idField !== undefined : item.kind === "csv" && read.idColumn !== undefined);
  const firstById = new DocIdFirst();
  const repeats: [number, number, string][] = [];
  let current = -1;
  let total = 0;
  for await (const item of readInputs(inputs, read, { onInput: (k) => void (firstOfInput[(current = k)] = chars.size) })) {
    const i = chars.size;
    let c = 0;
    if ("reason" in item) {
      if (item.reason.startsWith(DUPLICATE_ID)) {
        const id = item.reason.slice(DUPLICATE_ID.length, -1);
        repeats.push([firstById.firstOf(id), i, id]);
      }
    } else {
      c = item.text.length;
      if (explicit(item)) firstById.add(item.docId!, i);
    }
    chars.push(c);
    inputOf.push(current);
    const m = jsonl[current] ? /:line (\d+)$/.exec(item.location) : null;
    lineOf.push(m ? Number(m[1]) : 0);
    total += c;
  }
  const n = chars.size;
  const ch = chars.view();
  const cuts: number[] = [0];
  {
    let at = 0;
    let acc = 0;
    for (let s = 0; s < shards; s++) {
      const goal = (total * (s + 1)) / shards;
      let end = at;
      if (s === shards - 1) end = n;
      else while (end < n && acc + ch[end]! <= goal) acc += ch[end++]!;
      cuts.push(end);
      at = end;
    }
  }
  const shardOf = (i: number) => {
    let s = 0;
    while (cuts[s + 1]! <= i) s++;
    return s;
  };
  const seen: Set<string>[] = Array.from({ length: shards }, () => new Set());
  for (const [f, i, id] of repeats) if (f >= 0 && shardOf(f) < shardOf(i)) seen[shardOf(i)]!.add(id);
  const out: ShardRange[] = [];
  for (let s = 0; s < shards; s++) {
    const first = cuts[s]!;
    const range: ShardRange = { first, count: cuts[s + 1]! - first };
    if (range.count > 0) {
      const k = inputOf.view()[first]!;
      const line = lineOf.view()[first]!;
      const seenIds = [...seen[s]!].sort();
      range.start = { input: k, line: line > 0 ? line : 1, seenIds };
      range.skip = line > 0 ? 0 : first - firstOfInput[k]!;
    }
    out.push(range);
  }
  await writeJson(join(dir, "plan.json"), { items: n, shards: out } satisfies Plan);
}

export const loadPlan = (work: string) => readJson<Plan>(join(work, "plan", "0", "plan.json"));

/**
 * The items of one shard, in input order. The reader starts at the shard's input (a JSONL input at the
 * shard's first line, the lines before skipped unparsed; CSV, folders and .txt at the input's start, the
 * items before streamed past), with the explicit ids of earlier shards that this one repeats: the items
 * are the one-pass reader's.
 */
export async function* shardItems(inputs: string[], read: ReadOptions, range: ShardRange): AsyncGenerator<InputDocument | SkippedInput> {
  if (range.count === 0) return;
  let skip = range.skip ?? range.first;
  let left = range.count;
  for await (const item of readInputs(inputs, read, range.start ? { start: range.start } : {})) {
    if (skip > 0) {
      skip--;
      continue;
    }
    yield item;
    if (--left === 0) return;
  }
}
