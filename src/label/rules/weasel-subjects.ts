// The weasel-generalisation hedge (spec section 5, `vague`: "a weasel
// generalisation"): a clause-opening quantifier with a human plural noun as
// the subject of a present-tense, generic predicate — "Some people avoid dairy
// products", "Most people find vertigo very disturbing". Who "some people" are
// is never said, and the claim is about what they generally do or think. A
// past event ("many Jacobins emigrated", "many people were killed") or a
// passive is a vague quantity in narration, and a non-human noun ("many
// cultivars") is no source: neither is a hedge.
import type { SentenceCtx } from "../grammar/names.ts";
import { isWord, tokAt } from "../tokens/words.ts";

const QUANTIFIERS = new Set(["some", "many", "most", "several", "numerous", "various", "countless"]);
/** Tokens after which a quantifier opens a clause, so it can be its subject ("…, some people use port forwarding"). */
const CLAUSE_OPENERS = new Set([",", ";", ":", "(", "and", "but", "while", "although", "though", "because", "since", "whereas", "so", "yet", "thus", "however", "also", "that"]);
/** Adverbs between the subject and its verb: "most people still believe", "many linguists, however, find". */
const ADVERBS = new Set(["often", "still", "also", "generally", "usually", "now", "even", "really", "actually", "always", "never", "simply", "typically", "mistakenly", "incorrectly", "therefore", "sometimes", "first", "just", "only", "then"]);
/** Past forms and participles that do not end in -ed. */
const IRREGULAR_PAST = new Set([
  "was", "were", "had", "did", "been", "being", "went", "came", "took", "got", "saw", "made", "left", "lost", "became", "began", "fled",
  "fell", "knew", "gave", "won", "ran", "met", "wrote", "held", "brought", "fought", "sought", "thought", "felt", "found", "told", "sold", "bought",
  "caught", "taught", "lost", "spent", "kept", "heard", "built", "sent", "paid", "said", "led", "stood", "struck", "hit", "shot", "gone", "done", "seen",
]);
/** Not a present-tense verb of a plural subject: past forms, function words, relative pronouns. */
const NOT_GENERIC_VERB = new Set([
  ...IRREGULAR_PAST,
  "familiar", "close", // "people familiar with the matter": an unnamed source, a cue of its own
  "out", "up", "down", "off", // "so many people out there"
  "inside", "outside", "near", "within", "without", "behind", "beyond", "against", "between", "upon", "via", "per",
  "who", "which", "that", "whose", "whom", "of", "in", "on", "at", "for", "from", "with", "to", "and", "or", "but", "as", "by", "into", "than",
  "a", "an", "the", "like", "such", "including", "among", "across", "around", "during", "over", "under", "through", "about", "after", "before", "here", "there",
]);

export interface WeaselSpan {
  start: number;
  end: number;
}

const pastParticiple = (low: string | undefined): boolean => low !== undefined && /(ed|en)$/.test(low);

/**
 * The cue (quantifier … people noun) of a weasel generalisation whose quantifier is token `s`, or null. The predicate
 * must follow the noun (after adverbs) as a lower-case present-tense word, not a past form or "have/are" + participle.
 */
export function weaselSubject(ctx: SentenceCtx, s: number): WeaselSpan | null {
  const t = ctx.toks;
  if (!QUANTIFIERS.has(t[s]!.low)) return null;
  const before = tokAt(t, s - 1);
  if (before !== undefined && before.kind !== "open_quote" && !CLAUSE_OPENERS.has(before.low)) return null;
  let g = -1;
  for (let k = s + 1; k <= s + 3 && isWord(tokAt(t, k)); k++) {
    if (ctx.lex.vaguePeople.has(t[k]!.low)) {
      g = k + 1;
      break;
    }
    if (NOT_GENERIC_VERB.has(t[k]!.low) || t[k]!.low === "the" || t[k]!.low === "of") return null;
  }
  if (g < 0) return null;
  let v = g;
  // ", however ," is the one aside allowed: a comma otherwise ends the subject ("most esteemed scholars, a man …").
  if (tokAt(t, v)?.low === "," && tokAt(t, v + 1)?.low === "however" && tokAt(t, v + 2)?.low === ",") v += 3;
  while (v < t.length && ADVERBS.has(t[v]!.low)) v++;
  const verb = tokAt(t, v);
  if (!verb || verb.kind !== "word" || verb.cap || NOT_GENERIC_VERB.has(verb.low)) return null;
  // "many Jacobins emigrated", "several journalists reporting from the ground": a past event or a reduced relative.
  if (verb.low.endsWith("ed") || verb.low.endsWith("ing") || verb.low.endsWith("'s")) return null;
  const next = tokAt(t, v + 1)?.low;
  // "many people have been killed", "have lost consciousness", "some users are banned", "many people are missing",
  // "are making donations": an event, a passive or a progressive, not a generalisation.
  const participle = next !== undefined && (pastParticiple(next) || next.endsWith("ing") || IRREGULAR_PAST.has(next));
  if ((verb.low === "have" || verb.low === "has" || verb.low === "are") && (next === "been" || participle)) return null;
  return { start: s, end: g };
}
