// The head of a target phrase, for scoring target_text against gold and for
// merging variants in suggest-targets: the last word before the phrase's
// first post-modifier (a preposition, a relative or complement word, a
// comma), lower-cased, a possessive "'s" dropped. "Clinton's judgment in
// supporting the war" → "judgment"; "a ban on assault weapons" → "ban";
// "build a wall" → "wall"; "supporters that level sexist attacks" → "supporters".

/** Words that start a post-modifier: the head is the last word before them. */
export const POST_MODIFIERS = new Set(
  `of on in at for by to from with without about into over under against between among during after before since until than
   that which who whom whose where when while because as if whether and or but nor , ; : ( ) — –`.split(/\s+/),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Lower-case tokens of a phrase: words (inner apostrophes, hyphens, dots kept) and single punctuation marks. */
export function headTokens(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? []).map((t) => t.replace(/'s$/, ""));
}

/** The head word of a target phrase, or null when it has no word before its first post-modifier. */
export function targetHead(text: string | null): string | null {
  if (text === null) return null;
  const raw = text.replace(/’/g, "'").match(TOKEN) ?? [];
  let head: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!.toLowerCase().replace(/'s$/, "");
    // A capitalised link word inside a name ("Neocons For Hillary") is part of the name, not a post-modifier.
    const inName = /^\p{Lu}/u.test(raw[i]!) && i > 0 && /^\p{Lu}/u.test(raw[i - 1]!);
    if (head !== null && POST_MODIFIERS.has(t) && !inName) break;
    if (/[\p{L}\p{N}]/u.test(t) && (!POST_MODIFIERS.has(t) || inName)) head = t;
  }
  return head;
}

/** Do two target phrases share their head (a final plural "s" ignored: "supporter" = "supporters")? */
export function sameHead(a: string | null, b: string | null): boolean {
  const x = targetHead(a);
  const y = targetHead(b);
  if (x === null || y === null) return x === y;
  return x.replace(/s$/, "") === y.replace(/s$/, "");
}
