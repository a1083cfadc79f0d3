// The AllSides corpus (../shared/corpora/allsides/articles.jsonl.gz) as input
// documents with their outlet set, for the cleaning benchmark and the chrome
// model's training: read here with node:zlib (the build reads .gz inputs
// through src/extract/read.ts; this is only the experiments' own reader).
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { InputDocument } from "../extract/index.ts";
import { InputError } from "../errors.ts";

export const ALLSIDES_FILE = "allsides/articles.jsonl.gz";

/** An AllSides article as an input document, with its outlet (what the metadata flags put on a document). */
export type OutletDocument = InputDocument & { outlet: string; site: string };

/** An article's web site: the last two labels of its outlet_url's host (or its url's), as the gold files' split uses. */
export function siteOf(outletUrl: string | undefined, url: string | undefined): string {
  const raw = outletUrl ? `//${outletUrl}` : (url ?? "");
  const host = (/^(?:[a-z]+:)?\/\/([^/:?#]+)/i.exec(raw)?.[1] ?? "").toLowerCase();
  return host.split(".").slice(-2).join(".");
}

export async function* readAllSides(file: string): AsyncGenerator<OutletDocument> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; outlet: string; text: string; title?: string; outlet_url?: string; url?: string };
    yield { path: `articles.jsonl:${n}`, text: a.text, kind: "jsonl", docId: a.id, location: `${file}:line ${n}`,
      // The title field as --title-field title gives it (the text is not changed: its first line is the title on most pages).
      source: { outlet: a.outlet, published: null, title: typeof a.title === "string" && a.title.trim() ? a.title : null, url: null, date: null }, outlet: a.outlet, site: siteOf(a.outlet_url, a.url) };
  }
}

/** Hand-marked chrome of AllSides articles (data/gold/chrome-allsides-*.jsonl): start is a code-point offset into the article text. */
export interface ChromeGold {
  id: string;
  outlet: string;
  chrome: { text: string; start: number; kind?: string }[];
}

export function readChromeGold(file: string): ChromeGold[] {
  if (!existsSync(file)) return [];
  const out: ChromeGold[] = [];
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as ChromeGold);
    } catch {
      throw new InputError(`${file}:${i + 1}: not JSON`);
    }
  });
  return out;
}

/** Per code point of `text`: 1 where the gold marks chrome (a span whose text is not at its offset is found by search, nearest first). */
export function goldMask(text: string, gold: ChromeGold): Uint8Array {
  const cps = [...text];
  const mask = new Uint8Array(cps.length);
  for (const c of gold.chrome) {
    const len = [...c.text].length;
    let at = c.start;
    if (cps.slice(at, at + len).join("") !== c.text) {
      const idx = text.indexOf(c.text);
      if (idx < 0) continue;
      at = [...text.slice(0, idx)].length;
    }
    mask.fill(1, at, at + len);
  }
  return mask;
}
