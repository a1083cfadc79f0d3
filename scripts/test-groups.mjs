// How `npm test` (scripts/test.mjs) groups the test files into AVA workers.
//
// One AVA worker per test file cost ~1.3 s of CPU each before its first test
// (node, tsx's loader, AVA's worker), and every worker that labels anything
// loaded and compiled the lexicons again. So the suite runs one worker per
// group: a generated file under test/.suite/ that imports the group's test
// files, in which AVA sees every test of the group as one file's tests (they
// run concurrently, serial ones first, as in a file of their own; hooks such
// as test.after.always apply to the whole group, and no test file's hook is
// per-test).
//
// A group is a folder of test/ (its tests' TAP titles start with the folder's
// name), split into parts of at most MAX_GROUP_SECONDS of CPU by the
// measured costs below (a test file not listed counts DEFAULT_SECONDS), and
// the groups run longest first, so that the two cores stay busy to the end.
// Test files are found as package.json's ava.files finds them, so a new test
// file joins its folder's group with no change here.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const SUITE_DIR = join("test", ".suite");

/**
 * CPU seconds a test file adds to its group: its CPU run alone less ~2 s of worker start-up and module loading,
 * which the group pays once (bench/results.md, "Issue 18: test time, round 3"). Rough, for balance only.
 */
export const COSTS = {
  "test/dataset/sharded.test.ts": 72,
  "test/dataset/corpus-build.test.ts": 19,
  "test/cli/train-chrome.test.ts": 16,
  "test/hostile/identical.test.ts": 15,
  "test/cli/claimstance.test.ts": 13,
  "test/eval/benchmarks.test.ts": 13,
  "test/dataset/topics.test.ts": 11,
  "test/hostile/bad-input.test.ts": 10,
  "test/eval/predictions.test.ts": 10,
  "test/hostile/sigkill.test.ts": 9,
  "test/eval/cli.test.ts": 8,
  "test/eval/conll2010.test.ts": 8,
  "test/dataset/chrome-audit.test.ts": 6,
  "test/eval/tasks.test.ts": 6,
  "test/annotate/cli.test.ts": 5,
  "test/hostile/encoding.test.ts": 5,
  "test/hostile/works.test.ts": 5,
  "test/dataset/build.test.ts": 4,
  "test/eval/polnear.test.ts": 4,
  "test/extract/cleaning.test.ts": 4,
  "test/label/attribution-features.test.ts": 4,
  "test/label/model-gates.test.ts": 4,
};
export const DEFAULT_SECONDS = 1;
export const MAX_GROUP_SECONDS = 40;
/** A statement at a module's top level (no indentation) that awaits: such a test file runs in a group of its own. */
export const TOP_LEVEL_AWAIT = /^(?:(?:export\s+)?(?:const|let|var)\s[^=\n]*=(?:(?!=>|\bfunction\b)[^\n])*?|for\s+)?\bawait\b/m;

/** Every test file, relative to `root`, sorted (test/**\/*.test.ts; folders starting with "." are not searched). */
export function testFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith(".test.ts")) out.push(path);
    }
  };
  walk("test");
  return out.sort();
}

/**
 * The groups: { name, files, seconds }, longest first. Each folder's files
 * are dealt to ceil(total / MAX_GROUP_SECONDS) parts, largest file first, to
 * the part with the least so far.
 */
export function planGroups(files, costs = COSTS, awaitsAtTop = () => false) {
  const byFolder = new Map();
  for (const f of files) {
    const folder = f.split("/").slice(1, -1).join("-") || "top";
    if (awaitsAtTop(f)) {
      // AVA starts a file's tests on the tick after its first test is declared;
      // a module awaiting at its top level lets that tick pass while the group's
      // other modules declare theirs, so AVA would refuse its later tests.
      byFolder.set(f.slice("test/".length, -".test.ts".length).split("/").join("-"), [f]);
      continue;
    }
    if (!byFolder.has(folder)) byFolder.set(folder, []);
    byFolder.get(folder).push(f);
  }
  const groups = [];
  for (const [folder, list] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cost = (f) => costs[f] ?? DEFAULT_SECONDS;
    const total = list.reduce((s, f) => s + cost(f), 0);
    const n = Math.max(1, Math.ceil(total / MAX_GROUP_SECONDS));
    const parts = Array.from({ length: n }, (_, i) => ({
      name: n === 1 ? folder : `${folder}-${i + 1}`,
      files: [],
      seconds: 0,
    }));
    for (const f of [...list].sort((a, b) => cost(b) - cost(a) || (a < b ? -1 : 1))) {
      const part = parts.reduce((min, p) => (p.seconds < min.seconds ? p : min));
      part.files.push(f);
      part.seconds += cost(f);
    }
    for (const p of parts) p.files.sort();
    groups.push(...parts.filter((p) => p.files.length > 0));
  }
  return groups.sort((a, b) => b.seconds - a.seconds || (a.name < b.name ? -1 : 1));
}

/**
 * Writes test/.suite/ (a group file per group and the AVA config that runs
 * them, longest first) and returns the config's path. The folder is
 * generated on every run and ignored by git (its own .gitignore).
 */
export function writeSuite(root) {
  const dir = join(root, SUITE_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ".gitignore"), "*\n");
  const groups = planGroups(testFiles(root), COSTS, (f) => TOP_LEVEL_AWAIT.test(readFileSync(join(root, f), "utf8")));
  const order = {};
  groups.forEach((g, i) => {
    const file = join(dir, `${g.name}.test.ts`);
    order[file] = i;
    const imports = g.files.map((f) => `import ${JSON.stringify(relative(dir, join(root, f)).split("\\").join("/"))};`);
    writeFileSync(file, `// Generated by scripts/test-groups.mjs for npm test: the test files of group "${g.name}" in one AVA worker.\n${imports.join("\n")}\n`);
  });
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).ava;
  const config = { ...pkg, files: [`${SUITE_DIR}/*.test.ts`] };
  writeFileSync(
    join(dir, "ava.config.mjs"),
    `// Generated by scripts/test-groups.mjs: package.json's ava section, with the group files as the test files.\n` +
      `const order = ${JSON.stringify(order)};\n` +
      `export default { ...${JSON.stringify(config)}, sortTestFiles: (a, b) => (order[a] ?? 1e9) - (order[b] ?? 1e9) || (a < b ? -1 : 1) };\n`,
  );
  return join(dir, "ava.config.mjs");
}
