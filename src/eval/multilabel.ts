// The built-in baseline for a multi-label task (hedge_type): one binary
// classifier per type on the same features (scikit-learn's
// OneVsRestClassifier over the indicator matrix). Labels in and out are the
// task's encoded sets (data.ts labelOf: types joined with TYPE_SEP). A type
// with a single class in train (never or always present) is predicted as
// that class: there is nothing to fit.
import type { Classifier } from "./classifier.ts";
import type { CsrMatrix } from "./csr.ts";
import { TYPE_SEP, typesOf } from "./data.ts";
import type { Label } from "./metrics.ts";

export class PerTypeClassifier implements Classifier {
  readonly name: string;
  /** Per type: the fitted binary model, or the constant answer when train holds one class. */
  models: Array<Classifier | boolean> = [];

  constructor(
    readonly types: readonly string[],
    private readonly makeBinary: () => Classifier,
  ) {
    this.name = makeBinary().name;
  }

  fit(X: CsrMatrix, y: readonly Label[]): this {
    const sets = y.map(typesOf);
    this.models = this.types.map((ty) => {
      const yb = sets.map((s) => String(s.includes(ty)));
      const positives = yb.filter((v) => v === "true").length;
      if (positives === 0 || positives === yb.length) return positives > 0;
      return this.makeBinary().fit(X, yb);
    });
    return this;
  }

  predict(X: CsrMatrix): Label[] {
    if (this.models.length !== this.types.length) throw new Error("predict before fit");
    const perType = this.models.map((m) => (typeof m === "boolean" ? new Array<boolean>(X.rows).fill(m) : m.predict(X).map((v) => v === "true")));
    const out: Label[] = [];
    for (let i = 0; i < X.rows; i++) out.push(this.types.filter((_, k) => perType[k]![i]).join(TYPE_SEP));
    return out;
  }

  params(): Record<string, unknown> {
    return this.makeBinary().params();
  }
}
