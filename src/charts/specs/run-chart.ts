import type { Chart } from "../render-svg.js";
import { ACCENT, CHART_CONFIG, INK, MUTED, ORANGE, shortMonth } from "./theme.js";

export type RunChartPoint = { month: string; value: number; signal: "shift" | "trend" | "both" | null };

/** Marker per kind of point: shape and colour both differ, so the signal reads without colour. */
const MARKERS = [
  ["No signal", "circle", ACCENT],
  ["Part of a shift", "square", ORANGE],
  ["Part of a trend", "triangle-up", ORANGE],
  ["Shift and trend", "diamond", ORANGE],
] as const;

const markerName = (s: RunChartPoint["signal"]) =>
  s === "shift"
    ? "Part of a shift"
    : s === "trend"
      ? "Part of a trend"
      : s === "both"
        ? "Shift and trend"
        : "No signal";

/**
 * A QI run chart: the measure per month as a line with points, the median as a dashed line labelled
 * with its value, and points that belong to a shift or trend drawn with another shape. The title lives
 * in the page (a heading), so one compiled chart serves every team.
 */
export function runChart(input: {
  points: RunChartPoint[];
  months: string[];
  median: number | null;
  percent: boolean;
}): Chart {
  const x = {
    field: "m",
    type: "ordinal",
    title: null,
    axis: { labelAngle: 0 },
    scale: { domain: input.months.map(shortMonth) },
  } as const;
  const y = {
    field: "value",
    type: "quantitative",
    title: input.percent ? "%" : "Value",
    scale: { zero: false, nice: true },
  } as const;
  const median =
    input.median === null
      ? []
      : [{ median: input.median, label: `median ${formatNumber(input.median)}${input.percent ? "%" : ""}` }];
  return {
    data: {
      points: input.points.map((p) => ({ m: shortMonth(p.month), value: p.value, marker: markerName(p.signal) })),
      median,
    },
    spec: {
      config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, labelLimit: 300 } },
      width: 460,
      height: 200,
      layer: [
        {
          data: { name: "points" },
          layer: [
            { mark: { type: "line", color: ACCENT, strokeWidth: 2 }, encoding: { x, y } },
            {
              mark: { type: "point", filled: true, size: 90, stroke: INK, strokeWidth: 0.5, opacity: 1 },
              encoding: {
                x,
                y,
                shape: {
                  field: "marker",
                  type: "nominal",
                  title: "Point",
                  scale: { domain: MARKERS.map((m) => m[0]), range: MARKERS.map((m) => m[1]) },
                },
                color: {
                  field: "marker",
                  type: "nominal",
                  title: "Point",
                  scale: { domain: MARKERS.map((m) => m[0]), range: MARKERS.map((m) => m[2]) },
                },
              },
            },
            {
              mark: { type: "text", dy: -12, fontSize: 11 },
              encoding: { x, y, text: { field: "value", type: "quantitative", format: ",.4~r" } },
            },
          ],
        },
        {
          data: { name: "median" },
          layer: [
            {
              mark: { type: "rule", color: MUTED, strokeDash: [6, 4], strokeWidth: 1.5 },
              encoding: { y: { field: "median", type: "quantitative" } },
            },
            {
              mark: {
                type: "text",
                align: "left",
                baseline: "middle",
                dx: 6,
                x: "width",
                color: MUTED,
                fontStyle: "italic",
              },
              encoding: { y: { field: "median", type: "quantitative" }, text: { field: "label" } },
            },
          ],
        },
      ],
      resolve: { scale: { y: "shared" } },
    } as Chart["spec"],
  };
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}
