// Fixture builders for the eval tests: schema-valid claim records and small
// train/test JSONL datasets in temp folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClaimRecord, type Stance } from "../../src/schema.ts";
import { runTsx, type Run } from "../hostile/helpers.ts";


export interface Spec {
  text: string;
  stance: Stance;
  hedged: boolean;
}

/** A ClaimRecord that passes the zod schema (target set iff stance is not neutral; one hedge when hedged). */
export function record(spec: Spec, split: "train" | "test", doc: string, index: number): ClaimRecord {
  const len = [...spec.text].length;
  const id = `${split}-${doc}-${index}`;
  const cue = "reportedly";
  const at = spec.text.indexOf(cue);
  const hedges = spec.hedged ? [{ cue, type: "distancing" as const, start: Math.max(0, at), end: Math.max(0, at) + cue.length }] : [];
  return ClaimRecord.parse({
    id,
    doc_id: doc,
    source: { path: `${doc}.txt`, outlet: null, published: null, title: null, url: null },
    sentence_index: index,
    start: index * 1000,
    end: index * 1000 + len,
    kind: "body",
    text: spec.text,
    actor: null,
    cue: null,
    content: null,
    target: spec.stance === "neutral" ? null : "peace_talks",
    target_text: spec.stance === "neutral" ? null : "talks",
    target_entity: null,
    stance: spec.stance,
    hedges,
    hedged: spec.hedged,
    rules: [],
    evidence: { actor: null, cue: null, target: null, stance: null },
    dup_group: id,
    split,
  });
}

export function jsonl(specs: readonly Spec[], split: "train" | "test"): string {
  return specs.map((s, i) => JSON.stringify(record(s, split, `${split}-doc-${Math.floor(i / 5)}`, i))).join("\n") + "\n";
}

const ACTORS = ["The minister", "Lavrov", "The spokesman", "Zelensky", "The president", "Officials", "Rutte", "The envoy", "Merz", "The delegation", "Macron", "Erdogan"];
const WHEN = ["on Monday", "on Tuesday", "in Geneva", "in Istanbul", "last week", "this morning", "in Brussels"];

/**
 * A deterministic toy dataset whose labels follow the wording: support
 * sentences use "welcomed", oppose "rejected", neutral "mentioned"; hedged
 * ones contain "reportedly".
 */
export function toySpecs(n: number, offset = 0): Spec[] {
  const out: Spec[] = [];
  for (let i = offset; i < offset + n; i++) {
    const stance: Stance = (["support", "oppose", "neutral", "neutral"] as const)[i % 4]!;
    const hedged = i % 3 === 0;
    const verb = stance === "support" ? "welcomed" : stance === "oppose" ? "rejected" : "mentioned";
    const obj = stance === "neutral" ? "the weather" : "the peace talks";
    const actor = ACTORS[i % ACTORS.length]!;
    const when = WHEN[(i * 5) % WHEN.length]!;
    out.push({ text: `${actor} ${hedged ? "reportedly " : ""}${verb} ${obj} ${when} (item ${i}).`, stance, hedged });
  }
  return out;
}

const created: string[] = [];

/** A fresh temp folder, removed by cleanupTemp(). */
export function tempDir(prefix = "claimstance-eval-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder made by tempDir()/writeDataset() (call from test.after.always). */
export function cleanupTemp(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes train.jsonl / test.jsonl (and optional gold lines) to a fresh temp folder; returns its path. */
export function writeDataset(train: readonly Spec[], test: readonly Spec[], gold?: readonly object[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, "train.jsonl"), jsonl(train, "train"));
  writeFileSync(join(dir, "test.jsonl"), jsonl(test, "test"));
  if (gold) {
    const g = join(dir, "gold");
    mkdirSync(g, { recursive: true });
    writeFileSync(join(g, "gold.jsonl"), gold.map((x) => JSON.stringify(x)).join("\n") + "\n");
  }
  return dir;
}

/** A gold line in the data/gold format. */
export function goldLine(gid: string, text: string, stance: Stance, hedged: boolean): object {
  return {
    gid,
    source: "fixture",
    text,
    target: stance === "neutral" ? null : "peace_talks",
    stance,
    hedges: hedged ? [{ cue: "reportedly", type: "distancing" }] : [],
  };
}

/** Runs `src/cli/eval.ts` with `args` in a child process (the real CLI: exit code, stdout, stderr). */
export function runEvalCli(args: readonly string[]): Promise<Run> {
  return runTsx("src/cli/eval.ts", args);
}
