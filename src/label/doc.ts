// The document the pipeline's components work on: one article, its
// sentences with their tokens, and what each component has added so far.
// makeDoc tokenizes (like spaCy's tokenizer, it is not a component: every
// component reads tokens); the components in pipeline.ts fill the rest, and
// labels.ts turns the finished document into labels and rule votes.
import type { Article, Stance } from "../schema.ts";
import { ArticleMemory } from "./grammar/entities.ts";
import type { SentenceCtx } from "./grammar/names.ts";
import type { Lexicons } from "./lexicon/lexicons.ts";
import type { Vocab } from "./lexicon/vocab.ts";
import type { AttributionProposal } from "./rules/attribution.ts";
import type { TokRange } from "./rules/content.ts";
import { NO_HEDGES, type HedgeFinding } from "./rules/hedges.ts";
import { NO_TRIGGERS, type Span, type TargetStanceFindings, type TriggerMatch } from "./rules/stance.ts";
import type { TaggerModel } from "./tagger/model.ts";
import { MAX_QUOTE_SENTENCES, tokenizeSentence, type Tok } from "./tokens/tokenize.ts";

/** What the stance resolver decided for a sentence (rules/stance.ts decideTargetStance). */
export interface TargetStanceDecision {
  target: string | null;
  stance: Stance;
  targetSpan: Span | null;
  stanceSpan: Span | null;
  rules: string[];
}

/** One sentence of the document: its tokens and every component's findings (defaults until a component runs). */
export interface SentenceState {
  ctx: SentenceCtx;
  /** Does the sentence open inside a quote that an earlier sentence opened (at most MAX_QUOTE_SENTENCES back)? */
  startsInQuote: boolean;
  endsInQuote: boolean;
  /** Topic trigger phrases (component "topics"). */
  triggers: readonly TriggerMatch[];
  /** Hedge cues (component "hedges"). */
  hedges: HedgeFinding[];
  /** Stance predicates, open positions and the targets they pair with (component "stance"). */
  ts: TargetStanceFindings;
  decided: TargetStanceDecision;
  /** Canonical name of the entity the target phrase names (grammar/target-entity.ts), or null. */
  entity: string | null;
  /** Every actor/cue rule's proposal (component "attribution") and the one the resolver picked (or the tagger's). */
  proposals: AttributionProposal[];
  winner: AttributionProposal | null;
  /** The writer's subordinate and relative clauses (component "writer_clause"): no report there credits anyone. */
  writerClauses: readonly TokRange[];
  /** Token range of what the winner's actor claims, and the rule that found it (components "tagger", "content"). */
  content: TokRange | null;
  contentRule: string | null;
}

export interface Doc {
  readonly article: Article;
  readonly lex: Lexicons;
  /** The article's memory of names, roles and speakers (component "names" fills it; "antecedents" credits speakers). */
  readonly memory: ArticleMemory;
  /** The attribution tagger's weights, or null when data/models/ has none. */
  readonly tagger: TaggerModel | null;
  readonly sentences: SentenceState[];
  /** Does the article name a topic anchor (component "topics")? Only then do the lexicon's anchored topics count. */
  onTopic: boolean;
  /** Sentence index → the sentence whose speaker a continued quote inherits (component "quotes"). */
  continued: Map<number, { from: SentenceState }>;
  /**
   * Sentence index → an actor and cue credited from outside the sentence's text (component "tweet_credit": the
   * signature line of an embedded tweet, dropped as chrome, names who wrote it). Neither has a span in the sentence.
   */
  credited: Map<number, SpanlessCredit>;
}

/** An attribution whose actor and cue are not in the sentence: the record's evidence.actor and evidence.cue are null. */
export interface SpanlessCredit {
  rule: string;
  /** The name as the credit gives it (the record's actor name and mention). */
  name: string;
  type: "person" | "organization";
  cue: string;
}

const NO_CLAUSES: readonly TokRange[] = Object.freeze([]);

/** The findings of a sentence no stance rule has looked at. */
export const NO_FINDINGS: TargetStanceFindings = Object.freeze({ salient: null, candidates: [], governing: new Map<number, number>(), open: [], triggers: NO_TRIGGERS });

const UNDECIDED: TargetStanceDecision = Object.freeze({ target: null, stance: "neutral", targetSpan: null, stanceSpan: null, rules: [] }) as TargetStanceDecision;

/** The PhraseTrie flags of the sentence's words (SentenceCtx.firstFlags). */
function sentenceFlags(vocab: Vocab, toks: readonly Tok[]): number {
  let flags = 0;
  for (let i = 0; i < toks.length; i++) flags |= vocab.firstWordFlags(toks[i]!.id);
  return flags;
}

/** The document of one article: every sentence tokenized, quote state carried from sentence to sentence. */
export function makeDoc(article: Article, lex: Lexicons, tagger: TaggerModel | null): Doc {
  const sentences: SentenceState[] = [];
  let carried = 0;
  for (let i = 0; i < article.sentences.length; i++) {
    const text = article.sentences[i]!.text;
    const startsInQuote = carried > 0 && carried <= MAX_QUOTE_SENTENCES;
    const { toks, quoteOpenAtEnd } = tokenizeSentence(text, lex.vocab, startsInQuote);
    const ctx: SentenceCtx = { text, toks, lex, index: i, firstFlags: sentenceFlags(lex.vocab, toks), chainMemo: undefined, mainSubjectMemo: undefined };
    sentences.push({
      ctx,
      startsInQuote,
      endsInQuote: quoteOpenAtEnd,
      triggers: NO_TRIGGERS,
      hedges: NO_HEDGES,
      ts: NO_FINDINGS,
      decided: UNDECIDED,
      entity: null,
      proposals: [],
      winner: null,
      writerClauses: NO_CLAUSES,
      content: null,
      contentRule: null,
    });
    carried = quoteOpenAtEnd ? carried + 1 : 0;
  }
  return { article, lex, memory: new ArticleMemory(), tagger, sentences, onTopic: false, continued: new Map(), credited: new Map() };
}
