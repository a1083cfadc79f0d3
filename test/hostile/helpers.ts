// Shared helpers of the hostile-input suite: every case runs the real CLI in
// a child process and checks the contract of issues 2 and 5 — exit code 0 or
// 2, at most one line on stderr naming the file and the line/row/byte, never
// a stack trace, and the previous outputs untouched when the run fails.
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutionContext } from "ava";
import { entryArgv } from "../helpers/cli.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SEEDS = join(ROOT, "seeds");
export const CLI = "src/cli/build-dataset.ts";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an entry point (`script`, a .ts path relative to the repository) in a
 * child process: compiled from dist/ when that is current, else through tsx
 * (test/helpers/cli.ts).
 */
export function runTsx(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entryArgv(script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs build-dataset with `args` (cwd: the repository), like `npm run build-dataset -- args`. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runTsx(CLI, args, env);
}

/** A fresh temp folder (never inside the repository), removed when the test ends. */
export async function tempDir(t: ExecutionContext, tag = "hostile"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `claimstance-${tag}-`));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const SENTINEL = '{"sentinel":"previous train.jsonl, must survive a failed run"}\n';

/** An output folder holding a previous run's train.jsonl (the sentinel). */
export async function outDirWithSentinel(parent: string): Promise<string> {
  const out = join(parent, "out");
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "train.jsonl"), SENTINEL);
  return out;
}

/** Temporary files a run leaves behind (`.name.tmp-PID`, the write-then-rename scheme of output.ts). */
export async function tempLeftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => /^\..*\.tmp-/.test(f) || f.startsWith(".claimstance-probe-"));
}

/** The previous outputs are exactly as they were: the sentinel byte-identical, nothing added, no temp file. */
export async function assertUntouched(t: ExecutionContext, out: string): Promise<void> {
  t.is(await readFile(join(out, "train.jsonl"), "utf8"), SENTINEL, "train.jsonl byte-identical");
  t.deepEqual(await readdir(out), ["train.jsonl"], "no other file written, no temp file left");
}

/** Exit 2 and exactly one line on stderr that contains every `parts`, without a stack trace. */
export function assertBadInput(t: ExecutionContext, r: Run, parts: string[]): string {
  t.is(r.code, 2, `exit code (stderr: ${r.stderr})`);
  t.false(r.stderr.includes("    at "), "no stack trace");
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  t.is(lines.length, 1, `one line on stderr: ${JSON.stringify(r.stderr)}`);
  t.true(r.stderr.endsWith("\n"), "the line ends with a newline");
  for (const p of parts) t.true(lines[0]?.includes(p), `stderr names ${JSON.stringify(p)}: ${lines[0]}`);
  return lines[0] ?? "";
}

/** Every file a successful build leaves in --out, sorted. */
export const OUTPUT_FILES = [
  "chrome.jsonl",
  "claim-record.schema.json",
  "dataset-card.md",
  "labeller-report.json",
  "labeller-report.md",
  "network-outlets.csv",
  "network.csv",
  "skipped.jsonl",
  "test.jsonl",
  "train.jsonl",
] as const;

/** stderr of a successful build that is not on a terminal: the one progress summary line (src/cli/progress.ts). */
export const SUMMARY_LINE = /^build-dataset: [\d,]+ documents, [\d.]+ MB, [\d,]+ records in [\d.]+ s \([\d.]+ MB\/s, [\d,]+ records\/s\)\n$/;

/** Exit 0, nothing on stderr but the summary line, every output file in place and no temp file left. */
export async function assertBuilt(t: ExecutionContext, r: Run, out: string): Promise<void> {
  t.is(r.code, 0, `exit code (stderr: ${r.stderr})`);
  t.regex(r.stderr, SUMMARY_LINE, "nothing on stderr but the summary line");
  t.deepEqual((await readdir(out)).sort(), [...OUTPUT_FILES]);
}

export interface Rec {
  id: string;
  doc_id: string;
  source: { path: string };
  start: number;
  end: number;
  text: string;
  [k: string]: unknown;
}

export async function records(out: string): Promise<Rec[]> {
  const all: Rec[] = [];
  for (const f of ["train.jsonl", "test.jsonl"]) {
    for (const line of (await readFile(join(out, f), "utf8")).split("\n")) if (line) all.push(JSON.parse(line) as Rec);
  }
  return all;
}

export async function skippedOf(out: string): Promise<{ location: string; reason: string }[]> {
  return (await readFile(join(out, "skipped.jsonl"), "utf8"))
    .split("\n")
    .filter((l) => l)
    .map((l) => JSON.parse(l) as { location: string; reason: string });
}

/** Flags that keep a hostile run short: no gold scoring (it is not what these tests are about). */
export const QUICK = ["--gold", "none"];
