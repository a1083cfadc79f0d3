// The scikit-learn-style interface every model implements, the label
// encoder they share, and the majority-class baseline.
import type { CsrMatrix } from "./csr.ts";
import type { Label } from "./metrics.ts";

export interface Classifier {
  /** Short model name used in reports. */
  readonly name: string;
  /** Learns from feature rows `X` and their labels `y` (any strings). Returns `this`. */
  fit(X: CsrMatrix, y: readonly Label[]): this;
  /** One label per row of `X`, from the classes seen in `fit`. */
  predict(X: CsrMatrix): Label[];
  /** Hyper-parameters (JSON-serialisable, fixed key order) for the metrics file. */
  params(): Record<string, unknown>;
}

/** Maps labels to 0..K-1 by sorted (code-unit order) class name, as sklearn's LabelEncoder does. */
export class LabelEncoder {
  classes: Label[] = [];
  private index = new Map<Label, number>();

  fit(y: readonly Label[]): this {
    this.classes = [...new Set(y)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.index = new Map(this.classes.map((c, i) => [c, i]));
    return this;
  }

  transform(y: readonly Label[]): Int32Array {
    return Int32Array.from(y, (l) => {
      const k = this.index.get(l);
      if (k === undefined) throw new Error(`label ${JSON.stringify(l)} was not seen in fit`);
      return k;
    });
  }

  inverse(k: number): Label {
    const c = this.classes[k];
    if (c === undefined) throw new Error(`class index ${k} out of range`);
    return c;
  }
}

/** Predicts the most frequent training label; ties go to the first label in sorted order. */
export class MajorityClassifier implements Classifier {
  readonly name = "majority";
  label: Label | undefined;

  fit(_X: CsrMatrix, y: readonly Label[]): this {
    if (y.length === 0) throw new Error("cannot fit on zero rows");
    const counts = new Map<Label, number>();
    for (const l of y) counts.set(l, (counts.get(l) ?? 0) + 1);
    let best: [Label, number] | undefined;
    for (const c of [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const n = counts.get(c)!;
      if (best === undefined || n > best[1]) best = [c, n];
    }
    this.label = best![0];
    return this;
  }

  predict(X: CsrMatrix): Label[] {
    if (this.label === undefined) throw new Error("predict before fit");
    return new Array<Label>(X.rows).fill(this.label);
  }

  params(): Record<string, unknown> {
    return { strategy: "most_frequent" };
  }
}
