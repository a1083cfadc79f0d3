// Per-outlet templates: when a document's outlet is known (source.outlet:
// the metadata flags, a seed's own chrome), the lines, line prefixes and line
// suffixes that repeat across that outlet's articles are boilerplate — the
// corpus-wide rule (cleaning.ts) counted within one outlet, so a furniture
// line needs far fewer documents: OUTLET_MIN_DOCS documents of the outlet and
// at least OUTLET_MIN_SHARE of them. The corpus rule's exceptions hold:
//   - a piece that quotes or attributes (a double quote, a reporting verb) is
//     never a template (one outlet repeats a claim across its follow-ups);
//   - a piece of a copied story is not (an outlet that ran the same story
//     twice: in most documents holding it, at least half of the lines, and
//     COPY_MIN_LINES of them, repeat within the outlet).
// Prefix: the start of a line up to a separator (" — ", " - ", ": ", ") ",
// " | ") within its first PREFIX_MAX characters ("(CNN) —", "Analysis/Opinion:").
// Suffix: the end of a line after its last sentence end, at most SUFFIX_MAX
// characters ("… so far. View more opinion at CNN."). Both are counted
// and matched after case and whitespace normalisation, as a hash keyed by the
// outlet (templateKey), so workers get plain sorted numbers.
// Thresholds (chosen on AllSides, bench/labels/cleaning.md "Per-outlet
// templates"): 3 documents and 1% of the outlet's documents.
import { lineUnits, unitHash } from "../cleaning.ts";
import { isWs } from "../ws.ts";
import { trimmedLines } from "../chrome-lines.ts";

export const OUTLET_MIN_DOCS = 3;
export const OUTLET_MIN_SHARE = 0.01;
export const COPY_MIN_LINES = 5;
const PREFIX_MAX = 60;
const SUFFIX_MAX = 120;

export const QUOTE_OR_REPORT = /["“”«»]|\b(?:said|says|say|told|tells|according|stated|states|added|asked|claimed|claims|announced|insisted|noted|wrote|writes)\b/i;

const PREFIX_SEP = /(?: [—–-]{1,2} |: |\) | \| )/g;
const SENTENCE_END = /[.!?…][”’"')\]]*\s+(?=\S)/g;

/** Kinds of template piece: a whole line unit, a line prefix, a line suffix. */
export type TemplateKind = "line" | "prefix" | "suffix";

/** Hash of an outlet's template piece: the piece's unitHash over "<outlet>\u0001<kind>\u0001<piece>". */
export function templateKey(outlet: string, kind: TemplateKind, piece: string): number {
  const s = `${outlet.toLowerCase()}\u0001${kind}\u0001${piece}`;
  return unitHash(s, 0, s.length);
}

export interface TemplatePiece {
  kind: TemplateKind;
  /** UTF-16 bounds in the document text. */
  start: number;
  end: number;
}

/** The candidate template pieces of one line [start, end): its units, its prefixes and its suffix. */
export function linePieces(text: string, start: number, end: number): TemplatePiece[] {
  const out: TemplatePiece[] = [];
  if (end <= start) return out;
  for (const [a, b] of lineUnits(text, start, end)) out.push({ kind: "line", start: a, end: b });
  const head = text.slice(start, Math.min(end, start + PREFIX_MAX));
  PREFIX_SEP.lastIndex = 0;
  for (const m of head.matchAll(PREFIX_SEP)) {
    const e = start + m.index + m[0].length;
    if (e < end - 20) out.push({ kind: "prefix", start, end: e });
  }
  const from = Math.max(start, end - SUFFIX_MAX);
  const tail = text.slice(from, end);
  let last = -1;
  SENTENCE_END.lastIndex = 0;
  for (const m of tail.matchAll(SENTENCE_END)) last = m.index + m[0].length;
  if (last > 0 && from + last > start + 20) out.push({ kind: "suffix", start: from + last, end });
  return out;
}

function pieceText(text: string, p: TemplatePiece): string {
  let a = p.start;
  let b = p.end;
  while (a < b && isWs(text.charCodeAt(a))) a++;
  while (b > a && isWs(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b).toLowerCase().replace(/\s+/g, " ");
}

/** The distinct template keys of one document of `outlet`, in first-occurrence order, each with whether its piece quotes or reports (the sharded pre-pass counts these per shard: src/dataset/sharded/prepass.ts). */
export function documentTemplateKeys(outlet: string, text: string): Map<number, boolean> {
  const keys = new Map<number, boolean>();
  for (const { start, end } of trimmedLines(text)) {
    for (const p of linePieces(text, start, end)) {
      const s = pieceText(text, p);
      if (s.length === 0 || s.length > 1000 || !/[\p{L}\p{N}]/u.test(s)) continue;
      const k = templateKey(outlet, p.kind, s);
      if (k < 0 || keys.has(k)) continue;
      keys.set(k, QUOTE_OR_REPORT.test(s));
    }
  }
  return keys;
}

/** Counts, per outlet, in how many documents each template piece occurs; then the template keys. */
export class OutletTemplateCounter {
  private readonly docs = new Map<string, number>();
  /** template key → [documents holding it, documents holding it that look copied, quote-like flag]. */
  private readonly counts = new Map<number, { outlet: string; docs: number; copied: number; quote: boolean }>();
  private readonly perDoc: { outlet: string; keys: number[] }[] = [];

  add(outlet: string | null | undefined, text: string): void {
    if (!outlet) return;
    this.docs.set(outlet, (this.docs.get(outlet) ?? 0) + 1);
    const keys = documentTemplateKeys(outlet, text);
    for (const [k, quote] of keys) {
      let c = this.counts.get(k);
      if (!c) this.counts.set(k, (c = { outlet, docs: 0, copied: 0, quote }));
      c.docs++;
    }
    this.perDoc.push({ outlet, keys: [...keys.keys()] });
  }

  /** The template keys, sorted: pieces in at least max(minDocs, share × the outlet's documents) of its documents, minus the exceptions. */
  templates(minDocs = OUTLET_MIN_DOCS, minShare = OUTLET_MIN_SHARE): number[] {
    if (minDocs <= 0) return [];
    const need = (outlet: string) => Math.max(minDocs, Math.ceil(minShare * (this.docs.get(outlet) ?? 0)));
    for (const { keys } of this.perDoc) {
      let shared = 0;
      for (const k of keys) if (this.counts.get(k)!.docs >= 2) shared++;
      if (shared >= COPY_MIN_LINES && shared * 2 >= keys.length) for (const k of keys) this.counts.get(k)!.copied++;
    }
    const out: number[] = [];
    for (const [k, c] of this.counts) if (!c.quote && c.docs >= need(c.outlet) && c.copied * 2 < c.docs) out.push(k);
    return out.sort((a, b) => a - b);
  }
}

/** The template pieces of a line, for the clean step: line units, then the longest template prefix and the suffix. */
export function templateSpans(text: string, start: number, end: number, outlet: string, templates: ReadonlySet<number>): TemplatePiece[] {
  const out: TemplatePiece[] = [];
  let prefix: TemplatePiece | null = null;
  for (const p of linePieces(text, start, end)) {
    const s = pieceText(text, p);
    if (s.length === 0 || !templates.has(templateKey(outlet, p.kind, s))) continue;
    if (p.kind === "prefix") prefix = p; // later prefixes are longer
    else out.push(p);
  }
  if (prefix) out.push(prefix);
  return out;
}
