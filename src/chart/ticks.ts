export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A zero-based axis with "nice" steps (1, 2, 2.5, 5 × 10^k): bars are measured from zero so their lengths
 * compare honestly, and round ticks are easy to read. The finest step that keeps at most `maxIntervals`
 * intervals wins, so the longest bar fills most of the width (6.5 gets 0–7, not 0–8).
 */
export function niceScale(values: number[], maxIntervals = 7): Scale {
  const lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  let magnitude = 10 ** Math.floor(Math.log10((hi - lo) / maxIntervals));
  for (;;) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * magnitude;
      const min = Math.floor(lo / step) * step;
      const max = Math.ceil(hi / step) * step;
      const count = Math.round((max - min) / step);
      // Multiplying instead of adding keeps floating-point drift out of the tick labels.
      if (count <= maxIntervals)
        return { min, max, step, ticks: Array.from({ length: count + 1 }, (_, i) => min + i * step) };
    }
    magnitude *= 10;
  }
}

/** "2.5", "10", "0.3": no trailing zeros and no binary noise such as 0.30000000000000004. */
export function formatTick(value: number): string {
  const n = Number(value.toFixed(6));
  return String(Object.is(n, -0) ? 0 : n);
}
