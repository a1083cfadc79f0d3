// `claimstance annotate SUBCOMMAND`: check the labels on your own corpus —
// draw a sample of a built dataset, export it with the labels pre-filled
// (Label Studio, brat, gold JSONL), import the corrected files, measure the
// annotators' agreement and the labeller against them.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../errors.ts";
import { ensureDir, writeAtomic } from "../eval/io.ts";
import { parsePredictionFlag } from "../eval/predictions.ts";
import { agreementMarkdown, measureAgreement } from "../annotate/agreement.ts";
import { bratFiles } from "../annotate/export/brat.ts";
import { labelStudioConfig, labelStudioTasks } from "../annotate/export/labelstudio.ts";
import { goldFiles, readGoldDir } from "../annotate/gold.ts";
import { importBrat, importLabelStudio, parseNamed, type Annotations } from "../annotate/import.ts";
import { labelsOfRecord, readSample } from "../annotate/item.ts";
import { buildReport } from "../annotate/report.ts";
import { conflictRatesOf, datasetFiles, drawSample, readRecords, sampleJsonl } from "../annotate/sample.ts";
import { numberFlag, parseFlags, runCli } from "./main.ts";

export const HELP = `Usage: claimstance annotate SUBCOMMAND [options]
       (in the checkout: npm run annotate -- SUBCOMMAND [options])

Check the labels on your own corpus: a sample for annotation, a round trip
through Label Studio or brat with the labels pre-filled, agreement and a
quality report.

  sample     --dataset DIR [--n 200] [--seed 13] [--context 2] [--informative] [--out sample.jsonl]
             draws --n records of DIR/train.jsonl + DIR/test.jsonl, stratified by
             attributed (named/unnamed/none), stance and hedge type, never two of
             one near-duplicate cluster, with --context sentences before and after;
             --informative puts first within each class the records where two
             rules of one field fired, the attribution tagger decided, a rule rare
             in the dataset or one that often conflicts (DIR/labeller-report.json)
             fired
  export     --sample FILE [--out annotation/]
             labelstudio/config.xml + labelstudio/tasks.json (labels as predictions),
             brat/ (annotation.conf, NNNN.txt, NNNN.ann), jsonl/labeller.jsonl
             (gold format; spans in jsonl/spans/labeller.jsonl)
  import     --sample FILE [--labelstudio EXPORT.json]... [--brat [NAME=]DIR]... [--out gold/]
             one gold file per annotator (<name>.jsonl, spans in spans/<name>.jsonl);
             Label Studio annotators are named by completed_by, brat ones by NAME
             or the folder's name
  agreement  --sample FILE --gold DIR [--seed 13] [--resamples 1000] [--out FILE.md]
             Cohen's kappa, Krippendorff's alpha (nominal) and span token F1 per
             field, each with a bootstrap 95% CI over items
  report     --sample FILE --gold DIR [--predictions NAME=FILE]... [--seed 13]
             [--resamples 1000] [--out annotate-report/]
             the labeller (and each --predictions file, eval's format) against
             every annotator: per-field accuracy/F1 with CIs, per-rule accuracy,
             errors by rule, agreement; report.md, report.html, report.json

Bad input (a span whose text does not match, an unknown label, a task not in
the sample) stops with one line naming the file and the task id or line.
`;

const text = { type: "string" } as const;
const many = { type: "string", multiple: true } as const;

async function sample(argv: string[]): Promise<void> {
  const f = parseFlags(argv, { dataset: text, n: text, seed: text, context: text, informative: { type: "boolean" }, out: text });
  const dataset = f.dataset ?? "data";
  const opts = {
    n: numberFlag("n", f.n, 200, (v) => Number.isInteger(v) && v > 0),
    seed: numberFlag("seed", f.seed, 13, Number.isInteger),
    context: numberFlag("context", f.context, 2, (v) => Number.isInteger(v) && v >= 0),
    informative: f.informative ?? false,
  };
  const report = join(dataset, "labeller-report.json");
  const conflictRates = existsSync(report) ? conflictRatesOf(JSON.parse(await readFile(report, "utf8"))) : new Map<string, number>();
  const items = drawSample(await readRecords(datasetFiles(dataset)), { ...opts, conflictRates });
  const out = f.out ?? "sample.jsonl";
  await ensureDir(dirname(out));
  await writeAtomic([[out, sampleJsonl(items)]]);
  const strata = new Map<string, number>();
  for (const it of items) strata.set(it.stratum, (strata.get(it.stratum) ?? 0) + 1);
  process.stdout.write(`wrote ${out}: ${items.length} items (${[...strata].sort().map(([k, v]) => `${k} ${v}`).join(", ")})\n`);
}

