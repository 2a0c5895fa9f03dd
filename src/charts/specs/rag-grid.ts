import type { Chart } from "../render-svg.js";
import { CHART_CONFIG, INK, STATE_COLOURS, type StateName, shortMonth } from "./theme.js";

export type RagCell = {
  team: string;
  month: string;
  state: StateName;
  late: boolean;
};

/** The text drawn in a cell: the RAG letter (and "late"), so the grid reads without colour. */
export function cellLabel(cell: Pick<RagCell, "state" | "late">): string {
  const letter: Record<StateName, string> = {
    "On track": "G",
    "At risk": "A",
    "Off track": "R",
    "Not submitted": "none",
    "Not due yet": "",
  };
  const base = letter[cell.state];
  return cell.late ? `${base} late` : base;
}

/**
 * Team × month grid of RAG status. Late updates get a dashed outline as well as the word; missing ones
 * are white with "none". `months` fixes the column order (every cycle, even one nobody reported).
 */
export function ragGridSpec(cells: RagCell[], months: string[], options: { title?: string } = {}): Chart {
  const teams = [...new Set(cells.map((c) => c.team))];
  const values = cells.map((c) => ({ ...c, m: shortMonth(c.month), label: cellLabel(c) }));
  const x = {
    field: "m",
    type: "ordinal",
    scale: { domain: months.map(shortMonth) },
    title: null,
    axis: { orient: "top", labelAngle: 0 },
  } as const;
  const y = { field: "team", type: "nominal", scale: { domain: teams }, title: null, axis: { labelLimit: 0 } } as const;
  const spec = {
    ...(options.title ? { title: options.title } : {}),
    config: CHART_CONFIG,
    data: { name: "cells" },
    width: { step: 64 },
    height: { step: 24 },
    layer: [
      {
        mark: { type: "rect", stroke: "#8c959f", strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: "state",
            type: "nominal",
            title: "Status (letter in cell)",
            scale: { domain: Object.keys(STATE_COLOURS), range: Object.values(STATE_COLOURS) },
            legend: {
              orient: "right",
              direction: "vertical",
              labelLimit: 300,
              titleLimit: 300,
              labelExpr:
                "datum.label + ' (' + {'On track':'G','At risk':'A','Off track':'R','Not submitted':'none','Not due yet':'blank'}[datum.label] + ')'",
            },
          },
        },
      },
      {
        transform: [{ filter: "datum.late" }],
        mark: { type: "rect", fill: null, stroke: INK, strokeWidth: 2, strokeDash: [4, 2], width: 58, height: 18 },
        encoding: { x, y },
      },
      { mark: { type: "text", fontWeight: "bold" }, encoding: { x, y, text: { field: "label" } } },
    ],
  } as Chart["spec"];
  return { spec, data: { cells: values } };
}
