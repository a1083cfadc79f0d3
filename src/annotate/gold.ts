// ItemLabels ↔ the project's gold format (data/gold/README.md): one
// `<annotator>.jsonl` per annotator, gids `<annotator>:<record id>` so the
// files of several annotators can sit in one folder (and `benchmark gold
// --dir` reads them, one row per annotator). The gold format has no place for
// the spans (actor, cue, content, target), so they go beside it in
// `spans/<annotator>.jsonl` ({gid, actor_span, cue_span, content, target_span});
// a gold file without one (written by hand) has no spans.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { InputError } from "../errors.ts";
import { parseGold } from "../label/index.ts";
import { sortHedges, type CpSpan, type ItemLabels, type SampleItem } from "./item.ts";

export const gidOf = (annotator: string, id: string) => `${annotator}:${id}`;

/** One gold row, keys in the gold format's order. */
export function goldRow(it: SampleItem, l: ItemLabels, gid: string): Record<string, unknown> {
  const actorSpanText = l.actor && l.actor_span ? Array.from(it.record.text).slice(l.actor_span.start, l.actor_span.end).join("") : null;
  return {
    gid,
    source: it.record.source.path,
    text: it.record.text,
    context: it.context_before,
    actor: l.actor && { name: l.actor.name, type: l.actor.type, affiliation: l.actor.affiliation, ...(actorSpanText ? { mention: actorSpanText } : {}) },
    cue: l.cue,
    target: l.target,
    stance: l.stance,
    hedges: l.hedges.map((h) => ({ cue: h.cue, type: h.type, start: h.start })),
    target_text: l.target_text,
    target_entity: l.target_entity,
    annotated: ["actor", "cue", "target", "stance", "hedges", "target_text", "target_entity"],
  };
}

export const spansRow = (gid: string, l: ItemLabels) => ({ gid, actor_span: l.actor_span, cue_span: l.cue_span, content: l.content, target_span: l.target_span });

/** The two files of one annotator: [gold JSONL, spans JSONL], items in sample order. */
export function goldFiles(annotator: string, sample: readonly SampleItem[], labels: ReadonlyMap<string, ItemLabels>, plainGids = false): [string, string] {
  const gold: string[] = [];
  const spans: string[] = [];
  for (const it of sample) {
    const l = labels.get(it.id);
    if (!l) continue;
    const gid = plainGids ? it.id : gidOf(annotator, it.id);
    gold.push(JSON.stringify(goldRow(it, l, gid)));
    spans.push(JSON.stringify(spansRow(gid, l)));
  }
  return [gold.join("\n") + "\n", spans.join("\n") + "\n"];
}

type SpanRow = { actor_span: CpSpan | null; cue_span: CpSpan | null; content: CpSpan | null; target_span: CpSpan | null };

/** Reads a folder of imported gold files: annotator → record id → labels. Items must be in the sample. */
export async function readGoldDir(dir: string, sample: readonly SampleItem[]): Promise<Map<string, Map<string, ItemLabels>>> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".jsonl")).sort();
  } catch {
    throw new InputError(`${dir}: not a folder`);
  }
  if (files.length === 0) throw new InputError(`${dir}: no gold file (*.jsonl)`);
  const ids = new Set(sample.map((it) => it.id));
  const out = new Map<string, Map<string, ItemLabels>>();
  for (const f of files) {
    const annotator = basename(f, ".jsonl");
    const path = join(dir, f);
    const spans = new Map<string, SpanRow>();
    const spanText = await readFile(join(dir, "spans", f), "utf8").catch(() => "");
    spanText.split("\n").forEach((line, k) => {
      if (line.trim() === "") return;
      try {
        const row = JSON.parse(line) as SpanRow & { gid: string };
        spans.set(row.gid, row);
      } catch {
        throw new InputError(`${join(dir, "spans", f)}:${k + 1}: not valid JSON`);
      }
    });
    const items = new Map<string, ItemLabels>();
    for (const g of parseGold(path, await readFile(path, "utf8"))) {
      const prefixed = g.gid.startsWith(`${annotator}:`) ? g.gid.slice(annotator.length + 1) : null;
      const id = prefixed !== null && ids.has(prefixed) ? prefixed : g.gid;
      if (!ids.has(id)) throw new InputError(`${g.at}: not in the sample: ${g.gid}`);
      if (items.has(id)) throw new InputError(`${g.at}: ${id} annotated twice by ${annotator}`);
      const s = spans.get(g.gid);
      items.set(id, {
        actor: g.actor && { name: g.actor.name, type: g.actor.type, affiliation: g.actor.affiliation },
        actor_span: s?.actor_span ?? null,
        cue: g.cue,
        cue_span: s?.cue_span ?? null,
        content: s?.content ?? null,
        target: g.target,
        target_text: g.targetText ?? null,
        target_span: s?.target_span ?? null,
        target_entity: g.targetEntity ?? null,
        stance: g.stance,
        hedges: sortHedges(g.hedges.map((h) => ({ cue: h.cue, type: h.type, start: h.start, end: h.end }))),
      });
    }
    out.set(annotator, items);
  }
  return out;
}
