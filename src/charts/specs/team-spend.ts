import type { Chart } from "../render-svg.js";
import { ACCENT, CHART_CONFIG, MUTED, shortMonth } from "./theme.js";

export type TeamSpendRow = { month: string; spent: number | null; expected: number };

/**
 * One team's spend over time: the reported total (solid line, round markers) against the pro-rata line
 * (dashed, no markers), with a legend naming both; the award is the top of the axis.
 */
export function teamSpendChart(rows: TeamSpendRow[], award: number): Chart {
  const x = {
    field: "m",
    type: "ordinal",
    scale: { domain: rows.map((r) => shortMonth(r.month)) },
    title: null,
    axis: { labelAngle: 0 },
  } as const;
  const values = rows.flatMap((r) => [
    { m: shortMonth(r.month), series: "Pro-rata line", amount: r.expected },
    ...(r.spent === null ? [] : [{ m: shortMonth(r.month), series: "Spent to date", amount: r.spent }]),
  ]);
  const top = Math.max(award, ...rows.map((r) => r.spent ?? 0));
  return {
    data: { spend: values },
    spec: {
      config: CHART_CONFIG,
      data: { name: "spend" },
      width: 460,
      height: 180,
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: {
        x,
        y: {
          field: "amount",
          type: "quantitative",
          title: "£",
          axis: { format: "$,.0f" },
          scale: { domain: [0, top] },
        },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { domain: ["Spent to date", "Pro-rata line"], range: [ACCENT, MUTED] },
        },
        strokeDash: {
          field: "series",
          type: "nominal",
          title: null,
          scale: {
            domain: ["Spent to date", "Pro-rata line"],
            range: [
              [1, 0],
              [6, 4],
            ],
          },
        },
        shape: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { domain: ["Spent to date", "Pro-rata line"], range: ["circle", "stroke"] },
        },
      },
    } as Chart["spec"],
  };
}
