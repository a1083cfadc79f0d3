// Target + stance rules on real seed sentences.
import test from "ava";
import { cpIndex, labelLast } from "./helpers.ts";

test("support: agreed … would accept security guarantees", async (t) => {
  const text = "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.";
  const l = await labelLast(text);
  t.is(l.target, "security_guarantees");
  t.is(l.stance, "support");
  t.deepEqual(l.evidence.target, { start: cpIndex(text, "security guarantees"), end: cpIndex(text, "security guarantees") + "security guarantees".length });
});

test("oppose: Zelensky rejected the proposals of a buffer zone (territory)", async (t) => {
  const l = await labelLast("Meanwhile, Zelensky rejected the proposals of a buffer zone with Russia as part of a peace agreement.");
  t.is(l.target, "territory");
  t.is(l.stance, "oppose");
});

test("oppose: ruled out Ukraine’s membership (nato_membership)", async (t) => {
  const l = await labelLast("Both Russia and the US have ruled out Ukraine’s membership in the US-led alliance.");
  t.is(l.target, "nato_membership");
  t.is(l.stance, "oppose");
});

test("negation flips: does not rule out the possibility of holding such a meeting → support", async (t) => {
  const l = await labelLast(
    "Trump has since urged direct talks between Putin and Ukraine’s Vladimir Zelensky.",
    "Kremlin spokesman Dmitry Peskov said last week that Putin “does not rule out the possibility of holding such a meeting,” but stressed it should be carefully prepared.");
  t.is(l.target, "peace_talks");
  t.is(l.stance, "support");
  t.true(l.rules.includes("stance.negated_predicate"));
});

test("negation flips: would not join NATO → oppose", async (t) => {
  const l = await labelLast("Trump, who last month met with Zelensky and European leaders in Washington, stressed that Ukraine would not join NATO under any settlement but would receive robust assurances of protection.");
  t.is(l.target, "nato_membership");
  t.is(l.stance, "oppose");
});

test("negated modal: would not tolerate Western troops → oppose foreign_troops", async (t) => {
  const l = await labelLast("The Kremlin has not commented on the latest remarks, but has previously said that Russia would not tolerate Western troops on Ukrainian soil.");
  t.is(l.target, "foreign_troops");
  t.is(l.stance, "oppose");
});

test("absence: “NO NATO by Ukraine” → oppose", async (t) => {
  const l = await labelLast("Trump insisted that there would be “NO NATO by Ukraine” as part of a peace agreement.");
  t.is(l.target, "nato_membership");
  t.is(l.stance, "oppose");
});

test("urged direct talks → support peace_talks", async (t) => {
  const l = await labelLast("Trump has since urged direct talks between Putin and Ukraine’s Vladimir Zelensky.");
  t.is(l.target, "peace_talks");
  t.is(l.stance, "support");
});

test("composed predicate: openness to providing security guarantees → support", async (t) => {
  const l = await labelLast("Following the Alaska meeting, U.S. special envoy Steve Witkoff claimed Putin had signaled openness to providing security guarantees for Ukraine as part of a broader peace arrangement.");
  t.is(l.target, "security_guarantees");
  t.is(l.stance, "support");
});

test("a target mentioned without a predicate is neutral", async (t) => {
  const l = await labelLast(
    "US President Donald Trump has renewed his push for talks between Russian President Vladimir Putin and Ukraine’s Vladimir Zelensky, urging the latter to be more flexible.",
    "The talks followed Trump’s summit with Putin in Alaska last week.");
  t.is(l.target, "peace_talks");
  t.is(l.stance, "neutral");
  t.is(l.evidence.stance, null);
});

test("no target → stance neutral", async (t) => {
  const l = await labelLast("Putin attended the celebrations alongside North Korea’s Kim Jong-un and other leaders.");
  t.is(l.target, null);
  t.is(l.stance, "neutral");
});

test("a withheld claim takes no side: did not say if he would accept peace talks", async (t) => {
  const l = await labelLast("But he did not say if he would accept peace talks with the Ukrainian president Volodymyr Zelensky negotiated by Trump, who apparently gave Monday as a deadline for Putin's response.");
  t.is(l.target, "peace_talks");
  t.is(l.stance, "neutral");
});

test("a verb that is part of the topic phrase is not a position: aspirations to join NATO vs opposed the idea", async (t) => {
  const l = await labelLast("The Russian president has always opposed the idea that Ukraine joins the Western military alliance.");
  t.is(l.target, "nato_membership");
  t.is(l.stance, "oppose");
});

test("adjectival participles take no position: Western-backed, U.S.-brokered", async (t) => {
  const l = await labelLast(
    "Putin hints at progress with Trump on ending Ukraine war",
    "Trump, who has repeatedly claimed he could resolve the conflict “in a single day,” reportedly set a Monday deadline for Putin’s response to a U.S.-brokered peace framework.");
  t.is(l.target, "peace_talks");
  t.is(l.stance, "neutral");
});

test("conditional clauses take no position: If … does not commit to talks", async (t) => {
  const l = await labelLast("“If President Putin does not commit to talks by Monday, it will show that he has played President Trump,” Macron warned last week.");
  t.is(l.stance, "neutral");
});

test("off-topic article: no target without a topic anchor (a council ‘deal’, another war's cease-fire)", async (t) => {
  t.is((await labelLast("The deputy prime minister said a good deal had been secured for the stadium.")).target, null);
  t.is((await labelLast("The rebels' leadership has not commented on the cease-fire.")).target, null);
  t.is((await labelLast("Ukraine’s leadership has not commented on the cease-fire.")).target, "ceasefire");
});
