import type { Chart } from "../render-svg.js";
import { ACCENT, CHART_CONFIG, INK, ORANGE, shortMonth } from "./theme.js";

export type PeopleRow = { month: string; people: number; cumulative: number };

/**
 * People supported: bars for each month (left axis) and a line with square markers for the running
 * total (right axis). The bars carry their numbers; the axes are titled, so the two series differ in
 * form and words as well as colour (the running total's numbers are in the table below the chart).
 */
export function peopleChart(rows: PeopleRow[], months: string[]): Chart {
  const x = {
    field: "m",
    type: "ordinal",
    scale: { domain: months.map(shortMonth) },
    title: null,
    axis: { labelAngle: 0 },
  } as const;
  const monthly = {
    field: "people",
    type: "quantitative",
    title: "People this month (bars)",
    axis: { format: ",d", tickMinStep: 1 },
  } as const;
  const total = {
    field: "cumulative",
    type: "quantitative",
    title: "Running total (line)",
    axis: { format: ",d", tickMinStep: 1, orient: "right" },
  } as const;
  return {
    data: { people: rows.map((r) => ({ ...r, m: shortMonth(r.month) })) },
    spec: {
      config: CHART_CONFIG,
      data: { name: "people" },
      width: 460,
      height: 200,
      layer: [
        {
          layer: [
            {
              mark: { type: "bar", color: "#a9c6e8", stroke: ACCENT, strokeWidth: 1, width: { band: 0.6 } },
              encoding: { x, y: monthly },
            },
            {
              mark: { type: "text", baseline: "top", dy: 4, color: INK },
              encoding: { x, y: monthly, text: { field: "people", format: ",d" } },
            },
          ],
        },
        {
          layer: [
            {
              mark: {
                type: "line",
                color: ORANGE,
                strokeWidth: 2,
                point: { shape: "square", size: 60, filled: true, color: ORANGE },
              },
              encoding: { x, y: total },
            },
          ],
        },
      ],
      resolve: { scale: { y: "independent" } },
    } as Chart["spec"],
  };
}
