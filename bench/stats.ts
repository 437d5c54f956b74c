/** Small statistics for the benchmark: percentiles and growth exponents. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * How a figure grows with corpus size: the slope of log(figure) against log(size) between the smallest
 * and the largest size measured. 1 is linear, 0 flat, 0.5 square-root.
 */
export function growthExponent(points: readonly { size: number; value: number }[]): number | null {
  const ok = points.filter((p) => p.value > 0 && Number.isFinite(p.value));
  if (ok.length < 2) return null;
  const first = ok[0] as { size: number; value: number };
  const last = ok.at(-1) as { size: number; value: number };
  if (last.size === first.size) return null;
  return Math.log(last.value / first.value) / Math.log(last.size / first.size);
}
