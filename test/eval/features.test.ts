import test from "ava";
import { csrFromDense, csrToDense, CsrBuilder } from "../../src/eval/csr.ts";
import { ngrams, NgramVectorizer } from "../../src/eval/features.ts";
import { words } from "../../src/tokens.ts";

test("ngrams: distinct unigrams then bigrams, in first-occurrence order", (t) => {
  t.deepEqual(ngrams(["a", "b", "a", "b"]), ["a", "b", "a b", "b a"]);
  t.deepEqual(ngrams([]), []);
  t.deepEqual(ngrams(["solo"]), ["solo"]);
});

test("ngrams of real text use the lower-cased wink-tokenizer words", (t) => {
  const w = words("Lavrov said the U.S. will not join.");
  t.deepEqual(ngrams(w).slice(0, 3), ["lavrov", "said", "the"]);
  t.true(ngrams(w).includes("lavrov said"));
});

test("vocabulary comes from train only; unseen test n-grams are ignored", (t) => {
  const train = [["peace", "talks"], ["peace", "talks", "stalled"]];
  const vec = new NgramVectorizer({ minCount: 1 }).fit(train);
  t.false(vec.vocabulary.includes("ceasefire"));
  const X = vec.transform([["ceasefire", "talks"]]);
  t.is(X.rows, 1);
  t.deepEqual(
    [...X.indices].map((j) => vec.vocabulary[j]),
    ["talks"],
  );
});

test("order: document frequency descending, then term in code-unit order; counts are per sentence", (t) => {
  // "b" appears twice in one sentence: counted once for that sentence.
  const train = [["b", "b", "a"], ["c", "a"], ["B", "a"]];
  const vec = new NgramVectorizer({ minCount: 1 }).fit(train);
  t.deepEqual(vec.vocabulary.slice(0, 4), ["a", "B", "B a", "b"]);
  t.deepEqual(vec.counts.slice(0, 4), [3, 1, 1, 1]);
  t.is(vec.termsSeen, 8); // a b B c, "b b", "b a", "c a", "B a"
});

test("min-count drops rare n-grams and max-features caps the vocabulary", (t) => {
  const train = [["x", "y"], ["x", "y"], ["x", "z"], ["w"]];
  const two = new NgramVectorizer({ minCount: 2 }).fit(train);
  t.deepEqual(two.vocabulary, ["x", "x y", "y"]);
  const capped = new NgramVectorizer({ minCount: 1, maxFeatures: 2 }).fit(train);
  t.deepEqual(capped.vocabulary, ["x", "x y"]);
  t.throws(() => new NgramVectorizer({ minCount: 0 }));
  t.throws(() => new NgramVectorizer({ maxFeatures: 1.5 }));
});

test("transform gives binary CSR rows with ascending columns", (t) => {
  const vec = new NgramVectorizer({ minCount: 1 }).fit([["a", "b", "c"], ["c", "b"]]);
  const X = vec.transform([["c", "b", "c"], []]);
  t.is(X.rows, 2);
  t.is(X.cols, vec.vocabulary.length);
  const row0 = [...X.indices.subarray(X.indptr[0]!, X.indptr[1]!)];
  t.deepEqual(row0, [...row0].sort((a, b) => a - b));
  t.deepEqual(row0.map((j) => vec.vocabulary[j]).sort(), ["b", "c", "b c", "c b"].sort());
  t.true([...X.data].every((v) => v === 1));
  t.is(X.indptr[2]! - X.indptr[1]!, 0);
});

test("CSR round-trips dense rows and rejects repeated or out-of-range columns", (t) => {
  const dense = [
    [0, 2, 0],
    [1, 0, 3],
    [0, 0, 0],
  ];
  const X = csrFromDense(dense);
  t.deepEqual([...X.indptr], [0, 1, 3, 3]);
  t.deepEqual(csrToDense(X), dense);
  t.deepEqual(csrToDense(X, true)[2], [0, 0, 0, 1]);
  t.throws(() => new CsrBuilder(3).addRow([1, 1]));
  t.throws(() => new CsrBuilder(3).addRow([3]));
});
