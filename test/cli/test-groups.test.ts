// npm test's grouping of the test files into AVA workers (scripts/test-groups.mjs): every test file runs, in one
// group only; a file that awaits at its top level runs alone; the generated suite imports each file of its group.
import test from "ava";
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { planGroups, testFiles, TOP_LEVEL_AWAIT, writeSuite, type Group } from "../../scripts/test-groups.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

test("every test file of the repository is in exactly one group, and the groups run longest first", (t) => {
  const files = testFiles(ROOT);
  t.true(files.includes("test/cli/test-groups.test.ts"));
  t.true(files.every((f) => f.startsWith("test/") && f.endsWith(".test.ts") && !f.includes("/.")));
  const groups = planGroups(files);
  t.deepEqual(groups.flatMap((g) => g.files).sort(), files);
  t.is(new Set(groups.map((g) => g.name)).size, groups.length);
  for (let i = 1; i < groups.length; i++) t.true(groups[i - 1]!.seconds >= groups[i]!.seconds);
});

test("a folder is split by cost, largest file first to the least-loaded part; a file awaiting at top level is alone", (t) => {
  const files = ["test/a/big.test.ts", "test/a/mid.test.ts", "test/a/small.test.ts", "test/a/tla.test.ts", "test/b/one.test.ts"];
  const costs = { "test/a/big.test.ts": 45, "test/a/mid.test.ts": 20, "test/a/small.test.ts": 10 };
  const groups = planGroups(files, costs, (f) => f.includes("tla"));
  t.deepEqual(groups.map((g) => [g.name, g.files, g.seconds]), [
    ["a-1", ["test/a/big.test.ts"], 45],
    ["a-2", ["test/a/mid.test.ts", "test/a/small.test.ts"], 30],
    ["a-tla", ["test/a/tla.test.ts"], 1],
    ["b", ["test/b/one.test.ts"], 1],
  ]);
});

test("top-level await is told from an await inside a function", (t) => {
  for (const s of ["const records = await readRecords(x);", "await setup();", "for await (const d of docs) n++;", "export let v = g(await h);"]) t.true(TOP_LEVEL_AWAIT.test(s), s);
  for (const s of ["const f = async () => (await g());", "  await x;", "const f = async function () { return await g(); };", "// await"]) t.false(TOP_LEVEL_AWAIT.test(s), s);
});

test("the generated suite imports every file of each group and runs them with package.json's AVA settings", (t) => {
  const root = mkdtempSync(join(tmpdir(), "claimstance-test-groups-"));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "test", "x"), { recursive: true });
  mkdirSync(join(root, "test", ".suite"), { recursive: true });
  writeFileSync(join(root, "test", ".suite", "stale.test.ts"), "// a group file of an earlier run\n");
  writeFileSync(join(root, "test", "x", "a.test.ts"), "import test from 'ava';\n");
  writeFileSync(join(root, "test", "x", "b.test.ts"), "import test from 'ava';\nconst v = await 1;\n");
  cpSync(join(ROOT, "package.json"), join(root, "package.json"));
  const config = writeSuite(root);
  const suite = join(root, "test", ".suite");
  t.deepEqual(readdirSync(suite).sort(), [".gitignore", "ava.config.mjs", "x-b.test.ts", "x.test.ts"]);
  t.regex(readFileSync(join(suite, "x.test.ts"), "utf8"), /^import "\.\.\/x\/a\.test\.ts";$/m);
  t.regex(readFileSync(join(suite, "x-b.test.ts"), "utf8"), /^import "\.\.\/x\/b\.test\.ts";$/m);
  t.is(readFileSync(join(suite, ".gitignore"), "utf8"), "*\n");
  const text = readFileSync(config, "utf8");
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).ava as Record<string, unknown>;
  t.true(text.includes(JSON.stringify({ ...pkg, files: ["test/.suite/*.test.ts"] })));
});
