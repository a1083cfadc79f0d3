// A document's metadata from the input itself: outlet, publication date,
// title and URL from JSONL fields (--outlet-field, --date-field, --title-field,
// --url-field; a dotted path such as "meta.source.name" reads nested objects)
// or CSV columns (--outlet-column, --date-column, --title-column,
// --url-column), or, for a folder of .txt files, the outlet from the parent
// folder's name (--outlet-from parent). A value that is missing, null or blank
// is null; a date that does not parse (dates.ts) is null and counted, never
// guessed. The title, when given, is the document's first line: when the text
// does not already begin with it, the document text becomes
// title + "\n\n" + body (docs/claim-records.md, "Offsets"), so every record's
// start/end still index the document text.
import { InputError } from "../errors.ts";
import { parseDate, type DateStatus } from "./dates.ts";

export interface MetadataOptions {
  outletField?: string | undefined;
  dateField?: string | undefined;
  titleField?: string | undefined;
  urlField?: string | undefined;
  outletColumn?: string | undefined;
  dateColumn?: string | undefined;
  titleColumn?: string | undefined;
  urlColumn?: string | undefined;
  /** "parent": a .txt file's outlet is its parent folder's name. */
  outletFrom?: string | undefined;
}

export const METADATA_KEYS = ["outlet", "date", "title", "url"] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];

export interface DocumentSource {
  outlet: string | null;
  /** The date as YYYY-MM-DD, or null. */
  published: string | null;
  /** The title, whitespace collapsed, or null. */
  title: string | null;
  url: string | null;
  /** How the date value was (dates.ts DateStatus); null when no date field/column was given. */
  date: DateStatus | null;
  /** The date value as given, when it is malformed (for the card's examples). */
  dateRaw?: string;
}

/** The JSONL fields and CSV columns asked for, by key (undefined = not asked). */
export interface MetadataFields {
  jsonl: Partial<Record<MetadataKey, string>>;
  csv: Partial<Record<MetadataKey, string>>;
  any: boolean;
}

export function metadataFields(o: MetadataOptions): MetadataFields {
  if (o.outletFrom !== undefined && o.outletFrom !== "parent") throw new InputError(`--outlet-from: unknown value ${JSON.stringify(o.outletFrom)} (use parent)`);
  const jsonl: Partial<Record<MetadataKey, string>> = {};
  const csv: Partial<Record<MetadataKey, string>> = {};
  const pick = (rec: Partial<Record<MetadataKey, string>>, key: MetadataKey, v: string | undefined) => {
    if (v !== undefined) rec[key] = v;
  };
  pick(jsonl, "outlet", o.outletField);
  pick(jsonl, "date", o.dateField);
  pick(jsonl, "title", o.titleField);
  pick(jsonl, "url", o.urlField);
  pick(csv, "outlet", o.outletColumn);
  pick(csv, "date", o.dateColumn);
  pick(csv, "title", o.titleColumn);
  pick(csv, "url", o.urlColumn);
  return { jsonl, csv, any: Object.keys(jsonl).length + Object.keys(csv).length > 0 };
}

/** A field of a JSON object: the key itself when present ("a.b"), else the dotted path (a → b). */
export function fieldAt(record: Record<string, unknown>, path: string): unknown {
  if (path in record) return record[path];
  let v: unknown = record;
  for (const part of path.split(".")) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** A metadata value as text: a string (whitespace collapsed) or a number; anything else (objects, lists, blanks) is null. */
function textOf(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const t = v.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

/** The metadata of one row/line, read with `get` (field or column value by name). */
export function sourceOf(fields: Partial<Record<MetadataKey, string>>, get: (name: string) => unknown): DocumentSource {
  const out: DocumentSource = { outlet: null, published: null, title: null, url: null, date: null };
  if (fields.outlet !== undefined) out.outlet = textOf(get(fields.outlet));
  if (fields.title !== undefined) out.title = textOf(get(fields.title));
  if (fields.url !== undefined) out.url = textOf(get(fields.url));
  if (fields.date !== undefined) {
    const raw = get(fields.date);
    const parsed = parseDate(typeof raw === "number" ? String(raw) : raw);
    out.published = parsed.date;
    out.date = parsed.status;
    if (parsed.status === "malformed") out.dateRaw = typeof raw === "string" ? raw.slice(0, 40) : JSON.stringify(raw).slice(0, 40);
  }
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The document text with its title first, and how many code units of it the
 * title takes. The text already begins with the title when its first line,
 * whitespace collapsed and case ignored, is the title or starts with it (the
 * scraper's own copy: that line is the title); else the title is put first,
 * title + "\n\n" + text.
 */
export function withTitle(text: string, title: string): { text: string; titleChars: number } {
  let lineStart = 0;
  while (lineStart < text.length && /\s/.test(text[lineStart]!)) lineStart++;
  let lineEnd = text.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const first = collapse(text.slice(lineStart, lineEnd));
  const want = collapse(title);
  if (first === want) return { text, titleChars: lineEnd };
  if (first.startsWith(want)) {
    // The title, then more on its line: the title ends where its last word does.
    let at = lineStart;
    let matched = 0;
    while (at < lineEnd && matched < want.length) {
      if (/\s/.test(text[at]!)) {
        if (want[matched] === " ") matched++;
        while (at < lineEnd && /\s/.test(text[at]!)) at++;
      } else {
        matched++;
        at++;
      }
    }
    return { text, titleChars: at };
  }
  return { text: `${title}\n\n${text}`, titleChars: title.length };
}
