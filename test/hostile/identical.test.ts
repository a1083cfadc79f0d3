// The speed-ups never change a byte: a build with worker processes equals the
// in-process build, and the chunk-cached tokenizer (src/extract/wink-chunks.ts)
// gives exactly wink-tokenizer's tokens, at exactly the offsets segment.ts's
// cursor search would find.
import test from "ava";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { locate } from "../../src/extract/segment.ts";
import { tokenizeRange } from "../../src/extract/wink-chunks.ts";
import { tokenize } from "../../src/tokens.ts";
import { SEEDS, assertBuilt, runCli, tempDir } from "./helpers.ts";
import { seedParagraphs, writeSeedJsonl } from "./corpus.ts";

test("--workers 2 and --workers 0 write byte-identical outputs (gold report, skips and duplicate doc_ids included)", async (t) => {
  const dir = await tempDir(t, "identical");
  const jsonl = join(dir, "generated.jsonl");
  await writeSeedJsonl(jsonl, 400, 11);
  // Two folders with the same relative path: the second "same.txt" is a duplicate doc_id (skipped after labelling),
  // and its sentences come back in zz-later.txt (read after it), in the same batch: the hashes a worker sends once must still be found.
  const [p1, p2, p3] = (await seedParagraphs()).slice(3, 6);
  for (const [sub, text] of [["one", p1], ["two", p2]] as const) {
    await mkdir(join(dir, sub));
    await writeFile(join(dir, sub, "same.txt"), text + "\n");
  }
  await writeFile(join(dir, "two", "zz-later.txt"), `${p3}\n\n${p2}\n`);
  await writeFile(join(dir, "two", "empty.txt"), "");
  const args = ["--input", SEEDS, "--input", join(dir, "one"), "--input", join(dir, "two"), "--input", jsonl];
  const outs = { w0: join(dir, "w0"), w2: join(dir, "w2") };
  const [r0, r2] = await Promise.all([
    runCli([...args, "--workers", "0", "--out", outs.w0]),
    runCli([...args, "--workers", "2", "--out", outs.w2]),
  ]);
  await assertBuilt(t, r0, outs.w0);
  await assertBuilt(t, r2, outs.w2);
  const skipped = await readFile(join(outs.w0, "skipped.jsonl"), "utf8");
  t.regex(skipped, /duplicate doc_id \\"same\\"/);
  t.regex(skipped, /empty file/);
  for (const f of (await readdir(outs.w0)).sort()) {
    t.true((await readFile(join(outs.w0, f))).equals(await readFile(join(outs.w2, f))), `${f} identical`);
  }
  const summary = (s: string) => s.replace(/^wrote .*$/m, "");
  t.is(summary(r0.stdout), summary(r2.stdout), "same summary");
});

function check(t: import("ava").ExecutionContext, doc: string, from: number, to: number): void {
  const wink = tokenize(doc.slice(from, to));
  const fast = tokenizeRange(doc, from, to);
  const same = wink.length === fast.values.length && wink.every((w, i) => w.value === fast.values[i] && w.tag === fast.tags[i]);
  if (!same) t.fail(`tokens differ for ${JSON.stringify(doc.slice(from, to))}`);
  if (fast.starts && fast.ends) {
    const l = locate(doc, from, wink.map((w) => w.value));
    const ok = l.starts.every((v, i) => v === fast.starts![i]) && l.ends.every((v, i) => v === fast.ends![i]);
    if (!ok) t.fail(`offsets differ for ${JSON.stringify(doc.slice(from, to))}`);
  }
}

const trimmed = (doc: string, from: number, to: number): [number, number] => {
  while (from < to && /\s/.test(doc[from]!)) from++;
  while (to > from && /\s/.test(doc[to - 1]!)) to--;
  return [from, to];
};

test("the cached tokenizer equals wink-tokenizer on every seed line and on tricky pieces", async (t) => {
  let n = 0;
  for (const f of await readdir(SEEDS)) {
    const doc = (await readFile(join(SEEDS, f), "utf8")).replace(/^\uFEFF/, "");
    let at = 0;
    for (const line of doc.split("\n")) {
      const [a, b] = trimmed(doc, at, at + line.length);
      if (b > a) (check(t, doc, a, b), n++);
      at += line.length + 1;
    }
  }
  const tricky = [
    "at 4 pm", "10 hours later", "3:30 p.m. sharp", "4  pm", "5 hrs", "1 a.m.", "2 PM", "12\u00a0pm", "7 h", "it's 9 am:",
    "can't won't ain't y'all students' James's", "U.S. Mr. Dr. (Reuters) “Quoted,” he said:", "said:) ;) :D :-( <3 :p",
    "e-mail me@example.com or http://example.com/a?b=c #tag @user", "€1.2 billion, 3rd, 1/2, 2014-08-05", "😀❤️👍🏽 🇺🇸",
    "中国外交部发言人说。他们！", "word\u0007control\ufeffbom", "x\u3000y\u2028z", "‘single’ “double” «guillemets» …", "a--b -- c",
    "self-proclaimed, “Al-Sham” (co-op). e-mail- -x x-:) x-;D 12-year-old x-4 a-b-c-d!? Semi-final:", // hyphenated simple chunks
  ];
  for (const s of tricky) {
    const doc = `« ${s} »`;
    check(t, doc, 2, 2 + s.length);
    n++;
  }
  // Random strings over an alphabet of the pieces where wink's regexes interact.
  const alphabet = ["4", " ", "pm", "-", "a.m.", "hours", ":", "30", "h", "p", "a", "x", "Mr", ".", ",", ";", "\"", "'", "’", "(", ")", ":-)", "D", "can't", "@x", "#y", "😀", "1/2", "\u00a0", "é"];
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
  for (let k = 0; k < 20_000; k++) {
    let s = "";
    const len = 1 + Math.floor(rnd() * 10);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    const doc = ` y ${s} z `;
    const [a, b] = trimmed(doc, 3, 3 + s.length);
    if (b > a) (check(t, doc, a, b), n++);
  }
  t.true(n > 20_000);
});
