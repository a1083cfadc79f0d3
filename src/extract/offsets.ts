// UTF-16 offsets (what JS strings index) to Unicode code point offsets (what
// the record contract and Python's str indexing use). Offsets are converted in
// ascending order with one forward walk, so the whole document costs O(n).

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

export class CodePointOffsets {
  private readonly identity: boolean;
  private unit = 0;
  private pairs = 0;

  constructor(private readonly text: string) {
    this.identity = !HAS_SURROGATE.test(text);
  }

  /** Code point offset of UTF-16 offset `u`; calls must not go backwards (a backward call rescans). */
  toCodePoint(u: number): number {
    if (this.identity) return u;
    if (u < this.unit) {
      this.unit = 0;
      this.pairs = 0;
    }
    const t = this.text;
    // Count surrogate pairs that end at or before u; a lone surrogate is one code point.
    while (this.unit < u) {
      const c = t.charCodeAt(this.unit);
      if (c >= 0xd800 && c <= 0xdbff && this.unit + 1 < u) {
        const d = t.charCodeAt(this.unit + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs++;
          this.unit += 2;
          continue;
        }
      }
      this.unit++;
    }
    return u - this.pairs;
  }
}
