// Fatal input errors: each is an InputError with a one-line message naming the
// file and, where it applies, the row, line or byte offset.
import test from "ava";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../src/errors.ts";
import type { ReadOptions } from "../../src/extract/index.ts";
import { collect, tempDir } from "./helpers.ts";

async function fails(t: import("ava").ExecutionContext, path: string, message: string, opts: ReadOptions = {}): Promise<void> {
  const err = await t.throwsAsync(collect([path], opts), { instanceOf: InputError });
  t.is(err?.message, message);
  t.false(err?.message.includes("\n"), "one line");
}

test("a missing path", async (t) => {
  const dir = await tempDir(t);
  await fails(t, join(dir, "nope.txt"), `${join(dir, "nope.txt")}: no such file or folder`);
});

test("an empty or whitespace-only .txt named directly", async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, "zero.txt"), "");
  await writeFile(join(dir, "blank.txt"), "\n \r\n\t");
  await fails(t, join(dir, "zero.txt"), `${join(dir, "zero.txt")}: empty file`);
  await fails(t, join(dir, "blank.txt"), `${join(dir, "blank.txt")}: empty file`);
});

test("a binary file (PNG bytes) named directly", async (t) => {
  const dir = await tempDir(t);
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
  await writeFile(join(dir, "photo.txt"), png);
  await writeFile(join(dir, "photo.csv"), png);
  await fails(t, join(dir, "photo.txt"), `${join(dir, "photo.txt")}: binary file`);
  await fails(t, join(dir, "photo.csv"), `${join(dir, "photo.csv")}: binary file`);
});

test("invalid UTF-8 gives the byte offset of the first bad sequence", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "bad.txt");
  await writeFile(file, Buffer.concat([Buffer.from("Good start é and more "), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from(" tail")]));
  await fails(t, file, `${file}: invalid UTF-8 at byte 23 (use --encoding windows-1252 for legacy files)`);
});

test("invalid UTF-8 deep inside a streamed CSV or a truncated sequence at its end", async (t) => {
  const dir = await tempDir(t);
  const deep = join(dir, "deep.csv");
  const head = `text\n${"x".repeat(100_000)}`;
  await writeFile(deep, Buffer.concat([Buffer.from(head), Buffer.from([0xff]), Buffer.from("\n")]));
  await fails(t, deep, `${deep}: invalid UTF-8 at byte ${head.length} (use --encoding windows-1252 for legacy files)`);
  const cut = join(dir, "cut.jsonl");
  await writeFile(cut, Buffer.concat([Buffer.from('{"text": "ok"}\n{"text": "caf'), Buffer.from([0xc3])]));
  await fails(t, cut, `${cut}: invalid UTF-8 at byte 28 (use --encoding windows-1252 for legacy files)`);
});

test("a CSV without the named text or id column lists the columns it has", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "bodies.csv");
  await writeFile(file, "Body ID,articleBody\n1,Text.\n");
  await fails(t, file, `${file}: no column "text" (columns: Body ID, articleBody)`);
  await fails(t, file, `${file}: no column "id" (columns: Body ID, articleBody)`, { textColumn: "articleBody", idColumn: "id" });
});

test("a CSV with an unbalanced quote names the row", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "quotes.csv");
  await writeFile(file, 'id,text\n1,"fine"\n2,"opened and\nnever closed\n');
  await fails(t, file, `${file}:row 2: Quoted field unterminated`);
});

test("a malformed JSONL line, a truncated last line, a line without the text field", async (t) => {
  const dir = await tempDir(t);
  const bad = join(dir, "bad.jsonl");
  await writeFile(bad, '{"text": "ok"}\n{text: nope}\n');
  const err = await t.throwsAsync(collect([bad]), { instanceOf: InputError });
  t.regex(err!.message, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:line 2: invalid JSON \\(.+\\)$`));
  const truncated = join(dir, "truncated.jsonl");
  await writeFile(truncated, '{"text": "ok"}\n{"text": "cut off');
  await fails(t, truncated, `${truncated}:line 2: invalid JSON (Unterminated string in JSON at position 17)`);
  const noText = join(dir, "notext.jsonl");
  await writeFile(noText, '{"text": "ok"}\n\n{"body": "elsewhere"}\n');
  await fails(t, noText, `${noText}:line 3: no field "text"`);
  const notObject = join(dir, "array.jsonl");
  await writeFile(notObject, '["text"]\n');
  await fails(t, notObject, `${notObject}:line 1: expected a JSON object`);
});

test("an unsupported extension, a folder without .txt files, an unknown encoding", async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, "data.xml"), "<a/>");
  await fails(t, join(dir, "data.xml"), `${join(dir, "data.xml")}: unsupported input ".xml" (expected a folder, .txt, .csv or .jsonl, each optionally .gz)`);
  const empty = join(dir, "nothing");
  await mkdir(empty);
  await writeFile(join(empty, "readme.md"), "no text files here");
  await fails(t, empty, `${empty}: no .txt files in folder`);
  await writeFile(join(dir, "ok.txt"), "Fine.");
  await fails(t, join(dir, "ok.txt"), 'unsupported encoding "utf-16" (use utf-8, windows-1252, latin1 or auto)', { encoding: "utf-16" });
});
