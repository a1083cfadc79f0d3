import test from "ava";
import { NearDuplicateIndex, shingleHashes } from "../../src/dataset/near-duplicates.ts";
import { isNearDuplicate, jaccard, shingles } from "../../src/shingles.ts";
import { words } from "../../src/tokens.ts";

// Real retellings of one story across seeds 001, 003 and 004.
const RT_002 =
  "Trump met Putin in Alaska last month in an effort to mediate a ceasefire in Ukraine.";
const RT_002_RETOLD =
  "Trump met Putin in Alaska last month in a push to mediate a ceasefire in Ukraine.";
const S_003 =
  "“This crisis wasn’t triggered by Russia’s attack on Ukraine, but was a result of a coup in Ukraine, which was supported and provoked by the West,” Putin said.";
const S_001 =
  "At the same time, he reiterated his point of view according to which “this crisis was not triggered by the attack of Russia against Ukraine, but was the result of a coup in Ukraine, which was supported and caused by the West”.";
const UNRELATED = "Germany announced a fresh €1.2 billion air defense package for Ukraine on Saturday, while the U.S. signaled it may impose additional sanctions on Russian energy exports if Moscow resists negotiations.";

test("3-shingle Jaccard of two retold seed sentences, computed by hand", (t) => {
  const a = shingles(words(RT_002));
  const b = shingles(words(RT_002_RETOLD));
  // 16 words each → 14 shingles each; they differ in "an effort" vs "a push": 4 shingles differ on each side.
  t.is(a.size, 14);
  t.is(b.size, 14);
  t.is(jaccard(a, b), 10 / 18);
  t.true(isNearDuplicate(words(RT_002), words(RT_002_RETOLD)));
  t.false(isNearDuplicate(words(RT_002), words(UNRELATED)));
});

test("a sentence shorter than three words is one shingle, so short repeats still match", (t) => {
  t.deepEqual([...shingles(["read", "more"])], ["read more"]);
  t.is(shingleHashes(["read", "more"]).length, 1);
  t.is(shingleHashes([]).length, 0);
});

test("the index clusters exact repeats and near-duplicates, and keeps unrelated sentences apart", (t) => {
  const index = new NearDuplicateIndex();
  const a = index.add(words(RT_002));
  const b = index.add(words(UNRELATED));
  const c = index.add(words(RT_002_RETOLD));
  const d = index.add(words(RT_002)); // exact repeat: same distinct sentence
  t.is(d, a);
  t.is(index.clusterOf(c), index.clusterOf(a));
  t.not(index.clusterOf(b), index.clusterOf(a));
  t.is(index.clusterOf(a), a, "the cluster id is its earliest member");
  t.deepEqual(index.stats().sentences, 4);
  t.deepEqual(index.stats().distinct, 3);
});

test("paraphrases below the 0.5 threshold stay apart (the 001 and 003 quotes of Putin)", (t) => {
  const j = jaccard(shingles(words(S_003)), shingles(words(S_001)));
  t.true(j < 0.5, `jaccard ${j}`);
  const index = new NearDuplicateIndex();
  const x = index.add(words(S_003));
  const y = index.add(words(S_001));
  t.not(index.clusterOf(x), index.clusterOf(y));
});

test("LSH finds every near-duplicate pair that exact all-pairs search finds on generated variants", (t) => {
  // Variants of one base sentence with k words replaced: Jaccard falls as k grows.
  const base = words(RT_002.repeat(1) + " " + UNRELATED);
  const variants: string[][] = [];
  for (let k = 0; k < 40; k++) {
    const v = [...base];
    for (let j = 0; j < (k % 8); j++) v[(k * 7 + j * 5) % v.length] = `w${k}_${j}`;
    variants.push(v);
  }
  const index = new NearDuplicateIndex();
  const ids = variants.map((v) => index.add(v));
  let missed = 0;
  let pairs = 0;
  for (let i = 0; i < variants.length; i++)
    for (let j = i + 1; j < variants.length; j++)
      if (isNearDuplicate(variants[i]!, variants[j]!)) {
        pairs++;
        if (index.clusterOf(ids[i]!) !== index.clusterOf(ids[j]!)) missed++;
      }
  t.true(pairs > 50);
  t.is(missed, 0);
});
