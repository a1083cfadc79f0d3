// Issue 20, the cleaning learned from the corpus (src/extract/cleaning/), on
// real articles read at run time from ../shared/corpora (never copied into
// the project): AllSides (with its outlet, as the metadata flags set it) and
// FNC-1. None of the AllSides articles is in the hand-marked chrome files.
import test from "ava";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles, readInputs, type InputDocument } from "../../src/extract/index.ts";
import { readAllSides, type OutletDocument } from "../../src/eval/allsides.ts";
import { allsidesSubset } from "../helpers/allsides.ts";
import { OutletTemplateCounter, templateKey } from "../../src/extract/cleaning/templates.ts";
import { prepareCleaning, prepareCleaningFromDocs } from "../../src/dataset/boilerplate.ts";
import { assertOffsetsRoundTrip } from "./helpers.ts";
import { loadChromeModel } from "../../src/extract/cleaning/model.ts";
import { DENSE_FEATURES, sentenceFeatures, wordSet } from "../../src/extract/cleaning/features.ts";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const ALLSIDES = join(CORPORA, "allsides/articles.jsonl.gz");
const corpusTest = existsSync(ALLSIDES) ? test : test.skip;

const IDS = {
  hill: "01pP64DIgqxynbbQ", // The Hill: hover cards, embedded tweets
  politicoPhotos: "07wfzJFhd2auI9wH", // "( PHOTOS: …)", "( On the Ground: …)"
  politicoCaption: "0CMoFKIIIqL80Vfb", // lead-photo caption glued to the first line
  cnn: "02WkIONp8DOwBns7", // "Story highlights" box
  usaToday: "06MNeUhpAQySKVbS", // "DALLAS —" dateline
  npr: "036BFdRSTpqVpg18", // "Enlarge this image toggle caption …"
};

let articles: Promise<Map<string, OutletDocument>> | null = null;
/** The AllSides articles these tests use, and the first 40 Washington Times articles (one read of the corpus, up to the last of them). */
function allSides(): Promise<Map<string, OutletDocument>> {
  articles ??= (async () => {
    const want = new Set(Object.values(IDS));
    const out = new Map<string, OutletDocument>();
    // The corpus's lines of these ids and of the first 40 other Washington Times articles, read by the project's
    // reader (test/helpers/allsides.ts: the same documents, without gunzipping 90 MB here).
    let picked = 0;
    const subset = await allsidesSubset((l) => l.id !== null && (want.has(l.id) || (l.outlet === "Washington Times" && picked++ < 40)));
    let wt = 0;
    for await (const d of readAllSides(subset!)) {
      if (want.has(d.docId!)) out.set(d.docId!, d);
      else if (d.outlet === "Washington Times" && wt < 40) out.set(`wt${wt++}`, d);
      if (wt === 40 && out.size === want.size + 40) break; // all found: the rest of the corpus adds nothing
    }
    return out;
  })();
  return articles;
}

async function doc(id: string): Promise<OutletDocument> {
  const d = (await allSides()).get(id);
  if (!d) throw new Error(`no AllSides article ${id}`);
  return d;
}

const texts = (d: InputDocument) => extractArticles(d).articles.flatMap((a) => a.sentences.map((s) => s.text));
const dropped = (d: InputDocument) => extractArticles(d).dropped;

corpusTest("hover cards: The Hill's name card is cut out, the display name and the prose after it stay, offsets exact", async (t) => {
  const d = await doc(IDS.hill);
  const r = extractArticles(d);
  const cards = r.dropped.filter((x) => x.category === "hover_card");
  t.is(cards.length, 1);
  t.true(cards[0]!.text.startsWith("Donald John TrumpKamala Harris calls for Twitter"));
  t.true(cards[0]!.text.endsWith("MORE"));
  const all = r.articles.flatMap((a) => a.sentences.map((s) => s.text));
  t.true(all.includes("President Trump"));
  t.true(all.some((s) => s.startsWith("on Monday doubled down on his controversial policy")));
  t.false(all.some((s) => s.includes("Kamala Harris calls for Twitter")));
  assertOffsetsRoundTrip(t, d.text, r);
});

