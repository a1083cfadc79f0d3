// Second pass of a build: each spooled record line gets its dup_group and
// split appended and goes to train.jsonl or test.jsonl. A spooled line is
// JSON.stringify of the record without those two fields (validated when it was
// made, see work.ts), so appending `,"dup_group":…,"split":…}` gives exactly
// JSON.stringify of the whole record, without parsing it again. That is done on
// the UTF-8 bytes, never decoded: the bytes `"` and `\` that delimit the id
// literal never occur inside a multi-byte UTF-8 sequence, so the output bytes
// are those of the decoded-and-re-encoded text, at a fraction of the cost. The
// split statistics come from small per-record label summaries (RecordStats).
import { createReadStream } from "node:fs";
import { STANCES, type SentenceLabels } from "../schema.ts";
import type { SplitStats } from "./card.ts";
import type { OutputSet, TempFile } from "./output.ts";
import { SPLIT_NAMES, STANCE_INDEX } from "./split.ts";

interface LabelSummary {
  stance: string;
  target: string;
  hedgeTypes: string[];
  hedged: boolean;
  attributed: boolean;
}

/** Interns each record's label summary as a small integer (a corpus has few distinct ones). */
export class RecordStats {
  private readonly ids = new Map<string, number>();
  readonly summaries: LabelSummary[] = [];

  /** Ids of the summaries without target or hedges (most records), by stance, hedged and attributed: no key string. */
  private readonly plainIds = new Int32Array(STANCES.length * 4).fill(-1);

  idOf(l: SentenceLabels): number {
    if (l.target !== null || l.hedges.length > 0) return this.idOfKey(l);
    const slot = STANCE_INDEX[l.stance] * 4 + (l.hedged ? 2 : 0) + (l.actor ? 1 : 0);
    let id = this.plainIds[slot]!;
    if (id < 0) this.plainIds[slot] = id = this.idOfKey(l);
    return id;
  }

