// Near-duplicate clustering over shards, in the shape of datatrove's MinHash
// dedup (signatures → buckets → clusters), with the one-pass index's exact
// semantics (near-duplicates.ts):
// - "keys" (P tasks, P = shards): partition p takes the exact keys with
//   key mod P = p. d(key) = the smallest global position g of a kept record
//   with that key (the one-pass distinct index, in the same order). Writes,
//   per shard, d of each of its records in this partition (record order), the
//   d of every key seen twice or more, and, per bucket partition, one entry
//   per LSH band: band, bucket hash, d, shingles.
// - "buckets" (P tasks): entries grouped by (band, bucket), ordered by d;
//   each is checked against the 64 before it (the one-pass chain window,
//   MAX_CHAIN) with the exact Jaccard >= 0.5. Emits only the edges that join
//   two of its own union-find sets: the components are the same.
// - "cluster" (1 task): union-find over the edge nodes only (root = smallest
//   d), written as sorted node / root tables.
// A record's cluster representative is then root(d) (d itself off the table):
// the smallest global position in its cluster, as in one pass.
import { join } from "node:path";
import { NEAR_DUP_THRESHOLD } from "../../shingles.ts";
import { LSH_BANDS } from "../near-duplicates.ts";
import { KeyIntMap, findSorted, sortedRunJaccard } from "../u32-map.ts";

export { findSorted };
import { UnionFind } from "../union-find.ts";
import type { Ids } from "./ids.ts";
import { keptArticles } from "./ids.ts";
import type { ShardArticles } from "./process.ts";
import { growInt32, growUint32, readFloat64, readInt32, readJson, readUint32, writeJson, writeTyped, type Growable } from "./task-dir.ts";

/** Candidates examined per bucket (near-duplicates.ts MAX_CHAIN). */
const MAX_CHAIN = 64;

export const keyPart = (key: number, parts: number) => key % parts;
const bucketPart = (band: number, bucket: number, parts: number) => (Math.imul(bucket ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b) >>> 0) % parts;

/** Calls visit(g, key, local, raw) for every kept record of shard s in order (g: global position; local: among the kept; raw: in the process files). */
export async function keptRecords(processDir: string, ids: Ids, s: number, visit: (g: number, key: number, local: number, raw: number) => void): Promise<void> {
  const keys = await readFloat64(join(processDir, "keys.f64"));
  const articles = await readJson<ShardArticles>(join(processDir, "articles.json"));
  const kept = keptArticles(articles, ids.shards[s]!);
  let g = ids.shards[s]!.recordStart;
  let r = 0;
  let local = 0;
  for (let a = 0; a < articles.counts.length; a++) {
    const n = articles.counts[a]!;
    if (!kept[a]) {
      r += n;
      continue;
    }
    for (let k = 0; k < n; k++, r++) visit(g++, keys[r]!, local++, r);
  }
}

