// A set of doc_id strings on a typed-array table (KeyIntMap, no 2^24-entry
// cap): a 53-bit hash of the id → the index of its first string, verified by
// comparison; the rare ids whose hash collides with another id's go to a
// small Map of their own.
import { KeyIntMap } from "../u32-map.ts";

function idHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

export class DocIdSet {
  private readonly table = new KeyIntMap();
  private readonly ids: string[] = [];
  private readonly collided = new Map<string, true>();

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    const h = idHash(id);
    const at = this.table.get(h);
    if (at < 0) {
      this.table.set(h, this.ids.push(id) - 1);
      return true;
    }
    if (this.ids[at] === id || this.collided.has(id)) return false;
    this.collided.set(id, true);
    return true;
  }
}

/** The first item index of each doc_id string (same table as DocIdSet). */
export class DocIdFirst {
  private readonly table = new KeyIntMap();
  private readonly ids: string[] = [];
  private readonly items: number[] = [];
  private readonly collided = new Map<string, number>();

  /** Records `item` as the first of `id` unless it has one. */
  add(id: string, item: number): void {
    if (this.firstOf(id) >= 0) return;
    const h = idHash(id);
    if (this.table.get(h) < 0) {
      this.table.set(h, this.ids.push(id) - 1);
      this.items.push(item);
    } else this.collided.set(id, item);
  }

  /** The first item of `id`, or -1. */
  firstOf(id: string): number {
    const at = this.table.get(idHash(id));
    if (at < 0) return -1;
    if (this.ids[at] === id) return this.items[at]!;
    return this.collided.get(id) ?? -1;
  }
}
