// All-or-nothing output: every file is written under a temporary name in the
// output folder and renamed into place only when the whole run succeeded, so a
// crash (even SIGKILL) never leaves a half-written file where a reader looks.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.ts";

export class TempFile {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(readonly tempPath: string, readonly finalPath: string) {
    this.stream = createWriteStream(tempPath, { encoding: "utf8" });
    this.stream.on("error", (e) => (this.failure = e));
  }

  /** Writes a chunk, waiting when the stream's buffer is full (bounded memory). */
  async write(chunk: string): Promise<void> {
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
      await mkdir(this.dir, { recursive: true });
      await writeFile(probe, "");
      await unlink(probe);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      throw new InputError(`${this.dir}: cannot write output folder (${code})`);
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
