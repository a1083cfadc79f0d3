// The pre-pass of a sharded build (the one-process build's runPrepass in
// build.ts: boilerplate units, per-outlet templates, repeated units, the
// default-topic fit) cut into per-shard and per-partition tasks, so that no
// task holds a structure that grows with the whole corpus:
// - "scan" (one task per shard): per document, its distinct line units
//   (boilerplate.ts documentUnits) with the quote test of each, and its
//   distinct template keys (cleaning/templates.ts documentTemplateKeys) with
//   theirs, written partitioned by hash (P = shards); the shard's documents per
//   outlet and its topic-fit counts.
// - "unit-counts" (P tasks): partition p's documents per unit and per
//   template key, in input order (so the quote test of the unit's
//   minDocs-th document is the one-pass one); then, per shard, how many of
//   each document's units (keys) in p are in two or more documents (sparse).
// - "unit-totals" (one task per shard): per document, those counts summed
//   over the partitions.
// - "unit-decide" (P tasks): partition p's boilerplate units, repeated units and
//   templates by the one-pass rules (boilerplate.ts countBoilerplate,
//   OutletTemplateCounter.templates).
// - "boilerplate" (1 task): the partitions' sorted lists merged into the
//   cleaning spec, the topic fit decided: prepass.json, equal to runPrepass's.
// Memory: scan holds one shard's documents' hashes (8 B + 5 B per unit or
// key); a partition task holds its partition's distinct units and keys (a
// KeyIntMap, ~32–56 B each, plus 5 B) and one shard's per-document counts.
import { join } from "node:path";
import type { ReadOptions } from "../../extract/index.ts";
import { resolveCleaning, type CleaningSpec } from "../../extract/cleaning.ts";
import { COPY_MIN_LINES, OUTLET_MIN_DOCS, OUTLET_MIN_SHARE, documentTemplateKeys } from "../../extract/cleaning/templates.ts";
import type { ChromeCategory } from "../../extract/chrome-lexicon.ts";
import { COPY_SHARED, QUOTE_OR_REPORT, documentUnits } from "../boilerplate.ts";
import { describeTopics, type Prepass, type PrepassOptions } from "../build.ts";
import { anchorMatcher, TopicFit } from "../topic-fit.ts";
import { KeyIntMap } from "../u32-map.ts";
import { shardItems, type ShardRange } from "./plan.ts";
import { growFloat64, growInt32, growUint8, readFloat64, readInt32, readJson, readUint8, writeJson, writeTyped, type Growable } from "./task-dir.ts";

/** What the pre-pass needs from the flags, resolved as runPrepass / cleaningSpec resolve them. */
interface PrepassRules {
  minDocs: number;
  learned: boolean;
  outletMinDocs: number;
  /** Is the default-topic fit measured (no --targets, --default-topics auto)? */
  fit: boolean;
}

function rulesOf(opts: PrepassOptions, minDocs: number): PrepassRules {
  const learned = opts.cleaning?.learned ?? true;
  return {
    minDocs,
    learned,
    outletMinDocs: opts.cleaning?.outletMinDocs ?? OUTLET_MIN_DOCS,
    fit: opts.targets === undefined && (opts.defaultTopics ?? "auto") === "auto",
  };
}

const part = (h: number, parts: number) => h % parts;

interface ScanSummary {
  /** Documents (not skipped inputs) of the shard. */
  docs: number;
  /** Documents per outlet, outlets in first-seen order. */
  outlets: [string, number][];
  fitDocuments: number;
  fitNaming: number;
}

/** One partition's entries of a shard: a hash, the document (index in the shard), a flag (and an outlet index for template keys). */
class PartWriter {
  readonly hash = growFloat64();
  readonly doc = growInt32();
  readonly flag = growUint8();
  readonly outlet = growInt32();
}

async function writePart(dir: string, name: string, w: PartWriter, withOutlet: boolean): Promise<void> {
  await writeTyped(join(dir, `${name}.f64`), w.hash.view());
  await writeTyped(join(dir, `${name}.i32`), w.doc.view());
  await writeTyped(join(dir, `${name}.u8`), w.flag.view());
  if (withOutlet) await writeTyped(join(dir, `${name}-o.i32`), w.outlet.view());
}

