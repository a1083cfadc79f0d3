// Actor + cue rules on real seed sentences (seeds/*.txt), positive and negative.
import test from "ava";
import { cpIndex, labelAll, labelLast } from "./helpers.ts";

test("trailing attribution after a quote: …,” Trump said", async (t) => {
  const text = "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.";
  const l = await labelLast(text);
  t.is(l.actor?.name, "Donald Trump");
  t.is(l.actor?.type, "person");
  t.is(l.actor?.affiliation, "United States");
  t.is(l.cue, "said");
  t.deepEqual(l.evidence.actor, { start: cpIndex(text, "Trump said"), end: cpIndex(text, "Trump said") + 5 });
  t.deepEqual(l.evidence.cue, { start: cpIndex(text, "said,"), end: cpIndex(text, "said,") + 4 });
  t.true(l.rules.includes("actor.trailing_reporting"));
});

test("a verb inside the quote does not attribute: Putin “agreed” is quoted content", async (t) => {
  const l = await labelLast("“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.");
  t.not(l.actor?.name, "Vladimir Putin");
});

test("subject + reporting verb with titles stripped", async (t) => {
  const l = await labelLast("Russian President Vladimir Putin has stated that he reached “understandings” with U.S. President Donald Trump regarding an end to the war in Ukraine during their meeting in Alaska last month.");
  t.is(l.actor?.name, "Vladimir Putin");
  t.is(l.actor?.mention, "Vladimir Putin");
  t.is(l.cue, "stated");
});

test("closing attribution wins over an earlier verb: …, Putin added", async (t) => {
  const l = await labelLast("US President Donald Trump asked the Russian president to hold such a meeting during their summit in Alaska last month, Putin added.");
  t.is(l.actor?.name, "Vladimir Putin");
  t.is(l.cue, "added");
});

test("inverted attribution: …,” said Macron", async (t) => {
  const l = await labelLast("If the Russian chief does not agree, “it will again show that President Putin played President Trump,” said Macron.");
  t.is(l.actor?.name, "Emmanuel Macron");
  t.is(l.cue, "said");
});

test("appositive name: the American special envoy, Steve Witkoff, said", async (t) => {
  const l = await labelLast("After the Alaska meeting, the American special envoy, Steve Witkoff, said that Putin had accepted security guarantees for Ukraine as part of a future potential peace agreement, although Moscow has not yet confirmed this.");
  t.is(l.actor?.name, "Steve Witkoff");
  t.is(l.cue, "said");
});

test("relative clause between subject and verb: Trump, who …, stressed", async (t) => {
  const l = await labelLast("Trump, who last month met with Zelensky and European leaders in Washington, stressed that Ukraine would not join NATO under any settlement but would receive robust assurances of protection.");
  t.is(l.actor?.name, "Donald Trump");
  t.is(l.cue, "stressed");
});

test("according to X", async (t) => {
  const l = await labelLast("According to the Russian presidential aide Yury Ushakov, the call lasted 40 minutes, with both sides expressing readiness to continue discussions on a resolution with Zelensky.");
  t.is(l.actor?.name, "Yury Ushakov");
  t.is(l.cue, "According to");
  t.true(l.rules.includes("actor.according_to"));
});

test("X told <outlet>: the cue includes the audience", async (t) => {
  const l = await labelLast("The American special envoy Witkoff also told CNN that Putin had accepted security guarantees.");
  t.is(l.actor?.name, "Steve Witkoff");
  t.is(l.cue, "told CNN");
  const z = await labelLast("Meanwhile, Zelensky told reporters on Sunday that he expects a draft framework for security guarantees from the U.S. and European allies this week, but warned that Russia’s ongoing strikes cast doubt on its sincerity.");
  t.is(z.actor?.name, "Volodymyr Zelensky");
  t.is(z.cue, "told reporters");
});

test("stance verb with a subject: Zelensky rejected …", async (t) => {
  const l = await labelLast("Meanwhile, Zelensky rejected the proposals of a buffer zone with Russia as part of a peace agreement.");
  t.is(l.actor?.name, "Volodymyr Zelensky");
  t.is(l.cue, "rejected");
  t.true(l.rules.includes("actor.stance_subject"));
});

test("spelling variants and titles unify: Yuri Ushakov → Yury Ushakov, Zelenskyy → Volodymyr Zelensky", async (t) => {
  const u = await labelLast("In an interview with Russian journalist Pavel Zarubin, Ushakov said he hoped Trump had made the comments in jest.", "Russian Presidential Aide Yuri Ushakov said the remarks were a joke.");
  t.is(u.actor?.name, "Yury Ushakov");
  const z = await labelLast("Ukrainian President Volodymyr Zelenskyy said he expected a security guarantee manager to be put on paper this week.");
  t.is(z.actor?.name, "Volodymyr Zelensky");
});

test("capital metonym: Moscow maintains → Russia", async (t) => {
  const l = await labelLast("Moscow maintains that any lasting settlement must eliminate the root causes of the conflict, address Russia’s security concerns, and recognize current territorial realities, including the status of Crimea and the four former Ukrainian regions that voted to join Russia in 2022.");
  t.is(l.actor?.name, "Russia");
  t.is(l.actor?.type, "country");
  t.is(l.actor?.mention, "Moscow");
  t.true(l.rules.includes("resolve.metonym"));
});

