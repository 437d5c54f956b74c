import { describe, expect, test } from "vitest";
import { formatTick, niceScale } from "../../src/chart/ticks.ts";

describe("niceScale", () => {
  test.each([
    // The finest step with at most 7 intervals, so the longest bar fills most of the width.
    ["GDP targets up to 6.5%", [4.5, 6.5], 0, 7, 1],
    ["a maximum of 7.25% needs a coarser step", [7.25], 0, 8, 2],
    ["large counts", [1234], 0, 1400, 200],
    ["small shares", [0.32], 0, 0.35, 0.05],
    ["a negative value keeps zero on the axis", [-2, 3], -2, 3, 1],
    ["all zeros still give an axis", [0], 0, 1, 0.2],
  ])("%s", (_, values, min, max, step) => {
    const scale = niceScale(values);
    expect(scale.min).toBeCloseTo(min);
    expect(scale.max).toBeCloseTo(max);
    expect(scale.step).toBeCloseTo(step);
    expect(scale.ticks.length - 1).toBeLessThanOrEqual(7);
    expect(scale.ticks).toContain(0);
  });
});

describe("formatTick", () => {
  test.each([
    [0.30000000000000004, "0.3"],
    [2.5, "2.5"],
    [10, "10"],
    [-0, "0"],
  ])("writes %d as %s", (value, text) => {
    expect(formatTick(value)).toBe(text);
  });
});
