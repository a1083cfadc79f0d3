// The annotation round trip on the committed dataset (data/train.jsonl,
// data/test.jsonl): a sample exported with the labeller's labels pre-filled
// and imported back unchanged gives the labeller's labels item for item
// (Label Studio JSON and brat), and an edited export imports as exactly the
// edits (stance changed, span moved, hedge deleted, actor added).
import test from "ava";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bratFiles, bratName } from "../../src/annotate/export/brat.ts";
import { LsImportTask, LsExport, labelStudioConfig, labelStudioTasks, resultToLabels, checkConfig, checkTasks, type LsResult } from "../../src/annotate/export/labelstudio.ts";
import { goldFiles, readGoldDir } from "../../src/annotate/gold.ts";
import { importBrat, importLabelStudio, type Annotations } from "../../src/annotate/import.ts";
import { cps, labelsOfRecord, sortHedges, type ItemLabels, type SampleItem } from "../../src/annotate/item.ts";
import { conflictRatesOf, datasetFiles, drawSample, readRecords, signalsOf } from "../../src/annotate/sample.ts";
import { jaccard, NEAR_DUP_THRESHOLD, shingles } from "../../src/shingles.ts";
import { parseBrat } from "../../src/eval/benchmarks/brat.ts";
import { parseGold } from "../../src/label/index.ts";

const records = await readRecords(datasetFiles("data"));
const sample = drawSample(records, { n: 60, seed: 13, context: 2, informative: true });
const labelsOf = (it: SampleItem) => labelsOfRecord(it.record);
const expected = () => new Map(sample.map((it) => [it.id, labelsOf(it)]));

