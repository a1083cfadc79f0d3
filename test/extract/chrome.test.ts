// Chrome rules and article boundaries on invented pages in the seeds' layouts:
// the rules are layout patterns, so other names, outlets and sections must work.
import test from "ava";
import { extractText, sentenceTexts } from "./helpers.ts";

const RT_PAGE =
  "5 Sep, 2024 10:00 Home Business News Oil exporters agree on new quota – OPEC The cartel met in Vienna " +
  "A tanker at sea on May 2, 2024. © AFP / Getty Images The cartel agreed to cut output by a million barrels. " +
  "“We will not flood the market,” the minister said. READ MORE: Prices jump after surprise cut – analysts " +
  "Traders reacted within minutes. Analysts expect volatility. Recap You can share this story on social media: " +
  "Follow RT on Oil OPEC Dear readers! Thank you for reading. Please check our commenting policy More " +
  "6 Sep, 2024 08:15 Home Russia & FSU Second headline here Standfirst words © Sputnik / Pool The second story starts here. It ends here.";

test("an RT-style inline page splits at datelines and drops header, credit, teaser, share and comment blocks", (t) => {
  const r = extractText(RT_PAGE, "txt");
  t.deepEqual(
    r.articles.map((a) => [a.doc_id, a.source.published, a.source.outlet, a.sentences.map((s) => s.text)]),
    [
      ["doc#0", "2024-09-05", "RT", [
        "The cartel agreed to cut output by a million barrels.",
        "“We will not flood the market,” the minister said.",
        "Traders reacted within minutes.",
        "Analysts expect volatility.",
      ]],
      ["doc#1", "2024-09-06", "RT", ["The second story starts here.", "It ends here."]],
    ],
  );
  t.deepEqual(r.chrome, {
    dateline: 2, breadcrumb: 2, header: 2, credit: 2, read_more: 1, widget: 1, share_follow: 1, comment_policy: 1,
  });
});

test("an inline teaser ends before a typical sentence opener", (t) => {
  t.deepEqual(sentenceTexts("It rained. READ MORE: Storm hits the coast again However, the roads stayed open. Fine."), [
    "It rained.",
    "However, the roads stayed open.",
    "Fine.",
  ]);
});

test("a teaser that cannot be told from the next sentence is dropped with it, never kept in a sentence", (t) => {
  t.deepEqual(sentenceTexts("It rained. READ MORE: Storm hits the coast again Roads stayed open. Fine."), ["It rained.", "Fine."]);
});

test("a teaser alone on its line ends at the line end", (t) => {
  t.deepEqual(sentenceTexts("First paragraph here.\n\nREAD MORE: EU is out of touch with reality – Fico to Putin\n\nSecond paragraph here."), [
    "First paragraph here.",
    "Second paragraph here.",
  ]);
});

test("Read-more blocks: caption + headline after, headline before, headline list into the body", (t) => {
  const rt = "Body one.\n\nRead more\n\nA minister at a press conference.\nMinister resigns – reports\n\nBody two.";
  t.deepEqual(sentenceTexts(rt), ["Body one.", "Body two."]);
  const guardian = "Body one.\n\nPolice question suspect over fire\n Read more\nBody two continues here.";
  t.deepEqual(sentenceTexts(guardian), ["Body one.", "Body two continues here."]);
  const list = "Body one.\n\nRead more:\n\nIs this any way to vote? Half say no\nGovernor vetoes the bill\nBody two goes on. It ends.";
  t.deepEqual(sentenceTexts(list), ["Body one.", "Body two goes on.", "It ends."]);
});

test("a trailing agency tag is stripped and names the outlet; a tag in a caption does not", (t) => {
  const r = extractText("The summit ended. (AA)\nAll parties signed.");
  t.deepEqual(r.articles[0]!.sentences.map((s) => s.text), ["The summit ended.", "All parties signed."]);
  t.is(r.articles[0]!.source.outlet, null);
  const end = extractText("The summit ended. All parties signed. (AA)");
  t.is(end.articles[0]!.source.outlet, "AA");
  t.is(end.articles[0]!.sentences[1]!.text, "All parties signed.");
});

test("a legal footer ends the article; the news items after it are separate articles sharing the page's outlet", (t) => {
  const page = "Headline of the main story here\n\nThe main story body. It has two sentences. (ILKHA)\n" +
    "LEGAL WARNING: All rights reserved by İlke Haber Ajansı. No reuse.\nFirst other item here.\nSecond other item here.";
  const r = extractText(page, "txt");
  t.deepEqual(r.articles.map((a) => [a.doc_id, a.source.outlet, a.sentences.length]), [
    ["doc#0", "ILKHA", 3],
    ["doc#1", "ILKHA", 1],
    ["doc#2", "ILKHA", 1],
  ]);
});

test("standfirst pages split into articles; short headings and mid-article lines without punctuation do not", (t) => {
  const page = [
    "Author: .",
    "The minister has rejected the proposal for a new tax on imported steel, officials said",
    "The proposal was tabled by the opposition last week and drew wide criticism from industry.",
    "Why it matters",
    "Steel makers warned of job losses. They asked for talks.",
    "Farmers staged a protest outside parliament over the price of diesel and fertiliser",
    "Hundreds of tractors blocked the main road into the capital on Tuesday morning, police said.",
  ].join("\n\n");
  const r = extractText(page, "txt");
  t.deepEqual(r.articles.map((a) => a.sentences.map((s) => s.text)), [
    [
      "The minister has rejected the proposal for a new tax on imported steel, officials said",
      "The proposal was tabled by the opposition last week and drew wide criticism from industry.",
      "Why it matters",
      "Steel makers warned of job losses.",
      "They asked for talks.",
    ],
    [
      "Farmers staged a protest outside parliament over the price of diesel and fertiliser",
      "Hundreds of tractors blocked the main road into the capital on Tuesday morning, police said.",
    ],
  ]);
  // A page that opens with body prose is one article even if a long unpunctuated line follows.
  const single = "The body starts with a sentence.\n\nA long line of prose without any final punctuation at its end\n\nMore body text here, ending properly.";
  t.is(extractText(single, "txt").articles.length, 1);
});

test("CSV/JSONL documents are never split into articles and keep the row id as doc_id", (t) => {
  const r = extractText("5 Sep, 2024 10:00 Home World News Some header © AFP The body.\n6 Sep, 2024 11:00 Home World News Other © AFP More body.");
  t.deepEqual(r.articles.map((a) => [a.doc_id, a.source.published, a.sentences.length]), [["1", "2024-09-05", 2]]);
});

test("a timestamp inside prose is text, not a dateline", (t) => {
  t.deepEqual(sentenceTexts("The server stamped it Fri, 03 Oct 2014 17:06:32 GMT. Then it crashed."), [
    "The server stamped it Fri, 03 Oct 2014 17:06:32 GMT.",
    "Then it crashed.",
  ]);
});

test("credits end at their typical last word; a short credit line goes whole", (t) => {
  t.deepEqual(sentenceTexts("Intro here. © Kremlin Press Office A new decree was signed. © Reuters / Contributor The decree takes effect."), [
    "Intro here.",
    "A new decree was signed.",
    "The decree takes effect.",
  ]);
  t.deepEqual(sentenceTexts("A photo.\n© Knightscope, Inc. 2014 (www.knightscope.com)\nText."), ["A photo.", "Text."]);
});

test("bylines, share lines and bare breadcrumbs are dropped", (t) => {
  t.deepEqual(sentenceTexts("By Jane Doe\nHome World News\nShare this:\nFollow us: @paper on Twitter\nThe story itself."), ["The story itself."]);
});
