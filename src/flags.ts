// Command-line flag parsing shared by the commands (src/cli) and the label
// benchmarks (src/eval/benchmarks), which parse the flags after their name:
// a library layer, so nothing under src/eval depends on src/cli. A bad flag
// is an InputError (one line, exit code 2 through runCli).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "./errors.ts";

export function parseFlags<T extends ParseArgsConfig["options"]>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

export function numberFlag(name: string, raw: string | undefined, fallback: number, check: (v: number) => boolean): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(v) || !check(v)) throw new InputError(`--${name}: invalid value ${JSON.stringify(raw)}`);
  return v;
}

/** `items` joined by ", " in lines of at most `width` characters, each line after the first indented by `indent` spaces (help texts). */
export function wrapList(items: readonly string[], width: number, indent: number): string {
  const lines: string[] = [];
  let line = "";
  for (const [k, item] of items.entries()) {
    const piece = item + (k < items.length - 1 ? "," : "");
    if (line !== "" && line.length + 1 + piece.length > width) (lines.push(line), (line = piece));
    else line = line === "" ? piece : `${line} ${piece}`;
  }
  if (line !== "") lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}
