// Second pass of a build: each spooled record line gets its dup_group and
// split appended and goes to train.jsonl or test.jsonl. A spooled line is
// JSON.stringify of the record without those two fields (validated when it was
// made, see work.ts), so appending `,"dup_group":…,"split":…}` gives exactly
// JSON.stringify of the whole record, without parsing it again. The split
// statistics come from small per-record label summaries (RecordStats).
import { createReadStream } from "node:fs";
import { STANCES, type SentenceLabels } from "../schema.ts";
import type { SplitStats } from "./card.ts";
import type { OutputSet } from "./output.ts";
import { SPLIT_NAMES } from "./split.ts";

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

  idOf(l: SentenceLabels): number {
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
  recordCluster: Int32Array;
  recordSplit: Uint8Array;
  recordArticle: Int32Array;
  recordStat: Int32Array;
  stats: RecordStats;
}

const FLUSH_CHARS = 1 << 20;

/** The JSON text of the record's id: the string literal that opens every spooled line (`{"id":"…"`). */
function idLiteral(line: string): string {
  let j = 7;
  for (;;) {
    const c = line.charCodeAt(j);
    if (c === 92) j += 2; // backslash escape
    else if (c === 34) return line.slice(6, j + 1);
    else if (Number.isNaN(c)) throw new Error("malformed spool line");
    else j++;
  }
}

export async function writeSplits(out: OutputSet, input: SplitInputs): Promise<Record<string, SplitStats>> {
  const files = SPLIT_NAMES.map((name) => out.open(`${name}.jsonl`));
  const pending: string[][] = SPLIT_NAMES.map(() => []);
  const pendingChars = SPLIT_NAMES.map(() => 0);
  const stats: Record<string, SplitStats> = Object.fromEntries(
    SPLIT_NAMES.map((s) => [s, { records: 0, articles: 0, stance: {}, target: {}, hedgeType: {}, hedged: 0, attributed: 0 }]),
  );
  const sideStats = SPLIT_NAMES.map((s) => stats[s]!);
  const clusterIds = new Map<number, string>();
  const lastArticle = SPLIT_NAMES.map(() => -1);
  let i = 0;
  const take = async (line: string): Promise<void> => {
    const cluster = input.recordCluster[i]!;
    let dupGroup = clusterIds.get(cluster);
    if (dupGroup === undefined) clusterIds.set(cluster, (dupGroup = idLiteral(line)));
    const side = input.recordSplit[i]!;
    const text = `${line.slice(0, -1)},"dup_group":${dupGroup},"split":"${SPLIT_NAMES[side]}"}\n`;
    pending[side]!.push(text);
    pendingChars[side]! += text.length;
    if (pendingChars[side]! >= FLUSH_CHARS) {
      await files[side]!.write(pending[side]!.join(""));
      pending[side] = [];
      pendingChars[side] = 0;
    }
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
  };
  let partial = "";
  for await (const chunk of createReadStream(input.spoolPath, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
      const line = partial ? partial + chunk.slice(from, nl) : chunk.slice(from, nl);
      partial = "";
      if (line) await take(line);
      from = nl + 1;
    }
    partial += chunk.slice(from);
  }
  if (partial) await take(partial);
  if (i !== input.recordSplit.length) throw new Error(`spool holds ${i} records, expected ${input.recordSplit.length}`);
  for (let s = 0; s < files.length; s++) {
    if (pending[s]!.length) await files[s]!.write(pending[s]!.join(""));
    await files[s]!.close();
  }
  for (const s of STANCES) for (const side of SPLIT_NAMES) stats[side]!.stance[s] ??= 0;
  return stats;
}
