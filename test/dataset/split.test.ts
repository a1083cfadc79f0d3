import test from "ava";
import { assignSplits } from "../../src/dataset/split.ts";

function corpus(articles: number, perArticle: number, sharedEvery: number) {
  const recordArticle: number[] = [];
  const recordCluster: number[] = [];
  const recordStance: number[] = [];
  let cluster = 0;
  for (let a = 0; a < articles; a++)
    for (let s = 0; s < perArticle; s++) {
      recordArticle.push(a);
      // Every sharedEvery-th article repeats the first sentence of the previous one (a near-duplicate).
      recordCluster.push(s === 0 && a % sharedEvery === 1 ? recordCluster[recordArticle.lastIndexOf(a - 1)] ?? cluster++ : cluster++);
      recordStance.push((a + s) % 5 === 0 ? 0 : (a + s) % 7 === 0 ? 1 : 2);
    }
  return {
    recordArticle: Int32Array.from(recordArticle),
    recordCluster: Int32Array.from(recordCluster),
    recordStance: Uint8Array.from(recordStance),
    articleDocIds: Array.from({ length: articles }, (_, i) => `doc-${i}`),
  };
}

test("no article and no near-duplicate cluster is on both sides", (t) => {
  const input = corpus(200, 6, 3);
  const { recordSplit } = assignSplits(input, { seed: 13, testRatio: 0.2 });
  const byArticle = new Map<number, number>();
  const byCluster = new Map<number, number>();
  for (let i = 0; i < recordSplit.length; i++) {
    const a = input.recordArticle[i]!;
    const c = input.recordCluster[i]!;
    t.true(!byArticle.has(a) || byArticle.get(a) === recordSplit[i]);
    t.true(!byCluster.has(c) || byCluster.get(c) === recordSplit[i]);
    byArticle.set(a, recordSplit[i]!);
    byCluster.set(c, recordSplit[i]!);
  }
});

test("articles linked by a shared near-duplicate form one component", (t) => {
  const input = corpus(4, 3, 2); // articles 0-1 and 2-3 are linked
  const r = assignSplits(input, { seed: 1, testRatio: 0.5 });
  t.is(r.components, 2);
  t.is(r.largestComponent, 6);
});

test("the test share is close to the ratio and the stance mix close to train's", (t) => {
  const input = corpus(500, 8, 4);
  const { recordSplit } = assignSplits(input, { seed: 13, testRatio: 0.2 });
  const n = recordSplit.length;
  const test_ = recordSplit.reduce((a, b) => a + b, 0);
  t.true(Math.abs(test_ / n - 0.2) < 0.01, `test share ${test_ / n}`);
  for (let s = 0; s < 3; s++) {
    let all = 0;
    let inTest = 0;
    for (let i = 0; i < n; i++)
      if (input.recordStance[i] === s) {
        all++;
        inTest += recordSplit[i]!;
      }
    t.true(Math.abs(inTest / all - 0.2) < 0.02, `stance ${s}: ${inTest}/${all}`);
  }
});

test("the same seed gives the same split; another seed a different one", (t) => {
  const input = corpus(300, 5, 3);
  const a = assignSplits(input, { seed: 13, testRatio: 0.2 }).recordSplit;
  const b = assignSplits(input, { seed: 13, testRatio: 0.2 }).recordSplit;
  const c = assignSplits(input, { seed: 14, testRatio: 0.2 }).recordSplit;
  t.deepEqual(a, b);
  t.notDeepEqual(a, c);
});

test("ratio 0 puts everything in train, ratio 1 everything in test", (t) => {
  const input = corpus(50, 4, 3);
  t.is(assignSplits(input, { seed: 13, testRatio: 0 }).recordSplit.reduce((a, b) => a + b, 0), 0);
  t.is(assignSplits(input, { seed: 13, testRatio: 1 }).recordSplit.reduce((a, b) => a + b, 0), 200);
});

test("a giant component is split by near-duplicate cluster: test near the ratio, no cluster on both sides, counted", (t) => {
  // Every article repeats a sentence of the one before: one component holds everything.
  const input = corpus(300, 6, 1);
  for (let i = 0; i < input.recordCluster.length; i++)
    if (i % 6 === 0 && i > 0) input.recordCluster[i] = input.recordCluster[i - 6]!;
  const r = assignSplits(input, { seed: 13, testRatio: 0.2 });
  t.is(r.components, 1);
  t.truthy(r.giant);
  t.is(r.giant!.records, 1800);
  t.true(r.giant!.articlesOnBothSides > 0);
  const share = r.recordSplit.reduce((a, b) => a + b, 0) / r.recordSplit.length;
  t.true(Math.abs(share - 0.2) <= 0.02, `test share ${share}`);
  const side = new Map<number, number>();
  for (let i = 0; i < r.recordSplit.length; i++) {
    const c = input.recordCluster[i]!;
    t.true(!side.has(c) || side.get(c) === r.recordSplit[i]);
    side.set(c, r.recordSplit[i]!);
  }
});

test("no fallback when the article-level split reaches the ratio", (t) => {
  t.is(assignSplits(corpus(500, 8, 4), { seed: 13, testRatio: 0.2 }).giant, null);
});
