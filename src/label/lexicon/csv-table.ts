// Reads one lexicon CSV (header row, papaparse) and validates every row with
// zod. A researcher edits these files by hand, so every problem is reported
// as `<file>:<line>: <what is wrong>` — the line of the row in the file, not
// the row index (blank lines, "#" comment lines and quoted newlines count).
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { z } from "zod";
import { InputError } from "../../errors.ts";

export interface CsvRow<T> {
  line: number;
  row: T;
}

function isSkippable(text: string, lineStart: number): { skip: boolean; next: number } {
  let nl = text.indexOf("\n", lineStart);
  if (nl < 0) nl = text.length;
  const line = text.slice(lineStart, nl).trim();
  return { skip: line === "" || line.startsWith("#"), next: nl + 1 };
}

/** Parses `text` (the contents of `file`) and validates each row against `schema`. */
export function parseCsvTable<S extends z.ZodType>(file: string, text: string, schema: S, columns: readonly string[]): CsvRow<z.infer<S>>[] {
  if (text.includes("\u0000")) throw new InputError(`${file}: binary file, expected CSV text`);
  const rows: CsvRow<z.infer<S>>[] = [];
  let cursor = 0;
  let line = 1;
  const advanceTo = (pos: number): void => {
    for (let k = cursor; k < pos && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
    cursor = Math.max(cursor, pos);
  };
  // The header is the first non-blank, non-comment line.
  for (let s = isSkippable(text, 0); s.skip && cursor < text.length; s = isSkippable(text, cursor)) advanceTo(s.next);
  const headerLine = line;
  let headerChecked = false;
  let pastHeader = false;
  let failure: InputError | null = null;
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    comments: "#",
    transformHeader: (h) => h.trim(),
    step: (result, parser) => {
      if (!headerChecked) {
        headerChecked = true;
        const fields = result.meta.fields ?? [];
        const missing = columns.filter((c) => !fields.includes(c));
        if (missing.length > 0) {
          failure = new InputError(`${file}:${headerLine}: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${columns.join(",")})`);
          parser.abort();
          return;
        }
      }
      // Find where this row starts: skip blank and comment lines after the previous row.
      if (!pastHeader) {
        pastHeader = true;
        advanceTo(isSkippable(text, cursor).next);
      }
      for (let s = isSkippable(text, cursor); s.skip && cursor < text.length; s = isSkippable(text, cursor)) advanceTo(s.next);
      const rowLine = line;
      advanceTo(result.meta.cursor);
      // A short row leaves trailing columns empty (zod then checks required ones).
      const err = result.errors.find((e) => e.code !== "TooFewFields");
      if (err) {
        failure = new InputError(`${file}:${rowLine}: ${err.message}`);
        parser.abort();
        return;
      }
      const raw: Record<string, string> = {};
      for (const c of columns) raw[c] = (result.data[c] ?? "").trim();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `column ${issue.path.join(".")}: ` : "";
        failure = new InputError(`${file}:${rowLine}: ${where}${issue?.message ?? "invalid row"}`);
        parser.abort();
        return;
      }
      rows.push({ line: rowLine, row: parsed.data });
    },
  });
  if (failure) throw failure;
  if (!headerChecked) throw new InputError(`${file}:1: empty lexicon file, expected a header row ${columns.join(",")}`);
  return rows;
}

export async function readCsvTable<S extends z.ZodType>(file: string, schema: S, columns: readonly string[]): Promise<CsvRow<z.infer<S>>[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === "ENOENT" ? "missing lexicon file" : `cannot read (${code ?? "error"})`}`);
  }
  return parseCsvTable(file, text.replace(/^\uFEFF/, ""), schema, columns);
}

/** One CSV field as written (RFC 4180: quoted when it holds a quote, comma or line break; quotes doubled). */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
