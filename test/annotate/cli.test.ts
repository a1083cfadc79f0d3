// `claimstance annotate` end to end through the CLI: sample → export → import
// on data/, byte-identical reruns, and bad input as one line with exit code 2
// and nothing written.
import test from "ava";
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTsx } from "../hostile/helpers.ts";

const CLI = "src/cli/claimstance.ts";

test("annotate: sample, export and import through the CLI; a bad export is one line, exit 2, nothing written", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-annotate-cli-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const sample = join(dir, "s.jsonl");
  const s1 = await runTsx(CLI, ["annotate", "sample", "--dataset", "data", "--n", "25", "--out", sample]);
  t.is(s1.code, 0, s1.stderr);
  const first = await readFile(sample, "utf8");
  t.is(first.trim().split("\n").length, 25);
  const exp = await runTsx(CLI, ["annotate", "export", "--sample", sample, "--out", join(dir, "a")]);
  t.is(exp.code, 0, exp.stderr);
  const imp = await runTsx(CLI, ["annotate", "import", "--sample", sample, "--brat", `ann=${join(dir, "a", "brat")}`, "--out", join(dir, "gold")]);
  t.is(imp.code, 0, imp.stderr);
  t.is((await readFile(join(dir, "gold", "ann.jsonl"), "utf8")).replace(/"gid":"ann:/g, '"gid":"'), await readFile(join(dir, "a", "jsonl", "labeller.jsonl"), "utf8"));

  const tasks = JSON.parse(await readFile(join(dir, "a", "labelstudio", "tasks.json"), "utf8")) as { data: { item_id: string }; predictions: { result: unknown[] }[] }[];
  const bad = tasks.map((task, i) => ({ id: 40 + i, data: { ...task.data, item_id: i === 3 ? "elsewhere#1#1" : task.data.item_id }, annotations: [{ id: i, completed_by: 2, result: task.predictions[0]!.result }] }));
  await writeFile(join(dir, "export.json"), JSON.stringify(bad));
  const run = await runTsx(CLI, ["annotate", "import", "--sample", sample, "--labelstudio", join(dir, "export.json"), "--out", join(dir, "gold2")]);
  t.is(run.code, 2);
  t.is(run.stderr, `annotate: ${join(dir, "export.json")}: task 43: not in the sample (item_id "elsewhere#1#1")\n`);
  await t.throwsAsync(access(join(dir, "gold2", "ls-2.jsonl")));
  const help = await runTsx(CLI, ["annotate", "--help"]);
  t.regex(help.stdout, /^ {2}sample {5}--dataset DIR/m);
});
