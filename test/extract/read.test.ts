// readInputs: folders, .txt, .csv, .jsonl; skips; encodings. Fixtures are written to a temp folder.
import test from "ava";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { extractArticles, isSkipped, readInputs, type InputDocument } from "../../src/extract/index.ts";
import { assertOffsetsRoundTrip, collect, tempDir } from "./helpers.ts";

const docs = (items: Awaited<ReturnType<typeof collect>>): InputDocument[] => items.filter((d): d is InputDocument => !isSkipped(d));

test("a folder is read recursively in code-unit order of relative paths, skipping bad .txt files", async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, "a"));
  await mkdir(join(dir, "sub dir"));
  await writeFile(join(dir, "b.txt"), "B text.");
  await writeFile(join(dir, "a-c.txt"), "A-C text.");
  await writeFile(join(dir, "a", "b.txt"), "A/B text.");
  await writeFile(join(dir, "sub dir", "Z.TXT"), "Upper-case extension.");
  await writeFile(join(dir, "notes.md"), "not read");
  await writeFile(join(dir, "empty.txt"), "");
  await writeFile(join(dir, "blank.txt"), " \n\t\n");
  await writeFile(join(dir, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  await writeFile(join(dir, "legacy.txt"), Buffer.from("caf\xe9 ok", "latin1"));
  const items = await collect([dir]);
  t.deepEqual(
    items.map((d) => (isSkipped(d) ? `skip ${d.location.slice(dir.length + 1)}: ${d.reason}` : `${d.path} ${d.text}`)),
    [
      "a-c.txt A-C text.",
      "a/b.txt A/B text.",
      "b.txt B text.",
      "skip blank.txt: empty file",
      "skip empty.txt: empty file",
      "skip image.txt: binary file",
      "skip legacy.txt: invalid UTF-8 at byte 3",
      "sub dir/Z.TXT Upper-case extension.",
    ],
  );
  t.is(docs(items)[0]!.location, join(dir, "a-c.txt"));
  t.is(docs(items)[0]!.kind, "txt");
  t.is(docs(items)[0]!.docId, undefined);
});

test("symlink loops end: a folder reached again by its real path is skipped", async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, "inner"));
  await writeFile(join(dir, "inner", "x.txt"), "X text.");
  await symlink(dir, join(dir, "inner", "loop"));
  await symlink(join(dir, "missing"), join(dir, "dangling.txt"));
  const items = await collect([dir]);
  t.deepEqual(items.map((d) => (isSkipped(d) ? `skip ${d.reason}` : d.path)), ["skip broken symlink", "inner/x.txt"]);
});

test("a .txt file named directly: basename path, BOM removed, CRLF kept, offsets into the whole text", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "crlf.txt");
  await writeFile(file, "\uFEFFA title line\r\n\r\nFirst sentence here. Second “one” here.\r\n");
  const [doc] = docs(await collect([file]));
  t.is(doc!.path, "crlf.txt");
  t.is(doc!.text, "A title line\r\n\r\nFirst sentence here. Second “one” here.\r\n");
  const r = extractArticles(doc!);
  t.deepEqual(r.articles[0]!.sentences.map((s) => [s.text, s.start]), [
    ["A title line", 0],
    ["First sentence here.", 16],
    ["Second “one” here.", 37],
  ]);
  t.is(r.articles[0]!.doc_id, "crlf");
  assertOffsetsRoundTrip(t, doc!.text, r);
});

test("CSV: quoted newlines and \"\" escapes, id column → docId, path and location name the row", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "bodies.csv");
  await writeFile(file, 'Body ID,articleBody\r\n17,"He said ""no"".\r\nThen he left."\r\n\r\n42,Plain body.\r\n');
  const items = docs(await collect([file], { textColumn: "articleBody", idColumn: "Body ID" }));
  t.deepEqual(items.map((d) => [d.path, d.docId, d.kind, d.text, d.location]), [
    ["bodies.csv:1", "17", "csv", 'He said "no".\r\nThen he left.', `${file}:row 1`],
    ["bodies.csv:2", "42", "csv", "Plain body.", `${file}:row 2`],
  ]);
  const r = extractArticles(items[0]!);
  t.is(r.articles[0]!.doc_id, "17");
  t.is(r.articles[0]!.source.path, "bodies.csv:1");
  t.deepEqual(r.articles[0]!.sentences.map((s) => s.text), ['He said "no".', "Then he left."]);
});

