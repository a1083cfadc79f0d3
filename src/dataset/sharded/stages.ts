// The chain of a sharded build: stages in order, each an array of tasks that
// read only the inputs, the flags and earlier stages' files under --work, and
// write only their own folder (task-dir.ts: temp name, rename, completion
// marker). An executor (local.ts here; Slurm, Kubernetes, Dask… in
// docs/scale.md) runs the tasks of a stage in any order, anywhere, waits for
// all, and goes on. Every output file is byte-identical to build.ts's for
// any number of shards.
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../errors.ts";
import type { ReadOptions } from "../../extract/index.ts";
import { BOILERPLATE_MIN_DOCS } from "../../extract/cleaning.ts";
import type { BuildSummary, Prepass } from "../build.ts";
import type { ChromeCategory } from "../../extract/chrome-lexicon.ts";
import type { NetworkPeriod } from "../../extract/dates.ts";
import type { DefaultTopics } from "../topic-fit.ts";
import type { LabelStageOptions } from "../label-stage.ts";
import { boilerplateTask, scanTask, unitCountsTask, unitDecideTask, unitTotalsTask } from "./prepass.ts";
import { bucketsTask, clusterTask, keysTask } from "./dedup.ts";
import { findDroppedIds, type Ids } from "./ids.ts";
import { loadPlan, planShards } from "./plan.ts";
import { processShard } from "./process.ts";
import { splitTask } from "./split-stage.ts";
import { readJson, runOnce, taskPath, writeJson } from "./task-dir.ts";
import { finalizeTask, writeTask, type StageDirs } from "./write-stage.ts";

export interface ShardedOptions extends LabelStageOptions {
  inputs: string[];
  read: ReadOptions;
  out: string;
  seed: number;
  testRatio: number;
  command: string;
  keepChrome: string[];
  boilerplateMinDocs?: number;
  networkPeriod?: NetworkPeriod;
  defaultTopics?: DefaultTopics;
  work: string;
  shards: number;
}

export const STAGES = ["plan", "scan", "unit-counts", "unit-totals", "unit-decide", "boilerplate", "process", "ids", "keys", "buckets", "cluster", "split", "write", "finalize"] as const;
export type StageName = (typeof STAGES)[number];
const PER_SHARD = new Set<StageName>(["scan", "unit-counts", "unit-totals", "unit-decide", "process", "keys", "buckets", "write"]);

export function stageList(shards: number): { stage: StageName; tasks: number }[] {
  return STAGES.map((stage) => ({ stage, tasks: PER_SHARD.has(stage) ? shards : 1 }));
}

/** Everything that shapes the outputs: a work folder serves one configuration only. */
function configOf(o: ShardedOptions): unknown {
  return [
    o.inputs, o.read, o.out, o.seed, o.testRatio, o.command, o.keepChrome, o.boilerplateMinDocs ?? null, o.lexicons ?? null, o.targets ?? null, o.targetsAdd ?? null, o.gold ?? null,
    o.disable ?? [], o.networkPeriod ?? "month", o.defaultTopics ?? "auto", o.shards,
  ];
}

const dirsOf = (work: string, stage: StageName, n: number) => Array.from({ length: n }, (_, i) => taskPath(work, stage, i));

