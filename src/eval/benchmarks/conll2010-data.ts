// CoNLL-2010 Wikipedia uncertainty sentences (`text,label`, one sentence a
// row, label 1 = uncertain): a streamed papaparse reader that stops at the
// first bad row with `<file>:row <n>: <what>`, and the undoing of the corpus's
// Penn-Treebank tokenisation so the lexicons' phrases match.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import Papa from "papaparse";
import { InputError } from "../../errors.ts";

export interface UncertaintyRow {
  /** 1-based data row (header not counted). */
  row: number;
  /** The sentence as the corpus gives it, trimmed; "" for the corpus's empty rows (kept: they count as certain sentences). */
  raw: string;
  /** `raw` with the tokenisation undone (normaliseConll). */
  text: string;
  uncertain: boolean;
}

const BRACKETS: Readonly<Record<string, string>> = { "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}" };

/**
 * Penn-Treebank escapes back to text: -LRB- → "(", `` → “, '' → ”, and the split-off "n't" and "'s" rejoined
 * ("did n't" → "didn't"), since the lexicons are written for running text. Only the benchmark reader does this:
 * the report prints cues, not spans, so no offsets need mapping back to the raw row.
 */
export function normaliseConll(raw: string): string {
  return raw
    .replace(/-[LR][RSC]B-/g, (m) => BRACKETS[m] ?? m)
    .replace(/``\s*/g, "“")
    .replace(/\s*''/g, "”")
    .replace(/(\w) (n't|'s|'re|'ve|'ll|'d|'m)\b/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

type Row = Record<string, string | undefined> & { __parsed_extra?: unknown[] };

/** Every row of the CSV, in order. Throws InputError naming the file (and row) on anything malformed. */
export async function readUncertaintyCsv(file: string): Promise<UncertaintyRow[]> {
  try {
    if ((await stat(file)).isDirectory()) throw new InputError(`${file}: is a directory, expected a CSV file`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: no such file`);
  }
  const rows: UncertaintyRow[] = [];
  let failure: InputError | null = null;
  await new Promise<void>((resolve) => {
    Papa.parse<Row>(createReadStream(file, { encoding: "utf8" }), {
      header: true,
      skipEmptyLines: true,
      delimiter: ",",
      step(result, p) {
        const n = rows.length + 1;
        const fail = (what: string): void => {
          failure ??= new InputError(`${file}:row ${n}: ${what}`);
          p.abort();
        };
        const fields = result.meta.fields ?? [];
        if (n === 1 && (!fields.includes("text") || !fields.includes("label"))) return fail(`expected columns text,label (found ${fields.join(",") || "none"})`);
        const bad = result.errors.find((e) => e.type !== "FieldMismatch" || e.code === "TooManyFields" || e.code === "TooFewFields");
        if (bad) return fail(bad.message);
        const r = result.data;
        const raw = (r.text ?? "").trim();
        if (r.label !== "0" && r.label !== "1") return fail(`label must be 0 or 1, found ${JSON.stringify(r.label ?? "")}`);
        rows.push({ row: n, raw, text: normaliseConll(raw), uncertain: r.label === "1" });
      },
      complete: () => resolve(),
      error(err: Error) {
        failure ??= new InputError(`${file}: cannot read (${err.message})`);
        resolve();
      },
    });
  });
  if (failure) throw failure;
  if (rows.length === 0) throw new InputError(`${file}: no data rows`);
  return rows;
}
