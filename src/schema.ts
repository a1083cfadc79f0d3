// The claim-record contract (../shared/spec/claim-records.md, section 2).
// Single source of truth: every TS type below is inferred from these zod
// schemas, every record is validated before it is written, and
// data/claim-record.schema.json is generated from ClaimRecord.
import { z } from "zod";

export const HEDGE_TYPES = ["unsupported", "unconfirmed", "distancing", "vague", "speculative"] as const;
export const STANCES = ["support", "oppose", "neutral"] as const;
export const ACTOR_TYPES = ["person", "organization", "country", "unnamed"] as const;
/** What part of the article a record comes from: a heading line (title, standfirst, in-body sub-heading) or the body prose. */
export const KINDS = ["headline", "body"] as const;
export const SPLITS = ["train", "test"] as const;

const offset = z.number().int().min(0);

export const HedgeType = z.enum(HEDGE_TYPES);
export const Stance = z.enum(STANCES);
export const ActorType = z.enum(ACTOR_TYPES);
export const SplitName = z.enum(SPLITS);
export const Kind = z.enum(KINDS);

/** A half-open [start, end) range in Unicode code points within the sentence `text`. */
export const Span = z
  .object({ start: offset, end: offset })
  .strict()
  .refine((s) => s.end >= s.start, { message: "span end before start" });

export const Hedge = z
  .object({
    cue: z.string().min(1),
    type: HedgeType,
    start: offset,
    end: offset,
  })
  .strict();

export const Actor = z
  .object({
    name: z.string().min(1).describe("canonical name"),
    mention: z.string().min(1).describe("surface text in the sentence (or the earlier mention it resolves, or the name on an embedded tweet's signature: then evidence.actor is null)"),
    type: ActorType,
    affiliation: z.string().min(1).nullable().describe("canonical country name"),
  })
  .strict();

export const Source = z
  .object({
    path: z.string().describe("input path relative to the input root, or the CSV/JSONL file and row"),
    outlet: z.string().nullable().describe("the outlet: the input's outlet field/column or parent folder, else named by the article's own chrome"),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .describe("publication date YYYY-MM-DD: the input's date field/column when given (null when it does not parse), else the article's dateline"),
    title: z.string().min(1).nullable().describe("the article's title from the input's title field/column, whitespace collapsed; null without one"),
    url: z.string().min(1).nullable().describe("the article's URL from the input's url field/column; null without one"),
  })
  .strict();

/** Where in `text` each label comes from (extra field: traceability). null = no span (absent or resolved from context). */
export const Evidence = z
  .object({
    actor: Span.nullable(),
    cue: Span.nullable(),
    target: Span.nullable(),
    stance: Span.nullable(),
  })
  .strict();

/** [...s].length (a lone surrogate counts as one code point) without building the array: it runs on every record. */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

export const ClaimRecord = z
  .object({
    id: z.string().min(1),
    doc_id: z.string().min(1),
    source: Source,
    sentence_index: z.number().int().min(0),
    start: offset,
    end: offset,
    kind: Kind.describe("headline: the article's title line, its standfirst or an in-body sub-heading; body: article prose"),
    text: z.string().min(1),
    actor: Actor.nullable(),
    cue: z.string().min(1).nullable(),
    content: Span.nullable().describe("what the actor claims (reported clause, quoted words), code points in text; null when actor is null"),
    target: z.string().min(1).nullable().describe("topic id from the topic lexicon, or null"),
    target_text: z.string().min(1).nullable().describe("the phrase the stance predicate governs (or, without one, the topic trigger mentioned), verbatim; its span is evidence.target"),
    target_entity: z.string().min(1).nullable().describe("canonical name (resolved like actors) when target_text names a person, organisation or country, else null"),
    stance: Stance,
    hedges: z.array(Hedge),
    hedged: z.boolean(),
    rules: z.array(z.string()),
    evidence: Evidence,
    dup_group: z.string().min(1).describe("near-duplicate cluster id: the id of the cluster's first record"),
    split: SplitName,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.end <= r.start) ctx.addIssue({ code: "custom", message: "end must be greater than start" });
    if (codePointLength(r.text) !== r.end - r.start)
      ctx.addIssue({ code: "custom", message: "end - start must equal the text length in code points" });
    if (r.hedged !== r.hedges.length > 0) ctx.addIssue({ code: "custom", message: "hedged must equal hedges.length > 0" });
    if (r.actor === null && r.content !== null) ctx.addIssue({ code: "custom", message: "content must be null when actor is null" });
    if (r.content !== null && r.content.end > r.end - r.start)
      ctx.addIssue({ code: "custom", message: "content span must lie inside text" });
    if (r.target_text === null && r.stance !== "neutral")
      ctx.addIssue({ code: "custom", message: "stance is non-neutral only with a non-null target_text" });
  });

export type HedgeType = z.infer<typeof HedgeType>;
export type Stance = z.infer<typeof Stance>;
export type ActorType = z.infer<typeof ActorType>;
export type SplitName = z.infer<typeof SplitName>;
export type Kind = z.infer<typeof Kind>;
export type Span = z.infer<typeof Span>;
export type Hedge = z.infer<typeof Hedge>;
export type Actor = z.infer<typeof Actor>;
export type Source = z.infer<typeof Source>;
export type Evidence = z.infer<typeof Evidence>;
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** The labels a labeller produces for one sentence (everything but position, id and split). */
export type SentenceLabels = Pick<
  ClaimRecord,
  "actor" | "cue" | "content" | "target" | "target_text" | "target_entity" | "stance" | "hedges" | "hedged" | "rules" | "evidence"
>;

/** A sentence as the extract stage hands it on: offsets into the source document text, in code points. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** headline for the article's title line, standfirst or an in-body sub-heading; body otherwise. */
  kind: Kind;
  /** Lower-cased word and number tokens of the sentence (wink-tokenizer), reused downstream so text is tokenized once. */
  words: string[];
  /** The text of an embedded tweet: its signature line (dropped as chrome) names who wrote it (src/extract/cleaning/tweets.ts). */
  credit?: { actor: string; handle: string; cue: "tweeted" };
}

/** An article's `source` as the stages hand it on: title and url may be left out (null in the record). */
export type ArticleSource = Omit<Source, "title" | "url"> & Partial<Pick<Source, "title" | "url">>;

/** One article as the extract stage hands it on (several may come from one input document). */
export interface Article {
  doc_id: string;
  source: ArticleSource;
  /** Sentences in order, chrome removed, exact in-article duplicates already removed. */
  sentences: Sentence[];
}

export function toJsonSchema(): unknown {
  return z.toJSONSchema(ClaimRecord, { target: "draft-2020-12", io: "output" });
}
