// The chrome lexicon's gates (chrome-gates.ts) skip a regex row only when a
// unit lacks a literal every match contains: checked here on the real rows of
// data/lexicons/chrome.csv against real lines and sentences of FNC-1 and the
// seeds, chrome and prose.
import test from "ava";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadChromeLexicon, matchChrome } from "../../src/extract/chrome-lexicon.ts";
import { chromeGate, gateOpen, requiredLiterals } from "../../src/extract/chrome-gates.ts";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));
const corpusTest = existsSync(CORPORA) ? test : test.skip;

test("the literals every match of a chrome.csv pattern contains", (t) => {
  t.deepEqual(requiredLiterals(String.raw`.{1,60}\bvia getty images`), [["via getty images"]]);
  t.deepEqual(requiredLiterals(String.raw`<!--.*|.*-->`), [["<!--"], ["-->"]]);
  t.deepEqual(requiredLiterals(String.raw`\d{1,5} comments?`), [[" comment"]]);
  t.deepEqual(requiredLiterals(String.raw`e-?mail\s+\S+@\S+\W*`), [["e", "mail", "@"]]);
  // Inside a repeated group that must occur once: the `/` of a pic.twitter.com link.
  t.deepEqual(requiredLiterals(String.raw`(?:\s*(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+)+(?:\s*\(via @\w+\))?\s*`), [["/"]]);
  t.deepEqual(requiredLiterals(String.raw`.{10,400}\s\((?:AP|AFP|EPA|Reuters|Getty)[^()]{0,12}(?:Photo|Images?)\s*/[^()]{1,60}\)`), [["(", "/", ")"]]);
  // Lookaheads, optional groups and alternations inside groups require nothing.
  t.deepEqual(requiredLiterals(String.raw`(?!.*\.$)(?:[-–—]\s*)+\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}`), [[" "]]);
  t.is(requiredLiterals(String.raw`(?:getty images|ap photo|reuters|afp|epa|ap)(?:\s*/\s*[\p{L} .,-]{1,40})*`), null);
  t.is(requiredLiterals(String.raw`[a-z][a-z0-9]*\d[a-z0-9]*`), null);
  // A space-only gate is no gate.
  t.is(chromeGate(String.raw`[a-z]+(?: [a-z]+){1,4}`, "u"), null);
});

test("a case-insensitive gate opens on any casing its row matches", (t) => {
  const gate = chromeGate(String.raw`.{1,60}\bvia getty images`, "iu")!;
  t.true(gateOpen(gate, "Mourners at the funeral on Tuesday. Photo: Spencer Platt VIA GETTY IMAGES"));
  t.true(gateOpen(gate, "Spencer Platt via Getty Images"));
  t.false(gateOpen(gate, "The senator said the images were not his."));
});

corpusTest("no gate is closed on a real line or sentence its row matches, and gates skip most prose", async (t) => {
  const lex = loadChromeLexicon();
  const text = (await readFile(join(CORPORA, "fnc1/train_bodies.csv"), "utf8")).slice(0, 4_000_000);
  const seeds = await Promise.all((await readdir(SEEDS)).filter((f) => f.endsWith(".txt")).sort().map((f) => readFile(join(SEEDS, f), "utf8")));
  const lines = [text, ...seeds].flatMap((s) => s.split("\n")).map((l) => l.trim()).filter((l) => l.length > 0 && l.length <= 600);
  const sentences = lines.flatMap((l) => l.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 0);
  const units = [...new Set([...lines, ...sentences])];
  let matched = 0;
  let skipped = 0;
  for (const unit of units) {
    for (const g of lex.gated) {
      const open = gateOpen(g.gate, unit);
      if (g.re.test(unit)) {
        matched++;
        if (!open) t.fail(`${g.re.source} matches but its gate is closed: ${unit}`);
      } else if (!open) skipped++;
    }
    for (const r of [...lex.leads, ...lex.tails]) if (r.gate && r.re.test(unit) && !gateOpen(r.gate, unit)) t.fail(`${r.re.source}: ${unit}`);
  }
  t.true(matched > 100, `${matched} chrome matches of gated rows`);
  t.true(skipped > units.length * lex.gated.length * 0.5, `${skipped} of ${units.length * lex.gated.length} row tries skipped`);
  // The prose of the chrome test stays prose, the chrome stays chrome.
  t.is(matchChrome(lex, "Julie Tate in Washington and Griff Witte and Karla Adam in London contributed to this report."), "byline");
  t.is(matchChrome(lex, ".gmobile {"), "markup");
  t.is(matchChrome(lex, "He reported from Baghdad that the army had left."), null);
});
