// scripts/freshness.mjs: when `npm run COMMAND` must recompile src/ first.
// Checked on a scratch package tree with explicit mtimes (never on the
// repository's own dist/, which other tests' runs may be using).
import test from "ava";
import { mkdir, mkdtemp, rm, unlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { needsBuild, STAMP } from "../../scripts/freshness.mjs";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

async function scratchPackage(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "claimstance-fresh-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await mkdir(join(root, "src", "label"), { recursive: true });
  await mkdir(join(root, "dist"));
  for (const f of ["src/label/stance.ts", "src/schema.ts", "package.json", "tsconfig.json"]) {
    await writeFile(join(root, f), "x");
    await utimes(join(root, f), at(0), at(0));
  }
  for (const d of ["src/label", "src"]) await utimes(join(root, d), at(0), at(0));
  return root;
}

test("no build yet: build", async (t) => {
  const root = await scratchPackage(t);
  t.true(needsBuild(root));
});

test("a build newer than every source is current; an edited rule makes it stale", async (t) => {
  const root = await scratchPackage(t);
  await writeFile(join(root, STAMP), "{}");
  await utimes(join(root, STAMP), at(10), at(10));
  t.false(needsBuild(root));
  await utimes(join(root, "src/label/stance.ts"), at(20), at(20));
  t.true(needsBuild(root));
  await utimes(join(root, STAMP), at(30), at(30));
  t.false(needsBuild(root));
});

test("a deleted source (its folder's mtime) and a changed tsconfig make the build stale", async (t) => {
  const root = await scratchPackage(t);
  await writeFile(join(root, STAMP), "{}");
  await utimes(join(root, STAMP), at(10), at(10));
  await unlink(join(root, "src/schema.ts"));
  await utimes(join(root, "src"), at(20), at(20));
  t.true(needsBuild(root));
  await utimes(join(root, "src"), at(0), at(0));
  t.false(needsBuild(root));
  await utimes(join(root, "tsconfig.json"), at(20), at(20));
  t.true(needsBuild(root));
});
