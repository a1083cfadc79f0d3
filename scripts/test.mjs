// Runs the AVA suite with TAP output, passes it through, and ends with the
// plain "N passed, N failed" line CI reads (AVA's own summary is not read).
// dist/ is compiled first when stale, as before any `npm run COMMAND`: the
// tests' child processes run the compiled CLI when it is current
// (test/helpers/cli.ts), and through tsx when the compiler failed.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./freshness.mjs";

if (!buildIfStale(fileURLToPath(new URL("../", import.meta.url)), "npm test")) {
  process.stderr.write("npm test: the build failed (see above); the CLI tests run the sources through tsx\n");
}

const args = ["node_modules/ava/entrypoints/cli.mjs", "--tap", ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = createInterface({ input: child.stdout });
lines.on("line", (line) => {
  process.stdout.write(line + "\n");
  if (/^ok \d+/.test(line)) {
    if (/# SKIP/i.test(line)) skipped++;
    else passed++;
  } else if (/^not ok \d+/.test(line)) {
    if (/# TODO/i.test(line)) skipped++;
    else failed++;
  }
});
child.on("close", (code) => {
  const ran = passed + failed;
  if (code !== 0 && failed === 0) failed = 1; // a crash or a file that failed to load counts as a failure
  if (ran === 0 && failed === 0) failed = 1; // running no test is not a pass
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  process.exit(failed > 0 ? 1 : 0);
});
