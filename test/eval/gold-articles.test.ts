// The gold benchmark's in-article labelling (src/eval/benchmarks/gold-articles.ts)
// on real gold items and the real corpus articles they cite, read at run
// time from ../shared/corpora.
import test from "ava";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../../src/errors.ts";
import { gold } from "../../src/eval/benchmarks/gold.ts";
import { inArticleLookup, labelCitedArticles, parseCitation, resolveCorpora } from "../../src/eval/benchmarks/gold-articles.ts";
import { loadGold, loadLexicons, makeGoldLookup, type GoldItem } from "../../src/label/index.ts";
import { cleanupTemp, tempDir } from "./helpers.ts";

test.after.always(cleanupTemp);

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const corpusTest = existsSync(CORPORA) ? test : test.skip;

const corporaItems = async (): Promise<GoldItem[]> => loadGold("data/gold/corpora.jsonl");
const byGid = (items: GoldItem[], gid: string) => items.find((g) => g.gid === gid)!;

test("a citation is a file, or a CSV row named by its id column", (t) => {
  t.deepEqual(parseCitation("bbc_news/politics/001.txt"), { file: "bbc_news/politics/001.txt" });
  t.deepEqual(parseCitation("fnc1/train_bodies.csv:Body ID 2081"), { file: "fnc1/train_bodies.csv", row: { column: "Body ID", id: "2081" } });
  t.deepEqual(parseCitation("horne2017/Public Data/Buzzfeed Political News Dataset/Real/87.txt"), { file: "horne2017/Public Data/Buzzfeed Political News Dataset/Real/87.txt" });
});

test("--corpora that is not a folder is a one-line error; an absent default folder means context only", (t) => {
  t.throws(() => resolveCorpora("no/such/corpora", CORPORA), { instanceOf: InputError, message: "--corpora no/such/corpora: no such folder" });
  t.is(resolveCorpora(undefined, "no/such/corpora"), null);
});

corpusTest("an actor named only earlier in its BBC article: wrong from context, right in the article", async (t) => {
  const items = await corporaItems();
  // "She said ministers would consult …": Patricia Hewitt is named three sentences before, outside the item's context.
  const g = byGid(items, "bbc-politics-001-006");
  t.is(g.actor?.name, "Patricia Hewitt");
  t.false(g.context.some((c) => c.includes("Hewitt")));
  const lex = await loadLexicons();
  const base = makeGoldLookup([], lex);
  t.not(base(g).labels.actor?.name ?? null, "Patricia Hewitt");
  const articles = await labelCitedArticles(CORPORA, [g], lex);
  const lookup = inArticleLookup(makeGoldLookup([], lex), articles, () => false);
  t.is(lookup(g).labels.actor?.name, "Patricia Hewitt");
  t.is(lookup.missing.size + lookup.notFound.size + lookup.isolated.size, 0);
});

corpusTest("FNC-1 items are rows of train_bodies.csv found by Body ID; a Body ID not in the CSV is a counted fallback", async (t) => {
  const items = await corporaItems();
  const g = byGid(items, "fnc1-2081-005");
  const absent: GoldItem = { ...g, gid: "absent-row", source: "fnc1/train_bodies.csv:Body ID 999999" };
  const lex = await loadLexicons();
  const articles = await labelCitedArticles(CORPORA, [g, byGid(items, "fnc1-754-014"), absent], lex);
  t.deepEqual([...articles.keys()].sort(), ["fnc1/train_bodies.csv:Body ID 2081", "fnc1/train_bodies.csv:Body ID 754"]);
  const body = articles.get(g.source)!;
  // The whole body: the item's text and every context sentence the annotator kept, in order, among many more.
  const at = body.texts.indexOf(g.text);
  t.true(at >= 0);
  // A context sentence may have lost its leading dateline since it was annotated ("WASHINGTON (AP) — Capping …":
  // issue 20 cuts the dateline as chrome), so it is found by its ending.
  const find = (c: string) => body.texts.findIndex((x) => x === c || (c.endsWith(x) && /[—–-]\s*$/.test(c.slice(0, c.length - x.length))));
  for (const c of g.context) t.true(find(c) >= 0 && find(c) < at);
  t.true(body.texts.length > g.context.length + 1);
  t.false(articles.get("fnc1/train_bodies.csv:Body ID 754")!.texts.includes(g.text));
  const lookup = inArticleLookup(makeGoldLookup([], lex), articles, () => false);
  t.is(lookup(g), body.results[at]!);
  lookup(absent);
  t.deepEqual([...lookup.missing], ["absent-row"]);
  t.is(lookup.notFound.size, 0);
});

corpusTest("the benchmark counts an item whose text is not a sentence of its article as a fallback, per gold file", async (t) => {
  const items = await corporaItems();
  const real = byGid(items, "bbc-politics-001-006");
  const dir = tempDir("claimstance-gold-articles-");
  const row = (gid: string, text: string) => JSON.stringify({ gid, source: real.source, text, context: [], actor: real.actor, cue: real.cue, target: real.target, stance: real.stance, hedges: [] });
  // The first half of a real sentence: not a sentence the article's segmentation produces.
  writeFileSync(join(dir, "probe.jsonl"), [row("in", real.text), row("cut", "She said ministers would consult on other proposals.")].join("\n") + "\n");
  const out = tempDir("claimstance-gold-articles-out-");
  const r = await gold.run({ argv: ["--gold", dir, "--corpora", CORPORA], outDir: out });
  const json = JSON.parse(readFileSync(join(out, "gold.json"), "utf8"));
  t.deepEqual(json.in_article.fallback, { "probe.jsonl": { missing: 0, not_found: 1 } });
  t.regex(readFileSync(join(out, "gold.md"), "utf8"), /\| probe\.jsonl \| 2 \| 1 \(0 \/ 1\) \|/);
  const fig = (metric: string) => r.figures.find((f) => f.metric === metric && f.split === "probe.jsonl")?.value;
  // "in" is right only in its article; "cut" is labelled from its (empty) context either way.
  t.true(fig("actor accuracy")! > fig("actor accuracy (context only)")!);
  await t.throwsAsync(gold.run({ argv: ["--gold", dir, "--corpora", join(dir, "nope")], outDir: out }), { instanceOf: InputError });
});
