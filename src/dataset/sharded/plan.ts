// Stage "plan" (1 task) and the shard reader. A shard is a contiguous range of
// the input order [first, first + count) of the items readInputs yields
// (documents and skipped inputs), so the global order is (shard, position)
// and "first in input order" is "smallest global position". Shards are cut at
// equal shares of text characters. A shard task reaches its range by
// streaming the reader from the start (skipping items unparsed beyond what
// the reader itself does): that works for every input kind, gzip included,
// and keeps the reader's own state (ids it has seen) exactly as in one pass.
import { join } from "node:path";
import { readInputs, type InputDocument, type ReadOptions, type SkippedInput } from "../../extract/index.ts";
import { readJson, writeJson } from "./task-dir.ts";

export interface ShardRange {
  first: number;
  count: number;
}

export interface Plan {
  items: number;
  shards: ShardRange[];
}

export async function planShards(inputs: string[], read: ReadOptions, shards: number, dir: string): Promise<void> {
  const chars: number[] = [];
  let total = 0;
  // One number per item (a double in a plain array: 8 B per document; the plan is one small task).
  for await (const item of readInputs(inputs, read)) {
    const c = "reason" in item ? 0 : item.text.length;
    chars.push(c);
    total += c;
  }
  const out: ShardRange[] = [];
  let at = 0;
  let acc = 0;
  for (let s = 0; s < shards; s++) {
    const goal = (total * (s + 1)) / shards;
    let end = at;
    if (s === shards - 1) end = chars.length;
    else while (end < chars.length && acc + chars[end]! <= goal) acc += chars[end++]!;
    out.push({ first: at, count: end - at });
    at = end;
  }
  await writeJson(join(dir, "plan.json"), { items: chars.length, shards: out } satisfies Plan);
}

export const loadPlan = (work: string) => readJson<Plan>(join(work, "plan", "0", "plan.json"));

/** The items of one shard, in input order. */
export async function* shardItems(inputs: string[], read: ReadOptions, range: ShardRange): AsyncGenerator<InputDocument | SkippedInput> {
  if (range.count === 0) return;
  let i = 0;
  const end = range.first + range.count;
  for await (const item of readInputs(inputs, read)) {
    if (i >= range.first) yield item;
    if (++i >= end) return;
  }
}
