// Bytes to text: encodings, invalid UTF-8 positions, empty/binary sniffing.
//
// windows-1252 is decoded with our own table: Node 20's one-shot
// TextDecoder("windows-1252") decodes as ISO-8859-1 (0x93 → U+0093, not “).
// "latin1"/"iso-8859-1" mean windows-1252, as in the WHATWG Encoding Standard
// (that is what legacy "latin1" files hold in practice).
// "auto" decides per file: strict UTF-8 when all its bytes are valid UTF-8,
// else windows-1252 (which decodes any byte), a leading UTF-8 BOM dropped.
// Legacy text is almost never valid UTF-8 by accident: its accented letters
// and curly quotes are single high bytes, which UTF-8 never allows alone.
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { InputError } from "../errors.ts";

export type TextEncoding = "utf-8" | "windows-1252" | "auto";

const ENCODING_NAMES: Record<string, TextEncoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
  auto: "auto",
};

export function resolveEncoding(name: string | undefined): TextEncoding {
  const enc = ENCODING_NAMES[(name ?? "utf-8").toLowerCase()];
  if (!enc) throw new InputError(`unsupported encoding "${name}" (use utf-8, windows-1252, latin1 or auto)`);
  return enc;
}

/** A byte sequence that is not valid in the chosen encoding. */
export class UndecodableError extends Error {
  constructor(readonly byte: number) {
    super(`invalid UTF-8 at byte ${byte}`);
  }
}

export function undecodableMessage(file: string, byte: number): string {
  return `${file}: invalid UTF-8 at byte ${byte} (use --encoding windows-1252 for legacy files)`;
}

// 0x80–0x9F of windows-1252; the five unassigned bytes map to the same C1 code point.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = bytes[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Decodes a whole file's bytes (BOM removed); throws UndecodableError on invalid UTF-8 (never with "auto"). */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    if (encoding === "auto") return decodeWindows1252(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
    throw new UndecodableError(Math.max(0, firstInvalidUtf8(bytes)));
  }
}

/** A path read through gunzip: its name ends in ".gz" (any input type: .txt.gz, .csv.gz, .jsonl.gz). */
export const isGzip = (path: string): boolean => path.toLowerCase().endsWith(".gz");

/** A file name without its ".gz": the name that says what the content is ("a.jsonl.gz" → "a.jsonl"). */
export const withoutGz = (path: string): string => (isGzip(path) ? path.slice(0, -3) : path);

/** A gzip stream that is corrupt or ends early; the reader adds where (file:line N). */
export class CompressedStreamError extends Error {
  constructor(readonly reason: string) {
    super(`corrupt or truncated gzip stream (${reason})`);
  }
}

/**
 * A file's bytes in blocks, gunzipped (streamed, node:zlib) when its name ends
 * in ".gz". A corrupt or truncated stream throws CompressedStreamError.
 */
