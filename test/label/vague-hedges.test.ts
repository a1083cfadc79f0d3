// Vague sources and weasels beyond the seed domain (issue 11): quantified subjects of reporting and cognition
// verbs, impersonal passives, adverb + participle, "according to some", criticism with no critic, concern nouns;
// and the conditions that keep non-hedges out. Sentences are real: CoNLL-2010 Wikipedia train rows (Treebank
// escapes undone) and BBC News / FNC-1 bodies.
import test from "ava";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../src/errors.ts";
import { DEFAULT_LEXICON_DIR, loadLexicons } from "../../src/label/lexicon/lexicons.ts";
import { cpIndex, labelLast } from "./helpers.ts";

async function hedgesOf(text: string) {
  return (await labelLast(text)).hedges.map((h) => [h.type, h.cue, h.start, h.end] as const);
}
const at = (text: string, cue: string, type: string) => [type, cue, cpIndex(text, cue), cpIndex(text, cue) + [...cue].length] as const;

async function rulesOf(text: string) {
  return (await labelLast(text)).rules.filter((r) => r.startsWith("hedge."));
}

test("vague subject: a quantifier (+ group noun) and its reporting or cognition verb are one cue", async (t) => {
  const cases: [string, string][] = [
    // CoNLL-2010 wiki train
    ["Some critics have maintained that Christianity isn't founded on an historical figure, but rather on a mythical creation.", "Some critics have maintained"],
    ["Many scholars believe that the name “Rada” is a corruption of “Arara,” an African port from whence many slave ships were launched.", "Many scholars believe"],
    ["Others argue that the octopus's mimicry is sexually selected and that its complex behaviors are simply displays of courtship that are misinterpreted as mimicry.", "Others argue"],
    ["But there are scholars who believe that prakrit is older than sanskrit and it is on the base of prakrit ( original ) the language sanskrit ( refined ) was made.", "there are scholars who believe"],
    // BBC News
    ["Some economists say this may allow an upward revision of US economic growth in the fourth quarter.", "Some economists say"],
  ];
  for (const [text, cue] of cases) {
    t.deepEqual((await hedgesOf(text))[0], at(text, cue, "vague"), text);
    // "Others argue" is also a phrase row of the spec's own list; the others need the vague-subject rule.
    if (!cue.startsWith("Others")) t.true((await rulesOf(text)).includes("hedge.vague_subject"), text);
  }
  const b = "One wonders whether hardware-based DRM will work for those who believe that locking-down digital content is a bad idea, and that the flexibility of copyright law is something that should be embraced and not taken away.";
  t.deepEqual(await hedgesOf(b), [at(b, "those who believe", "vague")]);
});

test("vague agent: a participle by a quantifier (BBC: regarded by many)", async (t) => {
  const text = "She was regarded by many as a pioneering woman in film, taking on jobs in the 70s that were more commonly taken by men.";
  t.deepEqual(await hedgesOf(text), [at(text, "regarded by many", "vague")]);
});

test("a quantifier that is not the subject of a reporting or cognition verb is a vague quantity, not a hedge", async (t) => {
  for (const text of [
    // CoNLL-2010 wiki train rows labelled uncertain there: a vague quantity, not a vague source, by the spec.
    "Although not native to China, Korea or Japan, the pomegranate is widely grown there and many cultivars have been developed.",
    "After the third partition of Poland, many Jacobins emigrated and joined the Polish Legions in Italy.",
    // "most noted for": an adjective, not a verb of saying.
    "` Pietro Mascagni' ( December 7, 1863 - August 2, 1945 ) was an Italian composer most noted for his operas.",
  ])
    t.deepEqual(await hedgesOf(text), [], text);
});

test("impersonal passives and adverb + participle (the closing that is not part of the cue)", async (t) => {
  const a = "It has been suggested that GNOME's non-frozen APIs were the main complaint.";
  t.deepEqual(await hedgesOf(a), [at(a, "It has been suggested", "vague")]);
  const b = "In the future, it is believed that edge-loops will no longer be required at all.";
  t.deepEqual(await hedgesOf(b), [at(b, "it is believed", "vague")]);
  const c = "Outside the USA these are generally considered a type of cushion, with the term ` pillow' reserved for the pillows on a bed.";
  t.deepEqual(await hedgesOf(c), [at(c, "are generally considered", "vague")]);
  const d = "His second season duplicated that success, repeating an 8-0 record while collectively outscoring opponents 255-25, and garnering what is widely regarded as a consensus national championship.";
  t.deepEqual(await hedgesOf(d), [at(d, "is widely regarded", "vague")]);
});

