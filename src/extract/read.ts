// Input documents from the paths given on the command line.
//
// Input kinds: a folder (every .txt file below it, recursively, in code-unit
// order of the relative path; symlinks are followed but a folder whose real
// path was already visited is skipped, so loops end), a .txt file, a .csv file
// (one document per row: header line, `textColumn`, optional `idColumn`) and a
// .jsonl file (one document per line: `textField`, optional `idField`).
//
// Error policy. FATAL (throws InputError, one line naming the file and the
// row / line / byte offset; the run stops):
//   - a missing path, an unsupported extension, a folder with no .txt file;
//   - a file named directly that is empty (no bytes or only whitespace), binary
//     (NUL bytes, or more than 10% control bytes in its first 8 KiB), or not
//     valid in the chosen encoding ("x.txt: invalid UTF-8 at byte 1234 (use
//     --encoding windows-1252 for legacy files)");
//   - a CSV without the named text/id column, with broken quoting
//     ("x.csv:row N: …", rows counted from 1 after the header), or with a
//     header line and no row ("x.csv:row 1: expected a data row after the header line, found none");
//   - a JSONL line that is not a JSON object (a truncated last line included),
//     or that lacks the text/id field ("x.jsonl:line N: …").
// SKIP (yields a SkippedInput and goes on; the caller counts and reports them):
//   - inside a folder: a .txt file that is empty, binary or undecodable, an
//     unreadable subfolder, a broken symlink;
//   - inside a CSV/JSONL: a row whose text is empty or whitespace, whose
//     explicit id is empty or repeats an id seen earlier in the run
//     ("duplicate doc_id"), or (CSV) whose field count does not match the header.
// Compressed inputs: a name ending in ".gz" (folder files *.txt.gz, x.txt.gz,
// x.csv.gz, x.jsonl.gz) is gunzipped as it is read (streamed, decode.ts); a
// corrupt or truncated stream is FATAL for a file named directly ("x.jsonl.gz:line
// N: corrupt or truncated gzip stream (…)", N the line being read) and a SKIP
// inside a folder, like any undecodable file.
// Metadata (source.ts): outlet, date, title and url from JSONL fields, CSV
// columns or (folder of .txt) the parent folder's name, on InputDocument.source.
// With --encoding auto, each file is strict UTF-8 when its bytes are valid
// UTF-8, else windows-1252 (decode.ts), so nothing is undecodable.
// Text is decoded with the chosen encoding, BOM removed, otherwise verbatim
// (CRLF kept). The files of a folder are read one at a time; CSV/JSONL are
// streamed (see rows.ts).
import { open, readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { InputError } from "../errors.ts";
import {
  CompressedStreamError, decodeBytes, fileHead, readFileBytes, resolveEncoding, sniff, UndecodableError, undecodableMessage, withoutGz,
  type TextEncoding,
} from "./decode.ts";
import { csvDocuments, jsonlDocuments } from "./rows.ts";
import { metadataFields, type DocumentSource, type MetadataOptions } from "./source.ts";

export type { DocumentSource } from "./source.ts";

export interface InputDocument {
  /** Folder input: path relative to the folder ("/"-separated); file input: its basename; CSV/JSONL: `${basename}:${row or line}`. */
  path: string;
  /** Decoded text, BOM removed, otherwise exactly as in the file (CRLF kept). */
  text: string;
  kind: "txt" | "csv" | "jsonl";
  /** CSV/JSONL: the id column/field value as a string, or "<file name>:<row/line>"; txt: undefined. */
  docId?: string;
  /** Where the document is, for messages: "file", "file:row N" or "file:line N". */
  location: string;
  /**
   * The document's metadata from the input (--outlet-field, --date-column,
   * --outlet-from parent …; source.ts); undefined when no metadata flag is
   * given. The extract stage copies it into every record's `source`; the
   * chrome stage may read `source.outlet` (the outlet's own chrome).
   */
  source?: DocumentSource;
  /**
   * Code units at the start of `text` that are the document's title (from
   * --title-field/--title-column: either the text began with it, or the
   * reader put it there as title + "\n\n" + body); its sentences are `headline`.
   */
  titleChars?: number;
}

export interface SkippedInput {
  location: string;
  reason: string;
}

export interface TextOptions {
  /** "utf-8" (default), "windows-1252", "latin1" / "iso-8859-1" (read as windows-1252), "auto" (per file: UTF-8 if valid, else windows-1252). */
  encoding?: string;
  /** CSV column holding the article text (default "text"). */
  textColumn?: string;
  /** CSV column holding the document id (default: "<file name>:<row>", rows numbered from 1). */
  idColumn?: string;
  /** JSONL field holding the article text (default "text"). */
  textField?: string;
  /** JSONL field holding the document id (default: "<file name>:<line>", lines numbered from 1). */
  idField?: string;
}

export type ReadOptions = TextOptions & MetadataOptions;

export function isSkipped(item: InputDocument | SkippedInput): item is SkippedInput {
  return "reason" in item;
}

const SNIFF_BYTES = 8192;

/**
 * Where a read starts (a sharded build's shard, src/dataset/sharded/plan.ts): the inputs before `input`
 * are passed over; a JSONL input starts at `line` (its earlier lines skipped unparsed), any other at its
 * start; `seenIds` are the explicit ids the inputs passed over hold that the rest repeats.
 */
export interface ReadStart {
  input: number;
  line: number;
  seenIds: readonly string[];
}

/** Optional hooks of readInputs: a start, and a call before each input is read (its index in `inputs`). */
export interface ReadHooks {
  start?: ReadStart;
  onInput?: (index: number) => void;
}

export async function* readInputs(inputs: string[], opts: ReadOptions = {}, hooks: ReadHooks = {}): AsyncGenerator<InputDocument | SkippedInput> {
  const encoding = resolveEncoding(opts.encoding);
  const start = hooks.start;
  const rowOpts = {
    encoding,
    textColumn: opts.textColumn ?? "text",
    idColumn: opts.idColumn,
    textField: opts.textField ?? "text",
    idField: opts.idField,
    seenIds: new Set<string>(start?.seenIds ?? []),
    meta: metadataFields(opts),
  };
  const outletFromParent = opts.outletFrom === "parent";
  for (const [index, input] of inputs.entries()) {
    if (start && index < start.input) continue;
    hooks.onInput?.(index);
    const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
      throw new InputError(err.code === "ENOENT" ? `${input}: no such file or folder` : `${input}: cannot read (${err.code})`);
    });
    if (info.isDirectory()) {
      yield* folderDocuments(input, encoding, outletFromParent);
      continue;
    }
    const ext = extname(withoutGz(input)).toLowerCase();
    if (!info.isFile() || ![".txt", ".csv", ".jsonl"].includes(ext)) {
      throw new InputError(`${input}: unsupported input "${extname(input) || basename(input)}" (expected a folder, .txt, .csv or .jsonl, each optionally .gz)`);
    }
    const problem = await sniffFile(input, info.size);
    if (problem) throw new InputError(`${input}: ${problem} file`);
    if (ext === ".txt") {
      const doc = await txtDocument(input, basename(input), encoding);
      if ("reason" in doc) throw new InputError(doc.byte === undefined ? `${input}: ${doc.reason}` : undecodableMessage(input, doc.byte));
      if (outletFromParent) doc.source = parentSource(basename(dirname(resolve(input))));
      yield doc;
    } else if (ext === ".csv") yield* csvDocuments(input, rowOpts);
    else yield* jsonlDocuments(input, rowOpts, start && index === start.input ? start.line : 1);
  }
}

