// network.csv: the actor–target edge list of a build, for discourse-network
// analysis (DNA, Gephi, networkx). One row per (actor, target): the target is
// the record's target_entity when it names one, else its topic id; records
// without an actor or without either target, and an actor's edge to itself,
// are not edges. Counts per stance
// and up to three example record ids (the first in input order). Rows are
// sorted by total count, then actor, then target (code-unit order), so the
// file is byte-identical for the same records.
import type { SentenceLabels } from "../schema.ts";
import { csvField } from "../label/csv-table.ts";

const MAX_EXAMPLES = 3;
export const NETWORK_COLUMNS = ["actor", "actor_type", "target", "target_kind", "support", "oppose", "neutral", "total", "example_ids"] as const;

export interface Edge {
  actor: string;
  actorType: string;
  target: string;
  kind: "entity" | "topic";
  support: number;
  oppose: number;
  neutral: number;
  examples: string[];
}

/** Accumulates edges record by record (in input order), so a large corpus is never held in memory. */
export class NetworkTally {
  private readonly edges = new Map<string, Edge>();

  add(recordId: string, l: SentenceLabels): void {
    if (!l.actor) return;
    const kind = l.target_entity !== null ? "entity" : l.target !== null ? "topic" : null;
    if (kind === null) return;
    const target = (l.target_entity ?? l.target)!;
    // An actor is no edge to itself ("Mr Blair said …" mentions Blair's own topic).
    if (kind === "entity" && target === l.actor.name) return;
    const key = `${l.actor.name}\u0000${kind}\u0000${target}`;
    let e = this.edges.get(key);
    if (!e) this.edges.set(key, (e = { actor: l.actor.name, actorType: l.actor.type, target, kind, support: 0, oppose: 0, neutral: 0, examples: [] }));
    e[l.stance]++;
    if (e.examples.length < MAX_EXAMPLES) e.examples.push(recordId);
  }

  get size(): number {
    return this.edges.size;
  }

  /** The edges as plain data, for a sharded build's partial outputs (merged with absorb in shard order). */
  partial(): [string, Edge][] {
    return [...this.edges.entries()];
  }

  /**
   * Adds a later shard's edges: numeric fields summed, example lists continued
   * up to MAX_EXAMPLES (the first in input order, as in one pass). Any numeric
   * or list field an Edge gains is merged the same way.
   */
  absorb(partial: [string, Edge][]): void {
    for (const [key, e] of partial) {
      const mine = this.edges.get(key);
      if (!mine) {
        this.edges.set(key, { ...e, examples: e.examples.slice(0, MAX_EXAMPLES) });
        continue;
      }
      const m = mine as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(e)) {
        if (typeof v === "number") m[k] = (m[k] as number) + v;
        else if (Array.isArray(v)) m[k] = [...(m[k] as unknown[]), ...v].slice(0, MAX_EXAMPLES);
      }
    }
  }

  /** The edges, most frequent first (ties: actor, then target, code-unit order). */
  rows(): Edge[] {
    const total = (e: Edge) => e.support + e.oppose + e.neutral;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.edges.values()].sort((a, b) => total(b) - total(a) || cmp(a.actor, b.actor) || cmp(a.target, b.target) || cmp(a.kind, b.kind));
  }

  /** The CSV text (RFC 4180 quoting, "\n" line ends). */
  toCsv(): string {
    const lines = [NETWORK_COLUMNS.join(",")];
    for (const e of this.rows())
      lines.push([e.actor, e.actorType, e.target, e.kind, e.support, e.oppose, e.neutral, e.support + e.oppose + e.neutral, e.examples.join(" ")].map(csvField).join(","));
    return lines.join("\n") + "\n";
  }
}
