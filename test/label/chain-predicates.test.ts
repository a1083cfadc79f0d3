// Stance predicates composed (issue 19): "warned X against Y" opposes Y; a chain head ("voted to") takes a position only through the predicate it
// composes with — "voted to end X" opposes X, "voted to implement X" takes none — and a proposal is no position.
// Sentences are read at test time from the AllSides corpus (../shared/corpora, never copied into the project;
// articles of the tuning file's outlets); skipped when the corpus is absent.
import test from "ava";
import { existsSync } from "node:fs";
import { allsidesArticles } from "./corpus-sentences.ts";
import { labelAll } from "./helpers.ts";

const END = ["6VFyHdSMkavgdyyE", "Democratic Rep. Eliot Engel of New York"] as const;
const IMPLEMENT = ["NekCSSqCMS0gZzod", "In fact, a majority of elected officials"] as const;

const articles = allsidesArticles(new Set([END[0], IMPLEMENT[0]]));

/** The sentence of the article's text starting with `opening`, to its closing punctuation (abbreviations kept). */
function sentenceOf(text: string, opening: string): string {
  const i = text.indexOf(opening);
  if (i < 0) throw new Error(`"${opening}" not in the article`);
  const m = /^[\s\S]*?[.?!][”"’]?(?=\s+[A-Z“"]|\s*$)/.exec(text.slice(i).replace(/\b(Rep|Sen|Gov|Mr|Mrs|Ms|U\.S|[A-Z])\.(?=\s)/g, "$1\u0000"));
  return (m ? m[0] : text.slice(i)).replace(/\u0000/g, ".");
}

(articles ? test : test.skip)("'voted to end X' opposes X (the chain head composes with the predicate after it)", async (t) => {
  const text = sentenceOf((await articles!).get(END[0])!.text, END[1]);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "oppose", text);
  t.true(s!.labels.target_text?.startsWith("U.S. military assistance"), s!.labels.target_text ?? "null");
  t.true(s!.labels.rules.includes("stance.open_composed"));
});

(articles ? test : test.skip)("'voted to implement X': a chain head with no predicate after it takes no position", async (t) => {
  const text = sentenceOf((await articles!).get(IMPLEMENT[0])!.text, IMPLEMENT[1]);
  t.true(text.includes("voted to implement"));
  const [s] = await labelAll(text);
  const at = [...text.slice(0, text.indexOf("voted to"))].length;
  t.false(s!.votes.some((v) => v.field === "stance" && v.start === at), JSON.stringify(s!.votes));
});

const POLNEAR_FILE = "../shared/corpora/polnear/train/text/huff-post_2016-02-21_this-cable-news-panel-just-dismi.txt";

(existsSync(POLNEAR_FILE) ? test : test.skip)("a proposal is no position: 'has proposed a modest tax on …' takes none (PolNeAR train)", async (t) => {
  const { readFile } = await import("node:fs/promises");
  const raw = await readFile(POLNEAR_FILE, "utf8");
  const m = /Then there is the small matter that Clinton herself has proposed [^.]*\./.exec(raw.replace(/\s+/g, " "));
  t.truthy(m);
  const [s] = await labelAll(m![0]);
  t.is(s!.labels.stance, "neutral", m![0]);
  const at = [...m![0].slice(0, m![0].indexOf("proposed"))].length;
  t.false(s!.votes.some((v) => v.field === "stance" && v.start === at));
});

const POLNEAR_TEXT = "../shared/corpora/polnear/train/text";
/** The sentence of a PolNeAR train text that contains `part` (whitespace collapsed), cut at sentence punctuation. */
async function polnearSentence(file: string, part: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const raw = (await readFile(`${POLNEAR_TEXT}/${file}`, "utf8")).replace(/\s+/g, " ");
  const i = raw.indexOf(part);
  if (i < 0) throw new Error(`"${part}" not in ${file}`);
  const start = Math.max(raw.lastIndexOf(". ", i) + 2, 0);
  const end = raw.indexOf(". ", i);
  return raw.slice(start, end < 0 ? raw.length : end + 1);
}

(existsSync(POLNEAR_TEXT) ? test : test.skip)("'warned X against Y' opposes Y; 'warned … that …' takes no position (PolNeAR train)", async (t) => {
  const against = await polnearSentence("huff-post_2016-06-04_u-s-flexes-muscles-as-asia-worri.txt", "warned China against provocative behavior");
  const [a] = await labelAll(against);
  t.is(a!.labels.stance, "oppose", against);
  t.true(a!.labels.target_text?.startsWith("provocative behavior"), a!.labels.target_text ?? "null");
  const that = await polnearSentence("huff-post_2015-12-20_why-the-democratic-party-s-move-.txt", "warned Saturday that the DNC");
  const [b] = await labelAll(that);
  const at = [...that.slice(0, that.indexOf("warned"))].length;
  t.false(b!.votes.some((v) => v.field === "stance" && v.start === at), that);
});
