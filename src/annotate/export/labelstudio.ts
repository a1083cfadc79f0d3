// Label Studio: the labelling config (XML), the tasks with the labeller's
// labels as `predictions` (annotators correct rather than start blank), and
// the reader of Label Studio's JSON export.
//
// Formats, from Label Studio's documentation:
// - tasks to import, with pre-annotations: "Import pre-annotated data into
//   Label Studio", https://labelstud.io/guide/predictions (and
//   docs/source/guide/predictions.md in HumanSignal/label-studio 1.13.0): a
//   list of tasks `{data: {...}, predictions: [{model_version, score?,
//   result: [...]}]}`; a text span result is `{id, from_name, to_name, type:
//   "labels", value: {start, end, text, labels: [...]}}`, a choice `{…, type:
//   "choices", value: {choices: [...]}}`, a text area `{…, type: "textarea",
//   value: {text: [...]}}`.
// - the JSON export: "Label Studio Task Format", https://labelstud.io/guide/task_format
//   (and guide/export.md): a list of tasks `{id, data, annotations: [{id,
//   completed_by, result: [...], was_cancelled, ground_truth, created_at,
//   updated_at, lead_time, …}], predictions: [...]}`; `completed_by` is a
//   user id (an object with the user's id and email in older exports).
// Offsets: Label Studio stores code points since the frontend fix for text
// with emoji (HumanSignal/label-studio PR #1559, merged as
// label-studio-frontend PR #308: "Store code points instead of js length";
// issue #4988 on 1.9.1 shows the exported offsets right); older versions
// stored JavaScript string indices (UTF-16 code units, issue #1347). Exports
// write code points, like records; the import accepts either as long as the
// region's `text` is the text at them (checked, one-line error otherwise).
import { z } from "zod";
import { InputError } from "../../errors.ts";
import { ACTOR_TYPES, HEDGE_TYPES, STANCES, type HedgeType, type Stance } from "../../schema.ts";
import { assembleLabels, cps, type CpSpan, type ItemHedge, type ItemLabels, type SampleItem } from "../item.ts";

// ---- zod schemas of the documented formats -------------------------------------------------------------

const SpanValue = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string(), labels: z.array(z.string()).min(1) }).passthrough();
const common = { id: z.string().optional(), from_name: z.string(), to_name: z.string(), origin: z.string().optional(), readonly: z.boolean().optional(), hidden: z.boolean().optional() };
export const LsResult = z.discriminatedUnion("type", [
  z.object({ ...common, type: z.literal("labels"), value: SpanValue }).passthrough(),
  z.object({ ...common, type: z.literal("choices"), value: z.object({ choices: z.array(z.string()) }).passthrough() }).passthrough(),
  z.object({ ...common, type: z.literal("textarea"), value: z.object({ text: z.array(z.string()) }).passthrough() }).passthrough(),
  // Relations between regions and other tools: read, not used.
  z.object({ type: z.literal("relation") }).passthrough(),
]);
export type LsResult = z.infer<typeof LsResult>;

export const LsPrediction = z.object({ model_version: z.string().optional(), score: z.number().optional(), result: z.array(LsResult) }).passthrough();

/** One task of the import file (tasks.json). */
export const LsImportTask = z
  .object({
    data: z.object({ text: z.string(), item_id: z.string(), context_before: z.string(), context_after: z.string() }).passthrough(),
    predictions: z.array(LsPrediction).optional(),
  })
  .strict();

const CompletedBy = z.union([z.number(), z.object({ id: z.number().optional(), email: z.string().optional() }).passthrough()]);
export const LsAnnotation = z
  .object({ id: z.number().optional(), completed_by: CompletedBy.optional(), result: z.array(LsResult), was_cancelled: z.boolean().optional(), ground_truth: z.boolean().optional(), lead_time: z.number().optional() })
  .passthrough();
/** One task of Label Studio's JSON export. */
export const LsExportTask = z
  .object({ id: z.number(), data: z.object({ text: z.string() }).passthrough(), annotations: z.array(LsAnnotation), predictions: z.array(z.unknown()).optional() })
  .passthrough();
export const LsExport = z.array(LsExportTask);

// ---- the labelling config ------------------------------------------------------------------------------

export const SPAN_LABELS = ["Actor", "Cue", "Content", "Target"] as const;
export const hedgeLabel = (t: HedgeType) => `Hedge_${t}`;
const COLOURS: Record<string, string> = { Actor: "#4c72b0", Cue: "#dd8452", Content: "#55a868", Target: "#c44e52" };

