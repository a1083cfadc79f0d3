// Compact hash tables on typed arrays: a JS Map tops out at 2^24 entries and
// costs ~40 bytes per entry; these cost 8 (KeyIntMap: 12) bytes per slot and
// grow without limit.

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

  /** Sets `key` to `value` and returns its previous value, or -1: get() and set() in one probe. */
  exchange(key: number, value: number): number {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const { keys, vals, mask } = this;
    for (let i = slot(key, mask); ; i = (i + 1) & mask) {
      const v = vals[i]!;
      if (v < 0) {
        keys[i] = key;
        vals[i] = value;
        this.count++;
        return -1;
      }
      if (keys[i] === key) {
        vals[i] = value;
        return v;
      }
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
    const keys = (this.keys = new Uint32Array(cap));
    const vals = (this.vals = new Int32Array(cap).fill(-1));
    const mask = (this.mask = cap - 1);
    // The old keys are distinct: each goes to the first free slot of its probe sequence.
    for (let j = 0; j < oldKeys.length; j++) {
      const v = oldVals[j]!;
      if (v < 0) continue;
      const key = oldKeys[j]!;
      let i = slot(key, mask);
      while (vals[i]! >= 0) i = (i + 1) & mask;
      keys[i] = key;
      vals[i] = v;
    }
  }
}

/**
 * Integer key in [0, 2^53) → non-negative int32 value, open addressing with
 * linear probing: the near-duplicate exact keys, stored unboxed (a JS Map boxes
 * every key above 2^31 as a heap number). A copy of U32IntMap's probing on a
 * Float64Array rather than one class over either array type: each class's
 * property loads then see one typed-array kind and stay monomorphic (hot path).
 */
export class KeyIntMap {
  private keys = new Float64Array(1 << 12);
  private vals = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const { keys, vals, mask } = this;
    for (let i = keySlot(key, mask); ; i = (i + 1) & mask) {
      const v = vals[i]!;
      if (v < 0 || keys[i] === key) return v;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const { keys, vals, mask } = this;
    for (let i = keySlot(key, mask); ; i = (i + 1) & mask) {
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

  clear(): void {
    this.keys = new Float64Array(1 << 12);
    this.vals = new Int32Array(1 << 12).fill(-1);
    this.mask = (1 << 12) - 1;
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const cap = oldKeys.length * 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldVals[i]! >= 0) this.set(oldKeys[i]!, oldVals[i]!);
  }
}

function keySlot(key: number, mask: number): number {
  const low = key >>> 0; // key mod 2^32
  const high = (key / 0x100000000) >>> 0;
  return slot((low ^ Math.imul(high, 0x9e3779b1)) >>> 0, mask);
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
    return this.pushRange(run, 0, run.length);
  }

  /** Appends src[from, to) as a run and returns its index. */
  pushRange(src: Uint32Array, from: number, to: number): number {
    const length = to - from;
    if (this.used + length > this.data.length) {
      const grown = new Uint32Array(Math.max(this.data.length * 2, this.used + length));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    if (this.count + 2 > this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const data = this.data;
    for (let k = 0; k < length; k++) data[this.used + k] = src[from + k]!;
    this.starts[this.count] = this.used;
    this.used += length;
    this.starts[this.count + 1] = this.used;
    return this.count++;
  }

  /** Run i (a view: valid until the next push). */
  get(i: number): Uint32Array {
    return this.data.subarray(this.starts[i]!, this.starts[i + 1]!);
  }

  /** Jaccard similarity of runs i and j taken as sorted sets of distinct values (0 when both are empty); no view allocated. */
  sortedJaccard(i: number, j: number): number {
    return sortedRunJaccard(this.data, this.starts[i]!, this.starts[i + 1]!, this.starts[j]!, this.starts[j + 1]!);
  }

}

/** Jaccard similarity of two ascending runs of distinct values, data[a, aEnd) and data[b, bEnd) (0 when both are empty). */
export function sortedRunJaccard(data: Uint32Array, a: number, aEnd: number, b: number, bEnd: number): number {
  const union0 = aEnd - a + (bEnd - b);
  let inter = 0;
  while (a < aEnd && b < bEnd) {
    const x = data[a]!;
    const y = data[b]!;
    if (x === y) {
      inter++;
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
  const union = union0 - inter;
  return union === 0 ? 0 : inter / union;
}

/** Index of `v` in the ascending array, or -1. */
export function findSorted(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
