// The stance gold files (data/gold/stance-news*.jsonl) and how the scorer reads them: only annotated fields are
// scored, target_text by its head, and files annotated before open targets score the stance toward a topic.
import test from "ava";
import { fileURLToPath } from "node:url";
import { loadGold, parseGold, type GoldItem } from "../../src/label/analysis/gold.ts";
import type { LabelledSentence } from "../../src/label/labels.ts";
import { scoreAgainstGold } from "../../src/label/analysis/score.ts";
import type { SentenceLabels } from "../../src/schema.ts";

const GOLD = fileURLToPath(new URL("../../data/gold/", import.meta.url));

function labelled(p: Partial<SentenceLabels>): LabelledSentence {
  return {
    labels: { actor: null, cue: null, content: null, target: null, target_text: null, target_entity: null, stance: "neutral", hedges: [], hedged: false, rules: [], evidence: { actor: null, cue: null, target: null, stance: null }, ...p },
    votes: [],
  };
}

test("the stance gold: 223 items from non-seed news, stance + target_text annotated, hedges not", async (t) => {
  const items = [...(await loadGold(`${GOLD}stance-news.jsonl`)), ...(await loadGold(`${GOLD}stance-news-heldout.jsonl`))];
  t.true(items.length >= 150);
  for (const g of items) {
    t.true(g.annotated!.has("stance") && g.annotated!.has("target_text"), g.gid);
    t.false(g.annotated!.has("hedges"), g.gid);
    t.false(g.source.startsWith("seeds/"), g.gid);
    if (g.stance !== "neutral") t.truthy(g.targetText, g.gid);
  }
  t.true(items.filter((g) => g.stance === "neutral").length >= 30, "a share of neutral traps");
});

test("scoring: unannotated fields are skipped, target_text by head, legacy files score the topic stance", (t) => {
  const [open] = parseGold("stance.jsonl", JSON.stringify({
    gid: "o", source: "polnear/x.txt", text: "Sanders has denounced supporters that level sexist attacks.", actor: null, cue: "denounced", target: null,
    target_text: "supporters that level sexist attacks", target_entity: null, stance: "oppose", annotated: ["cue", "stance", "target_text", "target_entity"],
  }));
  const [legacy] = parseGold("seeds.jsonl", JSON.stringify({ gid: "l", source: "seeds/x.txt", text: "Kyiv rejected the plan.", actor: null, cue: null, target: null, stance: "neutral", hedges: [] }));
  const got = new Map<string, LabelledSentence>([
    ["o", labelled({ stance: "oppose", target_text: "supporters", evidence: { actor: null, cue: null, target: { start: 22, end: 32 }, stance: null }, hedges: [{ cue: "level", type: "vague", start: 33, end: 38 }], hedged: true })],
    // An open position (no topic) on a file annotated before open targets: neutral there.
    ["l", labelled({ stance: "oppose", target_text: "the plan" })],
  ]);
  const s = scoreAgainstGold([open!, legacy!] as GoldItem[], (g) => got.get(g.gid)!);
  t.is(s.stanceAccuracy, 1);
  t.deepEqual(s.targetTextHead, { items: 1, correct: 1, accuracy: 1 });
  t.deepEqual(s.targetEntity, { items: 1, correct: 1, accuracy: 1 });
  t.is(s.hedgeSpan.fp, 0, "hedges of an item that does not annotate them are not scored");
  t.is(s.actorAccuracy, 1, "only the legacy item annotates the actor");
  t.is(s.errors.length, 0);
});

test("npm run benchmark -- stance: the labeller report's per-file figures, the held-out ones guarded; deterministic", async (t) => {
  const { stance } = await import("../../src/eval/benchmarks/stance.ts");
  const { mkdtemp, readFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "claimstance-bench-"));
  try {
    const a = await stance.run({ argv: [], outDir: join(dir, "a") });
    await stance.run({ argv: [], outDir: join(dir, "b") });
    // Identical but for the output folder named in `reports`.
    t.is((await readFile(join(dir, "a", "stance.json"), "utf8")).replaceAll(join(dir, "a"), "OUT"), (await readFile(join(dir, "b", "stance.json"), "utf8")).replaceAll(join(dir, "b"), "OUT"));
    const json = JSON.parse(await readFile(join(dir, "a", "stance.json"), "utf8"));
    t.deepEqual(json.summary.figures, a.figures);
    const report = JSON.parse(await readFile(new URL("../../data/labeller-report.json", import.meta.url), "utf8"));
    const held = report.gold.by_file["stance-news-heldout.jsonl"];
    const fig = (m: string) => a.figures.find((f) => f.metric === m)!;
    t.is(fig("heldout.stance_accuracy").value, held.stance_accuracy);
    t.is(fig("heldout.target_text_head").value, held.target_text_head.accuracy);
    t.true(fig("heldout.oppose_f1").guarded && !fig("train.oppose_f1").guarded);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
