// npm run build-dataset -- [flags]: raw news articles → train/test claim-record JSONL.
import { buildDataset } from "../dataset/build.ts";
import { autoWorkers } from "../dataset/input-size.ts";
import { numberFlag, parseFlags, runCli } from "./main.ts";

const HELP = `Usage: npm run build-dataset -- [options]

Turns news articles into sentence-level claim records (train.jsonl, test.jsonl)
plus claim-record.schema.json, dataset-card.md, labeller-report.{json,md} and
skipped.jsonl, all written atomically to --out.

Input
  --input PATH        folder (recursive, .txt files in sorted path order), .txt,
                      .csv or .jsonl file; repeatable (default: seeds/)
  --text-column NAME  CSV column holding the article text (default: text)
  --id-column NAME    CSV column holding the document id (default:
                      <file name>:<row>; two inputs with the same file
                      name collide: give them an id column)
  --text-field NAME   JSONL field holding the article text (default: text)
  --id-field NAME     JSONL field holding the document id (default:
                      <file name>:<line>)
  --encoding NAME     utf-8 (default), windows-1252, latin1 (read as
                      windows-1252), or auto: per file, strict UTF-8 when
                      the bytes are valid UTF-8, else windows-1252
Labelling
  --lexicons DIR      lexicon CSV files (default: data/lexicons/)
  --targets FILE      topics CSV (columns topic,patterns[,description];
                      patterns ";"-separated, the lexicon phrase syntax)
                      replacing the lexicon's topic list (targets.csv)
  --targets-add FILE  topics CSV added to the topic list; repeatable
  --gold DIR          hand-annotated gold set for the labeller report
                      (default: data/gold/; "none" to skip)
Splits and output
  --seed N            seed of the split order (default: 13)
  --test-ratio R      share of records in test, 0..1 (default: 0.2)
  --out DIR           output folder (default: data/)
Speed
  --workers N         worker processes for extract + label (default: auto =
                      cores - 1, up to 4, with 3+ cores and 8 MB of input,
                      else 0 = in-process); outputs are identical for every N
  --help              show this help

Same inputs and seed give byte-identical outputs. Bad input: one line on
stderr naming the file (and line, row or byte) and exit code 2.`;

const OPTIONS = {
  input: { type: "string", multiple: true },
  "text-column": { type: "string" },
  "id-column": { type: "string" },
  "text-field": { type: "string" },
  "id-field": { type: "string" },
  encoding: { type: "string" },
  lexicons: { type: "string" },
  targets: { type: "string" },
  "targets-add": { type: "string", multiple: true },
  gold: { type: "string" },
  seed: { type: "string" },
  "test-ratio": { type: "string" },
  out: { type: "string" },
  workers: { type: "string" },
  help: { type: "boolean" },
} as const;

await runCli("build-dataset", async () => {
  const f = parseFlags(process.argv.slice(2), OPTIONS);
  if (f.help) {
    console.log(HELP);
    return;
  }
  const inputs = f.input?.length ? f.input : ["seeds/"];
  const seed = numberFlag("seed", f.seed, 13, (v) => Number.isSafeInteger(v) && v >= 0);
  const testRatio = numberFlag("test-ratio", f["test-ratio"], 0.2, (v) => v >= 0 && v <= 1);
  const lexicons = f.lexicons;
  const gold = f.gold === "none" ? null : f.gold;
  // The card records the flags that shape the content (not --out), in a fixed order.
  const shown: string[] = [];
  for (const i of inputs) shown.push("--input", JSON.stringify(i));
  for (const k of ["text-column", "id-column", "text-field", "id-field", "encoding", "lexicons", "gold"] as const)
    if (f[k] !== undefined) shown.push(`--${k}`, JSON.stringify(f[k]));
  if (f.targets !== undefined) shown.push("--targets", JSON.stringify(f.targets));
  for (const a of f["targets-add"] ?? []) shown.push("--targets-add", JSON.stringify(a));
  shown.push("--seed", String(seed), "--test-ratio", String(testRatio));
  const workers =
    f.workers === undefined || f.workers === "auto"
      ? await autoWorkers(inputs)
      : numberFlag("workers", f.workers, 0, (v) => Number.isSafeInteger(v) && v >= 0 && v <= 64);
  const started = process.hrtime.bigint();
  const summary = await buildDataset({
    inputs,
    out: f.out ?? "data/",
    seed,
    testRatio,
    lexicons,
    targets: f.targets,
    targetsAdd: f["targets-add"],
    gold,
    read: {
      textColumn: f["text-column"],
      idColumn: f["id-column"],
      textField: f["text-field"],
      idField: f["id-field"],
      encoding: f.encoding,
    },
    command: `npm run build-dataset -- ${shown.join(" ")}`,
    workers,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const r = summary.records;
  console.log(
    [
      `documents ${summary.documents}, articles ${summary.articles}, sentences ${summary.sentences}`,
      `chrome pieces dropped ${summary.chromeDropped}, in-article duplicates dropped ${summary.duplicateSentences}, clusters of repeated or near-duplicate sentences ${summary.nearDuplicateClusters}`,
      `records: train ${r.train}, test ${r.test}; skipped inputs ${summary.skipped}${summary.skipped ? " (see skipped.jsonl)" : ""}`,
      ...summary.skippedFirst.map((s) => `  skipped ${s.location}: ${s.reason}`),
      ...(summary.skipped > summary.skippedFirst.length ? [`  … and ${summary.skipped - summary.skippedFirst.length} more in skipped.jsonl`] : []),
      ...summary.labellerHeadline,
      `wrote ${f.out ?? "data/"} in ${seconds.toFixed(2)} s`,
    ].join("\n"),
  );
});
