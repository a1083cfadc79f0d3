// Issue 11 round 3: a claim nobody can settle is unconfirmed ("is unknown", "it is uncertain whether", "impossible to
// determine whether"); possible as feasibility ("would not be possible"), a proposal ("suggested they should"), "may
// refer to" / "may vary" (a sense or a range) leave no claim open. Real CoNLL-2010 wiki train rows and BBC News sentences.
import test from "ava";
import { cpIndex, labelLast } from "./helpers.ts";

async function hedgesOf(text: string) {
  return (await labelLast(text)).hedges.map((h) => [h.type, h.cue, h.start, h.end] as const);
}
const at = (text: string, cue: string, type: string) => [type, cue, cpIndex(text, cue), cpIndex(text, cue) + [...cue].length] as const;

test("unknown, uncertain whether, impossible to determine: unconfirmed", async (t) => {
  const cases: [string, string][] = [
    ["It is uncertain whether or not Gillander will return for a spring production.", "It is uncertain whether"],
    ["The identity of this person, or even whether or not they actually existed, is unknown, and many of the facts in the matter are questionable.", "is unknown"],
    ["The study concluded that it was impossible to determine whether prosauropods had a bird-like flow-through lung, but that the air sacs were almost certainly present.", "impossible to determine whether"],
  ];
  for (const [text, cue] of cases) t.deepEqual(await hedgesOf(text), [at(text, cue, "unconfirmed")], text);
  // FNC-1: a wh-clause after unclear is an open question.
  const f = "It is unclear how Bale’s departure will affect casting.";
  t.deepEqual(await hedgesOf(f), [at(f, "It is unclear how", "unconfirmed")]);
  // BBC: a bare "is unclear" of a text is hard to read, not an open claim.
  t.deepEqual(await hedgesOf("But it says the ban is unenforceable because the law is unclear and impossible to police."), []);
});

test("may refer to, may vary: a sense or a range, no hedge; other may stays speculative", async (t) => {
  for (const text of [
    "In Surinamese Sranan Tongo the term ` pikin' may refer to ` children' as well as to ` small' or ` little'.",
    "Plant collecting may also refer to a hobby, in which the hobbyist takes identifiable samples of plant species found in nature, dries them, and stores them in a paper sheet album, a simple herbarium, alongside with the information of the finding location, finding date, etc. necessary scientific information.",
    "The allocation of authority between the sub-unit and centre may vary.",
  ])
    t.deepEqual(await hedgesOf(text), [], text);
  const s = "In plants, plastids may differentiate into several forms, depending upon which function they need to play in the cell.";
  t.deepEqual(await hedgesOf(s), [at(s, "may", "speculative")]);
});

test("suggest as a proposal (a should before the clause's own verb) is no hedge; a suggested claim stays speculative", async (t) => {
  for (const text of [
    // CoNLL-2010 wiki train (certain there)
    "While he was away Matron Irene Drummond, the most senior of the Australian nurses, suggested that the civilian women and children should start off walking towards Muntok.",
    // BBC News
    "Lord Haskins even suggested Mr Blair should reinstate Mr Brown as the central figure in the election planning.",
  ])
    t.deepEqual((await hedgesOf(text)).filter((h) => h[1].toLowerCase().startsWith("suggest")), [], text);
  const c = "A Mori poll this summer suggested policing, unlike health and education, was the one major public service where people were less satisfied the more contact they had with it.";
  t.deepEqual(await hedgesOf(c), [at(c, "suggested", "speculative")]);
});

test("possible as a firm statement of feasibility (not / only … by) is no hedge", async (t) => {
  for (const text of [
    // CoNLL-2010 wiki train (certain there)
    "Without the dedication and hard work of these individuals, evenings like Explore PKMS would not be possible.",
    "Phonon-polariton detection is then only possible by focusing a more conventional probe, like those mentioned before, into an unblemished region of the crystal.",
    // BBC News
    "The Carnegie Mellon team says this project is only possible because PCs are now so much cheaper and have built-in audio and video hardware and software.",
  ])
    t.deepEqual(await hedgesOf(text), [], text);
});
