// Hedge rules: every cue with its type and code-point span; the spec's non-hedges stay unlabelled.
import test from "ava";
import { cpIndex, labelLast } from "./helpers.ts";

async function hedgesOf(text: string) {
  return (await labelLast(text)).hedges.map((h) => [h.type, h.cue, h.start, h.end] as const);
}
const at = (text: string, cue: string, type: string) => [type, cue, cpIndex(text, cue), cpIndex(text, cue) + [...cue].length] as const;

test("unsupported: without elaborating (exact code-point span)", async (t) => {
  const text = "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.";
  t.deepEqual(await hedgesOf(text), [at(text, "without elaborating", "unsupported")]);
  t.true((await labelLast(text)).hedged);
});

test("unsupported: without providing details, did not say (if), did not clarify (whether)", async (t) => {
  const a = "“Each side presented its perspective on the prerequisites for ending the conflict. The heads of the delegations remain in direct contact. We expect the negotiations to continue,” Lavrov added, without providing details regarding when the next round of talks could be expected, or what issues would be on the agenda.";
  t.deepEqual((await hedgesOf(a))[0], at(a, "without providing details", "unsupported"));
  const b = "But he did not say if he would accept peace talks with the Ukrainian president Volodymyr Zelensky negotiated by Trump, who apparently gave Monday as a deadline for Putin's response.";
  t.deepEqual(await hedgesOf(b), [at(b, "did not say", "unsupported"), at(b, "apparently", "speculative")]);
  const c = "Speaking at the Shanghai Cooperation Organization (SCO) summit in Tianjin, China, Putin emphasized that the agreements reached could pave the way for peace, though he did not clarify whether he would engage in peace talks with Ukrainian President Volodymyr Zelensky mediated by Trump.";
  t.deepEqual(await hedgesOf(c), [at(c, "could", "speculative"), at(c, "did not clarify", "unsupported")]);
});

test("unconfirmed: has not commented, has not yet confirmed, has yet to officially confirm, stopped short of confirming, no official confirmation", async (t) => {
  const cases: [string, string][] = [
    ["The Kremlin has not commented on the latest remarks, but has previously said that Russia would not tolerate Western troops on Ukrainian soil.", "has not commented"],
    ["However, he stopped short of confirming whether Moscow would accept Trump’s push for direct negotiations with Ukrainian President Volodymyr Zelensky.", "stopped short of confirming"],
    ["So far, no official confirmation of peace talks has emerged yet.", "no official confirmation"],
  ];
  for (const [text, cue] of cases) t.deepEqual(await hedgesOf(text), [at(text, cue, "unconfirmed")], text);
  const d = "Following the Alaska summit on August 15, U.S. special envoy Steve Witkoff indicated that Putin had agreed in principle to security guarantees for Ukraine as part of a potential peace deal, but Moscow has yet to officially confirm these assurances.";
  t.deepEqual(await hedgesOf(d), [at(d, "potential", "speculative"), at(d, "has yet to officially confirm", "unconfirmed")]);
});

test("the longest cue wins: could not be verified is one unconfirmed cue", async (t) => {
  const text = "The footage could not be independently verified by the agency.";
  t.deepEqual(await hedgesOf(text), [at(text, "could not be independently verified", "unconfirmed")]);
});

test("distancing: claimed is the cue and a hedge; reportedly; allegedly; so-called", async (t) => {
  const a = "Russian President Vladimir Putin is ready to accept security guarantees for Ukraine, US President Donald Trump claimed during a meeting with European leaders on Monday.";
  const l = await labelLast(a);
  t.is(l.cue, "claimed");
  t.deepEqual(await hedgesOf(a), [at(a, "claimed", "distancing")]);
  const b = "Vladimir Zelensky was then summoned to the US capital to discuss a deal that could reportedly involve territorial exchanges, recognition of the existing front lines and international security guarantees.";
  t.deepEqual(await hedgesOf(b), [at(b, "could", "speculative"), at(b, "reportedly", "distancing")]);
  const c = "He also blamed the conflict on Western attempts to bring Ukraine into NATO, which he claims threatened Russian security.";
  t.deepEqual(await hedgesOf(c), [at(c, "claims", "distancing")]);
});

test("claims as a noun is not a hedge", async (t) => {
  t.deepEqual(await hedgesOf("They also condemned Japan’s claims to the South Kuril Islands, with some speakers accusing “Japanese nationalists” of calling for control of Russia’s Sakhalin Island as well."), []);
});

test("vague: an unnamed source and its reporting verb are one cue (longest match)", async (t) => {
  const text = "Local sources reported intensified Russian offensives in Donetsk, with Ukrainian officials alleging Moscow is seeking battlefield gains before any negotiations.";
  t.deepEqual(await hedgesOf(text), [at(text, "sources reported", "vague"), at(text, "officials alleging", "vague")]);
  const b = "For years, analysts proclaimed that China would replace both as the defining rival.";
  t.deepEqual(await hedgesOf(b), [at(b, "analysts proclaimed", "vague")]);
});

test("speculative: may (the verb), possible, possibility, potential, hopes, suggested", async (t) => {
  const a = "Germany announced a fresh €1.2 billion air defense package for Ukraine on Saturday, while the U.S. signaled it may impose additional sanctions on Russian energy exports if Moscow resists negotiations.";
  t.deepEqual(await hedgesOf(a), [at(a, "may", "speculative")]);
  const b = "Russian President Vladimir Putin announced Monday that he had reached “understandings” with U.S. President Donald Trump during their Alaska summit last month, raising hopes of a potential breakthrough to end the ongoing war in Ukraine.";
  t.deepEqual(await hedgesOf(b), [at(b, "hopes", "speculative"), at(b, "potential", "speculative")]);
  const c = "Kremlin spokesman Dmitry Peskov said last week that Putin “does not rule out the possibility of holding such a meeting,” but stressed it should be carefully prepared.";
  t.deepEqual(await hedgesOf(c), [at(c, "possibility", "speculative")]);
});

test("non-hedges stay unlabelled: May 2025, without committing troops, without limits, did not attend, did not rule out", async (t) => {
  for (const text of [
    "The Alaska meeting between Donald Trump and Vladimir Putin in May 2025 carried faint echoes of Reagan and Gorbachev’s first encounters.",
    "Trump has maintained that a swift resolution of the conflict is swift, offering a permanent peace deal that would include security guarantees for Ukraine without committing U.S. troops.",
    "Moscow and Beijing have described each other as strategic partners and have pledged to deepen cooperation “without limits.”",
    "Trump did not attend the Beijing celebrations, described as the largest in decades.",
    "Moscow earlier did not rule out Western security guarantees for Kiev, but on condition that they should not be “one-sided” and aimed at containing Russia.",
    "Lavrov stressed, however, that a durable peace between Moscow and Kiev “is impossible without eradicating the underlying causes of the conflict,” most notably the threats posed to Russia’s security by “NATO’s expansion and attempts to drag Ukraine into this aggressive military bloc.”",
  ])
    t.deepEqual(await hedgesOf(text), [], text);
});

test("hedges are matched on word boundaries, case-insensitively", async (t) => {
  const text = "Apparently the mayoral candidate said the claimant had a mightier case.";
  t.deepEqual(await hedgesOf(text), [at(text, "Apparently", "speculative")]);
});
