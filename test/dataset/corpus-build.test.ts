// A build of a researcher's own corpus with its metadata: real AllSides rows
// (read from ../shared/corpora at run time into a temporary .jsonl.gz),
// checked for the record sources, the card's counts, network.csv by period,
// network-outlets.csv, the topic list and the labeller report without the
// project's gold figures.
import test from "ava";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createGunzip, gzipSync } from "node:zlib";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { ROOT, SEEDS, runCli, records, tempDir, tempLeftovers } from "../hostile/helpers.ts";
import { isSkipped, readInputs } from "../../src/extract/index.ts";
import { anchorMatcher, TopicFit, TOPIC_FIT_SHARE } from "../../src/dataset/topic-fit.ts";

const ALLSIDES = join(ROOT, "../shared/corpora/allsides/articles.jsonl.gz");
const withAllSides = existsSync(ALLSIDES) ? test : test.skip;
const FLAGS = ["--text-field", "text", "--id-field", "id", "--outlet-field", "outlet", "--date-field", "date", "--title-field", "title", "--url-field", "url"];

/** The first `n` AllSides lines with an empty date and with a malformed one among them (the corpus's first such lines). */
async function sample(n: number): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  let empty = 0;
  let malformed = 0;
  const rl = createInterface({ input: createReadStream(ALLSIDES).pipe(createGunzip()) });
  for await (const line of rl) {
    const row = JSON.parse(line) as Record<string, string>;
    const bad = row.date !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(row.date!);
    if (rows.length < n - 2 || (row.date === "" && empty === 0) || (bad && malformed === 0)) {
      rows.push(row);
      if (row.date === "") empty++;
      if (bad) malformed++;
    }
    if (rows.length >= n && empty > 0 && malformed > 0) break;
  }
  rl.close();
  return rows;
}

