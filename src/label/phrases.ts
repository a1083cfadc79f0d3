// Lexicon phrases → token tries. A lexicon phrase may use two bits of syntax
// so the CSVs stay short and readable:
//   (a|b c)   alternatives      "(rule|rules|ruled) out"
//   [x]       optional part     "has [not] yet to [officially] confirm"
// Patterns are expanded once at load time and tokenized with the same
// tokenizer as the sentences, so matching is a walk down a trie per token
// position: linear in the sentence length times the longest phrase.
import { tokenizeSentence, type Tok } from "./tokenize.ts";

const MAX_EXPANSIONS = 4096;

/** Expands the (a|b) and [x] syntax into plain phrases. Throws Error with a short reason on bad syntax. */
export function expandPattern(pattern: string): string[] {
  let pos = 0;
  // seq := item* ; item := text | "(" alts ")" | "[" alts "]" ; alts := seq ("|" seq)*
  function parseAlts(close: string): string[] {
    const out: string[] = [];
    for (;;) {
      out.push(...parseSeq());
      const ch = pattern[pos];
      if (ch === "|") {
        pos++;
        continue;
      }
      if (close === "" ? ch === undefined : ch === close) {
        if (ch !== undefined) pos++;
        return out;
      }
      throw new Error(ch === undefined ? `unclosed "${close === ")" ? "(" : "["}"` : `unexpected "${ch}"`);
    }
  }
  function parseSeq(): string[] {
    let acc = [""];
    for (;;) {
      const ch = pattern[pos];
      if (ch === undefined || ch === "|" || ch === ")" || ch === "]") return acc;
      let parts: string[];
      if (ch === "(") {
        pos++;
        parts = parseAlts(")");
      } else if (ch === "[") {
        pos++;
        parts = ["", ...parseAlts("]")];
      } else {
        let j = pos;
        while (j < pattern.length && !"()[]|".includes(pattern[j]!)) j++;
        parts = [pattern.slice(pos, j)];
        pos = j;
      }
      const next: string[] = [];
      for (const a of acc) for (const p of parts) next.push(a + p);
      if (next.length > MAX_EXPANSIONS) throw new Error(`more than ${MAX_EXPANSIONS} expansions`);
      acc = next;
    }
  }
  const out = parseAlts("");
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const p of out) {
    const norm = p.replace(/\s+/g, " ").trim();
    if (norm !== "" && !seen.has(norm)) {
      seen.add(norm);
      phrases.push(norm);
    }
  }
  if (phrases.length === 0) throw new Error("empty phrase");
  return phrases;
}

/** Lower-cased token values of a phrase, as sentences are tokenized. */
export function phraseTokens(phrase: string): string[] {
  return tokenizeSentence(phrase).toks.map((t) => t.low);
}

/** Shared empty result; callers never mutate match lists. */
const NO_MATCHES: PhraseMatch<any>[] = [];

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  values: V[];
}

export interface PhraseMatch<V> {
  /** Token index range [start, end). */
  start: number;
  end: number;
  values: readonly V[];
}

export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map(), values: [] };
  private size = 0;

  add(tokens: readonly string[], value: V): void {
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(t, child);
      }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  get count(): number {
    return this.size;
  }

  /** Every phrase starting at token `i`, longest first. */
  matchesAt(toks: readonly Tok[], i: number): PhraseMatch<V>[] {
    const first = toks[i];
    let node = first === undefined ? undefined : this.root.next.get(first.low);
    if (!node) return NO_MATCHES; // the common case: allocate nothing
    const found: PhraseMatch<V>[] = [];
    for (let j = i + 1; ; j++) {
      if (node.values.length > 0) found.push({ start: i, end: j, values: node.values });
      const next: Tok | undefined = toks[j];
      if (next === undefined) break;
      node = node.next.get(next.low);
      if (!node) break;
    }
    return found.length > 1 ? found.reverse() : found;
  }

  /** Longest phrase starting at `i` whose value passes `accept`, or null. */
  longestAt(toks: readonly Tok[], i: number, accept?: (v: V, start: number, end: number) => boolean): { start: number; end: number; value: V } | null {
    const first = toks[i];
    if (first === undefined || !this.root.next.has(first.low)) return null;
    for (const m of this.matchesAt(toks, i)) for (const v of m.values) if (!accept || accept(v, m.start, m.end)) return { start: m.start, end: m.end, value: v };
    return null;
  }

  /** Leftmost-longest, non-overlapping matches over the whole token list. */
  findAll(toks: readonly Tok[], accept?: (v: V, start: number, end: number) => boolean): { start: number; end: number; value: V }[] {
    const out: { start: number; end: number; value: V }[] = [];
    for (let i = 0; i < toks.length; ) {
      const m = this.longestAt(toks, i, accept);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
