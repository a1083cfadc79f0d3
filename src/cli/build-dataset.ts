// claimstance build-dataset [flags] (npm run build-dataset -- [flags]): raw
// news articles → train/test claim-record JSONL.
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { NETWORK_PERIODS } from "../extract/dates.ts";
import { buildDataset, type BuildSummary } from "../dataset/build.ts";
import { runLocal } from "../dataset/sharded/local.ts";
import { STAGES, runTask, stageList, type ShardedOptions, type StageName } from "../dataset/sharded/stages.ts";
import { autoWorkers } from "../dataset/input-size.ts";
import { BOILERPLATE_MIN_DOCS } from "../extract/cleaning.ts";
import { CHROME_CATEGORIES, type ChromeCategory } from "../extract/chrome-lexicon.ts";
import { InputError } from "../errors.ts";
import { PIPE_NAMES, disabledComponents } from "../label/pipeline.ts";
import { wrapList } from "../flags.ts";
import { numberFlag, parseFlags, runCli } from "./main.ts";
import { inputTotalBytes, progressMode, progressReporter } from "./progress.ts";

export const HELP = `Usage: claimstance build-dataset [options]
       (in the checkout: npm run build-dataset -- [options])

Turns news articles into sentence-level claim records (train.jsonl, test.jsonl)
plus claim-record.schema.json, dataset-card.md, labeller-report.{json,md},
chrome.jsonl (the page chrome removed) and skipped.jsonl, all written
atomically to --out.

Input
  --input PATH        folder (recursive, .txt files in sorted path order), .txt,
                      .csv or .jsonl file, each also gzipped (.txt.gz,
                      .csv.gz, .jsonl.gz: read as a stream); repeatable
                      (default: seeds/)
  --text-column NAME  CSV column holding the article text (default: text)
  --id-column NAME    CSV column holding the document id (default:
                      <file name>:<row>; two inputs with the same file
                      name collide: give them an id column)
  --text-field NAME   JSONL field holding the article text (default: text)
  --id-field NAME     JSONL field holding the document id (default:
                      <file name>:<line>)
Metadata (into every record's source; none by default)
  --outlet-field, --date-field, --title-field, --url-field PATH
                      JSONL fields (a dotted path reads nested objects:
                      meta.outlet.name) holding the outlet, publication
                      date, title and URL
  --outlet-column, --date-column, --title-column, --url-column NAME
                      the same for CSV columns
  --outlet-from parent
                      folder of .txt: the outlet is the file's parent
                      folder name
                      Dates become YYYY-MM-DD (ISO 8601, RFC 2822, "May 4,
                      2020", "4 May 2020", "5/4/2020"); anything else, or a
                      year outside 1900-2039, is null and counted in the
                      card. A title the text does not begin with is put
                      first (title, blank line, text) as a headline record.
  --encoding NAME     utf-8 (default), windows-1252, latin1 (read as
                      windows-1252), or auto: per file, strict UTF-8 when
                      the bytes are valid UTF-8, else windows-1252
Cleaning
  --keep-chrome CATS  comma-separated chrome categories NOT to remove (e.g.
                      byline,boilerplate; model turns the segment model
                      off); chrome.jsonl lists what each category removed
  --boilerplate-min-docs N
                      a line repeated verbatim in at least N documents is
                      boilerplate (quotes, attributed lines and copied
                      stories excepted); 0 turns the rule off (default: ${BOILERPLATE_MIN_DOCS})
Labelling
  --lexicons DIR      lexicon CSV files (default: data/lexicons/; its
                      chrome.csv, when present, replaces the project's)
  --targets FILE      topics CSV (columns topic,patterns[,description];
                      patterns ";"-separated, the lexicon phrase syntax)
                      replacing the lexicon's topic list (targets.csv)
  --targets-add FILE  topics CSV added to the topic list; repeatable
  --default-topics auto|on|off
                      the lexicon's default topic list (the Ukraine war)
                      counts only in a corpus about it: auto (default) = when
                      at least 25% of the documents name it
  --suggest-topics N  also write topics.draft.csv: N topics suggested for
                      this corpus (as suggest-targets); edit it, then
                      rebuild with --targets OUT/topics.draft.csv (one-process
                      build only: an error with --shards/--work)
  --gold DIR          score a hand-annotated gold set in the labeller report
                      (default: only when the input is the seeds, with the
                      project's data/gold/; "none" to skip). Without it the
                      report gives the rule statistics over your records
  --disable NAMES     labeller components to switch off, comma-separated or
                      repeated (src/label/README.md); in order:
                      ${wrapList(PIPE_NAMES, 56, 22)}
Splits and output
  --seed N            seed of the split order (default: 13)
  --test-ratio R      share of records in test, 0..1 (default: 0.2)
  --out DIR           output folder (default: data/)
  --network-period day|week|month|year|none
                      the period column of network.csv (default: month;
                      records without a date: "undated"; none: "all")
Speed
  --workers N         worker processes for extract + label (default: auto =
                      cores - 1, up to 4, with 3+ cores and 8 MB of input,
                      else 0 = in-process); outputs are identical for every N
Sharded build (docs/scale.md; outputs byte-identical to the one-process build)
  --work DIR          work folder of the staged build (shared storage on a
                      cluster); with --shards and no --stage, runs the whole
                      chain here, tasks in parallel up to the cores; a rerun
                      skips the finished tasks (a killed run resumes)
  --shards N          shards of the input order (and partitions of the
                      global steps)
  --stages            print the chain as JSON ([{stage, tasks}]) and exit
  --stage S --task I  run one task of the chain (for a scheduler); I,J,… runs
                      several in turn in one process
  --parallel N        tasks at once in the local run (default: cores)
Progress (stderr only)
  --quiet             no progress: by default a line refreshed a few times a
                      second when stderr is a terminal, else one summary line
  --help              show this help
  --version           show the version

Same inputs and seed give byte-identical outputs. Bad input: one line on
stderr naming the file (and line, row or byte) and exit code 2.`;

