// The CoNLL-2010 benchmark: its reader (Treebank escapes undone, bad rows named
// by file:row) and the committed report's guarded figure, re-measured on the
// real train split so a drop of more than 0.01 fails the suite.
import test from "ava";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../src/errors.ts";
import { conll2010 } from "../../src/eval/benchmarks/conll2010.ts";
import { normaliseConll, readUncertaintyCsv } from "../../src/eval/benchmarks/conll2010-data.ts";

const TRAIN = "../shared/corpora/conll2010-wiki/train.csv";
const COMMITTED = "bench/labels/conll2010-train.json";
const onCorpus = existsSync(TRAIN) ? test : test.skip;

test("normaliseConll undoes the Treebank escapes of real CoNLL rows", (t) => {
  t.is(normaliseConll("These individuals often experienced a `` peak experience ''."), "These individuals often experienced a “peak experience”.");
  t.is(
    normaliseConll("The surgeon cuts on a generally horizontal -LRB- slightly curved -RRB- line just above the pubic symphysis."),
    "The surgeon cuts on a generally horizontal ( slightly curved ) line just above the pubic symphysis.",
  );
  t.is(
    normaliseConll("The others could n't believe their eyes -LSB- ` commencaient a ne plus voir le jour' -RSB-.. ''."),
    "The others couldn't believe their eyes [ ` commencaient a ne plus voir le jour' ]..”.",
  );
  t.is(
    normaliseConll("The trains design is a result of cooperation between DSB 's own designers, stressing Nordic minimalistic design."),
    "The trains design is a result of cooperation between DSB's own designers, stressing Nordic minimalistic design.",
  );
});

async function withCsv(content: string, body: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "conll-"));
  try {
    const file = join(dir, "bad.csv");
    await writeFile(file, content);
    await body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("a bad label, a missing column or a missing file is a one-line error naming file and row", async (t) => {
  await withCsv('text,label\n"Some critics have maintained that it was a forgery.",1\n"It is also a useful round.",yes\n', async (file) => {
    const e = await t.throwsAsync(readUncertaintyCsv(file), { instanceOf: InputError });
    t.is(e.message, `${file}:row 2: label must be 0 or 1, found "yes"`);
  });
  await withCsv("sentence,label\nIt is also a useful round.,0\n", async (file) => {
    const e = await t.throwsAsync(readUncertaintyCsv(file), { instanceOf: InputError });
    t.regex(e.message, /:row 1: expected columns text,label/);
  });
  await t.throwsAsync(readUncertaintyCsv("/nonexistent/train.csv"), { instanceOf: InputError, message: "/nonexistent/train.csv: no such file" });
});

onCorpus("train report: rows and uncertain share as the issue states; the guarded F1 holds the committed figure; byte-identical reruns", async (t) => {
  const rows = await readUncertaintyCsv(TRAIN);
  t.is(rows.length, 7363);
  t.is(rows.filter((r) => r.uncertain).length, 2131);
  const committed = JSON.parse(readFileSync(COMMITTED, "utf8")) as { summary: { figures: { metric: string; value: number; guarded: boolean }[] } };
  const outDir = await mkdtemp(join(tmpdir(), "conll-bench-"));
  try {
    const a = await conll2010.run({ argv: ["--file", TRAIN], outDir });
    const first = await readFile(join(outDir, "conll2010-train.json"), "utf8");
    await conll2010.run({ argv: ["--file", TRAIN], outDir });
    t.is(await readFile(join(outDir, "conll2010-train.json"), "utf8"), first);
    for (const f of committed.summary.figures.filter((x) => x.guarded)) {
      const now = a.figures.find((x) => x.metric === f.metric);
      t.truthy(now, f.metric);
      t.true(now!.value >= f.value - 0.01, `${f.metric}: ${now!.value} is more than 0.01 below the committed ${f.value}`);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