export async function scanTask(opts: PrepassOptions & { inputs: string[]; read: ReadOptions }, minDocs: number, range: ShardRange, parts: number, dir: string): Promise<void> {
  const rules = rulesOf(opts, minDocs);
  const units = Array.from({ length: parts }, () => new PartWriter());
  const keys = Array.from({ length: parts }, () => new PartWriter());
  const keyCount = growInt32(); // per document: its template keys, -1 without an outlet
  const outletIndex = new Map<string, number>();
  const outlets: [string, number][] = [];
  const fit = rules.fit ? new TopicFit(await anchorMatcher(opts.lexicons)) : null;
  const templates = rules.learned && rules.outletMinDocs > 0;
  let docs = 0;
  for await (const doc of shardItems(opts.inputs, opts.read, range)) {
    if ("reason" in doc) continue;
    const d = docs++;
    fit?.add(doc.text);
    const outlet = doc.source?.outlet;
    if (templates && outlet) {
      let o = outletIndex.get(outlet);
      if (o === undefined) outletIndex.set(outlet, (o = outlets.push([outlet, 0]) - 1));
      outlets[o]![1]++;
      const ks = documentTemplateKeys(outlet, doc.text);
      keyCount.push(ks.size);
      for (const [k, quote] of ks) {
        const w = keys[part(k, parts)]!;
        w.hash.push(k);
        w.doc.push(d);
        w.flag.push(quote ? 1 : 0);
        w.outlet.push(o);
      }
    } else keyCount.push(-1);
    for (const [h, [a, b]] of documentUnits(doc.text)) {
      const w = units[part(h, parts)]!;
      w.hash.push(h);
      w.doc.push(d);
      // The quote test is the one-pass one only at the unit's minDocs-th document; kept for every occurrence.
      w.flag.push(minDocs > 0 && QUOTE_OR_REPORT.test(doc.text.slice(a, b)) ? 1 : 0);
    }
  }
  for (let p = 0; p < parts; p++) {
    await writePart(dir, `u-${p}`, units[p]!, false);
    await writePart(dir, `t-${p}`, keys[p]!, true);
  }
  await writeTyped(join(dir, "key-count.i32"), keyCount.view());
  await writeJson(join(dir, "scan.json"), { docs, outlets, fitDocuments: fit?.documents ?? 0, fitNaming: fit?.naming ?? 0 } satisfies ScanSummary);
}

interface Part {
  hash: Float64Array;
  doc: Int32Array;
  flag: Uint8Array;
  outlet: Int32Array | null;
}

async function readPart(dir: string, name: string, withOutlet: boolean): Promise<Part> {
  return {
    hash: await readFloat64(join(dir, `${name}.f64`)),
    doc: await readInt32(join(dir, `${name}.i32`)),
    flag: await readUint8(join(dir, `${name}.u8`)),
    outlet: withOutlet ? await readInt32(join(dir, `${name}-o.i32`)) : null,
  };
}

/** A table of hashes with a count and a flag each (and an outlet for template keys), in first-seen order. */
class CountTable {
  readonly index = new KeyIntMap();
  readonly hash: Growable<Float64Array> = growFloat64();
  readonly count = growInt32();
  readonly flag = growUint8();
  readonly outlet = growInt32();

  add(h: number, flag: number, outlet: number): number {
    let j = this.index.get(h);
    if (j < 0) {
      j = this.hash.size;
      this.index.set(h, j);
      this.hash.push(h);
      this.count.push(0);
      this.flag.push(flag);
      this.outlet.push(outlet);
    }
    return j;
  }
}

/** Global outlet indexes: the outlets in order of first sight over the shards (shard order = input order). */
async function globalOutlets(scanDirs: string[]): Promise<{ names: string[]; docs: number[]; perShard: Int32Array[] }> {
  const index = new Map<string, number>();
  const names: string[] = [];
  const docs: number[] = [];
  const perShard: Int32Array[] = [];
  for (const d of scanDirs) {
    const s = await readJson<ScanSummary>(join(d, "scan.json"));
    perShard.push(
      Int32Array.from(s.outlets, ([name, n]) => {
        let o = index.get(name);
        if (o === undefined) {
          index.set(name, (o = names.push(name) - 1));
          docs.push(0);
        }
        docs[o]! += n;
        return o;
      }),
    );
  }
  return { names, docs, perShard };
}

