// A researcher's corpus as it comes: gzipped, with outlet, date, title and url
// fields. Real rows are read from ../shared/corpora at run time (AllSides
// JSONL.gz, BBC News .txt folders); temporary files made from them live in
// the OS temp folder only.
import test from "ava";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { InputError } from "../../src/errors.ts";
import { parseDate, periodOf, isoWeek } from "../../src/extract/dates.ts";
import { extractArticles, isSkipped, readInputs, type InputDocument, type ReadOptions } from "../../src/extract/index.ts";
import { withTitle } from "../../src/extract/source.ts";
import { ROOT, tempDir } from "../hostile/helpers.ts";

const ALLSIDES = join(ROOT, "../shared/corpora/allsides/articles.jsonl.gz");
const BBC = join(ROOT, "../shared/corpora/bbc_news");
const withAllSides = existsSync(ALLSIDES) ? test : test.skip;
const withBbc = existsSync(BBC) ? test : test.skip;
const META: ReadOptions = { textField: "text", idField: "id", outletField: "outlet", dateField: "date", titleField: "title", urlField: "url" };

async function firstDocs(input: string, n: number, opts: ReadOptions): Promise<InputDocument[]> {
  const out: InputDocument[] = [];
  for await (const item of readInputs([input], opts)) {
    if (isSkipped(item)) continue;
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

/** The first `n` raw lines of the AllSides corpus (streamed through gunzip, read only). */
async function allSidesLines(n: number): Promise<string[]> {
  const { createReadStream } = await import("node:fs");
  const { createGunzip } = await import("node:zlib");
  const { createInterface } = await import("node:readline");
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(ALLSIDES).pipe(createGunzip()) });
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= n) break;
  }
  rl.close();
  return lines;
}

test("dates: ISO 8601, RFC 2822, Month D, YYYY, D Month YYYY, M/D/YYYY; anything else is null, never guessed", (t) => {
  const ok: [string, string][] = [
    ["2016-03-02", "2016-03-02"],
    ["2016-03-02T23:30:00-05:00", "2016-03-02"],
    ["2016-03-02 08:15:00", "2016-03-02"],
    ["2016/03/02", "2016-03-02"],
    ["Wed, 2 Mar 2016 08:15:00 +0000", "2016-03-02"],
    ["2 Mar 2016 08:15:00 GMT", "2016-03-02"],
    ["March 2, 2016", "2016-03-02"],
    ["Sept. 2nd, 2016", "2016-09-02"],
    ["Wednesday, March 2 2016", "2016-03-02"],
    ["2 March 2016", "2016-03-02"],
    ["2nd of March, 2016", "2016-03-02"],
    ["3/2/2016", "2016-03-02"],
    ["  2020-02-29  ", "2020-02-29"],
  ];
  for (const [raw, date] of ok) t.deepEqual(parseDate(raw), { date, status: "dated" }, raw);
  // AllSides' malformed values: a two-digit year (which century?), placeholders and typos out of the plausible range.
  for (const raw of ["7/23/17", "1/21", "0001-01-01", "2050-01-01", "1899-12-31", "2021-02-29", "13/2/2016", "March 2016", "yesterday", "2016-3-2x"])
    t.deepEqual(parseDate(raw), { date: null, status: "malformed" }, raw);
  for (const raw of ["", "   ", null, undefined]) t.deepEqual(parseDate(raw), { date: null, status: "empty" });
  t.is(parseDate(20160302).status, "malformed");
});

test("periods: day, ISO week, month, year, none; undated without a date", (t) => {
  t.is(periodOf("2016-03-02", "day"), "2016-03-02");
  t.is(periodOf("2016-03-02", "month"), "2016-03");
  t.is(periodOf("2016-03-02", "year"), "2016");
  t.is(periodOf("2016-03-02", "none"), "all");
  t.is(periodOf(null, "month"), "undated");
  // ISO weeks: 1 January 2016 (a Friday) is in 2015's week 53; 31 December 2018 (a Monday) in 2019's week 1.
  t.is(isoWeek("2016-01-01"), "2015-W53");
  t.is(isoWeek("2016-01-04"), "2016-W01");
  t.is(isoWeek("2018-12-31"), "2019-W01");
  t.is(periodOf("2016-03-02", "week"), "2016-W09");
});

test("a title the text does not begin with is put first; one it begins with is found in place", (t) => {
  t.deepEqual(withTitle("Body text.", "A Title"), { text: "A Title\n\nBody text.", titleChars: 7 });
  t.deepEqual(withTitle("\nA  title\n\nBody text.", "A Title"), { text: "\nA  title\n\nBody text.", titleChars: 9 });
  const glued = withTitle("A Title Body text goes on.", "A Title");
  t.is(glued.text.slice(0, glued.titleChars), "A Title");
  // The title ends a sentence: a lower-case line after it or body text glued to it is a record of its own (AllSides shapes).
  const title = "Republicans try end-run around spending caps";
  for (const body of ["congress Republicans try end run around caps. More text.", `${title} He released his plan on Monday.`]) {
    const doc = { path: "a.jsonl:1", kind: "jsonl" as const, docId: "a", location: "a.jsonl:line 1", ...withTitle(body, title) };
    const sentences = extractArticles(doc).articles[0]!.sentences;
    t.deepEqual([sentences[0]!.kind, sentences[0]!.text], ["headline", title]);
    t.true(sentences.slice(1).every((s) => s.kind === "body" && !s.text.includes("spending caps")));
  }
});

