// Inline chrome: furniture glued into prose lines rather than standing on a
// line of its own, cut out with exact offsets (nothing is rewritten; the
// spans are skipped by segmentation, so the prose on either side stays):
//   hover_card  The Hill's name cards: "President Trump Donald John TrumpKamala
//               Harris calls for … MORE on Monday" — the card (the person's full
//               name glued to teaser headlines, closed by "MORE") is cut, the
//               display name before it ("President Trump") and the prose after
//               it are kept (they become two records: a record is one
//               contiguous slice of the text);
//   promo       "( PHOTOS: 20 quotes on immigration reform)", "( Also on
//               POLITICO: …)": a parenthesised teaser with a label and a colon;
//               "SEE ALSO: …", "RELATED: …" lines (an upper-case promo label);
//               a line ending in "Read more" after a teaser headline;
//               "Story highlights" boxes (the label line and the bullet lines
//               after it that have no final punctuation);
//   dateline    "WASHINGTON —", "BEIJING (AP) —", "(CNN) -" at a line start:
//               cut, the lead sentence kept;
//   widget      video widgets: "JUST WATCHED … Replay More Videos …", "CLOSE <teaser>";
//   caption     a photo caption glued to the first line, ending in a credit
//               after "|" ("… in Des Moines, Iowa. | Scott Olson/Getty Images
//               Iowa poll: …"); NPR's "Enlarge this image toggle caption …"
//               lines.
//   promo       closing notes on any line: "This story first appeared on …",
//               "Sign up to receive …", "You can follow him on Twitter …", a
//               whole line in brackets that sends the reader elsewhere
//               ("(See here for details …)", "(For more, visit …)");
//   byline      "Contributing: …" lines; an author's bio among the last lines ("Michael Graham is a
//               regular contributor to the Boston Herald.").
// Every regex starts with a literal or a bounded class, so scans stay linear.
import type { AddSpan, Line } from "../chrome-lines.ts";
import { isWs } from "../ws.ts";