export async function keysTask(processDirs: string[], ids: Ids, p: number, parts: number, dir: string): Promise<void> {
  const map = new KeyIntMap();
  const dOf = growInt32();
  const counts = growInt32();
  for (let s = 0; s < processDirs.length; s++) {
    const out = growInt32();
    await keptRecords(processDirs[s]!, ids, s, (g, key) => {
      if (keyPart(key, parts) !== p) return;
      let j = map.get(key);
      if (j < 0) {
        j = dOf.size;
        map.set(key, j);
        dOf.push(g);
        counts.push(1);
      } else counts.view()[j]!++;
      out.push(dOf.view()[j]!);
    });
    await writeTyped(join(dir, `d-${s}.i32`), out.view());
  }
  const d = dOf.view();
  const c = counts.view();
  const repeated = growInt32();
  for (let j = 0; j < d.length; j++) if (c[j]! >= 2) repeated.push(d[j]!);
  await writeTyped(join(dir, "repeated.i32"), repeated.view());

  const emitted = new Uint8Array(d.length);
  const buckets: Growable<Uint32Array>[] = Array.from({ length: parts }, () => growUint32());
  for (let s = 0; s < processDirs.length; s++) {
    const from = ids.shards[s]!.recordStart;
    const to = from + ids.shards[s]!.records;
    const pd = processDirs[s]!;
    const hKeys = await readFloat64(join(pd, `h-keys-${p}.f64`));
    const hCount = await readUint32(join(pd, `h-count-${p}.u32`));
    const hShingles = await readUint32(join(pd, `h-shingles-${p}.u32`));
    const hBands = await readUint32(join(pd, `h-bands-${p}.u32`));
    let sh = 0;
    let bands = 0;
    for (let e = 0; e < hKeys.length; e++) {
      const key = hKeys[e]!;
      const n = hCount[e]!;
      const shAt = sh;
      const bandsAt = bands;
      sh += n;
      if (n > 0) bands += LSH_BANDS;
      const j = map.get(key);
      if (j < 0 || emitted[j]) continue;
      const g = d[j]!;
      if (g < from || g >= to) continue;
      emitted[j] = 1;
      if (n === 0) continue;
      for (let b = 0; b < LSH_BANDS; b++) {
        const bucket = hBands[bandsAt + b]!;
        const out = buckets[bucketPart(b, bucket, parts)]!;
        out.push(b);
        out.push(bucket);
        out.push(g);
        out.push(n);
        for (let k = shAt; k < shAt + n; k++) out.push(hShingles[k]!);
      }
    }
  }
  for (let q = 0; q < parts; q++) await writeTyped(join(dir, `b-${q}.u32`), buckets[q]!.view());
}

export function sortedUnique(a: Int32Array): Int32Array {
  const s = Int32Array.from(a).sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[n - 1]) s[n++] = s[i]!;
  return s.slice(0, n);
}

/**
 * Stable LSD radix sort of `order` (indexes into `key`) by key[order[i]], 16 bits a pass; a pass whose digit is the
 * same for every entry is skipped. Uses `tmp` (same length) as scratch; returns the array holding the result.
 */
export function radixOrder(order: Int32Array, tmp: Int32Array, key: Uint32Array): Int32Array {
  const count = new Int32Array(1 << 16);
  for (let shift = 0; shift < 32; shift += 16) {
    count.fill(0);
    for (let i = 0; i < order.length; i++) count[(key[order[i]!]! >>> shift) & 0xffff]!++;
    if (order.length === 0 || count[(key[order[0]!]! >>> shift) & 0xffff] === order.length) continue;
    let sum = 0;
    for (let v = 0; v < count.length; v++) {
      const c = count[v]!;
      count[v] = sum;
      sum += c;
    }
    for (let i = 0; i < order.length; i++) {
      const e = order[i]!;
      tmp[count[(key[e]! >>> shift) & 0xffff]!++] = e;
    }
    [order, tmp] = [tmp, order];
  }
  return order;
}

