// Lexicon phrases → token tries. A lexicon phrase may use two bits of syntax
// so the CSVs stay short and readable:
//   (a|b c)   alternatives      "(rule|rules|ruled) out"
//   [x]       optional part     "has [not] yet to [officially] confirm"
// Patterns are expanded once at load time and tokenized with the same
// tokenizer as the sentences, so matching is a walk down a trie per token
// position: linear in the sentence length times the longest phrase.
import { tokenizeSentence, type Tok } from "../tokens/tokenize.ts";
import type { Vocab } from "./vocab.ts";

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

/** Lower-cased token values of a phrase, as sentences are tokenized (`vocab`: the lexicons' being compiled). */
export function phraseTokens(phrase: string, vocab: Vocab): string[] {
  return tokenizeSentence(phrase, vocab).toks.map((t) => t.low);
}

/** Children are keyed by word id (the trie's vocabulary): a token of no lexicon word (id 0) matches nothing, with no lookup. */
interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  values: V[];
}

/** A phrase found in a sentence. */
export interface ScanMatch<V> {
  /** Token index range [start, end). */
  start: number;
  end: number;
  /** The first of the phrase's values that passed the scan's `accept` (the first one without it). */
  value: V;
  /** Every value of the phrase (a phrase can be listed in several rows). */
  values: readonly V[];
}

export interface ScanOptions<V> {
  /** Only phrases with a value that passes; the longest such phrase wins. */
  accept?: (v: V, start: number, end: number) => boolean;
  /** May a phrase start at token `i`? (e.g. not inside a quote); default: everywhere. */
  startAt?: (i: number) => boolean;
}

/** The child of `node` for token `j` of `toks`, if any (none past the end). */
function childFor<V>(node: TrieNode<V>, toks: readonly Tok[], j: number): TrieNode<V> | undefined {
  // Bounds first: reading past the end of an array is a slow path in optimised code.
  if (j < 0 || j >= toks.length) return undefined;
  const t = toks[j]!;
  return t.id === 0 ? undefined : node.next.get(t.id);
}

export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map(), values: [] };
  /** The root's children as an array by word id: the first-token lookup of every position is one array read. */
  private readonly firsts: (TrieNode<V> | undefined)[] = [];
  private size = 0;

  /**
   * `vocab`: the vocabulary of the lexicons the trie belongs to (its phrases' words are interned there, and sentences
   * are tokenized with it). `flag`: one bit naming this kind of trie (lexicons.ts TRIE_FLAGS), noted on the first word
   * of every phrase (Vocab.markFirstWord).
   */
  constructor(
    private readonly vocab: Vocab,
    readonly flag = 0,
  ) {}

  add(tokens: readonly string[], value: V): void {
    let node = this.root;
    if (this.flag !== 0 && tokens.length > 0) this.vocab.markFirstWord(this.vocab.intern(tokens[0]!), this.flag);
    for (const t of tokens) {
      const id = this.vocab.intern(t);
      let child = node.next.get(id);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(id, child);
        if (node === this.root) {
          while (this.firsts.length < id) this.firsts.push(undefined);
          this.firsts[id] = child;
        }
      }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  /** Can a phrase of this trie occur in a sentence whose words carry `flags` (firstWordFlags ORed; -1 = unknown)? */
  mayOccur(flags: number | undefined): boolean {
    // undefined / -1: the sentence's flags are not known, so nothing may be skipped.
    return this.flag === 0 || flags === undefined || (flags & this.flag) !== 0;
  }

  /** The root's child for token `i` of `toks` (childFor(root, toks, i)). */
  private first(toks: readonly Tok[], i: number): TrieNode<V> | undefined {
    // Bounds first: words interned after this trie have larger ids, and reading past the end is a slow path.
    if (i < 0 || i >= toks.length) return undefined;
    const id = toks[i]!.id;
    return id >= this.firsts.length ? undefined : this.firsts[id];
  }

  get count(): number {
    return this.size;
  }

  /** The values of the phrase that spans exactly tokens [i, end), or null (a match of matchesAt(toks, i) with that end). */
  valuesEndingAt(toks: readonly Tok[], i: number, end: number): readonly V[] | null {
    if (end <= i) return null;
    let node: TrieNode<V> | undefined = this.root;
    for (let j = i; j < end && node; j++) node = childFor(node, toks, j);
    return node && node.values.length > 0 ? node.values : null;
  }

  /** Is there any phrase starting at token `i` (matchesAt(toks, i) is not empty)? */
  anyAt(toks: readonly Tok[], i: number): boolean {
    let node = this.first(toks, i);
    for (let j = i + 1; node; j++) {
      if (node.values.length > 0) return true;
      node = childFor(node, toks, j);
    }
    return false;
  }

  /** Longest phrase starting at `i` whose value passes `accept`, or null. */
  longestAt(toks: readonly Tok[], i: number, accept?: (v: V, start: number, end: number) => boolean): ScanMatch<V> | null {
    const node = this.first(toks, i);
    return node ? longestFrom(node, toks, i, i + 1, accept) : null;
  }

  /**
   * The phrase scanner: leftmost-longest, non-overlapping matches over the sentence. At each token the longest phrase
   * starting there (whose value passes `accept`, when given) goes to `visit`, and the scan goes on at the token
   * `visit` returns (default: the match's end); a token where no phrase starts, or where `startAt` refuses one,
   * moves the scan on by one token.
   */
  scan(toks: readonly Tok[], visit: (m: ScanMatch<V>) => number | void, options?: ScanOptions<V>): void {
    const accept = options?.accept;
    const startAt = options?.startAt;
    for (let i = 0; i < toks.length; ) {
      const node = startAt && !startAt(i) ? undefined : this.first(toks, i);
      const m = node ? longestFrom(node, toks, i, i + 1, accept) : null;
      if (m === null) {
        i++;
        continue;
      }
      const next = visit(m);
      i = typeof next === "number" ? next : m.end;
    }
  }

  /** Every match of scan(toks, …, options), in order. */
  matches(toks: readonly Tok[], options?: ScanOptions<V>): ScanMatch<V>[] {
    const out: ScanMatch<V>[] = [];
    this.scan(toks, (m) => void out.push(m), options);
    return out;
  }
}

/**
 * Walks down the trie from `node` (reached by tokens [i, j)) and returns the longest phrase whose value passes `accept`:
 * deeper nodes first, then this one, values in insertion order.
 */
function longestFrom<V>(node: TrieNode<V>, toks: readonly Tok[], i: number, j: number, accept: ((v: V, start: number, end: number) => boolean) | undefined): ScanMatch<V> | null {
  if (node.next.size > 0) {
    const child = childFor(node, toks, j);
    if (child) {
      const deeper = longestFrom(child, toks, i, j + 1, accept);
      if (deeper) return deeper;
    }
  }
  const values = node.values;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!accept || accept(v, i, j)) return { start: i, end: j, value: v, values };
  }
  return null;
}
