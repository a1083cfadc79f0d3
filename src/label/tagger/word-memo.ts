// Per lexicon word, what the attribution tagger reads of a word alone, looked up once per process instead of once per
// token: its hash and suffix hash (the view's word features), its cues.csv rate in tenths, whether nouns.csv makes it
// a group noun (viewSentence, model.ts), and whether it lets a sentence through the tagger's gate
// (mayAttribute, proposal.ts). Indexed by the token's lexicon word id (vocab.ts: `low` is wordOf(id) when the
// id is not 0), so a lookup is an array read, not a string hash; a token of no lexicon word (id 0) is computed as
// before. Each memo belongs to the lexicons and rate tables it was filled from and starts over when they change.
// The memos live in a TaggerMemo that the model owns (memoOf): no module-level state; a paired FNC-1 build
// without them took ×1.056 the CPU (bench/results.md, issue 18).
import type { Lexicons } from "../lexicon/lexicons.ts";
import type { SentenceView } from "./features.ts";
import { suffixHash } from "./features.ts";
import { hashWord, type Vocab } from "../lexicon/vocab.ts";

/** The view's facts of one word, by word id; `known[id]` is 1 once they are filled. */
export interface ViewMemo {
  lex: Lexicons;
  rates: ReadonlyMap<string, number> | undefined;
  known: Uint8Array;
  hash: Int32Array;
  suffix: Int32Array;
  /** cues.csv rate in tenths, 0–10; 11 = not in the inventory. */
  rate: Uint8Array;
  group: Uint8Array;
}

function newViewMemo(lex: Lexicons, rates: ReadonlyMap<string, number> | undefined, size: number): ViewMemo {
  return { lex, rates, known: new Uint8Array(size), hash: new Int32Array(size), suffix: new Int32Array(size), rate: new Uint8Array(size), group: new Uint8Array(size) };
}

/** What the tagger keeps from sentence to sentence: the memos of this file, the repeated-sentence tags and the view buffers. */
export interface TaggerMemo {
  view: ViewMemo | null;
  gate: GateMemo | null;
  /** tagsOf (proposal.ts): tags by quote state + sentence text, for the lexicons `tagsLex`. */
  tagsLex: Lexicons | null;
  tags: Map<string, Uint8Array>;
  /** The one view the labeller fills sentence after sentence (grown when a sentence is longer), and its scratch. */
  shared: SentenceView | null;
  reportStart: Int32Array;
}

export function newTaggerMemo(): TaggerMemo {
  return { view: null, gate: null, tagsLex: null, tags: new Map(), shared: null, reportStart: new Int32Array(256) };
}

/** The memo of a model (made on first use; it belongs to the model object, so two models never share one). */
export function memoOf(model: { memo?: TaggerMemo }): TaggerMemo {
  return (model.memo ??= newTaggerMemo());
}

/** The view memo of these lexicons and rates in `memo`, large enough for every word id of the vocabulary. */
export function viewMemo(memo: TaggerMemo, lex: Lexicons, rates: ReadonlyMap<string, number> | undefined): ViewMemo {
  const size = lex.vocab.size + 1;
  const view = memo.view;
  if (view === null || view.lex !== lex || view.rates !== rates) memo.view = newViewMemo(lex, rates, Math.max(size, 1024));
  else if (view.known.length < size) {
    const grown = newViewMemo(lex, rates, size * 2);
    grown.known.set(view.known), grown.hash.set(view.hash), grown.suffix.set(view.suffix), grown.rate.set(view.rate), grown.group.set(view.group);
    memo.view = grown;
  }
  return memo.view!;
}

/** The cue rate in tenths as the view stores it (11: not in the inventory). */
export function rateTenths(rates: ReadonlyMap<string, number> | undefined, low: string): number {
  const rate = rates?.get(low);
  return rate === undefined ? 11 : Math.round(rate * 10);
}

/** Fills the view facts of word `id`, whose text is `low`. */
export function fillView(m: ViewMemo, id: number, low: string): void {
  const h = hashWord(low);
  m.hash[id] = h;
  m.suffix[id] = low.length > 3 ? suffixHash(low) : h;
  m.rate[id] = rateTenths(m.rates, low);
  m.group[id] = m.lex.nouns.get(low)?.has("group") ? 1 : 0;
  m.known[id] = 1;
}

/** The gate's verdict on one word, by word id: 0 not yet looked up, 1 it does not let the sentence through, 2 it does. */
export interface GateMemo {
  /** The vocabulary whose word ids index `pass`. */
  vocab: Vocab;
  rates: ReadonlyMap<string, number>;
  classes: ReadonlyMap<string, string>;
  pass: Uint8Array;
}

export function gateMemo(memo: TaggerMemo, vocab: Vocab, rates: ReadonlyMap<string, number>, classes: ReadonlyMap<string, string>): GateMemo {
  const size = vocab.size + 1;
  const gate = memo.gate;
  if (gate === null || gate.vocab !== vocab || gate.rates !== rates || gate.classes !== classes) memo.gate = { vocab, rates, classes, pass: new Uint8Array(Math.max(size, 1024)) };
  else if (gate.pass.length < size) {
    const grown = new Uint8Array(size * 2);
    grown.set(gate.pass);
    memo.gate = { vocab, rates, classes, pass: grown };
  }
  return memo.gate!;
}
