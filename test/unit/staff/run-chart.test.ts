import { describe, expect, it } from "vitest";
import { analyseRunChart, median, parseMeasureValue } from "../../../src/core/staff/run-chart.js";

const points = (...values: number[]) =>
  values.map((value, i) => ({ month: `2022-${String(i + 1).padStart(2, "0")}`, value }));

describe("run-chart rules", () => {
  it("takes the median of the values", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("finds a shift of 6 points on one side of the median, skipping points on the median", () => {
    // Median 5: six points below, then six above with one on the median (index 9) that is skipped.
    const a = analyseRunChart(points(1, 2, 3, 2, 1, 2, 8, 9, 8, 5, 9, 8, 9));
    expect(a.median).toBe(5);
    expect(a.signals.filter((s) => s.kind === "shift")).toEqual([
      { kind: "shift", direction: "below", from: 0, to: 5, points: 6 },
      { kind: "shift", direction: "above", from: 6, to: 12, points: 6 },
    ]);
    expect(a.inSignal.has(9)).toBe(true);
  });

  it("does not call 5 points on one side a shift", () => {
    const a = analyseRunChart(points(1, 1, 1, 1, 1, 9, 9, 9, 9, 9));
    expect(a.signals.filter((s) => s.kind === "shift")).toEqual([]);
  });

  it("finds a trend of 5 rising points; a repeated value neither adds nor breaks it", () => {
    const a = analyseRunChart(points(10, 12, 12, 15, 17, 20, 4));
    const trend = a.signals.find((s) => s.kind === "trend");
    expect(trend).toMatchObject({ direction: "up", from: 0, to: 5, points: 5 });
    expect([...a.inSignal]).toEqual(expect.arrayContaining([0, 1, 3, 4, 5]));
  });

  it("finds a falling trend and not a 4-point one", () => {
    expect(analyseRunChart(points(9, 8, 7, 6, 5)).signals).toEqual([
      { kind: "trend", direction: "down", from: 0, to: 4, points: 5 },
    ]);
    expect(analyseRunChart(points(9, 8, 7, 6, 7)).signals).toEqual([]);
  });

  it("reads measure values as teams write them", () => {
    expect(parseMeasureValue("64%")).toEqual({ value: 64, percent: true });
    expect(parseMeasureValue("5 of 6")).toEqual({ value: 83.3, percent: true });
    expect(parseMeasureValue("7/7")).toEqual({ value: 100, percent: true });
    expect(parseMeasureValue("£1,200 spent")).toEqual({ value: 1200, percent: false });
    expect(parseMeasureValue("12 people")).toEqual({ value: 12, percent: false });
    expect(parseMeasureValue("not measured yet")).toBeNull();
    expect(parseMeasureValue("3 of 0")).toBeNull();
    expect(parseMeasureValue(undefined)).toBeNull();
  });
});
