// `npm run train-attribution`: trains the attribution tagger on PolNeAR train
// and writes its weights as data (data/models/attribution-tagger.json). Same
// corpus, lexicons and --seed give byte-identical weights.
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_MODEL_PATH } from "../label/tagger/model.ts";
import { loadLexicons } from "../label/lexicon/lexicons.ts";
import { readBratFolder, trainingArticle } from "../eval/benchmarks/brat.ts";
import { ensureDir, writeAtomic } from "../eval/io.ts";
import { articleExamples, cueInventory, trainTagger } from "../label/tagger/train.ts";
import { DEFAULT_CUES_PATH, loadCueRates } from "../label/tagger/model.ts";
import type { ModelFile } from "../label/tagger/model.ts";
import { numberFlag, parseFlags, runCli } from "./main.ts";

export const HELP = `Usage: npm run train-attribution -- [options]

Trains the attribution tagger (averaged perceptron, tags O/source/cue/content
per token) on a PolNeAR split and writes its weights.

Options:
  --dir DIR       PolNeAR split with text/ and attributions/ (default: ../shared/corpora/polnear/train)
  --out FILE      model file (default: data/models/attribution-tagger.json)
  --cues FILE     mined cue inventory (default: data/lexicons/cues.csv)
  --seed N        seed of the held-out choice and epoch shuffles (default: 13)
  --epochs N      most epochs; the best on the held-out articles is kept (default: 12)
  --bits N        log2 of the feature hash buckets (default: 17: the table stays in cache)
  --limit N       train on the first N articles only (tests)
  -h, --help      show this help
`;

/** The model file as JSON: one bucket (index and its four weights) per line, so diffs stay readable. */
export function renderModel(m: ModelFile): string {
  const rows: string[] = [];
  for (let k = 0; k < m.weights.length; k += 5) rows.push(m.weights.slice(k, k + 5).join(","));
  const head = JSON.stringify({ format: m.format, buckets: m.buckets, tags: m.tags, scale: m.scale, trained: m.trained }, null, 1);
  return `${head.slice(0, -2)},\n "weights": [\n${rows.join(",\n")}\n]}\n`;
}

export async function main(argv: string[]): Promise<void> {
  if (argv.includes("-h") || argv.includes("--help")) {
    process.stdout.write(HELP);
    return;
  }
  const f = parseFlags(argv, { dir: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, epochs: { type: "string" }, bits: { type: "string" }, limit: { type: "string" }, cues: { type: "string" } });
  const dir = f.dir ?? "../shared/corpora/polnear/train";
  const out = f.out ?? DEFAULT_MODEL_PATH;
  const seed = numberFlag("seed", f.seed, 13, (v) => Number.isInteger(v) && v >= 0);
  const maxEpochs = numberFlag("epochs", f.epochs, 12, (v) => Number.isInteger(v) && v >= 1 && v <= 50);
  const bits = numberFlag("bits", f.bits, 17, (v) => Number.isInteger(v) && v >= 10 && v <= 24);
  const limit = numberFlag("limit", f.limit, Infinity, (v) => Number.isInteger(v) && v >= 2);
  const lex = await loadLexicons();
  const articles = (await readBratFolder(dir)).slice(0, limit);
  const examples = articles.map((a) => ({ examples: articleExamples(trainingArticle(a), lex.vocab) }));
  const cues = f.cues ?? DEFAULT_CUES_PATH;
  const inventory = cueInventory(examples.flatMap((a) => a.examples));
  await ensureDir(dirname(cues));
  await writeAtomic([[cues, inventory]]);
  const r = trainTagger(examples, { seed, maxEpochs, bits, holdout: 0.1 }, { corpus: "PolNeAR", split: dir.replace(/\/+$/, "").split("/").pop(), articles: articles.length }, lex, loadCueRates(cues));
  await ensureDir(dirname(out));
  await writeAtomic([[out, renderModel(r.file)]]);
  process.stdout.write(`trained on ${articles.length} articles; held-out tag F1 by epoch ${r.holdoutF1.join(" ")}; kept epoch ${r.bestEpoch}; ${r.file.weights.length / 5} buckets → ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("train-attribution", () => main(process.argv.slice(2)));
