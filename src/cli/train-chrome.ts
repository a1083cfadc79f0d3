// `npm run train-chrome`: trains the segment model of the clean step
// (src/extract/cleaning/model.ts) on AllSides sentences (src/eval/chrome-train.ts:
// weak labels from the rules, hand labels where data/gold/chrome/chrome-allsides-train.jsonl
// marks an article or data/gold/chrome/chrome-lines-hand.jsonl labels a line)
// and FNC-1's hand-labelled lines, chooses L2 and threshold by cross-validation
// by outlet, and writes its weights as data (data/models/chrome-classifier.json).
// Same corpora and flags give byte-identical weights.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_CHROME_MODEL, type ChromeModelFile } from "../extract/cleaning/model.ts";
import { prepareCleaningFor } from "../eval/benchmarks/cleaning-allsides.ts";
import { ALLSIDES_FILE, readAllSides, readChromeGold, type OutletDocument } from "../eval/allsides.ts";
import { documentExamples, fitChromeModel, heldOutOutlet, MIN_PRECISION, scoreAt, type Example } from "../eval/chrome-train.ts";
import { prepareCleaning } from "../dataset/boilerplate.ts";
import { readInputs } from "../extract/index.ts";
import { readFileSync } from "node:fs";
import { ensureDir, writeAtomic } from "../eval/io.ts";
import { InputError } from "../errors.ts";
import { existsSync } from "node:fs";
import { numberFlag, parseFlags, runCli } from "./main.ts";

export const DEFAULT_TRAIN_GOLD = fileURLToPath(new URL("../../data/gold/chrome/chrome-allsides-train.jsonl", import.meta.url));
export const DEFAULT_EVAL_GOLD = fileURLToPath(new URL("../../data/gold/chrome/chrome-allsides-eval.jsonl", import.meta.url));
export const DEFAULT_HAND_LINES = fileURLToPath(new URL("../../data/gold/chrome/chrome-lines-hand.jsonl", import.meta.url));

/** FNC-1 body files (the hand-labelled FNC-1 lines are read from them). */
const FNC1_INPUTS = ["fnc1/train_bodies.csv", "fnc1/competition_test_bodies.csv"];
const FNC1_READ = { textColumn: "articleBody", idColumn: "Body ID" };

interface HandLine {
  corpus: "allsides" | "fnc1";
  id: string;
  text: string;
  label: "chrome" | "text";
}

/** The hand-labelled lines, by corpus and document id: sentence text → label (1 chrome). */
function readHandLines(file: string): Map<string, Map<string, 0 | 1>> {
  const out = new Map<string, Map<string, 0 | 1>>();
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let l: HandLine;
    try {
      l = JSON.parse(line) as HandLine;
    } catch {
      throw new InputError(`${file}:${i + 1}: not JSON`);
    }
    if ((l.corpus !== "allsides" && l.corpus !== "fnc1") || typeof l.text !== "string" || (l.label !== "chrome" && l.label !== "text"))
      throw new InputError(`${file}:${i + 1}: needs corpus allsides|fnc1, id, text and label chrome|text`);
    const key = `${l.corpus}:${l.id}`;
    if (!out.has(key)) out.set(key, new Map());
    out.get(key)!.set(l.text, l.label === "chrome" ? 1 : 0);
  });
  return out;
}

/** L2 strengths tried when --l2 is not given. */
const L2_GRID = [1, 3, 10, 30];

