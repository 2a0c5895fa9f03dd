import type { Chart } from "../render-svg.js";
import { CHART_CONFIG, shortMonth } from "./theme.js";

export type SubmissionCounts = { month: string; onTime: number; late: number; missing: number; notDue: number };

const WIDTH = 520;

/** "3 late" where the segment has room, the bare count where it has a little, nothing where it has none. */
function segmentLabel(count: number, px: number, kind: string): string {
  if (count === 0 || px < 14) return "";
  const word = kind === "Not due yet" ? "not due" : kind.toLowerCase();
  return px >= 9 * (String(count).length + word.length + 1) ? `${count} ${word}` : String(count);
}

const KINDS = [
  ["On time", "onTime", "#9ad0b1"],
  ["Late", "late", "#ffcf70"],
  ["Missing", "missing", "#f29a9a"],
  ["Not due yet", "notDue", "#e8e8e8"],
] as const;

/**
 * Submissions per cycle as stacked bars: each segment is labelled with its count and kind ("3 late"),
 * and the segments always stack in the same order, so the bars read without colour.
 */
export function submissionsChart(rows: SubmissionCounts[]): Chart {
  const values = rows.flatMap((r) => {
    const total = r.onTime + r.late + r.missing + r.notDue || 1;
    return KINDS.map(([kind, field], order) => ({
      m: shortMonth(r.month),
      kind,
      order,
      count: r[field],
      label: segmentLabel(r[field], (r[field] / total) * WIDTH, kind),
    }));
  });
  const x = {
    field: "count",
    type: "quantitative",
    stack: "zero",
    title: "Teams",
    axis: { tickMinStep: 1, format: "d" },
  } as const;
  const y = { field: "m", type: "ordinal", sort: rows.map((r) => shortMonth(r.month)), title: null } as const;
  return {
    data: { counts: values },
    spec: {
      config: CHART_CONFIG,
      data: { name: "counts" },
      width: WIDTH,
      height: { step: 30 },
      transform: [{ filter: "datum.count > 0" }],
      layer: [
        {
          mark: { type: "bar", stroke: "#57606a", strokeWidth: 0.5 },
          encoding: {
            x,
            y,
            order: { field: "order" },
            color: {
              field: "kind",
              type: "nominal",
              title: null,
              scale: { domain: KINDS.map((k) => k[0]), range: KINDS.map((k) => k[2]) },
            },
          },
        },
        {
          mark: { type: "text", fontSize: 11 },
          encoding: {
            x: { ...x, bandPosition: 0.5 },
            y,
            order: { field: "order" },
            detail: { field: "kind" },
            text: { field: "label" },
          },
        },
      ],
    } as Chart["spec"],
  };
}
