// Generic chrome, markup remnants, boilerplate, hard-wrapped lines and
// headline marking (issue 14), on real lines of the corpora the rules were
// not written for, read at run time from ../shared/corpora.
import test from "ava";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles, readInputs, type InputDocument } from "../../src/extract/index.ts";
import { loadChromeLexicon, matchChrome, parseChromeLexicon } from "../../src/extract/chrome-lexicon.ts";
import { unitHash } from "../../src/extract/cleaning.ts";
import { findBoilerplate, prepareCleaning } from "../../src/dataset/boilerplate.ts";
import { InputError } from "../../src/errors.ts";
import { assertOffsetsRoundTrip } from "./helpers.ts";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const corpusTest = existsSync(CORPORA) ? test : test.skip;
const POLNEAR_TRAIN = join(CORPORA, "polnear/train/text");
const FNC1_TRAIN = join(CORPORA, "fnc1/train_bodies.csv");
const FNC1_READ = { textColumn: "articleBody", idColumn: "Body ID" };

async function fnc1Bodies(ids: string[]): Promise<Map<string, InputDocument>> {
  const out = new Map<string, InputDocument>();
  for await (const d of readInputs([FNC1_TRAIN], FNC1_READ)) if (!("reason" in d) && ids.includes(d.docId!)) out.set(d.docId!, d);
  return out;
}

async function polnearDoc(name: string): Promise<InputDocument> {
  const text = await readFile(join(POLNEAR_TRAIN, `${name}.txt`), "utf8");
  return { path: `${name}.txt`, text, kind: "txt", location: name };
}

const texts = (doc: InputDocument) => extractArticles(doc).articles.flatMap((a) => a.sentences.map((s) => s.text));

test("the chrome lexicon names the generic chrome of the issue's corpora, and leaves prose alone", (t) => {
  const lex = loadChromeLexicon();
  const chrome: [string, string][] = [
    ["ABSTRACT.", "section_label"],
    ["FULL TEXT.", "section_label"],
    ["Like the page:", "share_follow"],
    ["Follow Pam Key on Twitter @pamkeyNEN.", "share_follow"],
    ["scroll down for video", "widget"],
    ["Have something to add to this story?", "comment_policy"],
    ["Sorry we are not currently accepting comments on this article.", "comment_policy"],
    ["poll loading …", "widget"],
    ["[Image via screengrab]", "credit"],
    ["(Reporting by Valerie Volcovici; Additional reporting by Lawrence Hurley; Editing by Will Dunham.)", "byline"],
    ["Julie Tate in Washington and Griff Witte and Karla Adam in London contributed to this report.", "byline"],
    [".gmobile {", "markup"],
    ["padding-top:20px;", "markup"],
    ["mboxCreate('FoxNews-Politics-Autoplay-Videos-In-Articles');", "markup"],
    ["brightcove.createExperiences();", "markup"],
    ["plane_photo_w_watermark_0_1463649006", "markup"],
    ["play video", "widget"],
  ];
  for (const [line, category] of chrome) t.is(matchChrome(lex, line) as string | null, category, line);
  for (const prose of [
    "“Supporters of some other candidates,” Blackwell added.",
    "Variety is the spice of life",
    "He reported from Baghdad that the army had left.",
    "Follow the money, the senator said.",
  ])
    t.is(matchChrome(lex, prose), null, prose);
});

test("a bad chrome.csv row stops with file:line", (t) => {
  const err = t.throws(() => parseChromeLexicon("x/chrome.csv", "category,match,pattern\nwidget,text,play video\nwidgets,text,view gallery\n"), { instanceOf: InputError });
  t.regex(err!.message, /^x\/chrome\.csv:3: column category/);
  const bad = t.throws(() => parseChromeLexicon("x/chrome.csv", "category,match,pattern\n# comment\nmarkup,regex,\"([a-z\"\n"), { instanceOf: InputError });
  t.regex(bad!.message, /^x\/chrome\.csv:3: column pattern: bad regex/);
});

corpusTest("PolNeAR: a CSS block and section labels are dropped, the prose around them kept", async (t) => {
  const doc = await polnearDoc("huff-post_2015-12-03_cnn-president-on-trump-we-do-not");
  const r = extractArticles(doc);
  const all = r.articles.flatMap((a) => a.sentences.map((s) => s.text));
  t.false(all.some((s) => /width:\s*100%|padding-top|gmobile|\{|\}/.test(s)), "no CSS in any record");
  t.true((r.chrome.markup ?? 0) >= 5);
  t.true(all.length > 10);
  assertOffsetsRoundTrip(t, doc.text, r);
  // Every dropped piece is in the audit, with code point offsets into the document.
  const cps = [...doc.text];
  for (const d of r.dropped) t.is(cps.slice(d.start, d.end).join("").trim().replace(/\s+/g, " ").slice(0, 300), d.text);
});

corpusTest("PolNeAR: a hard-wrapped quote is one record, not two", async (t) => {
  const all = texts(await polnearDoc("breitbart_2016-01-10_conservative-icon-morton-blackwe"));
  const joined = all.find((s) => s.includes("participate personally"));
  t.truthy(joined);
  t.regex(joined!, /participate personally\s+in caucuses and primaries\.”$/);
  t.false(all.some((s) => s.startsWith("in caucuses")));
});