corpusTest("embedded tweets: the signature is dropped and credits the tweet's sentences to its author (cue tweeted)", async (t) => {
  const r = extractArticles(await doc(IDS.hill));
  const sentences = r.articles.flatMap((a) => a.sentences);
  const tweet = sentences.find((s) => s.text === "Crime in Germany is way up.");
  t.deepEqual(tweet?.credit, { actor: "Donald J. Trump", handle: "realDonaldTrump", cue: "tweeted" });
  // The article's own prose around it has no credit; the signature is never a record.
  t.is(sentences.find((s) => s.text.startsWith("Trump also warned that the U.S."))?.credit, undefined);
  t.false(sentences.some((s) => s.text.includes("(@realDonaldTrump)")));
  t.true(r.dropped.some((x) => x.category === "social" && x.text === "— Donald J. Trump (@realDonaldTrump) June 18, 2018"));
});

corpusTest("promos: Politico's '( PHOTOS: …)' and '( On the Ground: …)' teasers are cut, the prose next to them stays", async (t) => {
  const d = await doc(IDS.politicoPhotos);
  const promos = dropped(d).filter((x) => x.category === "promo").map((x) => x.text);
  t.true(promos.includes("( PHOTOS: Senators up for election in 2014)"));
  t.true(promos.includes("( On the Ground: How Lindsey Graham outmaneuvered the tea party)"));
  t.true(texts(d).some((s) => s.startsWith("“If you nominate the wrong candidate")));
});

corpusTest("a lead-photo caption glued to the first line is cut up to its credit", async (t) => {
  const d = await doc(IDS.politicoCaption);
  const caption = dropped(d).find((x) => x.category === "caption");
  t.is(caption?.text, "Former vice president Joe Biden speaks at a campaign event at The River Center on May in Des Moines, Iowa. | Scott Olson/Getty Images");
  t.false(texts(d).some((s) => s.includes("Scott Olson/Getty Images")));
});

corpusTest("CNN's 'Story highlights' box (label line and its bullets) is chrome; the lead paragraph after it stays", async (t) => {
  const d = await doc(IDS.cnn);
  const promos = dropped(d).filter((x) => x.category === "promo").map((x) => x.text);
  t.is(promos.length, 3);
  t.true(promos[0]!.startsWith("Story highlights Mike Pence urged"));
  t.true(texts(d).some((s) => s.startsWith("As soon as Air Force One touched down in Indiana")));
});

corpusTest("a leading dateline is cut, the lead sentence kept from its first word", async (t) => {
  const d = await doc(IDS.usaToday);
  t.true(dropped(d).some((x) => x.category === "dateline" && x.text === "DALLAS —"));
  t.true(texts(d).some((s) => s.startsWith("A health care worker who cared for the Ebola patient")));
});

corpusTest("NPR's 'Enlarge this image toggle caption …' lines are captions", async (t) => {
  const d = await doc(IDS.npr);
  t.true(dropped(d).some((x) => x.category === "caption" && x.text === "Enlarge this image toggle caption Jeff J Mitchell/Getty Images Jeff J Mitchell/Getty Images"));
  t.false(texts(d).some((s) => s.startsWith("Enlarge this image")));
});

