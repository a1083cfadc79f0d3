// A pipeline component (spaCy's pipe): a named step that reads the document
// and adds its findings to it. A component runs either on each sentence in
// article order (`sentence`: after the components before it in the list have
// run on that sentence, before those after it) or once on the whole document
// (`article`: after the components before it have run on every sentence).
import type { Doc, SentenceState } from "./doc.ts";

export interface Component {
  /** The name --disable takes and the ablation table prints. */
  readonly name: string;
  /** One line: what it adds to the document (README, --help). */
  readonly adds: string;
  sentence?(doc: Doc, s: SentenceState): void;
  article?(doc: Doc): void;
}
