import type { TeamHistory } from "./programme-history.js";
import { analyseRunChart, parseMeasureValue, type RunChartAnalysis, type RunPoint } from "./run-chart.js";

export type MeasureSeries = {
  /** The measure's name as the team last wrote it ("" if they never named one). */
  name: string;
  /** Every name used, when a team renamed its measure part-way (the chart may mix two measures). */
  names: string[];
  percent: boolean;
  /** Months with a readable value, in order. */
  points: (RunPoint & { raw: string })[];
  /** Months whose value could not be read as a number ("not yet measured"). */
  unreadable: { month: string; raw: string }[];
  analysis: RunChartAnalysis;
};

/** A team's run-chart data: the "latest value of the measure" from each submitted update. */
export function measureSeries(history: TeamHistory): MeasureSeries {
  const points: MeasureSeries["points"] = [];
  const unreadable: MeasureSeries["unreadable"] = [];
  const names: string[] = [];
  let percent = false;
  for (const m of history.months) {
    if (m.state !== "submitted") continue;
    const name = m.data.measure?.trim();
    if (name && !names.includes(name)) names.push(name);
    if (!m.data.measureValue) continue;
    const parsed = parseMeasureValue(m.data.measureValue);
    if (!parsed) {
      unreadable.push({ month: m.cycle.month, raw: m.data.measureValue });
      continue;
    }
    percent ||= parsed.percent;
    points.push({ month: m.cycle.month, value: parsed.value, raw: m.data.measureValue });
  }
  const lastNamed = [...history.months].reverse().find((m) => m.state === "submitted" && m.data.measure);
  return {
    name: lastNamed?.data.measure ?? "",
    names,
    percent,
    points,
    unreadable,
    analysis: analyseRunChart(points),
  };
}
