import type { Chart } from "../render-svg.js";
import { stackedCountsChart } from "./stacked-counts.js";
import { STATE_COLOURS } from "./theme.js";

export type SubmissionCounts = { month: string; onTime: number; late: number; missing: number; notDue: number };

/** Submissions per cycle: on time, late, missing and not due yet, as stacked bars. */
export function submissionsChart(rows: SubmissionCounts[]): Chart {
  return stackedCountsChart({
    rows: rows.map((r) => ({ month: r.month, counts: [r.onTime, r.late, r.missing, r.notDue] })),
    kinds: [
      { name: "On time", word: "on time", colour: STATE_COLOURS["On track"] },
      { name: "Late", word: "late", colour: STATE_COLOURS["At risk"] },
      { name: "Missing", word: "missing", colour: STATE_COLOURS["Off track"] },
      { name: "Not due yet", word: "not due", colour: STATE_COLOURS["Not due yet"] },
    ],
    axisTitle: "Teams",
  });
}