export const HELP = `Usage: npm run train-chrome -- [options]

Trains the segment model of the clean step (logistic regression over
sentence features: length, function-word share, capitalisation, final
punctuation, a verb, link/handle/photo-agency tokens, position, likeness to
the title, neighbours, repetition, hashed words) on AllSides sentences labelled
by the rules (weak labels) and by hand (the train gold file, the hand-labelled
lines of data/gold/chrome/chrome-lines-hand.jsonl, FNC-1's among them), with the
threshold chosen by cross-validation by outlet, and writes its weights. The eval
gold file's articles, outlets and web sites are never used. Reads
${ALLSIDES_FILE} and ${FNC1_INPUTS.join(", ")} under --corpora.

Options:
  --corpora DIR     corpora folder holding ${ALLSIDES_FILE} (default: ../shared/corpora)
  --per-outlet N    articles per outlet, first in file order (default: 12)
  --l2 X            L2 strength (default: chosen among ${L2_GRID.join(", ")} by
                    cross-validation by outlet on the training outlets)
  --out FILE        model file (default: data/models/chrome-classifier.json)
  -h, --help        show this help
`;

/** Weight of a hand-labelled sentence against a weakly labelled one (copies in the training set). */
const HAND_WEIGHT = 10;


export function renderChromeModel(m: ChromeModelFile): string {
  const rows: string[] = [];
  for (let k = 0; k < m.weights.length; k += 8) rows.push(m.weights.slice(k, k + 8).join(","));
  const head = JSON.stringify({ format: m.format, features: m.features, buckets: m.buckets, threshold: m.threshold, intercept: m.intercept, trained: m.trained }, null, 1);
  return `${head.slice(0, -2)},\n "weights": [\n${rows.join(",\n")}\n]}\n`;
}

/** The training and held-out examples: AllSides sentences (weak labels, the train gold file's marks, hand-labelled lines) and FNC-1's hand-labelled lines. */
export async function trainingExamples(corpora: string, file: string, perOutlet: number): Promise<{
  train: Example[]; heldOut: Example[]; trained: Record<string, unknown>; outletCount: { heldOut: number };
}> {
  // Only which outlets and sites the eval file holds is read from it, to keep them out of training.
  const evalGold = readChromeGold(DEFAULT_EVAL_GOLD);
  const evalIds = new Set(evalGold.map((g) => g.id));
  const evalOutlets = new Set(evalGold.map((g) => g.outlet));
  const evalSites = new Set<string>();
  for await (const doc of readAllSides(file)) if (evalIds.has(doc.docId!)) evalSites.add(doc.site);
  const hand = new Map(readChromeGold(DEFAULT_TRAIN_GOLD).filter((g) => !evalIds.has(g.id) && !evalOutlets.has(g.outlet)).map((g) => [g.id, g]));
  const taken = new Map<string, number>();
  const docs: OutletDocument[] = [];
  for await (const doc of readAllSides(file)) {
    if (evalIds.has(doc.docId!) || evalOutlets.has(doc.outlet) || evalSites.has(doc.site)) continue;
    const n = taken.get(doc.outlet) ?? 0;
    if (n >= perOutlet && !hand.has(doc.docId!)) continue;
    taken.set(doc.outlet, n + 1);
    docs.push(doc);
  }
  // The weak labels come from the rules as a build runs them: templates counted over the same documents.
  const spec = await prepareCleaningFor(docs);
  const handLines = readHandLines(DEFAULT_HAND_LINES);
  const train: Example[] = [];
  const heldOut: Example[] = [];
  const put = (outlet: string, ex: Example[]) => (heldOutOutlet(outlet) ? heldOut : train).push(...ex);
  for (const doc of docs) put(doc.outlet, documentExamples(doc, spec, hand.get(doc.docId!) ?? null, handLines.get(`allsides:${doc.docId}`) ?? null));
  // FNC-1: only its hand-labelled sentences, each body its own group (FNC-1 names no outlet).
  const fnc1 = FNC1_INPUTS.map((p) => join(corpora, p));
  if (!fnc1.every((p) => existsSync(p))) throw new InputError(`${fnc1.join(", ")}: not found (--corpora DIR): the hand-labelled FNC-1 lines are read from them`);
  const fnc1Spec = await prepareCleaning(fnc1, FNC1_READ);
  const fnc1Seen = new Set<string>();
  for await (const d of readInputs(fnc1, FNC1_READ)) {
    if ("reason" in d) continue;
    const lines = handLines.get(`fnc1:${d.docId}`);
    // Body ids repeat across the two files: a body's lines are taken once.
    if (!lines || fnc1Seen.has(d.docId!)) continue;
    fnc1Seen.add(d.docId!);
    const outlet = `fnc1#${d.docId}`;
    // All FNC-1 lines train (the held-out report is about AllSides outlets); the folds still group them by body.
    train.push(...documentExamples({ ...d, outlet, site: "fnc1" }, fnc1Spec, null, lines, true));
  }
  const outlets = (pred: (o: string) => boolean) => [...taken.keys()].filter(pred).length;
  const outletCount = { heldOut: outlets(heldOutOutlet) };
  const trained = {
    corpus: "AllSides + FNC-1 hand-labelled lines", articles: docs.length, per_outlet: perOutlet, hand_labelled_articles: hand.size,
    hand_labelled_lines: [...handLines.values()].reduce((n, m) => n + m.size, 0),
    train_outlets: outlets((o) => !heldOutOutlet(o)), sentences: train.length, hand_sentences: train.filter((e) => e.hand).length,
  };
  return { train, heldOut, trained, outletCount };
}

