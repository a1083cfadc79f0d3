// chrome.jsonl: every distinct piece of chrome a build dropped, so a
// researcher sees exactly what was removed (and can keep a category with
// --keep-chrome). One line per (category, text): the text (whitespace
// collapsed, at most 300 characters), its category, how often it was dropped,
// and up to MAX_EXAMPLES places (input location, code point offsets in the
// document), in input order; a segment-model drop (category `model`) also has
// its score. Lines are sorted by category, then by count
// (most first), then by text, so the file is the same for any --workers.
import type { DroppedChrome } from "../extract/index.ts";

const MAX_EXAMPLES = 3;

export interface Entry {
  text: string;
  category: string;
  count: number;
  /** The segment model's score (category `model`): the highest of its drops of this text. */
  score?: number;
  examples: { location: string; start: number; end: number }[];
}

export class ChromeAudit {
  private readonly entries = new Map<string, Entry>();

  add(location: string, dropped: readonly DroppedChrome[]): void {
    for (const d of dropped) {
      const key = `${d.category}\u0000${d.text}`;
      let e = this.entries.get(key);
      if (!e) this.entries.set(key, (e = { text: d.text, category: d.category, count: 0, examples: [] }));
      e.count++;
      if (d.score !== undefined && !(e.score! >= d.score)) e.score = d.score;
      if (e.examples.length < MAX_EXAMPLES) e.examples.push({ location, start: d.start, end: d.end });
    }
  }

  /** The entries as plain data, for a sharded build's partial outputs (merged with absorb in shard order). */
  partial(): [string, Entry][] {
    return [...this.entries.entries()];
  }

  /** Adds a later shard's entries: counts summed, the highest score kept, examples continued up to MAX_EXAMPLES (input order, as in one pass). */
  absorb(partial: [string, Entry][]): void {
    for (const [key, e] of partial) {
      const mine = this.entries.get(key);
      if (!mine) this.entries.set(key, { ...e, examples: e.examples.slice(0, MAX_EXAMPLES) });
      else {
        mine.count += e.count;
        if (e.score !== undefined && !(mine.score! >= e.score)) mine.score = e.score;
        mine.examples = [...mine.examples, ...e.examples].slice(0, MAX_EXAMPLES);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }

  jsonl(): string {
    const rows = [...this.entries.values()].sort(
      (a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
    );
    return rows.map((r) => JSON.stringify(r) + "\n").join("");
  }
}
