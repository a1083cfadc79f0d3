// A lane of the local executor (local.ts): one child process that runs the
// tasks it is sent over IPC, one after another, for the whole chain, so a
// local run pays one Node start and module load per lane (~0.55 CPU-s each),
// not one per lane per stage or per task (13 stages: ~35 starts per
// `--shards 8` run). Each task still reads only files and writes only its own
// folder (stages.ts runTask), exactly as a scheduler's task process does; a
// task's large structures are dropped when it returns.
// Protocol: the parent sends {opts} once, then {stage, task} messages; the
// lane answers each with {ok: true} or {ok: false, message, input}. The lane
// exits when the parent disconnects (also when the parent is killed: no
// orphan keeps writing to the work folder).
import { InputError } from "../../errors.ts";
import { runTask, type ShardedOptions, type StageName } from "./stages.ts";

/** retireRss: bytes (default RETIRE_RSS). */
export type LaneRequest = { opts: ShardedOptions; retireRss?: number } | { stage: StageName; task: number };
/** retire: the lane's resident memory passed RETIRE_RSS after the task; the executor disconnects it (it exits) and starts a fresh one. */
export type LaneReply = { ok: true; retire: boolean } | { ok: false; message: string; input: boolean };

/**
 * What a lane may keep between tasks: module-level caches (the lexicons' word ids and the like) and V8's
 * uncollected heap grow across tasks (4 AllSides process tasks in one process: peak RSS 407 → 590 → 762 → 874
 * MB), so a lane whose RSS after a task is past this is replaced: a task then starts at most this much above a
 * fresh process, whatever the number of tasks.
 */
export const RETIRE_RSS = 640 * 1024 * 1024;

function serve(): void {
  let opts: ShardedOptions | null = null;
  let retireRss = RETIRE_RSS;
  let queue = Promise.resolve();
  process.on("disconnect", () => process.exit(0));
  process.on("message", (m: LaneRequest) => {
    if ("opts" in m) {
      opts = m.opts;
      retireRss = m.retireRss ?? RETIRE_RSS;
      return;
    }
    queue = queue.then(async () => {
      let reply: LaneReply;
      try {
        await runTask(opts!, m.stage, m.task);
        reply = { ok: true, retire: process.memoryUsage.rss() > retireRss };
      } catch (e) {
        reply = { ok: false, message: e instanceof Error ? e.message : String(e), input: e instanceof InputError };
        if (!(e instanceof InputError)) process.stderr.write(`task ${m.stage} ${m.task}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      }
      // A retiring lane does not exit by itself: its exit could reach the parent before this reply (IPC and
      // exit events are not ordered); the parent disconnects it once the reply is read.
      process.send!(reply);
    });
  });
}

if (process.send) serve();
