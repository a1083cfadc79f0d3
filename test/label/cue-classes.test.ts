// The tagger's cue gate (data/lexicons/cue-classes.csv): actions PolNeAR annotates are not the contract's
// attributions, statements are; the file is validated like every lexicon.
import test from "ava";
import { readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCueClasses } from "../../src/label/lexicon/cue-classes.ts";
import { extractArticles } from "../../src/extract/index.ts";
import { labelArticle } from "../../src/label/index.ts";
import { lexicons } from "./helpers.ts";

async function labelledSeed(file: string, prefix: string) {
  const text = await readFile(join("seeds", file), "utf8");
  const lex = await lexicons();
  for (const art of extractArticles({ path: file, text, kind: "txt", location: join("seeds", file) }).articles) {
    const out = labelArticle(art, lex);
    const i = art.sentences.findIndex((s) => s.text.startsWith(prefix));
    if (i >= 0) return out[i]!.labels;
  }
  throw new Error(`no sentence "${prefix}" in seeds/${file}`);
}

test("an action cue ('made the remarks') credits nobody; a statement in the same article still does", async (t) => {
  const remarks = await labelledSeed("000_f7d8e64bd84cb873.txt", "Trump made the remarks on Tuesday");
  t.is(remarks.actor, null);
  const claimed = await labelledSeed("000_f7d8e64bd84cb873.txt", "Russian President Vladimir Putin is ready to accept");
  t.is(claimed.actor?.name, "Donald Trump");
});

test("the committed file: statements and cognition count, actions do not, auxiliaries are weak", (t) => {
  const c = loadCueClasses();
  t.is(c.get("said"), "yes");
  t.is(c.get("believes"), "yes");
  t.is(c.get("ordered"), "no");
  t.is(c.get("has"), "weak");
});

test("a class whose counts differ between lines is an error naming file and line", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "cue-classes-"));
  const file = join(dir, "cue-classes.csv");
  await writeFile(file, "cue,class,counts\nsaid,statement,yes\nmet,statement,no\n");
  const err = t.throws(() => loadCueClasses(file));
  t.regex(err!.message, /cue-classes\.csv:3: class statement/);
  await rm(dir, { recursive: true });
});