async function exportAll(argv: string[]): Promise<void> {
  const f = parseFlags(argv, { sample: text, out: text });
  if (!f.sample) throw new InputError("--sample FILE is required");
  const items = await readSample(f.sample);
  const out = f.out ?? "annotation";
  const labelsOf = (it: (typeof items)[number]) => labelsOfRecord(it.record);
  for (const d of ["labelstudio", "brat", "jsonl", join("jsonl", "spans")]) await ensureDir(join(out, d));
  const labels = new Map(items.map((it) => [it.id, labelsOf(it)]));
  const [gold, spans] = goldFiles("labeller", items, labels, true);
  await writeAtomic([
    [join(out, "labelstudio", "config.xml"), labelStudioConfig()],
    [join(out, "labelstudio", "tasks.json"), JSON.stringify(labelStudioTasks(items, labelsOf), null, 1) + "\n"],
    ...bratFiles(items, labelsOf).map(([name, body]) => [join(out, "brat", name), body] as const),
    [join(out, "jsonl", "labeller.jsonl"), gold],
    [join(out, "jsonl", "spans", "labeller.jsonl"), spans],
  ]);
  process.stdout.write(`wrote ${out}/labelstudio (config.xml, tasks.json), ${out}/brat (${items.length} documents), ${out}/jsonl/labeller.jsonl\n`);
}

async function importAll(argv: string[]): Promise<void> {
  const f = parseFlags(argv, { sample: text, labelstudio: many, brat: many, out: text });
  if (!f.sample) throw new InputError("--sample FILE is required");
  if (!f.labelstudio?.length && !f.brat?.length) throw new InputError("nothing to import: give --labelstudio FILE or --brat DIR");
  const items = await readSample(f.sample);
  const got: Annotations = new Map();
  for (const file of f.labelstudio ?? []) await importLabelStudio(file, items, got);
  for (const b of f.brat ?? []) {
    const { name, path } = parseNamed(b);
    await importBrat(path, name, items, got);
  }
  const out = f.out ?? "gold";
  await ensureDir(join(out, "spans"));
  const files: [string, string][] = [];
  for (const [annotator, labels] of [...got].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [gold, spans] = goldFiles(annotator, items, labels);
    files.push([join(out, `${annotator}.jsonl`), gold], [join(out, "spans", `${annotator}.jsonl`), spans]);
  }
  await writeAtomic(files);
  process.stdout.write([...got].map(([a, l]) => `${a}: ${l.size} items → ${join(out, `${a}.jsonl`)}\n`).sort().join(""));
}

async function agreement(argv: string[]): Promise<void> {
  const f = parseFlags(argv, { sample: text, gold: text, seed: text, resamples: text, out: text });
  if (!f.sample || !f.gold) throw new InputError("--sample FILE and --gold DIR are required");
  const items = await readSample(f.sample);
  const gold = await readGoldDir(f.gold, items);
  const a = measureAgreement(items, gold, { seed: numberFlag("seed", f.seed, 13, Number.isInteger), resamples: numberFlag("resamples", f.resamples, 1000, (v) => Number.isInteger(v) && v > 0) });
  const md = agreementMarkdown(a);
  if (f.out) {
    await ensureDir(dirname(f.out));
    await writeAtomic([[f.out, md]]);
    process.stdout.write(`wrote ${f.out}\n`);
  } else process.stdout.write(md);
}

async function report(argv: string[]): Promise<void> {
  const f = parseFlags(argv, { sample: text, gold: text, predictions: many, seed: text, resamples: text, out: text });
  if (!f.sample || !f.gold) throw new InputError("--sample FILE and --gold DIR are required");
  const items = await readSample(f.sample);
  const gold = await readGoldDir(f.gold, items);
  const out = f.out ?? "annotate-report";
  const r = await buildReport(items, gold, {
    predictions: (f.predictions ?? []).map(parsePredictionFlag),
    seed: numberFlag("seed", f.seed, 13, Number.isInteger),
    resamples: numberFlag("resamples", f.resamples, 1000, (v) => Number.isInteger(v) && v > 0),
    command: ["claimstance annotate report", ...argv].join(" "),
  });
  await ensureDir(out);
  await writeAtomic([
    [join(out, "report.md"), r.markdown],
    [join(out, "report.html"), r.html],
    [join(out, "report.json"), JSON.stringify(r.json, null, 2) + "\n"],
  ]);
  process.stdout.write(`wrote ${out}/report.md, report.html, report.json\n`);
}

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<void>> = { sample, export: exportAll, import: importAll, agreement, report };

export async function main(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === "--help" || sub === "-h" || rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(HELP);
    return;
  }
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new InputError(`unknown subcommand ${JSON.stringify(sub)} (${Object.keys(SUBCOMMANDS).join(", ")}; see --help)`);
  await run(rest);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("annotate", () => main(process.argv.slice(2)));
