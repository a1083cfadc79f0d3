// How the tests run a command-line entry point in a child process. A
// `src/cli/NAME.ts` runs as the compiled `dist/cli/NAME.js` when dist/ is
// current (`npm test` compiles it first, as `npm run COMMAND` does), and
// through tsx otherwise (a lone `npx ava FILE` after an edit, or
// CLAIMSTANCE_TEST_TSX=1): the same
// program either way, but plain node starts in about half the CPU time of
// node + tsx, and the suite starts some hundred of these processes
// (bench/results.md, "npm test time").
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { needsBuild } from "../../scripts/freshness.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

let distCurrent: boolean | null = null;

/** True when dist/ is at least as new as everything it is compiled from (checked once per test process). */
export function distIsCurrent(): boolean {
  distCurrent ??= process.env.CLAIMSTANCE_TEST_TSX !== "1" && !needsBuild(ROOT);
  return distCurrent;
}

/** The node arguments that run `script` (a path relative to the repository, e.g. "src/cli/eval.ts"). */
export function entryArgv(script: string): string[] {
  const m = /^src\/(.+)\.ts$/.exec(script);
  if (m && distIsCurrent()) {
    const compiled = join("dist", `${m[1]}.js`);
    if (existsSync(join(ROOT, compiled))) return [compiled];
  }
  return ["--import=tsx", script];
}
