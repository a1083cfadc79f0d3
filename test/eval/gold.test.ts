import test from "ava";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GoldMatcher, loadGold, type GoldItem } from "../../src/eval/gold.ts";
import { InputError } from "../../src/errors.ts";
import { isNearDuplicate } from "../../src/shingles.ts";
import { words } from "../../src/tokens.ts";
import { cleanupTemp, goldLine, tempDir, toySpecs } from "./helpers.ts";

test.after.always(cleanupTemp);

const item = (gid: string, text: string): GoldItem => ({ gid, text, words: words(text), stance: "neutral", hedged: false, attributed: "none", hedgeTypes: [] });

const SENT = "Russian Foreign Minister Sergey Lavrov said Moscow is ready to discuss security guarantees for Ukraine.";
const NEAR = "Russian Foreign Minister Sergey Lavrov said Moscow is ready to discuss security guarantees for Kiev.";
const OTHER = "The talks followed the summit in Alaska last week.";

test("gold items in train (exact) or near-duplicates of train are excluded; others stay", (t) => {
  const gold = [item("g1", SENT), item("g2", NEAR), item("g3", OTHER), item("g4", "Trump: 'NO NATO'")];
  const m = new GoldMatcher(gold);
  m.observeTrain(SENT, words(SENT));
  m.observeTrain("Completely unrelated words about the weather in spring.", words("Completely unrelated words about the weather in spring."));
  t.deepEqual([...m.inTrain], [1, 0, 0, 0]);
  t.deepEqual([...m.nearDuplicate], [0, 1, 0, 0]);
  t.deepEqual(m.eligible(), [2, 3]);
  t.deepEqual(m.counts(), { items: 4, in_train: 1, near_duplicate_of_train: 1, eligible: 2 });
});

test("an exact match seen after a near-duplicate counts once, as in-train", (t) => {
  const m = new GoldMatcher([item("g", NEAR)]);
  m.observeTrain(SENT, words(SENT));
  m.observeTrain(NEAR, words(NEAR));
  t.deepEqual(m.counts(), { items: 1, in_train: 1, near_duplicate_of_train: 0, eligible: 0 });
});

test("the inverted index finds exactly the near-duplicates that all-pairs comparison finds", (t) => {
  const train = toySpecs(80).map((s) => s.text);
  // Gold: some train sentences with one word changed, some fresh ones.
  const goldTexts = [
    ...toySpecs(20, 5).map((s) => s.text.replace("(item", "(number")),
    ...toySpecs(20, 200).map((s) => s.text),
    OTHER,
    "Kyiv said the drones were shot down over the Black Sea overnight.",
    "No.",
  ];
  const m = new GoldMatcher(goldTexts.map((x, i) => item(`g${i}`, x)));
  for (const x of train) m.observeTrain(x, words(x));
  const brute = goldTexts.map((g) => (train.includes(g) ? 0 : train.some((x) => isNearDuplicate(words(g), words(x))) ? 1 : 0));
  t.deepEqual([...m.nearDuplicate], brute);
  t.true(brute.some((b) => b === 1) && brute.some((b) => b === 0));
});

test("the rule labeller's silver labels come from the first dataset record with the same text", (t) => {
  const m = new GoldMatcher([item("g1", OTHER), item("g2", SENT)]);
  m.observeRecord(OTHER, { stance: "support", hedged: true, attributed: "named", hedgeTypes: ["vague"] });
  m.observeRecord(OTHER, { stance: "oppose", hedged: false, attributed: "none", hedgeTypes: [] });
  t.deepEqual(m.silver, [{ stance: "support", hedged: true, attributed: "named", hedgeTypes: ["vague"] }, undefined]);
});

test("loadGold: missing folder → null; bad line → file:line error; duplicate gid rejected", async (t) => {
  const dir = tempDir("claimstance-gold-");
  t.is(await loadGold(join(dir, "absent")), null);
  t.is(await loadGold(dir), null); // no *.jsonl
  writeFileSync(join(dir, "a.jsonl"), [goldLine("1", SENT, "support", false), goldLine("2", OTHER, "neutral", true)].map((x) => JSON.stringify(x)).join("\n") + "\n");
  const ok = await loadGold(dir);
  t.is(ok!.items.length, 2);
  t.is(ok!.items[1]!.hedged, true);
  t.is(ok!.files[0]!.file, "a.jsonl");
  t.regex(ok!.files[0]!.sha256, /^[0-9a-f]{64}$/);

  const bad = join(dir, "bad");
  mkdirSync(bad);
  writeFileSync(join(bad, "b.jsonl"), JSON.stringify(goldLine("1", SENT, "support", false)) + "\n" + JSON.stringify({ gid: "2", text: OTHER, stance: "maybe", hedges: [] }) + "\n");
  const err = await t.throwsAsync(loadGold(bad), { instanceOf: InputError });
  t.regex(err!.message, /b\.jsonl:2: /);

  const dup = join(dir, "dup");
  mkdirSync(dup);
  writeFileSync(join(dup, "c.jsonl"), [goldLine("7", SENT, "support", false), goldLine("7", OTHER, "neutral", false)].map((x) => JSON.stringify(x)).join("\n"));
  await t.throwsAsync(loadGold(dup), { message: /c\.jsonl:2: duplicate gid "7"/ });
});
