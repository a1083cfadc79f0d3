// Stage "scan" (one task per shard): each document's distinct line-unit hashes
// and whether the unit looks like a quote or report — the per-shard half of
// the boilerplate rule. Since learned cleaning (per-outlet templates, repeated
// units) and the default-topic fit joined the pre-pass, the boilerplate task
// runs the whole one-process pre-pass instead (stages.ts, docs/scale.md) and
// the chain calls this with minDocs 0 (empty files); the stage stays in the
// chain so that schedulers' job lists do not change when the pre-pass is cut
// into per-shard files again.
import { join } from "node:path";
import type { ReadOptions } from "../../extract/index.ts";
import { QUOTE_OR_REPORT, documentUnits } from "../boilerplate.ts";
import { shardItems, type ShardRange } from "./plan.ts";
import { growFloat64, growInt32, growUint8, writeTyped } from "./task-dir.ts";

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
