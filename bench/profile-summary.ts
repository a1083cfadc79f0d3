// Sums the self time of a V8 .cpuprofile per function and per file.
// npx tsx bench/profile-summary.ts PROFILE.cpuprofile [top N]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: ProfileRow[];
  byFile: ProfileRow[];
  /** Inclusive time per file: a sample counts once for every file on its stack. */
  inclusiveByFile: ProfileRow[];
  /** Inclusive time per function name (a sample counts once per distinct name on its stack). */
  inclusiveByFunction: ProfileRow[];
}

function shortUrl(url: string): string {
  if (!url) return "(native/gc/idle)";
  const m = url.match(/\/(src|node_modules|bench|test)\/(.*)$/);
  if (m) return `${m[1]}/${m[2]}`;
  return url.replace(/^file:\/\//, "");
}

function rows(map: Map<string, number>, total: number): ProfileRow[] {
  return [...map.entries()]
    .map(([name, ms]) => ({ name, ms, share: ms / total }))
    .sort((a, b) => b.ms - a.ms);
}

export function summarise(profile: Profile): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const self = new Map<number, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + ms);
  }
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  const incl = new Map<string, number>();
  const inclFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const f = shortUrl(node.callFrame.url);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${f}:${node.callFrame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    file.set(f, (file.get(f) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      const u = shortUrl(frame.url);
      const f = `${frame.functionName || "(anonymous)"} ${u}`;
      for (const k of [u, f]) {
        if (seen.has(k)) continue;
        seen.add(k);
        const map = k === u ? incl : inclFn;
        map.set(k, (map.get(k) ?? 0) + ms);
      }
    }
  }
  return {
    totalMs,
    byFunction: rows(fn, totalMs),
    byFile: rows(file, totalMs),
    inclusiveByFile: rows(incl, totalMs),
    inclusiveByFunction: rows(inclFn, totalMs),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: tsx bench/profile-summary.ts PROFILE.cpuprofile [N]");
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25);
  const s = summarise(JSON.parse(readFileSync(path, "utf8")) as Profile);
  const print = (title: string, list: ProfileRow[]): void => {
    console.log(`\n${title}`);
    for (const r of list.slice(0, top)) console.log(`${r.ms.toFixed(0).padStart(8)} ms ${(100 * r.share).toFixed(1).padStart(5)}%  ${r.name}`);
  };
  console.log(`total ${s.totalMs.toFixed(0)} ms`);
  print("self time by file", s.byFile);
  print("inclusive time by file", s.inclusiveByFile);
  print("self time by function", s.byFunction);
  print("inclusive time by function", s.inclusiveByFunction);
}