const OPTIONS = {
  input: { type: "string", multiple: true },
  "text-column": { type: "string" },
  "id-column": { type: "string" },
  "text-field": { type: "string" },
  "id-field": { type: "string" },
  "outlet-field": { type: "string" },
  "date-field": { type: "string" },
  "title-field": { type: "string" },
  "url-field": { type: "string" },
  "outlet-column": { type: "string" },
  "date-column": { type: "string" },
  "title-column": { type: "string" },
  "url-column": { type: "string" },
  "outlet-from": { type: "string" },
  "network-period": { type: "string" },
  "default-topics": { type: "string" },
  "suggest-topics": { type: "string" },
  encoding: { type: "string" },
  lexicons: { type: "string" },
  targets: { type: "string" },
  "targets-add": { type: "string", multiple: true },
  gold: { type: "string" },
  disable: { type: "string", multiple: true },
  seed: { type: "string" },
  "test-ratio": { type: "string" },
  out: { type: "string" },
  workers: { type: "string" },
  "keep-chrome": { type: "string" },
  "boilerplate-min-docs": { type: "string" },
  work: { type: "string" },
  shards: { type: "string" },
  stages: { type: "boolean" },
  stage: { type: "string" },
  task: { type: "string" },
  parallel: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean" },
} as const;

