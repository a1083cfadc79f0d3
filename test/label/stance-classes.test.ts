// Stance predicate classes (issue 19; data/lexicons/stance_classes.csv, mined by `npm run mine-stance`) and their
// composition with negation, failure, intent and control: "vowed to fight X" opposes X (target not cut at the quote
// after it), "failed to support X" takes no position, "will not vote to fund X" opposes funding X, a suggestion is
// no position, "urged X to drop out" supports dropping out (claim-records §4: a control verb's target is its
// complement). Sentences are read at test time from the AllSides corpus (../shared/corpora, never copied into the
// project; none from the held-out gold's articles); skipped when the corpus is absent. The miner's counts are
// checked on a hand-counted text.
import test from "ava";
import { allsidesArticles } from "./corpus-sentences.ts";
import { StanceMiner, stemOf } from "../../src/label/analysis/mine-stance.ts";
import { labelAll } from "./helpers.ts";

const S = {
  vowFight: ["1mL3EeN766eNumxr", "He vowed to fight the charges."],
  vowFightLong: ["5kIdBef2Lv9OxeWN", "Díaz-Canel vowed to fight any attempts at subversion"],
  failed: ["80hYdA7vBBIxuLlB", "Here are seven examples of how Obama failed to support the Jewish state."],
  wontVote: ["7gpjfbImDiMX7nYF", "“I will not vote to fund the president’s lawless"],
  suggested: ["5p97y63bVN7qgYjc", "Kerry suggested that the Obama administration would support"],
  dropOut: ["6Nzw6qKNKU8MX96O", "Huntsman urged Trump to drop out of the race"],
} as const;

const articles = allsidesArticles(new Set(Object.values(S).map((s) => s[0])));

/** The sentence of the article's text starting with `opening`, to its closing punctuation (abbreviations kept). */
async function sentence([id, opening]: readonly [string, string]): Promise<string> {
  const text = (await articles!).get(id)!.text.replace(/\s+/g, " ");
  const i = text.indexOf(opening);
  if (i < 0) throw new Error(`"${opening}" not in article ${id}`);
  const m = /^[\s\S]*?[.?!][”"’]?(?=\s+[A-Z“"]|\s*$)/.exec(text.slice(i).replace(/\b(Rep|Sen|Gov|Mr|Mrs|Ms|U\.S|[A-Z])\.(?=\s)/g, "$1\u0000"));
  return (m ? m[0] : text.slice(i)).replace(/\u0000/g, ".");
}

const corpusTest = articles ? test : test.skip;

corpusTest("intent + a mined oppose verb: 'vowed to fight the charges' opposes the charges", async (t) => {
  const text = await sentence(S.vowFight);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "oppose", text);
  t.is(s!.labels.target_text, "the charges");
  t.true(s!.labels.rules.includes("stance.open_composed"));
});

corpusTest("'vowed to fight any attempts at subversion by capitalist forces' opposes the attempts", async (t) => {
  const text = await sentence(S.vowFightLong);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "oppose", text);
  t.true(s!.labels.target_text?.startsWith("any attempts at subversion"), s!.labels.target_text ?? "null");
});

corpusTest("failure: 'failed to support the Jewish state' takes no position on it", async (t) => {
  const text = await sentence(S.failed);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "neutral", text);
  const at = [...text.slice(0, text.indexOf("support"))].length;
  t.false(s!.votes.some((v) => v.field === "stance" && v.start !== undefined && v.start <= at && (v.end ?? 0) > at), JSON.stringify(s!.votes));
});

corpusTest("negated intent: 'I will not vote to fund the president’s … act' opposes funding it", async (t) => {
  const text = await sentence(S.wontVote);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "oppose", text);
  t.true(s!.labels.target_text?.startsWith("fund the president"), s!.labels.target_text ?? "null");
  t.true(s!.labels.rules.includes("stance.open_negated"));
});

corpusTest("a suggestion is no position: 'Kerry suggested that the Obama administration would support …' takes none", async (t) => {
  const text = await sentence(S.suggested);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "neutral", text);
  t.is(s!.labels.target_text, null);
});

corpusTest("control convention: 'urged Trump to drop out of the race' supports dropping out (the complement is the target)", async (t) => {
  const text = await sentence(S.dropOut);
  const [s] = await labelAll(text);
  t.is(s!.labels.stance, "support", text);
  t.is(s!.labels.target_text, "drop out of the race");
  t.is(s!.labels.target_entity, null);
});

test("stemOf joins a verb's regular forms", (t) => {
  t.deepEqual(["vowed", "vowing", "vows", "vow"].map(stemOf), ["vow", "vow", "vow", "vow"]);
  t.deepEqual(["urged", "urges", "urging", "urge"].map(stemOf), ["urg", "urg", "urg", "urg"]);
  t.is(stemOf("stopped"), "stop");
  t.is(stemOf("need"), "need");
});

test("the miner counts frames and coordination with the seeds (hand-counted)", (t) => {
  const m = new StanceMiner();
  // "mocked and condemned" / "condemning and mocking": two coordinations of mock with the oppose seed condemn;
  // "urged Congress to act", "urged them to go": object + to twice; "vowed to fight": a to-infinitive.
  m.add("x", "They mocked and condemned it. She was condemning and mocking him. He urged Congress to act. We urged the senators to go. I vowed to fight. Mock it.");
  const rows = new Map((m as unknown as { stems: Map<string, { occurrences: number; to: number; objectTo: number; coord: Map<string, number> }> }).stems);
  t.is(rows.get("mock")!.occurrences, 3);
  t.is(rows.get("mock")!.coord.get("oppose"), 2);
  t.is(rows.get("condemn")!.coord.get("oppose") ?? 0, 0);
  t.is(rows.get("urg")!.objectTo, 2);
  t.is(rows.get("vow")!.to, 1);
  t.is(rows.get("vow")!.objectTo, 0);
});
