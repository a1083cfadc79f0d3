// Weasel generalisations (spec section 5, `vague`): a clause-opening quantifier and a human plural noun as the
// subject of a present-tense, generic predicate. Sentences are real: CoNLL-2010 Wikipedia train rows (Treebank
// escapes undone), BBC News and FNC-1 bodies.
import test from "ava";
import { cpIndex, labelLast } from "./helpers.ts";

async function hedgesOf(text: string) {
  return (await labelLast(text)).hedges.map((h) => [h.type, h.cue, h.start, h.end] as const);
}
const at = (text: string, cue: string, type: string) => [type, cue, cpIndex(text, cue), cpIndex(text, cue) + [...cue].length] as const;

test("weasel subject: quantifier + people noun before a generic predicate is a vague cue", async (t) => {
  const cases: [string, string][] = [
    // CoNLL-2010 wiki train (uncertain there)
    ["Some people avoid dairy products for health reasons.", "Some people"],
    ["Many linguists, however, find this claim questionable, noting that there is no historical-comparative evidence of any sort.", "Many linguists"],
    ["Running as root can be a security risk, so some people use port forwarding to redirect incoming traffic from a low-numbered port to a higher-numbered one.", "some people"],
    // BBC News
    ["Many people use a search engine as the first page they go to when getting on the net.", "Many people"],
  ];
  for (const [text, cue] of cases) {
    t.deepEqual(await hedgesOf(text), [at(text, cue, "vague")], text);
    t.true((await labelLast(text)).rules.includes("hedge.weasel_subject"), text);
  }
});

test("weasel subject: a past event, a progressive or a reduced relative is a vague quantity, not a hedge", async (t) => {
  for (const text of [
    // CoNLL-2010 wiki train
    "After the third partition of Poland, many Jacobins emigrated and joined the Polish Legions in Italy.",
    "Karl Hermann was one of Cornelius's earliest and most esteemed scholars, a man of simple and fervent nature, painstaking to the utmost, a very type of the finest German student nature ; Kaulbach and Adam Eberle were also amongst his scholars.",
    // FNC-1 bodies
    "Many people have lost consciousness and are struggling to breathe and see.",
    "Several journalists reporting from the ground on Tuesday night -- and at least one Kurdish official -- said they were aware of such reports, but that doctors lack necessary equipment to diagnose the cause of Kurdish victims' complaints.",
    // BBC News
    "Many people are getting injured because of that - in the villages, in the bush, there has been no clearance of mines.",
  ])
    t.false((await labelLast(text)).rules.includes("hedge.weasel_subject"), text);
});

test("possible in a condition of feasibility or a count is no hedge (CoNLL train: if possible, to the extent possible, three possible)", async (t) => {
  for (const text of [
    "Using longer passwords in these cases ( if possible ) can compensate for the limited allowable character set.",
    "During the PCRE 7.x and Perl 5.9.x ( development track ) phase the two projects have coordinated development and are to the extent possible feature equivalent.",
    "This is because there are three possible combustion chambers per rotor, each displacing 654cc at full expansion.",
  ])
    t.deepEqual((await labelLast(text)).hedges, [], text);
  // Seed gold: "possible" as a predicate stays speculative ("a breakthrough was possible").
  const s = "While both leaders welcomed the “warm” and “constructive” talks, the aftermath saw Trump and his officials, notably envoy Steve Witkoff, reveal Washington’s sense that a breakthrough was possible.";
  t.deepEqual(await hedgesOf(s), [at(s, "possible", "speculative")]);
});

