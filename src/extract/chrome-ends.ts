// Where an inline chrome piece ends when nothing but the words themselves
// mark the boundary: RT pages flatten "READ MORE: <headline>" teasers,
// "© <credit>" lines and "Home World News" breadcrumbs into the running text,
// with no punctuation between the piece and the next sentence.
import { STARTERS, isWs } from "./segment.ts";

interface Word {
  start: number;
  end: number;
  text: string;
}

/** Whitespace-delimited words of text[from, to), at most `max` of them. */
function wordsIn(text: string, from: number, to: number, max: number): Word[] {
  const out: Word[] = [];
  let k = from;
  while (k < to && out.length < max) {
    while (k < to && isWs(text.charCodeAt(k))) k++;
    if (k >= to) break;
    const start = k;
    while (k < to && !isWs(text.charCodeAt(k))) k++;
    out.push({ start, end: k, text: text.slice(start, k) });
  }
  return out;
}

const TRAILING_PUNCT = /[,;:”’"')\]]+$/;
const DASHES = new Set(["–", "—", "-", "|"]);
const CONNECTORS = new Set(["to", "and", "on", "with", "at", "in", "of", "for", "vs", "&"]);
const UPPER_START = /^\p{Lu}/u;
/** A word that ends a sentence: final . ! ? … (optionally closed by quotes), not an acronym like U.S. */
const SENTENCE_END = /[.!?…][”’"')\]]*$/;
const ACRONYM_OR_INITIAL = /^(?:\p{L}\.)+$|^(?:Mr|Mrs|Ms|Dr|Gen|St|Sen|Gov|Lt|Col|Prof)\.$/u;

function endsSentence(w: string): boolean {
  return SENTENCE_END.test(w) && !ACRONYM_OR_INITIAL.test(w);
}

/**
 * End of an inline teaser headline that starts at `from` (just after "READ MORE:")
 * on a line ending at `lineEnd`. The headline has no final punctuation, so the
 * next sentence starts at the first of:
 * - a typical sentence opener ("However,", "The", "In" …) at least two words in;
 * - the capitalised word after a dash attribution ("… for Ukraine – Trump | Moscow
 *   maintains", "… – analysts | Traders …"), where the attribution is one word,
 *   or names joined by "to"/"and"/… ("– Fico to Putin");
 * and only if that sentence reaches a final punctuation mark on this line.
 * Otherwise the teaser runs to its own final punctuation or to the line end
 * (when a headline cannot be told from the next sentence, both are dropped:
 * losing one sentence is better than leaking chrome into one).
 */
export function teaserEnd(text: string, from: number, lineEnd: number): number {
  const words = wordsIn(text, from, lineEnd, 60);
  let term = words.findIndex((w) => endsSentence(w.text));
  if (term < 0) return lineEnd;
  for (let i = 2; i <= term; i++) {
    const w = words[i]!.text.replace(TRAILING_PUNCT, "");
    const prev = words[i - 1]!.text;
    if (STARTERS.has(w) && !DASHES.has(prev)) return words[i]!.start;
    if (DASHES.has(prev)) {
      let j = i + 1;
      while (j + 1 <= term && CONNECTORS.has(words[j]!.text) && UPPER_START.test(words[j + 1]!.text)) j += 2;
      if (j <= term && UPPER_START.test(words[j]!.text)) return words[j]!.start;
    }
  }
  return words[term]!.end;
}

/** Last words of photo credits ("Getty Images", "Kremlin Press Office", "Anadolu / Contributor"). */
const CREDIT_END = new Set(
  ("images image photo photos photograph contributor contributors office service services agency press pool afp " +
    "reuters ap tass sputnik epa xinhua novosti shutterstock wikimedia commons archive archives handout ria " +
    "dpa ani pti efe ansa imago alamy").split(" "),
);

/**
 * End of a "© …" photo credit starting at `at`. A short credit alone on its
 * line runs to the line end. Inline, a credit is groups of names joined by
 * " / "; its last group ends at its last typical credit word among its first
 * four words ("Getty Images", "Press Office", "Contributor"), or after one
 * word when it has none ("© Sputnik / Anadolu | Moscow …").
 */
export function creditEnd(text: string, at: number, lineEnd: number): number {
  const rest = wordsIn(text, at + 1, lineEnd, 14);
  // A short credit with no sentence end after it runs to the line end ("© Knightscope, Inc. 2014 (www.knightscope.com)").
  const sentenceEnd = rest.some((w, i) => endsSentence(w.text) && (i === rest.length - 1 || UPPER_START.test(rest[i + 1]!.text)));
  if (rest.length <= 12 && !sentenceEnd) return lineEnd;
  let i = 0;
  while (i < rest.length) {
    const slash = rest.slice(i, i + 6).findIndex((w) => w.text === "/" || w.text.endsWith("/"));
    if (slash >= 0) {
      i += slash + 1;
      continue;
    }
    let k = -1;
    for (let j = i; j < Math.min(i + 4, rest.length); j++) {
      const w = rest[j]!.text;
      if (!UPPER_START.test(w)) break;
      const last = (w.split("/").pop() ?? w).replace(TRAILING_PUNCT, "").toLowerCase();
      if (CREDIT_END.has(last)) k = j;
      if (endsSentence(w)) break;
    }
    return rest[k >= 0 ? k : i]!.end;
  }
  return rest.length ? rest[rest.length - 1]!.end : at + 1;
}

const BREADCRUMB_SECTIONS = new Set(
  ("World News Russia FSU Business Sport Politics Opinion Op-ed Analysis Features Science Tech Africa India Asia " +
    "Europe Americas Middle East UK US Shows Entertainment Health Culture Economy &").split(" "),
);

/** End of a "Home <Section> <Section>" breadcrumb starting after whitespace at `pos`, or -1. */
export function breadcrumbEnd(text: string, pos: number): number {
  let k = pos;
  while (k < text.length && (text[k] === " " || text[k] === "\t")) k++;
  if (!text.startsWith("Home ", k)) return -1;
  k += 4;
  let end = -1;
  for (;;) {
    let a = k;
    while (text[a] === " ") a++;
    let b = a;
    while (b < text.length && !isWs(text.charCodeAt(b))) b++;
    if (b === a || !BREADCRUMB_SECTIONS.has(text.slice(a, b))) return end;
    end = k = b;
  }
}
