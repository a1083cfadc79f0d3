// A researcher's topics (--targets, --targets-add), topic suggestions (suggest-targets) and the actor–target
// network (network.csv), on real PolNeAR train articles read from ../shared/corpora at run time.
import test from "ava";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../src/errors.ts";
import { labelArticle } from "../../src/label/pipeline.ts";
import { loadLexicons, readTopicFile } from "../../src/label/lexicon/lexicons.ts";
import { article } from "../label/helpers.ts";
import { ROOT, runCli, runTsx, tempDir } from "../hostile/helpers.ts";

const POLNEAR = join(ROOT, "../shared/corpora/polnear/train/text");
const FILES = [
  "breitbart_2016-03-02_christie-s-shell-shocked-look-st.txt",
  "huff-post_2016-02-07_the-latest-gop-debate-kicked-off.txt",
  "breitbart_2016-02-08_the-latest-nh-towns-cast-first-v.txt",
].map((f) => join(POLNEAR, f));
const withCorpus = existsSync(POLNEAR) ? test : test.skip;

const TOPICS = `topic,patterns,description
# A researcher's own topics: patterns ";"-separated, in the lexicon's phrase syntax.
immigration,deportation; mass deportation; (border|mexico) wall; guest-worker program,immigration policy
donald_trump,donald trump; trump,the candidate
`;
const CHRISTIE = "In a move that shocked nearly everyone, especially in Democratic-leaning New Jersey, Christie endorsed Trump last week and has appeared at the billionaire businessman’s side at campaign appearances over the past few days.";
const KASICH = "The Ohio governor said the U.S. needs to secure the border and create a guest-worker program, but that he would not support mass deportation or driving out the entire 11 million-person undocumented population.";
const SEED = "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.";

async function topicsFile(t: Parameters<typeof tempDir>[0], text = TOPICS): Promise<string> {
  const file = join(await tempDir(t, "topics"), "topics.csv");
  await writeFile(file, text);
  return file;
}
const labelOne = (lex: Awaited<ReturnType<typeof loadLexicons>>, text: string) => labelArticle(article([text], "polnear/x.txt"), lex).at(-1)!.labels;

test("--targets replaces the topic list: topics count in any article; the stance comes from the open predicate", async (t) => {
  const lex = await loadLexicons(undefined, { replace: await topicsFile(t) });
  t.deepEqual(lex.targetNames, ["donald_trump", "immigration"]);
  const kasich = labelOne(lex, KASICH);
  t.is(kasich.target, "immigration");
  t.is(kasich.stance, "oppose");
  t.is(kasich.target_text, "mass deportation");
  const christie = labelOne(lex, CHRISTIE);
  t.is(christie.target, "donald_trump");
  t.is(christie.stance, "support");
  t.is(christie.target_entity, "Donald Trump");
  // The Ukraine topics are gone: the seed sentence's position is open, with no topic.
  const seed = labelOne(lex, SEED);
  t.not(seed.target, "security_guarantees");
});

test("--targets-add keeps the lexicon's topics (anchored to Ukraine articles) and adds the researcher's (everywhere)", async (t) => {
  const lex = await loadLexicons(undefined, { add: [await topicsFile(t)] });
  t.true(lex.targetNames.includes("security_guarantees") && lex.targetNames.includes("immigration"));
  t.is(labelOne(lex, SEED).target, "security_guarantees");
  t.is(labelOne(lex, SEED).stance, "support");
  t.is(labelOne(lex, KASICH).target, "immigration");
});

test("a bad topics file is an InputError naming file:line", async (t) => {
  const file = await topicsFile(t, "topic,patterns\nimmigration,deportation\nBad Topic,wall\n");
  const err = await t.throwsAsync(readTopicFile(file), { instanceOf: InputError });
  t.regex(err!.message, /topics\.csv:3: column topic: topic must be a snake_case id/);
  const unclosed = await topicsFile(t, "topic,patterns\nimmigration,(border|mexico wall\n");
  t.regex((await t.throwsAsync(loadLexicons(undefined, { replace: unclosed })))!.message, /topics\.csv:2: bad phrase/);
  const missing = await topicsFile(t, "name,patterns\nimmigration,wall\n");
  t.regex((await t.throwsAsync(readTopicFile(missing)))!.message, /topics\.csv:1: missing column topic/);
  t.regex((await t.throwsAsync(readTopicFile(join(ROOT, "no-such-topics.csv"))))!.message, /no-such-topics\.csv: topics file not found$/);
});

const run = runTsx;