test("unnamed critics with an of-phrase, allege, criticism in the simple passive (CoNLL train, BBC News)", async (t) => {
  const cases: [string, string, string][] = [
    ["Critics of this interpretation argue that it effectively changes the Constitution.", "Critics of this interpretation argue", "vague"],
    ["But opponents of the bill said that it could stifle innovation, be abused by firms keen to protect existing monopolies and could hamper the growth of the open source movement.", "opponents of the bill said", "vague"],
    ["Local protest groups and environmentalists allege that the tests have caused widespread damage to the local environment, various health problems among the local population, and damaged the ozone layer, specifically through the release of the chemical bromotrifluoride into the upper atmosphere.", "allege", "distancing"],
    ["However, the Spring Framework was also heavily criticized in 2004 and remains the subject of sometimes heated discussions.", "was also heavily criticized", "vague"],
  ];
  // (An unnamed subject is also a vague source, docs/claim-records.md §3: "Local protest groups and environmentalists".)
  for (const [text, cue, type] of cases) t.deepEqual((await hedgesOf(text)).find((h) => h[0] === type), at(text, cue, type), text);
  // A named critic after the passive is no vague source (BBC News).
  const johnson = "He was criticised at the time by former Olympic champion Michael Johnson, who cast doubt on Campbell's injury claims.";
  t.false((await hedgesOf(johnson)).some(([type]) => type === "vague"), johnson);
  // A definite group speaks for itself; a named critic is no vague source.
  const named = "Rest in peace Big Bank,\u201d the two remaining members of the group said.";
  t.false((await hedgesOf(named)).some(([type]) => type === "vague"), named);
});

test("vague subject with any plural noun before a finite vague verb (CoNLL train, BBC News); passives, time spans, adjectives are not", async (t) => {
  const cases: [string, string][] = [
    ["Although this is controversial, many collectors believe that a mint stamp is more valuable when the gum has been undisturbed.", "many collectors believe"],
    ["Many investors believe that Mr Bush's policies are more business-friendly than those of his Democrat challenger, John Kerry.", "Many investors believe"],
    // The one aside allowed between subject and verb.
    ["Others, however, contend that such confrontations have always occurred, but now tend to be hyped by media eager to report on juicy political conflicts.", "Others, however, contend"],
  ];
  for (const [text, cue] of cases) t.deepEqual((await hedgesOf(text))[0], at(text, cue, "vague"), text);
  for (const text of [
    "Several deaths have been reported due to drug interaction-related serotonin syndrome such as the case of Libby Zion.",
    "Reports over the last several days had indicated that British intelligence forces were focusing in on the 23-year-old former London resident, who had achieved some fame in the UK for his rap career.",
    "If technology is going to be increasingly part of clothing, jewellery, and skin, there needs to be some serious thinking about what it means for us as humans, says Baroness Susan Greenfield.",
  ])
    t.false((await labelLast(text)).rules.includes("hedge.vague_subject"), text);
});

test("unnamed source nouns before a cognition verb after adverbs (CoNLL train, BBC News); not an adjective after an article", async (t) => {
  const cases: [string, string][] = [
    ["Historians now generally think that the actual casualty figures were somewhere between 20,000 and 30,000 civilians.", "Historians now generally think"],
    ['Critics fear it could allow "killing by omission" through withdrawing treatment.', "Critics fear"],
  ];
  for (const [text, cue] of cases) t.deepEqual((await hedgesOf(text))[0], at(text, cue, "vague"), text);
  const report = "More than 3,000 people were killed for political reasons under Gen Pinochet's regime, an official report says.";
  t.deepEqual(await hedgesOf(report), [], report);
});

test("claims as a noun when counted (CoNLL train); a verb after a pronoun or a name stays distancing", async (t) => {
  for (const text of [
    "Hollinger won the toss and chose the six claims on the west.",
  ])
    t.deepEqual((await labelLast(text)).hedges, [], text);
  // BBC News: at the end of its clause after its subject it is still the verb.
  const firm = "Gordon Brown will need to raise about dollars 10bn a year in order to sustain the public finances in the short term, the firm claims.";
  t.deepEqual((await hedgesOf(firm)).at(-1), at(firm, "claims", "distancing"), firm);
  // CoNLL train (certain there, distancing by the spec).
  const s = "Boyd claims that when she rebuffed Clapton's advances in late 1970, he descended into heroin addiction and self-imposed exile with Alice Ormsby-Gore for three years.";
  t.deepEqual((await hedgesOf(s))[0], at(s, "claims", "distancing"), s);
});

test("a title-case speculative word mid-sentence is part of a name (CoNLL train: Liverpool Hope, the Heir Apparent)", async (t) => {
  for (const text of [
    "The Heir Apparent is the present holder's son Walter John Francis Scott, Earl of Dalkeith ( b. 1984 ).",
  ])
    t.deepEqual((await labelLast(text)).hedges, [], text);
});
