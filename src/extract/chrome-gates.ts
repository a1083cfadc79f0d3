// Why: every line and sentence is tried against all of chrome.csv's regexes,
// and the rows that start with `.{0,60}`, `[\w-]+` or `\p{Lu}…` backtrack
// over the whole of a prose sentence before failing (19% of an FNC-1 build).
// Most of them contain a literal that every match must contain (`{`, `(@`,
// ` here`, `-->`), so a unit without it cannot match and is not tried — a
// proof, not a heuristic, so outputs do not change. The literals are read off
// the patterns themselves: chrome.csv stays the only place rules live.

/**
 * The literal strings every match of `pattern` contains, one list per
 * top-level alternative (a match contains all the strings of at least one
 * list), or null when some alternative has none or the pattern uses syntax
 * this reader does not know. Literals inside optional groups, lookarounds and
 * groups with alternatives are not counted.
 */
export function requiredLiterals(pattern: string): string[][] | null {
  let i = 0;
  let unsupported = false;
  /** Moves past the next `end` (a group name, a \p{…} or \u{…}); gives up on the pattern when there is none. */
  const skipPast = (end: string) => {
    const at = pattern.indexOf(end, i);
    if (at < 0) unsupported = true;
    i = at < 0 ? pattern.length : at + 1;
  };

  // Reads a sequence up to `)` or the end; returns the literal runs of each alternative.
  const alternatives = (): string[][] => {
    const branches: string[][] = [];
    let runs: string[] = [];
    let run = "";
    const flush = () => {
      if (run) runs.push(run);
      run = "";
    };
    while (i < pattern.length && !unsupported) {
      const c = pattern[i] ?? "";
      if (c === ")") break;
      if (c === "|") {
        flush();
        branches.push(runs);
        runs = [];
        i++;
        continue;
      }
      let literal: string | null = null;
      let inner: string[][] | null = null;
      if (c === "(") {
        i++;
        let zeroWidth = false;
        if (pattern.startsWith("?:", i)) i += 2;
        else if (/^\?<?[=!]/.test(pattern.slice(i, i + 3))) {
          zeroWidth = true;
          i += pattern[i + 1] === "<" ? 3 : 2;
        } else if (pattern.startsWith("?<", i)) skipPast(">");
        else if (pattern[i] === "?") unsupported = true;
        const groupBranches = alternatives();
        if (pattern[i] !== ")") unsupported = true;
        i++;
        inner = zeroWidth || groupBranches.length !== 1 ? [] : groupBranches;
      } else if (c === "[") {
        i++;
        while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
        i++;
      } else if (c === "\\") {
        const e = pattern[i + 1] ?? "";
        i += 2;
        if ("pPk".includes(e)) skipPast(e === "k" ? ">" : "}");
        else if (e === "u" && pattern[i] === "{") skipPast("}");
        else if (e === "u") i += 4;
        else if (e === "x") i += 2;
        else if (e === "c") i += 1;
        else if (/[1-9]/.test(e)) while (/[0-9]/.test(pattern[i] ?? "")) i++;
        else if (/[A-Za-z0-9]/.test(e)) {
          if (!"dDwWsSbBtnrfv0".includes(e)) unsupported = true;
        } else literal = e;
      } else if (c === "." || c === "^" || c === "$") i++;
      else if ("*+?{}]".includes(c)) unsupported = true;
      else {
        literal = c;
        i++;
      }
      // The quantifier after the atom: does the atom occur at least once?
      let min = 1;
      let quantified = false;
      const q = pattern[i];
      if (q === "?" || q === "*") {
        min = 0;
        quantified = true;
        i++;
      } else if (q === "+") {
        quantified = true;
        i++;
      } else if (q === "{") {
        const m = /^\{(\d+)(?:,\d*)?\}/.exec(pattern.slice(i));
        if (!m) unsupported = true;
        else {
          min = Number(m[1]);
          quantified = true;
          i += m[0].length;
        }
      }
      if (quantified && pattern[i] === "?") i++;
      if (literal !== null && min > 0) {
        run += literal;
        if (quantified) flush();
      } else {
        flush();
        if (inner && min > 0) for (const r of inner[0] ?? []) runs.push(r);
      }
    }
    flush();
    branches.push(runs);
    return branches;
  };

  const branches = alternatives();
  if (unsupported || i !== pattern.length || branches.some((b) => b.length === 0)) return null;
  return branches;
}

/** Cheap necessary condition for one regex row: some alternative's literals all occur in the unit. */
export interface ChromeGate {
  branches: readonly (readonly ((unit: string) => boolean)[])[];
}

/** The gate of a pattern compiled with `flags`, or null when it has none worth a search. */
export function chromeGate(pattern: string, flags: string): ChromeGate | null {
  const branches = requiredLiterals(pattern);
  // A space is in almost every sentence: no use as a gate.
  if (!branches || branches.some((runs) => runs.every((lit) => lit.trim() === ""))) return null;
  const contains = (lit: string) => {
    // No character case-folds to an ASCII non-letter, so `{`, `(@` or `-->` is a plain substring search either way.
    if (!flags.includes("i") || /^[\x00-\x40\x5b-\x60\x7b-\x7f]+$/.test(lit)) return (unit: string) => unit.includes(lit);
    // Otherwise the row's own flags, so the same case folding (/s/iu also matches ſ).
    const re = new RegExp(lit.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"), flags);
    return (unit: string) => re.test(unit);
  };
  return { branches: branches.map((runs) => runs.map(contains)) };
}

export function gateOpen(gate: ChromeGate, unit: string): boolean {
  return gate.branches.some((runs) => runs.every((contains) => contains(unit)));
}

/**
 * Whether a row is worth a gate: some alternative starts with `.` or a
 * character class, so it is tried at length on most units. A row that starts
 * with a literal fails at the first character and is cheaper left in the
 * combined alternation than searched for.
 */
export function startsWithClass(pattern: string): boolean {
  return pattern.split("|").some((branch) => /^(?:\(\?[:!=])*(?:\.|\[|\\[pPwWsSdD])/.test(branch));
}