corpusTest("per-outlet templates: the Washington Times footer repeats in its articles and is boilerplate; quoting lines never are", async (t) => {
  const docs = [...(await allSides()).entries()].filter(([k]) => k.startsWith("wt")).map(([, d]) => d);
  t.is(docs.length, 40);
  const footer = "copyright © 2019 the washington times, llc. click here for reprint permission.";
  const counter = new OutletTemplateCounter();
  for (const d of docs) counter.add(d.outlet, d.text);
  const templates = new Set(counter.templates());
  t.true(templates.has(templateKey("Washington Times", "line", footer)));
  // The same line counted for another outlet is another key: templates are per outlet.
  t.false(templates.has(templateKey("Politico", "line", footer)));
  const spec = await prepareCleaningFromDocs(docs);
  const withFooter = docs.find((d) => d.text.includes("Copyright © 2019 The Washington Times, LLC. Click here for reprint permission."))!;
  const r = extractArticles(withFooter, spec);
  t.true(r.dropped.some((x) => x.category === "boilerplate" && x.text.startsWith("Copyright © 2019 The Washington Times")));
  // A line that quotes, repeated in five of the outlet's articles, is not a template (an outlet repeats a claim in its follow-ups).
  const quote = withFooter.text.split("\n").find((l) => /[“"]/.test(l) && l.length > 60)!;
  t.truthy(quote);
  const quoting = new OutletTemplateCounter();
  for (const d of docs.slice(0, 5)) quoting.add("Washington Times", `${d.text.split("\n")[0]}\n${quote}`);
  t.false(quoting.templates().includes(templateKey("Washington Times", "line", quote.trim().toLowerCase().replace(/\s+/g, " "))));
  // Without an outlet on the document, the outlet's templates do not apply.
  const anonymous = { ...withFooter, outlet: undefined, source: undefined } as unknown as InputDocument;
  t.false(extractArticles(anonymous, { ...spec, boilerplate: [] }).dropped.some((x) => x.category === "boilerplate" && x.text.startsWith("Copyright © 2019")));
});

const FNC1 = join(CORPORA, "fnc1/train_bodies.csv");
const fncTest = existsSync(FNC1) ? test : test.skip;

fncTest("the segment model drops unlisted furniture with its score (a credit line repeated across the corpus); --keep-chrome model turns it off", async (t) => {
  const read = { textColumn: "articleBody", idColumn: "Body ID" };
  let body: InputDocument | null = null;
  for await (const d of readInputs([FNC1], read)) if (!("reason" in d) && d.docId === "1611") body = d;
  t.truthy(body);
  const spec = await prepareCleaning([FNC1], read);
  const on = extractArticles(body!, spec);
  const model = on.dropped.filter((x) => x.category === "model");
  const threshold = loadChromeModel()!.threshold;
  t.true(model.some((x) => x.text === "Uploaded By: JoshPalerLin" && x.score! >= threshold && x.score! <= 1));
  const off = extractArticles(body!, { ...spec, keep: ["model"] });
  t.false(off.dropped.some((x) => x.category === "model"));
  t.true(off.articles.some((a) => a.sentences.some((s) => s.text === "Uploaded By: JoshPalerLin")));
});

/** FNC-1 train bodies by id (one read of the file). */
async function fncBodies(ids: readonly string[]): Promise<Map<string, InputDocument>> {
  const out = new Map<string, InputDocument>();
  for await (const d of readInputs([FNC1], { textColumn: "articleBody", idColumn: "Body ID" }))
    if (!("reason" in d) && ids.includes(d.docId!) && !out.has(d.docId!)) out.set(d.docId!, d);
  return out;
}

fncTest("PolitiFact's verdict is content: 'Our ruling' is kept (the model), 'PANTS ON FIRE – …' keeps its label (no dateline); a line crediting the New York Times at its end is no caption", async (t) => {
  const read = { textColumn: "articleBody", idColumn: "Body ID" };
  const bodies = await fncBodies(["855", "2376"]);
  const spec = await prepareCleaning([FNC1], read);
  const texts = (id: string) => extractArticles(bodies.get(id)!, spec).articles.flatMap((a) => a.sentences.map((s) => s.text));
  const politifact = texts("855");
  t.true(politifact.includes("Our ruling"));
  t.true(politifact.some((s) => s.startsWith("PANTS ON FIRE – The statement is not accurate")));
  const r = extractArticles(bodies.get("2376")!, spec);
  t.true(r.articles.some((a) => a.sentences.some((s) => s.text.endsWith("aid worker colleagues last August, according to the New York Times"))));
  t.false(r.dropped.some((x) => x.category === "caption" && x.text.includes("according to the New York Times")));
});

fncTest("segment-model features of real lines: a bio's shape, the outlet it names, a name alone, an all-caps label, the neighbours", async (t) => {
  const bodies = await fncBodies(["655", "1604"]);
  const bio = bodies.get("655")!.text.split("\n").map((l) => l.trim()).find((l) => l.includes("is a reporter at National Review Online"))!;
  t.truthy(bio);
  const on = (f: { cols: number[]; vals: number[] }, name: (typeof DENSE_FEATURES)[number]) => f.cols.includes(DENSE_FEATURES.indexOf(name));
  const ctx = { index: 9, count: 10, titleWords: wordSet(""), wholeLine: true, repeated: new Set<number>() };
  const f = sentenceFeatures(bio, { ...ctx, outlet: "national review", prev: "He said so.", next: null });
  t.true(on(f, "bio_shape"));
  t.true(on(f, "names_outlet"));
  t.true(on(f, "near_end"));
  t.true(on(f, "no_next"));
  t.false(on(f, "prev_no_final"));
  t.false(on(f, "name_only"));
  t.false(on(sentenceFeatures(bio, { ...ctx, outlet: "the hill" }), "names_outlet"));
  const name = sentenceFeatures("Katherine Timpf", ctx);
  t.true(on(name, "name_only"));
  t.false(on(name, "bio_shape"));
  t.true(on(sentenceFeatures("SEE ALSO: the latest", ctx), "caps_label"));
  t.false(on(sentenceFeatures("See also the latest", ctx), "caps_label"));
});