export async function main(argv: string[]): Promise<void> {
  const f = parseFlags(argv, OPTIONS);
  if (f.help) {
    console.log(HELP);
    return;
  }
  const inputs = f.input?.length ? f.input : ["seeds/"];
  const seed = numberFlag("seed", f.seed, 13, (v) => Number.isSafeInteger(v) && v >= 0);
  const testRatio = numberFlag("test-ratio", f["test-ratio"], 0.2, (v) => v >= 0 && v <= 1);
  const lexicons = f.lexicons;
  // The project's gold set means something only for the corpus it was drawn from: scored by default on the seeds alone.
  const seedsInput = await isSeedsInput(inputs);
  const gold = f.gold === "none" ? null : (f.gold ?? (seedsInput ? undefined : null));
  const networkPeriod = choice("network-period", f["network-period"], NETWORK_PERIODS, "month");
  const defaultTopics = choice("default-topics", f["default-topics"], ["auto", "on", "off"] as const, "auto");
  const suggestTopics = f["suggest-topics"] === undefined ? 0 : numberFlag("suggest-topics", f["suggest-topics"], 0, (v) => Number.isSafeInteger(v) && v >= 1);
  // The card records the flags that shape the content (not --out), in a fixed order.
  const shown: string[] = [];
  for (const i of inputs) shown.push("--input", JSON.stringify(i));
  const keepChrome = chromeCategories(f["keep-chrome"]);
  const boilerplateMinDocs = numberFlag("boilerplate-min-docs", f["boilerplate-min-docs"], BOILERPLATE_MIN_DOCS, (v) => Number.isSafeInteger(v) && v >= 0);
  for (const k of [
    "text-column", "id-column", "text-field", "id-field", ...META_FLAGS, "encoding", "lexicons", "gold", "keep-chrome", "boilerplate-min-docs",
    "default-topics", "network-period",
  ] as const)
    if (f[k] !== undefined) shown.push(`--${k}`, JSON.stringify(f[k]));
  const disable = disabledComponents(f.disable);
  if (disable.length > 0) shown.push("--disable", JSON.stringify(disable.join(",")));
  if (f.targets !== undefined) shown.push("--targets", JSON.stringify(f.targets));
  for (const a of f["targets-add"] ?? []) shown.push("--targets-add", JSON.stringify(a));
  shown.push("--seed", String(seed), "--test-ratio", String(testRatio));
  const common = {
    inputs,
    out: f.out ?? "data/",
    seed,
    testRatio,
    lexicons,
    targets: f.targets,
    targetsAdd: f["targets-add"],
    gold,
    disable,
    read: {
      textColumn: f["text-column"],
      idColumn: f["id-column"],
      textField: f["text-field"],
      idField: f["id-field"],
      encoding: f.encoding,
      outletField: f["outlet-field"],
      dateField: f["date-field"],
      titleField: f["title-field"],
      urlField: f["url-field"],
      outletColumn: f["outlet-column"],
      dateColumn: f["date-column"],
      titleColumn: f["title-column"],
      urlColumn: f["url-column"],
      outletFrom: f["outlet-from"],
    },
    networkPeriod,
    defaultTopics,
    suggestTopics,
    command: `npm run build-dataset -- ${shown.join(" ")}`,
  };
  if (f.work !== undefined || f.shards !== undefined || f.stages || f.stage !== undefined) {
    if (suggestTopics > 0) throw new InputError("--suggest-topics works with the one-process build only (its topic miner does not merge across shards); drop --shards/--work or --suggest-topics");
    await sharded(f, { ...common, keepChrome, boilerplateMinDocs }, argv, seedsInput);
    return;
  }
  const workers =
    f.workers === undefined || f.workers === "auto"
      ? await autoWorkers(inputs)
      : numberFlag("workers", f.workers, 0, (v) => Number.isSafeInteger(v) && v >= 0 && v <= 64);
  const mode = progressMode(f.quiet ?? false);
  const progress = progressReporter("build-dataset", mode, mode === "quiet" ? 0 : await inputTotalBytes(inputs));
  const started = process.hrtime.bigint();
  const summary = await buildDataset({
    ...common,
    workers,
    cleaning: { keepChrome, boilerplateMinDocs },
    ...(mode === "quiet" ? {} : { onProgress: progress.update }),
  }).catch((e: unknown) => {
    progress.abort();
    throw e;
  });
  progress.done();
  printSummary(summary, f, seedsInput, Number(process.hrtime.bigint() - started) / 1e9);
}

type Flags = ReturnType<typeof parseFlags<typeof OPTIONS>>;

async function sharded(f: Flags, base: Omit<ShardedOptions, "work" | "shards">, argv: string[], seedsInput: boolean): Promise<void> {
  const shards = numberFlag("shards", f.shards, NaN, (v) => Number.isSafeInteger(v) && v >= 1 && v <= 10000);
  if (Number.isNaN(shards)) throw new InputError("--shards N is needed with --work, --stage or --stages");
  if (f.stages) {
    console.log(JSON.stringify(stageList(shards)));
    return;
  }
  if (f.work === undefined) throw new InputError("--work DIR is needed with --shards");
  const opts: ShardedOptions = { ...base, work: f.work, shards };
  const started = process.hrtime.bigint();
  if (f.stage !== undefined) {
    if (!(STAGES as readonly string[]).includes(f.stage)) throw new InputError(`--stage: unknown stage ${JSON.stringify(f.stage)} (known: ${STAGES.join(", ")})`);
    if (f.task === undefined) throw new InputError("--task I is needed with --stage");
    // I or I,J,…: several tasks of the stage in turn in this process (the local executor's lanes: one Node start per lane).
    const list = f.task.split(",").map((x) => numberFlag("task", x, NaN, (v) => Number.isSafeInteger(v) && v >= 0));
    const tasks = stageList(shards).find((s) => s.stage === f.stage)!.tasks;
    for (const task of list) if (task >= tasks) throw new InputError(`--task: stage ${f.stage} has tasks 0..${tasks - 1}`);
    for (const task of list) {
      const summary = await runTask(opts, f.stage as StageName, task);
      if (summary && f.stage === "finalize") printSummary(summary, f, seedsInput, Number(process.hrtime.bigint() - started) / 1e9);
    }
    return;
  }
  const parallel = numberFlag("parallel", f.parallel, availableParallelism(), (v) => Number.isSafeInteger(v) && v >= 0 && v <= 1024);
  const summary = await runLocal(opts, { parallel }).catch((e: unknown) => {
    if ((e as { exitCode?: number }).exitCode === 2) throw new InputError((e as Error).message);
    throw e;
  });
  printSummary(summary, f, seedsInput, Number(process.hrtime.bigint() - started) / 1e9);
}

