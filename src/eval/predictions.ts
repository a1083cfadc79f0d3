// External predictions (`--predictions NAME=FILE.jsonl`, docs/predictions.md)
// and the built-in models' predictions out (predictions.jsonl).
// A prediction file is validated in full before anything is scored: one JSON
// object per line, {"id": <test record id or gold gid>, "<task>": <label>, …};
// any bad line is an InputError `<file>:<line>: <what>` (exit 2, nothing
// written). Missing items are an error unless allowPartial.
import { createHash } from "node:crypto";
import { InputError } from "../errors.ts";
import { HEDGE_TYPES, STANCES } from "../schema.ts";
import { TASK_LABELS, TASKS, TYPE_SEP, typesOf, type Task } from "./data.ts";
import { readJsonl } from "./io.ts";
import type { Label } from "./metrics.ts";

export interface PredictionSpec {
  name: string;
  file: string;
}

/** System names the built-in models use. */
export const RESERVED_NAMES = ["logreg", "ml-logistic-regression", "majority", "rule_labeller"];

/** Parses one `NAME=FILE` flag value. */
export function parsePredictionFlag(value: string): PredictionSpec {
  const eq = value.indexOf("=");
  const name = eq < 0 ? "" : value.slice(0, eq);
  const file = eq < 0 ? "" : value.slice(eq + 1);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || file === "")
    throw new InputError(`--predictions: expected NAME=FILE.jsonl with NAME of letters, digits, _ . - (got ${JSON.stringify(value)})`);
  if (RESERVED_NAMES.includes(name)) throw new InputError(`--predictions: the name ${JSON.stringify(name)} is taken by a built-in system`);
  return { name, file };
}

/** The items a prediction file may name. */
export interface PredictionTargets {
  /** Test record id → index in test.jsonl. */
  test: ReadonlyMap<string, number>;
  /** Train record ids (named in a clear error, never scored). */
  train: ReadonlySet<string>;
  /** Gold gid → index in the gold set. */
  gold: ReadonlyMap<string, number>;
  /** Gold indices that are scored (not leaking into train). */
  goldScored: readonly number[];
}

export interface ExternalSystem {
  name: string;
  file: string;
  sha256: string;
  /** Per task: encoded label per test record / gold item (undefined = not predicted). */
  test: Partial<Record<Task, Array<Label | undefined>>>;
  gold: Partial<Record<Task, Array<Label | undefined>>>;
}

const FIELDS = ["id", ...TASKS];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates one task value and returns its encoded label, or a message. */
function parseLabel(task: Task, v: unknown): Label | { error: string } {
  const bad = (expected: string) => ({ error: `${task}: expected ${expected}, got ${JSON.stringify(v)}` });
  switch (task) {
    case "stance":
      return typeof v === "string" && (STANCES as readonly string[]).includes(v) ? v : bad(STANCES.map((s) => `"${s}"`).join(" | "));
    case "hedged":
      return typeof v === "boolean" ? String(v) : bad("true | false");
    case "attributed":
      return typeof v === "string" && TASK_LABELS.attributed.includes(v) ? v : bad(TASK_LABELS.attributed.map((s) => `"${s}"`).join(" | "));
    case "hedge_type": {
      const types = HEDGE_TYPES as readonly string[];
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string" && types.includes(x))) return bad(`an array of ${types.map((s) => `"${s}"`).join(", ")}`);
      if (new Set(v).size !== v.length) return { error: `hedge_type: a type is listed twice in ${JSON.stringify(v)}` };
      return types.filter((t) => v.includes(t)).join(TYPE_SEP);
    }
  }
}

