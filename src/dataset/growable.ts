// An append-only Int32 array: 4 bytes per record instead of a JS number array's 8+.
export class GrowableInt32 {
  private data = new Int32Array(1024);
  private length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  get size(): number {
    return this.length;
  }

  /** The filled part (shares memory with the buffer). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
