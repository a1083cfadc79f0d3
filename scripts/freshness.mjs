// Is dist/ older than what it is compiled from? Used by scripts/run.mjs (and
// tested in test/cli/freshness.test.ts). A deleted or renamed source changes
// its folder's mtime, so folders count too.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

/** What dist/ is compiled from, relative to the package root. */
export const SOURCES = ["src", "types", "tsconfig.json", "tsconfig.build.json", "package.json"];
/** Written by every `tsc -b tsconfig.build.json` that emits; touched by run.mjs after one that did not. */
export const STAMP = join("dist", ".tsbuildinfo");

/** The newest mtime (ms) of a file, or of a folder and everything below it; 0 when missing. */
export function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** True when there is no build yet or any source is newer than the stamp. */
export function needsBuild(root) {
  let stamp;
  try {
    stamp = statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(join(root, s)) > stamp);
}

/**
 * Compiles src/ into dist/ (tsc -b tsconfig.build.json) when needsBuild(root);
 * returns false when the compiler failed. Used by run.mjs before a command and
 * by test.mjs before the suite (whose child processes run dist/).
 */
export function buildIfStale(root, who = "claimstance") {
  if (!needsBuild(root)) return true;
  process.stderr.write(`${who}: src/ changed since the last build, compiling (tsc -b tsconfig.build.json)\n`);
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-b", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (r.status !== 0) return false;
  // tsc -b leaves the build info alone when no output changed (a touched
  // file): mark the build as current so the next run does not compile again.
  const now = new Date();
  utimesSync(join(root, STAMP), now, now);
  return true;
}
