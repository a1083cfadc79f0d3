// Peak memory of a CLI run: the process's own peak RSS plus the peaks its
// worker processes report when they stop (their sum bounds the run's peak).
// Read by the benchmark through CLAIMSTANCE_REPORT_RSS (src/cli/main.ts).
let childrenKb = 0;

export function addChildPeakRss(kb: number): void {
  childrenKb += kb;
}

export function peakRssReport(): { mainKb: number; childrenKb: number; totalKb: number } {
  const mainKb = process.resourceUsage().maxRSS;
  return { mainKb, childrenKb, totalKb: mainKb + childrenKb };
}