test("according to some; criticism with no critic; a named critic is no vague source", async (t) => {
  const a = "According to some officials, Ban has gone further, boosting South Korea's presence in U.N. ranks by more than 20 percent in the past year.";
  t.deepEqual(await hedgesOf(a), [at(a, "According to some officials", "vague")]);
  const b = "` Acceptable Use Policy' : The acceptable use policy has been criticized for containing this passage :.";
  t.deepEqual(await hedgesOf(b), [at(b, "has been criticized", "vague")]);
  const c = "Due to the very bold and daring scenes of nudity and gore in the series, it has drawn criticism as being “overly blatant” or “sad and forced”.";
  t.deepEqual(await hedgesOf(c), [at(c, "drawn criticism", "vague")]);
  // BBC: the critic is named.
  t.deepEqual(await hedgesOf("He has been criticised by the SNP for encouraging young people to get drunk."), []);
});

test("concern nouns: there are fears, there is speculation, amid speculation (BBC)", async (t) => {
  const a = "There are fears that the world's number two economy is doomed to a permanent recession.";
  t.deepEqual(await hedgesOf(a), [at(a, "There are fears", "vague")]);
  const b = "Sony Ericsson will use the fair to show off the W800 - its recently unveiled Walkman branded phone - and there is speculation that Motorola may unveil its ROKR handset, widely tipped as the first to carry Apple's iTunes music software.";
  t.deepEqual(await hedgesOf(b), [at(b, "there is speculation", "vague"), at(b, "may", "speculative")]);
  const c = "MCI shares jumped on Friday, hitting their highest level since April 2004 amid speculation that it would be the focus of a bidding war.";
  t.deepEqual(await hedgesOf(c), [at(c, "amid speculation", "vague")]);
});

test("speculative and distancing adverbs: arguably, presumably, reputedly", async (t) => {
  const a = "Bako's rookie season was arguably his most successful ; he posted a .272 batting average, hit 3 home runs, batted in 30 runs, and collected 106 total bases.";
  t.deepEqual(await hedgesOf(a), [at(a, "arguably", "speculative")]);
  const b = "The Macintosh was reputedly named after Mr Raskin's favourite apple, though the name was changed slightly following a trademark dispute with another company.";
  t.deepEqual(await hedgesOf(b), [at(b, "reputedly", "distancing")]);
});

test("not hedges: appeared in (showing up), as soon as possible, every possible (a range)", async (t) => {
  for (const text of [
    "When the first plastic cards appeared in the UK in June 1966, issued by Barclaycard, but only a handful of retailers accepted them and very few customers held them.",
    "Mr Saakashvili, elected president in January after Mr Shevardnadze was toppled, has urged the Georgian Parliament to approve the amnesty as soon as possible.",
  ])
    t.deepEqual(await hedgesOf(text), [], text);
  const c = "The government and the safety service is trying to suppress every possible knowledge of physics, which could lead to verify if the statements about what Paradise is, explained to Paradisians, are true.";
  t.deepEqual(await hedgesOf(c), [at(c, "could", "speculative")]);
  // "appears to" still seems.
  const a = "The video appears to have been a hoax.";
  t.deepEqual(await hedgesOf(a), [at(a, "appears", "speculative")]);
});

test("claim as take or win, claims as a noun, said about: not hedges; claimed to have found still distances (CoNLL train)", async (t) => {
  for (const text of [
    "In December 2001, a presidential election was held in which both major candidates claimed victory.",
    "However, because the antitrust laws are ultimately intended to benefit consumers, and discounting results in at least short-term net benefit to consumers, the U.S. Supreme Court has set high hurdles to antitrust claims based on a predatory pricing theory.",
    "Nothing is said about syntax, morphology or phonology.",
  ])
    t.deepEqual(await hedgesOf(text), [], text);
  const a = "On May, 2001, two researchers from the University of Naples claimed to have found live extraterrestrial bacteria inside a meteorite.";
  t.deepEqual(await hedgesOf(a), [at(a, "claimed", "distancing")]);
});

