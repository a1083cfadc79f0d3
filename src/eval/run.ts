// The evaluation pipeline behind `npm run eval`: load and validate the
// splits, the gold set and any external prediction files (all before
// anything is scored), learn the n-gram vocabulary on train, fit the
// classifier and the majority baseline per task, score every system on the
// silver test split and on the leakage-free part of the gold set, compare
// every pair of systems, and assemble the metrics object and the built-in
// models' predictions (timings are returned beside them, never inside).
import { basename, join } from "node:path";
import { InputError } from "../errors.ts";
import { MajorityClassifier, type Classifier } from "./classifier.ts";
import { nnz, type CsrMatrix } from "./csr.ts";
import { countLabels, labelCounts, labelOf, loadSplit, MULTI_LABEL, recordLabels, TASK_LABELS, type Labelled, type Task } from "./data.ts";
import { trainDegenerate } from "./degenerate.ts";
import { NgramVectorizer } from "./features.ts";
import { GoldMatcher, loadGold } from "./gold.ts";
import { SparseLogisticRegression } from "./logreg.ts";
import type { Label } from "./metrics.ts";
import { PerTypeClassifier } from "./multilabel.ts";
import { loadPredictions, type ExternalSystem, type PredictionRow, type PredictionSpec, type PredictionTargets } from "./predictions.ts";
import { DenseReferenceLogisticRegression } from "./reference.ts";
import type { FitSummary, GoldBlock, MetricsReport, TaskReport } from "./report-types.ts";
import { setReport, type SystemPredictions } from "./set-report.ts";

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
  /** External systems' prediction files (docs/predictions.md). */
  predictions: readonly PredictionSpec[];
  /** Score prediction files that miss items on the items they cover. */
  allowPartial: boolean;
}

export const DEFAULTS: Omit<EvalOptions, "dataDir"> = {
  tasks: ["stance", "hedged", "attributed", "hedge_type"],
  seed: 13,
  minCount: 2,
  maxFeatures: 50_000,
  l2: 1,
  maxIter: 100,
  tol: 1e-4,
  multiClass: "multinomial",
  classifier: "sparse",
  bootstrap: 1000,
  predictions: [],
  allowPartial: false,
};

export interface EvalRun {
  metrics: MetricsReport;
  /** The built-in models' predictions on test and on the scored gold items (predictions.jsonl). */
  predictions: PredictionRow[];
  /** Wall-clock milliseconds per phase (for stdout and benchmarks only). */
  timings: Record<string, number>;
}

function makeBinaryOrMulticlass(opts: EvalOptions): Classifier {
  if (opts.classifier === "reference") return new DenseReferenceLogisticRegression({ numSteps: opts.maxIter });
  return new SparseLogisticRegression({ l2: opts.l2, maxIter: opts.maxIter, tol: opts.tol, multiClass: opts.multiClass });
}

/** The built-in model of a task: multi-label tasks get one binary model per type. */
function makeClassifier(opts: EvalOptions, task: Task): Classifier {
  if (MULTI_LABEL.has(task)) return new PerTypeClassifier(TASK_LABELS[task], () => makeBinaryOrMulticlass(opts));
  return makeBinaryOrMulticlass(opts);
}

