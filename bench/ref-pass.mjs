// The two reference passes of `npm run bench`, each a child process over the
// same files as a build: read the documents (CSV rows, .txt files of a folder,
// JSONL lines), split them into paragraphs (blank lines), then either split
// every paragraph on [.!?] with a regex, or run wink-tokenizer over it —
// nothing else. Prints {"documents","paragraphs","units","workSeconds","maxRssKb"}.
// Plain JavaScript, so it runs with plain node like the compiled CLI it is
// compared with (no loader start-up on either side).
//   node bench/ref-pass.mjs regex|wink [--text-column NAME] INPUT...
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import winkTokenizer from "wink-tokenizer";

const tokenizer = winkTokenizer();

const [mode, ...rest] = process.argv.slice(2);
let textColumn = "text";
const inputs = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--text-column") textColumn = rest[++i];
  else inputs.push(rest[i]);
}
if (mode !== "regex" && mode !== "wink") {
  console.error("usage: node bench/ref-pass.mjs regex|wink [--text-column NAME] INPUT...");
  process.exit(2);
}

/** The text of every document of `input`. */
async function* documents(input) {
  if (input.endsWith(".csv")) {
    const rows = Papa.parse(await readFile(input, "utf8"), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) yield r[textColumn] ?? "";
  } else if (input.endsWith(".jsonl")) {
    const text = await readFile(input, "utf8");
    for (const line of text.split("\n")) if (line) yield JSON.parse(line).text ?? "";
  } else {
    for (const e of (await readdir(input, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(input, e.name);
      if (e.isDirectory()) yield* documents(p);
      else if (e.name.endsWith(".txt")) yield await readFile(p, "utf8");
    }
  }
}

const started = process.hrtime.bigint();
let docs = 0;
let paragraphs = 0;
let units = 0;
const sentenceEnd = /[.!?]/;
for (const input of inputs) {
  for await (const doc of documents(input)) {
    docs++;
    for (const p of doc.split(/\n\s*\n/)) {
      if (!p.trim()) continue;
      paragraphs++;
      units += mode === "regex" ? p.split(sentenceEnd).length : tokenizer.tokenize(p).length;
    }
  }
}
const workSeconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ documents: docs, paragraphs, units, workSeconds, maxRssKb: process.resourceUsage().maxRSS }));
