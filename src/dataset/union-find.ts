// Disjoint sets over 0..n-1 whose root is always the smallest member, so a
// set's representative is its earliest element in input order (stable ids).
export class UnionFind {
  private parent: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.parent = new Int32Array(Math.max(16, initialCapacity));
  }

  get size(): number {
    return this.count;
  }

  /** Adds a singleton and returns its index. */
  add(): number {
    if (this.count === this.parent.length) {
      const grown = new Int32Array(this.parent.length * 2);
      grown.set(this.parent);
      this.parent = grown;
    }
    this.parent[this.count] = this.count;
    return this.count++;
  }

  find(x: number): number {
    const p = this.parent;
    let root = x;
    while (p[root] !== root) root = p[root]!;
    // Path compression keeps later finds near O(1).
    while (p[x] !== root) {
      const next = p[x]!;
      p[x] = root;
      x = next;
    }
    return root;
  }

  /** Joins the sets of a and b; returns true when they were apart. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}