test("institutions keep their name, country as affiliation: The Kremlin", async (t) => {
  const l = await labelLast("The Kremlin has not commented on the latest remarks, but has previously said that Russia would not tolerate Western troops on Ukrainian soil.");
  t.is(l.actor?.name, "Kremlin");
  t.is(l.actor?.type, "organization");
  t.is(l.actor?.affiliation, "Russia");
  t.is(l.cue, "said", "a positive report beats the negated one");
});

test("participle clause takes the main subject: …, saying he hoped", async (t) => {
  const l = await labelLast("Kremlin spokesman Dmitry Peskov also sought to play down the remarks, saying he hoped Trump was speaking figuratively about a “plot against the United States.”");
  t.is(l.actor?.name, "Dmitry Peskov");
  t.is(l.cue, "saying");
});

test("unattributed narration has no actor and no cue", async (t) => {
  for (const text of [
    "The talks followed Trump’s summit with Putin in Alaska last week.",
    "Putin attended the celebrations alongside North Korea’s Kim Jong-un and other leaders.",
    "Trump met Putin in Alaska last month in an effort to mediate a ceasefire in Ukraine.",
    "Trump is hosting Ukrainian leader Vladimir Zelensky and Ukraine’s key European backers at the White House.",
  ]) {
    const l = await labelLast(text);
    t.is(l.actor, null, text);
    t.is(l.cue, null, text);
    t.is(l.evidence.actor, null, text);
  }
});

test("coordinated subjects: the first conjunct speaks; an unnamed plural is an unnamed source", async (t) => {
  const l = await labelLast("Both Russia and the US have ruled out Ukraine’s membership in the US-led alliance.");
  t.is(l.actor?.name, "Russia");
  t.is(l.cue, "ruled out");
  const g = await labelLast("The attack sparked outrage in Europe, with Germany and France vowing to ramp up military support.");
  t.is(g.actor?.name, "Germany");
  const b = await labelLast("The gathering comes three days after a Trump-Putin summit in Alaska, which both leaders hailed as a positive step toward resolving the Ukraine conflict.");
  t.deepEqual(b.actor, { name: "leaders", mention: "leaders", type: "unnamed", affiliation: null });
});

test("unnamed sources are actors of type unnamed: the noun phrase without its determiner", async (t) => {
  const l = await labelLast("Local sources reported intensified Russian offensives in Donetsk, with Ukrainian officials alleging Moscow is seeking battlefield gains before any negotiations.");
  t.deepEqual(l.actor, { name: "local sources", mention: "Local sources", type: "unnamed", affiliation: null });
  t.is(l.cue, "reported");
});

test("generic fallback: names no lexicon knows, titles stripped, surname later", async (t) => {
  const [a, b, c] = await labelAll(
    "Regional Health Minister Tomas Verhoeven said the clinic would reopen on Monday.",
    "The Verhoeven Foundation said it would pay for the repairs.",
    "Mr Verhoeven added that the staff had been told.",
  );
  t.deepEqual(a!.labels.actor, { name: "Tomas Verhoeven", mention: "Tomas Verhoeven", type: "person", affiliation: null });
  t.is(b!.labels.actor?.name, "Verhoeven Foundation");
  t.is(b!.labels.actor?.type, "organization");
  t.is(c!.labels.actor?.name, "Tomas Verhoeven");
  t.true(c!.labels.rules.includes("resolve.surname"));
});

test("passive reporting verbs credit nobody: Trump was asked", async (t) => {
  const l = await labelLast("In an interview with The Scott Jennings Radio Show, Trump was asked if he was concerned “about an axis forming against the United States with China and Russia.”");
  t.is(l.actor, null);
});

test("non-English text yields no actor and no hedge", async (t) => {
  const l = await labelLast("据报道，一名男子在北京表示，他可能会在五月份访问上海。");
  t.is(l.actor, null);
  t.deepEqual(l.hedges, []);
  t.is(l.target, null);
});

test("passive agent: proposals announced by <office> <name>", async (t) => {
  const l = await labelLast("New clinic funding was announced by Health Secretary Anna Keller on Monday.");
  t.is(l.actor?.name, "Anna Keller");
  t.is(l.cue, "announced");
  t.true(l.rules.includes("actor.passive_agent"));
});

test("an acronym stands for a body named earlier; a national government is the state", async (t) => {
  const [, l] = await labelAll("The Baltic Energy Forum published new price figures on Monday.", "Prices will rise again next winter, the BEF said.");
  t.is(l!.labels.actor?.name, "Baltic Energy Forum");
  const g = await labelLast("The North Korean government publicly admitted that the harvest had failed.");
  t.is(g.actor?.name, "North Korea");
  t.is(g.actor?.type, "country");
});

test("a name set off by commas before an appositive office is the subject", async (t) => {
  const l = await labelLast("Tomas Verhoeven, director general of the Baltic Energy Forum, warned that prices could rise.");
  t.is(l.actor?.name, "Tomas Verhoeven");
  const m = await labelLast("Mr Johnson, MP for Henley-on-Thames, Oxfordshire, said he suspected the plan would fail.");
  t.is(m.actor?.name, "Boris Johnson");
});

test("nested attribution: an inner speaker with a that-clause keeps the claim", async (t) => {
  const [, l] = await labelAll(
    "President Barack Obama spoke to Russian President Vladimir Putin by phone on Friday.",
    "In the call, the U.S. president also raised concerns that Russia violated a key treaty, the White House said.",
  );
  t.is(l!.labels.actor?.name, "Barack Obama");
  t.is(l!.labels.cue, "raised concerns");
});
