// End to end on the seed articles: the build-dataset contract of the spec.
import test from "ava";
import { Ajv2020 } from "ajv/dist/2020.js";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDataset, type BuildOptions } from "../../src/dataset/build.ts";
import { isNearDuplicate } from "../../src/shingles.ts";
import { words } from "../../src/tokens.ts";
import { OUTPUT_FILES } from "../hostile/helpers.ts";

const SEEDS = new URL("../../seeds/", import.meta.url).pathname;

async function build(out: string, extra: Partial<BuildOptions> = {}) {
  return buildDataset({ inputs: [SEEDS], out, seed: 13, testRatio: 0.2, read: {}, command: "test", ...extra });
}

interface Rec {
  id: string;
  doc_id: string;
  source: { path: string };
  start: number;
  end: number;
  text: string;
  split: string;
  dup_group: string;
  [k: string]: unknown;
}

const lines = (s: string) => s.split("\n").filter((l) => l.length > 0);
let outA = "";
let outB = "";
let records: Rec[] = [];

test.before(async () => {
  outA = await mkdtemp(join(tmpdir(), "cs-build-a-"));
  outB = await mkdtemp(join(tmpdir(), "cs-build-b-"));
  await build(outA);
  await build(outB);
  for (const f of ["train.jsonl", "test.jsonl"]) records.push(...lines(await readFile(join(outA, f), "utf8")).map((l) => JSON.parse(l) as Rec));
});

test("two builds of the same input are byte-identical, every output file", async (t) => {
  const files = (await readdir(outA)).sort();
  t.deepEqual(files, [...OUTPUT_FILES]);
  for (const f of files) t.true((await readFile(join(outA, f))).equals(await readFile(join(outB, f))), f);
});

test("every record's offsets slice its text out of the source document, in code points", async (t) => {
  const docs = new Map<string, string[]>();
  for (const r of records) {
    let cps = docs.get(r.source.path);
    if (!cps) docs.set(r.source.path, (cps = [...(await readFile(join(SEEDS, r.source.path), "utf8")).replace(/^\uFEFF/, "")]));
    t.is(cps.slice(r.start, r.end).join(""), r.text, r.id);
  }
  t.true(records.length > 300);
});

test("every line validates against the generated JSON Schema", async (t) => {
  const schema = JSON.parse(await readFile(join(outA, "claim-record.schema.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  for (const r of records) t.true(validate(r), `${r.id}: ${JSON.stringify(validate.errors)}`);
  // And the schema rejects what the contract forbids.
  t.false(validate({ ...records[0], stance: "maybe" }));
  t.false(validate({ ...records[0], actor: undefined }));
});

test("columns are type-stable across rows (pyarrow rejects a column that changes type)", (t) => {
  const kinds = new Map<string, Set<string>>();
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  for (const r of records)
    for (const [k, v] of Object.entries(r)) {
      const s = kinds.get(k) ?? new Set();
      s.add(kind(v));
      kinds.set(k, s);
    }
  for (const [k, s] of kinds) {
    const nonNull = [...s].filter((x) => x !== "null");
    t.true(nonNull.length <= 1, `${k}: ${[...s].join(",")}`);
  }
  t.is(kinds.size, 21);
});

test("no page chrome in any record", (t) => {
  const chrome = ["share this story", "Dear readers", "READ MORE", "Read more", "©", "Home World News", "LEGAL WARNING", "(ILKHA)", "commenting policy", "Author:", "18 Aug, 2025", "Follow RT"];
  for (const r of records) for (const c of chrome) t.false(r.text.includes(c), `${r.id} contains ${c}`);
});

test("the seeds' hard cases are each one record, intact", (t) => {
  const texts = new Set(records.map((r) => r.text));
  for (const s of [
    "“President Putin agreed that Russia would accept security guarantees for Ukraine,” Trump said, without elaborating.",
    "“This is one of the key points that we need to consider.",
    "We are going to be considering that at the table also, like who would do what.”",
    "Trump, who has repeatedly claimed he could resolve the conflict “in a single day,” reportedly set a Monday deadline for Putin’s response to a U.S.-brokered peace framework.",
    "If the Russian chief does not agree, “it will again show that President Putin played President Trump,” said Macron.",
    "Putin hints at progress with Trump on ending Ukraine war",
    "Now in its fourth year, the war in Ukraine continues to exact a heavy civilian and economic toll.",
  ])
    t.true(texts.has(s), s);
});

test("no article and no near-duplicate pair is on both sides of the split", (t) => {
  const side = new Map<string, string>();
  for (const r of records) {
    t.is(side.get(r.doc_id) ?? r.split, r.split, r.doc_id);
    side.set(r.doc_id, r.split);
  }
  const train = records.filter((r) => r.split === "train").map((r) => words(r.text));
  const testSide = records.filter((r) => r.split === "test");
  t.true(testSide.length > 0);
  for (const r of testSide) {
    const w = words(r.text);
    t.false(train.some((x) => isNearDuplicate(w, x)), r.id);
  }
  const n = records.length;
  t.true(Math.abs(testSide.length / n - 0.2) < 0.05, `test share ${testSide.length / n}`);
});

test("ids are unique and dup_group names the first record of its cluster", (t) => {
  const ids = new Set(records.map((r) => r.id));
  t.is(ids.size, records.length);
  for (const r of records) t.true(ids.has(r.dup_group));
  // 002 repeats whole articles: their sentences share the first copy's dup_group.
  const repeated = records.filter((r) => r.text.startsWith("US President Donald Trump has said he is not worried about China-Russia ties"));
  t.true(repeated.length >= 2);
  t.is(new Set(repeated.map((r) => r.dup_group)).size, 1);
});
