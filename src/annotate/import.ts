// `annotate import`: Label Studio JSON exports and brat folders back to
// labels per annotator, checked against the sample. Every problem is one
// line naming the file and the task id (Label Studio) or file:line (brat).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { InputError } from "../errors.ts";
import { describeIssue } from "../eval/io.ts";
import { readBratFolder } from "./export/brat.ts";
import { LsExport, lsAnnotator, resultToLabels } from "./export/labelstudio.ts";
import { annotatorName, labelProblem, type ItemLabels, type SampleItem } from "./item.ts";

export type Annotations = Map<string, Map<string, ItemLabels>>;

function add(out: Annotations, annotator: string, id: string, l: ItemLabels, where: string): void {
  const problem = labelProblem(l);
  if (problem) throw new InputError(`${where}: ${problem}`);
  if (!out.has(annotator)) out.set(annotator, new Map());
  const mine = out.get(annotator)!;
  if (mine.has(id)) throw new InputError(`${where}: ${annotator} annotated ${id} twice`);
  mine.set(id, l);
}

/** Reads one Label Studio JSON export into `out` (one annotator per `completed_by`). */
export async function importLabelStudio(file: string, sample: readonly SampleItem[], out: Annotations): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code})`);
    throw new InputError(`${file}: not valid JSON (a Label Studio JSON export is one array of tasks)`);
  }
  const p = LsExport.safeParse(json);
  if (!p.success) {
    const i = p.error.issues[0]?.path[0];
    const task = typeof i === "number" && Array.isArray(json) ? (json[i] as { id?: unknown })?.id : undefined;
    throw new InputError(`${file}: ${task !== undefined ? `task ${String(task)}: ` : ""}not Label Studio's JSON export format (${describeIssue(p.error.issues)})`);
  }
  const byId = new Map(sample.map((it) => [it.id, it]));
  for (const task of p.data) {
    const where = `${file}: task ${task.id}`;
    const itemId = task.data["item_id"];
    const it = typeof itemId === "string" ? byId.get(itemId) : undefined;
    if (!it) throw new InputError(`${where}: not in the sample (item_id ${JSON.stringify(itemId ?? null)})`);
    if (task.data.text !== it.record.text) throw new InputError(`${where}: span text mismatch: the task's text is not the sampled sentence of ${it.id}`);
    for (const a of task.annotations) {
      if (a.was_cancelled) continue;
      add(out, annotatorName(lsAnnotator(a.completed_by)), it.id, resultToLabels(it.record.text, a.result, where), where);
    }
  }
}

/** Reads one brat folder as annotator `name` (default: the folder's name). */
export async function importBrat(dir: string, name: string | null, sample: readonly SampleItem[], out: Annotations): Promise<void> {
  const annotator = annotatorName(name ?? basename(dir.replace(/\/+$/, "")));
  if (out.has(annotator)) throw new InputError(`${dir}: annotator ${annotator} already imported (name the folder: --brat NAME=${dir})`);
  const labels = await readBratFolder(dir, sample);
  for (const [id, l] of labels) add(out, annotator, id, l, `${dir}: ${id}`);
}

/** `NAME=DIR` or `DIR`. */
export function parseNamed(value: string): { name: string | null; path: string } {
  const m = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(value);
  return m ? { name: m[1]!, path: m[2]! } : { name: null, path: value };
}
