// The local executor: the chain's stages in order, the tasks of a stage at
// most `parallel` at a time. With parallel > 0 the tasks run in `parallel`
// lane processes (lane.ts) started once for the whole chain and sent one task
// at a time, the next task to the first free lane (as on a cluster, a task's
// inputs and outputs are files; its memory is dropped when it returns); with
// parallel 0, one after another in this process (tests). A task that fails
// stops the run after the running tasks end; rerunning skips every finished
// task.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildSummary } from "../build.ts";
import type { LaneReply, LaneRequest } from "./lane.ts";
import { runTask, stageList, type ShardedOptions, type StageName } from "./stages.ts";

export interface LocalRun {
  /** Tasks at once, each lane a child process; 0 = in this process, one by one. */
  parallel: number;
  /** A lane exits after a task that leaves it above this resident memory, in bytes (lane.ts RETIRE_RSS). */
  retireRss?: number;
}

const LANE_MODULE = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "./lane.ts" : "./lane.js", import.meta.url));

/** One lane process: run(stage, task) resolves when the task is done, rejects when it failed or the lane died. */
class Lane {
  private child!: ChildProcess;
  private pending: { resolve: () => void; reject: (e: unknown) => void; what: string } | null = null;
  /** The child said it retires after its last task (lane.ts RETIRE_RSS): the next task goes to a fresh one. */
  private retired = false;

  constructor(
    private readonly opts: ShardedOptions,
    private readonly retireRss: number | undefined,
  ) {
    this.start();
  }

  private start(): void {
    const opts = this.opts;
    this.retired = false;
    const child = spawn(process.execPath, [...process.execArgv, LANE_MODULE], { stdio: ["ignore", "ignore", "inherit", "ipc"], serialization: "advanced" });
    this.child = child;
    child.on("message", (m: LaneReply) => {
      const p = this.pending;
      this.pending = null;
      if (p === null) return; // the task was already failed by the lane's death
      if (m.ok) {
        if (m.retire) {
          // Marked before the disconnect, so the exit that follows is no failure.
          this.retired = true;
          child.disconnect();
        }
        p.resolve();
      } else p.reject(Object.assign(new Error(m.message), { exitCode: m.input ? 2 : 1 }));
    });
    const died = (why: string) => {
      const p = this.pending;
      this.pending = null;
      p?.reject(Object.assign(new Error(`task ${p.what} failed (${why})`), { exitCode: 1 }));
    };
    // A retired child's exit (after its successor started, perhaps) is no failure.
    child.on("error", (e) => child === this.child && died(e.message));
    child.on("exit", (code, signal) => {
      if (child === this.child && !this.retired) died(signal ?? `exit ${code}`);
    });
    this.send({ opts, retireRss: this.retireRss });
  }

  private send(m: LaneRequest): void {
    this.child.send(m);
  }

  run(stage: StageName, task: number): Promise<void> {
    if (this.retired) this.start();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, what: `${stage} ${task}` };
      this.send({ stage, task });
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

export async function runLocal(opts: ShardedOptions, run: LocalRun): Promise<BuildSummary> {
  const timings = join(opts.work, "timings.jsonl");
  const lanes = run.parallel > 0 ? Array.from({ length: run.parallel }, () => new Lane(opts, run.retireRss)) : [];
  try {
    for (const { stage, tasks } of stageList(opts.shards)) {
      const started = process.hrtime.bigint();
      await stageTasks(opts, lanes, stage, tasks);
      // Wall time per stage (docs/scale.md's figures); never read by the build.
      await appendFile(timings, JSON.stringify({ stage, tasks, seconds: Number(process.hrtime.bigint() - started) / 1e9 }) + "\n");
    }
  } finally {
    for (const lane of lanes) lane.close();
  }
  return (await runTask(opts, "finalize", 0))!;
}

async function stageTasks(opts: ShardedOptions, lanes: Lane[], stage: StageName, tasks: number): Promise<void> {
  if (lanes.length === 0) {
    for (let t = 0; t < tasks; t++) await runTask(opts, stage, t);
    return;
  }
  let failure: unknown = null;
  let next = 0;
  const drive = async (lane: Lane): Promise<void> => {
    while (next < tasks && failure === null) await lane.run(stage, next++).catch((e: unknown) => (failure ??= e));
  };
  await Promise.all(lanes.slice(0, tasks).map(drive));
  if (failure !== null) throw failure;
}
