// SIGKILL in the middle of a build: the previous outputs stay exactly as they
// were, the worker processes go away with their parent, and the next build
// into the same folder removes the killed run's temporary files.
import test from "ava";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CLI, QUICK, ROOT, SEEDS, assertBuilt, runCli, tempDir, tempLeftovers } from "./helpers.ts";
import { writeSeedJsonl } from "./corpus.ts";
import { entryArgv } from "../helpers/cli.ts";

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const f of await readdir(dir)) if (!f.startsWith(".")) files.set(f, await readFile(join(dir, f)));
  return files;
}

/** PIDs of live processes whose environment holds `tag` (the killed build and its workers). */
async function processesTagged(tag: string): Promise<number[]> {
  const pids: number[] = [];
  for (const p of await readdir("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    const env = await readFile(`/proc/${p}/environ`, "latin1").catch(() => "");
    const status = await readFile(`/proc/${p}/status`, "latin1").catch(() => "");
    if (env.includes(tag) && !/State:\s+Z/.test(status)) pids.push(Number(p));
  }
  return pids;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("SIGKILL mid-write leaves the previous outputs intact; the next build cleans up", async (t) => {
  const dir = await tempDir(t, "sigkill");
  const out = join(dir, "data");
  await assertBuilt(t, await runCli(["--input", SEEDS, "--out", out, ...QUICK]), out);
  const before = await snapshot(out);

  const big = join(dir, "big.jsonl");
  await writeSeedJsonl(big, 3000); // ~5 MB: several seconds of work
  const tag = `CLAIMSTANCE_HOSTILE_${randomUUID()}`;
  const child = spawn(process.execPath, [...entryArgv(CLI), "--input", big, "--out", out, "--workers", "2", ...QUICK], {
    cwd: ROOT,
    env: { ...process.env, [tag]: "1" },
    stdio: "ignore",
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  // Kill once the run is writing: its record spool (or a split file) exists and holds data.
  let killedDuring = "";
  for (let waited = 0; waited < 60_000 && !killedDuring; waited += 10) {
    await sleep(10);
    for (const f of await readdir(out)) {
      if (!/^\.(records\.spool|train\.jsonl)\.tmp-/.test(f)) continue;
      const size = (await stat(join(out, f)).catch(() => null))?.size ?? 0;
      if (size > 64 * 1024) killedDuring = `${f} (${size} bytes)`;
    }
  }
  t.truthy(killedDuring, "the build got to writing");
  child.kill("SIGKILL");
  t.is(await exited, "SIGKILL");
  t.log(`killed while writing ${killedDuring}`);

  const after = await snapshot(out);
  t.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), "no output file added or removed");
  for (const [f, bytes] of before) t.true(after.get(f)!.equals(bytes), `${f} byte-identical`);

  let left = await processesTagged(tag);
  for (let waited = 0; left.length > 0 && waited < 10_000; waited += 100) {
    await sleep(100);
    left = await processesTagged(tag);
  }
  t.deepEqual(left, [], "worker processes exit when their parent is killed");

  t.true((await tempLeftovers(out)).length > 0, "SIGKILL leaves its temporary files behind");
  await assertBuilt(t, await runCli(["--input", SEEDS, "--out", out, ...QUICK]), out);
  t.deepEqual(await tempLeftovers(out), [], "the next build removes the killed run's temporary files");
  const rebuilt = await snapshot(out);
  for (const [f, bytes] of before) t.true(rebuilt.get(f)!.equals(bytes), `${f} rebuilt identically`);
});
