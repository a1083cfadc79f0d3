// Stage "ids" (1 task): a doc_id seen in an earlier shard drops the later
// article, as the one-pass build drops a repeated doc_id. Reads the shards'
// candidate articles in shard order; writes which candidates each shard
// drops and where each shard's kept articles and records start globally
// (a record's global position g = recordStart of its shard + its index among
// the shard's kept records).
import { join } from "node:path";
import { InputError } from "../../errors.ts";
import { DocIdSet } from "./doc-ids.ts";
import type { ShardArticles } from "./process.ts";
import { readJson, writeJson } from "./task-dir.ts";

export interface ShardIds {
  /** Candidate article indexes (articles.json order) dropped as repeats of an earlier shard's doc_id. */
  drop: number[];
  articleStart: number;
  articles: number;
  recordStart: number;
  records: number;
}

export interface Ids {
  shards: ShardIds[];
  articles: number;
  records: number;
}

export async function findDroppedIds(processDirs: string[], inputs: string[], dir: string): Promise<void> {
  const seen = new DocIdSet();
  const shards: ShardIds[] = [];
  let articles = 0;
  let records = 0;
  for (const d of processDirs) {
    const a = await readJson<ShardArticles>(join(d, "articles.json"));
    const s: ShardIds = { drop: [], articleStart: articles, articles: 0, recordStart: records, records: 0 };
    a.docIds.forEach((id, i) => {
      if (!seen.add(id)) s.drop.push(i);
      else {
        s.articles++;
        s.records += a.counts[i]!;
      }
    });
    articles += s.articles;
    records += s.records;
    shards.push(s);
  }
  if (records === 0) throw new InputError(`${inputs.join(", ")}: no sentences found in the input`);
  if (records >= 2 ** 31) throw new InputError(`${records} records: a build holds at most 2^31 - 1`);
  await writeJson(join(dir, "ids.json"), { shards, articles, records } satisfies Ids);
}

/** Per candidate article of a shard: kept (1) or dropped (0). */
export function keptArticles(a: ShardArticles, s: ShardIds): Uint8Array {
  const kept = new Uint8Array(a.docIds.length).fill(1);
  for (const i of s.drop) kept[i] = 0;
  return kept;
}

/** Calls visit(k, "doc_id#i") for each global position gs[k] (ascending), streaming the shards' article lists. */
export async function recordIds(processDirs: string[], ids: Ids, gs: Int32Array, visit: (k: number, id: string) => void): Promise<void> {
  let k = 0;
  for (let t = 0; t < processDirs.length && k < gs.length; t++) {
    const sh = ids.shards[t]!;
    if (gs[k]! >= sh.recordStart + sh.records) continue;
    const art = await readJson<ShardArticles>(join(processDirs[t]!, "articles.json"));
    const kept = keptArticles(art, sh);
    let g = sh.recordStart;
    for (let i = 0; i < art.counts.length && k < gs.length; i++) {
      if (!kept[i]) continue;
      const end = g + art.counts[i]!;
      for (; k < gs.length && gs[k]! < end; k++) visit(k, `${art.docIds[i]}#${gs[k]! - g}`);
      g = end;
    }
  }
}