/** Reads and validates `spec.file` in full; `tasks` are the tasks being scored. */
export async function loadPredictions(spec: PredictionSpec, targets: PredictionTargets, tasks: readonly Task[], allowPartial: boolean): Promise<ExternalSystem> {
  const sys: ExternalSystem = { name: spec.name, file: spec.file, sha256: "", test: {}, gold: {} };
  const hash = createHash("sha256");
  const seenOn = new Map<string, number>();
  const nTest = targets.test.size;
  const nGold = targets.gold.size;
  for await (const { line, value } of readJsonl(spec.file, hash)) {
    const at = `${spec.file}:${line}`;
    if (!isObject(value)) throw new InputError(`${at}: expected a JSON object {"id": …, "<task>": …}`);
    const rawId = value["id"];
    if (!(typeof rawId === "string" && rawId !== "") && !Number.isInteger(rawId)) throw new InputError(`${at}: id: expected a record id or gold gid, got ${JSON.stringify(rawId)}`);
    const id = String(rawId);
    const first = seenOn.get(id);
    if (first !== undefined) throw new InputError(`${at}: duplicate id ${JSON.stringify(id)} (first on line ${first})`);
    seenOn.set(id, line);
    const unknown = Object.keys(value).find((k) => !FIELDS.includes(k));
    if (unknown !== undefined) throw new InputError(`${at}: unknown field ${JSON.stringify(unknown)} (expected ${FIELDS.join(", ")})`);
    const ti = targets.test.get(id);
    const gi = targets.gold.get(id);
    if (ti !== undefined && gi !== undefined) throw new InputError(`${at}: id ${JSON.stringify(id)} is both a test record and a gold gid`);
    if (ti === undefined && gi === undefined) {
      if (targets.train.has(id)) throw new InputError(`${at}: id ${JSON.stringify(id)} is a training record; predictions are scored on the test split and gold only`);
      throw new InputError(`${at}: unknown id ${JSON.stringify(id)} (not a test record id nor a gold gid)`);
    }
    let any = false;
    for (const task of TASKS) {
      if (!(task in value)) continue;
      any = true;
      const label = parseLabel(task, value[task]);
      if (typeof label !== "string") throw new InputError(`${at}: ${label.error}`);
      const [where, index, size] = ti !== undefined ? [sys.test, ti, nTest] : [sys.gold, gi!, nGold];
      (where[task] ??= new Array<Label | undefined>(size).fill(undefined))[index] = label;
    }
    if (!any) throw new InputError(`${at}: no prediction (expected at least one of ${TASKS.join(", ")})`);
  }
  sys.sha256 = hash.digest("hex");
  if (seenOn.size === 0) throw new InputError(`${spec.file}: no predictions`);
  checkCoverage(sys, targets, tasks, allowPartial);
  return sys;
}

function checkCoverage(sys: ExternalSystem, targets: PredictionTargets, tasks: readonly Task[], allowPartial: boolean): void {
  const testIds = [...targets.test.keys()];
  const goldIds = [...targets.gold.keys()];
  let used = false;
  for (const task of tasks) {
    const sets: Array<[string, Array<Label | undefined> | undefined, readonly number[], string[]]> = [
      ["test records", sys.test[task], testIds.map((_, i) => i), testIds],
      ["scored gold items", sys.gold[task], targets.goldScored, goldIds],
    ];
    for (const [what, preds, wanted, ids] of sets) {
      if (!preds) continue;
      const missing = wanted.filter((i) => preds[i] === undefined);
      if (missing.length < wanted.length) used = true;
      if (missing.length > 0 && !allowPartial)
        throw new InputError(
          `${sys.file}: ${missing.length} of ${wanted.length} ${what} have no ${task} prediction (first: ${JSON.stringify(ids[missing[0]!])}); pass --allow-partial to score the covered part`,
        );
    }
  }
  if (!used) throw new InputError(`${sys.file}: no prediction for a scored item of the selected tasks (${tasks.join(", ")})`);
}

/** A label as it appears in a prediction line. */
export function labelValue(task: Task, label: Label): string | boolean | string[] {
  if (task === "hedged") return label === "true";
  if (task === "hedge_type") return typesOf(label);
  return label;
}

export interface PredictionRow {
  system: string;
  set: "test" | "gold";
  id: string;
  labels: Partial<Record<Task, Label>>;
}

/** predictions.jsonl text: one line per system and item, tasks in TASKS order. */
export function predictionsJsonl(rows: readonly PredictionRow[]): string {
  return rows
    .map((r) => {
      const line: Record<string, unknown> = { system: r.system, set: r.set, id: r.id };
      for (const task of TASKS) if (r.labels[task] !== undefined) line[task] = labelValue(task, r.labels[task]!);
      return JSON.stringify(line) + "\n";
    })
    .join("");
}
