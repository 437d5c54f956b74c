/** 1954, 1955, 1956, 1960, 1961 → "1954—1956、1960、1961": years as a reader scans them (runs of three or more as a span). */
export function yearRuns(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}—${sorted[j]}` : sorted.slice(i, j + 1).join("、"));
    i = j + 1;
  }
  return runs.join("、");
}
