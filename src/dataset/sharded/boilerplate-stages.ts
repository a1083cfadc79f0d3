// Stages "scan" (one task per shard) and "boilerplate" (1 task): the
// boilerplate pre-pass of src/dataset/boilerplate.ts cut in two. A scan task
// writes each document's distinct line-unit hashes and whether the unit looks
// like a quote or report (the test findBoilerplate makes on the unit where its
// count reaches the threshold); the boilerplate task counts them in shard
// order and applies the same rule, reading the scan files twice instead of
// holding every document's hashes. Same set as the one-pass build.
import { join } from "node:path";
import type { ReadOptions } from "../../extract/index.ts";
import { COPY_SHARED, QUOTE_OR_REPORT, documentUnits } from "../boilerplate.ts";
import { KeyIntMap } from "../u32-map.ts";
import { shardItems, type ShardRange } from "./plan.ts";
import { growFloat64, growInt32, growUint8, readFloat64, readInt32, readUint8, writeJson, writeTyped } from "./task-dir.ts";

export async function scanShard(inputs: string[], read: ReadOptions, range: ShardRange, minDocs: number, dir: string): Promise<void> {
  const sizes = growInt32();
  const hashes = growFloat64();
  const quoted = growUint8();
  if (minDocs > 0)
    for await (const doc of shardItems(inputs, read, range)) {
      if ("reason" in doc) continue;
      const units = documentUnits(doc.text);
      sizes.push(units.size);
      for (const [h, [a, b]] of units) {
        hashes.push(h);
        quoted.push(QUOTE_OR_REPORT.test(doc.text.slice(a, b)) ? 1 : 0);
      }
    }
  await writeTyped(join(dir, "sizes.i32"), sizes.view());
  await writeTyped(join(dir, "hashes.f64"), hashes.view());
  await writeTyped(join(dir, "quoted.u8"), quoted.view());
}

export async function findBoilerplateFromScans(scanDirs: string[], minDocs: number, dir: string): Promise<void> {
  const out: number[] = [];
  if (minDocs > 0) {
    const counts = new KeyIntMap();
    const claimLike = new KeyIntMap();
    for (const d of scanDirs) {
      const hashes = await readFloat64(join(d, "hashes.f64"));
      const quoted = await readUint8(join(d, "quoted.u8"));
      for (let i = 0; i < hashes.length; i++) {
        const h = hashes[i]!;
        const n = Math.max(0, counts.get(h)) + 1;
        counts.set(h, n);
        if (n === minDocs && quoted[i]) claimLike.set(h, 1);
      }
    }
    // Per boilerplate candidate: documents where it sits in a copied story (value) — candidates only.
    const copyLike = new KeyIntMap();
    const order: number[] = [];
    for (const d of scanDirs) {
      const sizes = await readInt32(join(d, "sizes.i32"));
      const hashes = await readFloat64(join(d, "hashes.f64"));
      let at = 0;
      for (const size of sizes) {
        let shared = 0;
        for (let i = at; i < at + size; i++) if (counts.get(hashes[i]!) >= 2) shared++;
        for (let i = at; i < at + size; i++) {
          const h = hashes[i]!;
          if (counts.get(h) < minDocs || claimLike.get(h) >= 0) continue;
          let c = copyLike.get(h);
          if (c < 0) {
            c = 0;
            order.push(h);
          }
          copyLike.set(h, c + (shared - 1 >= COPY_SHARED ? 1 : 0));
        }
        at += size;
      }
    }
    for (const h of order) if (copyLike.get(h) * 2 < counts.get(h)) out.push(h);
    out.sort((a, b) => a - b);
  }
  await writeJson(join(dir, "boilerplate.json"), out);
}