export async function unitCountsTask(scanDirs: string[], minDocs: number, p: number, dir: string): Promise<void> {
  const units = new CountTable();
  const keys = new CountTable();
  const { perShard } = await globalOutlets(scanDirs);
  for (let s = 0; s < scanDirs.length; s++) {
    const u = await readPart(scanDirs[s]!, `u-${p}`, false);
    for (let i = 0; i < u.hash.length; i++) {
      const j = units.add(u.hash[i]!, 0, 0);
      const n = ++units.count.view()[j]!;
      // The one-pass quote test: at the document where the unit reaches minDocs.
      if (n === minDocs) units.flag.view()[j] = u.flag[i]!;
    }
    const t = await readPart(scanDirs[s]!, `t-${p}`, true);
    // A template key's quote flag and outlet are its first document's (OutletTemplateCounter.add).
    for (let i = 0; i < t.hash.length; i++) {
      const j = keys.add(t.hash[i]!, t.flag[i]!, perShard[s]![t.outlet![i]!]!); // before view(): add may grow the arrays
      keys.count.view()[j]!++;
    }
  }
  // Per shard: how many of each document's units (keys) of this partition are in two or more documents,
  // written sparse (document, count pairs; a part's entries are in document order), so that the files of all
  // partitions together grow with the repeated units, not with partitions × documents.
  for (let s = 0; s < scanDirs.length; s++) {
    for (const [name, table] of [["u", units], ["t", keys]] as const) {
      const shared = growInt32();
      const x = await readPart(scanDirs[s]!, `${name}-${p}`, false);
      const counts = table.count.view();
      for (let i = 0; i < x.hash.length; i++) {
        if (counts[table.index.get(x.hash[i]!)]! < 2) continue;
        const d = x.doc[i]!;
        const n = shared.size;
        if (n > 0 && shared.view()[n - 2] === d) shared.view()[n - 1]!++;
        else {
          shared.push(d);
          shared.push(1);
        }
      }
      await writeTyped(join(dir, `${name}-shared-${s}.i32`), shared.view());
    }
  }
  for (const [name, table] of [["u", units], ["t", keys]] as const) {
    await writeTyped(join(dir, `${name}-hash.f64`), table.hash.view());
    await writeTyped(join(dir, `${name}-count.i32`), table.count.view());
    await writeTyped(join(dir, `${name}-flag.u8`), table.flag.view());
    if (name === "t") await writeTyped(join(dir, "t-outlet.i32"), table.outlet.view());
  }
}

/**
 * "unit-totals" (one task per shard): per document of shard s, its units (keys) in two or more documents, summed
 * over the partitions' sparse unit-counts files. A task of its own, so that each of the N unit-decide tasks reads
 * N dense totals instead of summing N × N files (quadratic in the shards: 80 shards of a 10× AllSides corpus
 * spent 394 CPU-s in unit-decide against 2.2 at 8 shards).
 */
export async function unitTotalsTask(scanDirs: string[], countDirs: string[], s: number, dir: string): Promise<void> {
  const { docs } = await readJson<ScanSummary>(join(scanDirs[s]!, "scan.json"));
  for (const name of ["u", "t"] as const) {
    const total = new Int32Array(docs);
    for (const d of countDirs) {
      const pairs = await readInt32(join(d, `${name}-shared-${s}.i32`));
      for (let i = 0; i < pairs.length; i += 2) total[pairs[i]!]! += pairs[i + 1]!;
    }
    await writeTyped(join(dir, `${name}-total.i32`), total);
  }
}

const sorted = (xs: Growable<Float64Array>) => xs.view().slice().sort();

