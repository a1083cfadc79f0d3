// The five seed pages, end to end: read the folder, extract, check articles,
// metadata, chrome removal and the hard sentence cases with real seed sentences.
import test from "ava";
import { join } from "node:path";
import { extractArticles, isSkipped, type ExtractResult, type InputDocument } from "../../src/extract/index.ts";
import type { Article } from "../../src/schema.ts";
import { assertOffsetsRoundTrip, collect, SEEDS_DIR } from "./helpers.ts";

const CHROME_STRINGS = [
  "share this story", "Dear readers", "READ MORE", "Read more", "©", "Home World News", "LEGAL WARNING", "(ILKHA)",
  "commenting policy", "Author:", "18 Aug, 2025", "19 Aug, 2025", "Follow RT", "feedback@rttv.ru", "Getty Images",
  "date 2025-09-0", "Recap",
];

async function seed(name: string): Promise<{ doc: InputDocument; result: ExtractResult }> {
  const docs = await collect([join(SEEDS_DIR, name)]);
  const doc = docs[0]!;
  if (isSkipped(doc)) throw new Error(`seed skipped: ${doc.reason}`);
  return { doc, result: extractArticles(doc) };
}

const texts = (a: Article): string[] => a.sentences.map((s) => s.text);
const allTexts = (r: ExtractResult): string[] => r.articles.flatMap(texts);

test("the seed folder reads as five documents in sorted order", async (t) => {
  const docs = await collect([SEEDS_DIR]);
  t.deepEqual(
    docs.map((d) => ("path" in d ? d.path : d.reason)),
    ["000_f7d8e64bd84cb873.txt", "001_3797edb1984e2faf.txt", "002_d2b8e17a10b17534.txt", "003_3d45c08e27bd539e.txt", "004_81fcf8d2401c1199.txt"],
  );
});

test("every sentence of every seed round-trips through code-point offsets, trimmed and chrome-free", async (t) => {
  for (const item of await collect([SEEDS_DIR])) {
    if (isSkipped(item)) return t.fail(item.reason);
    const result = extractArticles(item);
    assertOffsetsRoundTrip(t, item.text, result);
    for (const s of allTexts(result)) {
      t.is(s, s.trim(), `untrimmed: ${JSON.stringify(s)}`);
      t.false(s.includes("\n") || s.includes("\r"), `line break inside: ${JSON.stringify(s)}`);
      for (const chrome of CHROME_STRINGS) t.false(s.includes(chrome), `chrome ${JSON.stringify(chrome)} in ${JSON.stringify(s)}`);
    }
    for (const a of result.articles) t.is(new Set(texts(a)).size, a.sentences.length, `${a.doc_id} repeats a sentence`);
  }
});

test("000: three RT articles with their dates, header blocks and teasers dropped", async (t) => {
  const { result } = await seed("000_f7d8e64bd84cb873.txt");
  t.deepEqual(
    result.articles.map((a) => [a.doc_id, a.source.published, a.source.outlet, a.source.path]),
    [
      ["000_f7d8e64bd84cb873#0", "2025-08-18", "RT", "000_f7d8e64bd84cb873.txt"],
      ["000_f7d8e64bd84cb873#1", "2025-08-19", "RT", "000_f7d8e64bd84cb873.txt"],
      ["000_f7d8e64bd84cb873#2", "2025-08-19", "RT", "000_f7d8e64bd84cb873.txt"],
    ],
  );
  const [a0, a1, a2] = result.articles.map(texts) as [string[], string[], string[]];
  t.is(a0[0], "Russian President Vladimir Putin is ready to accept security guarantees for Ukraine, US President Donald Trump claimed during a meeting with European leaders on Monday.");
  t.true(a0.includes("“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating."));
  // A two-sentence quote splits; its closing mark stays on the last sentence.
  const q = a0.indexOf("“This is one of the key points that we need to consider.");
  t.true(q >= 0);
  t.is(a0[q + 1], "We are going to be considering that at the table also, like who would do what.”");
  t.true(a0.includes("“Essentially, I’m optimistic that collectively we can reach an agreement that would deter any future aggression against Ukraine,” he added."));
  // Inline "READ MORE:" teasers are cut exactly where the next sentence starts.
  t.is(a0[8], "Both Russia and the US have ruled out Ukraine’s membership in the US-led alliance.");
  t.true(a0[9]!.startsWith("However, Trump’s envoy Steve Witkoff said shortly after"));
  t.true(a1[a1.length - 1]!.startsWith("Moscow maintains that any lasting settlement must eliminate the root causes"));
  t.is(a1[0], "US President Donald Trump has renewed his push for talks between Russian President Vladimir Putin and Ukraine’s Vladimir Zelensky, urging the latter to be more flexible.");
  t.true(a2[0]!.startsWith("A sudden and frenetic period of diplomacy began"));
  t.is(a2[a2.length - 1], "While much of the talk around the talks should be regarded with suspicion, especially from the Western commentariat, here are some of RT’s key takeaways from the recent developments.");
  t.false(allTexts(result).some((s) => s.includes("Ukrainian drone operators near the front line")), "photo caption in the header block kept");
  t.deepEqual(result.chrome, {
    dateline: 3, breadcrumb: 3, header: 3, credit: 3, read_more: 2, share_follow: 3, comment_policy: 3, widget: 1,
  });
});