  private idOfKey(l: SentenceLabels): number {
    const target = l.target ?? "(none)";
    const hedgeTypes = l.hedges.map((h) => h.type);
    const key = `${l.stance}\u0000${target}\u0000${hedgeTypes.join(",")}\u0000${l.hedged ? 1 : 0}${l.actor ? 1 : 0}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.summaries.push({ stance: l.stance, target, hedgeTypes, hedged: l.hedged, attributed: l.actor !== null }) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

export interface SplitInputs {
  spoolPath: string;
  /**
   * The dup_group of record i (the id of its cluster's first record) as a JSON
   * string literal; its own line is buf[start, end) (idLiteral reads its id).
   */
  recordDupGroup: (i: number, buf: Uint8Array, start: number, end: number) => Buffer;
  recordSplit: Uint8Array;
  recordArticle: Int32Array;
  recordStat: Int32Array;
  stats: RecordStats;
}

/** Output is written in chunks of about this many bytes. */
const FLUSH_BYTES = 1 << 20;
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/** The bytes of the record id's JSON string literal: the one that opens every spooled line (`{"id":"…"`). */
export function idLiteral(buf: Uint8Array, start: number, end: number): Buffer {
  for (let j = start + 7; j < end; ) {
    const c = buf[j]!;
    if (c === BACKSLASH) j += 2;
    else if (c === QUOTE) return Buffer.from(buf.subarray(start + 6, j + 1));
    else j++;
  }
  throw new Error("malformed spool line");
}

/** Bytes gathered in a chunk of FLUSH_BYTES and handed to a file when full. */
class ChunkedWriter {
  private buf = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;

  constructor(private readonly file: TempFile) {}

  /** Whether the next `bytes` bytes fit without a flush. */
  fits(bytes: number): boolean {
    return this.used + bytes <= FLUSH_BYTES;
  }

  /** Appends src[from, to); the caller flushed first when it does not fit (see fits), or it is bigger than a chunk. */
  put(src: Uint8Array, from: number, to: number): void {
    const length = to - from;
    if (this.used + length > this.buf.length) this.grow(this.used + length);
    const buf = this.buf;
    // A short piece is copied by hand: TypedArray.set costs more in call overhead than it saves.
    if (length <= 64) for (let k = 0; k < length; k++) buf[this.used + k] = src[from + k]!;
    else buf.set(src.subarray(from, to), this.used);
    this.used += length;
  }

  /** Hands the chunk to the file at once (so bytes stay in order); the promise resolves when the file can take more. */
  flush(): Promise<void> {
    if (this.used === 0) return Promise.resolve();
    const full = this.buf.subarray(0, this.used);
    // The stream keeps the chunk until written: the next one goes to a new buffer.
    this.buf = Buffer.allocUnsafe(FLUSH_BYTES);
    this.used = 0;
    return this.file.write(full);
  }

  private grow(bytes: number): void {
    const bigger = Buffer.allocUnsafe(bytes);
    bigger.set(this.buf.subarray(0, this.used));
    this.buf = bigger;
  }
}

export async function writeSplits(out: OutputSet, input: SplitInputs): Promise<Record<string, SplitStats>> {
  const files = SPLIT_NAMES.map((name) => out.open(`${name}.jsonl`));
  const writers = files.map((f) => new ChunkedWriter(f));
  const stats: Record<string, SplitStats> = Object.fromEntries(
    SPLIT_NAMES.map((s) => [s, { records: 0, articles: 0, stance: {}, target: {}, hedgeType: {}, hedged: 0, attributed: 0 }]),
  );
  const sideStats = SPLIT_NAMES.map((s) => stats[s]!);
  const dupGroupKey = Buffer.from(',"dup_group":');
  const splitTails = SPLIT_NAMES.map((name) => Buffer.from(`,"split":"${name}"}\n`));
  const lastArticle = SPLIT_NAMES.map(() => -1);
  let i = 0;
  /**
   * Line buf[start, end) (without its newline): to its split's file, with
   * dup_group and split. Returns the promise of a flush when it made one (the
   * caller waits for it: bounded memory), else null: no promise per line.
   */
  const take = (buf: Uint8Array, start: number, end: number): Promise<void> | null => {
    const dupGroup = input.recordDupGroup(i, buf, start, end);
    const side = input.recordSplit[i]!;
    const w = writers[side]!;
    const tail = splitTails[side]!;
    const bytes = end - 1 - start + dupGroupKey.length + dupGroup.length + tail.length;
    const flushed = w.fits(bytes) ? null : w.flush();
    w.put(buf, start, end - 1); // without the closing brace
    w.put(dupGroupKey, 0, dupGroupKey.length);
    w.put(dupGroup, 0, dupGroup.length);
    w.put(tail, 0, tail.length);
    const st = sideStats[side]!;
    const l = input.stats.summaries[input.recordStat[i]!]!;
    st.records++;
    const article = input.recordArticle[i]!;
    if (lastArticle[side] !== article) st.articles++;
    lastArticle[side] = article;
    st.stance[l.stance] = (st.stance[l.stance] ?? 0) + 1;
    st.target[l.target] = (st.target[l.target] ?? 0) + 1;
    for (const h of l.hedgeTypes) st.hedgeType[h] = (st.hedgeType[h] ?? 0) + 1;
    if (l.hedged) st.hedged++;
    if (l.attributed) st.attributed++;
    i++;
    return flushed;
  };
  let partial: Buffer | null = null;
  for await (const chunk of createReadStream(input.spoolPath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      if (partial) {
        const line: Buffer = Buffer.concat([partial, chunk.subarray(from, nl)]);
        partial = null;
        if (line.length > 0) await take(line, 0, line.length);
      } else if (nl > from) {
        const flushed = take(chunk, from, nl);
        if (flushed) await flushed;
      }
      from = nl + 1;
    }
    if (from < chunk.length) partial = partial ? Buffer.concat([partial, chunk.subarray(from)]) : Buffer.from(chunk.subarray(from));
  }
  if (partial && partial.length > 0) await take(partial, 0, partial.length);
  if (i !== input.recordSplit.length) throw new Error(`spool holds ${i} records, expected ${input.recordSplit.length}`);
  for (let s = 0; s < files.length; s++) {
    await writers[s]!.flush();
    await files[s]!.close();
  }
  for (const s of STANCES) for (const side of SPLIT_NAMES) stats[side]!.stance[s] ??= 0;
  return stats;
}