export async function unitDecideTask(
  opts: PrepassOptions, scanDirs: string[], countDirs: string[], totalDirs: string[], minDocs: number, p: number, dir: string,
): Promise<void> {
  const rules = rulesOf(opts, minDocs);
  const load = async (name: "u" | "t") => {
    const d = countDirs[p]!;
    const hash = await readFloat64(join(d, `${name}-hash.f64`));
    const index = new KeyIntMap();
    for (let j = 0; j < hash.length; j++) index.set(hash[j]!, j);
    return { hash, index, count: await readInt32(join(d, `${name}-count.i32`)), flag: await readUint8(join(d, `${name}-flag.u8`)) };
  };
  const u = await load("u");
  const copies = new Int32Array(u.hash.length);
  const copyLike = new Uint8Array(u.hash.length);
  const seen = new Uint8Array(u.hash.length);
  const t = await load("t");
  const tOutlet = await readInt32(join(countDirs[p]!, "t-outlet.i32"));
  const copied = new Int32Array(t.hash.length);
  for (let s = 0; s < scanDirs.length; s++) {
    const shared = await readInt32(join(totalDirs[s]!, "u-total.i32"));
    const x = await readPart(scanDirs[s]!, `u-${p}`, false);
    for (let i = 0; i < x.hash.length; i++) {
      const j = u.index.get(x.hash[i]!);
      const c = u.count[j]!;
      const others = shared[x.doc[i]!]! - 1;
      // countBoilerplate: repeated furniture (units of documents sharing fewer than COPY_SHARED other repeated lines) …
      if (c >= 2 && others < COPY_SHARED) seen[j] = 1;
      // … and the boilerplate rule's copy test.
      if (minDocs > 0 && c >= minDocs && !u.flag[j]) {
        copyLike[j] = 1;
        if (others >= COPY_SHARED) copies[j]!++;
      }
    }
    const tShared = await readInt32(join(totalDirs[s]!, "t-total.i32"));
    const keyCount = await readInt32(join(scanDirs[s]!, "key-count.i32"));
    const y = await readPart(scanDirs[s]!, `t-${p}`, false);
    for (let i = 0; i < y.hash.length; i++) {
      const d = y.doc[i]!;
      const sh = tShared[d]!;
      if (sh >= COPY_MIN_LINES && sh * 2 >= keyCount[d]!) copied[t.index.get(y.hash[i]!)]!++;
    }
  }
  const boilerplate = growFloat64();
  const repeated = growFloat64();
  const templates = growFloat64();
  for (let j = 0; j < u.hash.length; j++) {
    if (copyLike[j] && copies[j]! * 2 < u.count[j]!) boilerplate.push(u.hash[j]!);
    if (seen[j]) repeated.push(u.hash[j]!);
  }
  if (rules.learned && rules.outletMinDocs > 0) {
    const { docs } = await globalOutlets(scanDirs);
    for (let j = 0; j < t.hash.length; j++) {
      const need = Math.max(rules.outletMinDocs, Math.ceil(OUTLET_MIN_SHARE * docs[tOutlet[j]!]!));
      if (!t.flag[j] && t.count[j]! >= need && copied[j]! * 2 < t.count[j]!) templates.push(t.hash[j]!);
    }
  }
  await writeTyped(join(dir, "boilerplate.f64"), sorted(boilerplate));
  await writeTyped(join(dir, "repeated.f64"), sorted(repeated));
  await writeTyped(join(dir, "templates.f64"), sorted(templates));
}

/** The partitions' lists merged: prepass.json, equal to runPrepass's for the same flags. */
export async function boilerplateTask(
  opts: PrepassOptions & { keepChrome: string[] }, scanDirs: string[], decideDirs: string[], minDocs: number, dir: string,
): Promise<void> {
  const rules = rulesOf(opts, minDocs);
  const merged = async (name: string) => {
    const all: number[] = [];
    for (const d of decideDirs) for (const h of await readFloat64(join(d, `${name}.f64`))) all.push(h);
    return all.sort((a, b) => a - b);
  };
  // cleaningSpec's fields, in its order.
  const spec: CleaningSpec = { boilerplate: minDocs > 0 ? await merged("boilerplate") : [], keep: [...(opts.keepChrome as ChromeCategory[])].sort() };
  if (!rules.learned) spec.learned = false;
  if (rules.learned && rules.outletMinDocs > 0) spec.templates = await merged("templates");
  if (rules.learned) spec.repeated = await merged("repeated");
  if (opts.lexicons !== undefined) spec.lexicons = opts.lexicons;
  resolveCleaning(spec);
  const topicMode = opts.defaultTopics ?? "auto";
  let fit: TopicFit | null = null;
  if (rules.fit) {
    fit = new TopicFit(await anchorMatcher(opts.lexicons));
    for (const d of scanDirs) {
      const s = await readJson<ScanSummary>(join(d, "scan.json"));
      fit.documents += s.fitDocuments;
      fit.naming += s.fitNaming;
    }
  }
  const defaultTopics = opts.targets === undefined && (fit ? fit.decide("auto") : topicMode === "on");
  const prepass: Prepass = { cleaning: spec, defaultTopics, topicList: describeTopics(opts, topicMode, fit, defaultTopics) };
  await writeJson(join(dir, "prepass.json"), prepass);
}
