// Compressed sparse row (CSR) matrices: the feature representation. Memory is
// O(non-zeros), not O(rows × vocabulary) as a dense matrix would be — at
// 60k sentences × 50k n-grams a dense Float64 matrix needs 24 GB, the CSR
// matrix about 20 MB (12 bytes per non-zero).

export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Row i's entries are at positions indptr[i] .. indptr[i+1]-1 (length rows + 1). */
  readonly indptr: Int32Array;
  /** Column of each stored entry; ascending within a row. */
  readonly indices: Int32Array;
  /** Value of each stored entry. */
  readonly data: Float64Array;
}

/** Builds a CSR matrix row by row; columns of a row must be distinct (they are sorted on add). */
export class CsrBuilder {
  private readonly indptr: number[] = [0];
  private indices: Int32Array = new Int32Array(1024);
  private data: Float64Array = new Float64Array(1024);
  private nnz = 0;

  constructor(private readonly cols: number) {}

  addRow(columns: readonly number[], values?: readonly number[]): void {
    const order = columns.map((_, i) => i).sort((a, b) => columns[a]! - columns[b]!);
    this.reserve(this.nnz + columns.length);
    let prev = -1;
    for (const i of order) {
      const c = columns[i]!;
      if (c < 0 || c >= this.cols || !Number.isInteger(c)) throw new Error(`column ${c} out of range 0..${this.cols - 1}`);
      if (c === prev) throw new Error(`column ${c} repeated in one row`);
      prev = c;
      this.indices[this.nnz] = c;
      this.data[this.nnz] = values === undefined ? 1 : values[i]!;
      this.nnz++;
    }
    this.indptr.push(this.nnz);
  }

  private reserve(size: number): void {
    if (size <= this.indices.length) return;
    let cap = this.indices.length;
    while (cap < size) cap *= 2;
    const indices = new Int32Array(cap);
    indices.set(this.indices.subarray(0, this.nnz));
    const data = new Float64Array(cap);
    data.set(this.data.subarray(0, this.nnz));
    this.indices = indices;
    this.data = data;
  }

  build(): CsrMatrix {
    return {
      rows: this.indptr.length - 1,
      cols: this.cols,
      indptr: Int32Array.from(this.indptr),
      indices: this.indices.slice(0, this.nnz),
      data: this.data.slice(0, this.nnz),
    };
  }
}

/** CSR from a dense row-major array of rows (zeros are not stored). */
export function csrFromDense(rows: readonly (readonly number[])[], cols?: number): CsrMatrix {
  const width = cols ?? (rows[0]?.length ?? 0);
  const b = new CsrBuilder(width);
  for (const row of rows) {
    const c: number[] = [];
    const v: number[] = [];
    row.forEach((x, j) => {
      if (x !== 0) {
        c.push(j);
        v.push(x);
      }
    });
    b.addRow(c, v);
  }
  return b.build();
}

/** Dense rows of a CSR matrix, optionally with a constant-1 column appended (an intercept for models without one). */
export function csrToDense(X: CsrMatrix, appendOnes = false): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < X.rows; i++) {
    const row = new Array<number>(X.cols + (appendOnes ? 1 : 0)).fill(0);
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) row[X.indices[p]!] = X.data[p]!;
    if (appendOnes) row[X.cols] = 1;
    out.push(row);
  }
  return out;
}

/** Number of stored entries. */
export function nnz(X: CsrMatrix): number {
  return X.indptr[X.rows]!;
}