withCorpus("build-dataset --targets writes network.csv: sorted edges with stance counts and example ids, byte-identical across runs", async (t) => {
  const topics = await topicsFile(t);
  const dir = await tempDir(t, "network");
  const outs = [join(dir, "a"), join(dir, "b")];
  for (const out of outs) {
    const r = await runCli([...FILES.flatMap((f) => ["--input", f]), "--targets", topics, "--gold", "none", "--out", out]);
    t.is(r.code, 0, r.stderr);
  }
  const csv = await readFile(join(outs[0]!, "network.csv"), "utf8");
  t.is(csv, await readFile(join(outs[1]!, "network.csv"), "utf8"));
  const [header, ...rows] = csv.trimEnd().split("\n");
  t.is(header, "period,actor,actor_type,target,target_kind,support,oppose,neutral,total,example_ids");
  t.true(rows.length > 0);
  const parsed = rows.map((r) => r.split(","));
  const periods = parsed.map((c) => c[0]!);
  t.deepEqual(periods, [...periods].sort(), "by period");
  for (const p of new Set(periods)) {
    const totals = parsed.filter((c) => c[0] === p).map((c) => Number(c.at(-2)));
    t.deepEqual(totals, [...totals].sort((a, b) => b - a), "most frequent first within a period");
  }
  for (const c of parsed) {
    t.is(Number(c.at(-2)), Number(c.at(-5)) + Number(c.at(-4)) + Number(c.at(-3)));
    t.true(c.at(-1)!.split(" ").length <= 3);
    t.not(c[1], c[3], "no self-loops");
  }
  t.true(parsed.some((c) => c[3] === "Donald Trump" || c[3] === "donald_trump"));
  const card = await readFile(join(outs[0]!, "dataset-card.md"), "utf8");
  t.regex(card, /--targets /);
  t.regex(card, /`network\.csv`: \d+ edges/);
  const records = (await readFile(join(outs[0]!, "train.jsonl"), "utf8")) + (await readFile(join(outs[0]!, "test.jsonl"), "utf8"));
  const christie = records.split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((r) => r.text === CHRISTIE);
  t.like(christie, { target: "donald_trump", stance: "support", target_text: "Trump", target_entity: "Donald Trump" });
});

withCorpus("suggest-targets drafts a topics CSV that --targets reads as it is; same input, same bytes", async (t) => {
  const dir = await tempDir(t, "suggest");
  const drafts = [join(dir, "a.csv"), join(dir, "b.csv")];
  for (const out of drafts) {
    const r = await run("src/cli/suggest-targets.ts", [...FILES.flatMap((f) => ["--input", f]), "--top", "5", "--min-count", "1", "--out", out]);
    t.is(r.code, 0, r.stderr);
    t.regex(r.stdout, /topics written to/);
  }
  const draft = await readFile(drafts[0]!, "utf8");
  t.is(draft, await readFile(drafts[1]!, "utf8"));
  t.true(draft.startsWith("topic,patterns,description,count,support,oppose,example_1,example_2\n"));
  const topics = await readTopicFile(drafts[0]!);
  t.true(topics.length >= 1 && topics.length <= 5);
  t.true(topics.some((x) => x.topic === "donald_trump"), draft);
  const lex = await loadLexicons(undefined, { replace: drafts[0]! });
  t.is(labelOne(lex, CHRISTIE).target, "donald_trump");
  const bad = await run("src/cli/suggest-targets.ts", ["--top", "5"]);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /^suggest-targets: --input is required/);
});

test("suggest-targets merges an entity's spellings and a head's variants; pronoun heads and empty patterns never make a topic", async (t) => {
  const { TargetMiner } = await import("../../src/label/analysis/suggest.ts");
  const lex = await loadLexicons();
  const texts = [
    CHRISTIE,
    "Hundreds of the party's superdelegates have endorsed Mrs. Clinton, a signal of her broad support among the party's power brokers.",
    "The governor endorsed Hillary Clinton on Tuesday.",
    KASICH,
    "Rubio said he would never support mass deportations.",
    "The two men were at opposite poles, the one impassioned in blasting me, the other impassioned in defending me, and yet here was Judge Berman professing his inability to tell the difference.",
    "Donald Trump “relentlessly attacks us and ignores the other candidates.”",
  ];
  const miner = new TargetMiner();
  for (const text of texts) miner.add(text, labelOne(lex, text));
  const draft = miner.draft(10, 1);
  const clinton = draft.find((d) => d.topic === "hillary_clinton");
  t.truthy(clinton, JSON.stringify(draft));
  t.is(clinton!.count, 2, "Mrs. Clinton and Hillary Clinton are one entity");
  t.true(clinton!.patterns.includes("clinton"));
  const deportation = draft.find((d) => d.patterns.includes("mass deportation"));
  t.is(deportation?.count, 2, "mass deportation and mass deportations share a head");
  t.is(deportation?.oppose, 2);
  t.false(draft.some((d) => d.topic === "me" || d.topic === "u" || d.topic === "us"));
  t.true(draft.every((d) => d.patterns.length > 0));
});
