// Compact hash tables on typed arrays: a JS Map tops out at 2^24 entries and
// costs ~40 bytes per entry; these cost 8 bytes per slot and grow without limit.

/** uint32 key → non-negative int32 value, open addressing with linear probing. */
export class U32IntMap {
  private keys = new Uint32Array(1 << 12);
  private vals = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const { keys, vals, mask } = this;
    for (let i = slot(key, mask); ; i = (i + 1) & mask) {
      const v = vals[i]!;
      if (v < 0 || keys[i] === key) return v;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const { keys, vals, mask } = this;
    for (let i = slot(key, mask); ; i = (i + 1) & mask) {
      if (vals[i]! < 0) {
        keys[i] = key;
        vals[i] = value;
        this.count++;
        return;
      }
      if (keys[i] === key) {
        vals[i] = value;
        return;
      }
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldVals[i]! >= 0) this.set(oldKeys[i]!, oldVals[i]!);
  }
}

function slot(key: number, mask: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 0) & mask;
}

/** An append-only pool of uint32 runs (one run per distinct sentence): no per-run object. */
export class U32Pool {
  private data = new Uint32Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private count = 0;

  /** Appends a run and returns its index. */
  push(run: Uint32Array): number {
    if (this.used + run.length > this.data.length) {
      const grown = new Uint32Array(Math.max(this.data.length * 2, this.used + run.length));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    if (this.count + 2 > this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.data.set(run, this.used);
    this.starts[this.count] = this.used;
    this.used += run.length;
    this.starts[this.count + 1] = this.used;
    return this.count++;
  }

  /** Run i (a view: valid until the next push). */
  get(i: number): Uint32Array {
    return this.data.subarray(this.starts[i]!, this.starts[i + 1]!);
  }
}