export async function* fileBlocks(path: string, highWaterMark: number): AsyncGenerator<Buffer> {
  if (!isGzip(path)) {
    yield* createReadStream(path, { highWaterMark }) as AsyncIterable<Buffer>;
    return;
  }
  const raw = createReadStream(path, { highWaterMark });
  const gunzip = createGunzip({ chunkSize: highWaterMark });
  // A read error of the file itself (EACCES, EISDIR) ends the gunzip stream with it.
  raw.on("error", (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  try {
    for await (const block of gunzip as AsyncIterable<Buffer>) yield block;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("Z_") || code === "ERR_ZLIB_BINDING_CLOSED") throw new CompressedStreamError((e as Error).message);
    throw e;
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}

/** A whole file's bytes (gunzipped when ".gz"), read in blocks. */
export async function readFileBytes(path: string): Promise<Buffer> {
  const blocks: Buffer[] = [];
  for await (const b of fileBlocks(path, 1 << 20)) blocks.push(b);
  return Buffer.concat(blocks);
}

/** The first `n` bytes of a file (gunzipped when ".gz"), and whether that is the whole file. */
export async function fileHead(path: string, n: number): Promise<{ head: Uint8Array; whole: boolean }> {
  const blocks: Buffer[] = [];
  let got = 0;
  for await (const b of fileBlocks(path, Math.max(n, 1 << 14))) {
    blocks.push(b);
    got += b.length;
    if (got > n) return { head: Buffer.concat(blocks).subarray(0, n), whole: false };
  }
  return { head: Buffer.concat(blocks), whole: true };
}

/** "auto" resolved for one file: "utf-8" when every byte of it is valid UTF-8 (one streamed pass), else "windows-1252". */
export async function fileEncoding(path: string, encoding: TextEncoding): Promise<"utf-8" | "windows-1252"> {
  if (encoding !== "auto") return encoding;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of fileBlocks(path, 1 << 20)) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch (e) {
    if (e instanceof CompressedStreamError) throw e;
    return "windows-1252";
  }
}

/**
 * A file's text as decoded string chunks, read in 64 KiB blocks (gunzipped
 * when its name ends in ".gz": the byte offsets are then into the unpacked bytes). A character
 * split across blocks is decoded whole (streaming decoder), and an invalid
 * UTF-8 sequence throws UndecodableError with its absolute byte offset.
 */
export async function* decodeFile(path: string, requested: TextEncoding, skipLines = 0): AsyncGenerator<string> {
  const encoding = await fileEncoding(path, requested);
  const dropBom = requested === "auto" && encoding === "windows-1252" && skipLines === 0;
  let first = true;
  // Past the file's start, a U+FEFF opening a line is text (a decoder drops it only at the start of its stream).
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: skipLines > 0 });
  let consumed = 0; // bytes of earlier chunks
  let tail: Uint8Array = new Uint8Array(0); // incomplete sequence the decoder holds from the previous chunk
  let toSkip = skipLines;
  for await (let chunk of fileBlocks(path, 1 << 16)) {
    // `skipLines` lines are passed over undecoded: their newline bytes counted in the raw blocks (a sharded
    // build's shard start, src/dataset/sharded/plan.ts). A 0x0A byte is a newline in UTF-8 and windows-1252 alike.
    if (toSkip > 0) {
      let at = 0;
      while (toSkip > 0) {
        const nl = chunk.indexOf(10, at);
        if (nl < 0) break;
        toSkip--;
        at = nl + 1;
      }
      consumed += toSkip > 0 ? chunk.length : at;
      if (toSkip > 0) continue;
      chunk = chunk.subarray(at);
      if (chunk.length === 0) continue;
    }
    if (encoding === "windows-1252") {
      yield decodeWindows1252(first && dropBom && hasUtf8Bom(chunk) ? chunk.subarray(3) : chunk);
      first = false;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const joined = Buffer.concat([tail, chunk]);
      throw new UndecodableError(consumed - tail.length + Math.max(0, firstInvalidUtf8(joined)));
    }
    tail = incompleteTail(chunk.length >= 3 ? chunk : Buffer.concat([tail, chunk]));
    consumed += chunk.length;
    if (text) yield text;
  }
  if (encoding === "utf-8") {
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new UndecodableError(consumed - tail.length);
    }
  }
}

/** The trailing bytes of a valid prefix that start a multi-byte sequence not yet complete. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if (b < 0x80) break;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > k ? bytes.slice(bytes.length - k) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/** "empty" (no bytes or only whitespace) or "binary" (NUL bytes or mostly control bytes), judged on a file's first bytes. */
export function sniff(head: Uint8Array, wholeFile: boolean): "empty" | "binary" | null {
  if (head.length === 0) return "empty";
  let control = 0;
  let blank = true;
  for (const b of head) {
    if (b === 0) return "binary";
    if (b < 9 || (b > 13 && b < 32)) control++;
    if (blank && b !== 32 && (b < 9 || b > 13)) blank = false;
  }
  if (control > head.length * 0.1) return "binary";
  return blank && wholeFile ? "empty" : null;
}
