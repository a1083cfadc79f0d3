// The claimstance dispatcher (--help, --version, each command's help) and
// build-dataset's progress: a refreshed line under a terminal (a pty from
// util-linux `script`), one summary line on a pipe, nothing with --quiet, and
// the same output files in all three cases.
import test from "ava";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runTsx, SUMMARY_LINE } from "../hostile/helpers.ts";
import { entryArgv } from "../helpers/cli.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = "src/cli/claimstance.ts";
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const run = (args: string[]) => runTsx(CLI, args);

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI with stderr on a pseudo-terminal (stdout to /dev/null); returns what the terminal showed. */
function runOnPty(args: string[]): Promise<Run> {
  const command = [process.execPath, ...entryArgv(CLI), ...args].map(shellQuote).join(" ") + " >/dev/null";
  return new Promise((resolve, reject) => {
    // -e: script exits with the command's code; the typescript file is /dev/null.
    const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr: "" }));
  });
}

async function tempDir(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-cli-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(join(dir, name), "utf8");
  return out;
}

test("--help lists every command; --version prints package.json's version", async (t) => {
  const help = await run(["--help"]);
  t.is(help.code, 0);
  for (const c of ["build-dataset", "eval", "benchmark"]) t.regex(help.stdout, new RegExp(`^  ${c} `, "m"));
  const v = await run(["--version"]);
  t.is(v.code, 0);
  t.is(v.stdout, `${VERSION}\n`);
});

for (const command of ["build-dataset", "eval", "benchmark"]) {
  test(`${command} --help and --version`, async (t) => {
    const help = await run([command, "--help"]);
    t.is(help.code, 0, help.stderr);
    t.true(help.stdout.startsWith(`Usage: claimstance ${command}`), help.stdout.slice(0, 80));
    const v = await run([command, "--version"]);
    t.is(v.code, 0, v.stderr);
    t.is(v.stdout, `${VERSION}\n`);
  });
}

test("an unknown command or no command: exit 2, no stack trace", async (t) => {
  const r = await run(["build-datset"]);
  t.is(r.code, 2);
  t.is(r.stderr.trim().split("\n").length, 1);
  t.true(r.stderr.includes('unknown command "build-datset"'), r.stderr);
  const none = await run([]);
  t.is(none.code, 2);
  t.true(none.stderr.includes("Usage: claimstance COMMAND"));
});

test("a bad flag inside a command: one line naming the command, exit 2", async (t) => {
  const r = await run(["build-dataset", "--no-such-flag"]);
  t.is(r.code, 2);
  t.regex(r.stderr, /^build-dataset: .*no-such-flag.*\n$/);
});

test("progress: a refreshed line on a terminal, one summary line on a pipe, none with --quiet; same outputs", async (t) => {
  if (spawnSync("script", ["--version"]).error) return t.fail("util-linux `script` is needed for the pty check");
  const dir = await tempDir(t);
  const [onPty, onPipe, quiet] = ["pty", "pipe", "quiet"].map((n) => join(dir, n));
  const pty = await runOnPty(["build-dataset", "--out", onPty!]);
  const pipe = await run(["build-dataset", "--out", onPipe!]);
  const silent = await run(["build-dataset", "--out", quiet!, "--quiet"]);
  t.is(pty.code, 0, pty.stdout);
  t.is(pipe.code, 0, pipe.stderr);
  t.is(silent.code, 0, silent.stderr);
  // Terminal: lines rewritten in place (\r, clear to end of line), an ETA while reading, the summary last.
  t.regex(pty.stdout, /\rbuild-dataset: [\d,]+ documents, [\d.]+ \/ [\d.]+ MB \(\d+%\), [\d,]+ records\/s, (ETA|writing)/);
  t.true(pty.stdout.includes("\x1b[K"));
  // (the pty turns "\n" into "\r\n")
  const lastLine = pty.stdout.split("\r").filter((s) => s.trim() !== "").at(-1)!.replace("\x1b[K", "").trim() + "\n";
  t.regex(lastLine, SUMMARY_LINE);
  t.true(lastLine.startsWith("build-dataset: 5 documents"), lastLine);
  // Pipe: exactly one line, no carriage return or escape; --quiet: nothing.
  t.regex(pipe.stderr, SUMMARY_LINE);
  t.false(/[\r\x1b]/.test(pipe.stderr));
  t.is(silent.stderr, "");
  // Progress never reaches an output: all three builds, and the committed data/, byte-identical.
  const expected = await filesOf(onPipe!);
  t.deepEqual(await filesOf(onPty!), expected);
  t.deepEqual(await filesOf(quiet!), expected);
  for (const [name, text] of Object.entries(expected)) t.is(text, await readFile(join(ROOT, "data", name), "utf8"), name);
});
