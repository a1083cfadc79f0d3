// Rules that need the article: pronouns, role nouns, surnames and quotes that
// run over several sentences. Each case is consecutive real seed sentences.
import test from "ava";
import { labelAll } from "./helpers.ts";

test("pronoun subject → the latest credited person of matching gender (he)", async (t) => {
  const [, , l] = await labelAll(
    "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.",
    "“This is one of the key points that we need to consider.",
    "“Essentially, I’m optimistic that collectively we can reach an agreement that would deter any future aggression against Ukraine,” he added.",
  );
  t.is(l!.labels.actor?.name, "Donald Trump");
  t.is(l!.labels.actor?.mention, "he");
  t.is(l!.labels.cue, "added");
  t.true(l!.labels.rules.includes("resolve.pronoun"));
});

test("pronoun skips a person merely mentioned: Zelensky’s term …, he said → Putin", async (t) => {
  const [, l] = await labelAll(
    "At the same time, Putin reiterated concerns about the legitimacy of the Ukrainian leader and whether meeting him would actually be “meaningful.”",
    "Zelensky’s presidential term has long run out, and no legal mechanism to extend it exists in Ukraine, he said.",
  );
  t.is(l!.labels.actor?.name, "Vladimir Putin");
});

test("she → the latest female actor (gender from the lexicon)", async (t) => {
  const [, l] = await labelAll(
    "Such a predatory attitude is typical of London, Zakharova said in an exclusive interview with RT on Wednesday.",
    "“Britain has a history of aggressive colonialism and imperialism toward resource-rich countries,” she stated.",
  );
  t.is(l!.labels.actor?.name, "Maria Zakharova");
});

test("role noun resolved from the article: the foreign minister → Sergey Lavrov", async (t) => {
  const out = await labelAll(
    "Ukraine must recognize its territorial losses, guarantee the rights of the Russian-speaking population, and agree to a security arrangement that poses no threat to Moscow, Russian Foreign Minister Sergey Lavrov has said.",
    "“Ukraine’s neutral, non-aligned, and nuclear-free status must be ensured.",
    "These conditions were spelled out in Ukraine’s 1990 Declaration of Independence, and Russia and the international community used them to recognize Ukrainian statehood,” the foreign minister said.",
  );
  t.is(out[0]!.labels.actor?.name, "Sergey Lavrov");
  t.is(out[2]!.labels.actor?.name, "Sergey Lavrov");
  t.is(out[2]!.labels.actor?.mention, "the foreign minister");
  t.true(out[2]!.labels.rules.includes("resolve.role_article"));
  // The first sentence of the two-sentence quote gets the speaker named where the quote closes.
  t.is(out[1]!.labels.actor?.name, "Sergey Lavrov");
  t.true(out[1]!.labels.rules.includes("actor.quote_continuation"));
  t.is(out[1]!.labels.evidence.actor, null);
});

test("role noun with a country qualifier: the Russian president → Vladimir Putin", async (t) => {
  const [l] = await labelAll("Such a meeting, however, must have a meaningful agenda, the Russian president has said");
  t.is(l!.labels.actor?.name, "Vladimir Putin");
  t.is(l!.labels.actor?.mention, "the Russian president");
});

test("bare role noun → the latest person mentioned holding it: The president responded → Trump", async (t) => {
  const out = await labelAll(
    "In an interview with The Scott Jennings Radio Show, Trump was asked if he was concerned “about an axis forming against the United States with China and Russia.”",
    "The president responded “I am not concerned at all,” adding “We have the strongest military in the world, by far.",
    "They would never use their military on us.",
    "Believe me.”",
  );
  t.is(out[1]!.labels.actor?.name, "Donald Trump");
  t.is(out[2]!.labels.actor?.name, "Donald Trump", "inside the quote that opened in the previous sentence");
  t.is(out[3]!.labels.actor?.name, "Donald Trump");
});

test("quote continuation from the attributed sentence before the quote", async (t) => {
  const out = await labelAll(
    "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.",
    "“This is one of the key points that we need to consider.",
    "We are going to be considering that at the table also, like who would do what.”",
    "Ukraine has been insisting on guarantees similar to NATO’s collective defense as one of the preconditions for a lasting peace.",
  );
  t.is(out[1]!.labels.actor?.name, "Donald Trump");
  t.is(out[2]!.labels.actor?.name, "Donald Trump");
  t.true(out[2]!.labels.rules.includes("actor.quote_continuation"));
  t.not(out[3]!.labels.actor?.name, "Donald Trump", "the quote has closed");
});

test("a standalone quoted line with no speaker nearby stays unattributed", async (t) => {
  const out = await labelAll(
    "The Cold War ended on Washington’s terms, the post-Cold War won’t",
    "“There won’t be a war, but the struggle for peace will be so intense that not a stone will be left standing.”",
    "This old Soviet joke, born in the 1980s, captured the absurdity of that final Cold War decade: endless ideological cannon fire, nuclear arsenals on hair-trigger alert, and proxy wars fought on the margins.",
  );
  t.is(out[1]!.labels.actor, null);
});

test("surname → the full name seen earlier: Lavrov recalled", async (t) => {
  const [, l] = await labelAll(
    "In an interview with the Indonesian newspaper Kompas released on Wednesday, Russian Foreign Minister Sergey Lavrov confirmed that Moscow’s top priority remains settling the crisis via peaceful means, adding that it is taking concrete steps to achieve that goal.",
    "Lavrov recalled that Moscow initiated the resumption of direct Russia-Ukraine talks this spring, resulting in three rounds of direct negotiations in Istanbul, Türkiye.",
  );
  t.is(l!.labels.actor?.name, "Sergey Lavrov");
  t.is(l!.labels.cue, "recalled");
});

test("a pronoun with nobody credited before resolves to no one of the wrong gender", async (t) => {
  const [, l] = await labelAll(
    "Russian Foreign Ministry spokeswoman Maria Zakharova has said the British establishment views Ukraine as a source of cheap resources.",
    "He added that the talks would continue.",
  );
  t.not(l!.labels.actor?.name, "Maria Zakharova");
});
