// String tests of the entity rules with ASCII fast paths: each gives exactly the answer of the Unicode regex it
// stands for, which runs only for non-ASCII text.

/** `s` with every whitespace run as one space (s.replace(/\s+/g, " ")) and a soft hyphen after a space dropped; plain ASCII with single spaces is returned as is. */
export function collapseSpaces(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128 || (c >= 9 && c <= 13) || (c === 32 && s.charCodeAt(k + 1) === 32)) return s.replace(/\s\u00ad/g, " ").replace(/\s+/g, " ");
  }
  return s;
}

/** Does `s` start with an upper-case letter (/^\p{Lu}/u)? ASCII answers without the Unicode regex. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
}

/** Splits names into words: a hyphen or any whitespace (/[\s-]/ on one UTF-16 unit). */
function isNameSeparator(c: number): boolean {
  if (c < 128) return c === 45 || c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

/**
 * The initials of a name's capitalised words and how many there are: the first character of each word of
 * name.split(/[\s-]+/) that starts with an upper-case letter ("North Korea Intellectuals Solidarity" → NKIS, 4).
 */
export function initialsOf(name: string): { key: string; count: number } {
  let key = "";
  let count = 0;
  for (let k = 0; k < name.length; ) {
    while (k < name.length && isNameSeparator(name.charCodeAt(k))) k++;
    if (k >= name.length) break;
    const start = k;
    while (k < name.length && !isNameSeparator(name.charCodeAt(k))) k++;
    const c = name.charCodeAt(start);
    if (c < 128 ? c >= 65 && c <= 90 : startsUpper(name.slice(start, k))) {
      key += name[start];
      count++;
    }
  }
  return { key, count };
}

/** Does `s` hold a letter (/\p{L}/u)? An ASCII letter first answers without the Unicode regex. */
export function hasLetter(s: string): boolean {
  const c = s.charCodeAt(0) | 32;
  return (c >= 97 && c <= 122) || /\p{L}/u.test(s);
}
