// The progress line's figures: MB read of the total, records/s, ETA from the
// share read so far, and the cap below 100% until the reading is done.
import test from "ava";
import { progressLine, progressMode, progressReporter, summaryLine } from "../../src/cli/progress.ts";

test("the line: documents, MB of the total, records/s, an ETA from the share read", (t) => {
  const line = progressLine("build-dataset", { phase: "read", documents: 1200, bytes: 2.9e6, records: 20000 }, 5.8e6, 2);
  t.is(line, "build-dataset: 1,200 documents, 2.9 / 5.8 MB (50%), 10,000 records/s, ETA 0:02");
  // An hour and a half to go on a 5 GB corpus.
  t.regex(progressLine("x", { phase: "read", documents: 1, bytes: 1e9, records: 1 }, 4e9, 1800), /ETA 1:30:00$/);
  // Decoded text can outrun the file sizes' share: never 100% before the end.
  t.regex(progressLine("x", { phase: "read", documents: 9, bytes: 7e6, records: 9 }, 5.8e6, 3), /\(99%\)/);
  t.regex(progressLine("x", { phase: "write", documents: 9, bytes: 5e6, records: 9 }, 5.8e6, 3), /5\.8 \/ 5\.8 MB \(100%\), 3 records\/s, writing splits$/);
});

test("modes: --quiet wins, else a TTY gets the line and a pipe the summary", (t) => {
  t.is(progressMode(true, { isTTY: true }), "quiet");
  t.is(progressMode(false, { isTTY: true }), "tty");
  t.is(progressMode(false, {}), "summary");
});

test("summary mode writes one line at the end and nothing on updates; quiet writes nothing", (t) => {
  const out: string[] = [];
  const r = progressReporter("build-dataset", "summary", 5.8e6, (s) => void out.push(s));
  r.update({ phase: "read", documents: 10, bytes: 1e6, records: 100 });
  r.update({ phase: "write", documents: 20, bytes: 5.8e6, records: 300 });
  t.deepEqual(out, []);
  r.done();
  t.is(out.length, 1);
  t.regex(out[0]!, /^build-dataset: 20 documents, 5\.8 MB, 300 records in [\d.]+ s \([\d.]+ MB\/s, [\d,]+ records\/s\)\n$/);
  t.is(summaryLine("b", { phase: "write", documents: 1, bytes: 0, records: 2 }, 4e6, 2), "b: 1 documents, 4.0 MB, 2 records in 2.0 s (2.00 MB/s, 1 records/s)");
  const quiet: string[] = [];
  const q = progressReporter("build-dataset", "quiet", 1, (s) => void quiet.push(s));
  q.update({ phase: "read", documents: 1, bytes: 1, records: 1 });
  q.done();
  t.deepEqual(quiet, []);
});
