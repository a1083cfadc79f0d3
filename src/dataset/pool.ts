// A fixed pool of worker processes running worker.ts. Processes, not worker
// threads: V8 isolates in one process share its GC and compiler thread pool,
// and on the 2-core bench machine two busy worker threads burned 2.3× the CPU
// of one process for the same work, while two processes ran ~1.4× slower
// each (see bench/results.md). Jobs go to the least busy worker (at most
// PER_WORKER queued on each, the rest wait here); every job returns a
// promise, and the caller awaits them in submission order, so results are
// consumed in input order whatever order the workers finish in.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { InputDocument } from "../extract/index.ts";
import type { CleaningSpec } from "../extract/cleaning.ts";
import type { BatchResult } from "./work.ts";
import type { WorkerMessage, WorkerReply, WorkerSetup } from "./worker.ts";

const PER_WORKER = 3;

interface Job {
  seq: number;
  docs: InputDocument[];
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  child: ChildProcess;
  jobs: Map<number, Job>;
  stopped: Promise<number>;
}

/** The worker script: worker.ts run with this process's loader flags (tsx), or worker.js once compiled. */
function spawn(): ChildProcess {
  const ts = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(ts ? "./worker.ts" : "./worker.js", import.meta.url));
  return fork(entry, [], { serialization: "advanced", execArgv: process.execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private seq = 0;
  private broken: Error | null = null;
  private closing = false;

  constructor(size: number, setup: WorkerSetup) {
    for (let i = 0; i < size; i++) {
      const child = spawn();
      let onStopped: (kb: number) => void = () => undefined;
      const slot: Slot = { child, jobs: new Map(), stopped: new Promise((r) => (onStopped = r)) };
      child.on("message", (reply: WorkerReply) => {
        if (reply.kind === "stopped") onStopped(reply.maxRssKb);
        else this.onReply(slot, reply);
      });
      child.on("error", (e) => this.fail(e));
      child.on("exit", (code, signal) => {
        onStopped(0);
        if (!this.closing || slot.jobs.size > 0) this.fail(new Error(`worker process exited (${signal ?? code}) during a build`));
      });
      this.post(slot, { kind: "setup", setup });
      this.slots.push(slot);
    }
  }

  /** Tells every worker which gold keys to capture and how to clean (before any batch is sent). */
  configure(wanted: string[], cleaning: CleaningSpec, defaultTopics = true): void {
    for (const s of this.slots) this.post(s, { kind: "wanted", wanted, cleaning, defaultTopics });
  }

  /** Runs one batch on a worker; results may resolve in any order. */
  run(docs: InputDocument[]): Promise<BatchResult> {
    const p = new Promise<BatchResult>((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.waiting.push({ seq: this.seq++, docs, resolve, reject });
      this.dispatch();
    });
    p.catch(() => undefined); // awaited later, in order: not an unhandled rejection meanwhile
    return p;
  }

  /** Stops the workers after their current jobs; returns the sum of their peak RSS in KiB (0 if unknown). */
  async close(): Promise<number> {
    this.closing = true;
    for (const s of this.slots) if (s.child.connected) this.post(s, { kind: "stop" });
    const timer = setTimeout(() => this.kill(), 5000);
    const peaks = await Promise.all(this.slots.map((s) => s.stopped));
    clearTimeout(timer);
    return peaks.reduce((a, b) => a + b, 0);
  }

  /** Ends the workers at once (a failed build). */
  kill(): void {
    this.closing = true;
    for (const s of this.slots) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  }

  private post(slot: Slot, msg: WorkerMessage): void {
    if (slot.child.connected) slot.child.send(msg, (e) => e && this.fail(e));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.jobs.size < PER_WORKER && (!best || s.jobs.size < best.jobs.size)) best = s;
      if (!best) return;
      const job = this.waiting.shift()!;
      best.jobs.set(job.seq, job);
      this.post(best, { kind: "batch", seq: job.seq, docs: job.docs });
    }
  }

  private onReply(slot: Slot, reply: Exclude<WorkerReply, { kind: "stopped" }>): void {
    const job = slot.jobs.get(reply.seq);
    if (!job) return;
    slot.jobs.delete(reply.seq);
    if (reply.kind === "error") job.reject(new Error(reply.error));
    else job.resolve(reply.result);
    this.dispatch();
  }

  private fail(e: Error): void {
    this.broken ??= e;
    for (const s of this.slots) {
      for (const job of s.jobs.values()) job.reject(e);
      s.jobs.clear();
    }
    for (const job of this.waiting.splice(0)) job.reject(e);
  }
}
