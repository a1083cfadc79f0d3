// Does the lexicon's default topic list fit the corpus? The list
// (data/lexicons/targets.csv) is about one story — the Ukraine war — and its
// triggers are common words ("talks", "deal", "arms"); its `_topic` anchor rows
// already keep it out of articles that never name the story, but in a corpus
// about something else the articles that do name it in passing (US politics:
// the 2019 impeachment; BBC 2004-05: the Orange Revolution) still fill the
// network with spurious topics ("Donald Trump → peace_talks"). So the list
// counts only in a corpus that is about its story: one where at least
// TOPIC_FIT_SHARE of the documents name an anchor (measured in the
// boilerplate pre-pass: seeds 5 of 5 files; AllSides 5.5%, BBC 0.6%, FNC-1
// 0.4% of articles). --default-topics on|off overrides the test; a --targets
// file replaces the list and is about every article.
import { join } from "node:path";
import { readCsvTable } from "../label/lexicon/csv-table.ts";
import { expandPattern } from "../label/lexicon/phrases.ts";
import { DEFAULT_LEXICON_DIR } from "../label/index.ts";
import { z } from "zod";

export const TOPIC_FIT_SHARE = 0.25;
export type DefaultTopics = "auto" | "on" | "off";

const AnchorRow = z.object({ target: z.string(), trigger: z.string() }).passthrough();

/** A matcher of the default list's anchor phrases in raw text (whole words, any case), or null when the list has none. */
export async function anchorMatcher(lexicons: string | undefined): Promise<RegExp | null> {
  const rows = await readCsvTable(join(lexicons ?? DEFAULT_LEXICON_DIR, "targets.csv"), AnchorRow, ["target", "trigger", "polarity", "weight"]);
  const phrases = new Set<string>();
  for (const { row } of rows) if (row.target === "_topic") for (const p of expandPattern(row.trigger)) phrases.add(p.toLowerCase());
  if (phrases.size === 0) return null;
  const escaped = [...phrases].sort().map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

/** Documents that name the default list's story, of all documents read. */
export class TopicFit {
  documents = 0;
  naming = 0;

  constructor(private readonly anchors: RegExp | null) {}

  add(text: string): void {
    this.documents++;
    if (this.anchors !== null && this.anchors.test(text)) this.naming++;
  }

  get share(): number {
    return this.documents === 0 ? 0 : this.naming / this.documents;
  }

  /** Does the default list count in this corpus (`mode` auto: the share test)? A list without anchors is about every corpus. */
  decide(mode: DefaultTopics): boolean {
    if (mode !== "auto") return mode === "on";
    return this.anchors === null || this.share >= TOPIC_FIT_SHARE;
  }
}
