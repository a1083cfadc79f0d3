// Embedded tweets: the page shows the tweet's text, then its signature
// "— Donald J. Trump (@realDonaldTrump) June 18, 2018" (on the same line or
// the next). The signature is chrome (category `social`, a lexicon row) and
// never a record, but it says who wrote the text above it: the sentences of
// the tweet text get a `credit` (actor = the signed name, cue `tweeted`),
// which the label stage uses as the sentence's attribution.
import type { ChromeSpan } from "../chrome.ts";
import type { Line } from "../chrome-lines.ts";

export interface TweetCredit {
  /** The name on the signature ("Donald J. Trump"). */
  actor: string;
  /** The handle without "@" ("realDonaldTrump"). */
  handle: string;
  cue: "tweeted";
  /** UTF-16 bounds of the tweet text the signature credits (the text before it on its line, or the line above). */
  start: number;
  end: number;
}

const SIGNATURE = /(?:^|[-—–]|â€”)\s*([^()\n—–]{1,60}?)\s*\(@(\w{1,30})\)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\s*$/u;

/** The credits of the embedded tweets whose signature the clean step dropped (`chrome` sorted). */
export function tweetCredits(text: string, lines: readonly Line[], chrome: readonly ChromeSpan[]): TweetCredit[] {
  const out: TweetCredit[] = [];
  let li = 0;
  for (const c of chrome) {
    if (c.category !== "social") continue;
    const m = SIGNATURE.exec(text.slice(c.start, c.end));
    if (!m) continue;
    const actor = m[1]!.trim().replace(/^[-—–\s]+/, "");
    if (!/\p{L}/u.test(actor)) continue;
    while (li + 1 < lines.length && lines[li + 1]!.start <= c.start) li++;
    const line = lines[li]!;
    let start = line.start;
    let end = c.start;
    // The tweet text ends where the signature's line starts: the line above (blank lines skipped) holds it.
    if (text.slice(line.start, c.start).trim() === "") {
      let k = li - 1;
      while (k >= 0 && lines[k]!.start === lines[k]!.end) k--;
      if (k < 0) continue;
      start = lines[k]!.start;
      end = lines[k]!.end;
    }
    if (end > start) out.push({ actor, handle: m[2]!, cue: "tweeted", start, end });
  }
  return out;
}
