// The labeller's pipeline: the named components, in the order they run, in
// one list (spaCy's nlp.pipe_names). labelArticle makes the document
// (tokens), runs every enabled component, and turns the document into labels
// with their rule votes (labels.ts). See README.md for the flow and for how
// to add a rule family (one file in components/ and one line below).
import { InputError } from "../errors.ts";
import type { Article } from "../schema.ts";
import type { Component } from "./component.ts";
import { antecedents } from "./components/antecedents.ts";
import { attribution } from "./components/attribution.ts";
import { colonQuote } from "./components/colon-quote.ts";
import { content } from "./components/content.ts";
import { dashCredit } from "./components/dash-credit.ts";
import { hedges } from "./components/hedges.ts";
import { names } from "./components/names.ts";
import { outerReport } from "./components/outer-report.ts";
import { quotes } from "./components/quotes.ts";
import { reporting } from "./components/reporting.ts";
import { stance } from "./components/stance.ts";
import { stanceSubject } from "./components/stance-subject.ts";
import { tagger } from "./components/tagger.ts";
import { topics } from "./components/topics.ts";
import { unnamedVague } from "./components/unnamed-vague.ts";
import { tweetCredit } from "./components/tweet-credit.ts";
import { writerClause } from "./components/writer-clause.ts";
import { withheldClaim } from "./components/withheld-claim.ts";
import { makeDoc, type Doc } from "./doc.ts";
import { toLabels, type LabelledSentence } from "./labels.ts";
import type { Lexicons } from "./lexicon/lexicons.ts";
import { loadTagger } from "./tagger/model.ts";

/** Every component, in the order it runs. */
export const COMPONENTS: readonly Component[] = [
  names,
  topics,
  hedges,
  stance,
  reporting,
  stanceSubject,
  colonQuote,
  dashCredit,
  outerReport,
  writerClause,
  withheldClaim,
  attribution,
  tagger,
  content,
  antecedents,
  unnamedVague,
  quotes,
  tweetCredit,
];

export const PIPE_NAMES: readonly string[] = COMPONENTS.map((c) => c.name);

/** The enabled components of COMPONENTS, in order (all unless some are disabled by name). */
export class Pipeline {
  readonly components: readonly Component[];
  readonly disabled: readonly string[];

  constructor(disabled: readonly string[] = []) {
    for (const name of disabled)
      if (!PIPE_NAMES.includes(name)) throw new InputError(`--disable: unknown component ${JSON.stringify(name)} (components: ${PIPE_NAMES.join(", ")})`);
    this.disabled = PIPE_NAMES.filter((n) => disabled.includes(n));
    this.components = COMPONENTS.filter((c) => !disabled.includes(c.name));
  }

  get names(): string[] {
    return this.components.map((c) => c.name);
  }

  /** Runs the components on the document: a run of sentence components goes sentence by sentence, each sentence through all of them. */
  run(doc: Doc): void {
    const cs = this.components;
    for (let k = 0; k < cs.length; ) {
      const c = cs[k]!;
      if (c.article) {
        c.article(doc);
        k++;
        continue;
      }
      let end = k;
      while (end < cs.length && !cs[end]!.article) end++;
      for (const s of doc.sentences) for (let j = k; j < end; j++) cs[j]!.sentence!(doc, s);
      k = end;
    }
  }
}

export const FULL_PIPELINE = new Pipeline();

/** The component names of --disable flags (repeated and/or comma-separated), checked, in pipeline order. */
export function disabledComponents(flags: readonly string[] | undefined): string[] {
  const names = (flags ?? []).flatMap((f) => f.split(",")).map((n) => n.trim()).filter((n) => n !== "");
  return new Pipeline(names).disabled.slice();
}

/** Labels every sentence of one article (in order: the memory needs earlier sentences for pronouns, role nouns and surnames). */
export function labelArticle(article: Article, lex: Lexicons, pipeline: Pipeline = FULL_PIPELINE): LabelledSentence[] {
  const doc = makeDoc(article, lex, loadTagger());
  pipeline.run(doc);
  return toLabels(doc);
}
