// What every `npm run COMMAND` script runs: `node scripts/run.mjs COMMAND
// [options]` = `claimstance COMMAND [options]` on the compiled JS in dist/,
// rebuilt first when anything it is compiled from is newer than the last
// build (freshness.mjs), so an edited rule never runs as stale JS. The check
// stats ~100 files (~3 ms); a no-op `tsc -b` would cost ~0.3 s per command
// (bench/results.md).
import { spawnSync } from "node:child_process";
import { utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { STAMP, needsBuild } from "./freshness.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

if (needsBuild(ROOT)) {
  process.stderr.write("claimstance: src/ changed since the last build, compiling (tsc -b tsconfig.build.json)\n");
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-b", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write("claimstance: the build failed (see above); nothing was run\n");
    process.exit(r.status ?? 1);
  }
  // tsc -b leaves the build info alone when no output changed (a touched
  // file): mark the build as current so the next run does not compile again.
  const now = new Date();
  utimesSync(join(ROOT, STAMP), now, now);
}

await import(pathToFileURL(join(ROOT, "dist", "cli", "claimstance.js")).href);
