// What the dataset card says about a corpus's metadata: how many documents
// had a date (and how many had none, or one that is not a date — counted,
// never guessed: src/extract/dates.ts), records per outlet and per month, and
// how many articles have a headline record. Plain counts keyed by strings, so
// the counts of parts of a corpus merge (merge()) into those of the whole.
import type { DocumentSource } from "../extract/index.ts";
import { UNDATED } from "../extract/dates.ts";

/** Malformed date values the card quotes, the first distinct ones in input order. */
const MAX_DATE_EXAMPLES = 8;

export interface CorpusPartial {
  dates: { dated: number; empty: number; malformed: number };
  malformedExamples: string[];
  documentsWithMetadata: number;
  articles: number;
  articlesWithHeadline: number;
  records: number;
  recordsWithOutlet: number;
  recordsWithDate: number;
  recordsByOutlet: [string, number][];
  recordsByMonth: [string, number][];
}

export class CorpusStats {
  /** Documents read with a date field/column asked for, by what their value was. */
  readonly dates = { dated: 0, empty: 0, malformed: 0 };
  readonly malformedExamples: string[] = [];
  /** Documents read with metadata (any metadata flag). */
  documentsWithMetadata = 0;
  articles = 0;
  articlesWithHeadline = 0;
  records = 0;
  recordsWithOutlet = 0;
  recordsWithDate = 0;
  readonly recordsByOutlet = new Map<string, number>();
  /** YYYY-MM, or "undated". */
  readonly recordsByMonth = new Map<string, number>();

  /** One input document's metadata (in input order). */
  addDocument(source: DocumentSource | undefined): void {
    if (!source) return;
    this.documentsWithMetadata++;
    if (source.date === null) return;
    this.dates[source.date]++;
    if (source.date === "malformed" && source.dateRaw !== undefined && this.malformedExamples.length < MAX_DATE_EXAMPLES && !this.malformedExamples.includes(source.dateRaw))
      this.malformedExamples.push(source.dateRaw);
  }

  /** One kept article: its outlet, date, records and headline records. */
  addArticle(outlet: string | null, published: string | null, records: number, headlines: number): void {
    this.articles++;
    if (headlines > 0) this.articlesWithHeadline++;
    this.records += records;
    if (outlet !== null) {
      this.recordsWithOutlet += records;
      this.recordsByOutlet.set(outlet, (this.recordsByOutlet.get(outlet) ?? 0) + records);
    }
    if (published !== null) this.recordsWithDate += records;
    const month = published === null ? UNDATED : published.slice(0, 7);
    this.recordsByMonth.set(month, (this.recordsByMonth.get(month) ?? 0) + records);
  }

  /** The counts as plain data (JSON), for a sharded build's partial outputs. */
  partial(): CorpusPartial {
    const { recordsByOutlet, recordsByMonth, ...rest } = this;
    return { ...rest, dates: { ...this.dates }, malformedExamples: [...this.malformedExamples], recordsByOutlet: [...recordsByOutlet], recordsByMonth: [...recordsByMonth] };
  }

  /** Adds a later shard's partial(): the same sums as merge(). */
  absorb(p: CorpusPartial): void {
    const later = new CorpusStats();
    Object.assign(later.dates, p.dates);
    later.malformedExamples.push(...p.malformedExamples);
    later.documentsWithMetadata = p.documentsWithMetadata;
    later.articles = p.articles;
    later.articlesWithHeadline = p.articlesWithHeadline;
    later.records = p.records;
    later.recordsWithOutlet = p.recordsWithOutlet;
    later.recordsWithDate = p.recordsWithDate;
    for (const [k, v] of p.recordsByOutlet) later.recordsByOutlet.set(k, v);
    for (const [k, v] of p.recordsByMonth) later.recordsByMonth.set(k, v);
    this.merge(later);
  }

  /** Adds the counts of the documents that follow this one's in input order. */
  merge(later: CorpusStats): void {
    for (const k of ["dated", "empty", "malformed"] as const) this.dates[k] += later.dates[k];
    for (const x of later.malformedExamples) if (this.malformedExamples.length < MAX_DATE_EXAMPLES && !this.malformedExamples.includes(x)) this.malformedExamples.push(x);
    this.documentsWithMetadata += later.documentsWithMetadata;
    this.articles += later.articles;
    this.articlesWithHeadline += later.articlesWithHeadline;
    this.records += later.records;
    this.recordsWithOutlet += later.recordsWithOutlet;
    this.recordsWithDate += later.recordsWithDate;
    for (const [k, v] of later.recordsByOutlet) this.recordsByOutlet.set(k, (this.recordsByOutlet.get(k) ?? 0) + v);
    for (const [k, v] of later.recordsByMonth) this.recordsByMonth.set(k, (this.recordsByMonth.get(k) ?? 0) + v);
  }
}
