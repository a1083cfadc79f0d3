// The labelling stage's public API (see README.md and each module for details).
export { labelArticle, COMPONENTS, PIPE_NAMES, Pipeline, FULL_PIPELINE } from "./pipeline.ts";
export type { LabelledSentence, RuleVote, VoteField } from "./labels.ts";
export { loadLexicons, compileLexicons, DEFAULT_LEXICON_DIR, type Lexicons } from "./lexicon/lexicons.ts";
export { loadGold, parseGold, makeGoldLookup, locateCue, type GoldItem, type GoldHedge, type GoldLookup, type LabelledText } from "./analysis/gold.ts";
export { scoreAgainstGold, prf, type GoldScore, type GoldError, type Prf } from "./analysis/score.ts";
export { buildLabellerReport, LfSummary, type GoldFileScore, type LabellerReport } from "./analysis/report.ts";