corpusTest("PolNeAR and BBC: the first line is the headline, the rest body", async (t) => {
  const polnear = extractArticles(await polnearDoc("breitbart_2015-11-11_the-ninth-circle-the-hellish-vie")).articles[0]!.sentences;
  t.is(polnear[0]!.text, "The Ninth Circle: The Hellish View from Inside the Beltway, #2.");
  t.is(polnear[0]!.kind, "headline");
  t.true(polnear.slice(1).every((s) => s.kind === "body"));
  const bbcText = await readFile(join(CORPORA, "bbc_news/business/001.txt"), "utf8");
  const bbc = extractArticles({ path: "business/001.txt", text: bbcText, kind: "txt", location: "bbc" }).articles[0]!.sentences;
  t.is(bbc[0]!.text, bbcText.split("\n")[0]!.trim());
  t.is(bbc[0]!.kind, "headline");
  t.is(bbc.filter((s) => s.kind === "headline").length, 1);
});

corpusTest("FNC-1: widget lines, script calls and a tag glued to prose are removed; the prose is kept with exact offsets", async (t) => {
  const bodies = await fnc1Bodies(["14", "59", "89", "149", "382"]);
  t.is(bodies.size, 5);
  for (const [id, doc] of bodies) {
    const r = extractArticles(doc);
    assertOffsetsRoundTrip(t, doc.text, r);
    for (const s of r.articles.flatMap((a) => a.sentences)) {
      t.false(/mboxCreate|brightcove\.createExperiences|^scroll down for video$|\[image via screengrab\]|class="/i.test(s.text), `${id}: ${s.text}`);
    }
  }
  const cnn = extractArticles(bodies.get("149")!).articles[0]!.sentences;
  const kept = cnn.find((s) => s.text.startsWith("In the recording, a quick series of shots can be heard"));
  t.truthy(kept, "the prose after the glued tag is a record");
  t.is([...bodies.get("149")!.text].slice(kept!.start, kept!.end).join(""), kept!.text);
});

test("a sentence glued to the next after a closing quote is split (the issue's line)", (t) => {
  const text = "She said the party would stand to her side.”Editor's note: Donald Trump is a serial liar.";
  const r = extractArticles({ path: "x.csv:1", text, kind: "csv", docId: "1", location: "x" });
  const all = r.articles.flatMap((a) => a.sentences.map((s) => s.text));
  t.true(all.includes("She said the party would stand to her side.”"));
  t.false(all.some((s) => s.includes("Editor")), "the editor's note is dropped");
  t.is(r.chrome.section_label, 1);
});

corpusTest("BBC boilerplate: a standing author line across many articles is dropped; quotes and copied stories are not", async (t) => {
  const bbc = join(CORPORA, "bbc_news");
  const hashes = new Set(await findBoilerplate([bbc], {}, 5));
  const h = (s: string) => unitHash(s, 0, s.length);
  t.true(hashes.has(h("Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.")));
  t.true(hashes.has(h("Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production.")));
  // A quote in 5 articles and a line of a story BBC carries several times are text.
  t.false(hashes.has(h(`If they haven't [ID cards] they are going to be detained."`)));
  t.false(hashes.has(h("They are going to be stopped.")));
  t.deepEqual(await findBoilerplate([bbc], {}, 0), [], "--boilerplate-min-docs 0 turns the rule off");
  // Dropped in extraction, with its category.
  const spec = await prepareCleaning([join(bbc, "tech")], {}, { boilerplateMinDocs: 5 });
  let dropped = 0;
  for await (const d of readInputs([join(bbc, "tech")])) {
    if ("reason" in d) continue;
    const r = extractArticles(d, spec);
    t.false(r.articles.some((a) => a.sentences.some((s) => s.text.startsWith("Bill Thompson is a regular commentator"))));
    // The author lines are also bios on an article's last lines (issue 20: category byline, found first).
    dropped += r.dropped.filter((x) => x.category === "boilerplate" || (x.category === "byline" && / is (?:a |the )?(?:regular commentator|technology correspondent)\b/.test(x.text))).length;
  }
  t.true(dropped >= 5);
});

corpusTest("--keep-chrome restores a category: the PolNeAR section labels come back as records", async (t) => {
  const doc = await polnearDoc("nyt_2015-11-09_jobs-report-gives-democrats-a-li");
  t.true(doc.text.includes("\nFULL TEXT.\n"));
  t.false(texts(doc).includes("FULL TEXT."));
  const kept = await prepareCleaning([], {}, { keepChrome: ["section_label"], boilerplateMinDocs: 0 });
  t.true(extractArticles(doc, kept).articles.some((a) => a.sentences.some((s) => s.text === "FULL TEXT.")));
});

corpusTest("PolNeAR dev: no record is chrome as a whole or a fragment cut at a line break", async (t) => {
  const dev = join(CORPORA, "polnear/dev/text");
  const lex = loadChromeLexicon();
  const spec = await prepareCleaning([dev], {});
  let records = 0;
  for await (const d of readInputs([dev])) {
    if ("reason" in d) continue;
    for (const a of extractArticles(d, spec).articles) {
      for (const s of a.sentences) {
        records++;
        t.is(matchChrome(lex, s.text), null, s.text);
        t.false(/^\p{Ll}/u.test(s.text) && !/[.!?…:;][”’"')\]]*$|[”"]$/.test(s.text), `fragment: ${s.text}`);
      }
    }
  }
  t.true(records > 3000);
});
