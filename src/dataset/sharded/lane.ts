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

export type LaneRequest = { opts: ShardedOptions } | { stage: StageName; task: number };
export type LaneReply = { ok: true } | { ok: false; message: string; input: boolean };

function serve(): void {
  let opts: ShardedOptions | null = null;
  let queue = Promise.resolve();
  process.on("disconnect", () => process.exit(0));
  process.on("message", (m: LaneRequest) => {
    if ("opts" in m) {
      opts = m.opts;
      return;
    }
    queue = queue.then(async () => {
      let reply: LaneReply;
      try {
        await runTask(opts!, m.stage, m.task);
        reply = { ok: true };
      } catch (e) {
        reply = { ok: false, message: e instanceof Error ? e.message : String(e), input: e instanceof InputError };
        if (!(e instanceof InputError)) process.stderr.write(`task ${m.stage} ${m.task}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      }
      process.send!(reply);
    });
  });
}

if (process.send) serve();
