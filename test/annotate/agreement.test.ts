// Agreement metrics against published worked examples and hand-computed values.
import test from "ava";
import { bootstrapCI, cohenKappa, krippendorffAlphaNominal, measureAgreement, tokenF1, tokens, tokenSet } from "../../src/annotate/agreement.ts";
import { labelsOfRecord, type ItemLabels } from "../../src/annotate/item.ts";
import { datasetFiles, drawSample, readRecords } from "../../src/annotate/sample.ts";

test("Krippendorff's alpha, nominal, with missing data: 0.743 (Krippendorff 2011)", (t) => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
  // University of Pennsylvania (departmental paper 43), section "C. Nominal data, any number of observers,
  // missing data": 4 observers (A-D) x 12 units, values 1-5, "." = missing; the paper gets
  // n = 40 pairable values and alpha = 0.743. The reliability data matrix, observers as rows:
  const _ = null;
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3];
  const C = [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _];
  const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].map((v) => (v === null ? null : String(v))));
  t.is(krippendorffAlphaNominal(units).toFixed(3), "0.743");
  // Units 12 (one value) is not pairable: dropping it changes nothing.
  t.is(krippendorffAlphaNominal(units.slice(0, 11)), krippendorffAlphaNominal(units));
  // Perfect agreement is 1; no variation at all is undefined.
  t.is(krippendorffAlphaNominal([["a", "a"], ["b", "b", null]]), 1);
  t.true(Number.isNaN(krippendorffAlphaNominal([["a", "a"], ["a", "a"]])));
});

test("Cohen's kappa: 0.4 on the textbook 2x2 example", (t) => {
  // Wikipedia, "Cohen's kappa", section "Simple example" (also in many textbooks): 50 grant proposals read by
  // A and B; both yes 20, A yes / B no 5, A no / B yes 10, both no 15. p_o = 0.7, p_e = 0.5, kappa = 0.4.
  const a: string[] = [];
  const b: string[] = [];
  const cell = (x: string, y: string, k: number) => {
    for (let i = 0; i < k; i++) a.push(x), b.push(y);
  };
  cell("yes", "yes", 20);
  cell("yes", "no", 5);
  cell("no", "yes", 10);
  cell("no", "no", 15);
  t.is(cohenKappa(a, b).toFixed(3), "0.400");
  // Items either annotator left out are skipped.
  t.is(cohenKappa([...a, "yes", null], [...b, null, "no"]).toFixed(3), "0.400");
});

test("token F1 of spans, hand-computed", (t) => {
  const text = "Officials said the deal was dead.";
  const toks = tokens(text);
  t.deepEqual(toks.map((s) => Array.from(text).slice(s.start, s.end).join("")), ["Officials", "said", "the", "deal", "was", "dead", "."]);
  // A marks "the deal was dead" (4 tokens), B marks "deal was dead." (4 tokens): 3 shared → F1 = 2·3/(4+4) = 0.75.
  const a = tokenSet(toks, [{ span: { start: 15, end: 32 } }]);
  const b = tokenSet(toks, [{ span: { start: 19, end: 33 } }]);
  t.is(a.size, 4);
  t.is(b.size, 4);
  t.is(tokenF1([a], [b]), 0.75);
  // Typed tokens: the same words with another type do not match.
  t.is(tokenF1([tokenSet(toks, [{ span: { start: 0, end: 9 }, tag: "vague" }])], [tokenSet(toks, [{ span: { start: 0, end: 9 }, tag: "speculative" }])]), 0);
});

test("bootstrap CI: seeded, brackets the estimate", (t) => {
  const xs = Array.from({ length: 50 }, (_, i) => (i % 4 === 0 ? 0 : 1));
  const mean = (idx: ArrayLike<number>) => Array.from(idx).reduce((s, i) => s + xs[i]!, 0) / idx.length;
  const ci = bootstrapCI(50, mean, 500, 13)!;
  t.deepEqual(bootstrapCI(50, mean, 500, 13), ci);
  t.true(ci[0] < 0.74 && ci[1] > 0.74 && ci[0] > 0.5 && ci[1] <= 1);
});

test("measureAgreement per field on two annotators of real records, hand-computed", async (t) => {
  const records = await readRecords(datasetFiles("data"));
  const pick = (stance: string, k = 0) => records.filter((r) => r.stance === stance && r.target_text !== null)[k]!;
  const sample = drawSample(records, { n: 4, seed: 1, context: 0, informative: false });
  // Four items: annotator x and y agree on three stances and disagree on one.
  const base = [pick("support"), pick("oppose"), records.find((r) => r.stance === "neutral")!, pick("support", 1)];
  const items = base.map((r, k) => ({ ...sample[0]!, id: r.id, n: k + 1, record: r }));
  const x = new Map<string, ItemLabels>();
  const y = new Map<string, ItemLabels>();
  const stances = [["support", "support"], ["oppose", "oppose"], ["neutral", "neutral"], ["neutral", "support"]] as const;
  items.forEach((it, k) => {
    x.set(it.id, { ...labelsOfRecord(it.record), stance: stances[k]![0] });
    y.set(it.id, { ...labelsOfRecord(it.record), stance: stances[k]![1] });
  });
  const a = measureAgreement(items, new Map([["x", x], ["y", y]]), { seed: 13, resamples: 200 });
  const stance = a.fields.find((f) => f.field === "stance")!;
  // kappa: p_o = 3/4; x: s 1/4 o 1/4 n 2/4, y: s 2/4 o 1/4 n 1/4 → p_e = 2/16 + 1/16 + 2/16 = 5/16;
  // (12/16 - 5/16) / (11/16) = 7/11.
  t.is(stance.kappa!.value.toFixed(4), (7 / 11).toFixed(4));
  // alpha: 8 values (s 3, o 2, n 3); D_o = 2/8; D_e = (64 - 22) / 56 = 0.75 → 1 - 0.25/0.75 = 2/3.
  t.is(stance.alpha!.value.toFixed(4), "0.6667");
  t.is(a.fields.find((f) => f.field === "content span")!.token_f1!.value, base.some((r) => r.content) ? 1 : NaN);
});
