// Bad input (issue 2's list and issue 5's failing cases), through the real
// CLI: exit code 2, one line on stderr naming the file and the line, row or
// byte offset, no stack trace, and the previous outputs untouched.
import test from "ava";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { QUICK, assertBadInput, assertUntouched, outDirWithSentinel, runCli, tempDir } from "./helpers.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e221bc330000000049454e44ae426082", "hex");
const ARTICLE = "The minister said on Monday that the talks would resume. Officials declined to comment.\n";

/** Writes `content` to `name` in a fresh folder, runs the CLI on it into a sentinel out dir, checks the one-line error. */
async function failsWith(
  t: import("ava").ExecutionContext, name: string, content: string | Buffer, parts: (file: string) => string[], extra: string[] = [],
): Promise<void> {
  const dir = await tempDir(t);
  const file = join(dir, name);
  await writeFile(file, content);
  const out = await outDirWithSentinel(dir);
  const r = await runCli(["--input", file, "--out", out, ...QUICK, ...extra]);
  assertBadInput(t, r, parts(file));
  await assertUntouched(t, out);
}

test("a missing path", async (t) => {
  const dir = await tempDir(t);
  const out = await outDirWithSentinel(dir);
  const missing = join(dir, "no such article.txt");
  const r = await runCli(["--input", missing, "--out", out, ...QUICK]);
  assertBadInput(t, r, [missing, "no such file or folder"]);
  await assertUntouched(t, out);
});

test("an empty .txt file", (t) => failsWith(t, "empty.txt", "", (f) => [`${f}: empty file`]));

test("a zero-byte CSV", (t) => failsWith(t, "zero.csv", "", (f) => [`${f}: empty file`]));

test("a CSV with only a header line names row 1", (t) =>
  failsWith(t, "header.csv", "id,text\r\n", (f) => [`${f}:row 1:`, "found none"]));

test("a binary file (PNG bytes) with a .txt name", (t) => failsWith(t, "photo.txt", PNG, (f) => [`${f}: binary file`]));

test("invalid UTF-8 in the middle of a file names the byte offset", async (t) => {
  const head = Buffer.from(ARTICLE.repeat(50) + "Caf\u00e9 owners said ");
  const bytes = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from(" more text. " + ARTICLE.repeat(50))]);
  await failsWith(t, "bad bytes.txt", bytes, (f) => [`${f}: invalid UTF-8 at byte ${head.length}`]);
});

test("a CSV without the named column lists the columns it has", (t) =>
  failsWith(t, "bodies.csv", `Body ID,articleBody\n1,"${ARTICLE}"\n`, (f) => [f, 'no column "body"', "Body ID, articleBody"], ["--text-column", "body"]));

test("a CSV with unbalanced quotes names the row", (t) =>
  failsWith(t, "quotes.csv", `id,text\n1,"${ARTICLE}"\n2,"opened and\nnever closed\n`, (f) => [`${f}:row 2:`, "Quoted field unterminated"]));

test("a malformed JSONL line names the file and line", (t) =>
  failsWith(t, "news.jsonl", `${JSON.stringify({ text: ARTICLE })}\n{text: nope}\n${JSON.stringify({ text: ARTICLE })}\n`, (f) => [`${f}:line 2: invalid JSON`]));

test("a JSONL file with a truncated last line names that line", (t) =>
  failsWith(t, "cut.jsonl", `${JSON.stringify({ text: ARTICLE })}\n${JSON.stringify({ text: ARTICLE }).slice(0, 40)}`, (f) => [`${f}:line 2: invalid JSON`]));

test("an unwritable --out below a regular file (ENOTDIR)", async (t) => {
  const dir = await tempDir(t);
  const input = join(dir, "a.txt");
  await writeFile(input, ARTICLE);
  const file = join(dir, "plain-file");
  await writeFile(file, "not a folder");
  const r = await runCli(["--input", input, "--out", join(file, "out"), ...QUICK]);
  assertBadInput(t, r, [join(file, "out"), "cannot write output folder", "ENOTDIR"]);
});

test("an --out inside a read-only folder (/sys, /proc: root cannot write there either)", async (t) => {
  const dir = await tempDir(t);
  const input = join(dir, "a.txt");
  await writeFile(input, ARTICLE);
  for (const out of ["/sys/claimstance-hostile-out", "/proc/claimstance-hostile-out/sub"]) {
    const r = await runCli(["--input", input, "--out", out, ...QUICK]);
    assertBadInput(t, r, [out, "cannot write output folder"]);
  }
});

test("a folder whose only .txt file is broken: no sentences, one line, outputs untouched", async (t) => {
  const dir = await tempDir(t);
  const input = join(dir, "in");
  await mkdir(input);
  await writeFile(join(input, "photo.txt"), PNG);
  const out = await outDirWithSentinel(dir);
  const r = await runCli(["--input", input, "--out", out, ...QUICK]);
  assertBadInput(t, r, [input, "no sentences found"]);
  await assertUntouched(t, out);
});
