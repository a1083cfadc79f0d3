// The staged, sharded build (src/dataset/sharded/): every output file
// byte-identical to the one-process build for 1, 2, 3 and 7 shards; doc_id
// repeats across shards dropped as in one pass; the CLI's --stages, one task
// at a time, a killed local run resumed to the same bytes, and a work folder
// that refuses other flags.
import test from "ava";
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, gzipSync } from "node:zlib";
import { PIPE_NAMES } from "../../src/label/pipeline.ts";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildDataset } from "../../src/dataset/build.ts";
import { runLocal } from "../../src/dataset/sharded/local.ts";
import { runTask, stageList, type ShardedOptions } from "../../src/dataset/sharded/stages.ts";
import { CLI, QUICK, ROOT, SEEDS, runCli, tempDir } from "../hostile/helpers.ts";
import { entryArgv } from "../helpers/cli.ts";

async function sameFiles(t: { is(a: unknown, b: unknown, m?: string): void; deepEqual(a: unknown, b: unknown): void }, a: string, b: string): Promise<void> {
  const names = (await readdir(a)).sort();
  t.deepEqual((await readdir(b)).filter((f) => !f.startsWith(".")).sort(), names);
  for (const f of names) t.is((await readFile(join(a, f))).equals(await readFile(join(b, f))), true, `${f} differs`);
}

function sharded(inputs: string[], out: string, work: string, shards: number, read = {}): ShardedOptions {
  return { inputs, read, out, work, shards, seed: 13, testRatio: 0.2, command: "test", keepChrome: [], gold: null };
}

test("seeds (with the gold report): every output byte-identical to the one-process build for 1, 2, 3 and 7 shards", async (t) => {
  t.timeout(5 * 60_000);
  const dir = await tempDir(t, "sharded");
  const plain = join(dir, "plain");
  await buildDataset({ inputs: [SEEDS], out: plain, seed: 13, testRatio: 0.2, read: {}, command: "test" });
  t.regex(await readFile(join(plain, "labeller-report.md"), "utf8"), /gold/i);
  for (const n of [1, 2, 3, 7]) {
    const out = join(dir, `s${n}`);
    const summary = await runLocal({ ...sharded([SEEDS], out, join(dir, `w${n}`), n), gold: undefined }, { parallel: 0 });
    t.true(summary.records.train! > 0 && summary.records.test! > 0);
    await sameFiles(t, plain, out);
  }
});

const ALLSIDES = join(ROOT, "..", "shared", "corpora", "allsides", "articles.jsonl.gz");

/** The first `n` lines of the AllSides corpus, gunzipped into `file` (a temp folder), or false when the corpus is absent. */
async function allsidesSample(file: string, n: number): Promise<boolean> {
  if (!(await stat(ALLSIDES).then(() => true, () => false))) return false;
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(ALLSIDES).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= n) break;
  }
  rl.close();
  await writeFile(file, lines.join("\n") + "\n");
  return true;
}

test("metadata build (AllSides sample with outlet/date/title/url): every output byte-identical at 1 and 3 shards", async (t) => {
  t.timeout(8 * 60_000);
  const dir = await tempDir(t, "sharded");
  const input = join(dir, "allsides-200.jsonl");
  if (!(await allsidesSample(input, 200))) return t.pass("the AllSides corpus is absent (../shared/corpora/allsides)");
  const read = { outletField: "outlet", dateField: "date", titleField: "title", urlField: "url" };
  const plain = join(dir, "plain");
  await buildDataset({ inputs: [input], out: plain, seed: 13, testRatio: 0.2, read, command: "test", gold: null, networkPeriod: "month" });
  // The sample exercises the metadata outputs: outlets, dated months and headlines in the card, rows in both networks.
  const card = await readFile(join(plain, "dataset-card.md"), "utf8");
  t.regex(card, /headline/i);
  t.regex(card, /20\d\d-\d\d/);
  t.true((await readFile(join(plain, "network-outlets.csv"), "utf8")).split("\n").length > 2);
  t.true((await readFile(join(plain, "network.csv"), "utf8")).split("\n").length > 2);
  for (const n of [1, 3]) {
    const out = join(dir, `s${n}`);
    await runLocal({ ...sharded([input], out, join(dir, `w${n}`), n, read), networkPeriod: "month" }, { parallel: 0 });
    // The pre-pass products the process tasks got: per-outlet templates and repeated units learned from all shards.
    const prepass = JSON.parse(await readFile(join(dir, `w${n}`, "boilerplate", "0", "prepass.json"), "utf8")) as { cleaning: { templates?: number[]; repeated?: number[] } };
    t.true(prepass.cleaning.templates!.length > 0 && prepass.cleaning.repeated!.length > 0);
    await sameFiles(t, plain, out);
  }
});

