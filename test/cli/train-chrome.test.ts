// `train-chrome` is deterministic: the same corpus and flags give byte-identical weights (read from ../shared/corpora).
import test from "ava";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/train-chrome.ts";
import { loadChromeModel, chromeScore } from "../../src/extract/cleaning/model.ts";
import { FEATURE_COUNT } from "../../src/extract/cleaning/features.ts";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const corpusTest = existsSync(join(CORPORA, "allsides/articles.jsonl.gz")) ? test : test.skip;

corpusTest("train-chrome writes the same weights twice, in the model format the clean step loads", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-train-chrome-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const a = join(dir, "a.json");
  const b = join(dir, "b.json");
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await main(["--corpora", CORPORA, "--per-outlet", "1", "--l2", "10", "--out", a]);
    await main(["--corpora", CORPORA, "--per-outlet", "1", "--l2", "10", "--out", b]);
  } finally {
    process.stdout.write = write;
  }
  t.is(readFileSync(a, "utf8"), readFileSync(b, "utf8"));
  const m = loadChromeModel(a)!;
  t.is(m.weights.length, FEATURE_COUNT);
  t.true(m.threshold > 0.5 && m.threshold < 1);
  const score = chromeScore(m, { cols: [], vals: [] });
  t.true(score > 0 && score < 1);
});