test("CSV without an id column: doc_id = file name:row (rows numbered from 1); empty, repeated-id and ragged rows are skipped", async (t) => {
  const dir = await tempDir(t);
  const plain = join(dir, "plain.csv");
  await writeFile(plain, "text\nfirst\nsecond\n");
  t.deepEqual(docs(await collect([plain])).map((d) => d.docId), ["plain.csv:1", "plain.csv:2"]);
  const messy = join(dir, "messy.csv");
  await writeFile(messy, 'id,text\na,One.\nb,"   "\na,Again.\nc,Three.,extra\nd\ne,Five.\n');
  const items = await collect([messy], { idColumn: "id" });
  t.deepEqual(items.map((d) => (isSkipped(d) ? `${d.location.slice(dir.length + 1)} ${d.reason}` : d.docId)), [
    "a",
    "messy.csv:row 2 empty text",
    'messy.csv:row 3 duplicate doc_id "a"',
    "messy.csv:row 4 expected 2 fields, found 3",
    "messy.csv:row 5 expected 2 fields, found 1",
    "e",
  ]);
});

test("CSV: a character split across read chunks decodes whole (no U+FFFD)", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "wide.csv");
  const filler = "a".repeat(65536 - "text\n".length - 1); // puts the 4-byte emoji across the 64 KiB boundary
  await writeFile(file, `text\n${filler}🎉 end\n`);
  const [doc] = docs(await collect([file]));
  t.false(doc!.text.includes("\uFFFD"));
  t.true(doc!.text.endsWith("🎉 end"));
});

test("CSV rows stream: rows before a broken quote are yielded before the error", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "late.csv");
  const rows = Array.from({ length: 3000 }, (_, i) => `${i},"Row ${i} text, with comma."`);
  await writeFile(file, `id,text\n${rows.join("\n")}\n3000,"never closed\n`);
  const seen: string[] = [];
  const err = await t.throwsAsync(async () => {
    for await (const d of readInputs([file], { idColumn: "id" })) if (!isSkipped(d)) seen.push(d.docId!);
  });
  t.is(seen.length, 3000);
  t.is(err?.message, `${file}:row 3001: Quoted field unterminated`);
});

test("JSONL: text and id fields, blank lines ignored, CRLF, numeric ids as strings, default id = file name:line", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "docs.jsonl");
  await writeFile(file, '{"id": 7, "body": "First doc."}\r\n\r\n{"id": "x9", "body": "Second doc."}\r\n');
  const items = docs(await collect([file], { textField: "body", idField: "id" }));
  t.deepEqual(items.map((d) => [d.path, d.docId, d.kind, d.text, d.location]), [
    ["docs.jsonl:1", "7", "jsonl", "First doc.", `${file}:line 1`],
    ["docs.jsonl:3", "x9", "jsonl", "Second doc.", `${file}:line 3`],
  ]);
  const plain = join(dir, "plain.jsonl");
  await writeFile(plain, '{"text": "A."}\n{"text": ""}\n{"text": "B."}');
  const all = await collect([plain]);
  t.deepEqual(all.map((d) => (isSkipped(d) ? d.reason : d.docId)), ["plain.jsonl:1", "empty text", "plain.jsonl:3"]);
});

test("duplicate explicit ids are detected across the files of one run", async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, "one.jsonl"), '{"id": "k", "text": "From one."}\n');
  await writeFile(join(dir, "two.csv"), "id,text\nk,From two.\nm,Other.\n");
  const items = await collect([join(dir, "one.jsonl"), join(dir, "two.csv")], { idField: "id", idColumn: "id" });
  t.deepEqual(items.map((d) => (isSkipped(d) ? d.reason : d.docId)), ["k", 'duplicate doc_id "k"', "m"]);
});

test("default row ids do not collide across files: two CSVs without an id column keep every row", async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, "a.csv"), "text\nAlpha one.\nAlpha two.\n");
  await writeFile(join(dir, "b.csv"), "text\nBeta one.\n");
  const items = await collect([join(dir, "a.csv"), join(dir, "b.csv")]);
  t.deepEqual(items.map((d) => (isSkipped(d) ? d.reason : d.docId)), ["a.csv:1", "a.csv:2", "b.csv:1"]);
});

test("windows-1252 (and latin1) decode legacy bytes; the default UTF-8 refuses them", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "legacy.txt");
  await writeFile(file, Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x2c, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]));
  for (const encoding of ["windows-1252", "latin1", "ISO-8859-1"]) {
    t.is(docs(await collect([file], { encoding }))[0]!.text, "“Hi” €5, café\r\n", encoding);
  }
  const csv = join(dir, "legacy.csv");
  await writeFile(csv, Buffer.concat([Buffer.from("text\n"), Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0x0a])]));
  t.is(docs(await collect([csv], { encoding: "windows-1252" }))[0]!.text, "“OK”");
  await t.throwsAsync(collect([file]), { message: `${file}: invalid UTF-8 at byte 0 (use --encoding windows-1252 for legacy files)` });
});
