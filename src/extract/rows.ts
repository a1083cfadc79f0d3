// CSV and JSONL inputs: one document per row/line, streamed (a chunk of rows
// at a time; the file is never held whole). Errors follow the policy in read.ts.
import { basename } from "node:path";
import { Readable } from "node:stream";
import Papa from "papaparse";
import { InputError } from "../errors.ts";
import { CompressedStreamError, decodeFile, UndecodableError, undecodableMessage, type TextEncoding } from "./decode.ts";
import type { InputDocument, SkippedInput } from "./read.ts";
import { fieldAt, sourceOf, withTitle, type DocumentSource, type MetadataFields } from "./source.ts";

export interface RowOptions {
  encoding: TextEncoding;
  textColumn: string;
  idColumn: string | undefined;
  textField: string;
  idField: string | undefined;
  /** Explicit doc ids seen so far in the run (a repeat is skipped as "duplicate doc_id"). */
  seenIds: Set<string>;
  /** The metadata fields/columns asked for (source.ts). */
  meta: MetadataFields;
}

type Row = Record<string, string | undefined>;
/** Where papaparse puts the fields of a row beyond the header's. */
const EXTRA_FIELDS = "__parsed_extra";

/** Rethrows a decoding failure as the one-line InputError of the policy (`where`: the row/line being read). */
function asInputError(file: string, err: unknown, where: string): unknown {
  if (err instanceof UndecodableError) return new InputError(undecodableMessage(file, err.byte));
  if (err instanceof CompressedStreamError) return new InputError(`${file}:${where}: ${err.message}`);
  if (err instanceof InputError) return err;
  return new InputError(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})`);
}

function rowDocument(
  file: string, unit: "row" | "line", n: number, text: string, id: string | undefined, kind: "csv" | "jsonl",
  opts: RowOptions, source: DocumentSource | undefined,
): InputDocument | SkippedInput {
  const location = `${file}:${unit} ${n}`;
  if (text.trim() === "") return { location, reason: "empty text" };
  if (id !== undefined) {
    if (id.trim() === "") return { location, reason: "empty doc_id" };
    if (opts.seenIds.has(id)) return { location, reason: `duplicate doc_id "${id}"` };
    opts.seenIds.add(id);
  }
  // Without an id column the row's own place is its id: "<file name>:<n>", the
  // same as source.path, so rows of two files no longer collide on a bare number
  // (two inputs with the same file name still do: their repeats are skipped and listed).
  const path = `${basename(file)}:${n}`;
  const doc: InputDocument = { path, text, kind, docId: id ?? path, location };
  if (source) {
    doc.source = source;
    if (source.title !== null) {
      const titled = withTitle(text, source.title);
      doc.text = titled.text;
      doc.titleChars = titled.titleChars;
    }
  }
  return doc;
}

/** A JSONL input read with CSV metadata flags only (or the other way round) is a mistake worth one line. */
function checkMetaKind(file: string, opts: RowOptions, kind: "csv" | "jsonl"): void {
  const own = kind === "csv" ? opts.meta.csv : opts.meta.jsonl;
  const other = kind === "csv" ? opts.meta.jsonl : opts.meta.csv;
  if (Object.keys(own).length === 0 && Object.keys(other).length > 0) {
    const key = Object.keys(other)[0]!;
    throw new InputError(`${file}: --${key}-${kind === "csv" ? "field" : "column"} is for ${kind === "csv" ? "JSONL" : "CSV"} input; use --${key}-${kind === "csv" ? "column" : "field"}`);
  }
}

/**
 * Rows of a CSV with a header line (comma-separated, RFC 4180 quoting: quoted
 * fields may hold newlines and "" escapes). Rows are numbered from 1 after the
 * header, blank lines not counted. papaparse parses each decoded chunk as it
 * arrives; the source is paused while parsed rows wait to be consumed.
 */
export async function* csvDocuments(file: string, opts: RowOptions): AsyncGenerator<InputDocument | SkippedInput> {
  checkMetaKind(file, opts, "csv");
  const metaCsv = opts.meta.csv;
  const withMeta = Object.keys(metaCsv).length > 0;
  const source = Readable.from(decodeFile(file, opts.encoding));
  const queue: Papa.ParseResult<Row>[] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  Papa.parse<Row>(source, {
    header: true,
    skipEmptyLines: true,
    delimiter: ",",
    chunk(results) {
      queue.push(results);
      source.pause();
      notify();
    },
    complete() {
      done = true;
      notify();
    },
    error(err: unknown) {
      failure = err;
      notify();
    },
  });
  let rowsBefore = 0;
  let checkedHeader = false;
  try {
    for (;;) {
      const results = queue.shift();
      if (!results) {
        if (failure) throw asInputError(file, failure, `row ${rowsBefore + 1}`);
        if (done) break;
        const woken = new Promise<void>((resolve) => (wake = resolve));
        source.resume();
        await woken;
        continue;
      }
      const fields = results.meta.fields ?? [];
      if (!checkedHeader) {
        checkHeader(file, fields, opts);
        checkedHeader = true;
      }
      // Quoting errors carry a chunk-relative row (field-count errors an absolute one, so those are read off the rows).
      for (const e of results.errors) {
        if (e.type !== "FieldMismatch") throw new InputError(`${file}:row ${rowsBefore + (e.row ?? 0) + 1}: ${e.message}`);
      }
      for (const [i, row] of results.data.entries()) {
        const n = rowsBefore + i + 1;
        const extra: unknown = (row as Record<string, unknown>)[EXTRA_FIELDS];
        const found = Array.isArray(extra) ? fields.length + extra.length : Object.keys(row).length;
        if (found !== fields.length) {
          yield { location: `${file}:row ${n}`, reason: `expected ${fields.length} fields, found ${found}` };
          continue;
        }
        const id = opts.idColumn === undefined ? undefined : (row[opts.idColumn] ?? "");
        const meta = withMeta ? sourceOf(metaCsv, (name) => row[name]) : undefined;
        yield rowDocument(file, "row", n, row[opts.textColumn] ?? "", id, "csv", opts, meta);
      }
      rowsBefore += results.data.length;
    }
    if (!checkedHeader) throw new InputError(`${file}: empty file`);
    if (rowsBefore === 0) throw new InputError(`${file}:row 1: expected a data row after the header line, found none`);
  } finally {
    source.destroy();
  }
}

function checkHeader(file: string, fields: string[], opts: RowOptions): void {
  if (fields.length === 0) throw new InputError(`${file}: empty file`);
  for (const col of [opts.textColumn, opts.idColumn, ...Object.values(opts.meta.csv)]) {
    if (col !== undefined && !fields.includes(col)) {
      throw new InputError(`${file}: no column "${col}" (columns: ${fields.join(", ")})`);
    }
  }
}

/** Lines of decoded chunks, without their "\n" or "\r\n" (the last line may lack a newline). */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let partial: string[] = [];
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
      partial.push(chunk.slice(from, nl));
      const line = partial.join("");
      partial = [];
      yield line.endsWith("\r") ? line.slice(0, -1) : line;
      from = nl + 1;
    }
    if (from < chunk.length) partial.push(chunk.slice(from));
  }
  const last = partial.join("");
  if (last !== "") yield last.endsWith("\r") ? last.slice(0, -1) : last;
}

/**
 * One JSON object per line; blank lines are ignored. A line that is not a JSON
 * object (a truncated last line included), or lacks the text/id field, is fatal.
 */
export async function* jsonlDocuments(file: string, opts: RowOptions, startLine = 1): AsyncGenerator<InputDocument | SkippedInput> {
  checkMetaKind(file, opts, "jsonl");
  const metaJsonl = opts.meta.jsonl;
  const withMeta = Object.keys(metaJsonl).length > 0;
  // From a later line (a sharded build's shard start): the lines before it are skipped unparsed, and were not all blank.
  let n = startLine - 1;
  let any = startLine > 1;
  try {
    for await (const line of linesOf(decodeFile(file, opts.encoding, startLine - 1))) {
      n++;
      if (line.trim() === "") continue;
      any = true;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new InputError(`${file}:line ${n}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new InputError(`${file}:line ${n}: expected a JSON object`);
      }
      const record = value as Record<string, unknown>;
      const text = record[opts.textField];
      if (text === undefined) throw new InputError(`${file}:line ${n}: no field "${opts.textField}"`);
      if (typeof text !== "string") throw new InputError(`${file}:line ${n}: field "${opts.textField}" is not a string`);
      let id: string | undefined;
      if (opts.idField !== undefined) {
        const raw = record[opts.idField];
        if (raw === undefined || raw === null) throw new InputError(`${file}:line ${n}: no field "${opts.idField}"`);
        id = typeof raw === "string" ? raw : JSON.stringify(raw);
      }
      const meta = withMeta ? sourceOf(metaJsonl, (name) => fieldAt(record, name)) : undefined;
      yield rowDocument(file, "line", n, text, id, "jsonl", opts, meta);
    }
  } catch (err) {
    throw asInputError(file, err, `line ${n + 1}`);
  }
  if (!any) throw new InputError(`${file}: empty file`);
}
