// network.csv and network-outlets.csv: the actor–target edge lists of a build,
// for discourse-network analysis (DNA, Gephi, networkx) over time and across
// outlets. An edge is (actor, target): the target is the record's
// target_entity when it names one, else its topic id; records without an actor
// or without either target, and an actor's edge to itself, are not edges.
// - network.csv: one row per (period, actor, target) — period from the
//   record's source.published (--network-period day|week|month|year|none;
//   "undated" without a date, "all" with none: dates.ts periodOf) — with counts
//   per stance and up to three example record ids (the first in input order).
//   Rows sorted by period, then total count (descending), actor, target.
// - network-outlets.csv: one row per (outlet, actor, target) with counts per
//   stance (outlet empty when the record has none). Rows sorted by outlet,
//   then total (descending), actor, target.
// Both are sums of per-record counts keyed by strings (code-unit order), so
// tallies of parts of a corpus merge (merge()) into the tally of the whole,
// and the files are byte-identical for the same records.
import type { SentenceLabels } from "../schema.ts";
import { csvField } from "../label/lexicon/csv-table.ts";
import { periodOf, type NetworkPeriod } from "../extract/dates.ts";

const MAX_EXAMPLES = 3;
export const NETWORK_COLUMNS = ["period", "actor", "actor_type", "target", "target_kind", "support", "oppose", "neutral", "total", "example_ids"] as const;
export const OUTLET_NETWORK_COLUMNS = ["outlet", "actor", "actor_type", "target", "target_kind", "support", "oppose", "neutral", "total"] as const;

export interface Edge {
  /** The period (network.csv) or the outlet (network-outlets.csv). */
  group: string;
  actor: string;
  actorType: string;
  target: string;
  kind: "entity" | "topic";
  support: number;
  oppose: number;
  neutral: number;
  examples: string[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const total = (e: Edge) => e.support + e.oppose + e.neutral;

/** The edge a record's labels make, or null. */
function edgeOf(l: SentenceLabels): { actor: string; actorType: string; target: string; kind: "entity" | "topic" } | null {
  if (!l.actor) return null;
  const kind = l.target_entity !== null ? "entity" : l.target !== null ? "topic" : null;
  if (kind === null) return null;
  const target = (l.target_entity ?? l.target)!;
  // An actor is no edge to itself ("Mr Blair said …" mentions Blair's own topic).
  if (kind === "entity" && target === l.actor.name) return null;
  return { actor: l.actor.name, actorType: l.actor.type, target, kind };
}

/** Edges counted per group (a period or an outlet), record by record, so a large corpus is never held in memory. */
class GroupedEdges {
  readonly edges = new Map<string, Edge>();

  add(group: string, recordId: string, l: SentenceLabels): void {
    const e0 = edgeOf(l);
    if (!e0) return;
    const key = `${group}\u0000${e0.actor}\u0000${e0.kind}\u0000${e0.target}`;
    let e = this.edges.get(key);
    if (!e) this.edges.set(key, (e = { group, ...e0, support: 0, oppose: 0, neutral: 0, examples: [] }));
    e[l.stance]++;
    if (e.examples.length < MAX_EXAMPLES) e.examples.push(recordId);
  }

  /** Adds a tally of the records that come after this one's in input order. */
  merge(later: GroupedEdges): void {
    for (const [key, o] of later.edges) {
      const e = this.edges.get(key);
      if (!e) {
        this.edges.set(key, { ...o, examples: [...o.examples] });
        continue;
      }
      e.support += o.support;
      e.oppose += o.oppose;
      e.neutral += o.neutral;
      for (const x of o.examples) if (e.examples.length < MAX_EXAMPLES) e.examples.push(x);
    }
  }

  /** Sorted by group, then most frequent first (ties: actor, then target, then kind; code-unit order). */
  rows(): Edge[] {
    return [...this.edges.values()].sort((a, b) => cmp(a.group, b.group) || total(b) - total(a) || cmp(a.actor, b.actor) || cmp(a.target, b.target) || cmp(a.kind, b.kind));
  }
}

/** A NetworkTally as plain data (JSON). */
export interface NetworkPartial {
  period: NetworkPeriod;
  byPeriod: [string, Edge][];
  byOutlet: [string, Edge][];
}

/** network.csv and network-outlets.csv of one build. */
export class NetworkTally {
  private readonly byPeriod = new GroupedEdges();
  private readonly byOutlet = new GroupedEdges();

  constructor(readonly period: NetworkPeriod = "month") {}

  /** One record (in input order): its id, its article's outlet and date, its labels. */
  add(recordId: string, outlet: string | null, published: string | null, l: SentenceLabels): void {
    if (!l.actor) return;
    this.byPeriod.add(periodOf(published, this.period), recordId, l);
    this.byOutlet.add(outlet ?? "", recordId, l);
  }

  /** Adds the tally of the records that follow this one's in input order (a later shard). */
  merge(later: NetworkTally): void {
    if (later.period !== this.period) throw new Error("network tallies of different periods");
    this.byPeriod.merge(later.byPeriod);
    this.byOutlet.merge(later.byOutlet);
  }

  /** The tallies as plain data, for a sharded build's partial outputs (absorbed in shard order). */
  partial(): NetworkPartial {
    return { period: this.period, byPeriod: [...this.byPeriod.edges.entries()], byOutlet: [...this.byOutlet.edges.entries()] };
  }

  /** Adds a later shard's partial(): the same sums as merge(). */
  absorb(p: NetworkPartial): void {
    const later = new NetworkTally(p.period);
    for (const [k, e] of p.byPeriod) later.byPeriod.edges.set(k, e);
    for (const [k, e] of p.byOutlet) later.byOutlet.edges.set(k, e);
    this.merge(later);
  }

  /** Rows of network.csv. */
  get size(): number {
    return this.byPeriod.edges.size;
  }

  /** Rows of network-outlets.csv. */
  get outletRows(): number {
    return this.byOutlet.edges.size;
  }

  /** network.csv (RFC 4180 quoting, "\n" line ends). */
  toCsv(): string {
    const lines = [NETWORK_COLUMNS.join(",")];
    for (const e of this.byPeriod.rows())
      lines.push([e.group, e.actor, e.actorType, e.target, e.kind, e.support, e.oppose, e.neutral, total(e), e.examples.join(" ")].map(csvField).join(","));
    return lines.join("\n") + "\n";
  }

  /** network-outlets.csv (RFC 4180 quoting, "\n" line ends). */
  outletsCsv(): string {
    const lines = [OUTLET_NETWORK_COLUMNS.join(",")];
    for (const e of this.byOutlet.rows())
      lines.push([e.group, e.actor, e.actorType, e.target, e.kind, e.support, e.oppose, e.neutral, total(e)].map(csvField).join(","));
    return lines.join("\n") + "\n";
  }
}
