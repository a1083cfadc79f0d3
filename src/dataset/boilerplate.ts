// The boilerplate pre-pass of a build (rule: src/extract/cleaning.ts): one
// read of every input before the per-document work, counting in how many
// documents each line unit occurs. It keeps a 53-bit hash and a count per
// distinct unit (KeyIntMap: typed arrays, no 2^24-entry limit of a Map) and
// one hash per unit of each document, so 100k articles fit easily. It reads
// the inputs in input order in the main process, so the set is the same for
// any --workers.
import { readInputs, type InputDocument, type ReadOptions, type SkippedInput } from "../extract/index.ts";
import {
  BOILERPLATE_MIN_DOCS, lineUnits, resolveCleaning, unitHash, type CleaningOptions, type CleaningSpec,
} from "../extract/cleaning.ts";
import { KeyIntMap } from "./u32-map.ts";
import { OUTLET_MIN_DOCS, OutletTemplateCounter } from "../extract/cleaning/templates.ts";

/** Other repeated lines a document must share for a unit in it to count as part of a copied story. */
export const COPY_SHARED = 4;

export const QUOTE_OR_REPORT = /["“”«»]|\b(?:said|says|say|told|tells|according|stated|states|added|asked|claimed|claims|announced|insisted|noted|wrote|writes)\b/i;

/** Hash of every distinct line unit of a document, with the unit (for the quote test). */
export function documentUnits(text: string): Map<number, [number, number]> {
  const units = new Map<number, [number, number]>();
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    for (const [a, b] of lineUnits(text, pos, nl)) {
      const h = unitHash(text, a, b);
      if (h >= 0 && !units.has(h)) units.set(h, [a, b]);
    }
    pos = nl + 1;
  }
  return units;
}

/** What the pre-pass also collects for issue 20's cleaning: per-outlet templates, units in two or more documents. */
export interface PrepassExtras {
  templates?: OutletTemplateCounter;
  repeated?: number[];
  /** Sees each document's text (the default-topics fit test, src/dataset/topic-fit.ts). */
  visit?: (text: string) => void;
}

/** The boilerplate line units of a corpus (the rule: src/extract/cleaning.ts), as sorted hashes. */
export async function findBoilerplate(inputs: string[], read: ReadOptions, minDocs: number, extras: PrepassExtras = {}): Promise<number[]> {
  if (minDocs <= 0 && !extras.templates && !extras.repeated && !extras.visit) return [];
  return countBoilerplate(readInputs(inputs, read), minDocs, extras);
}

/** findBoilerplate over documents already read (the benchmarks' AllSides documents, which carry their outlet). */
export async function countBoilerplate(docs: AsyncIterable<InputDocument | SkippedInput> | Iterable<InputDocument>, minDocs: number, extras: PrepassExtras = {}): Promise<number[]> {
  const counts = new KeyIntMap();
  const docHashes: Float64Array[] = [];
  const claimLike = new Set<number>();
  for await (const doc of docs) {
    if ("reason" in doc) continue;
    extras.visit?.(doc.text);
    extras.templates?.add(doc.source?.outlet, doc.text);
    const units = documentUnits(doc.text);
    const hashes = new Float64Array(units.size);
    let i = 0;
    for (const [h, [a, b]] of units) {
      hashes[i++] = h;
      const n = Math.max(0, counts.get(h)) + 1;
      counts.set(h, n);
      // The quote test needs the text: done once, when the unit reaches the threshold.
      if (n === minDocs && QUOTE_OR_REPORT.test(doc.text.slice(a, b))) claimLike.add(h);
    }
    docHashes.push(hashes);
  }
  if (extras.repeated) {
    // Repeated furniture, not copied stories: units of documents that share fewer than COPY_SHARED other repeated lines.
    const seen = new Set<number>();
    for (const hashes of docHashes) {
      let shared = 0;
      for (const h of hashes) if (counts.get(h) >= 2) shared++;
      if (shared - 1 < COPY_SHARED) for (const h of hashes) if (counts.get(h) >= 2) seen.add(h);
    }
    for (const h of [...seen].sort((a, b) => a - b)) extras.repeated.push(h);
  }
  if (minDocs <= 0) return [];
  const copyLike = new Map<number, number>();
  for (const hashes of docHashes) {
    let shared = 0;
    for (const h of hashes) if (counts.get(h) >= 2) shared++;
    for (const h of hashes) {
      if (counts.get(h) < minDocs || claimLike.has(h)) continue;
      if (shared - 1 >= COPY_SHARED) copyLike.set(h, (copyLike.get(h) ?? 0) + 1);
      else copyLike.set(h, copyLike.get(h) ?? 0);
    }
  }
  const out: number[] = [];
  for (const [h, copies] of copyLike) if (copies * 2 < counts.get(h)) out.push(h);
  return out.sort((a, b) => a - b);
}

/** The cleaning spec of a run: the boilerplate pre-pass over the inputs (`visit` sees each document's text too), then plain data for every worker. */
export async function prepareCleaning(inputs: string[], read: ReadOptions, opts: CleaningOptions = {}, visit?: (text: string) => void): Promise<CleaningSpec> {
  return cleaningSpec((minDocs, extras) => findBoilerplate(inputs, read, minDocs, visit ? { ...extras, visit } : extras), opts);
}

/** prepareCleaning over documents already read. */
export async function prepareCleaningFromDocs(docs: Iterable<InputDocument>, opts: CleaningOptions = {}): Promise<CleaningSpec> {
  return cleaningSpec((minDocs, extras) => countBoilerplate(docs, minDocs, extras), opts);
}

async function cleaningSpec(count: (minDocs: number, extras: PrepassExtras) => Promise<number[]>, opts: CleaningOptions): Promise<CleaningSpec> {
  const learned = opts.learned ?? true;
  const outletMinDocs = opts.outletMinDocs ?? OUTLET_MIN_DOCS;
  const extras: PrepassExtras = learned ? { repeated: [], ...(outletMinDocs > 0 ? { templates: new OutletTemplateCounter() } : {}) } : {};
  const spec: CleaningSpec = {
    boilerplate: await count(opts.boilerplateMinDocs ?? BOILERPLATE_MIN_DOCS, extras),
    keep: [...(opts.keepChrome ?? [])].sort(),
  };
  if (!learned) spec.learned = false;
  if (extras.templates) spec.templates = extras.templates.templates(outletMinDocs);
  if (extras.repeated) spec.repeated = extras.repeated;
  if (opts.lexicons !== undefined) spec.lexicons = opts.lexicons;
  resolveCleaning(spec); // a bad chrome.csv fails here, before any work
  return spec;
}
