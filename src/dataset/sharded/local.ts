// The local executor: the chain's stages in order, the tasks of a stage at
// most `parallel` at a time, each in its own process (so a task's memory is
// its own, as on a cluster) or, with parallel 0, one after another in this
// process (tests). A task that fails stops the run after the running tasks
// end; rerunning skips every finished task.
import { spawn } from "node:child_process";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuildSummary } from "../build.ts";
import { runTask, stageList, type ShardedOptions, type StageName } from "./stages.ts";

export interface LocalRun {
  /** Tasks at once, each a child process; 0 = in this process, one by one. */
  parallel: number;
  /** The command that runs one task: argv[0] is the program, `--stage S --task I` is appended. */
  taskCommand?: string[];
}

function runChild(cmd: string[], stage: StageName, tasks: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0]!, [...cmd.slice(1), "--stage", stage, "--task", tasks.join(",")], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(Object.assign(new Error(`task ${stage} ${tasks.join(",")} failed (${signal ?? `exit ${code}`})`), { exitCode: code })),
    );
  });
}

export async function runLocal(opts: ShardedOptions, run: LocalRun): Promise<BuildSummary> {
  const timings = join(opts.work, "timings.jsonl");
  for (const { stage, tasks } of stageList(opts.shards)) {
    const started = process.hrtime.bigint();
    await stageTasks(opts, run, stage, tasks);
    // Wall time per stage (docs/scale.md's figures); never read by the build.
    await appendFile(timings, JSON.stringify({ stage, tasks, seconds: Number(process.hrtime.bigint() - started) / 1e9 }) + "\n");
  }
  return (await runTask(opts, "finalize", 0))!;
}

async function stageTasks(opts: ShardedOptions, run: LocalRun, stage: StageName, tasks: number): Promise<void> {
  {
    if (run.parallel <= 0 || !run.taskCommand) {
      for (let t = 0; t < tasks; t++) await runTask(opts, stage, t);
      return;
    }
    // One child process per lane, running its share of the tasks in turn (lane k: tasks k, k + lanes, …):
    // a Node start and module load (~0.5 CPU-s) per lane instead of per task. The shares are even because
    // shards are cut at equal text. Not for the process stage: the labeller's memos are module state that
    // a process keeps across tasks (AllSides --shards 8, 4 process tasks in one lane: peak RSS 407 → 590
    // → 762 → 874 MB), so each process task gets a process of its own and its memory stays its shard's.
    const lanes = Math.min(run.parallel, tasks);
    const perTask = stage === "process";
    let failure: unknown = null;
    let next = 0;
    const lane = async (k: number): Promise<void> => {
      if (perTask) {
        while (next < tasks && failure === null) await runChild(run.taskCommand!, stage, [next++]).catch((e: unknown) => (failure ??= e));
        return;
      }
      const mine: number[] = [];
      for (let t = k; t < tasks; t += lanes) mine.push(t);
      await runChild(run.taskCommand!, stage, mine).catch((e: unknown) => (failure ??= e));
    };
    await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k)));
    if (failure !== null) throw failure;
  }
}
