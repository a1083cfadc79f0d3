// Worker process of a build (see pool.ts): loads the lexicons once, then turns
// each batch of documents it is sent into a BatchResult (work.ts). It exits
// when its parent goes away (the IPC channel closes), even after a SIGKILL.
import type { InputDocument } from "../extract/index.ts";
import type { CleaningSpec } from "../extract/cleaning.ts";
import { loadRunLexicons, wantedIndex } from "./label-stage.ts";
import { KeyIntMap } from "./u32-map.ts";
import { Pipeline } from "../label/pipeline.ts";
import { processBatch, type BatchResult, type WorkContext } from "./work.ts";

export interface WorkerSetup {
  lexicons: string | undefined;
  targets?: string | undefined;
  targetsAdd?: readonly string[] | undefined;
  /** Pipeline components switched off (--disable). */
  disable?: readonly string[] | undefined;
}

export type WorkerMessage =
  | { kind: "setup"; setup: WorkerSetup }
  | { kind: "wanted"; wanted: string[]; cleaning: CleaningSpec; defaultTopics: boolean }
  | { kind: "batch"; seq: number; docs: InputDocument[] }
  | { kind: "stop" };

export type WorkerReply =
  | { kind: "result"; seq: number; result: BatchResult }
  | { kind: "error"; seq: number; error: string }
  | { kind: "stopped"; maxRssKb: number };

function send(reply: WorkerReply): void {
  process.send!(reply);
}

let ready: Promise<WorkContext> | null = null;
let setup: WorkerSetup | null = null;
let wanted = new Map<string, Set<string>>();
let cleaning: CleaningSpec = { boilerplate: [], keep: [] };
// Batches are handled one at a time, in arrival order.
let queue: Promise<void> = Promise.resolve();

process.on("disconnect", () => process.exit(0));
process.on("message", (msg: WorkerMessage) => {
  if (msg.kind === "setup") {
    setup = msg.setup;
    ready = loadRunLexicons(msg.setup.lexicons, { replace: msg.setup.targets, add: msg.setup.targetsAdd }).then((lex) => ({ lex, pipeline: new Pipeline(msg.setup.disable), wanted, sentKeys: new KeyIntMap(), cleaning }));
    ready.catch(() => undefined);
  } else if (msg.kind === "wanted") {
    wanted = wantedIndex(msg.wanted);
    cleaning = msg.cleaning;
    // The default topic list is loaded at setup (overlapping the pre-pass); left out, the lexicons are loaded again without it.
    if (!msg.defaultTopics && setup && ready) {
      const s = setup;
      ready = ready.then(async (ctx) => ({ ...ctx, lex: await loadRunLexicons(s.lexicons, { replace: s.targets, add: s.targetsAdd, defaults: false }) }));
      ready.catch(() => undefined);
    }
  } else if (msg.kind === "stop") {
    queue = queue.then(() => {
      send({ kind: "stopped", maxRssKb: process.resourceUsage().maxRSS });
      process.disconnect();
    });
  } else {
    queue = queue.then(async () => {
      try {
        if (!ready) throw new Error("worker got a batch before its setup");
        const ctx = await ready;
        ctx.wanted = wanted;
        ctx.cleaning = cleaning;
        send({ kind: "result", seq: msg.seq, result: processBatch(ctx, msg.docs) });
      } catch (e) {
        send({ kind: "error", seq: msg.seq, error: e instanceof Error ? e.message : String(e) });
      }
    });
  }
});
