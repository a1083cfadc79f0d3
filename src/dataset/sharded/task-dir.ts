// The work folder of a sharded build: one folder per finished task
// (WORK/STAGE/TASK), written under a temporary name, renamed into place, then
// marked finished (WORK/STAGE/TASK.done). A task whose marker exists is not
// run again; a folder without its marker (a kill between the rename and the
// marker) or a temporary folder of a dead process is removed and redone. So a
// killed run resumes, and a failed task reruns alone.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isRunning } from "../output.ts";

export const taskPath = (work: string, stage: string, task: number) => join(work, stage, String(task));

export async function isDone(work: string, stage: string, task: number): Promise<boolean> {
  return stat(`${taskPath(work, stage, task)}.done`).then(() => true, () => false);
}

/**
 * Runs `body` on a fresh temporary folder unless the task is done; the folder
 * becomes WORK/STAGE/TASK when body returns. Returns false when skipped.
 */
export async function runOnce(work: string, stage: string, task: number, body: (dir: string) => Promise<void>): Promise<boolean> {
  if (await isDone(work, stage, task)) return false;
  const final = taskPath(work, stage, task);
  const parent = join(work, stage);
  await mkdir(parent, { recursive: true });
  for (const f of await readdir(parent)) {
    const m = /^(\d+)\.tmp-(\d+)$/.exec(f);
    if (m && m[1] === String(task) && !isRunning(Number(m[2]))) await rm(join(parent, f), { recursive: true, force: true });
  }
  await rm(final, { recursive: true, force: true });
  const tmp = `${final}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  try {
    await body(tmp);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  await rename(tmp, final);
  await writeFile(`${final}.done`, "");
  return true;
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

export const writeJson = (path: string, value: unknown) => writeFile(path, JSON.stringify(value));

/** A typed array as its bytes (little-endian on every machine this runs on). */
export async function writeTyped(path: string, a: ArrayBufferView): Promise<void> {
  await writeFile(path, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

async function readAligned(path: string): Promise<ArrayBuffer> {
  const b = await readFile(path);
  const copy = new ArrayBuffer(b.length);
  new Uint8Array(copy).set(b);
  return copy;
}

export const readInt32 = async (path: string) => new Int32Array(await readAligned(path));
export const readUint32 = async (path: string) => new Uint32Array(await readAligned(path));
export const readFloat64 = async (path: string) => new Float64Array(await readAligned(path));
export const readUint8 = async (path: string) => new Uint8Array(await readAligned(path));

/** Grows by doubling; `view()` is the filled part. */
export class Growable<T extends Int32Array | Uint32Array | Float64Array | Uint8Array> {
  private data: T;
  size = 0;

  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }

  push(v: number): void {
    if (this.size === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.size++] = v;
  }

  view(): T {
    return this.data.subarray(0, this.size) as T;
  }
}

export const growInt32 = () => new Growable((n) => new Int32Array(n));
export const growUint32 = () => new Growable((n) => new Uint32Array(n));
export const growFloat64 = () => new Growable((n) => new Float64Array(n));
export const growUint8 = () => new Growable((n) => new Uint8Array(n));
