// A synthetic claim-record dataset from real sentences, for timing eval and
// the scikit-learn comparison before/independently of build-dataset:
// FNC-1 bodies split into sentences with a naive regex, labelled by trivial
// keyword rules (NOT the project's labeller), grouped by body into a
// deterministic 80/20 split. Writes <out>/train.jsonl and <out>/test.jsonl.
//   npx tsx bench/sklearn-compare.synth.ts --out /tmp/claimstance-synth [--corpus DIR]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { ClaimRecord } from "../src/schema.ts";

const { values } = parseArgs({
  options: { out: { type: "string" }, corpus: { type: "string" } },
});
const out = values.out ?? "/tmp/claimstance-synth";
const corpus = values.corpus ?? "../shared/corpora/fnc1";

const OPPOSE = /\b(den(y|ies|ied)|reject(s|ed)?|refuse[sd]?|false|hoax|fake|debunk(s|ed)?|not true|ruled out)\b/i;
const SUPPORT = /\b(confirm(s|ed)?|agree[sd]?|support(s|ed)?|welcome[sd]?|true|verified|backs?|endorse[sd]?)\b/i;
const TARGET = /\b(report|claim|story|rumou?r|video|photo|statement|news|allegation|official|police|government|image|account)s?\b/i;
const HEDGE = /\b(reportedly|allegedly|claimed|could|might|possibly|apparently|likely|perhaps|rumou?red)\b/i;

function cpLen(s: string): number {
  return [...s].length;
}

const files = ["train_bodies.csv", "competition_test_bodies.csv"];
const train: string[] = [];
const test: string[] = [];
for (const name of files) {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(corpus, name), "utf8"), { header: true, skipEmptyLines: true });
  for (const row of parsed.data) {
    const id = row["Body ID"] ?? "";
    const body = row["articleBody"] ?? "";
    const docId = `${name.replace(".csv", "")}:${id}`;
    const toTest = createHash("sha256").update(docId).digest()[0]! < 256 * 0.2;
    let idx = 0;
    for (const m of body.matchAll(/[^.!?\n]+[.!?]*/g)) {
      const raw = m[0];
      const text = raw.trim();
      if (cpLen(text) < 3) continue;
      const startCu = m.index + raw.indexOf(text);
      const start = cpLen(body.slice(0, startCu));
      const target = TARGET.test(text) ? "claim" : null;
      const stance = target === null ? "neutral" : OPPOSE.test(text) ? "oppose" : SUPPORT.test(text) ? "support" : "neutral";
      const h = HEDGE.exec(text);
      const hedges = h ? [{ cue: h[0], type: "speculative" as const, start: cpLen(text.slice(0, h.index)), end: cpLen(text.slice(0, h.index)) + cpLen(h[0]) }] : [];
      const recId = createHash("sha256").update(`${docId}:${idx}`).digest("hex").slice(0, 16);
      const rec = {
        id: recId,
        doc_id: docId,
        source: { path: `${name}:${id}`, outlet: null, published: null },
        sentence_index: idx,
        start,
        end: start + cpLen(text),
        text,
        actor: null,
        cue: null,
        target,
        stance,
        hedges,
        hedged: hedges.length > 0,
        rules: ["synthetic-keyword"],
        evidence: { actor: null, cue: null, target: null, stance: null },
        dup_group: recId,
        split: toTest ? "test" : "train",
      };
      ClaimRecord.parse(rec);
      (toTest ? test : train).push(JSON.stringify(rec));
      idx++;
    }
  }
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "train.jsonl"), train.join("\n") + "\n");
writeFileSync(join(out, "test.jsonl"), test.join("\n") + "\n");
console.log(`wrote ${out}: train ${train.length}, test ${test.length}`);
