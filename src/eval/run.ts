// The evaluation pipeline behind `npm run eval`: load and validate the
// splits (and gold), learn the n-gram vocabulary on train, fit the
// classifier and the majority baseline per task, score them on the silver
// test split and on the leakage-free part of the gold set, and assemble the
// metrics object (timings are returned beside it, never inside it).
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { MajorityClassifier, type Classifier } from "./classifier.ts";
import { nnz, type CsrMatrix } from "./csr.ts";
import { labelCounts, labelOf, loadSplit, TASK_LABELS, type Labelled, type Task } from "./data.ts";
import { NgramVectorizer } from "./features.ts";
import { GoldMatcher, loadGold } from "./gold.ts";
import { SparseLogisticRegression } from "./logreg.ts";
import { accuracy, bootstrapCI, confusionMatrix, fAvg, macroF1, perClassScores, type Label } from "./metrics.ts";
import { DenseReferenceLogisticRegression } from "./reference.ts";
import type { FitSummary, GoldBlock, MetricsReport, ScoreBlock, TaskReport } from "./report-types.ts";

export interface EvalOptions {
  dataDir: string;
  /** Default `<dataDir>/gold`; "none" = no gold. */
  goldDir?: string;
  tasks: readonly Task[];
  seed: number;
  minCount: number;
  maxFeatures: number;
  l2: number;
  maxIter: number;
  tol: number;
  multiClass: "multinomial" | "ovr";
  classifier: "sparse" | "reference";
  bootstrap: number;
}

export const DEFAULTS: Omit<EvalOptions, "dataDir"> = {
  tasks: ["stance", "hedged"],
  seed: 13,
  minCount: 2,
  maxFeatures: 50_000,
  l2: 1,
  maxIter: 100,
  tol: 1e-4,
  multiClass: "multinomial",
  classifier: "sparse",
  bootstrap: 1000,
};

export interface EvalRun {
  metrics: MetricsReport;
  /** Wall-clock milliseconds per phase (for stdout and benchmarks only). */
  timings: Record<string, number>;
}

function makeClassifier(opts: EvalOptions): Classifier {
  if (opts.classifier === "reference") return new DenseReferenceLogisticRegression({ numSteps: opts.maxIter });
  return new SparseLogisticRegression({ l2: opts.l2, maxIter: opts.maxIter, tol: opts.tol, multiClass: opts.multiClass });
}

/** Every metric of one model on one labelled set; null for an empty set. */
export function scoreBlock(task: Task, yTrue: readonly Label[], yPred: readonly Label[], seed: number, resamples: number): ScoreBlock | null {
  if (yTrue.length === 0) return null;
  const labels = TASK_LABELS[task];
  const ci = bootstrapCI(yTrue, yPred, { seed, resamples });
  const perClass: ScoreBlock["per_class"] = {};
  for (const s of perClassScores(yTrue, yPred, labels))
    perClass[s.label] = { precision: s.precision, recall: s.recall, f1: s.f1, support: s.support };
  return {
    n: yTrue.length,
    accuracy: accuracy(yTrue, yPred),
    accuracy_ci95: ci.accuracy,
    macro_f1: macroF1(yTrue, yPred),
    macro_f1_ci95: ci.macro_f1,
    ...(task === "stance" ? { f_avg: fAvg(yTrue, yPred) } : {}),
    per_class: perClass,
    confusion: confusionMatrix(yTrue, yPred, labels),
  };
}

function fitSummary(clf: Classifier): FitSummary[] | null {
  if (!(clf instanceof SparseLogisticRegression)) return null;
  return clf.fitInfo.map((f) => ({
    iterations: f.iterations,
    evaluations: f.evaluations,
    converged: f.converged,
    stop_reason: f.reason,
    objective: f.objective,
  }));
}