/** Upper-case "MORE" closing a hover card: after a letter, digit, quote or closing bracket, before a non-letter. */
const CARD_MORE = /(?<=[\p{L}\p{N}'’”")\]?!.] ?)MORE(?![\p{L}\p{N}])/gu;
/** Letters a name token may hold (initials and hyphens included). */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|\(\p{Lu}[\p{L}'’. -]{0,20}\))$/u;
/** Where a card's full name runs into its first headline: a lower-case letter or a period, then an upper-case letter, a digit or a quote. */
const GLUE = /[\p{Ll}.](?=[\p{Lu}\p{N}'‘“"])/gu;
const MAX_CARD = 700;

const PAREN_PROMO = /[(\[]\s{0,3}(?:(?:ALSO|MORE|PHOTOS?|VIDEOS?|SLIDESHOW|POLL|MAP|RELATED|READ|WATCH|LISTEN|SEE|INFOGRAPHIC|Also on \p{Lu}+|More on \p{Lu}+)[\p{L} ]{0,30}|(?<=\( )\p{Lu}[\p{L} ]{1,30}):\s[^()[\]\n]{2,200}[)\]]/gu;
const PROMO_LINE = /^(?:SEE ALSO|ALSO SEE|RELATED|RELATED STOR(?:Y|IES)|RELATED COVERAGE|READ ALSO|ALSO READ|MORE|MORE FROM [\p{Lu} ]{1,30}|DON'T MISS|DON’T MISS|WATCH|PHOTOS|VIDEO|LISTEN|TRENDING|RECOMMENDED|MUST READ|MUST WATCH|JUST WATCHED)\s*:/u;
const TRAILING_READ_MORE = /(?:\s|^)(?:Read more|Read More|READ MORE)[ \t]*[»›>]?$/u;
/** The last characters of a line that may end in "Read more" (the test runs on them only: the regex is not anchored at the start). */
const READ_MORE_TAIL = 14;
const HIGHLIGHTS = /^Story [Hh]ighlights\b/;
const DATELINE_LEAD = /^(?:\p{Lu}[\p{Lu}.'’-]*(?:[ ,]{1,2}\p{Lu}[\p{Lu}\p{Ll}.'’-]*){0,4}(?:\s{1,2}\((?:AP|Reuters|AFP|CNN|CNSNews\.com|UPI|Bloomberg|Xinhua|The Borowitz Report|\p{Lu}{2,12})\))?|\((?:CNN|AP|Reuters|AFP|CNN Business|CNNMoney|UPI|\p{Lu}{2,10})\))(?:\s{0,2}(?:—|–|--)|\s{1,2}-|(?<=\))-)\s{0,2}(?=[\p{Lu}\p{N}“"‘'])/u;
const NPR_CAPTION = /^Enlarge this image toggle caption\b/;
/**
 * A photo caption by the agencies' caption style, whatever the outlet: AP's "FILE - In this …", "In this
 * March 3, 2020, file photo, …", "This undated handout photo provided by …", "In this photo illustration, …";
 * BBC's "Image copyright AFP Image caption …" (also glued: "TwitterImage copyrightTWITTER") and "Media playback is
 * unsupported on your device".
 */
const AGENCY_CAPTION =
  /^(?:FILE\s?[-–—]{1,2}\s?(?:In this|This)\b|(?:In this|This)\b[^.\n]{0,90}?\b(?:file|handout|undated|\d{4},?) photo(?:graph)?\b(?! of\b)|In this (?:file )?photo(?: illustration)?,|[A-Za-z]{0,20}(?:Image|Media) (?:copyright|caption)|Media playback is unsupported\b)/;
/** Video widgets: CNN's "JUST WATCHED … Replay More Videos … MUST WATCH", USA TODAY's "CLOSE <teaser>". */
const VIDEO_WIDGET = /^(?:JUST WATCHED\b|CLOSE (?=\p{Lu}))/u;
const CONTRIBUTING = /^Contributing:\s/;
const GLUED_CAPTION = /^[^|\n]{20,400}? \| [^|\n]{2,60}?(?:\/(?:Getty Images|AP|AFP|Reuters|POLITICO|Bloomberg|Pool|EPA|The New York Times|The Washington Post)|AP Photo|Getty Images|POLITICO)\b(?: Photo| Images| via [\p{L} ]{2,30})?/u;

const CLOSING_NOTE = /^(?:This (?:article|story|piece|post|report|column|interview|essay) (?:first |originally )?(?:appeared|was (?:first |originally )?(?:published|produced|posted|written|adapted)|has been (?:updated|corrected))\b|(?:Sign up|Subscribe)(?: (?:to|for) (?:our|the|receive|get|future|daily|weekly)| here| today| now)\b|You can follow (?:him|her|them|me|us)\b|Follow (?:him|her|them|me|us) on\b)/;
/**
 * Prompts and report notes on a short line of their own: "Get Grist in your inbox", "See our privacy policy",
 * "… Subscribe today", "See more analysis from …", "See the survey questions and methodology …", "Herald wire
 * services were used in this report.", "Jane Doe contributed reporting to this story."
 */
const PROMPT_LINE =
  /\b(?:in your inbox|privacy policy|terms of (?:use|service))\b|(?:^|\s)(?:Subscribe|Sign up|Register) (?:today|now|here)\W*$|^See (?:more|our|all|the (?:full|complete|survey|methodology|topline))\b|\b(?:were|was) used in this (?:report|story)\W*$|\bcontributed (?:reporting )?to this (?:report|story)\W*$|^Read or Share this story\b|^Download (?:the|our) [^.]{0,40}\bapp\b|^For more (?:on|about|from) [^.]{0,60}\b(?:see|visit|follow)\b/;
/** A copyright line: "Copyright 2013 The Associated Press.", "COPYRIGHT 2019 CREATORS.COM", "Copyright © 2019 The Washington Times, LLC." */
const COPYRIGHT_LINE = /^(?:Copyright|COPYRIGHT|\(c\)|©)\s?(?:©\s?)?(?:\d{4}|\(c\))\b/;
/** Words at most on a PROMPT_LINE (longer lines are prose that mentions a policy or an inbox). */
const PROMPT_WORDS = 16;
const BRACKETED_POINTER = /^[(\[]\s*(?:(?:For (?:more|an?|the)\b[^()[\]]{0,200}?\b)?(?:see|visit|read|click|watch|listen)|See|Visit|Read|Click|Watch|Listen)\b[^()[\]]{0,250}[)\]]\.?$/;
/** "<Name> is a regular contributor to …": two to four capitalised name words, then "is a/an/the" and, within six words, a role. */
const BIO_HEAD = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3},? (?:is|was|has been|serves as) (?:a |an |the )?((?:[^\s.]+ ){0,7})/u;
/** The role words of a bio (within the first words after "is"): what an author's note says the author is. */
const ROLE =
  "[Cc]ontributor|[Ww]riter|[Cc]olumnist|[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ff]ellow|[Aa]uthor|[Hh]ost|[Cc]o-host|[Cc]ommentator|[Aa]ssistant|[Aa]ssociate|[Aa]nalyst|[Dd]irector|[Rr]esearcher|[Ss]cholar|[Cc]omedian|[Ff]ounder|[Cc]o-founder|[Pp]rofessor|[Ll]ecturer|[Pp]resident|[Cc]hairman|[Cc]hairwoman|CEO|[Aa]dviser|[Aa]dvisor|[Aa]ttorney|[Ll]awyer|[Ee]conomist|[Ii]ntern|[Ss]trategist|[Cc]onsultant|[Bb]logger|[Jj]ournalist|[Pp]roducer|[Aa]nchor|[Hh]istorian|[Cc]ontributing";
/** A role within the first words, anywhere after: a bio on the article's last lines. */
const BIO_ROLE_WORD = new RegExp(`^(?:\\S+ ){0,6}?(?:${ROLE})s?\\b`, "u");
/** A role followed by where ("… at/for/of/with/to <Name>"): a bio a little further from the end. */
const BIO_ROLE = new RegExp(`^(?:\\S+ ){0,6}?(?:${ROLE})s?\\b[^.]{0,80}\\b(?:at|for|of|with|to) (?:the )?\\p{Lu}`, "u");
/** What may follow the bio sentence on its line: more about the author, a follow line, where the piece first ran. */
const BIO_TAIL = /^(?:(?:He|She|They|His|Her|Their) |(?:E-?mail|Twitter|Contact)\b|Reach (?:him|her|them)\b|Follow (?:him|her|them)\b|You can\b|This (?:column|article|piece|essay|op-ed|commentary)\b)/;
/** A sentence end inside the line (not after an initial: "Sanam M. Malik", "the U.K. and"). */
const INNER_END = /(?<!(?:^|[\s.])\p{Lu})[.!?]\s+\p{Lu}/u;
/** Lines from the end of the text a bio may be on; on the last BIO_LAST_LINES no "at/for … <Name>" is needed. */
const BIO_LINES = 4;
const BIO_LAST_LINES = 2;
/** Share of the last lines a bio naming the document's outlet may be among. */
const BIO_NAMING_SHARE = 0.5;

/** One author's bio sentence: "<Name> is a <role> …" (`strict`: "… at/for/of/with/to <Name>" after the role). */
function bioSentence(sentence: string, strict: boolean): boolean {
  const m = BIO_HEAD.exec(sentence);
  if (m === null) return false;
  const after = sentence.slice(m[0].length - m[1]!.length);
  // The role is the author's, not a quote's: a bio has no quotation marks before its role.
  return !/^[^“"]*[“"]/.test(sentence.slice(0, m[0].length)) && (strict ? BIO_ROLE : BIO_ROLE_WORD).test(after);
}

/**
 * A bio line: a bio sentence, then at most three more that are co-authors' bios or say more about the author
 * ("His latest book …", "Email: …", "Follow him on Twitter: @x.", "This column originally appeared in …").
 */
function isBio(line: string, strict: boolean): boolean {
  const parts: string[] = [];
  let rest = line;
  for (let inner = INNER_END.exec(rest); inner !== null && parts.length < 4; inner = INNER_END.exec(rest)) {
    parts.push(rest.slice(0, inner.index + 1));
    rest = rest.slice(inner.index + 1).trimStart();
  }
  parts.push(rest);
  if (parts.length > 4 || !bioSentence(parts[0]!, strict)) return false;
  return parts.slice(1).every((p) => bioSentence(p, strict) || CLOSING_NOTE.test(p) || BIO_TAIL.test(p));
}

/** Literal pieces one of which every PROMPT_LINE holds: the regex runs only on the few lines that have one. */
const PROMPT_PIECES = ["inbox", "privacy policy", "terms of", "today", "now", "here", "See ", "used in this", "contributed", "Read or Share", "For more", "Download"];

function isPrompt(line: string): boolean {
  if (line.length > 160 || !PROMPT_PIECES.some((p) => line.includes(p))) return false;
  return PROMPT_LINE.test(line) && !/["“”]/.test(line) && line.split(/\s+/).length <= PROMPT_WORDS;
}

/** Whether a line may be an AGENCY_CAPTION (its first letter, or "Image c…"/"Media c…" glued after a word), tested without the regex. */
function mayBeAgencyCaption(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 70 || c === 73 || c === 84 || c === 77 || line.includes("Image c") || line.includes("Media c");
}

/** A sentence that is a closing note or a bracketed pointer as a whole (tried on sentences too: such a note often ends a paragraph). */
export function sentenceNote(sentence: string): "promo" | null {
  if (sentence.length > 250) return null;
  if (CLOSING_NOTE.test(sentence) || BRACKETED_POINTER.test(sentence)) return "promo";
  return isPrompt(sentence) ? "promo" : null;
}

const NOT_PLACE_WORD = /\s(?:ON|IS|ARE|WAS|WERE|NOT|TO|FOR|IN|BY|WITH|AT)\s/;

/** The start of a dateline lead on a line, or -1: the lead words are an upper-case place name (at least two capitals in a row) or a bracketed agency. */
function datelineEnd(line: string): number {
  const m = DATELINE_LEAD.exec(line.slice(0, 90));
  if (!m) return -1;
  const head = m[0];
  // "A —" or "I -" is a sentence, not a place; a place has two upper-case letters in a row or an agency in brackets.
  if (!/\p{Lu}{2}/u.test(head)) return -1;
  // A place name holds no verb or preposition of a phrase after its first word: "PANTS ON FIRE –" (PolitiFact's verdict) is no dateline.
  if (NOT_PLACE_WORD.test(head)) return -1;
  return head.length;
}

/**
 * `outlet`: the document's outlet (metadata), when known: a bio that names it ("… is a Research Assistant at the
 * Center for American Progress" on americanprogress.org) may stand before endnotes, anywhere in the last
 * BIO_NAMING_SHARE of the lines; other bios only among the last BIO_LINES lines.
 */
export function inlineRules(text: string, lines: readonly Line[], add: AddSpan, outlet: string | null = null): void {
  let inHighlights = false;
  let fromEnd = 0;
  const nonEmpty = lines.reduce((n, l) => n + (l.end > l.start ? 1 : 0), 0);
  const reach = outlet && outlet.length >= 4 ? Math.max(BIO_LINES, Math.floor(nonEmpty * BIO_NAMING_SHARE)) : BIO_LINES;
  const outletLower = outlet?.toLowerCase() ?? "";
  for (let i = lines.length - 1; i >= 0 && fromEnd < reach; i--) {
    const { start, end } = lines[i]!;
    if (end === start) continue;
    fromEnd++;
    if (end - start > 500) continue;
    const line = text.slice(start, end);
    if ((fromEnd <= BIO_LINES || line.toLowerCase().includes(outletLower)) && isBio(line, fromEnd > BIO_LAST_LINES)) add(start, end, "byline");
  }
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    if (end === start) continue;
    const line = end - start > 2000 ? text.slice(start, start + 2000) : text.slice(start, end);
    if (inHighlights) {
      // A highlight bullet: no final punctuation; the lead paragraph (which has it) ends the box.
      if (!/[.!?…:;][”’"')\]]*$/.test(line) && line.length <= 300) {
        add(start, end, "promo");
        continue;
      }
      inHighlights = false;
    }
    if (HIGHLIGHTS.test(line)) {
      add(start, end, "promo");
      inHighlights = true;
      continue;
    }
    if (line.length <= 250 && (PROMO_LINE.test(line) || CLOSING_NOTE.test(line) || BRACKETED_POINTER.test(line))) {
      add(start, end, "promo");
      continue;
    }
    if (line.length <= 200 && COPYRIGHT_LINE.test(line)) {
      add(start, end, "legal");
      continue;
    }
    if (isPrompt(line)) {
      add(start, end, "promo");
      continue;
    }
    if (line.length <= 600 && (VIDEO_WIDGET.test(line) || line.includes("Replay More Videos"))) {
      add(start, end, "widget");
      continue;
    }
    if (line.length <= 200 && CONTRIBUTING.test(line)) {
      add(start, end, "byline");
      continue;
    }
    if (line.length <= 800 && mayBeAgencyCaption(line) && AGENCY_CAPTION.test(line)) {
      add(start, end, "caption");
      continue;
    }
    if (NPR_CAPTION.test(line) && line.length <= 300) {
      add(start, end, "caption");
      continue;
    }
    if (line.length <= 250 && /[Rr][Ee][Aa][Dd] [Mm][Oo][Rr][Ee][ \t»›>]*$/.test(line.slice(-READ_MORE_TAIL)) && TRAILING_READ_MORE.test(line)) {
      const cut = line.search(TRAILING_READ_MORE);
      // After a sentence end only the "Read more" is chrome; after a headline (no final punctuation) the line is a teaser.
      const before = line.slice(0, cut).trimEnd();
      add(/[.!?”"]$/.test(before) ? start + cut : start, end, "read_more");
      continue;
    }
    if (i <= 3 || lines[i - 1]!.start === lines[i - 1]!.end) {
      const cap = i <= 3 ? GLUED_CAPTION.exec(line) : null;
      if (cap && cap[0].length < line.length - 20) add(start, start + cap[0].length, "caption");
      else {
        const d = datelineEnd(line);
        if (d > 0 && d < line.length - 20) add(start, start + d, "dateline");
      }
    }
    // The teaser regex starts with a bracket class: tried only on lines that hold a bracket and a colon.
    if ((line.includes("(") || line.includes("[")) && line.includes(":"))
      for (const m of line.matchAll(PAREN_PROMO)) add(start + m.index, start + m.index + m[0].length, "promo");
    if (line.includes("MORE")) hoverCards(text, start, start + line.length, add);
  }
}

/** The Hill's hover cards on one line: each "MORE" closes a card that starts at the full name glued to the first headline. */
function hoverCards(text: string, from: number, to: number, add: AddSpan): void {
  let floor = from;
  CARD_MORE.lastIndex = 0;
  const line = text.slice(from, to);
  for (const m of line.matchAll(CARD_MORE)) {
    const moreAt = from + m.index;
    const start = cardStart(text, Math.max(floor, moreAt - MAX_CARD), moreAt);
    if (start < 0) continue;
    add(start, moreAt + 4, "hover_card");
    floor = moreAt + 4;
  }
}

/**
 * Start of the card closed by "MORE" at `moreAt`, or -1. A card is
 * "<display name> <first/middle names> <Last><Headline…> MORE": the last name
 * glued to the first headline (GLUE) repeats the display name's last word,
 * and one to four name tokens lie between them. The leftmost such glue wins.
 */
function cardStart(text: string, from: number, moreAt: number): number {
  const window = text.slice(from, moreAt);
  const tokens: { s: number; e: number }[] = [];
  for (const m of window.matchAll(/\S+/g)) tokens.push({ s: m.index, e: m.index + m[0].length });
  for (let t = 0; t < tokens.length; t++) {
    const tok = window.slice(tokens[t]!.s, tokens[t]!.e);
    GLUE.lastIndex = 0;
    for (const g of tok.matchAll(GLUE)) {
      const last = tok.slice(0, g.index + 1).replace(/\.$/, "");
      // The glued last name: the part after the token's last inner capital run start ("McConnell" stays whole).
      if (!/^\p{Lu}[\p{L}'’-]*$/u.test(last)) continue;
      for (let k = t - 1; k >= Math.max(0, t - 5); k--) {
        const prev = window.slice(tokens[k]!.s, tokens[k]!.e).replace(/(?:['’]s)?[,.]?$/, "");
        if (prev === last && t - k >= 2) {
          const names = tokens.slice(k + 1, t).map((x) => window.slice(x.s, x.e));
          if (names.every((n) => NAME_TOKEN.test(n))) return from + tokens[k + 1]!.s;
        }
        if (!NAME_TOKEN.test(window.slice(tokens[k]!.s, tokens[k]!.e).replace(/(?:['’]s)?[,.]?$/, ""))) break;
      }
    }
  }
  return -1;
}

export function allWs(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isWs(text.charCodeAt(k))) return false;
  return true;
}
