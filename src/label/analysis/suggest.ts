// Topic suggestions (npm run suggest-targets): the target phrases and
// entities that stance predicates govern most often in a corpus, merged by
// entity (target_entity: "Mrs. Clinton", "Hillary Clinton" → one topic) or
// else by head noun (target-head.ts: "mass deportation", "deportations" →
// one), written as a draft topics CSV that --targets reads as it is.
import type { SentenceLabels } from "../../schema.ts";
import { headTokens, targetHead } from "../grammar/target-head.ts";
import { csvField } from "../lexicon/csv-table.ts";

const MAX_EXAMPLES = 2;
const MAX_PATTERNS = 4;
/** Heads too general to be a topic on their own ("the idea", "his plan"): kept only with a modifier ("tax plan"). */
const GENERIC_HEADS = new Set(
  `idea plan plans proposal proposals effort efforts decision move call calls claim claims comments comment remarks statement position
   approach policy policies measure measures bill law deal it this that them him her something anything everything way thing things
   one people issue issues case view views stance part use kind lot number group right rights
   candidate candidates nominee president campaign party government minister ministers chancellor leader leaders
   increase change changes limit door ahead record candidacy rival rivals member members voters effort side`.split(/\s+/),
);
/** Words a variant does not start with ("on Muslims", "either Clinton", "him"). */
const NOT_LEADING = new Set("on in at for by to from with about into over around against of either both him her them it us me".split(" "));
/** Heads that name nothing a topic could be about: pronouns, particles. */
const NO_TOPIC = new Set("i me my we us our you your he him his she her it its they them their this that these those who what up down out off back away".split(" "));
const DETERMINERS = new Set("the a an his her their its our my your this that these those any some such".split(" "));

interface Group {
  key: string;
  entity: string | null;
  count: number;
  support: number;
  oppose: number;
  /** Surface variant (lower case, without leading determiners) → count, in first-seen order. */
  variants: Map<string, number>;
  examples: string[];
}

export interface SuggestedTopic {
  topic: string;
  patterns: string[];
  description: string;
  count: number;
  support: number;
  oppose: number;
  examples: string[];
}

/** A snake_case topic id from a phrase ("Hillary Clinton" → hillary_clinton). */
export function topicId(s: string): string {
  const id = s.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(id) ? id : `t_${id || "topic"}`;
}

/** The variant as a lexicon pattern: the words up to and including the head, pattern syntax characters dropped. */
function variantOf(text: string, head: string): string | null {
  const toks = headTokens(text).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const at = toks.indexOf(head);
  if (at < 0) return null;
  // One modifier at most ("mass deportation", "hunting ban"): two words back often reach into the clause ("featuring mr howard").
  let start = Math.max(0, at - 1);
  while (start < at && (DETERMINERS.has(toks[start]!) || NOT_LEADING.has(toks[start]!))) start++;
  if (NOT_LEADING.has(toks[at]!)) return null;
  return toks.slice(start, at + 1).join(" ").replace(/[()[\]|;]/g, "").trim() || null;
}

export class TargetMiner {
  private readonly groups = new Map<string, Group>();
  sentences = 0;
  positions = 0;

  /** One labelled sentence (in corpus order). */
  add(text: string, l: SentenceLabels): void {
    this.sentences++;
    if (l.stance === "neutral" || l.target_text === null) return;
    const head = targetHead(l.target_text);
    if (head === null || (l.target_entity === null && NO_TOPIC.has(head))) return;
    this.positions++;
    const variant = variantOf(l.target_text, head);
    const bare = head.replace(/s$/, "");
    if (l.target_entity === null && (GENERIC_HEADS.has(head) || GENERIC_HEADS.has(bare)) && (variant === null || !variant.includes(" "))) return;
    const key = l.target_entity !== null ? `entity:${l.target_entity}` : GENERIC_HEADS.has(head) || GENERIC_HEADS.has(bare) ? `phrase:${variant}` : `head:${bare}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { key, entity: l.target_entity, count: 0, support: 0, oppose: 0, variants: new Map(), examples: [] }));
    g.count++;
    if (l.stance === "support") g.support++;
    else g.oppose++;
    if (variant) g.variants.set(variant, (g.variants.get(variant) ?? 0) + 1);
    if (g.examples.length < MAX_EXAMPLES) g.examples.push(text);
  }

  /** The `top` most frequent groups (ties: key, code-unit order), as topics; ids made unique by a suffix. */
  draft(top: number, minCount = 2): SuggestedTopic[] {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const ranked = [...this.groups.values()].filter((g) => g.count >= minCount).sort((a, b) => b.count - a.count || cmp(a.key, b.key)).slice(0, top);
    const used = new Set<string>();
    const topics = ranked.map((g) => {
      const variants = [...g.variants.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([v]) => v);
      const patterns = new Set<string>();
      if (g.entity !== null) {
        patterns.add(g.entity.toLowerCase().replace(/[()[\]|;]/g, ""));
        // The surname alone ("Trump"): how news refers to a person after the first mention.
        const last = g.entity.split(/\s+/).at(-1)!.toLowerCase();
        if (g.entity.includes(" ") && last.length > 2 && !GENERIC_HEADS.has(last)) patterns.add(last);
      }
      // A generic word alone ("party" for the Conservative Party) would make every mention of it this topic.
      for (const v of variants) if (patterns.size < MAX_PATTERNS && !(GENERIC_HEADS.has(v) && g.entity !== null)) patterns.add(v);
      let topic = topicId(g.entity ?? variants[0] ?? g.key.slice(g.key.indexOf(":") + 1));
      for (let k = 2; used.has(topic); k++) topic = `${topicId(g.entity ?? variants[0] ?? "topic")}_${k}`;
      used.add(topic);
      const description = `${g.entity !== null ? "entity" : "phrases headed by"} ${g.entity ?? g.key.slice(g.key.indexOf(":") + 1)}: ${g.support} support, ${g.oppose} oppose`;
      return { topic, patterns: [...patterns], description, count: g.count, support: g.support, oppose: g.oppose, examples: g.examples };
    });
    // A topic needs a pattern to be found by (--targets rejects an empty one).
    return topics.filter((t) => t.patterns.length > 0);
  }
}

/** The draft as CSV: topic,patterns,description,count,support,oppose,example_1,example_2 (RFC 4180 quoting). */
export function topicsCsv(topics: readonly SuggestedTopic[]): string {
  const lines = ["topic,patterns,description,count,support,oppose,example_1,example_2"];
  for (const t of topics)
    lines.push([t.topic, t.patterns.join("; "), t.description, t.count, t.support, t.oppose, t.examples[0] ?? "", t.examples[1] ?? ""].map(csvField).join(","));
  return lines.join("\n") + "\n";
}
