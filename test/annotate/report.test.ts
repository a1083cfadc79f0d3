// annotate report on real records (data/): an annotator who changes one
// stance and removes one actor gives exactly those errors, filed under the
// rules that voted on the fields; `benchmark gold --dir` reads imported files.
import test from "ava";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { goldFiles } from "../../src/annotate/gold.ts";
import { labelsOfRecord, type ItemLabels } from "../../src/annotate/item.ts";
import { buildReport } from "../../src/annotate/report.ts";
import { datasetFiles, drawSample, readRecords } from "../../src/annotate/sample.ts";
import { gold as goldBenchmark } from "../../src/eval/benchmarks/gold.ts";

const records = await readRecords(datasetFiles("data"));
const sample = drawSample(records, { n: 20, seed: 5, context: 1, informative: false });
const stanced = sample.find((it) => it.record.stance !== "neutral" && it.record.rules.some((r) => r.startsWith("stance.")))!;
const attributed = sample.find((it) => it.record.actor !== null && it.record.content === null && it.record.rules.some((r) => r.startsWith("actor.")))
  ?? sample.find((it) => it.record.actor !== null && it !== stanced)!;

function annotator(): Map<string, ItemLabels> {
  const m = new Map(sample.map((it) => [it.id, labelsOfRecord(it.record)]));
  m.get(stanced.id)!.stance = "neutral";
  const a = m.get(attributed.id)!;
  Object.assign(a, { actor: null, actor_span: null, content: null, cue: null, cue_span: null });
  return m;
}

test("report: per-field accuracy, per-rule accuracy and errors by rule follow the annotator's edits", async (t) => {
  const r = await buildReport(sample, new Map([["ann", annotator()]]), { predictions: [], seed: 13, resamples: 100, command: "test" });
  const rows = r.json.annotators[0]!.systems[0]!.rows;
  const row = (m: string) => rows.find((x) => x.metric === m)!.figure;
  t.is(row("stance accuracy").value, 19 / 20);
  t.is(row("actor accuracy").value, 19 / 20);
  t.is(row("hedged accuracy").value, 1);
  t.true(row("stance accuracy").ci![0] < 19 / 20 && row("stance accuracy").ci![1] === 1);
  const stanceRules = [...new Set(stanced.record.rules.filter((x) => x.startsWith("stance.")))];
  const errors = r.json.annotators[0]!.errors;
  for (const rule of stanceRules) {
    t.true(errors.find((e) => e.rule === rule)!.items.some((it) => it.id === stanced.id && it.wrong.stance !== undefined), rule);
    const rr = r.json.annotators[0]!.rules.find((x) => x.rule === rule)!;
    t.is(rr.items - rr.correct, 1, rule);
  }
  const actorRules = attributed.record.rules.filter((x) => x.startsWith("actor.") || x.startsWith("resolve."));
  t.true(actorRules.every((rule) => errors.find((e) => e.rule === rule)!.items.some((it) => it.id === attributed.id)));
  t.regex(r.markdown, /^## Against ann \(20 items\)$/m);
  t.regex(r.html, /<h3>Per rule \(rule labeller\)<\/h3>/);
});

test("benchmark gold --dir reads the files annotate import writes (one row per annotator)", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-annotate-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const gold = join(dir, "gold");
  await mkdir(join(gold, "spans"), { recursive: true });
  for (const [name, labels] of [["ann", annotator()], ["same", new Map(sample.map((it) => [it.id, labelsOfRecord(it.record)]))]] as const) {
    const [g, s] = goldFiles(name, sample, labels);
    await writeFile(join(gold, `${name}.jsonl`), g);
    await writeFile(join(gold, "spans", `${name}.jsonl`), s);
  }
  const out = join(dir, "bench");
  const result = await goldBenchmark.run({ argv: ["--dir", gold, "--input", "seeds", "--corpora", dir], outDir: out });
  const fig = (metric: string, split: string) => result.figures.find((f) => f.metric === metric && f.split === split)!.value;
  t.is(fig("actor accuracy", "same.jsonl"), 1);
  t.is(fig("actor accuracy", "ann.jsonl"), 0.95);
  t.regex(await readFile(join(out, "gold.md"), "utf8"), /\| ann\.jsonl \| 20 \|/);
});
