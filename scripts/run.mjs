// What every `npm run COMMAND` script runs: `node scripts/run.mjs COMMAND
// [options]` = `claimstance COMMAND [options]` on the compiled JS in dist/,
// rebuilt first when anything it is compiled from is newer than the last
// build (freshness.mjs), so an edited rule never runs as stale JS. The check
// stats ~100 files (~3 ms); a no-op `tsc -b` would cost ~0.3 s per command
// (bench/results.md).
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildIfStale } from "./freshness.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

if (!buildIfStale(ROOT)) {
  process.stderr.write("claimstance: the build failed (see above); nothing was run\n");
  process.exit(1);
}

await import(pathToFileURL(join(ROOT, "dist", "cli", "claimstance.js")).href);