function printSummary(summary: BuildSummary, f: Flags, seedsInput: boolean, seconds: number): void {
  const out = f.out ?? "data/";
  const r = summary.records;
  console.log(
    [
      `documents ${summary.documents}, articles ${summary.articles}, sentences ${summary.sentences}`,
      `chrome pieces dropped ${summary.chromeDropped}${chromeBreakdown(summary.chrome)} (see chrome.jsonl), in-article duplicates dropped ${summary.duplicateSentences}, clusters of repeated or near-duplicate sentences ${summary.nearDuplicateClusters}`,
      ...(summary.giant
        ? [
            `giant component: ${summary.giant.records} records (${(summary.giant.share * 100).toFixed(1)}%) in one group of linked articles, split by near-duplicate cluster instead of by article (${summary.giant.articlesOnBothSides} of its ${summary.giant.articles} articles have sentences on both sides; see dataset-card.md)`,
          ]
        : []),
      `records: train ${r.train}, test ${r.test}; skipped inputs ${summary.skipped}${summary.skipped ? " (see skipped.jsonl)" : ""}`,
      ...summary.skippedFirst.map((s) => `  skipped ${s.location}: ${s.reason}`),
      ...(summary.skipped > summary.skippedFirst.length ? [`  … and ${summary.skipped - summary.skippedFirst.length} more in skipped.jsonl`] : []),
      ...summary.labellerHeadline,
      summary.goldScored
        ? `labeller report: rule statistics and scores against the gold set ${f.gold === undefined ? "data/gold/ (the project's, drawn from the seeds)" : f.gold}`
        : `labeller report: rule statistics over these records (coverage, overlaps, conflicts), no gold scores${seedsInput ? "" : " (the project's gold set is drawn from its seeds; score your own with --gold DIR)"}`,
      `topics: ${summary.topicList.replace(/`/g, "")}`,
      ...(summary.suggestedTopics === null
        ? []
        : [`suggested topics: ${summary.suggestedTopics} in ${join(out, "topics.draft.csv")}; edit it, then rebuild with --targets ${join(out, "topics.draft.csv")}`]),
      `wrote ${out} in ${seconds.toFixed(2)} s`,
    ].join("\n"),
  );
}

const META_FLAGS = [
  "outlet-field", "date-field", "title-field", "url-field", "outlet-column", "date-column", "title-column", "url-column", "outlet-from",
] as const;

/** One of a flag's values, or an InputError naming them. */
function choice<T extends string>(name: string, raw: string | undefined, values: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new InputError(`--${name}: unknown value ${JSON.stringify(raw)} (use ${values.join(", ")})`);
  return raw as T;
}

/**
 * Is every input the project's seeds: its seeds/ folder or a file in it, or a
 * copy of them (same file names, same bytes; an installed package is given the
 * checkout's seeds/, say)?
 */
async function isSeedsInput(inputs: readonly string[]): Promise<boolean> {
  const seeds = await realpath(SEEDS_DIR).catch(() => null);
  if (seeds === null || inputs.length === 0) return false;
  const seedFiles = (await readdir(seeds)).filter((n) => n.endsWith(".txt")).sort();
  const sameBytes = async (file: string) => {
    const name = basename(file);
    if (!seedFiles.includes(name)) return false;
    const [a, b] = await Promise.all([readFile(file), readFile(join(seeds, name))]);
    return a.equals(b);
  };
  for (const i of inputs) {
    const real = await realpath(i).catch(() => null);
    if (real === null) return false;
    if (real === seeds || real.startsWith(seeds + sep)) continue;
    const info = await stat(real);
    if (info.isFile()) {
      if (!(await sameBytes(real))) return false;
      continue;
    }
    const names = (await readdir(real)).sort();
    if (names.length !== seedFiles.length || names.some((n, k) => n !== seedFiles[k])) return false;
    for (const n of names) if (!(await sameBytes(join(real, n)))) return false;
  }
  return true;
}

const SEEDS_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));

function chromeCategories(raw: string | undefined): ChromeCategory[] {
  if (raw === undefined) return [];
  const known = new Set<string>(CHROME_CATEGORIES);
  const out: ChromeCategory[] = [];
  for (const c of raw.split(",").map((x) => x.trim()).filter((x) => x !== "")) {
    if (!known.has(c)) throw new InputError(`--keep-chrome: unknown category ${JSON.stringify(c)} (known: ${CHROME_CATEGORIES.join(", ")})`);
    out.push(c as ChromeCategory);
  }
  return out;
}

function chromeBreakdown(chrome: Record<string, number>): string {
  const parts = Object.entries(chrome).map(([k, v]) => `${k} ${v}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("build-dataset", () => main(process.argv.slice(2)));