export async function bucketsTask(keyDirs: string[], q: number, dir: string): Promise<void> {
  const parts: Uint32Array[] = [];
  let total = 0;
  for (const kd of keyDirs) {
    const b = await readUint32(join(kd, `b-${q}.u32`));
    parts.push(b);
    total += b.length;
  }
  const data = new Uint32Array(total);
  let at = 0;
  for (const b of parts) {
    data.set(b, at);
    at += b.length;
  }
  parts.length = 0;
  const starts = growInt32();
  for (let i = 0; i < total; i += 4 + data[i + 3]!) starts.push(i);
  const entry = starts.view();
  const n = entry.length;
  // (band, bucket, d) of each entry: data[e], data[e + 1], data[e + 2]; ordered by a stable radix sort on d, then
  // bucket, then band (a comparator sort of the entries cost most of this task).
  const band = new Uint32Array(n);
  const bucket = new Uint32Array(n);
  const ds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const e = entry[i]!;
    band[i] = data[e]!;
    bucket[i] = data[e + 1]!;
    ds[i] = data[e + 2]!;
  }
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let tmp: Int32Array = new Int32Array(n);
  for (const key of [new Uint32Array(ds.buffer), bucket, band]) {
    const sorted = radixOrder(order, tmp, key);
    if (sorted !== order) [order, tmp] = [sorted, order];
  }
  const nodes = sortedUnique(ds);
  // Each entry's union-find node, in sorted order (one binary search per entry, not per candidate pair).
  const node = tmp;
  for (let i = 0; i < n; i++) node[i] = findSorted(nodes, ds[order[i]!]!);
  const sets = new UnionFind(nodes.length);
  for (let i = 0; i < nodes.length; i++) sets.add();
  const edges = growInt32();
  let groupStart = 0;
  for (let i = 0; i < n; i++) {
    const o = order[i]!;
    if (i > 0) {
      const p = order[i - 1]!;
      if (band[p] !== band[o] || bucket[p] !== bucket[o]) groupStart = i;
    }
    if (i === groupStart) continue;
    const e = entry[o]!;
    const me = node[i]!;
    for (let k = i - 1; k >= groupStart && k >= i - MAX_CHAIN; k--) {
      const other = node[k]!;
      if (sets.find(me) === sets.find(other)) continue;
      const c = entry[order[k]!]!;
      if (sortedRunJaccard(data, e + 4, e + 4 + data[e + 3]!, c + 4, c + 4 + data[c + 3]!) >= NEAR_DUP_THRESHOLD) {
        sets.union(me, other);
        edges.push(data[c + 2]!);
        edges.push(data[e + 2]!);
      }
    }
  }
  await writeTyped(join(dir, "edges.i32"), edges.view());
}

export interface ClusterTable {
  nodes: Int32Array;
  roots: Int32Array;
}

export async function clusterTask(bucketDirs: string[], keyDirs: string[], dir: string): Promise<void> {
  const all = growInt32();
  const lists: Int32Array[] = [];
  for (const bd of bucketDirs) lists.push(await readInt32(join(bd, "edges.i32")));
  for (const l of lists) for (const v of l) all.push(v);
  const nodes = sortedUnique(all.view());
  const sets = new UnionFind(nodes.length);
  for (let i = 0; i < nodes.length; i++) sets.add();
  for (const l of lists) for (let i = 0; i < l.length; i += 2) sets.union(findSorted(nodes, l[i]!), findSorted(nodes, l[i + 1]!));
  const roots = new Int32Array(nodes.length);
  let clusters = 0;
  for (let i = 0; i < nodes.length; i++) {
    const r = sets.find(i);
    roots[i] = nodes[r]!;
    if (r === i) clusters++;
  }
  for (const kd of keyDirs) for (const d of await readInt32(join(kd, "repeated.i32"))) if (findSorted(nodes, d) < 0) clusters++;
  await writeTyped(join(dir, "nodes.i32"), nodes);
  await writeTyped(join(dir, "roots.i32"), roots);
  await writeJson(join(dir, "cluster.json"), { nearDuplicateClusters: clusters });
}

export async function loadClusters(dir: string): Promise<ClusterTable> {
  return { nodes: await readInt32(join(dir, "nodes.i32")), roots: await readInt32(join(dir, "roots.i32")) };
}

export function representative(t: ClusterTable, d: number): number {
  const i = findSorted(t.nodes, d);
  return i < 0 ? d : t.roots[i]!;
}

/** Calls visit(g, rep, local) for each kept record of shard s: its cluster representative from the keys tasks' d files. */
export async function shardRepresentatives(
  processDir: string, keyDirs: string[], ids: Ids, s: number, clusters: ClusterTable,
  visit: (g: number, rep: number, local: number, raw: number) => void,
): Promise<void> {
  const parts = keyDirs.length;
  const dFiles = await Promise.all(keyDirs.map((kd) => readInt32(join(kd, `d-${s}.i32`))));
  const cursor = new Int32Array(parts);
  await keptRecords(processDir, ids, s, (g, key, local, raw) => {
    const p = keyPart(key, parts);
    const d = dFiles[p]![cursor[p]!++]!;
    visit(g, representative(clusters, d), local, raw);
  });
}
