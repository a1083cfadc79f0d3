import test from "ava";
import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OutputSet } from "../../src/dataset/output.ts";
import { InputError } from "../../src/errors.ts";

test("abort leaves the previous outputs untouched and no temporary file behind", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "cs-out-"));
  await writeFile(join(dir, "train.jsonl"), "old\n");
  const out = new OutputSet(dir, "t1");
  const f = out.open("train.jsonl");
  await f.write("new line 1\n");
  const spool = out.scratch("records.spool");
  await spool.write("x\n");
  await out.abort();
  t.is(await readFile(join(dir, "train.jsonl"), "utf8"), "old\n");
  t.deepEqual(await readdir(dir), ["train.jsonl"]);
});

test("commit renames every file into place only at the end", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "cs-out-"));
  await writeFile(join(dir, "train.jsonl"), "old\n");
  const out = new OutputSet(dir, "t2");
  const f = out.open("train.jsonl");
  await f.write("new\n");
  await f.close();
  t.is(await readFile(join(dir, "train.jsonl"), "utf8"), "old\n", "not visible before commit");
  await out.writeWhole("card.md", "# card\n");
  await out.commit();
  t.is(await readFile(join(dir, "train.jsonl"), "utf8"), "new\n");
  t.deepEqual((await readdir(dir)).sort(), ["card.md", "train.jsonl"]);
});

test("an unwritable output folder is a one-line InputError naming it", async (t) => {
  if (process.getuid?.() === 0) {
    // root ignores permission bits; a path under a regular file cannot be created by anyone.
    const dir = await mkdtemp(join(tmpdir(), "cs-out-"));
    await writeFile(join(dir, "file"), "");
    const err = await t.throwsAsync(new OutputSet(join(dir, "file", "out"), "t3").checkWritable(), { instanceOf: InputError });
    t.regex(err!.message, /file\/out: cannot write output folder \(ENOTDIR\)/);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "cs-out-"));
  await mkdir(join(dir, "ro"));
  await chmod(join(dir, "ro"), 0o500);
  const err = await t.throwsAsync(new OutputSet(join(dir, "ro"), "t3").checkWritable(), { instanceOf: InputError });
  t.regex(err!.message, /ro: cannot write output folder \(EACCES\)/);
});
