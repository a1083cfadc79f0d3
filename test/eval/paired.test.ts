// Paired comparisons and multi-label scores against figures computed
// independently: bench/paired-reference.py (scikit-learn 1.2.1, statsmodels,
// scipy, numpy and its own port of mulberry32), run once with
// `/usr/bin/python3 bench/paired-reference.py`; its output is pasted below.
// The fixed case: the stance of the 73 seed test records (data/test.jsonl
// built from seeds/ at 3c6256d), the hedge types of the first 40, and two
// made-up systems each (see the script's docstring).
import test from "ava";
import { resampleIndices } from "../../src/eval/bootstrap.ts";
import { binomialCdfHalf, compareSystems, mcnemarExact } from "../../src/eval/paired.ts";
import { scoreBlock } from "../../src/eval/scoring.ts";
import { bootstrapCI } from "../../src/eval/metrics.ts";

const Y_TRUE = "nsnnnnnnnnnnnnnnssssnnnnnnnnnnnnnnnssssnnnnnnonnnnonnnnnnnnnnnnnnnnnnnnss";
const A = "ssnnnsnnnnsnnnnssssssnnnnsnnnnsnnnnnsssnsnnnnnnnnnnnnnnsnnnnsnnnnsnnnnsss";
const B = "nsnnnnnnnnnnnnnnssnsnnnnnnnnnnnnnnnsnssnnnnnnnnnnnonnnnnnnnnnnnnnnnnnnnsn";
const H_TRUE = "|s|ds|||||||||||||u||||s|||s||||||||||||u||||s|";
const HA = "v||ds||||||||||||v|u||||||v||||||||||||||v|||s|";
const HB = "|s|d||c|||||||||c||u||||s|||c|||||||||c|||u|||||";

const STANCE: Record<string, string> = { s: "support", o: "oppose", n: "neutral" };
const TYPE: Record<string, string> = { u: "unsupported", c: "unconfirmed", d: "distancing", v: "vague", s: "speculative" };
const stances = (s: string) => [...s].map((c) => STANCE[c]!);
/** hedge_type labels as run.ts encodes them (types in HEDGE_TYPES order, joined by "+"). */
const typeSets = (s: string) => s.split("|").map((item) => [...item].map((c) => TYPE[c]!).join("+"));

const boot = { seed: 13, resamples: 200 };
const close = (t: { true: (v: boolean, m?: string) => void }, got: number, want: number, what: string) => t.true(Math.abs(got - want) < 1e-12, `${what}: ${got} vs ${want}`);

test("resamples come from the shared mulberry32 stream (matches the Python port)", (t) => {
  t.deepEqual(resampleIndices(10, 1, 13)[0], [5, 3, 0, 0, 0, 0, 0, 3, 5, 8]);
});

test("stance: paired bootstrap Δ, its CI and p, and McNemar match scikit-learn/statsmodels/numpy", (t) => {
  const c = compareSystems("stance", { a: "A", b: "B" }, stances(Y_TRUE), stances(A), stances(B), boot);
  const [acc, f1] = c.metrics;
  t.is(acc!.metric, "accuracy");
  close(t, acc!.a, 0.7945205479452054, "accuracy A");
  close(t, acc!.b, 0.9452054794520548, "accuracy B");
  close(t, acc!.delta, -0.15068493150684936, "Δ accuracy");
  close(t, acc!.delta_ci95[0], -0.26027397260273977, "Δ accuracy CI low");
  close(t, acc!.delta_ci95[1], -0.05445205479452047, "Δ accuracy CI high");
  close(t, acc!.p, 0.014925373134328358, "p accuracy");
  t.is(f1!.metric, "macro_f1");
  close(t, f1!.a, 0.4903084903084903, "macro-F1 A");
  close(t, f1!.b, 0.8255046217694774, "macro-F1 B");
  close(t, f1!.delta_ci95[0], -0.5223542689426489, "Δ macro-F1 CI low");
  close(t, f1!.delta_ci95[1], -0.03288261579907808, "Δ macro-F1 CI high");
  close(t, f1!.p, 0.009950248756218905, "p macro-F1");
  t.deepEqual([c.mcnemar.a_only, c.mcnemar.b_only], [3, 14]);
  close(t, c.mcnemar.p, 0.012725830078125, "McNemar p");
});