export async function main(argv: string[]): Promise<void> {
  if (argv.includes("-h") || argv.includes("--help")) {
    process.stdout.write(HELP);
    return;
  }
  const f = parseFlags(argv, { corpora: { type: "string" }, "per-outlet": { type: "string" }, l2: { type: "string" }, out: { type: "string" } });
  const file = join(f.corpora ?? "../shared/corpora", ALLSIDES_FILE);
  if (!existsSync(file)) throw new InputError(`${file}: not found (--corpora DIR)`);
  const perOutlet = numberFlag("per-outlet", f["per-outlet"], 12, (v) => Number.isInteger(v) && v >= 1);
  const l2 = f.l2 === undefined ? null : numberFlag("l2", f.l2, 1, (v) => v > 0);
  const out = f.out ?? DEFAULT_CHROME_MODEL;
  const { train, heldOut, trained, outletCount } = await trainingExamples(f.corpora ?? "../shared/corpora", file, perOutlet);
  // L2 strength: the --l2 given, or the grid value with the best cross-validated recall at the precision floor
  // (cross-validation by outlet on the training outlets; the held-out outlets are not looked at).
  const grid: Record<string, unknown>[] = [];
  let r: ReturnType<typeof fitChromeModel> | null = null;
  for (const x of l2 === null ? L2_GRID : [l2]) {
    const c = fitChromeModel(train, x, HAND_WEIGHT, trained);
    grid.push({ l2: x, threshold: c.file.threshold, ...c.crossValidation });
    const ok = (v: typeof c) => v.crossValidation.precision >= MIN_PRECISION;
    if (r === null || (ok(c) && (!ok(r) || c.crossValidation.recall > r.crossValidation.recall))) r = c;
  }
  if (grid.length > 1) r!.file.trained.l2_grid = grid;
  const model = { intercept: r!.file.intercept, weights: Float64Array.from(r!.file.weights) };
  r!.file.trained.held_out = {
    outlets: outletCount.heldOut,
    hand: scoreAt(model, heldOut.filter((e) => e.hand), r!.file.threshold),
    weak: scoreAt(model, heldOut.filter((e) => !e.hand), r!.file.threshold),
  };
  await ensureDir(dirname(out));
  await writeAtomic([[out, renderChromeModel(r!.file)]]);
  process.stdout.write(`trained on ${train.length} sentences of ${trained.articles} articles; threshold ${r!.file.threshold} (cross-validation by outlet, hand-labelled: ${JSON.stringify(r!.crossValidation)}); held-out outlets ${JSON.stringify(r!.file.trained.held_out)} → ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("train-chrome", () => main(process.argv.slice(2)));
