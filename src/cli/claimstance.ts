#!/usr/bin/env node
// `claimstance COMMAND [options]`: the installed CLI (package.json "bin") and
// what every `npm run COMMAND` script runs (scripts/run.mjs). Each command is
// a module exporting HELP and main(argv), loaded only when chosen, so
// `--help` and `--version` stay fast. Adding a command is one row in COMMANDS.
import { readFileSync } from "node:fs";
import { runCli } from "./main.ts";

interface CommandModule {
  HELP: string;
  main(argv: string[]): Promise<number | void>;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  "build-dataset": { summary: "news articles → train/test claim-record JSONL", load: () => import("./build-dataset.ts") },
  eval: { summary: "train and score the baseline classifier", load: () => import("./eval.ts") },
  benchmark: { summary: "score the labeller against annotated corpora", load: () => import("./benchmark.ts") },
  "train-attribution": { summary: "retrain the attribution tagger on PolNeAR train", load: () => import("./train-attribution.ts") },
  "train-chrome": { summary: "retrain the clean step's segment model on AllSides sentences", load: () => import("./train-chrome.ts") },
  "suggest-targets": { summary: "draft a topics CSV (for --targets) from a corpus", load: () => import("./suggest-targets.ts") },
  annotate: { summary: "check the labels on your corpus: sample, Label Studio/brat round trip, agreement, report", load: () => import("./annotate.ts") },
};

/** package.json's version: two folders up from src/cli/ (tsx) and dist/cli/ (compiled) alike. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

const HELP = `Usage: claimstance COMMAND [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`)
  .join("\n")}

  claimstance COMMAND --help   the options of one command
  claimstance --version        the version`;

const [command, ...rest] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write(`${HELP}\n`);
  process.exitCode = 2;
} else if (command === "--help" || command === "-h" || command === "help") {
  console.log(HELP);
} else if (command === "--version" || command === "-v") {
  console.log(version());
} else {
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    process.stderr.write(`claimstance: unknown command ${JSON.stringify(command)} (commands: ${Object.keys(COMMANDS).join(", ")}; see --help)\n`);
    process.exitCode = 2;
  } else if (rest.includes("--version")) {
    console.log(version());
  } else {
    await runCli(command, async () => {
      const code = await (await entry.load()).main(rest);
      if (typeof code === "number") process.exitCode = code;
    });
  }
}