export function labelStudioConfig(): string {
  const label = (value: string, bg: string) => `    <Label value="${value}" background="${bg}"/>`;
  return `<View>
  <Header value="Before"/>
  <Text name="before" value="$context_before"/>
  <Header value="Sentence: mark Actor, Cue, Content, Target and hedge cues (Hedge_<type>)"/>
  <Labels name="span" toName="text">
${[...SPAN_LABELS.map((l) => label(l, COLOURS[l]!)), ...HEDGE_TYPES.map((t) => label(hedgeLabel(t), "#8172b3"))].join("\n")}
  </Labels>
  <Text name="text" value="$text" granularity="symbol"/>
  <Header value="After"/>
  <Text name="after" value="$context_after"/>
  <Header value="Stance toward the target"/>
  <Choices name="stance" toName="text" choice="single" showInline="true">
${STANCES.map((s) => `    <Choice value="${s}"/>`).join("\n")}
  </Choices>
  <Header value="Actor (canonical name; empty = the writer's narration), its type and country"/>
  <TextArea name="actor_name" toName="text" maxSubmissions="1" editable="true"/>
  <Choices name="actor_type" toName="text" choice="single" showInline="true">
${ACTOR_TYPES.map((s) => `    <Choice value="${s}"/>`).join("\n")}
  </Choices>
  <TextArea name="actor_affiliation" toName="text" maxSubmissions="1" editable="true"/>
  <Header value="Cue when it has no span in the sentence"/>
  <TextArea name="cue_text" toName="text" maxSubmissions="1" editable="true"/>
  <Header value="Target topic id, and the target's canonical entity name"/>
  <TextArea name="target_topic" toName="text" maxSubmissions="1" editable="true"/>
  <TextArea name="target_entity" toName="text" maxSubmissions="1" editable="true"/>
</View>
`;
}

/** The controls of the config: from_name → the tag, to check an export against. */
const CONTROLS = new Set(["span", "stance", "actor_name", "actor_type", "actor_affiliation", "cue_text", "target_topic", "target_entity"]);

// ---- offsets ---------------------------------------------------------------------------------------------

/** UTF-16 index of each code-point index 0..n (older Label Studio offsets). */
function utf16Offsets(text: string): number[] {
  const out = [0];
  let u = 0;
  for (const c of cps(text)) {
    u += c.length;
    out.push(u);
  }
  return out;
}

// ---- export ----------------------------------------------------------------------------------------------

/** The result items of one item's labels (ids `<n>-<what>`, stable). */
export function labelsToResult(n: number, text: string, l: ItemLabels): LsResult[] {
  const chars = cps(text);
  const out: LsResult[] = [];
  const span = (what: string, s: CpSpan, label: string) =>
    out.push({ id: `${n}-${what}`, from_name: "span", to_name: "text", type: "labels", value: { start: s.start, end: s.end, text: chars.slice(s.start, s.end).join(""), labels: [label] } });
  const area = (name: string, v: string | null) => {
    if (v !== null) out.push({ id: `${n}-${name}`, from_name: name, to_name: "text", type: "textarea", value: { text: [v] } });
  };
  const choice = (name: string, v: string) => out.push({ id: `${n}-${name}`, from_name: name, to_name: "text", type: "choices", value: { choices: [v] } });
  if (l.actor_span) span("actor", l.actor_span, "Actor");
  if (l.cue_span) span("cue", l.cue_span, "Cue");
  if (l.content) span("content", l.content, "Content");
  if (l.target_span) span("target", l.target_span, "Target");
  l.hedges.forEach((h, k) => span(`hedge${k + 1}`, h, hedgeLabel(h.type)));
  choice("stance", l.stance);
  if (l.actor) {
    area("actor_name", l.actor.name);
    choice("actor_type", l.actor.type);
    area("actor_affiliation", l.actor.affiliation);
  }
  if (l.cue !== null && !l.cue_span) area("cue_text", l.cue);
  area("target_topic", l.target);
  area("target_entity", l.target_entity);
  return out;
}

export const MODEL_VERSION = "claimstance rule labeller";

export function labelStudioTasks(items: readonly SampleItem[], labelsOf: (it: SampleItem) => ItemLabels): z.infer<typeof LsImportTask>[] {
  return items.map((it) => ({
    data: { text: it.record.text, item_id: it.id, context_before: it.context_before.join(" "), context_after: it.context_after.join(" ") },
    predictions: [{ model_version: MODEL_VERSION, result: labelsToResult(it.n, it.record.text, labelsOf(it)) }],
  }));
}

// ---- import ----------------------------------------------------------------------------------------------

/** Code-point span of a region: its offsets as code points or as UTF-16 indices, whichever gives its text. */
function regionSpan(text: string, v: { start: number; end: number; text: string }, where: string): CpSpan {
  const c = cps(text);
  if (v.end <= c.length && v.start <= v.end && c.slice(v.start, v.end).join("") === v.text) return { start: v.start, end: v.end };
  const u = utf16Offsets(text);
  const s = u.indexOf(v.start);
  const e = u.indexOf(v.end);
  if (s >= 0 && e >= s && text.slice(v.start, v.end) === v.text) return { start: s, end: e };
  throw new InputError(`${where}: span text mismatch at ${v.start}-${v.end}: region says ${JSON.stringify(v.text)}, the sentence has ${JSON.stringify(c.slice(v.start, v.end).join(""))}`);
}