test("hedge_type (multi-label): exact-match accuracy, micro- and macro-F1 and their paired tests match", (t) => {
  const c = compareSystems("hedge_type", { a: "A", b: "B" }, typeSets(H_TRUE), typeSets(HA), typeSets(HB), boot);
  const want = {
    accuracy: { a: 0.8, b: 0.85, ci: [-0.22499999999999998, 0.125], p: 0.6567164179104478 },
    micro_f1: { a: 0.5, b: 0.5882352941176471, ci: [-0.5093321539141973, 0.35377673796791465], p: 0.681592039800995 },
    macro_f1: { a: 0.5595238095238095, b: 0.6428571428571429, ci: [-0.4444444444444444, 0.25], p: 0.7014925373134329 },
  };
  t.deepEqual(
    c.metrics.map((m) => m.metric),
    ["accuracy", "micro_f1", "macro_f1"],
  );
  for (const m of c.metrics) {
    const w = want[m.metric as keyof typeof want];
    close(t, m.a, w.a, `${m.metric} A`);
    close(t, m.b, w.b, `${m.metric} B`);
    close(t, m.delta_ci95[0], w.ci[0]!, `${m.metric} CI low`);
    close(t, m.delta_ci95[1], w.ci[1]!, `${m.metric} CI high`);
    close(t, m.p, w.p, `${m.metric} p`);
  }
  t.deepEqual([c.mcnemar.a_only, c.mcnemar.b_only], [5, 7]);
  close(t, c.mcnemar.p, 0.7744140625, "McNemar p");
});

test("McNemar exact and the binomial tail match scipy/statsmodels; no discordant pair gives p = 1", (t) => {
  close(t, mcnemarExact(3, 17), 0.0025768280029296875, "McNemar 3 vs 17");
  t.true(Math.abs(2 * binomialCdfHalf(40, 100) - 0.05688793364098088) < 1e-12);
  t.is(mcnemarExact(0, 0), 1);
  t.is(mcnemarExact(5, 5), 1);
  // Thousands of discordant items: the log-space sum neither underflows nor exceeds 1.
  const p = mcnemarExact(2400, 2600);
  t.true(p > 0.004 && p < 0.006, String(p));
});

test("a system compared with itself: Δ = 0, CI [0, 0], p = 1", (t) => {
  const c = compareSystems("stance", { a: "A", b: "A" }, stances(Y_TRUE), stances(A), stances(A), boot);
  for (const m of c.metrics) t.deepEqual([m.delta, m.delta_ci95, m.p], [0, [0, 0], 1]);
  t.is(c.mcnemar.p, 1);
});

test("score-block CIs use the same resamples as the original bootstrapCI (figures unchanged for single-label tasks)", (t) => {
  const b = scoreBlock("stance", stances(Y_TRUE), stances(A), { seed: 13, resamples: 500 })!;
  const ref = bootstrapCI(stances(Y_TRUE), stances(A), { seed: 13, resamples: 500 });
  t.deepEqual([b.accuracy_ci95, b.macro_f1_ci95], [ref.accuracy, ref.macro_f1]);
  const m = scoreBlock("hedge_type", typeSets(H_TRUE), typeSets(HA), boot)!;
  t.is(m.confusion, undefined);
  t.deepEqual(m.per_class["speculative"], { precision: 1, recall: 0.4, f1: 0.5714285714285715, support: 5 });
  t.deepEqual(m.per_class["vague"], { precision: 0, recall: 0, f1: 0, support: 0 });
  close(t, m.micro_f1!, 0.5, "micro-F1");
});
