// Child-process measurements for `npm run bench`: wall time around the whole
// child (start-up included), its peak RSS (the CLI reports its own and its
// worker processes' through CLAIMSTANCE_REPORT_RSS; the reference passes
// report theirs on stdout), and the medians of repeated runs.
import { spawn } from "node:child_process";
import { readFile, rm, stat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface ChildRun {
  code: number | null;
  wall: number;
  stdout: string;
  stderr: string;
  /** Peak RSS in MB: the process plus its workers when it reports them, else the process alone. */
  rssMb: number;
}

/** Runs `node script args` (compiled JS or plain .mjs, no loader) from the repository root and measures it. */
export async function runNode(script: string, args: string[], rssFile: string): Promise<ChildRun> {
  await rm(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, CLAIMSTANCE_REPORT_RSS: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let rssKb = 0;
  const report = await readFile(rssFile, "utf8").catch(() => "");
  if (report) rssKb = (JSON.parse(report) as { totalKb: number }).totalKb;
  else {
    const m = /"maxRssKb":(\d+)/.exec(stdout);
    if (m) rssKb = Number(m[1]);
  }
  return { code, wall, stdout, stderr, rssMb: rssKb / 1024 };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Total size in bytes of files and folders (every file below a folder). */
export async function bytesOf(paths: string[]): Promise<number> {
  let total = 0;
  const visit = async (p: string): Promise<void> => {
    const info = await stat(p);
    if (info.isDirectory()) for (const e of await readdir(p)) await visit(join(p, e));
    else total += info.size;
  };
  for (const p of paths) await visit(p);
  return total;
}

/** documents, articles, sentences from a build-dataset summary. */
export function buildCounts(stdout: string): { documents: number; articles: number; sentences: number } | null {
  const m = /documents (\d+), articles (\d+), sentences (\d+)/.exec(stdout);
  return m ? { documents: Number(m[1]), articles: Number(m[2]), sentences: Number(m[3]) } : null;
}

/** Wall time of the build proper, as the CLI prints it ("wrote DIR in 7.64 s"): module loading excluded. */
export function buildSeconds(stdout: string): number | null {
  const m = /wrote .* in ([\d.]+) s\s*$/m.exec(stdout);
  return m ? Number(m[1]) : null;
}
