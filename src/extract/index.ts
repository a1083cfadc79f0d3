// The extract stage: input paths → documents (read.ts) → articles of sentences
// with chrome removed (articles.ts, chrome.ts, segment.ts).
export { extractArticles, type DroppedChrome, type ExtractResult } from "./articles.ts";
export type { ChromeCategory } from "./chrome.ts";
export { MAX_SENTENCE } from "./segment.ts";
export { isSkipped, readInputs, type DocumentSource, type InputDocument, type ReadOptions, type ReadStart, type SkippedInput } from "./read.ts";
