// Progress of a long build on stderr, never in an output file. Under a TTY:
// one line rewritten in place a few times a second (documents, MB read of the
// input total, records/s, ETA); otherwise one summary line at the end (a log
// gets no carriage returns); --quiet: neither. The pipeline only calls
// `update` with counts (build.ts BuildProgress); time is read here, so the
// outputs cannot depend on it.
import { lstat, open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { BuildProgress } from "../dataset/build.ts";

/** Refresh interval under a TTY. */
const REFRESH_MS = 250;

export type ProgressMode = "tty" | "summary" | "quiet";

export function progressMode(quiet: boolean, stream: { isTTY?: boolean } = process.stderr): ProgressMode {
  return quiet ? "quiet" : stream.isTTY ? "tty" : "summary";
}

/**
 * Bytes of input a build reads: files as given, and the .txt (.txt.gz) files
 * below folders (the only ones the reader takes; symlinks not followed); a
 * .gz file counts its unpacked size. An
 * estimate's denominator only: unreadable entries count 0.
 */
export async function inputTotalBytes(inputs: readonly string[]): Promise<number> {
  let total = 0;
  const visit = async (path: string, top: boolean): Promise<void> => {
    const info = await (top ? stat(path) : lstat(path)).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      const entries = await readdir(path).catch(() => [] as string[]);
      for (const e of entries) await visit(join(path, e), false);
    } else if (info.isFile() && (top || /\.txt(\.gz)?$/i.test(path))) total += /\.gz$/i.test(path) ? await unpackedSize(path, info.size) : info.size;
  };
  for (const input of inputs) await visit(input, true);
  return total;
}

/**
 * A .gz file's unpacked size, as its gzip trailer gives it (ISIZE: the size
 * modulo 2^32, so at least the packed size is taken), for the progress
 * denominator: the build counts the bytes of the text it decodes.
 */
async function unpackedSize(path: string, packed: number): Promise<number> {
  if (packed < 18) return packed;
  const handle = await open(path, "r").catch(() => null);
  if (!handle) return packed;
  try {
    const tail = Buffer.alloc(4);
    await handle.read(tail, 0, 4, packed - 4);
    return Math.max(packed, tail.readUInt32LE(0));
  } finally {
    await handle.close();
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const perSecond = (n: number, s: number) => Math.round(s > 0 ? n / s : 0).toLocaleString("en-US");

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** The progress line (no line ending), from counts, the input total and elapsed seconds. */
export function progressLine(name: string, p: BuildProgress, totalBytes: number, seconds: number): string {
  // Bytes are counted from the decoded texts, so markup and ids make them
  // fall short of the file sizes: cap below 100% until the reading is done.
  const read = p.phase === "read" ? Math.min(p.bytes, totalBytes * 0.99) : totalBytes;
  const pct = totalBytes > 0 ? Math.floor((100 * read) / totalBytes) : 100;
  const parts = [
    `${name}: ${p.documents.toLocaleString("en-US")} documents`,
    `${mb(read)} / ${mb(totalBytes)} MB (${pct}%)`,
    `${perSecond(p.records, seconds)} records/s`,
  ];
  if (p.phase === "write") parts.push("writing splits");
  else if (read > 0 && seconds >= 1) parts.push(`ETA ${clock((seconds * (totalBytes - read)) / read)}`);
  else parts.push("ETA –");
  return parts.join(", ");
}

export function summaryLine(name: string, p: BuildProgress, totalBytes: number, seconds: number): string {
  return (
    `${name}: ${p.documents.toLocaleString("en-US")} documents, ${mb(totalBytes)} MB, ${p.records.toLocaleString("en-US")} records ` +
    `in ${seconds.toFixed(1)} s (${(seconds > 0 ? totalBytes / 1e6 / seconds : 0).toFixed(2)} MB/s, ${perSecond(p.records, seconds)} records/s)`
  );
}

export interface ProgressReporter {
  update(p: BuildProgress): void;
  /** The run succeeded: the last line (TTY) or the summary line. */
  done(): void;
  /** The run failed: end the TTY line so the error message starts on its own line. */
  abort(): void;
}

export function progressReporter(
  name: string,
  mode: ProgressMode,
  totalBytes: number,
  write: (s: string) => void = (s) => void process.stderr.write(s),
): ProgressReporter {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let last: BuildProgress = { phase: "read", documents: 0, bytes: 0, records: 0 };
  let shownAt = -Infinity;
  let shown = false;
  return {
    update(p) {
      const phaseChanged = p.phase !== last.phase;
      last = p;
      if (mode !== "tty") return;
      const now = elapsed();
      if (!phaseChanged && (now - shownAt) * 1000 < REFRESH_MS) return;
      shownAt = now;
      shown = true;
      // \x1b[K clears what a longer previous line left to the right.
      write(`\r${progressLine(name, p, totalBytes, now)}\x1b[K`);
    },
    done() {
      if (mode === "quiet") return;
      const line = summaryLine(name, { ...last, phase: "write" }, totalBytes, elapsed());
      write(mode === "tty" ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
    abort() {
      if (mode === "tty" && shown) write("\n");
    },
  };
}
