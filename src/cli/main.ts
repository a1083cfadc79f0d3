// Shared CLI plumbing: flag parsing errors and InputErrors become one line on
// stderr and exit code 2; no stack trace reaches a user for bad input.
import { writeFileSync } from "node:fs";
import { InputError } from "../errors.ts";
import { peakRssReport } from "../rss.ts";

export { numberFlag, parseFlags } from "../flags.ts";

export const EXIT_BAD_INPUT = 2;

/** Runs a CLI body; maps errors to a one-line message and an exit code. */
export async function runCli(name: string, body: () => Promise<void>): Promise<void> {
  if (process.env.CLAIMSTANCE_REPORT_RSS) process.on("exit", () => writeFileSync(process.env.CLAIMSTANCE_REPORT_RSS!, JSON.stringify(peakRssReport())));
  try {
    await body();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${name}: ${e.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === "string" && typeof err.path === "string") {
      // File-system failures (EACCES, ENOSPC, ENOENT mid-run) are the environment's, not a bug.
      process.stderr.write(`${name}: ${err.path}: ${err.code}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`${name}: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.CLAIMSTANCE_DEBUG) process.stderr.write(`${err?.stack ?? ""}\n`);
    process.exitCode = 1;
  }
}
