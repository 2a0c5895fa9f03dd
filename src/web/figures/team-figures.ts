import { renderSvg } from "../../charts/render-svg.js";
import { formatNumber, type RunChartPoint, runChart } from "../../charts/specs/run-chart.js";
import { teamSpendChart } from "../../charts/specs/team-spend.js";
import type { MeasureSeries } from "../../core/staff/measure-series.js";
import { type RunSignal, SHIFT_POINTS, STEADY_POINTS, TREND_POINTS } from "../../core/staff/run-chart.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { figure, h, pounds, table } from "../html/html.js";

/** "a trend of 5 rising points (October 2022 to February 2023)". */
export function describeSignal(signal: RunSignal, series: MeasureSeries): string {
  const from = monthLabel(series.points[signal.from]?.month ?? "");
  const to = monthLabel(series.points[signal.to]?.month ?? "");
  const what =
    signal.kind === "shift"
      ? `a shift: ${signal.points} points ${signal.direction} the median`
      : `a trend: ${signal.points} points ${signal.direction === "up" ? "rising" : "falling"}`;
  return `${what} (${from} to ${to})`;
}

function signalSentence(series: MeasureSeries): string {
  const { analysis, points } = series;
  const found = analysis.signals.map((s) => describeSignal(s, series));
  const rules = `Rules: a shift is ${SHIFT_POINTS} or more points in a row on one side of the median; a trend is ${TREND_POINTS} or more rising or falling.`;
  const provisional =
    points.length < STEADY_POINTS
      ? ` With ${points.length} of the ${STEADY_POINTS} points a median usually needs, treat signals as provisional.`
      : "";
  return `${found.length ? `Signals: ${found.join("; ")}.` : "No shift or trend."} ${rules}${provisional}`;
}

/**
 * The team's run chart: title is the measure's name; the caption says the range, the median and every
 * signal in words; the table lists each month's value as the team wrote it and whether it is in a signal.
 */
export async function runChartFigure(series: MeasureSeries, months: string[]): Promise<string> {
  const title = series.name ? `Measure: ${series.name}` : "Measure (not named by the team)";
  const renamed =
    series.names.length > 1
      ? `<p class="note">The team has named its measure differently over time: ${series.names.map((n) => `“${h(n)}”`).join(", ")}.</p>`
      : "";
  if (series.points.length === 0) {
    const unread = series.unreadable.length
      ? ` Values that are not numbers: ${series.unreadable.map((u) => `${monthLabel(u.month)} “${u.raw}”`).join(", ")}.`
      : "";
    return `<h3>${h(title)}</h3><p class="empty">No numeric values of the measure yet, so there is no run chart.${h(unread)}</p>`;
  }
  const { analysis } = series;
  const kinds = (i: number): RunChartPoint["signal"] => {
    const hits = analysis.signals.filter((s) => s.from <= i && i <= s.to).map((s) => s.kind);
    return hits.includes("shift") && hits.includes("trend") ? "both" : (hits[0] ?? null);
  };
  const unit = series.percent ? "%" : "";
  const values = series.points.map((p) => p.value);
  const alt = `Run chart of ${series.name || "the team's measure"}: ${series.points.length} monthly values from ${formatNumber(Math.min(...values))}${unit} to ${formatNumber(Math.max(...values))}${unit}, latest ${formatNumber(values.at(-1) ?? 0)}${unit}, median ${formatNumber(analysis.median ?? 0)}${unit}.`;
  const svg = await renderSvg(
    runChart({
      points: series.points.map((p, i) => ({ month: p.month, value: p.value, signal: kinds(i) })),
      months,
      median: analysis.median,
      percent: series.percent,
    }),
    alt,
  );
  const rows = series.points.map((p, i) => [
    monthLabel(p.month),
    p.raw,
    `${formatNumber(p.value)}${unit}`,
    kinds(i) === null ? "no" : kinds(i) === "both" ? "shift and trend" : (kinds(i) as string),
  ]);
  for (const u of series.unreadable) rows.push([monthLabel(u.month), u.raw, "not a number", "—"]);
  return `<h3>${h(title)}</h3>${renamed}${figure({
    svg,
    caption: `${alt} ${signalSentence(series)} Dashed line: the median. Squares mark a shift, triangles a trend.`,
    table: table({ caption: "Measure by month", head: ["Month", "As reported", "Value", "In a signal"], rows }),
  })}`;
}

export async function teamSpendFigure(
  rows: { month: string; spent: number | null; expected: number }[],
  award: number,
): Promise<string> {
  const last = [...rows].reverse().find((r) => r.spent !== null);
  const alt = last
    ? `Grant spent to date: ${pounds(last.spent ?? 0)} of ${pounds(award)} by ${monthLabel(last.month)}, against a pro-rata line of ${pounds(last.expected)} then.`
    : `No spend reported yet against the ${pounds(award)} award.`;
  return figure({
    svg: await renderSvg(teamSpendChart(rows, award), alt),
    caption: `${alt} Solid line with dots: spent to date as reported. Dashed line: the pro-rata line.`,
    table: table({
      caption: "Spend by month",
      head: ["Month", "Spent to date", "Pro-rata line"],
      rows: rows.map((r) => [
        monthLabel(r.month),
        r.spent === null ? "not reported" : pounds(r.spent),
        pounds(r.expected),
      ]),
    }),
  });
}
