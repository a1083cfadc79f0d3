// brat standoff, the format PolNeAR uses: per item `NNNN.txt` (the context
// before, the sentence, the context after, one per line) and `NNNN.ann`, plus
// the folder's `annotation.conf`. The sentence is a `Sentence` span carrying
// the `Stance` attribute and, in its AnnotatorNotes, the labels that are not
// spans (`id=… | actor=… | actor_type=… | affiliation=… | cue=… | target=… |
// target_entity=…`; `cue=` only for a cue without a span). Actor, Cue,
// Content, Target and Hedge_<type> are spans inside it. Offsets are code
// points of the .txt, as brat (Python) counts them. The spans are read back
// with the project's brat reader (src/eval/benchmarks/brat.ts parseBrat, the
// PolNeAR benchmark's), the attribute and note lines here.
import { readFile, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { InputError } from "../../errors.ts";
import { parseBrat } from "../../eval/benchmarks/brat.ts";
import { HEDGE_TYPES, STANCES, type HedgeType, type Stance } from "../../schema.ts";
import { assembleLabels, cps, sliceCp, type CpSpan, type ItemHedge, type ItemLabels, type SampleItem } from "../item.ts";

const hedgeType = (t: HedgeType) => `Hedge_${t}`;

export function bratConf(): string {
  return `# claimstance annotate: claim labels on one sentence per document
[entities]
Sentence
Actor
Cue
Content
Target
${HEDGE_TYPES.map(hedgeType).join("\n")}

[relations]

[events]

[attributes]
Stance\tArg:Sentence, Value:${STANCES.join("|")}
`;
}

export const bratName = (n: number) => String(n).padStart(4, "0");

const NOTE_KEYS = ["id", "actor", "actor_type", "affiliation", "cue", "target", "target_entity"] as const;

/** The .txt and .ann of one item. */
export function bratDocument(it: SampleItem, l: ItemLabels): { txt: string; ann: string } {
  const lines = [...it.context_before, it.record.text, ...it.context_after];
  const txt = lines.join("\n") + "\n";
  const at = cps(it.context_before.join("\n") + (it.context_before.length > 0 ? "\n" : "")).length;
  const text = it.record.text;
  const ann: string[] = [];
  let t = 0;
  const span = (type: string, s: CpSpan) => ann.push(`T${++t}\t${type} ${at + s.start} ${at + s.end}\t${sliceCp(text, s)}`);
  span("Sentence", { start: 0, end: cps(text).length });
  const notes: Record<string, string> = { id: it.id };
  if (l.actor) {
    notes.actor = l.actor.name;
    notes.actor_type = l.actor.type;
    if (l.actor.affiliation !== null) notes.affiliation = l.actor.affiliation;
  }
  if (l.cue !== null && !l.cue_span) notes.cue = l.cue;
  if (l.target !== null) notes.target = l.target;
  if (l.target_entity !== null) notes.target_entity = l.target_entity;
  ann.push(`A1\tStance T1 ${l.stance}`);
  ann.push(`#1\tAnnotatorNotes T1\t${NOTE_KEYS.filter((k) => notes[k] !== undefined).map((k) => `${k}=${notes[k]}`).join(" | ")}`);
  if (l.actor_span) span("Actor", l.actor_span);
  if (l.cue_span) span("Cue", l.cue_span);
  if (l.content) span("Content", l.content);
  if (l.target_span) span("Target", l.target_span);
  for (const h of l.hedges) span(hedgeType(h.type), h);
  return { txt, ann: ann.join("\n") + "\n" };
}

export function bratFiles(items: readonly SampleItem[], labelsOf: (it: SampleItem) => ItemLabels): [string, string][] {
  const out: [string, string][] = [["annotation.conf", bratConf()]];
  for (const it of items) {
    const d = bratDocument(it, labelsOf(it));
    out.push([`${bratName(it.n)}.txt`, d.txt], [`${bratName(it.n)}.ann`, d.ann]);
  }
  return out;
}

const HEDGE_BY_TYPE = new Map<string, HedgeType>(HEDGE_TYPES.map((t) => [hedgeType(t), t]));

/** Reads one item's .ann back; `file` names it in errors. */
export function readBratItem(file: string, annText: string, txt: string, it: SampleItem): ItemLabels {
  // A final newline would join the last span's text (the reader continues a span's text over line breaks).
  annText = annText.replace(/(\r?\n)+$/, "");
  const doc = parseBrat(annText, file);
  const lineOf = (prefix: string) => annText.split("\n").findIndex((l) => l.startsWith(prefix)) + 1;
  const txtCps = cps(txt);
  let sentence: { id: string; start: number; end: number } | null = null;
  for (const s of doc.spans.values()) {
    if (s.fragments.length !== 1) throw new InputError(`${file}:${lineOf(s.id + "\t")}: discontinuous span ${s.id} (one fragment per span)`);
    const [a, b] = s.fragments[0]!;
    if (txtCps.slice(a, b).join("") !== s.text) throw new InputError(`${file}:${lineOf(s.id + "\t")}: span text mismatch: ${s.id} says ${JSON.stringify(s.text)}, the .txt has ${JSON.stringify(txtCps.slice(a, b).join(""))}`);
    if (s.type === "Sentence") {
      if (sentence) throw new InputError(`${file}:${lineOf(s.id + "\t")}: more than one Sentence span`);
      sentence = { id: s.id, start: a, end: b };
    }
  }
  if (!sentence) throw new InputError(`${file}:1: no Sentence span`);
  const text = it.record.text;
  if (txtCps.slice(sentence.start, sentence.end).join("") !== text) throw new InputError(`${file}:${lineOf(sentence.id + "\t")}: span text mismatch: the Sentence span is not the sampled sentence of ${it.id}`);
  let stance: Stance = "neutral";
  const notes = new Map<string, string>();
  annText.split("\n").forEach((raw, k) => {
    const line = raw.replace(/\r$/, "");
    const a = /^A\d+\t(\S+) (\S+)(?: (\S+))?$/.exec(line);
    if (a) {
      if (a[1] !== "Stance" || a[2] !== sentence!.id) throw new InputError(`${file}:${k + 1}: unknown label: attribute ${a[1]} on ${a[2]} (only Stance on the Sentence span)`);
      if (!(STANCES as readonly string[]).includes(a[3] ?? "")) throw new InputError(`${file}:${k + 1}: unknown label ${JSON.stringify(a[3] ?? "")} for Stance`);
      stance = a[3] as Stance;
      return;
    }
    const n = /^#\d+\tAnnotatorNotes (\S+)\t(.*)$/.exec(line);
    if (n && n[1] === sentence!.id) {
      for (const part of n[2]!.split(" | ")) {
        const eq = part.indexOf("=");
        const key = eq < 0 ? part.trim() : part.slice(0, eq).trim();
        if (!(NOTE_KEYS as readonly string[]).includes(key)) throw new InputError(`${file}:${k + 1}: unknown label ${JSON.stringify(key)} in the Sentence note (known: ${NOTE_KEYS.join(", ")})`);
        const v = eq < 0 ? "" : part.slice(eq + 1).trim();
        if (v !== "") notes.set(key, v);
      }
    }
  });
  if (notes.get("id") !== it.id) throw new InputError(`${file}:${lineOf("#")}: not in the sample: note id ${JSON.stringify(notes.get("id") ?? "")} is not item ${bratName(it.n)} (${it.id})`);
  const spans = new Map<string, CpSpan>();
  const hedges: ItemHedge[] = [];
  for (const s of doc.spans.values()) {
    if (s.type === "Sentence") continue;
    const [a, b] = s.fragments[0]!;
    const where = `${file}:${lineOf(s.id + "\t")}`;
    if (a < sentence.start || b > sentence.end) throw new InputError(`${where}: ${s.type} span ${s.id} lies outside the sentence`);
    const span = { start: a - sentence.start, end: b - sentence.start };
    const ht = HEDGE_BY_TYPE.get(s.type);
    if (ht) hedges.push({ cue: s.text, type: ht, ...span });
    else if (["Actor", "Cue", "Content", "Target"].includes(s.type)) {
      if (spans.has(s.type)) throw new InputError(`${where}: more than one ${s.type} span`);
      spans.set(s.type, span);
    } else throw new InputError(`${where}: unknown label ${JSON.stringify(s.type)}`);
  }
  const n = (k: string) => notes.get(k);
  const given = { actor: n("actor"), actor_type: n("actor_type"), affiliation: n("affiliation"), cue: n("cue"), target: n("target"), target_entity: n("target_entity") };
  return assembleLabels(text, spans, hedges, given, stance, `${file}:${lineOf("#")}`);
}

/** Reads every NNNN.ann of a brat folder against the sample: item n → labels. */
export async function readBratFolder(dir: string, sample: readonly SampleItem[]): Promise<Map<string, ItemLabels>> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".ann")).sort();
  } catch {
    throw new InputError(`${dir}: not a folder`);
  }
  const byN = new Map(sample.map((it) => [bratName(it.n), it]));
  const out = new Map<string, ItemLabels>();
  for (const f of files) {
    const path = join(dir, f);
    const it = byN.get(basename(f, ".ann"));
    if (!it) throw new InputError(`${path}:1: not in the sample (no item ${basename(f, ".ann")})`);
    const txtPath = join(dir, `${basename(f, ".ann")}.txt`);
    let txt: string;
    try {
      txt = await readFile(txtPath, "utf8");
    } catch {
      throw new InputError(`${txtPath}: missing (every .ann needs its .txt)`);
    }
    out.set(it.id, readBratItem(path, await readFile(path, "utf8"), txt, it));
  }
  if (files.length === 0) throw new InputError(`${dir}: no .ann file`);
  return out;
}
