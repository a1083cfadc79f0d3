// Issue 20, second round: chrome found by shape on any outlet — agency-style photo captions, bios, prompts,
// copyright lines, a title repeated as a body line — on real lines of the AllSides and horne2017
// corpora (outlets outside the held-out chrome gold file), and lines of the same shape that stay text.
import test from "ava";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles, readInputs } from "../../src/extract/index.ts";
import { readAllSides, type OutletDocument } from "../../src/eval/allsides.ts";
import { allsidesSubsetOf } from "../helpers/allsides.ts";
import { assertOffsetsRoundTrip } from "./helpers.ts";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const ALLSIDES = join(CORPORA, "allsides/articles.jsonl.gz");
const HORNE_1003 = join(CORPORA, "horne2017/Public Data/Random Poltical News Dataset/Real/1003.txt");
const corpusTest = existsSync(ALLSIDES) ? test : test.skip;

const IDS = {
  apFactCheck: "LsFkoPPaq8wDjVHR", // "FILE - In this April 27, 2020, file photo, …"
  cbn: "0RLYgJww2Ka57Y5G", // "This photo of Democratic congressmen praying … is making the rounds on Twitter." (prose)
  cap: "kcFfjIL8m1yGFrFy", // two authors' bios on one line, before endnotes
  herald: "eunKsOtqRtCDTo6D", // bio + "Follow him on Twitter: @…" on the last line
  epoch: "4217HSEphKWABnrL", // a photo caption, then the title: the title's line is not a repeat
  guardian: "bF5RbpLydwGvnkeE", // a standfirst, the title, the title again
  guestLeft: "8dI05IlV2Z1LXc6w", // "Ann Coulter was right." (prose like the title), "Read or Share this story: …"
  quartz: "xOpptp3aJaH8iHFT", // a pull quote repeating two quoted sentences of the body
  grist: "jbQPCJtMj8DIqavj", // "Get Grist in your inbox", "See our privacy policy"
  csm: "28HeIQdY65cNHS80", // "Copyright 2013 The Associated Press."
};

let articles: Promise<Map<string, OutletDocument>> | null = null;
async function doc(id: string): Promise<OutletDocument> {
  articles ??= (async () => {
    const want = new Set(Object.values(IDS));
    const out = new Map<string, OutletDocument>();
    // The corpus's lines of these ids, read by the project's reader (test/helpers/allsides.ts).
    for await (const d of readAllSides((await allsidesSubsetOf(want))!)) if (want.has(d.docId!)) out.set(d.docId!, d);
    return out;
  })();
  const d = (await articles).get(id);
  if (!d) throw new Error(`no AllSides article ${id}`);
  return d;
}

const records = (d: OutletDocument) => extractArticles(d).articles.flatMap((a) => a.sentences.map((s) => s.text));
const drops = (d: OutletDocument, category: string) => extractArticles(d).dropped.filter((x) => x.category === category).map((x) => x.text);

corpusTest("an AP-style file-photo caption is a caption; prose about a photo is not", async (t) => {
  const ap = await doc(IDS.apFactCheck);
  t.true(drops(ap, "caption").some((x) => x.startsWith("FILE - In this April 27, 2020, file photo, a worker passes public school buses")));
  t.false(records(ap).some((s) => s.includes("file photo")));
  const cbn = await doc(IDS.cbn);
  t.true(records(cbn).some((s) => s.startsWith("This photo of Democratic congressmen praying on a separate baseball field")));
});

corpusTest("bios: co-authors' bios on one line before endnotes (naming the outlet), a bio with a follow line at the end", async (t) => {
  const cap = await doc(IDS.cap);
  const bylines = drops(cap, "byline");
  t.true(bylines.some((x) => x.startsWith("Alex Rowell is a Research Assistant") && x.includes("David Madland is the Managing Director")));
  // The endnotes after the bios stay text.
  t.true(records(cap).some((s) => s.startsWith("While this methodology is consistent with the 2014 data")));
  const herald = await doc(IDS.herald);
  t.true(drops(herald, "byline").some((x) => x.startsWith("Michael Graham is a regular contributor to the Boston Herald.")));
  t.true(records(herald).includes("But it also helped make Donald Trump president."));
});

corpusTest("a title repeated as a body line is a repeat; the title's own line and prose that echoes the title are kept", async (t) => {
  const guardian = await doc(IDS.guardian);
  const title = "Trump praises Putin over US sanctions – a move that puts him at odds with GOP";
  const r = extractArticles(guardian);
  t.deepEqual(r.dropped.filter((x) => x.category === "repeat").map((x) => x.text), [title]);
  // (The first copy, standing between the standfirst and the lead, is taken by the older caption rule.)
  t.true(r.articles.flatMap((a) => a.sentences).filter((s) => s.text === title).length <= 1);
  assertOffsetsRoundTrip(t, guardian.text, r);
  // A page that opens with a photo caption: its title (second line) is the title's first occurrence, not a repeat.
  const epoch = await doc(IDS.epoch);
  t.false(extractArticles(epoch).dropped.some((x) => x.category === "repeat"));
  t.true(records(epoch).includes("Graham Says No Senate Republicans Would Vote to Remove Trump ‘Because He Did Nothing Wrong’"));
  const guest = await doc(IDS.guestLeft);
  t.true(records(guest).includes("Ann Coulter was right."));
});

corpusTest("a pull quote stays (PolNeAR's annotators take such displayed quotes for content), its body copy too", async (t) => {
  const texts = records(await doc(IDS.quartz));
  t.true(texts.includes("“It’s what I would call the amen corner."));
  t.true(texts.some((s) => s.startsWith("“It’s what I would call the amen corner,” Sree Sreenivasan")));
});

corpusTest("prompts and copyright lines: '… in your inbox', 'See our privacy policy', 'Read or Share this story:', 'Copyright 2013 The Associated Press.'", async (t) => {
  const grist = await doc(IDS.grist);
  const promos = extractArticles(grist).dropped.filter((x) => x.category === "promo").map((x) => x.text);
  t.true(promos.includes("Get Grist in your inbox"));
  t.true(promos.includes("See our privacy policy"));
  t.true(drops(await doc(IDS.guestLeft), "promo").some((x) => x.startsWith("Read or Share this story:")));
  const csm = await doc(IDS.csm);
  t.true(drops(csm, "legal").includes("Copyright 2013 The Associated Press."));
  t.false(records(csm).some((s) => s.startsWith("Copyright")));
});

(existsSync(HORNE_1003) ? test : test.skip)("BBC's 'Image copyright' line glued to its source ('TwitterImage copyrightTWITTER') is a caption", async (t) => {
  for await (const d of readInputs([HORNE_1003], {})) {
    if ("reason" in d) continue;
    const r = extractArticles(d);
    t.true(r.dropped.some((x) => x.category === "caption" && x.text === "TwitterImage copyrightTWITTER"));
    t.false(r.articles.some((a) => a.sentences.some((s) => s.text.includes("Image copyright"))));
  }
});