const HEDGE_BY_LABEL = new Map<string, HedgeType>(HEDGE_TYPES.map((t) => [hedgeLabel(t), t]));

/** The labels of one annotation's result items; `where` names the task in errors. */
export function resultToLabels(text: string, result: readonly LsResult[], where: string): ItemLabels {
  const spans = new Map<string, CpSpan>();
  const hedges: ItemHedge[] = [];
  const values = new Map<string, string>();
  for (const r of result) {
    if (r.type === "relation") continue;
    if (!CONTROLS.has(r.from_name)) throw new InputError(`${where}: unknown control ${JSON.stringify(r.from_name)} (not in the labelling config)`);
    if (r.type === "labels") {
      if (r.from_name !== "span") throw new InputError(`${where}: spans belong to the "span" control, not ${JSON.stringify(r.from_name)}`);
      const label = r.value.labels[0]!;
      const span = regionSpan(text, r.value, where);
      const hedge = HEDGE_BY_LABEL.get(label);
      if (hedge) hedges.push({ cue: r.value.text, type: hedge, ...span });
      else if ((SPAN_LABELS as readonly string[]).includes(label)) {
        if (spans.has(label)) throw new InputError(`${where}: more than one ${label} span`);
        spans.set(label, span);
      } else throw new InputError(`${where}: unknown label ${JSON.stringify(label)}`);
    } else {
      const v = (r.type === "choices" ? r.value.choices : r.value.text).join(" ").trim();
      if (r.type === "choices" && r.from_name === "stance" && !(STANCES as readonly string[]).includes(v)) throw new InputError(`${where}: unknown label ${JSON.stringify(v)} for stance`);
      if (r.type === "choices" && r.from_name === "actor_type" && !(ACTOR_TYPES as readonly string[]).includes(v)) throw new InputError(`${where}: unknown label ${JSON.stringify(v)} for actor_type`);
      if (v !== "") values.set(r.from_name, v);
    }
  }
  const v = (k: string) => values.get(k);
  const given = { actor: v("actor_name"), actor_type: v("actor_type"), affiliation: v("actor_affiliation"), cue: v("cue_text"), target: v("target_topic"), target_entity: v("target_entity") };
  return assembleLabels(text, spans, hedges, given, (v("stance") ?? "neutral") as Stance, where);
}

/** An annotator's name from `completed_by`. */
export function lsAnnotator(c: z.infer<typeof CompletedBy> | undefined): string {
  if (c === undefined) return "ls-unknown";
  if (typeof c === "number") return `ls-${c}`;
  return c.email ? c.email.replace(/@.*$/, "") : `ls-${c.id ?? "unknown"}`;
}

// ---- checking a config and tasks against the documented tags -------------------------------------------

/**
 * The tags the config uses, with their documented parameters (https://labelstud.io/tags/view, /header,
 * /text, /labels, /label, /choices, /choice, /textarea): required first, then optional. Object tags show
 * data (`value="$field"` of the task's data), control tags label an object (`toName` = its name) and
 * produce results of their own type (`labels`, `choices`, `textarea`).
 */
const TAGS: Record<string, { kind: "visual" | "object" | "control" | "option"; required: string[]; optional: string[]; parent?: string }> = {
  View: { kind: "visual", required: [], optional: ["style", "className", "visibleWhen"] },
  Header: { kind: "visual", required: ["value"], optional: ["size", "style", "underline"] },
  Text: { kind: "object", required: ["name", "value"], optional: ["valueType", "saveTextResult", "encoding", "selectionEnabled", "highlightColor", "showLabels", "granularity"] },
  Labels: { kind: "control", required: ["name", "toName"], optional: ["choice", "maxUsages", "showInline", "opacity", "fillColor", "strokeColor", "strokeWidth", "value"] },
  Label: { kind: "option", parent: "Labels", required: ["value"], optional: ["selected", "maxUsages", "hint", "hotkey", "alias", "showAlias", "aliasStyle", "size", "background", "selectedColor", "granularity", "html", "category"] },
  Choices: { kind: "control", required: ["name", "toName"], optional: ["choice", "showInline", "required", "requiredMessage", "visibleWhen", "whenTagName", "whenLabelValue", "whenChoiceValue", "perRegion", "perItem", "value", "allowNested", "layout"] },
  Choice: { kind: "option", parent: "Choices", required: ["value"], optional: ["selected", "alias", "style", "hotkey", "html", "hint", "color"] },
  TextArea: { kind: "control", required: ["name"], optional: ["toName", "value", "label", "placeholder", "maxSubmissions", "editable", "skipDuplicates", "transcription", "displayMode", "rows", "required", "requiredMessage", "showSubmitButton", "perRegion", "perItem"] },
};

