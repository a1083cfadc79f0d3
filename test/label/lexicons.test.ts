// The lexicon loader: the shipped set loads; a malformed row is an InputError naming file:line.
import test from "ava";
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../src/errors.ts";
import { DEFAULT_LEXICON_DIR, loadLexicons } from "../../src/label/lexicon/lexicons.ts";
import { expandPattern } from "../../src/label/lexicon/phrases.ts";

async function copyLexicons(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "claimstance-lex-"));
  await cp(DEFAULT_LEXICON_DIR, dir, { recursive: true });
  return dir;
}

async function lineCount(file: string): Promise<number> {
  return (await readFile(file, "utf8")).replace(/\n$/, "").split("\n").length;
}

test("the shipped lexicons load and cover the spec's eight targets", async (t) => {
  const lex = await loadLexicons();
  t.deepEqual(lex.targetNames, ["ceasefire", "foreign_troops", "military_aid", "nato_membership", "peace_talks", "sanctions", "security_guarantees", "territory"]);
  t.is(lex.actors.get("Volodymyr Zelensky")?.gender, "m");
  t.is(lex.actors.get("Kremlin")?.affiliation, "Russia");
});

test("a bad enum value names the file and line", async (t) => {
  const dir = await copyLexicons();
  try {
    const file = join(dir, "hedges.csv");
    const line = (await lineCount(file)) + 1;
    await appendFile(file, "as it were,hedgy,\n");
    const err = await t.throwsAsync(loadLexicons(dir), { instanceOf: InputError });
    t.regex(err!.message, new RegExp(`hedges\\.csv:${line}: column type: `));
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("line numbers count comment and blank lines", async (t) => {
  const dir = await copyLexicons();
  try {
    const file = join(dir, "targets.csv");
    const line = (await lineCount(file)) + 4;
    await appendFile(file, "\n# a comment\n\nbad target,ceasefire,,\n");
    const err = await t.throwsAsync(loadLexicons(dir), { instanceOf: InputError });
    t.regex(err!.message, new RegExp(`targets\\.csv:${line}: column target: target must be a snake_case id`));
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("a missing column, bad phrase syntax, unknown affiliation and a missing file are errors", async (t) => {
  const dir = await copyLexicons();
  try {
    await writeFile(join(dir, "stance.csv"), "phrase\nrejected\n");
    t.regex((await t.throwsAsync(loadLexicons(dir)))!.message, /stance\.csv:1: missing columns polarity, side/);
    await cp(join(DEFAULT_LEXICON_DIR, "stance.csv"), join(dir, "stance.csv"));
    const reporting = join(dir, "reporting_verbs.csv");
    const line = (await lineCount(reporting)) + 1;
    await appendFile(reporting, "(say|says,say\n");
    t.regex((await t.throwsAsync(loadLexicons(dir)))!.message, new RegExp(`reporting_verbs\\.csv:${line}: bad phrase "\\(say\\|says": unclosed "\\("`));
    await cp(join(DEFAULT_LEXICON_DIR, "reporting_verbs.csv"), reporting);
    await appendFile(join(dir, "actors.csv"), "Jane Doe,person,Atlantis,f,Doe,,\n");
    t.regex((await t.throwsAsync(loadLexicons(dir)))!.message, /actors\.csv:\d+: affiliation "Atlantis" is not a country row/);
    await rm(join(dir, "actors.csv"));
    t.regex((await t.throwsAsync(loadLexicons(dir)))!.message, /actors\.csv: missing lexicon file/);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("phrase syntax expands alternatives and optional parts", (t) => {
  t.deepEqual(expandPattern("(rule|rules) out"), ["rule out", "rules out"]);
  t.deepEqual(expandPattern("has [not] yet to confirm"), ["has yet to confirm", "has not yet to confirm"]);
  t.throws(() => expandPattern("[a"), { message: /unclosed "\["/ });
});

test("a researcher's own lexicon changes the labels", async (t) => {
  const dir = await copyLexicons();
  try {
    await appendFile(join(dir, "actors.csv"), "Jane Doe,person,Ukraine,f,Doe|Jane Q. Doe,mayor,\n");
    const lex = await loadLexicons(dir);
    t.is(lex.actors.get("Jane Doe")?.affiliation, "Ukraine");
    t.true(lex.roleHolders.get("mayor")?.some((a) => a.name === "Jane Doe"));
  } finally {
    await rm(dir, { recursive: true });
  }
});
