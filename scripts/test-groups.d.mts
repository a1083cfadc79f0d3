// Types of scripts/test-groups.mjs (for test/cli/test-groups.test.ts).
export interface Group {
  name: string;
  files: string[];
  seconds: number;
}
export const SUITE_DIR: string;
export const COSTS: Record<string, number>;
export const DEFAULT_SECONDS: number;
export const MAX_GROUP_SECONDS: number;
export const TOP_LEVEL_AWAIT: RegExp;
export function testFiles(root: string): string[];
export function planGroups(files: string[], costs?: Record<string, number>, awaitsAtTop?: (file: string) => boolean): Group[];
export function writeSuite(root: string): string;
