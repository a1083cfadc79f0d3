// `--workers auto`. A worker process costs ~1 s of CPU to start, and every
// batch result crosses a pipe; on the 2-core bench machine two workers were
// slower than one process on FNC-1 and barely faster on 20 MB (concurrent
// processes there run ~1.4× slower each: bench/results.md). So auto uses
// workers only with at least 3 cores (leaving one for the main process) and
// enough text to spread.
import { lstat, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { availableParallelism } from "node:os";

/** Inputs of at least this many bytes get workers (with enough cores). */
export const WORKERS_FROM_BYTES = 8 << 20;

/** Does the total size of the inputs (folders walked without following symlinks) reach `limit`? */
export async function inputBytesAtLeast(inputs: readonly string[], limit: number): Promise<boolean> {
  let total = 0;
  const visit = async (path: string, top = false): Promise<boolean> => {
    const info = await (top ? stat(path) : lstat(path)).catch(() => null);
    if (!info) return false;
    if (info.isFile()) total += info.size;
    else if (info.isDirectory()) {
      const entries = await readdir(path).catch(() => [] as string[]);
      for (const e of entries) if (await visit(join(path, e))) return true;
    }
    return total >= limit;
  };
  for (const input of inputs) if (await visit(input, true)) return true;
  return false;
}

export async function autoWorkers(inputs: readonly string[]): Promise<number> {
  const cores = availableParallelism();
  return cores >= 3 && (await inputBytesAtLeast(inputs, WORKERS_FROM_BYTES)) ? Math.min(4, cores - 1) : 0;
}