withAllSides("an AllSides .jsonl.gz with the metadata flags: sources, headline titles, card counts, network by period and outlet, no project gold", async (t) => {
  const rows = await sample(40);
  const dir = await tempDir(t, "allsides");
  const input = join(dir, "articles.jsonl.gz");
  await writeFile(input, gzipSync(Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n") + "\n")));
  const out = join(dir, "out");
  const r = await runCli(["--input", input, ...FLAGS, "--suggest-topics", "5", "--out", out]);
  t.is(r.code, 0, r.stderr);
  t.deepEqual(await tempLeftovers(out), []);
  // The summary says what the labeller report is; no gold figure in it or in the report.
  t.regex(r.stdout, /labeller report: rule statistics over these records .* no gold scores/);
  t.notRegex(r.stdout, /gold \(\d+ items\)|actor acc/);
  const report = JSON.parse(await readFile(join(out, "labeller-report.json"), "utf8")) as { gold: unknown };
  t.is(report.gold, null);
  t.regex(r.stdout, /topics: none; the lexicon's default list .* left out/);
  t.regex(r.stdout, /suggested topics: \d+ in .*topics\.draft\.csv; edit it, then rebuild with --targets/);

  const recs = await records(out);
  const byId = new Map(rows.map((row) => [row.id!, row]));
  const headlined = new Set<string>();
  for (const rec of recs) {
    const row = byId.get(rec.doc_id)!;
    const source = (rec as unknown as { source: Record<string, string | null> }).source;
    t.is(source.outlet, row.outlet!);
    t.is(source.url, row.url!);
    t.is(source.published, /^\d{4}-\d{2}-\d{2}$/.test(row.date!) ? row.date! : null);
    if (rec.kind === "headline" && rec.sentence_index === 0 && source.title!.startsWith(rec.text.slice(0, 15))) headlined.add(rec.doc_id);
    // Offsets index the document text: the title, a blank line, the body (or the body alone when it begins with the title).
    const docText = row.text!.replace(/\s+/g, " ").trim().toLowerCase().startsWith(source.title!.toLowerCase()) ? row.text! : `${source.title}\n\n${row.text}`;
    t.is([...docText].slice(rec.start, rec.end).join(""), rec.text);
  }
  t.true(headlined.size >= rows.length * 0.95, `${headlined.size} of ${rows.length} articles have their title as a headline record`);
  t.true(recs.every((rec) => rec.target === null), "the Ukraine topics are left out of a US politics corpus");

  const card = await readFile(join(out, "dataset-card.md"), "utf8");
  t.regex(card, /--outlet-field "outlet" --date-field "date" --title-field "title" --url-field "url"/);
  const dated = rows.filter((row) => /^(19\d\d|20[0-3]\d)-\d{2}-\d{2}$/.test(row.date!)).length;
  const empty = rows.filter((row) => row.date === "").length;
  t.true(empty > 0 && rows.length - dated - empty > 0);
  t.true(card.includes(`Input dates (date field/column), by document: ${dated} dated, ${empty} undated (missing or empty), ${rows.length - dated - empty} malformed (\``), card);
  t.regex(card, /Records with an outlet: (\d+) of \1 \(100\.0%\)/);
  t.regex(card, /### Records per outlet/);
  t.regex(card, /\| undated \| \d+ \|/);
  t.regex(card, /Topic list \(the `target` ids\): none/);
  t.regex(card, /no gold set was scored for this build/);

  const net = (await readFile(join(out, "network.csv"), "utf8")).trimEnd().split("\n");
  t.is(net[0], "period,actor,actor_type,target,target_kind,support,oppose,neutral,total,example_ids");
  const periods = net.slice(1).map((l) => l.split(",")[0]!);
  t.true(periods.length > 0);
  t.true(periods.every((p) => /^\d{4}-\d{2}$/.test(p) || p === "undated"), periods.join(" "));
  t.deepEqual(periods, [...periods].sort());
  const outlets = (await readFile(join(out, "network-outlets.csv"), "utf8")).trimEnd().split("\n");
  t.is(outlets[0], "outlet,actor,actor_type,target,target_kind,support,oppose,neutral,total");
  // Both files count the same edges: their totals agree.
  const sum = (lines: string[], col: number) => lines.slice(1).reduce((a, l) => a + Number(l.split(",").at(col)), 0);
  t.is(sum(outlets, -1), sum(net, -2));
  t.true((await readFile(join(out, "topics.draft.csv"), "utf8")).startsWith("topic,patterns,description,count,support,oppose,example_1,example_2\n"));

  // --network-period year and none; the records do not change.
  for (const [period, re] of [["year", /^\d{4}$|^undated$/], ["none", /^all$/]] as const) {
    const o = join(dir, period);
    const rr = await runCli(["--input", input, ...FLAGS, "--gold", "none", "--network-period", period, "--out", o]);
    t.is(rr.code, 0, rr.stderr);
    const p = (await readFile(join(o, "network.csv"), "utf8")).trimEnd().split("\n").slice(1).map((l) => l.split(",")[0]!);
    t.true(p.every((x) => re.test(x)), p.join(" "));
    t.is(await readFile(join(o, "train.jsonl"), "utf8"), await readFile(join(out, "train.jsonl"), "utf8"));
  }
  const bad = await runCli(["--input", input, ...FLAGS, "--network-period", "decade", "--out", join(dir, "bad")]);
  t.is(bad.code, 2);
  t.is(bad.stderr.trim().split("\n").at(-1), 'build-dataset: --network-period: unknown value "decade" (use day, week, month, year, none)');
});

withAllSides("the default topic list fits the seeds (every file names the Ukraine war) and not US political news; on/off override the test", async (t) => {
  const anchors = await anchorMatcher(undefined);
  const seeds = new TopicFit(anchors);
  for await (const doc of readInputs([SEEDS])) if (!isSkipped(doc)) seeds.add(doc.text);
  t.is(seeds.share, 1);
  t.true(seeds.decide("auto"));
  const news = new TopicFit(anchors);
  for (const row of await sample(200)) news.add(row.text!);
  t.true(news.naming > 0 && news.share < TOPIC_FIT_SHARE, `${news.naming} of ${news.documents}`);
  t.false(news.decide("auto"));
  t.true(news.decide("on"));
  t.false(seeds.decide("off"));
});
