// All-or-nothing output: every file is written under a temporary name in the
// output folder and renamed into place only when the whole run succeeded, so a
// crash (even SIGKILL) never leaves a half-written file where a reader looks.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../errors.ts";

/**
 * mkdir -p without Node's `recursive: true`, which loops forever where a
 * parent exists but a child cannot be made with ENOENT (e.g. under /proc).
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let cur = resolve(dir); ; ) {
    const info = await stat(cur).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT" || dirname(cur) === cur) throw e;
      return null;
    });
    if (info) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${cur}: not a folder`), { code: "ENOTDIR" });
      break;
    }
    missing.push(cur);
    cur = dirname(cur);
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
  }
}

/** Whether a process with this id runs (a temporary file's owner). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class TempFile {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(readonly tempPath: string, readonly finalPath: string) {
    // A 4 MiB buffer instead of the default 16 KiB: the spool gets ~300 KB a
    // batch and the splits 1 MB blocks, so with the default every write waited
    // for the disk (idle main thread in the stress-corpus profile); now the
    // write overlaps the next batch's work and memory stays bounded.
    this.stream = createWriteStream(tempPath, { encoding: "utf8", highWaterMark: 4 << 20 });
    this.stream.on("error", (e) => (this.failure = e));
  }

  /** Writes a chunk (a string as UTF-8), waiting when the stream's buffer is full (bounded memory). */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
    if (this.failure) throw this.failure;
  }
}

export class OutputSet {
  private readonly files: TempFile[] = [];
  private readonly scratchFiles: TempFile[] = [];
  private readonly tag: string;

  constructor(readonly dir: string, tag: string) {
    this.tag = tag;
  }

  /** Creates the folder if needed and proves it is writable, before any work is done. */
  async checkWritable(): Promise<void> {
    const probe = join(this.dir, `.claimstance-probe-${this.tag}`);
    try {
      await makeDirs(this.dir);
      await writeFile(probe, "");
      await unlink(probe);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      throw new InputError(`${this.dir}: cannot write output folder (${code})`);
    }
  }

  /**
   * Deletes the temporary files (`.NAME.tmp-PID`, NAME among `names`) of runs
   * that were killed (SIGKILL, power loss): their PID is no longer running.
   * A run still in progress keeps its files.
   */
  async removeStale(names: readonly string[]): Promise<void> {
    const known = new Set(names);
    for (const f of await readdir(this.dir).catch(() => [] as string[])) {
      const m = /^\.(.+)\.tmp-(\d+)$/.exec(f);
      if (!m || !known.has(m[1]!) || m[2] === this.tag || isRunning(Number(m[2]))) continue;
      await unlink(join(this.dir, f)).catch(() => undefined);
    }
  }

  open(name: string): TempFile {
    const file = new TempFile(join(this.dir, `.${name}.tmp-${this.tag}`), join(this.dir, name));
    this.files.push(file);
    return file;
  }

  /** A working file that is never renamed into place; the caller deletes it, abort() too. */
  scratch(name: string): TempFile {
    const file = new TempFile(join(this.dir, `.${name}.tmp-${this.tag}`), "");
    this.scratchFiles.push(file);
    return file;
  }

  async writeWhole(name: string, content: string): Promise<void> {
    const file = this.open(name);
    await file.write(content);
    await file.close();
  }

  /** Renames every temporary file into place. */
  async commit(): Promise<void> {
    for (const f of this.files) await rename(f.tempPath, f.finalPath);
    this.files.length = 0;
  }

  /** Removes the temporary files of a failed run; the previous outputs stay as they were. */
  async abort(): Promise<void> {
    for (const f of [...this.files, ...this.scratchFiles]) {
      await f.close().catch(() => undefined);
      await unlink(f.tempPath).catch(() => undefined);
    }
    this.files.length = 0;
    this.scratchFiles.length = 0;
  }
}
