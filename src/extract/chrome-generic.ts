// Generic chrome on any outlet's pages, line by line: the chrome lexicon's
// `lead` rules (a markup remnant glued to the start of a line: the tag is
// dropped, the prose after it kept), its whole-unit rules, and the corpus's
// boilerplate lines (cleaning.ts). A line is looked at in units: cut after a
// closing quote glued to the next sentence (`side.”Editor's note: …`).
import { matchChrome, matchLead, matchTail } from "./chrome-lexicon.ts";
import type { AddSpan, Line } from "./chrome-lines.ts";
import { lineUnits, unitHash, type Cleaning } from "./cleaning.ts";
import { isWs } from "./ws.ts";

/**
 * Adds the generic chrome spans; returns the line units it tried and found to
 * be text (start → end, UTF-16), so a sentence that is one of them is not
 * tried again.
 */
export function genericRules(text: string, lines: readonly Line[], cleaning: Cleaning, add: AddSpan): Map<number, number> {
  const tried = new Map<number, number>();
  const lex = cleaning.lexicon;
  const checkBoilerplate = cleaning.boilerplate.size > 0;
  for (const line of lines) {
    let start = line.start;
    let end = line.end;
    if (end === start) continue;
    if (lex.leads.length > 0) {
      const lead = matchLead(lex, text.slice(start, Math.min(end, start + 1000)));
      if (lead) {
        add(start, start + lead.length, lead.category);
        start += lead.length;
        while (start < end && isWs(text.charCodeAt(start))) start++;
      }
    }
    if (lex.tails.length > 0 && end > start) {
      // Only the last 300 units are tried: a tail rule names a link or a signature, not prose.
      const from = Math.max(start, end - 300);
      const tail = matchTail(lex, text.slice(from, end));
      if (tail && from + tail.start > start) {
        add(from + tail.start, end, tail.category);
        end = from + tail.start;
        while (end > start && isWs(text.charCodeAt(end - 1))) end--;
      }
    }
    for (const [a, b] of lineUnits(text, start, end)) {
      const category = matchChrome(lex, text.slice(a, Math.min(b, a + 1000)));
      if (category) add(a, b, category);
      else if (checkBoilerplate && cleaning.boilerplate.has(unitHash(text, a, b))) add(a, b, "boilerplate");
      else tried.set(a, b);
    }
  }
  return tried;
}
