// Headings (kind "headline": title, standfirst, sub-heading), photo captions
// (chrome `caption`) and embedded-tweet signatures (chrome `social`), on real
// lines of FNC-1, PolNeAR, horne2017 and the seeds (corpora read at run time
// from ../shared/corpora).
import test from "ava";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles, readInputs, type InputDocument } from "../../src/extract/index.ts";
import { loadChromeLexicon, matchTail } from "../../src/extract/chrome-lexicon.ts";
import { assertOffsetsRoundTrip } from "./helpers.ts";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const corpusTest = existsSync(CORPORA) ? test : test.skip;
const FNC1_TRAIN = join(CORPORA, "fnc1/train_bodies.csv");
const FNC1_READ = { textColumn: "articleBody", idColumn: "Body ID" };

async function fnc1Body(id: string): Promise<InputDocument> {
  for await (const d of readInputs([FNC1_TRAIN], FNC1_READ)) if (!("reason" in d) && d.docId === id) return d;
  throw new Error(`no FNC-1 body ${id}`);
}

async function txtDoc(path: string): Promise<InputDocument> {
  for await (const d of readInputs([path], { encoding: "auto" })) if (!("reason" in d)) return d;
  throw new Error(`cannot read ${path}`);
}

const kinds = (doc: InputDocument) => extractArticles(doc).articles.flatMap((a) => a.sentences.map((s) => [s.kind, s.text] as const));

corpusTest("FNC-1: Daily Mail standfirst bullets are headlines, its captions are dropped as caption chrome, the prose stays body", async (t) => {
  const doc = await fnc1Body("1958");
  const r = extractArticles(doc);
  const k = kinds(doc);
  t.deepEqual(k.slice(0, 5).map(([kind]) => kind), ["headline", "headline", "headline", "headline", "body"]);
  t.is(k[1]![1], "Fighters from group Libyan Dawn have posed for pictures with aircraft");
  const captions = r.dropped.filter((d) => d.category === "caption").map((d) => d.text);
  t.true(captions.some((c) => c.startsWith("Aftermath: Tripoli International Airport was overtaken by the group Libyan Dawn")), "labelled caption");
  t.true(captions.some((c) => c.startsWith("Tripoli airport was left as little more than a smouldering ruin")), "unlabelled caption");
  t.false(k.some(([, text]) => text.startsWith("Aftermath:")));
  t.true(k.some(([kind, text]) => kind === "body" && text.startsWith("'There are a number of commercial airliners in Libya that are missing,'")));
  assertOffsetsRoundTrip(t, doc.text, r);
});

corpusTest("FNC-1: a caption ending in a photo credit is caption chrome; a tweet's signature and pic.twitter link are social, its text stays", async (t) => {
  const somers = extractArticles(await fnc1Body("1119"));
  t.true(somers.dropped.some((d) => d.category === "caption" && d.text === "Luke Somers was kidnapped over a year ago by al Qaida (AP Photo/Hani Mohammed)"));
  const bugatti = await fnc1Body("498");
  const r = extractArticles(bugatti);
  const texts = r.articles.flatMap((a) => a.sentences.map((s) => s.text));
  t.true(texts.includes("Shame to damage a great car, but accurate comment on owner?"));
  t.true(r.dropped.some((d) => d.category === "social" && d.text === "— Trefor Patten (@treftwit) October 9, 2014"));
  t.false(texts.some((s) => s.includes("(@treftwit)")));
  const spice = extractArticles(await fnc1Body("2269"));
  t.true(spice.articles[0]!.sentences.some((s) => s.text === "We've officially reached Pumpkin Spice saturation point."));
  t.true(spice.dropped.some((d) => d.category === "social" && d.text === "pic.twitter.com/Tve77ov5JZ"));
  assertOffsetsRoundTrip(t, bugatti.text, r);
  // A tail rule never takes a whole line: the tweet text before it is kept.
  t.is(matchTail(loadChromeLexicon(), "pic.twitter.com/Tve77ov5JZ")?.start, 0);
});

corpusTest("PolNeAR: an NYT title and its subtitle are both headlines; ABSTRACT. is dropped, the abstract is body", async (t) => {
  const k = kinds(await txtDoc(join(CORPORA, "polnear/train/text/nyt_2015-11-09_jobs-report-gives-democrats-a-li.txt")));
  t.deepEqual(k[0], ["headline", "Jobs report gives Democrats a lift;"]);
  t.deepEqual(k[1], ["headline", "Solid upturn, with a rise in hourly earnings, could blunt Republican claims."]);
  t.is(k[2]![0], "body");
  t.true(k[2]![1].startsWith("A more tangible economic upswing could help Democrats"));
});

corpusTest("horne2017: a body file's dateline lead is not a title; its one-line title file is", async (t) => {
  const dir = join(CORPORA, "horne2017/Public Data/Buzzfeed Political News Dataset");
  const body = kinds(await txtDoc(join(dir, "Fake/28_Fake.txt")));
  t.false(body.some(([kind, text]) => kind === "headline" && text === "WASHINGTON, D.C. –"));
  const title = kinds(await txtDoc(join(dir, "Fake_titles/28_Fake.txt")));
  t.is(title[0]![0], "headline");
});

test("seeds: an in-body sub-heading of an RT article is a headline; the prose after it is body", async (t) => {
  const text = await readFile(fileURLToPath(new URL("../../seeds/002_d2b8e17a10b17534.txt", import.meta.url)), "utf8");
  const k = kinds({ path: "002_d2b8e17a10b17534.txt", text, kind: "txt", location: "seeds/002_d2b8e17a10b17534.txt" });
  const i = k.findIndex(([, s]) => s === "Peace through strength");
  t.true(i > 0);
  t.is(k[i]![0], "headline");
  t.is(k[i + 1]![0], "body");
});

corpusTest("horne2017: a list of names and offices is body, not a run of sub-headings (the next line is not prose)", async (t) => {
  const k = kinds(await txtDoc(join(CORPORA, "horne2017/Public Data/Buzzfeed Political News Dataset/Real/133_Real.txt")));
  const governor = k.filter(([, text]) => text === "Governor of Utah");
  t.true(governor.length > 0);
  t.true(governor.every(([kind]) => kind === "body"));
});