interface ConfigTag {
  tag: string;
  attrs: Map<string, string>;
  parent: ConfigTag | null;
  children: ConfigTag[];
}

/** Every problem of a labelling config against the documented tags (empty: valid), and its tags. */
export function checkConfig(xml: string): { problems: string[]; tags: ConfigTag[] } {
  const problems: string[] = [];
  const tags: ConfigTag[] = [];
  const stack: ConfigTag[] = [];
  const TAG = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of xml.matchAll(TAG)) {
    if (xml.slice(last, m.index).trim() !== "") problems.push(`text outside a tag: ${JSON.stringify(xml.slice(last, m.index).trim().slice(0, 40))}`);
    last = m.index + m[0].length;
    const [, closing, name, attrText, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (stack.pop()?.tag !== name) problems.push(`</${name}> closes nothing open`);
      continue;
    }
    const spec = TAGS[name];
    const attrs = new Map([...attrText.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!] as [string, string]));
    const tag: ConfigTag = { tag: name, attrs, parent: stack.at(-1) ?? null, children: [] };
    tag.parent?.children.push(tag);
    tags.push(tag);
    if (!spec) problems.push(`unknown tag <${name}>`);
    else {
      for (const r of spec.required) if (!attrs.has(r)) problems.push(`<${name}> needs ${r}`);
      for (const a of attrs.keys()) if (!spec.required.includes(a) && !spec.optional.includes(a)) problems.push(`<${name}> has no parameter ${a}`);
      if (spec.parent && tag.parent?.tag !== spec.parent) problems.push(`<${name}> must sit inside <${spec.parent}>`);
    }
    if (tags.length === 1 && name !== "View") problems.push("the config must start with <View>");
    if (!selfClosing) stack.push(tag);
  }
  if (xml.slice(last).trim() !== "") problems.push("text after the last tag");
  if (stack.length > 0) problems.push(`<${stack.at(-1)!.tag}> is never closed`);
  const objects = new Set(tags.filter((t) => TAGS[t.tag]?.kind === "object").map((t) => t.attrs.get("name")));
  const names = tags.filter((t) => t.attrs.has("name")).map((t) => t.attrs.get("name")!);
  for (const n of names) if (names.indexOf(n) !== names.lastIndexOf(n)) problems.push(`name ${n} used twice`);
  for (const t of tags) if (TAGS[t.tag]?.kind === "control" && t.attrs.has("toName") && !objects.has(t.attrs.get("toName"))) problems.push(`<${t.tag} name="${t.attrs.get("name")}"> labels ${t.attrs.get("toName")}, which is no object tag`);
  return { problems: [...new Set(problems)], tags };
}

/** Every problem of import tasks against a config: data fields it shows, and each prediction result against its control. */
export function checkTasks(xml: string, tasks: readonly unknown[]): string[] {
  const { tags } = checkConfig(xml);
  const problems: string[] = [];
  const controls = new Map(tags.filter((t) => TAGS[t.tag]?.kind === "control").map((t) => [t.attrs.get("name")!, t]));
  const fields = tags.filter((t) => TAGS[t.tag]?.kind === "object").map((t) => t.attrs.get("value")!.replace(/^\$/, ""));
  tasks.forEach((raw, i) => {
    const p = LsImportTask.safeParse(raw);
    if (!p.success) return problems.push(`task ${i}: ${p.error.issues[0]?.path.join(".")}: ${p.error.issues[0]?.message}`);
    for (const f of fields) if (typeof p.data.data[f] !== "string") problems.push(`task ${i}: data.${f} missing (shown by the config)`);
    for (const r of (p.data.predictions ?? []).flatMap((x) => x.result)) {
      if (r.type === "relation") continue;
      const c = controls.get(r.from_name);
      if (!c) problems.push(`task ${i}: result from_name ${r.from_name} is no control of the config`);
      else {
        if (c.tag.toLowerCase() !== r.type) problems.push(`task ${i}: ${r.from_name} gives ${r.type} results, its tag <${c.tag}> gives ${c.tag.toLowerCase()}`);
        if (r.to_name !== c.attrs.get("toName")) problems.push(`task ${i}: ${r.from_name} labels ${c.attrs.get("toName")}, not ${r.to_name}`);
        const allowed = new Set(c.children.map((o) => o.attrs.get("value")));
        const used = r.type === "labels" ? r.value.labels : r.type === "choices" ? r.value.choices : [];
        for (const v of used) if (!allowed.has(v)) problems.push(`task ${i}: ${r.from_name}: ${JSON.stringify(v)} is not declared in the config`);
      }
    }
  });
  return [...new Set(problems)];
}
