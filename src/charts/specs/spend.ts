import type { Chart } from "../render-svg.js";
import { ACCENT, CHART_CONFIG, INK } from "./theme.js";

export type SpendRow = { name: string; spent: number; award: number; expected: number };

const pounds = (n: number) => `£${Math.round(n).toLocaleString("en-GB")}`;

/**
 * Grant spent to date against the award (the pale bar) and the pro-rata line (a black tick: where spend
 * would be if it ran evenly over the programme). Each bar is labelled "£3,100 of £10,000"; the three
 * marks differ in shape and size, not only colour, and the page's caption names them (SPEND_KEY).
 */
export function spendChart(rows: SpendRow[], options: { labelWidth?: number } = {}): Chart {
  const values = rows.map((r) => ({
    ...r,
    label: `${pounds(r.spent)} of ${pounds(r.award)}`,
  }));
  const y = {
    field: "name",
    type: "nominal",
    scale: { domain: rows.map((r) => r.name) },
    title: null,
    axis: { labelLimit: options.labelWidth ?? 0 },
  } as const;
  const money = { type: "quantitative", title: "£", axis: { format: "$,.0f" } } as const;
  return {
    data: { spend: values },
    spec: {
      config: CHART_CONFIG,
      width: 460,
      height: { step: 26 },
      layer: [
        {
          data: { name: "spend" },
          layer: [
            {
              mark: { type: "bar", color: "#eef1f4", stroke: "#8c959f", strokeWidth: 1, height: { band: 0.8 } },
              encoding: { x: { field: "award", ...money }, y },
            },
            {
              mark: { type: "bar", color: ACCENT, height: { band: 0.45 } },
              encoding: { x: { field: "spent", ...money }, y },
            },
            {
              mark: { type: "tick", color: INK, thickness: 3, bandSize: 22 },
              encoding: { x: { field: "expected", ...money }, y },
            },
            {
              mark: { type: "text", align: "left", dx: 6, fontSize: 11 },
              encoding: { x: { field: "award", ...money }, y, text: { field: "label" } },
            },
          ],
        },
      ],
    } as Chart["spec"],
  };
}

/** What the three marks mean, for the caption under the chart. */
export const SPEND_KEY =
  "Pale bar: grant awarded. Blue bar: spent to date. Black tick: the pro-rata line (spend if it ran evenly over the programme).";
