// Sentence segmentation rules on small texts (one CSV-style article each, so
// no page splitting interferes).
import test from "ava";
import { MAX_SENTENCE } from "../../src/extract/index.ts";
import { assertOffsetsRoundTrip, extractText, sentenceTexts } from "./helpers.ts";

test("titles, initials and U.S. inside a sentence do not end it", (t) => {
  t.deepEqual(sentenceTexts("Mr. Smith met Dr. Jones and Gen. Gerasimov in St. Petersburg on Monday. J. Doe and U.S. President Donald Trump agreed."), [
    "Mr. Smith met Dr. Jones and Gen. Gerasimov in St. Petersburg on Monday.",
    "J. Doe and U.S. President Donald Trump agreed.",
  ]);
});

test("an acronym or weak abbreviation ends a sentence before a typical opener", (t) => {
  t.deepEqual(sentenceTexts("Troops were sent to the U.S. The talks began later. It was bought by Acme Inc. But nobody knew."), [
    "Troops were sent to the U.S.",
    "The talks began later.",
    "It was bought by Acme Inc.",
    "But nobody knew.",
  ]);
});

test("a question or exclamation in quotes keeps its attribution", (t) => {
  t.deepEqual(sentenceTexts("“Will you go?” Trump asked. “Never!” he said. “Why?” Anna Smith wrote. Then they left."), [
    "“Will you go?” Trump asked.",
    "“Never!” he said.",
    "“Why?” Anna Smith wrote.",
    "Then they left.",
  ]);
});

test("a sentence ending inside quotes takes the closing mark; straight quotes too", (t) => {
  t.deepEqual(sentenceTexts('He called it "a disaster." She disagreed. "We will win. Believe me." Then silence.'), [
    'He called it "a disaster."',
    "She disagreed.",
    '"We will win.',
    'Believe me."',
    "Then silence.",
  ]);
});

test("numbers, lower-case continuations and list markers do not split", (t) => {
  t.deepEqual(sentenceTexts("Prices rose 1.2 percent, e.g. in March. The next step... was unclear.\n1. The first point stands."), [
    "Prices rose 1.2 percent, e.g. in March.",
    "The next step... was unclear.",
    "1. The first point stands.",
  ]);
});

test("a newline ends a sentence; headings without punctuation are sentences; punctuation-only lines are dropped", (t) => {
  t.deepEqual(sentenceTexts("Peace through strength\nThe deal was struck\nIn two lines.\n\n***\n–\nLast one."), [
    "Peace through strength",
    "The deal was struck",
    "In two lines.",
    "Last one.",
  ]);
});

test("a hard-wrapped line that ends mid-sentence joins a next line starting in lower case; two blank lines or final punctuation stop it", (t) => {
  t.deepEqual(sentenceTexts("The deal was struck\nin two lines.\nDouble\n\nspaced.\nA title\n\n\nlower case after two blank lines.\nIt ended.\nthen this."), [
    "The deal was struck\nin two lines.",
    "Double\n\nspaced.",
    "A title",
    "lower case after two blank lines.",
    "It ended.",
    "then this.",
  ]);
  // A closing quote ends a sentence only after a terminator.
  t.deepEqual(sentenceTexts("He called the plan a “disgrace”\nand left.\n“We are done.”\nthen silence."), [
    "He called the plan a “disgrace”\nand left.",
    "“We are done.”",
    "then silence.",
  ]);
});

test("caseless scripts split at 。！？", (t) => {
  t.deepEqual(sentenceTexts("这是第一句。这是第二句！第三句？"), ["这是第一句。", "这是第二句！", "第三句？"]);
});

test("offsets are code points: an emoji before the sentences shifts them by one each", (t) => {
  const text = "😀\nHello there. 👍🏽 Next one here.";
  const r = extractText(text);
  const s = r.articles[0]!.sentences;
  t.deepEqual(s.map((x) => [x.text, x.start, x.end]), [
    ["Hello there.", 2, 14],
    ["👍🏽 Next one here.", 15, 32],
  ]);
  t.not(text.indexOf("Hello"), 2, "UTF-16 and code-point offsets differ here");
  assertOffsetsRoundTrip(t, text, r);
});

test("exact duplicates inside one article are kept once and counted", (t) => {
  const r = extractText("The same sentence again. Another one. The same sentence again.\nThe same sentence again.");
  t.deepEqual(r.articles[0]!.sentences.map((s) => s.text), ["The same sentence again.", "Another one."]);
  t.is(r.duplicateSentences, 2);
});

test("an over-long sentence is split at whitespace below the cap, a run without spaces hard at the cap", (t) => {
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" "); // ~3,000 chars, no punctuation
  const digits = Array.from({ length: 1000 }, (_, i) => i).join(""); // 2,890 chars, no space, no repeat
  const text = `${words}\n${digits}`;
  const r = extractText(text);
  const s = r.articles[0]!.sentences;
  t.true(s.every((x) => x.end - x.start <= MAX_SENTENCE));
  t.is(s.filter((x) => x.text.startsWith("word")).map((x) => x.text).join(" "), words);
  t.deepEqual(s.filter((x) => /^\d/.test(x.text)).map((x) => x.text.length), [1000, 1000, 890]);
  t.is(s.filter((x) => /^\d/.test(x.text)).map((x) => x.text).join(""), digits);
  assertOffsetsRoundTrip(t, text, r);
});

test("a line longer than a tokenizer window segments as if whole", (t) => {
  const line = Array.from({ length: 8000 }, (_, i) => `Sentence number ${i} is here.`).join(" "); // ~220,000 chars
  const s = sentenceTexts(line);
  t.is(s.length, 8000);
  t.true(s.every((x, i) => x === `Sentence number ${i} is here.`));
});

test("a huge line without punctuation finishes with capped sentences", (t) => {
  const text = "alpha beta gamma delta ".repeat(200_000); // 4.6 MB, one line
  const r = extractText(text);
  const s = r.articles[0]!.sentences;
  t.true(s.length > 0);
  t.true(s.every((x) => x.end - x.start <= MAX_SENTENCE));
  t.true(r.duplicateSentences > 4000, "repeating capped pieces are in-article duplicates");
});

test("text with surrogates far apart converts offsets with one forward walk", (t) => {
  const text = `${"𝔸 ".repeat(50)}First sentence here. ${"Plain text. ".repeat(20)}🎉 Last one.`;
  assertOffsetsRoundTrip(t, text, extractText(text));
});