function fitSummary(clf: Classifier): FitSummary[] | null {
  if (clf instanceof PerTypeClassifier) {
    const fits = clf.models.filter((m): m is Classifier => typeof m !== "boolean").map(fitSummary);
    return fits.every((f) => f !== null) ? fits.flat() : null;
  }
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
    matcher?.observeRecord(r.text, recordLabels(r));
  });
  const test = await loadSplit(join(opts.dataDir, "test.jsonl"), "test", (r) => matcher?.observeRecord(r.text, recordLabels(r)));
  const targets: PredictionTargets = {
    test: new Map(test.ids.map((id, i) => [id, i])),
    train: new Set(train.ids),
    gold: new Map((gold?.items ?? []).map((g, i) => [g.gid, i])),
    goldScored: matcher ? matcher.eligible() : [],
  };
  // Every prediction file is validated in full before anything is fitted or scored.
  const externals: ExternalSystem[] = [];
  const names = new Set<string>();
  for (const spec of opts.predictions) {
    if (names.has(spec.name)) throw new InputError(`--predictions: the name ${JSON.stringify(spec.name)} is given twice`);
    names.add(spec.name);
    externals.push(await loadPredictions(spec, targets, opts.tasks, opts.allowPartial));
  }
  lap("read");

  const vectorizer = new NgramVectorizer({ minCount: opts.minCount, maxFeatures: opts.maxFeatures }).fit(train.words);
  const Xtrain = vectorizer.transform(train.words);
  const Xtest = vectorizer.transform(test.words);
  const eligible = matcher ? matcher.eligible() : [];
  const goldItems = gold?.items ?? [];
  const Xgold: CsrMatrix = vectorizer.transform(eligible.map((i) => goldItems[i]!.words));
  lap("features");

  const boot = { seed: opts.seed, resamples: opts.bootstrap };
  const predictionTable = new PredictionTable();
  const tasks: Partial<Record<Task, TaskReport>> = {};
  for (const task of opts.tasks) {
    const yTrain = train.labels.map((l) => labelOf(task, l));
    const notScored = trainDegenerate(task, countLabels(task, yTrain), yTrain.length);
    if (notScored) {
      tasks[task] = { labels: [...TASK_LABELS[task]], not_scored: notScored, majority_label: null, fit: null, test: null, gold: null };
      continue;
    }
    const yTest = test.labels.map((l) => labelOf(task, l));
    const clf = makeClassifier(opts, task).fit(Xtrain, yTrain);
    lap(`fit_${task}`);
    const majority = new MajorityClassifier().fit(Xtrain, yTrain);
    const builtIn = (X: CsrMatrix): SystemPredictions[] => [
      { name: clf.name, preds: clf.predict(X), external: false },
      { name: majority.name, preds: majority.predict(X), external: false },
    ];
    const externalOn = (set: "test" | "gold", pick: (preds: Array<Label | undefined>) => Array<Label | undefined>): SystemPredictions[] =>
      externals.filter((e) => e[set][task]).map((e) => ({ name: e.name, preds: pick(e[set][task]!), external: true }));
    const testBuiltIn = builtIn(Xtest);
    predictionTable.add(task, "test", test.ids, testBuiltIn);
    const testReport = setReport(task, "test", yTest, [...testBuiltIn, ...externalOn("test", (p) => p)], boot);
    let goldBlock: GoldBlock | null = null;
    if (matcher && gold) {
      const yGold = eligible.map((i) => labelOf(task, goldItems[i]!));
      const silverOf = (i: number) => (matcher.silver[i] === undefined ? undefined : labelOf(task, matcher.silver[i] as Labelled));
      const goldBuiltIn = builtIn(Xgold);
      predictionTable.add(task, "gold", eligible.map((i) => goldItems[i]!.gid), goldBuiltIn);
      const systems: SystemPredictions[] = [
        ...goldBuiltIn,
        { name: "rule_labeller", preds: eligible.map(silverOf), external: false },
        ...externalOn("gold", (p) => eligible.map((i) => p[i])),
      ];
      const matchedAll = goldItems.map((_, i) => i).filter((i) => matcher.silver[i] !== undefined);
      const all = setReport(task, "gold", matchedAll.map((i) => labelOf(task, goldItems[i]!)), [{ name: "rule_labeller", preds: matchedAll.map(silverOf), external: false }], boot);
      goldBlock = {
        ...matcher.counts(),
        ...setReport(task, "gold", yGold, systems, boot),
        rule_labeller_all_gold: all.models["rule_labeller"] ?? null,
      };
    }
    tasks[task] = {
      labels: [...TASK_LABELS[task]],
      not_scored: null,
      majority_label: majority.label!,
      fit: fitSummary(clf),
      test: testReport,
      gold: goldBlock,
    };
    lap(`score_${task}`);
  }
  const predictions = predictionTable.sorted();

  const distribution: MetricsReport["label_distribution"] = {};
  for (const task of opts.tasks) {
    distribution[task] = {
      train: labelCounts(task, train.labels),
      test: labelCounts(task, test.labels),
      gold: gold ? labelCounts(task, gold.items) : null,
    };
  }
  const probe = makeBinaryOrMulticlass(opts);
  const metrics: MetricsReport = {
    format: "claimstance-eval/2",
    seed: opts.seed,
    data: {
      train: { file: "train.jsonl", sha256: train.sha256, records: train.labels.length },
      test: { file: "test.jsonl", sha256: test.sha256, records: test.labels.length },
      gold: gold ? { files: gold.files, items: gold.items.length } : null,
      predictions: externals.map((e) => ({ name: e.name, file: basename(e.file), sha256: e.sha256 })),
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
      multi_label: "one binary model per hedge type, same features (hedge_type)",
      baseline: { name: "majority", strategy: "most_frequent" },
      bootstrap: { resamples: opts.bootstrap, confidence: 0.95, method: "percentile", prng: "mulberry32", seed: opts.seed },
      paired: { bootstrap: "same resamples as the CIs; p = (r + 1) / (B + 1), r = resamples with |Δ* − Δ| ≥ |Δ|", mcnemar: "exact, two-sided" },
      allow_partial: opts.allowPartial,
    },
    label_distribution: distribution,
    tasks,
  };
  lap("assemble");
  return { metrics, predictions, timings };
}

/**
 * The built-in models' predictions, one row per (system, set, item) holding
 * every task's label; rows come out in first-insertion order of the system,
 * then test before gold, then item order (fixed by the code and data order).
 */
class PredictionTable {
  private readonly rows = new Map<string, PredictionRow & { rank: number; order: number }>();
  private readonly ranks = new Map<string, number>();

  add(task: Task, set: "test" | "gold", ids: readonly string[], systems: readonly SystemPredictions[]): void {
    for (const s of systems) {
      if (!this.ranks.has(s.name)) this.ranks.set(s.name, this.ranks.size);
      const rank = this.ranks.get(s.name)!;
      ids.forEach((id, order) => {
        const key = `${s.name}\u0000${set}\u0000${order}`;
        let row = this.rows.get(key);
        if (!row) this.rows.set(key, (row = { system: s.name, set, id, labels: {}, rank, order }));
        row.labels[task] = s.preds[order]!;
      });
    }
  }

  sorted(): PredictionRow[] {
    return [...this.rows.values()]
      .sort((a, b) => a.rank - b.rank || (a.set === b.set ? 0 : a.set === "test" ? -1 : 1) || a.order - b.order)
      .map(({ system, set, id, labels }) => ({ system, set, id, labels }));
  }
}