async function sniffFile(file: string, size: number): Promise<"empty" | "binary" | null> {
  if (size === 0) return "empty";
  if (withoutGz(file) !== file) {
    // A stream corrupt in its first block is left to the read, which names the line or row it is in.
    const got = await fileHead(file, SNIFF_BYTES).catch((e: unknown) => {
      if (e instanceof CompressedStreamError) return null;
      throw e;
    });
    return got === null ? null : sniff(got.head, got.whole);
  }
  const handle = await open(file, "r");
  try {
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniff(head.subarray(0, bytesRead), size <= SNIFF_BYTES);
  } finally {
    await handle.close();
  }
}

/** A .txt file as a document, or why it cannot be one (`byte`: where invalid UTF-8 starts). */
async function txtDocument(
  file: string, path: string, encoding: TextEncoding,
): Promise<InputDocument | (SkippedInput & { byte?: number })> {
  let bytes: Uint8Array;
  try {
    bytes = withoutGz(file) === file ? await readFile(file) : await readFileBytes(file);
  } catch (err) {
    if (err instanceof CompressedStreamError) return { location: file, reason: err.message };
    throw err;
  }
  const problem = sniff(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES);
  if (problem) return { location: file, reason: `${problem} file` };
  let text: string;
  try {
    text = decodeBytes(bytes, encoding);
  } catch (err) {
    if (err instanceof UndecodableError) return { location: file, reason: err.message, byte: err.byte };
    throw err;
  }
  if (text.trim() === "") return { location: file, reason: "empty file" };
  return { path, text, kind: "txt", location: file };
}

/** The metadata of a .txt file under --outlet-from parent: its parent folder's name, nothing else. */
function parentSource(folder: string): DocumentSource {
  return { outlet: folder || null, published: null, title: null, url: null, date: null };
}

async function* folderDocuments(root: string, encoding: TextEncoding, outletFromParent: boolean): AsyncGenerator<InputDocument | SkippedInput> {
  const skipped: SkippedInput[] = [];
  const files = await listTxtFiles(root, skipped);
  yield* skipped;
  if (files.length === 0) throw new InputError(`${root}: no .txt files in folder`);
  for (const rel of files) {
    const file = join(root, rel);
    const doc = await txtDocument(file, rel, encoding).catch(
      (err: NodeJS.ErrnoException): SkippedInput => ({ location: file, reason: `cannot read (${err.code ?? err.message})` }),
    );
    if ("reason" in doc) yield { location: doc.location, reason: doc.reason };
    else {
      // A file at the top of the folder: the folder named on the command line is its parent.
      if (outletFromParent) doc.source = parentSource(rel.includes("/") ? basename(dirname(rel)) : basename(resolve(root)));
      yield doc;
    }
  }
}

/** Relative "/"-separated paths of the .txt (and .txt.gz) files below root, sorted by code units. */
async function listTxtFiles(root: string, skipped: SkippedInput[]): Promise<string[]> {
  const visited = new Set<string>([await realpath(root)]);
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ location: dir, reason: `unreadable folder (${(err as NodeJS.ErrnoException).code})` });
      return;
    }
    // Sorted so that which of two paths to one folder is walked does not depend on the file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => null);
        if (!target) {
          skipped.push({ location: full, reason: "broken symlink" });
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        const real = await realpath(full);
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(full, relPath);
      } else if (isFile && /\.txt(\.gz)?$/i.test(entry.name)) out.push(relPath);
    }
  };
  await walk(root, "");
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