test("--disable and --network-period year reach the shard tasks: byte-identical at 2 shards", async (t) => {
  t.timeout(5 * 60_000);
  const dir = await tempDir(t, "sharded");
  const disable = [PIPE_NAMES.includes("hedges") ? "hedges" : PIPE_NAMES.at(-1)!];
  const plain = join(dir, "plain");
  await buildDataset({ inputs: [SEEDS], out: plain, seed: 13, testRatio: 0.2, read: {}, command: "test", gold: null, disable, networkPeriod: "year" });
  const full = join(dir, "full");
  await buildDataset({ inputs: [SEEDS], out: full, seed: 13, testRatio: 0.2, read: {}, command: "test", gold: null });
  t.false((await readFile(join(plain, "train.jsonl"))).equals(await readFile(join(full, "train.jsonl"))), "--disable changes the records");
  const out = join(dir, "s2");
  await runLocal({ ...sharded([SEEDS], out, join(dir, "w2"), 2), disable, networkPeriod: "year" }, { parallel: 0 });
  await sameFiles(t, plain, out);
});

test("lane processes (local executor): byte-identical at 2 shards when every lane is replaced after each task, and a failed task stops the run", async (t) => {
  t.timeout(8 * 60_000); // a lane start under tsx compiles the sources: 2–10 s each
  const dir = await tempDir(t, "sharded");
  const plain = join(dir, "plain");
  await buildDataset({ inputs: [SEEDS], out: plain, seed: 13, testRatio: 0.2, read: {}, command: "test", gold: null });
  const work = join(dir, "w2");
  // retireRss 1 byte: every lane exits after its task and the next task gets a fresh one (~26 lane starts).
  const summary = await runLocal(sharded([SEEDS], join(dir, "s2"), work, 2), { parallel: 2, retireRss: 1 });
  t.true(summary.records.train! > 0 && summary.records.test! > 0);
  await sameFiles(t, plain, join(dir, "s2"));
  const usage = (await readFile(join(work, "usage.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { stage: string; task: number });
  t.is(usage.length, stageList(2).reduce((n, s) => n + s.tasks, 0), "each task ran once, in a lane");
  // A task that fails (its input gone) rejects the run with its message; the lanes are gone after it.
  const bad = join(dir, "gone.jsonl");
  await writeFile(bad, '{"text": "One sentence here."}\n');
  const failing = sharded([bad], join(dir, "s-bad"), join(dir, "w-bad"), 2);
  await runTask(failing, "plan", 0);
  await rm(bad);
  await t.throwsAsync(runLocal(failing, { parallel: 2 }), { message: /gone\.jsonl|ENOENT|no such file/i });
});

test("CLI: --suggest-topics with --shards is a one-line error, nothing written", async (t) => {
  const dir = await tempDir(t, "sharded");
  const r = await runCli([...QUICK, "--out", join(dir, "out"), "--work", join(dir, "w"), "--shards", "2", "--suggest-topics", "5"]);
  t.is(r.code, 2);
  t.regex(r.stderr, /--suggest-topics/);
  t.is(r.stderr.trim().split("\n").length, 1);
  t.false(await stat(join(dir, "out")).then(() => true, () => false));
});

test("a doc_id repeated in a later shard is dropped and listed in skipped.jsonl as in one pass", async (t) => {
  const dir = await tempDir(t, "sharded");
  const body = (w: string) => `text\n"${w} said the council will vote on the new budget next week. Critics argue the plan costs too much."\n"Officials said ${w} roads will close on Sunday for repairs."\n`;
  await mkdir(join(dir, "x"));
  await mkdir(join(dir, "y"));
  // Same file name, no id column: doc_ids a.csv:1, a.csv:2 collide across the two inputs.
  await writeFile(join(dir, "x", "a.csv"), body("Smith"));
  await writeFile(join(dir, "y", "a.csv"), body("Jones") + '""\n');
  await writeFile(join(dir, "z.csv"), body("Brown"));
  const inputs = [join(dir, "x", "a.csv"), join(dir, "y", "a.csv"), join(dir, "z.csv")];
  const plain = join(dir, "plain");
  await buildDataset({ inputs, out: plain, seed: 13, testRatio: 0.5, read: {}, command: "test", gold: null });
  const skipped = await readFile(join(plain, "skipped.jsonl"), "utf8");
  t.regex(skipped, /duplicate doc_id/);
  for (const n of [2, 3, 7]) {
    const out = join(dir, `s${n}`);
    await runLocal({ ...sharded(inputs, out, join(dir, `w${n}`), n), testRatio: 0.5 }, { parallel: 0 });
    await sameFiles(t, plain, out);
  }
});

test("shards that start mid-file (gzip JSONL after a CSV; blank lines; explicit ids repeated across shards) read the one-pass items", async (t) => {
  t.timeout(5 * 60_000);
  const dir = await tempDir(t, "sharded");
  const say = (w: string, k: number) => `${w} said the council will vote on budget item ${k} next week. Critics argue plan ${k} costs too much. Officials said road ${k} will close on Sunday.`;
  await writeFile(join(dir, "a.csv"), `id,text\n${[0, 1, 2].map((k) => `c${k},"${say("Smith", k)}"`).join("\n")}\n`);
  const rows: string[] = [];
  for (let k = 0; k < 24; k++) {
    // ids j3 and j5 repeat later (and c1 from the CSV): the reader skips the repeats as "duplicate doc_id".
    const id = k === 17 ? "j3" : k === 20 ? "j5" : k === 22 ? "c1" : `j${k}`;
    rows.push(JSON.stringify({ id, text: say(k % 2 ? "Jones" : "Brown", k + 10) }));
    if (k % 5 === 0) rows.push("", "  ");
  }
  await writeFile(join(dir, "b.jsonl.gz"), gzipSync(rows.join("\n") + "\n"));
  const inputs = [join(dir, "a.csv"), join(dir, "b.jsonl.gz")];
  const read = { idField: "id", idColumn: "id" };
  const plain = join(dir, "plain");
  await buildDataset({ inputs, out: plain, seed: 13, testRatio: 0.3, read, command: "test", gold: null });
  t.is((await readFile(join(plain, "skipped.jsonl"), "utf8")).match(/duplicate doc_id/g)?.length, 3);
  for (const n of [2, 5, 7]) {
    const out = join(dir, `s${n}`);
    const work = join(dir, `w${n}`);
    await runLocal({ ...sharded(inputs, out, work, n, read), testRatio: 0.3 }, { parallel: 0 });
    const plan = JSON.parse(await readFile(join(work, "plan", "0", "plan.json"), "utf8")) as { shards: { start?: { input: number; line: number; seenIds: string[] } }[] };
    // Later shards start inside the JSONL file, past its first line, and carry the earlier shards' ids they repeat.
    t.true(plan.shards.some((s) => s.start !== undefined && s.start.input === 1 && s.start.line > 1));
    t.true(plan.shards.some((s) => (s.start?.seenIds.length ?? 0) > 0));
    await sameFiles(t, plain, out);
  }
});

test("a giant component (every article shares a sentence with the next) splits the same way in shards", async (t) => {
  const dir = await tempDir(t, "sharded");
  const topics = ["the budget", "the bridge", "the school", "the hospital", "the airport", "the tax", "the park", "the rail line"];
  const rows = Array.from({ length: 40 }, (_, a) => {
    const own = topics.map((x, k) => `Officials said ${x} plan number ${a * 8 + k} will be reviewed by the council.`).join(" ");
    const link = `Mayor ${a} told reporters the shared statement number ${a} was final.`;
    const prev = a > 0 ? ` Mayor ${a - 1} told reporters the shared statement number ${a - 1} was final.` : "";
    return JSON.stringify({ id: `doc-${a}`, text: `${link} ${own}${prev}` });
  });
  const input = join(dir, "giant.jsonl");
  await writeFile(input, rows.join("\n") + "\n");
  const plain = join(dir, "plain");
  const summary = await buildDataset({ inputs: [input], out: plain, seed: 13, testRatio: 0.2, read: { idField: "id" }, command: "test", gold: null });
  t.truthy(summary.giant, "the fallback ran");
  t.regex(await readFile(join(plain, "dataset-card.md"), "utf8"), /Giant component/);
  for (const n of [2, 3]) {
    const out = join(dir, `s${n}`);
    await runLocal(sharded([input], out, join(dir, `w${n}`), n, { idField: "id" }), { parallel: 0 });
    await sameFiles(t, plain, out);
  }
});

test("CLI: --stages prints the chain; a work folder planned with other flags is refused", async (t) => {
  const r = await runCli(["--shards", "3", "--stages"]);
  t.is(r.code, 0);
  const chain = JSON.parse(r.stdout) as { stage: string; tasks: number }[];
  t.is(chain[0]!.stage, "plan");
  t.is(chain.at(-1)!.stage, "finalize");
  t.deepEqual(chain.find((s) => s.stage === "process"), { stage: "process", tasks: 3 });
  const dir = await tempDir(t, "sharded");
  const work = join(dir, "w");
  t.is((await runCli([...QUICK, "--work", work, "--shards", "2", "--stage", "plan", "--task", "0"])).code, 0);
  const other = await runCli([...QUICK, "--seed", "5", "--work", work, "--shards", "2", "--stage", "scan", "--task", "0"]);
  t.is(other.code, 2);
  t.regex(other.stderr, /other flags/);
  const bad = await runCli([...QUICK, "--work", work, "--shards", "2", "--stage", "scan", "--task", "2"]);
  t.is(bad.code, 2);
});

test("a local run killed (SIGKILL) mid-stage resumes to the same bytes, skipping finished tasks", async (t) => {
  t.timeout(6 * 60_000); // three CLI runs of ~16 task processes each
  const dir = await tempDir(t, "sharded");
  const plain = join(dir, "plain");
  t.is((await runCli([...QUICK, "--quiet", "--out", plain])).code, 0);
  const args = [...QUICK, "--quiet", "--out", join(dir, "out"), "--work", join(dir, "w"), "--shards", "2", "--parallel", "2"];
  // Its own process group, so the kill takes the task processes too.
  const child = spawn(process.execPath, [...entryArgv(CLI), ...args], { cwd: ROOT, detached: true, stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const marker = join(dir, "w", "process", "0.done");
  for (let i = 0; i < 600 && !(await stat(marker).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  process.kill(-child.pid!, "SIGKILL");
  await exited;
  t.true(await stat(marker).then(() => true, () => false), "killed after a process task finished");
  t.false(await stat(join(dir, "out", "train.jsonl")).then(() => true, () => false), "no output before finalize");
  const resumed = await runCli(args);
  t.is(resumed.code, 0, resumed.stderr);
  await sameFiles(t, plain, join(dir, "out"));
  const again = await runCli(args);
  t.is(again.code, 0);
  await sameFiles(t, plain, join(dir, "out"));
});