withAllSides("AllSides .jsonl.gz with the metadata flags: outlet, date, title and url on the document; the title is the first line", async (t) => {
  const lines = (await allSidesLines(200)).map((l) => JSON.parse(l) as Record<string, string>);
  const docs = await firstDocs(ALLSIDES, 200, META);
  t.is(docs.length, 200);
  for (const [i, doc] of docs.entries()) {
    const row = lines[i]!;
    t.is(doc.docId, row.id);
    t.is(doc.source!.outlet, row.outlet!);
    t.is(doc.source!.url, row.url!);
    t.is(doc.source!.title, row.title!.replace(/\s+/g, " ").trim());
    if (/^\d{4}-\d{2}-\d{2}$/.test(row.date!) && row.date! >= "1900" && row.date! < "2040") t.is(doc.source!.published, row.date!);
    else t.is(doc.source!.published, null);
    t.is(doc.source!.date, row.date === "" ? "empty" : /^\d{4}-\d{2}-\d{2}$/.test(row.date!) ? doc.source!.published ? "dated" : "malformed" : "malformed");
    // The text begins with the title: the scraper's own copy, or put there (title, blank line, body).
    t.true(doc.titleChars! > 0);
    if (doc.text !== row.text) t.is(doc.text, `${doc.source!.title}\n\n${row.text}`);
  }
  t.true(docs.some((d) => d.text !== lines[docs.indexOf(d)]!.text), "some titles are put first");
  t.true(docs.some((d) => d.source!.date === "empty"), "some articles are undated");
});

withAllSides("AllSides: every article's records carry its outlet, date, title and url; the title is a headline record whose offsets index the document text", async (t) => {
  const docs = await firstDocs(ALLSIDES, 60, META);
  let headlined = 0;
  for (const doc of docs) {
    const cps = [...doc.text];
    for (const article of extractArticles(doc).articles) {
      t.like(article.source, { outlet: doc.source!.outlet, published: doc.source!.published, title: doc.source!.title, url: doc.source!.url });
      for (const s of article.sentences) t.is(cps.slice(s.start, s.end).join(""), s.text);
      const first = article.sentences[0]!;
      if (first.kind === "headline" && doc.source!.title!.startsWith(first.text.trim().slice(0, 20))) headlined++;
    }
  }
  t.true(headlined >= 57, `${headlined} of 60 articles open with their title as a headline record`);
});

withAllSides("a .jsonl.gz reads exactly like the same file unpacked; a truncated or corrupt stream is one line naming file:line", async (t) => {
  const dir = await tempDir(t, "gz");
  const text = (await allSidesLines(40)).join("\n") + "\n";
  const plain = join(dir, "a.jsonl");
  const packed = join(dir, "a.jsonl.gz");
  await writeFile(plain, text);
  const gz = gzipSync(Buffer.from(text));
  await writeFile(packed, gz);
  const strip = (d: InputDocument) => ({ ...d, path: d.path.replace(".gz", ""), location: d.location.replace(".gz", "") });
  t.deepEqual((await firstDocs(packed, 100, META)).map(strip), await firstDocs(plain, 100, META));

  const truncated = join(dir, "cut.jsonl.gz");
  await writeFile(truncated, gz.subarray(0, Math.floor(gz.length / 2)));
  const err = await t.throwsAsync(firstDocs(truncated, 100, META), { instanceOf: InputError });
  t.regex(err!.message, /^.*cut\.jsonl\.gz:line \d+: corrupt or truncated gzip stream \(unexpected end of file\)$/);
  const line = Number(/:line (\d+):/.exec(err!.message)![1]);
  t.true(line > 1 && line <= 40);

  const corrupt = join(dir, "bad.jsonl.gz");
  const flipped = Buffer.from(gz);
  for (let i = 2000; i < 2100; i++) flipped[i] = flipped[i]! ^ 0x5a;
  await writeFile(corrupt, flipped);
  const bad = await t.throwsAsync(firstDocs(corrupt, 100, META), { instanceOf: InputError });
  t.regex(bad!.message, /bad\.jsonl\.gz:line \d+: corrupt or truncated gzip stream/);
  t.false(bad!.message.includes("\n"));

  const notGzip = join(dir, "plain.jsonl.gz");
  await writeFile(notGzip, text);
  t.regex((await t.throwsAsync(firstDocs(notGzip, 100, META), { instanceOf: InputError }))!.message, /plain\.jsonl\.gz:line 1: corrupt or truncated gzip stream \(incorrect header check\)/);
});

