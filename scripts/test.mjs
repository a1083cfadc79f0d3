// Runs the AVA suite with TAP output, passes it through, and ends with the
// plain "N passed, N failed" line CI reads (AVA's own summary is not read).
// dist/ is compiled first when stale, as before any `npm run COMMAND`: the
// tests' child processes run the compiled CLI when it is current
// (test/helpers/cli.ts), and through tsx when the compiler failed.
//
// With no arguments, the test files run in a few AVA workers instead of one
// each: every worker costs ~1.3 s of CPU before its first test (node, tsx's
// loader, AVA) and the label tests each compile the lexicons again, which
// was a third of the suite's CPU (bench/results.md, "Issue 18: test time,
// round 3"). scripts/test-groups.mjs writes one file per group under
// test/.suite/ that imports the group's test files, and AVA runs those.
// With arguments (`npm test -- test/label/hedges.test.ts`, `--match`), AVA
// runs as configured in package.json, one worker per file, as `npx ava` does.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./freshness.mjs";
import { writeSuite } from "./test-groups.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
if (!buildIfStale(root, "npm test")) {
  process.stderr.write("npm test: the build failed (see above); the CLI tests run the sources through tsx\n");
}

const userArgs = process.argv.slice(2);
const suiteArgs = userArgs.length === 0 ? ["--config", writeSuite(root)] : [];
const args = ["node_modules/ava/entrypoints/cli.mjs", "--tap", ...suiteArgs, ...userArgs];
const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
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
