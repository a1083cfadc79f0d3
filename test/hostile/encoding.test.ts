// --encoding auto (per file: strict UTF-8 when the bytes are valid UTF-8,
// else windows-1252) on a folder that mixes both, like Horne 2017; and the
// default (UTF-8) skipping, counting and listing the legacy file instead.
import test from "ava";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { QUICK, assertBuilt, records, runCli, skippedOf, tempDir } from "./helpers.ts";

const UTF8_TEXT = "“Nous étions prêts,” the café owner in Zürich said on Monday.";
// windows-1252 bytes: 0x93/0x94 curly quotes, 0xE9 é, 0x96 en dash, 0x92 right single quote.
const LEGACY_BYTES = Buffer.concat([
  Buffer.from([0x93]), Buffer.from("The r"), Buffer.from([0xe9]), Buffer.from("sum"), Buffer.from([0xe9]),
  Buffer.from(" was fine,"), Buffer.from([0x94]), Buffer.from(" the mayor"), Buffer.from([0x92]),
  Buffer.from("s aide said "), Buffer.from([0x96]), Buffer.from(" without elaborating.\r\n"),
]);
const LEGACY_TEXT = "“The résumé was fine,” the mayor’s aide said – without elaborating.";

async function mixedFolder(t: import("ava").ExecutionContext): Promise<{ dir: string; input: string }> {
  const dir = await tempDir(t, "encoding");
  const input = join(dir, "mixed corpus");
  await mkdir(input);
  await writeFile(join(input, "a-utf8.txt"), UTF8_TEXT + "\n");
  await writeFile(join(input, "b-legacy.txt"), LEGACY_BYTES);
  return { dir, input };
}

test("--encoding auto reads a UTF-8 file and a windows-1252 file of one folder, with zero skips", async (t) => {
  const { dir, input } = await mixedFolder(t);
  const out = join(dir, "out");
  const r = await runCli(["--input", input, "--encoding", "auto", "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  t.deepEqual(await skippedOf(out), []);
  t.regex(r.stdout, /skipped inputs 0/);
  const texts = (await records(out)).map((x) => [x.source.path, x.text]);
  t.deepEqual(texts.sort(), [["a-utf8.txt", UTF8_TEXT], ["b-legacy.txt", LEGACY_TEXT]]);
});

test("without --encoding, the windows-1252 file is skipped, counted and listed with its byte offset", async (t) => {
  const { dir, input } = await mixedFolder(t);
  const out = join(dir, "out");
  const r = await runCli(["--input", input, "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  const legacy = join(input, "b-legacy.txt");
  t.deepEqual(await skippedOf(out), [{ location: legacy, reason: "invalid UTF-8 at byte 0" }]);
  t.regex(r.stdout, /skipped inputs 1 \(see skipped\.jsonl\)/);
  t.true(r.stdout.includes(`skipped ${legacy}: invalid UTF-8 at byte 0`));
  t.deepEqual((await records(out)).map((x) => x.text), [UTF8_TEXT]);
});

test("--encoding auto on streamed CSV and JSONL files decides per file", async (t) => {
  const dir = await tempDir(t, "encoding");
  const csv = join(dir, "legacy.csv");
  await writeFile(csv, Buffer.concat([Buffer.from('id,text\r\n7,"'), LEGACY_BYTES.subarray(0, -2), Buffer.from('"\r\n')]));
  const jsonl = join(dir, "modern.jsonl");
  await writeFile(jsonl, JSON.stringify({ id: "u1", text: UTF8_TEXT }) + "\n");
  const out = join(dir, "out");
  const r = await runCli(["--input", csv, "--input", jsonl, "--id-column", "id", "--id-field", "id", "--encoding", "auto", "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  t.deepEqual((await records(out)).map((x) => [x.doc_id, x.text]).sort(), [["7", LEGACY_TEXT], ["u1", UTF8_TEXT]]);
});
