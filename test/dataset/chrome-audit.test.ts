// chrome.jsonl, the chrome counts of the summary and card, and the cleaning
// flags of build-dataset, on PolNeAR dev (read from ../shared/corpora).
import test from "ava";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataset, type BuildOptions } from "../../src/dataset/build.ts";
import { runCli, tempDir } from "../hostile/helpers.ts";
import { ChromeAudit } from "../../src/dataset/chrome-audit.ts";

const POLNEAR_DEV = fileURLToPath(new URL("../../../shared/corpora/polnear/dev/text", import.meta.url));
const corpusTest = existsSync(POLNEAR_DEV) ? test : test.skip;

interface AuditLine {
  text: string;
  category: string;
  count: number;
  examples: { location: string; start: number; end: number }[];
}

const build = (out: string, extra: Partial<BuildOptions> = {}) =>
  buildDataset({ inputs: [POLNEAR_DEV], out, seed: 13, testRatio: 0.2, read: {}, gold: null, command: "test", ...extra });

const readAudit = async (out: string): Promise<AuditLine[]> =>
  (await readFile(join(out, "chrome.jsonl"), "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as AuditLine);

corpusTest("chrome.jsonl lists every dropped piece with its count and places; the summary and card count the same per category", async (t) => {
  const out = await tempDir(t, "audit");
  const summary = await build(out);
  const audit = await readAudit(out);
  t.true(audit.length > 5);
  const byCategory: Record<string, number> = {};
  for (const a of audit) {
    t.true(a.count >= 1 && a.examples.length >= 1 && a.examples.length <= Math.min(3, a.count));
    byCategory[a.category] = (byCategory[a.category] ?? 0) + a.count;
    for (const e of a.examples) {
      // The example's offsets give the dropped text back out of the document.
      const cps = [...(await readFile(e.location, "utf8"))];
      t.is(cps.slice(e.start, e.end).join("").trim().replace(/\s+/g, " ").slice(0, 300), a.text);
    }
  }
  t.deepEqual(byCategory, summary.chrome);
  t.true((summary.chrome.section_label ?? 0) > 0, "PolNeAR dev's ABSTRACT. / FULL TEXT. labels");
  // Sorted by category, then count (most first): the file does not depend on arrival order.
  const keys = audit.map((a) => a.category);
  t.deepEqual(keys, [...keys].sort());
  const card = await readFile(join(out, "dataset-card.md"), "utf8");
  for (const [k, v] of Object.entries(summary.chrome)) t.true(card.includes(`| ${k} | ${v} |`), k);
  t.true(card.includes("chrome.jsonl"));
  // Headline records: the title lines of each PolNeAR article (an NYT title and its subtitle), before any body
  // record, or a later sub-heading, which has no final punctuation.
  const records = (await readFile(join(out, "train.jsonl"), "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { doc_id: string; kind: string; sentence_index: number; text: string });
  t.true(records.filter((r) => r.kind === "headline" && r.sentence_index === 0).length > 50);
  const firstBody = new Map<string, number>();
  for (const r of records) if (r.kind === "body") firstBody.set(r.doc_id, Math.min(firstBody.get(r.doc_id) ?? Infinity, r.sentence_index));
  const lateTitled = records.filter((r) => r.kind === "headline" && r.sentence_index > (firstBody.get(r.doc_id) ?? Infinity));
  t.true(lateTitled.length > 0 && lateTitled.every((r) => !/[.!?…:;][”’"')\]]*$/.test(r.text)));
});

corpusTest("--keep-chrome keeps a category: nothing of it is dropped or listed", async (t) => {
  const out = await tempDir(t, "audit-keep");
  const summary = await build(out, { cleaning: { keepChrome: ["section_label", "markup"] } });
  t.is(summary.chrome.section_label, undefined);
  t.is(summary.chrome.markup, undefined);
  t.false((await readAudit(out)).some((a) => a.category === "section_label" || a.category === "markup"));
  const train = await readFile(join(out, "train.jsonl"), "utf8");
  const test_ = await readFile(join(out, "test.jsonl"), "utf8");
  t.true(`${train}${test_}`.includes('"text":"FULL TEXT."') || `${train}${test_}`.includes('"text":"ABSTRACT."'));
});

test("an unknown --keep-chrome category or a bad --boilerplate-min-docs is one line, exit 2", async (t) => {
  const out = await tempDir(t, "audit-flags");
  const bad = await runCli(["--keep-chrome", "byline,adverts", "--out", out]);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /^build-dataset: --keep-chrome: unknown category "adverts" \(known: .*\)\n$/);
  const neg = await runCli(["--boilerplate-min-docs", "2.5", "--out", out]);
  t.is(neg.code, 2);
  t.regex(neg.stderr, /^build-dataset: --boilerplate-min-docs: invalid value "2.5"\n$/);
});

test("a segment-model drop keeps its score in chrome.jsonl (the highest of its repeats)", (t) => {
  const audit = new ChromeAudit();
  audit.add("a.csv:1", [{ text: "Uploaded By: JoshPalerLin", category: "model", start: 0, end: 25, score: 0.97 }]);
  audit.add("b.csv:2", [{ text: "Uploaded By: JoshPalerLin", category: "model", start: 5, end: 30, score: 0.99 }]);
  audit.add("b.csv:2", [{ text: "ADVERTISEMENT", category: "advert", start: 40, end: 53 }]);
  const rows = audit.jsonl().trim().split("\n").map((l) => JSON.parse(l) as { category: string; count: number; score?: number });
  t.deepEqual(rows.map((r) => [r.category, r.count, r.score]), [["advert", 1, undefined], ["model", 2, 0.99]]);
});
