// Hostile inputs that must simply work (exit 0, nothing on stderr, every
// output in place, no temp file left): BOM + CRLF, a path with spaces and
// non-ASCII characters, a folder with a symlink loop, 10,000 sentences in one
// article, one 50 MB line with no punctuation (generated here, never committed).
import test from "ava";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MAX_SENTENCE } from "../../src/extract/index.ts";
import { QUICK, assertBuilt, records, runCli, skippedOf, tempDir } from "./helpers.ts";

const P1 = "The minister said on Monday that the talks would resume next week.";
const P2 = "“We have not seen the proposal,” a spokeswoman told reporters, without elaborating.";

/** Every record's code-point offsets slice its text out of the document as read (BOM removed). */
function assertOffsets(t: import("ava").ExecutionContext, doc: string, recs: { start: number; end: number; text: string }[]): void {
  const cps = [...doc];
  t.true(recs.length > 0);
  for (const r of recs) t.is(cps.slice(r.start, r.end).join(""), r.text);
}

test("UTF-8 BOM + CRLF: no BOM or CR in any record, offsets on the BOM-less text", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "crlf.txt");
  const body = `${P1}\r\n\r\n${P2}\r\nSecond paragraph line, café in Zürich.\r\n`;
  await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
  const out = join(dir, "out");
  const r = await runCli(["--input", file, "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  const recs = await records(out);
  t.deepEqual(recs.map((x) => x.text).sort(), [P1, P2, "Second paragraph line, café in Zürich."].sort());
  t.false(recs.some((x) => x.text.includes("\r") || x.text.includes("\uFEFF")));
  assertOffsets(t, body, recs);
});

test("a path with spaces and non-ASCII characters (folder, CSV and --out)", async (t) => {
  const dir = await tempDir(t);
  const folder = join(dir, "Dossier d’été", "Ünïcødé news");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "Brève n°1 — Zürich.txt"), `${P1}\n`);
  const csv = join(dir, "naïve corpus 2025.csv");
  await writeFile(csv, `id,text\n"row one ☃","${P2.replace(/"/g, '""')}"\n`);
  const out = join(dir, "sortie à Köln");
  const r = await runCli(["--input", join(dir, "Dossier d’été"), "--input", csv, "--id-column", "id", "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  const recs = await records(out);
  t.deepEqual(recs.map((x) => [x.doc_id, x.source.path, x.text]).sort(), [
    ["Ünïcødé news/Brève n°1 — Zürich", "Ünïcødé news/Brève n°1 — Zürich.txt", P1],
    ["row one ☃", "naïve corpus 2025.csv:1", P2],
  ].sort());
});

test("an input folder with a symlink loop finishes and reads each file once", async (t) => {
  const dir = await tempDir(t);
  const root = join(dir, "in");
  await mkdir(join(root, "sub"), { recursive: true });
  await writeFile(join(root, "sub", "a.txt"), `${P1}\n`);
  await symlink("..", join(root, "sub", "loop"));
  await symlink(join(root, "sub"), join(root, "again"));
  await symlink(join(root, "missing"), join(root, "dangling.txt"));
  const out = join(dir, "out");
  const r = await runCli(["--input", root, "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  const recs = await records(out);
  t.deepEqual(recs.map((x) => x.text), [P1], "the file behind the loop is read once");
  t.deepEqual((await skippedOf(out)).map((s) => s.reason), ["broken symlink"]);
  t.regex(r.stdout, /skipped inputs 1/);
  t.true(r.stdout.includes(`skipped ${join(root, "dangling.txt")}: broken symlink`), "the summary lists the skip");
});

test("10,000 sentences in one article: every one a record, in order, one article on one side", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "ten-thousand.txt");
  const names = ["Smith", "Jones", "Garcia", "Chen", "Okafor"];
  const sentences = Array.from({ length: 10_000 }, (_, i) => `Official ${names[i % 5]} said that item ${i} of the budget could be delayed by ${i % 97} days.`);
  await writeFile(file, sentences.join(" ") + "\n");
  const out = join(dir, "out");
  const r = await runCli(["--input", file, "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  const recs = await records(out);
  t.is(recs.length, 10_000);
  t.deepEqual(recs.map((x) => x.text), sentences);
  t.deepEqual(recs.map((x) => x.sentence_index), sentences.map((_, i) => i));
  t.is(new Set(recs.map((x) => x.split)).size, 1, "one article never straddles the split");
});

test("one 50 MB line without punctuation finishes; sentences are capped at MAX_SENTENCE at a space", async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, "one-line.txt");
  const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda"];
  const target = 50 * 1024 * 1024;
  await new Promise<void>((resolve, reject) => {
    const s = createWriteStream(file);
    s.on("error", reject);
    let written = 0;
    let k = 0;
    const pump = (): void => {
      while (written < target) {
        let chunk = "";
        while (chunk.length < 1 << 16) chunk += words[k++ % words.length] + " ";
        written += chunk.length;
        if (!s.write(chunk)) return void s.once("drain", pump);
      }
      s.end(resolve);
    };
    pump();
  });
  const out = join(dir, "out");
  const r = await runCli(["--input", file, "--out", out, ...QUICK]);
  await assertBuilt(t, r, out);
  const recs = await records(out);
  t.true(recs.length > 0);
  for (const x of recs) {
    t.true(x.text.length <= MAX_SENTENCE, `sentence of ${x.text.length} units`);
    t.false(/\s$|^\s/.test(x.text), "cut at whitespace, trimmed");
  }
  // The text repeats an 11-word cycle, so in-article exact duplicates collapse; the card counts them.
  t.regex(await readFile(join(out, "dataset-card.md"), "utf8"), /Exact duplicate sentences dropped inside an article: \d+/);
});