test("001: one dated article, attributions after closing quotes stay in the sentence", async (t) => {
  const { result } = await seed("001_3797edb1984e2faf.txt");
  t.is(result.articles.length, 1);
  const [a] = result.articles as [Article];
  t.deepEqual([a.doc_id, a.source.published, a.source.outlet], ["001_3797edb1984e2faf", "2025-09-01", null]);
  t.is(a.sentences.length, 33);
  const s = texts(a);
  t.true(s.includes("If the Russian chief does not agree, “it will again show that President Putin played President Trump,” said Macron."));
  t.true(s.includes("He thanked the Chinese and Indian leaders for their support and their efforts to “facilitate the resolution of the Ukrainian crisis”."));
  t.true(s.includes("“We are going to give them good protection,” he said, although he said that this would not mean sending American troops to Ukraine."));
  t.is(s[0], "Russian President Vladimir Putin said he had reached “understanding” with US President Donald Trump at the end of the Ukraine War at their meeting in Alaska last month.");
});

test("002: standfirsts open ten articles, repeats stay separate, headings are sentences, Read-more blocks go", async (t) => {
  const { result } = await seed("002_d2b8e17a10b17534.txt");
  t.deepEqual(result.articles.map((a) => a.doc_id), Array.from({ length: 10 }, (_, k) => `002_d2b8e17a10b17534#${k}`));
  t.true(result.articles.every((a) => a.source.published === null && a.source.outlet === null));
  const [a0, a1, a2, a3, , a5, a6] = result.articles.map(texts) as string[][];
  t.is(a0![0], "Such a meeting, however, must have a meaningful agenda, the Russian president has said");
  t.is(a1![0], "The US president made the remark in reference to Russian President Vladimir Putin’s four-day visit to Beijing");
  t.deepEqual(a2, a1, "the verbatim repeat is its own article");
  t.deepEqual(a6, a5);
  t.true(a0!.includes("At the same time, Putin reiterated concerns about the legitimacy of the Ukrainian leader and whether meeting him would actually be “meaningful.”"));
  t.true(a3!.includes("These conditions were spelled out in Ukraine’s 1990 Declaration of Independence, and Russia and the international community used them to recognize Ukrainian statehood,” the foreign minister said."));
  for (const heading of ["From deadlock to dominance", "A new cycle begins", "Peace through strength", "The new nerve center", "Fighting for peace, again"]) {
    t.true(a5!.includes(heading), `heading ${heading}`);
  }
  const all = allTexts(result);
  for (const teaser of ["Russian Foreign Minister Sergey Lavrov.", "Could Russia have joined NATO?", "RT", "The West has just been given a rude awakening", "Russia and Ukraine ‘in direct contact’ – Lavrov"]) {
    t.false(all.includes(teaser), `teaser/caption ${teaser}`);
  }
  t.true(all.includes("A genuinely democratic and sovereign Ukraine would prioritize national interests and pursue policies that foster domestic peace, good relations with neighbors, and prosperity rather than ceding mineral wealth to Western corporations, she predicted."));
  t.deepEqual(result.chrome, { byline: 1, read_more: 26, caption: 12 });
});

test("003: the agency tag is stripped, the items after the legal footer are articles of their own", async (t) => {
  const { result } = await seed("003_3d45c08e27bd539e.txt");
  t.is(result.articles.length, 5);
  t.true(result.articles.every((a) => a.source.outlet === "ILKHA" && a.source.published === null));
  const [a0, ...items] = result.articles.map(texts) as [string[], ...string[][]];
  t.is(a0[0], "Putin hints at progress with Trump on ending Ukraine war");
  t.is(a0[a0.length - 1], "While Trump’s initiative—backed by China and India—offers a potential path forward, Putin’s vague assurances and Moscow’s battlefield escalation leave the prospect of peace highly uncertain.");
  t.true(a0[1]!.includes("with U.S. President Donald Trump during their Alaska summit"), "U.S. does not end a sentence");
  t.true(a0.includes("“This crisis wasn’t triggered by Russia’s attack on Ukraine, but was a result of a coup in Ukraine, which was supported and provoked by the West,” Putin said."));
  t.deepEqual(items.map((s) => s.length), [1, 1, 1, 1]);
  t.true(items[1]![0]!.startsWith("Turkish President Recep Tayyip Erdoğan delivered"));
  t.deepEqual(result.chrome, { agency_tag: 1, legal: 1 });
});

test("004: an inline date stamp gives the date and is not part of the first sentence", async (t) => {
  const { doc, result } = await seed("004_81fcf8d2401c1199.txt");
  t.is(result.articles.length, 1);
  const [a] = result.articles as [Article];
  t.deepEqual([a.doc_id, a.source.published, a.sentences.length], ["004_81fcf8d2401c1199", "2025-09-02", 17]);
  t.is(a.sentences[0]!.text.slice(0, 45), "Russian President Vladimir Putin has stated t");
  t.is(a.sentences[0]!.start, 17);
  t.is(doc.text.slice(0, 17), " date 2025-09-02 ");
});

test("words are the tokens of each sentence", async (t) => {
  const { result } = await seed("001_3797edb1984e2faf.txt");
  const s = result.articles[0]!.sentences.find((x) => x.text.startsWith("Trump had previously declared"))!;
  t.deepEqual(s.words, ["trump", "had", "previously", "declared", "that", "he", "could", "resolve", "the", "ukraine", "war", "in", "one", "day"]);
});