/** Runs one task (skipped when its completion marker exists); finalize returns the summary when it ran. */
export async function runTask(opts: ShardedOptions, stage: StageName, task: number): Promise<BuildSummary | null> {
  const { work, shards: N } = opts;
  const tasks = stageList(N).find((s) => s.stage === stage)!.tasks;
  if (!Number.isSafeInteger(task) || task < 0 || task >= tasks) throw new Error(`stage ${stage} has tasks 0..${tasks - 1}, not ${task}`);
  const minDocs = opts.boilerplateMinDocs ?? BOILERPLATE_MIN_DOCS;
  const config = JSON.stringify(configOf(opts));
  if (stage !== "plan") {
    const planned = await readFile(join(taskPath(work, "plan", 0), "config.json"), "utf8").catch(() => null);
    if (planned === null) throw new InputError(`${work}: no finished plan stage (run --stage plan --task 0 first)`);
    if (planned !== config) throw new InputError(`${work}: planned with other flags or inputs; use a new --work folder`);
  }
  const plan = stage === "plan" ? null : await loadPlan(work);
  if (plan && plan.shards.length !== N) throw new Error(`${work}: planned for ${plan.shards.length} shards, not ${N}`);
  const ids = ["keys", "split", "write", "finalize"].includes(stage) ? await readJson<Ids>(join(work, "ids", "0", "ids.json")) : null;
  const dirs: StageDirs = {
    process: dirsOf(work, "process", N),
    keys: dirsOf(work, "keys", N),
    cluster: taskPath(work, "cluster", 0),
    split: taskPath(work, "split", 0),
    write: dirsOf(work, "write", N),
  };
  const prepass = () => readJson<Prepass>(join(taskPath(work, "boilerplate", 0), "prepass.json"));
  const processOptions = async () => ({ ...opts, prepass: await prepass(), keyParts: N });
  // runPrepass's options (the one-process build's): the sharded pre-pass (prepass.ts) gives its result.
  const prepassOptions = { ...opts, cleaning: { keepChrome: opts.keepChrome as ChromeCategory[], boilerplateMinDocs: minDocs } };
  let summary: BuildSummary | null = null;
  const cpuBefore = process.cpuUsage();
  const ran = await runOnce(work, stage, task, async (dir) => {
    switch (stage) {
      case "plan":
        await writeFile(join(dir, "config.json"), config);
        return planShards(opts.inputs, opts.read, N, dir);
      case "scan":
        return scanTask(prepassOptions, minDocs, plan!.shards[task]!, N, dir);
      case "unit-counts":
        return unitCountsTask(dirsOf(work, "scan", N), minDocs, task, dir);
      case "unit-totals":
        return unitTotalsTask(dirsOf(work, "scan", N), dirsOf(work, "unit-counts", N), task, dir);
      case "unit-decide":
        return unitDecideTask(prepassOptions, dirsOf(work, "scan", N), dirsOf(work, "unit-counts", N), dirsOf(work, "unit-totals", N), minDocs, task, dir);
      case "boilerplate":
        return boilerplateTask(prepassOptions, dirsOf(work, "scan", N), dirsOf(work, "unit-decide", N), minDocs, dir);
      case "process":
        return processShard(await processOptions(), plan!.shards[task]!, dir);
      case "ids":
        return findDroppedIds(dirs.process, opts.inputs, dir);
      case "keys":
        return keysTask(dirs.process, ids!, task, N, dir);
      case "buckets":
        return bucketsTask(dirs.keys, task, dir);
      case "cluster":
        return clusterTask(dirsOf(work, "buckets", N), dirs.keys, dir);
      case "split":
        return splitTask(dirs.process, dirs.keys, dirs.cluster, ids!, opts, dir);
      case "write":
        return writeTask(await processOptions(), plan!.shards[task]!, dirs, ids!, task, dir);
      case "finalize":
        summary = await finalizeTask(
          { out: opts.out, seed: opts.seed, testRatio: opts.testRatio, command: opts.command, labels: opts, prepass: await prepass(), networkPeriod: opts.networkPeriod ?? "month" },
          dirs,
          ids!,
          dirs.cluster,
        );
        return writeJson(join(dir, "summary.json"), summary);
    }
  });
  if (ran) {
    // The task's CPU, and the peak RSS of the process that ran it so far (a scheduler's task process: the
    // task's own; a local lane running several tasks in turn: the largest of them). Measurement only.
    const cpu = process.cpuUsage(cpuBefore);
    const usage = { stage, task, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
    await appendFile(join(work, "usage.jsonl"), JSON.stringify(usage) + "\n");
  }
  return summary ?? (stage === "finalize" ? readJson<BuildSummary>(join(taskPath(work, stage, 0), "summary.json")) : null);
}
