// npm run suggest-targets -- --input CORPUS [--top N]: a draft topics CSV
// (for build-dataset --targets) from the phrases and entities that stance
// predicates govern most often in the corpus.
import { extractArticles, isSkipped, readInputs } from "../extract/index.ts";
import { writeAtomic } from "../eval/io.ts";
import { InputError } from "../errors.ts";
import { labelArticle } from "../label/pipeline.ts";
import { loadLexicons } from "../label/lexicon/lexicons.ts";
import { TargetMiner, topicsCsv } from "../label/analysis/suggest.ts";
import { pathToFileURL } from "node:url";
import { numberFlag, parseFlags, runCli } from "./main.ts";

export const HELP = `Usage: claimstance suggest-targets --input PATH [options]
       (in the checkout: npm run suggest-targets -- --input PATH [options])

Labels the corpus, counts the target phrases that stance predicates govern
(support or oppose), merges variants (one entity: "Mrs. Clinton", "Hillary
Clinton"; else one head noun: "mass deportation", "deportations") and writes
a draft topics CSV: topic,patterns,description,count,support,oppose,example_1,
example_2. Edit it, then: npm run build-dataset -- --input PATH --targets FILE

  --input PATH        folder, .txt, .csv or .jsonl file; repeatable (required)
  --text-column NAME  CSV column holding the article text (default: text)
  --text-field NAME   JSONL field holding the article text (default: text)
  --encoding NAME     utf-8 (default), windows-1252, latin1, or auto
  --lexicons DIR      lexicon CSV files (default: data/lexicons/)
  --top N             topics to keep, most frequent first (default: 30)
  --min-count N       fewest positions a topic needs (default: 2)
  --out FILE          the draft (default: topics.draft.csv), written atomically
  --help              show this help

Same input gives a byte-identical draft.`;

const OPTIONS = {
  input: { type: "string", multiple: true },
  "text-column": { type: "string" },
  "text-field": { type: "string" },
  encoding: { type: "string" },
  lexicons: { type: "string" },
  top: { type: "string" },
  "min-count": { type: "string" },
  out: { type: "string" },
  help: { type: "boolean" },
} as const;

export async function main(argv: string[]): Promise<void> {
  const f = parseFlags(argv, OPTIONS);
  if (f.help) {
    console.log(HELP);
    return;
  }
  if (!f.input?.length) throw new InputError("--input is required (see --help)");
  const top = numberFlag("top", f.top, 30, (v) => Number.isSafeInteger(v) && v >= 1);
  const minCount = numberFlag("min-count", f["min-count"], 2, (v) => Number.isSafeInteger(v) && v >= 1);
  const out = f.out ?? "topics.draft.csv";
  const lex = await loadLexicons(f.lexicons);
  const miner = new TargetMiner();
  for await (const item of readInputs(f.input, { textColumn: f["text-column"], textField: f["text-field"], encoding: f.encoding })) {
    if (isSkipped(item)) continue;
    for (const article of extractArticles(item).articles) {
      if (article.sentences.length === 0) continue;
      const labelled = labelArticle(article, lex);
      for (let i = 0; i < labelled.length; i++) miner.add(article.sentences[i]!.text, labelled[i]!.labels);
    }
  }
  const topics = miner.draft(top, minCount);
  await writeAtomic([[out, topicsCsv(topics)]]);
  console.log(`${miner.sentences} sentences, ${miner.positions} positions on a target; ${topics.length} topics written to ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCli("suggest-targets", () => main(process.argv.slice(2)));
