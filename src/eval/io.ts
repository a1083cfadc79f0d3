// Streaming JSONL input with file:line errors, the file's sha256 computed on
// the same bytes, and atomic output (temp file in the target folder + rename).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.ts";

export interface JsonlLine {
  /** 1-based line number. */
  line: number;
  value: unknown;
}

function describeFsError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError(`${file}: no such file`);
  if (code === "EISDIR") return new InputError(`${file}: is a directory, expected a file`);
  if (code === "EACCES" || code === "EPERM") return new InputError(`${file}: permission denied`);
  return new InputError(`${file}: cannot read (${code ?? String(err)})`);
}

/**
 * Reads a JSONL file line by line as bytes (bounded memory), decodes each
 * line as strict UTF-8 and parses it. A UTF-8 BOM and CRLF line ends are
 * accepted; blank lines are skipped. Any bad line throws InputError
 * `<file>:<line>: <what>`. `hash` receives every byte read.
 */
export async function* readJsonl(file: string, hash?: ReturnType<typeof createHash>): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let pending: Buffer[] = [];
  let lineNo = 0;
  let first = true;
  const parse = (bytes: Buffer): JsonlLine | undefined => {
    lineNo++;
    let start = 0;
    if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    first = false;
    let end = bytes.length;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      throw new InputError(`${file}:${lineNo}: invalid UTF-8`);
    }
    if (text.trim() === "") return undefined;
    try {
      return { line: lineNo, value: JSON.parse(text) as unknown };
    } catch (err) {
      throw new InputError(`${file}:${lineNo}: invalid JSON (${(err as Error).message})`);
    }
  };
  let stream: AsyncIterable<Buffer>;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error("dir"), { code: "EISDIR" });
    stream = createReadStream(file);
  } catch (err) {
    throw describeFsError(file, err);
  }
  try {
    for await (const chunk of stream) {
      hash?.update(chunk);
      let from = 0;
      for (let nl = chunk.indexOf(0x0a, from); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        pending.push(chunk.subarray(from, nl));
        const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        pending = [];
        from = nl + 1;
        const parsed = parse(bytes);
        if (parsed) yield parsed;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw describeFsError(file, err);
  }
  if (pending.length > 0) {
    const parsed = parse(Buffer.concat(pending));
    if (parsed) yield parsed;
  }
}

/** First zod-style issue as "path: message". */
export function describeIssue(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const issue = issues[0];
  if (!issue) return "invalid record";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Creates `dir` if needed; an unusable folder is an InputError naming it. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${dir}: cannot create output folder (${code ?? String(err)})`);
  }
}

/**
 * Writes every file to `<dir>/.<name>.<pid>.tmp` first, then renames each
 * over its target: a failure leaves the previous outputs untouched, and
 * readers never see a partial file.
 */
export async function writeAtomic(files: ReadonlyArray<readonly [file: string, content: string]>): Promise<void> {
  const tmps = files.map(([file]) => join(dirname(file), `.${basename(file)}.${process.pid}.tmp`));
  let current = "";
  try {
    for (let i = 0; i < files.length; i++) {
      current = files[i]![0];
      await writeFile(tmps[i]!, files[i]![1]);
    }
    for (let i = 0; i < files.length; i++) {
      current = files[i]![0];
      await rename(tmps[i]!, files[i]![0]);
    }
  } catch (err) {
    for (const tmp of tmps) await rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${current}: cannot write (${code ?? String(err)})`);
  }
}
