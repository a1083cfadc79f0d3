// What every `npm run COMMAND` script runs: `node scripts/run.mjs COMMAND
// [options]` = `claimstance COMMAND [options]` on the compiled JS in dist/,
// rebuilt first when anything it is compiled from is newer than the last
// build, so an edited rule never runs as stale JS. The check stats ~100 files
// (a few ms); a rebuild is an incremental `tsc -b` (bench/results.md).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const STAMP = join(ROOT, "dist", ".tsbuildinfo");
const SOURCES = ["src", "types", "tsconfig.json", "tsconfig.build.json", "package.json"];

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted or renamed file changes its folder's mtime
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

function stampMtime() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

if (Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s)))) > stampMtime()) {
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
  utimesSync(STAMP, now, now);
}

await import(pathToFileURL(join(ROOT, "dist", "cli", "claimstance.js")).href);
