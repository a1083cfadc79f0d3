// Which of the attribution tagger's cues the labeller takes (data/lexicons/cue-classes.csv). PolNeAR, the
// tagger's training data, also annotates actions ("ordered", "met", "made the remarks", "declined to comment");
// the project's contract counts statements, internal states and evidence only. A tagger cue is not taken when
// one of its words is of a class that does not count (counts=no) or when all its words are of a class that does
// not count alone (counts=weak: auxiliaries, prepositions); otherwise it is (listed statement, cognition and
// evidence words, and the long tail of unlisted words PolNeAR's cues are made of).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { InputError } from "../../errors.ts";
import { parseCsvTable } from "./csv-table.ts";
import type { Tok } from "../tokens/tokenize.ts";

export const DEFAULT_CUE_CLASSES_PATH = fileURLToPath(new URL("../../../data/lexicons/cue-classes.csv", import.meta.url));

const Row = z.object({ cue: z.string().min(1), class: z.string().regex(/^[a-z]+$/), counts: z.enum(["yes", "no", "weak"]) });

export type Counts = "yes" | "no" | "weak";

/** Word (lower-cased) → whether its class counts as an attribution. */
export type CueClasses = ReadonlyMap<string, Counts>;

export function loadCueClasses(path: string = DEFAULT_CUE_CLASSES_PATH): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const classCounts = new Map<string, Counts>();
  for (const { line, row } of parseCsvTable(path, readFileSync(path, "utf8"), Row, ["cue", "class", "counts"])) {
    const counts = row.counts;
    // The column is per class: one class cannot count on one line and not on another.
    if (classCounts.has(row.class) && classCounts.get(row.class) !== counts) throw new InputError(`${path}:${line}: class ${row.class} has counts=${row.counts} here and the opposite above`);
    if (out.has(row.cue)) throw new InputError(`${path}:${line}: duplicate cue ${row.cue}`);
    classCounts.set(row.class, counts);
    out.set(row.cue, counts);
  }
  return out;
}

let cached: Map<string, Counts> | null = null;

/** The committed cue classes, read once per process. */
export function cueClasses(): CueClasses {
  return (cached ??= loadCueClasses());
}

/** Whether the cue run toks[start, end) is one the contract counts (see the file header). */
export function cueCounts(classes: CueClasses, toks: readonly Tok[], start: number, end: number): boolean {
  let counts = false;
  for (let k = start; k < end; k++) {
    const c = classes.get(toks[k]!.low);
    if (c === "no") return false;
    if (c !== "weak" && (c === "yes" || toks[k]!.kind === "word")) counts = true;
  }
  return counts;
}
