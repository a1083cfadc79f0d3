import test from "ava";
import { pooledActor } from "../../src/eval/benchmarks/gold.ts";

const row = (items: number, actor_accuracy: number) => ({ items, actor_accuracy, target_stance_accuracy: 0, stance_macro_f1: 0, hedge_type_f1: 0, hedged_sentence_f1: 0 });

test("pooled actor accuracy is the share of all items right, not the mean of the files' accuracies", (t) => {
  // 2 of 4 + 1 of 1 + 10 of 10 = 13 of 15; the mean of the three accuracies would be 0.8333.
  const p = pooledActor({ "corpora.jsonl": row(4, 0.5), "heldout.jsonl": row(1, 1), "seeds.jsonl": row(10, 1), "stance-news.jsonl": row(100, 0) });
  t.is(p?.items, 15);
  t.is(p?.value.toFixed(6), (13 / 15).toFixed(6));
});

test("no pooled figure when one of the three original files is absent", (t) => {
  t.is(pooledActor({ "corpora.jsonl": row(4, 0.5), "seeds.jsonl": row(10, 1) }), null);
});