test("vague agent a few words after its participle; 'continue to'; usage by some is no opinion (CoNLL train)", async (t) => {
  const a = "Therefore, passing is not just an option but is seen as a necessity by many.";
  t.deepEqual(await hedgesOf(a), [at(a, "by many", "vague")]);
  const b = "Some ( such as British American Tobacco and Philip Morris ) acknowledge the medical consensus that passive smoking carries health risks, while others continue to assert that the evidence is inconclusive.";
  t.deepEqual(await hedgesOf(b), [at(b, "others continue to assert", "vague")]);
  t.deepEqual(await hedgesOf("It is also used by some local Czechs."), []);
});

test("vague_sources.csv rows are validated: unknown role, a group of two words (file:line)", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "lex-"));
  try {
    await cp(DEFAULT_LEXICON_DIR, dir, { recursive: true });
    const file = join(dir, "vague_sources.csv");
    const original = await readFile(file, "utf8");
    await writeFile(file, original + "reckon,opinion\n");
    const line = original.split("\n").length;
    const e1 = await t.throwsAsync(loadLexicons(dir), { instanceOf: InputError });
    t.regex(e1.message, new RegExp(`vague_sources\\.csv:${line}: column role: `));
    await writeFile(file, original + "learned men,group\n");
    const e2 = await t.throwsAsync(loadLexicons(dir), { instanceOf: InputError });
    t.is(e2.message, `${file}:${line}: a group noun is one word, found "learned men"`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a preference is no claim, an interrogation no doubt (BBC, FNC-1)", async (t) => {
  t.deepEqual(await hedgesOf("Those who prefer shoot-'em-ups will be able to use the phone like a gun to shoot the zombies in the mobile version of Sega's House of the Dead."), []);
  t.deepEqual(await hedgesOf("According to the army statement, they were detained 10 days ago and have been questioned at the ministry of defence."), []);
});

test("unnamed researchers as the subject of a reporting verb: vague, like analysts and experts (BBC)", async (t) => {
  const text = "Male life expectancy is much higher than originally estimated, leading pension researchers have said.";
  t.deepEqual(await hedgesOf(text), [at(text, "researchers have said", "vague")]);
});

test("progressive vague subjects and people familiar with the incident (BBC, FNC-1)", async (t) => {
  const a = "Some people have been saying it would be better to get the players together for the week, and do away with the 90 minutes at the end.";
  t.deepEqual(await hedgesOf(a), [at(a, "Some people have been saying", "vague")]);
  const b = "Some people familiar with the incident say the handler likely felt he could not release the dog because so many officers were in pursuit of Gonzalez, and the dog may have attacked them instead.";
  t.deepEqual((await hedgesOf(b))[0], at(b, "people familiar with the incident", "vague"));
});

test("reported to have, no one knows how, it is not clear that, there is a perception that, by common consent, disputed by a bare group (CoNLL train)", async (t) => {
  const cases: [string, string, string][] = [
    ["Two other usurpers, Marcus Silbannacus and Sponsianus, are reported to have started rebellions without much success.", "are reported to have", "vague"],
    ["No one knows just how these octopuses got their special talent.", "No one knows just how", "unconfirmed"],
    ["There is a perception that it is a “one-way” relationship, i.e. whenever the USA requests significant assistance from the UK it is readily given, but when the UK asks the USA for help it is frequently refused, even when the request is a small one :.", "There is a perception", "vague"],
    ["By common consent Peter has always been called Blessed.", "By common consent", "vague"],
    ["These claims have been disputed by Christians a belief described as mythical and propaganda by Sangh Parivar ; the Parivar objects in any case to all conversions as a “threat to national unity”.", "disputed by Christians", "vague"],
  ];
  for (const [text, cue, type] of cases) t.deepEqual((await hedgesOf(text))[0], at(text, cue, type), text);
  // FNC-1: "reported to authorities" is no rumour.
  const b = "A survey revealed that there were more than 105,000 kidnappings nationwide in 2012, the institute said, but only about 1,300 of them were reported to authorities.";
  t.deepEqual(await hedgesOf(b), []);
});

test("a vague agent's group noun after a quantifier belongs to the cue (CoNLL train)", async (t) => {
  const a = "The general environment of the restaurant is seen by many people as sexist and demeaning to women.";
  t.deepEqual(await hedgesOf(a), [at(a, "seen by many people", "vague")]);
  const b = "Additionally, some users report a sensation of light pressure on the back of the neck.";
  t.deepEqual(await hedgesOf(b), [at(b, "some users report", "vague")]);
});