withAllSides("CSV (.csv.gz) with metadata columns; a missing metadata column is fatal; a JSONL read with CSV flags says which flag to use", async (t) => {
  const dir = await tempDir(t, "gzcsv");
  const rows = (await allSidesLines(12)).map((l) => JSON.parse(l) as Record<string, string>);
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const csv = ["id,source,when,headline,link,body", ...rows.map((r) => [r.id, r.outlet, r.date, r.title, r.url, r.text].map((v) => q(v!)).join(","))].join("\n") + "\n";
  const file = join(dir, "a.csv.gz");
  await writeFile(file, gzipSync(Buffer.from(csv)));
  const opts: ReadOptions = { textColumn: "body", idColumn: "id", outletColumn: "source", dateColumn: "when", titleColumn: "headline", urlColumn: "link" };
  const docs = await firstDocs(file, 100, opts);
  t.is(docs.length, 12);
  docs.forEach((d, i) => t.like(d.source, { outlet: rows[i]!.outlet, url: rows[i]!.url }));
  const packed = gzipSync(Buffer.from(csv));
  const cut = join(dir, "cut.csv.gz");
  await writeFile(cut, packed.subarray(0, Math.floor(packed.length * 0.6)));
  const truncated = await t.throwsAsync(firstDocs(cut, 100, opts), { instanceOf: InputError });
  t.regex(truncated!.message, /cut\.csv\.gz:row (\d+): corrupt or truncated gzip stream \(unexpected end of file\)$/);
  const missing = await t.throwsAsync(firstDocs(file, 1, { ...opts, dateColumn: "date" }), { instanceOf: InputError });
  t.regex(missing!.message, /a\.csv\.gz: no column "date" \(columns: id, source, when, headline, link, body\)/);
  const jsonl = join(dir, "b.jsonl");
  await writeFile(jsonl, (await allSidesLines(2)).join("\n") + "\n");
  t.regex((await t.throwsAsync(firstDocs(jsonl, 1, { outletColumn: "outlet" }), { instanceOf: InputError }))!.message, /--outlet-column is for CSV input; use --outlet-field/);
});

withAllSides("dotted paths read nested JSONL fields; a field absent on a line is null", async (t) => {
  const dir = await tempDir(t, "nested");
  const rows = (await allSidesLines(3)).map((l) => JSON.parse(l) as Record<string, string>);
  const nested = rows.map((r, i) => JSON.stringify({ id: r.id, text: r.text, meta: i === 2 ? {} : { outlet: { name: r.outlet }, published: r.date } }));
  const file = join(dir, "n.jsonl");
  await writeFile(file, nested.join("\n") + "\n");
  const docs = await firstDocs(file, 10, { outletField: "meta.outlet.name", dateField: "meta.published" });
  t.is(docs[0]!.source!.outlet, rows[0]!.outlet!);
  t.is(docs[0]!.source!.published, rows[0]!.date!);
  t.like(docs[2]!.source, { outlet: null, published: null, date: "empty" });
});

withBbc("a folder with --outlet-from parent: each file's outlet is its folder's name; .txt.gz files are read like .txt", async (t) => {
  const all = await firstDocs(BBC, 3000, { outletFrom: "parent" });
  // README.TXT at the top: its parent is the folder named on the command line.
  t.is(all.find((d) => d.path === "README.TXT")!.source!.outlet, "bbc_news");
  const docs = all.filter((d) => d.path.includes("/"));
  t.is(docs.length, 2225);
  t.deepEqual([...new Set(docs.map((d) => d.source!.outlet))].sort(), ["business", "entertainment", "politics", "sport", "tech"]);
  const dir = await tempDir(t, "bbcgz");
  await mkdir(join(dir, "politics"));
  const src = docs.filter((d) => d.source!.outlet === "politics").slice(0, 3);
  for (const d of src) await writeFile(join(dir, "politics", d.path.split("/").pop()! + ".gz"), gzipSync(await readFile(join(BBC, d.path))));
  await writeFile(join(dir, "politics", "broken.txt.gz"), gzipSync(Buffer.from("x".repeat(5000))).subarray(0, 20));
  const items: (InputDocument | { location: string; reason: string })[] = [];
  for await (const item of readInputs([dir], { outletFrom: "parent" })) items.push(item);
  const read = items.filter((i): i is InputDocument => !isSkipped(i));
  t.deepEqual(read.map((d) => d.text), src.map((d) => d.text));
  t.true(read.every((d) => d.source!.outlet === "politics"));
  t.deepEqual(extractArticles(read[0]!).articles[0]!.doc_id, `politics/${src[0]!.path.split("/").pop()!.replace(/\.txt$/, "")}`);
  const skipped = items.filter(isSkipped);
  t.is(skipped.length, 1);
  t.regex(skipped[0]!.reason, /corrupt or truncated gzip stream/);
  const err = await t.throwsAsync(firstDocs(BBC, 1, { outletFrom: "grandparent" }), { instanceOf: InputError });
  t.is(err!.message, '--outlet-from: unknown value "grandparent" (use parent)');
});
