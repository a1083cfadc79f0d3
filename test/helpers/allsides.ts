// The AllSides corpus (../shared/corpora/allsides/articles.jsonl.gz, never
// copied into the project) for tests that need a few of its articles.
//
// Reading the 90 MB gzip to find a handful of articles costs ~2.5 s of CPU
// (gunzip and line splitting, whatever is parsed), and a dozen test files did
// it each run. So the corpus is gunzipped once into a cache outside the
// repository (os.tmpdir(), keyed by the corpus file's size and mtime, built
// by whichever test process gets there first while the others wait), with an
// index of every line's id and outlet; a test picks its lines from the index
// and gets a small gzipped JSONL holding just those lines, at their line
// numbers (blank lines between, which every reader skips), named
// articles.jsonl.gz as the corpus is. The project's own readers
// (readArticlesById, readAllSides, the benchmarks) read it as they read the
// corpus and give the same documents (text, id, outlet, path and line);
// only a location string names the cache's file instead of ../shared's.
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip, gzipSync } from "node:zlib";

export const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
export const ALLSIDES = join(CORPORA, "allsides", "articles.jsonl.gz");

/** A line of the corpus: its 1-based number, id and outlet (null when the line is blank or not a JSON object with them). */
export interface CorpusLine {
  line: number;
  id: string | null;
  outlet: string | null;
}

interface Index {
  lines: CorpusLine[];
  /** Byte offset and length of each line (without its newline) in the gunzipped copy. */
  at: [number, number][];
}

const LOCK_STALE_MS = 5 * 60_000;

/** The cache folder of the corpus as it is now (its size and mtime name it). */
function cacheDir(): string {
  const s = statSync(ALLSIDES);
  return join(tmpdir(), `claimstance-test-allsides-${s.size}-${Math.floor(s.mtimeMs)}`);
}

/** Gunzips the corpus into `dir`/articles.jsonl and writes `dir`/index.json last (its presence marks the cache complete). */
async function build(dir: string): Promise<void> {
  const copy = join(dir, "articles.jsonl");
  const fd = openSync(`${copy}.tmp`, "w");
  const lines: CorpusLine[] = [];
  const at: [number, number][] = [];
  let offset = 0;
  let buffered: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (size > 0) writeSync(fd, Buffer.concat(buffered, size));
    buffered = [];
    size = 0;
  };
  try {
    // The lines as node's readline gives them to every reader of the corpus, written back as UTF-8.
    const rl = createInterface({ input: createReadStream(ALLSIDES).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const text of rl) {
      let id: string | null = null;
      let outlet: string | null = null;
      if (text.trim() !== "") {
        try {
          const row = JSON.parse(text) as { id?: unknown; outlet?: unknown };
          if (typeof row?.id === "string") id = row.id;
          if (typeof row?.outlet === "string") outlet = row.outlet;
        } catch {
          // kept as a line without id: a reader of the subset meets it as it would in the corpus
        }
      }
      const bytes = Buffer.from(text + "\n", "utf8");
      lines.push({ line: lines.length + 1, id, outlet });
      at.push([offset, bytes.length - 1]);
      offset += bytes.length;
      buffered.push(bytes);
      size += bytes.length;
      if (size >= 4 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(`${copy}.tmp`, copy);
  writeFileSync(join(dir, "index.json.tmp"), JSON.stringify({ lines, at } satisfies Index));
  renameSync(join(dir, "index.json.tmp"), join(dir, "index.json"));
}

let cached: Promise<{ dir: string; index: Index }> | null = null;

/** The cache (built by this process, or waited for while another builds it). */
function corpusCache(): Promise<{ dir: string; index: Index }> {
  cached ??= (async () => {
    const dir = cacheDir();
    const indexFile = join(dir, "index.json");
    mkdirSync(dir, { recursive: true });
    for (;;) {
      if (existsSync(indexFile)) return { dir, index: JSON.parse(readFileSync(indexFile, "utf8")) as Index };
      let lock: number | null = null;
      try {
        lock = openSync(join(dir, "lock"), "wx");
      } catch {
        // Another process builds it; a lock left by a killed run is taken over once stale.
        try {
          if (Date.now() - statSync(join(dir, "lock")).mtimeMs > LOCK_STALE_MS) rmSync(join(dir, "lock"), { force: true });
        } catch {
          // gone meanwhile
        }
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      try {
        if (!existsSync(indexFile)) await build(dir);
      } finally {
        closeSync(lock);
        rmSync(join(dir, "lock"), { force: true });
      }
    }
  })();
  return cached;
}

/**
 * A gzipped JSONL file named articles.jsonl.gz holding the corpus lines that
 * `pick` selects (called on every line in order), each at its line number, in
 * a folder laid out as ../shared/corpora is (`…/allsides/articles.jsonl.gz`);
 * null when the corpus is absent. Files are kept in the cache by content.
 */
export async function allsidesSubset(pick: (line: CorpusLine) => boolean): Promise<string | null> {
  if (!existsSync(ALLSIDES)) return null;
  const { dir, index } = await corpusCache();
  const chosen = index.lines.filter((l) => pick(l));
  const key = createHash("sha256").update(chosen.map((l) => l.line).join(",")).digest("hex").slice(0, 20);
  const file = join(dir, "subsets", key, "allsides", "articles.jsonl.gz");
  if (existsSync(file)) return file;
  const fd = openSync(join(dir, "articles.jsonl"), "r");
  const parts: string[] = [];
  try {
    let next = 1;
    for (const l of chosen) {
      parts.push("\n".repeat(l.line - next));
      const [offset, length] = index.at[l.line - 1]!;
      const buf = Buffer.alloc(length);
      readSync(fd, buf, 0, length, offset);
      parts.push(buf.toString("utf8"), "\n");
      next = l.line + 1;
    }
  } finally {
    closeSync(fd);
  }
  mkdirSync(join(dir, "subsets", key, "allsides"), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(parts.join("")));
  renameSync(tmp, file);
  return file;
}

/** The subset holding the articles of these ids (see allsidesSubset). */
export function allsidesSubsetOf(ids: Iterable<string>): Promise<string | null> {
  const want = new Set(ids);
  return allsidesSubset((l) => l.id !== null && want.has(l.id));
}