async function tempDir(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-annotate-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** What Label Studio's JSON export holds after annotators submitted the pre-annotations (edited by `edit`). */
function lsExport(completedBy: number[], edit: (it: SampleItem, result: LsResult[]) => LsResult[] = (_, r) => r) {
  return labelStudioTasks(sample, labelsOf).map((task, i) => ({
    id: 500 + i,
    data: task.data,
    annotations: completedBy.map((c, k) => ({ id: 9000 + i * 10 + k, completed_by: c, result: edit(sample[i]!, structuredClone(task.predictions![0]!.result)), was_cancelled: false, ground_truth: false, lead_time: 3.5 })),
    predictions: [],
  }));
}

async function importLs(t: { teardown(fn: () => Promise<void>): void }, json: unknown): Promise<Annotations> {
  const file = join(await tempDir(t), "export.json");
  await writeFile(file, JSON.stringify(json));
  const out: Annotations = new Map();
  await importLabelStudio(file, sample, out);
  return out;
}

// Items the edits apply to, chosen by what they carry.
const withStance = sample.find((it) => it.record.stance !== "neutral")!;
const withContent = sample.find((it) => it.record.content !== null && it.record.content.start > 0 && it !== withStance)!;
const withHedge = sample.find((it) => it.record.hedges.length > 0 && it !== withStance && it !== withContent)!;
const noActor = sample.find((it) => it.record.actor === null && cps(it.record.text).length > 12)!;
const newStance = withStance.record.stance === "support" ? "oppose" : "support";
const firstWord = (text: string) => {
  const m = /^\S+/u.exec(text)!;
  return { start: 0, end: cps(m[0]).length, text: m[0] };
};

/** The labeller's labels with exactly the four edits. */
function editedExpectation(): Map<string, ItemLabels> {
  const e = expected();
  e.get(withStance.id)!.stance = newStance;
  const c = e.get(withContent.id)!;
  c.content = { start: c.content!.start - 1, end: c.content!.end };
  const h = e.get(withHedge.id)!;
  h.hedges = h.hedges.slice(1);
  const a = e.get(noActor.id)!;
  const w = firstWord(noActor.record.text);
  a.actor = { name: "Added Actor", type: "person", affiliation: null };
  a.actor_span = { start: w.start, end: w.end };
  return e;
}

test("the sample is stratified, deterministic, free of near-duplicates and carries context", (t) => {
  t.is(sample.length, 60);
  const again = drawSample([...records].reverse(), { n: 60, seed: 13, context: 2, informative: true });
  t.deepEqual(again, sample, "record order does not matter");
  t.notDeepEqual(drawSample(records, { n: 60, seed: 14, context: 2, informative: false }).map((it) => it.id), sample.map((it) => it.id));
  t.is(new Set(sample.map((it) => it.record.dup_group)).size, sample.length);
  const sh = sample.map((it) => shingles(it.record.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ")));
  for (let i = 0; i < sh.length; i++) for (let j = i + 1; j < sh.length; j++) t.true(jaccard(sh[i]!, sh[j]!) < NEAR_DUP_THRESHOLD, `${sample[i]!.id} ~ ${sample[j]!.id}`);
  for (const cls of ["support", "oppose", "neutral"]) t.true(sample.some((it) => it.record.stance === cls), cls);
  for (const type of ["speculative", "distancing", "unconfirmed"]) t.true(sample.some((it) => it.record.hedges.some((h) => h.type === type)), type);
  t.true(sample.some((it) => it.record.actor?.type === "unnamed"));
  t.true(sample.some((it) => it.record.actor === null));
  // Context: the records of the same article just before and after.
  const it = sample.find((s) => s.record.sentence_index >= 2)!;
  const doc = records.filter((r) => r.doc_id === it.record.doc_id);
  const at = (k: number) => doc.find((r) => r.sentence_index === k)?.text;
  t.deepEqual(it.context_before, [at(it.record.sentence_index - 2), at(it.record.sentence_index - 1)].filter((x) => x !== undefined));
});

test("informative signals: overlapping rules, the tagger, rare rules, rules that often conflict (labeller-report.json)", async (t) => {
  const rates = conflictRatesOf(JSON.parse(await readFile("data/labeller-report.json", "utf8")));
  // actor.stance_subject: conflicts 0.0402 of 373 sentences over 52 votes = 0.288.
  t.is(rates.get("actor.stance_subject")!.toFixed(3), "0.288");
  const signals = signalsOf(records, rates);
  const k = records.findIndex((r) => r.rules.includes("actor.stance_subject"));
  t.true(signals[k]!.includes("conflicts:actor.stance_subject"));
  const tagged = records.findIndex((r) => r.rules.includes("actor.model"));
  t.true(signals[tagged]!.includes("tagger"));
  const informative = drawSample(records, { n: 10, seed: 13, context: 0, informative: true, conflictRates: rates });
  const plain = drawSample(records, { n: 10, seed: 13, context: 0, informative: false });
  const count = (xs: typeof plain) => xs.reduce((n, it) => n + it.signals.length, 0);
  t.true(count(informative) > count(plain));
});

test("Label Studio: the config and tasks follow the documented formats; an unedited export imports as the labeller's labels", async (t) => {
  const config = labelStudioConfig();
  t.regex(config, /<Labels name="span" toName="text">/);
  for (const l of ["Actor", "Cue", "Content", "Target", "Hedge_speculative"]) t.true(config.includes(`<Label value="${l}"`), l);
  const tasks = labelStudioTasks(sample, labelsOf);
  for (const task of tasks) t.true(LsImportTask.safeParse(task).success);
  // The config uses only documented tags and parameters; every prediction fits its control.
  t.deepEqual(checkConfig(config).problems, []);
  t.deepEqual(checkTasks(config, tasks), []);
  t.deepEqual(checkConfig(config.replace('<Labels name="span" toName="text">', '<Labels name="span" toName="sentence" colour="red">')).problems, [
    "<Labels> has no parameter colour",
    '<Labels name="span"> labels sentence, which is no object tag',
  ]);
  const odd = structuredClone(tasks);
  const first = odd[0]!.predictions![0]!.result[0]!;
  if (first.type === "labels") first.value.labels = ["Speaker"];
  t.deepEqual(checkTasks(config, odd), ['task 0: span: "Speaker" is not declared in the config']);
  const exported = lsExport([7]);
  t.true(LsExport.safeParse(exported).success);
  const got = await importLs(t, exported);
  t.deepEqual([...got.keys()], ["ls-7"]);
  t.deepEqual(got.get("ls-7"), expected());
  // Through the gold files and back.
  const dir = await tempDir(t);
  const [gold, spans] = goldFiles("ls-7", sample, got.get("ls-7")!);
  await mkdir(join(dir, "spans"));
  await writeFile(join(dir, "ls-7.jsonl"), gold);
  await writeFile(join(dir, "spans", "ls-7.jsonl"), spans);
  t.is(parseGold("ls-7.jsonl", gold).length, sample.length, "the project's gold reader accepts the file");
  t.deepEqual((await readGoldDir(dir, sample)).get("ls-7"), expected());
});

test("Label Studio: an edited export imports as exactly the edits", async (t) => {
  const exported = lsExport([3], (it, result) => {
    if (it === withStance) for (const r of result) if (r.type === "choices" && r.from_name === "stance") r.value.choices = [newStance];
    if (it === withContent)
      for (const r of result)
        if (r.type === "labels" && r.value.labels[0] === "Content") {
          r.value.start -= 1;
          r.value.text = cps(it.record.text).slice(r.value.start, r.value.end).join("");
        }
    if (it === withHedge) {
      const k = result.findIndex((r) => r.type === "labels" && r.value.labels[0]!.startsWith("Hedge_"));
      result.splice(k, 1);
    }
    if (it === noActor) {
      const w = firstWord(it.record.text);
      result.push({ id: "new1", from_name: "span", to_name: "text", type: "labels", value: { start: w.start, end: w.end, text: w.text, labels: ["Actor"] } });
      result.push({ id: "new2", from_name: "actor_name", to_name: "text", type: "textarea", value: { text: ["Added Actor"] } });
      result.push({ id: "new3", from_name: "actor_type", to_name: "text", type: "choices", value: { choices: ["person"] } });
    }
    return result;
  });
  const got = await importLs(t, exported);
  t.deepEqual(got.get("ls-3"), editedExpectation());
});

test("Label Studio: several annotators are kept apart", async (t) => {
  const exported = lsExport([1, 2], (it, result) => {
    if (it !== withStance) return result;
    return result.map((r) => (r.type === "choices" && r.from_name === "stance" ? { ...r, value: { choices: [newStance] } } : r));
  });
  // Annotator 1 keeps the labels: drop the edit from the first annotation of each task.
  for (const task of exported) task.annotations[0]!.result = labelStudioTasks([sample[task.id - 500]!], labelsOf)[0]!.predictions![0]!.result;
  const got = await importLs(t, exported);
  t.deepEqual([...got.keys()].sort(), ["ls-1", "ls-2"]);
  t.is(got.get("ls-1")!.get(withStance.id)!.stance, withStance.record.stance);
  t.is(got.get("ls-2")!.get(withStance.id)!.stance, newStance);
});

test("Label Studio: a wrong span text, an unknown label and a task not in the sample are one-line errors naming the task", async (t) => {
  const bad = (edit: (task: ReturnType<typeof lsExport>[number]) => void) => {
    const e = lsExport([1]);
    edit(e[0]!);
    return e;
  };
  const mismatch = bad((task) => {
    const r = task.annotations[0]!.result.find((x) => x.type === "labels")!;
    if (r.type === "labels") r.value.text = "not the text";
  });
  await t.throwsAsync(importLs(t, mismatch), { message: /export\.json: task 500: span text mismatch/ });
  const unknown = bad((task) => {
    const r = task.annotations[0]!.result.find((x) => x.type === "labels")!;
    if (r.type === "labels") r.value.labels = ["Speaker"];
  });
  await t.throwsAsync(importLs(t, unknown), { message: /task 500: unknown label "Speaker"/ });
  const stranger = bad((task) => (task.data.item_id = "nope#0#0"));
  await t.throwsAsync(importLs(t, stranger), { message: /task 500: not in the sample/ });
  const err = await t.throwsAsync(importLs(t, mismatch));
  t.false(err!.message.includes("\n"));
});

async function writeBrat(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, body] of bratFiles(sample, labelsOf)) await writeFile(join(dir, name), body);
}

test("brat: files the project's brat reader reads; an unedited folder imports as the labeller's labels", async (t) => {
  const dir = join(await tempDir(t), "alice");
  await writeBrat(dir);
  const conf = await readFile(join(dir, "annotation.conf"), "utf8");
  t.regex(conf, /^\[entities\]$/m);
  t.regex(conf, /^Stance\tArg:Sentence, Value:support\|oppose\|neutral$/m);
  const ann = await readFile(join(dir, `${bratName(withHedge.n)}.ann`), "utf8");
  const doc = parseBrat(ann, "x.ann");
  t.true([...doc.spans.values()].some((s) => s.type.startsWith("Hedge_")));
  const got: Annotations = new Map();
  await importBrat(dir, null, sample, got);
  t.deepEqual([...got.keys()], ["alice"]);
  t.deepEqual(got.get("alice"), expected());
});

test("brat: an edited folder imports as exactly the edits; bad lines name file:line", async (t) => {
  const dir = join(await tempDir(t), "bob");
  await writeBrat(dir);
  const edit = async (it: SampleItem, f: (ann: string) => string) => {
    const file = join(dir, `${bratName(it.n)}.ann`);
    await writeFile(file, f(await readFile(file, "utf8")));
  };
  await edit(withStance, (a) => a.replace(/^A1\tStance T1 \w+$/m, `A1\tStance T1 ${newStance}`));
  const before = cps(withContent.context_before.join("\n") + (withContent.context_before.length ? "\n" : "")).length;
  await edit(withContent, (a) =>
    a.replace(/^(T\d+)\tContent (\d+) (\d+)\t.*$/m, (_, id: string, s: string, e: string) => {
      const start = Number(s) - 1;
      return `${id}\tContent ${start} ${e}\t${cps(withContent.record.text).slice(start - before, Number(e) - before).join("")}`;
    }),
  );
  await edit(withHedge, (a) => {
    const first = sortHedges(labelsOf(withHedge).hedges)[0]!;
    return a.split("\n").filter((l) => !new RegExp(`^T\\d+\\tHedge_${first.type} ${before0(withHedge) + first.start} `).test(l)).join("\n");
  });
  await edit(noActor, (a) => {
    const w = firstWord(noActor.record.text);
    const at = before0(noActor);
    return a.replace(/^(#1\tAnnotatorNotes T1\tid=[^|\n]*)/m, "$1 | actor=Added Actor | actor_type=person") + `T99\tActor ${at + w.start} ${at + w.end}\t${w.text}\n`;
  });
  const got: Annotations = new Map();
  await importBrat(dir, null, sample, got);
  t.deepEqual(got.get("bob"), editedExpectation());

  await edit(withStance, (a) => a.replace(/^T2\t\w+/m, "T2\tSpeaker"));
  const err = await t.throwsAsync(importBrat(dir, "carol", sample, new Map()));
  t.regex(err!.message, new RegExp(`${bratName(withStance.n)}\\.ann:\\d+: unknown label "Speaker"`));
  await edit(withStance, (a) => a.replace(/^T2\tSpeaker/m, "T2\tActor"));
  await edit(withStance, (a) => a.replace(/^(T2\t\w+ \d+ \d+\t)(.*)$/m, "$1not the text"));
  await t.throwsAsync(importBrat(dir, "erin", sample, new Map()), { message: new RegExp(`${bratName(withStance.n)}\\.ann:\\d+: span text mismatch: T2 says "not the text"`) });
  await edit(withStance, (a) => a.replace(/^T2\t.*$/m, ""));
  await writeFile(join(dir, "9999.ann"), "");
  await t.throwsAsync(importBrat(dir, "dave", sample, new Map()), { message: /9999\.ann:1: not in the sample/ });
});

/** Code points before the sentence in its brat .txt. */
function before0(it: SampleItem): number {
  return cps(it.context_before.join("\n") + (it.context_before.length ? "\n" : "")).length;
}

test("Label Studio offsets: code points (current) and UTF-16 indices (older versions) both import; other offsets are a mismatch", (t) => {
  const text = "\u{1F680} Trump said it.";
  const region = (start: number, end: number): LsResult[] => [
    { from_name: "span", to_name: "text", type: "labels", value: { start, end, text: "Trump", labels: ["Actor"] } },
    { from_name: "actor_type", to_name: "text", type: "choices", value: { choices: ["person"] } },
  ];
  const cp = resultToLabels(text, region(2, 7), "task 1");
  t.deepEqual(cp.actor_span, { start: 2, end: 7 });
  t.deepEqual(cp.actor, { name: "Trump", type: "person", affiliation: null });
  t.deepEqual(resultToLabels(text, region(3, 8), "task 1"), cp);
  t.throws(() => resultToLabels(text, region(4, 9), "task 1"), { message: /^task 1: span text mismatch at 4-9/ });
});
