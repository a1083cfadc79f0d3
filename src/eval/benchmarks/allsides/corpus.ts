// The AllSides gold and the corpus articles it cites. The gold files carry an
// `outlet` key the project's gold loader does not know (it is strict): it is
// kept aside per gid and the rest parsed by parseGold, so a bad line is still
// "<file>:<line>: <what>". The articles are read from the gzipped JSONL by id,
// one pass that stops once every cited id is found, as InputDocuments the way
// readInputs reads a .jsonl line (the project's readers take no .gz).
import { createReadStream, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { InputError } from "../../../errors.ts";
import type { InputDocument } from "../../../extract/index.ts";
import { parseGold, type GoldItem } from "../../../label/index.ts";

/** Where a gold item's article is: `allsides/articles.jsonl.gz:id <id>`. */
export function parseAllSidesSource(source: string): { file: string; id: string } | null {
  const m = /^(.+\.jsonl\.gz):id (\S+)$/.exec(source);
  return m ? { file: m[1]!, id: m[2]! } : null;
}

export interface AllSidesGold {
  items: GoldItem[];
  /** gid → the corpus `outlet` of its article. */
  outlet: Map<string, string>;
}

/** Parses one AllSides gold file: every line must name its outlet. */
export function parseAllSidesGold(file: string, text: string): AllSidesGold {
  const outlet = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, "").split("\n").map((raw, k) => {
    if (raw.trim() === "") return raw;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new InputError(`${file}:${k + 1}: not valid JSON`);
    }
    const row = json as Record<string, unknown>;
    if (typeof row !== "object" || row === null || typeof row.outlet !== "string" || typeof row.gid !== "string")
      throw new InputError(`${file}:${k + 1}: outlet: expected the article's outlet (a string)`);
    outlet.set(row.gid, row.outlet);
    const { outlet: _, ...rest } = row;
    return JSON.stringify(rest);
  });
  return { items: parseGold(file, lines.join("\n")), outlet };
}

export async function loadAllSidesGold(file: string): Promise<AllSidesGold> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new InputError(`${file}: gold file not found`);
  });
  return parseAllSidesGold(file, text);
}

/** allsides-outlet-groups.json: outlet → group ("1" … "5"). Each outlet in exactly one group. */
export function parseOutletGroups(file: string, text: string): Map<string, string> {
  let json: { groups?: Record<string, unknown> };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new InputError(`${file}: not valid JSON`);
  }
  if (typeof json.groups !== "object" || json.groups === null) throw new InputError(`${file}: no "groups" object`);
  const out = new Map<string, string>();
  for (const group of Object.keys(json.groups).sort()) {
    const outlets = json.groups[group];
    if (!Array.isArray(outlets)) throw new InputError(`${file}: groups.${group}: expected a list of outlets`);
    for (const o of outlets) {
      if (typeof o !== "string") throw new InputError(`${file}: groups.${group}: expected outlet names`);
      if (out.has(o)) throw new InputError(`${file}: outlet "${o}" is in groups ${out.get(o)} and ${group}`);
      out.set(o, group);
    }
  }
  return out;
}

const LEADING_ID = /^\{"id": ?"([^"\\]+)"/;

/**
 * The articles with these ids from a gzipped JSONL corpus (fields `id`,
 * `text`), as readInputs would yield its lines: kind "jsonl", path
 * "<file name>:<line>", docId the id. A line whose id is not wanted is not
 * parsed when its id can be read off its start. Ids not in the file are
 * simply absent from the map (the caller counts them).
 */
export async function readArticlesById(path: string, ids: ReadonlySet<string>): Promise<Map<string, InputDocument>> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  const out = new Map<string, InputDocument>();
  if (ids.size === 0) return out;
  const stream = createReadStream(path).pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      const quick = LEADING_ID.exec(line)?.[1];
      if (quick !== undefined && !ids.has(quick)) continue;
      if (line.trim() === "") continue;
      let row: { id?: unknown; text?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        throw new InputError(`${path}:line ${n}: invalid JSON`);
      }
      const id = typeof row.id === "string" ? row.id : null;
      if (id === null || !ids.has(id) || out.has(id)) continue;
      if (typeof row.text !== "string") throw new InputError(`${path}:line ${n}: field "text" is not a string`);
      out.set(id, { path: `${basename(path)}:${n}`, text: row.text, kind: "jsonl", docId: id, location: `${path}:line ${n}` });
      if (out.size === ids.size) break;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: cannot read (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    lines.close();
    stream.destroy();
  }
  return out;
}