export async function runEval(opts: EvalOptions): Promise<EvalRun> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = t - t0;
    t0 = t;
  };
  if (opts.tasks.length === 0) throw new InputError("--task: no task selected");

  const gold = opts.goldDir === "none" ? null : await loadGold(opts.goldDir ?? join(opts.dataDir, "gold"));
  const matcher = gold ? new GoldMatcher(gold.items) : null;
  const train = await loadSplit(join(opts.dataDir, "train.jsonl"), "train", (r, tokens) => {
    matcher?.observeTrain(r.text, tokens);
    matcher?.observeRecord(r.text, r);
  });
  const test = await loadSplit(join(opts.dataDir, "test.jsonl"), "test", (r) => matcher?.observeRecord(r.text, r));
  lap("read");

  const vectorizer = new NgramVectorizer({ minCount: opts.minCount, maxFeatures: opts.maxFeatures }).fit(train.words);
  const Xtrain = vectorizer.transform(train.words);
  const Xtest = vectorizer.transform(test.words);
  const eligible = matcher ? matcher.eligible() : [];
  const goldItems = gold?.items ?? [];
  const Xgold: CsrMatrix = vectorizer.transform(eligible.map((i) => goldItems[i]!.words));
  lap("features");

  const B = opts.bootstrap;
  const tasks: Partial<Record<Task, TaskReport>> = {};
  for (const task of opts.tasks) {
    const yTrain = train.labels.map((l) => labelOf(task, l));
    const yTest = test.labels.map((l) => labelOf(task, l));
    const clf = makeClassifier(opts).fit(Xtrain, yTrain);
    lap(`fit_${task}`);
    const majority = new MajorityClassifier().fit(Xtrain, yTrain);
    const testBlocks: Record<string, ScoreBlock | null> = {
      [clf.name]: scoreBlock(task, yTest, clf.predict(Xtest), opts.seed, B),
      majority: scoreBlock(task, yTest, majority.predict(Xtest), opts.seed, B),
    };
    let goldBlock: GoldBlock | null = null;
    if (matcher && gold) {
      const yGold = eligible.map((i) => labelOf(task, goldItems[i]!));
      const matchedEligible = eligible.filter((i) => matcher.silver[i] !== undefined);
      const matchedAll = goldItems.map((_, i) => i).filter((i) => matcher.silver[i] !== undefined);
      const ruleScore = (idx: number[]) =>
        scoreBlock(
          task,
          idx.map((i) => labelOf(task, goldItems[i]!)),
          idx.map((i) => labelOf(task, matcher.silver[i] as Labelled)),
          opts.seed,
          B,
        );
      goldBlock = {
        ...matcher.counts(),
        models: {
          [clf.name]: scoreBlock(task, yGold, clf.predict(Xgold), opts.seed, B),
          majority: scoreBlock(task, yGold, majority.predict(Xgold), opts.seed, B),
          rule_labeller: ruleScore(matchedEligible),
        },
        rule_labeller_all_gold: ruleScore(matchedAll),
      };
    }
    tasks[task] = {
      labels: [...TASK_LABELS[task]],
      majority_label: majority.label!,
      fit: fitSummary(clf),
      test: testBlocks,
      gold: goldBlock,
    };
    lap(`score_${task}`);
  }

  const distribution: MetricsReport["label_distribution"] = {};
  for (const task of opts.tasks) {
    distribution[task] = {
      train: labelCounts(task, train.labels),
      test: labelCounts(task, test.labels),
      gold: gold ? labelCounts(task, gold.items) : null,
    };
  }
  const probe = makeClassifier(opts);
  const metrics: MetricsReport = {
    format: "claimstance-eval/1",
    seed: opts.seed,
    data: {
      train: { file: "train.jsonl", sha256: train.sha256, records: train.labels.length },
      test: { file: "test.jsonl", sha256: test.sha256, records: test.labels.length },
      gold: gold ? { files: gold.files, items: gold.items.length } : null,
    },
    params: {
      tasks: [...opts.tasks],
      features: {
        tokens: "wink-tokenizer words(), lower-cased",
        ngram_range: [1, 2],
        value: "binary",
        min_count: opts.minCount,
        max_features: opts.maxFeatures,
        vocabulary_size: vectorizer.vocabulary.length,
        ngrams_seen_in_train: vectorizer.termsSeen,
        train_nonzeros: nnz(Xtrain),
      },
      classifier: { name: probe.name, ...probe.params() },
      baseline: { name: "majority", strategy: "most_frequent" },
      bootstrap: { resamples: B, confidence: 0.95, method: "percentile", prng: "mulberry32", seed: opts.seed },
    },
    label_distribution: distribution,
    tasks,
  };
  lap("assemble");
  return { metrics, timings };
}
