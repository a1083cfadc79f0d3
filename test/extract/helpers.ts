// Shared helpers for the extract tests (not a test file: AVA runs *.test.ts only).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutionContext } from "ava";
import { extractArticles, readInputs, type ExtractResult, type InputDocument, type ReadOptions, type SkippedInput } from "../../src/extract/index.ts";

export const SEEDS_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));

/** A fresh temp folder, removed when the test ends (fixtures never go into the repo). */
export async function tempDir(t: ExecutionContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-extract-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function collect(inputs: string[], opts: ReadOptions = {}): Promise<Array<InputDocument | SkippedInput>> {
  const out: Array<InputDocument | SkippedInput> = [];
  for await (const item of readInputs(inputs, opts)) out.push(item);
  return out;
}

/** Extracts an in-memory text; "csv" kind keeps it one article (no page splitting). */
export function extractText(text: string, kind: "txt" | "csv" = "csv"): ExtractResult {
  return extractArticles({ path: kind === "txt" ? "doc.txt" : "doc.csv:1", text, kind, docId: kind === "txt" ? undefined : "1", location: "doc" });
}

export function sentenceTexts(text: string, kind: "txt" | "csv" = "csv"): string[] {
  return extractText(text, kind).articles.flatMap((a) => a.sentences.map((s) => s.text));
}

/** Every sentence's [start, end) in code points must slice its text out of the document. */
export function assertOffsetsRoundTrip(t: ExecutionContext, docText: string, result: ExtractResult): void {
  const codePoints = [...docText];
  let checked = 0;
  for (const a of result.articles) {
    for (const s of a.sentences) {
      if (codePoints.slice(s.start, s.end).join("") !== s.text) t.fail(`offsets [${s.start}, ${s.end}) do not give ${JSON.stringify(s.text)}`);
      checked++;
    }
  }
  t.true(checked > 0, "no sentence to check");
}
