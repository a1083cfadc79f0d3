// Runs the AVA suite with TAP output, passes it through, and ends with the
// plain "N passed, N failed" line CI reads (AVA's own summary is not read).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

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
